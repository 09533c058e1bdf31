package report

import (
	"fmt"
	"math"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
)

// table is a made-up report for suppression tests: per pathway the n of
// its definitions with a target, in one group.
type table struct {
	leaves  [][]int
	minCell int
}

// aggregateOf builds the cells of t (within is irrelevant to suppression)
// and the keys in report order.
func (t table) aggregateOf() (*aggregate, []cellKey) {
	g := &compiler.Guide{}
	a := &aggregate{guide: g, cells: map[cellKey]*cellAcc{}}
	var keys []cellKey
	all := cellKey{LevelAll, -1, -1, ""}
	a.cells[all] = &cellAcc{}
	keys = append(keys, all)
	for p, ns := range t.leaves {
		total := cellKey{LevelPathway, p, -1, ""}
		a.cells[total] = &cellAcc{}
		keys = append(keys, total)
		for _, n := range ns {
			g.LeadTimes = append(g.LeadTimes, &compiler.LeadTime{HasTarget: true})
			k := cellKey{LevelLeadTime, p, len(g.LeadTimes) - 1, ""}
			a.cells[k] = &cellAcc{n: n}
			a.cells[total].n += n
			a.cells[all].n += n
			keys = append(keys, k)
		}
	}
	return a, keys
}

// derivable reports the primary-suppressed cells whose numerator a reader
// could compute from the visible ones, by linear algebra: the unknowns
// are the hidden definitions' numerators, each visible total is an
// equation, and a hidden cell is revealed when its sum over the unknowns
// lies in the equations' span. It knows nothing of how suppress works.
func derivable(a *aggregate, keys []cellKey, hidden map[cellKey]string) []string {
	var unknowns []cellKey
	for _, k := range keys {
		if k.level == LevelLeadTime && hidden[k] != "" && a.cells[k].n > 0 {
			unknowns = append(unknowns, k)
		}
	}
	vector := func(k cellKey) []float64 {
		v := make([]float64, len(unknowns))
		for i, u := range unknowns {
			if k.level == LevelAll || (k.level == LevelPathway && u.pathway == k.pathway) || u == k {
				v[i] = 1
			}
		}
		return v
	}
	var equations [][]float64
	for _, k := range keys {
		if k.level != LevelLeadTime && hidden[k] == "" {
			equations = append(equations, vector(k))
		}
	}
	base := rank(equations)
	var out []string
	for _, k := range keys {
		if hidden[k] != SuppressedSmall || a.cells[k].n == 0 {
			continue
		}
		if rank(append(append([][]float64(nil), equations...), vector(k))) == base {
			out = append(out, fmt.Sprintf("%s %d %d (n=%d)", k.level, k.pathway, k.def, a.cells[k].n))
		}
	}
	return out
}

// rank is the rank of the rows by Gaussian elimination.
func rank(rows [][]float64) int {
	m := make([][]float64, len(rows))
	for i, r := range rows {
		m[i] = append([]float64(nil), r...)
	}
	r := 0
	for c := 0; len(m) > 0 && c < len(m[0]); c++ {
		pivot := -1
		for i := r; i < len(m); i++ {
			if math.Abs(m[i][c]) > 1e-9 {
				pivot = i
				break
			}
		}
		if pivot < 0 {
			continue
		}
		m[r], m[pivot] = m[pivot], m[r]
		for i := range m {
			if i != r && math.Abs(m[i][c]) > 1e-9 {
				f := m[i][c] / m[r][c]
				for j := range m[i] {
					m[i][j] -= f * m[r][j]
				}
			}
		}
		r++
	}
	return r
}

// revealedSums are the sums of hidden definitions a reader can compute:
// per visible pathway total its hidden definitions, and for a visible
// all-pathways cell the hidden definitions of the hidden totals.
func revealedSums(a *aggregate, keys []cellKey, hidden map[cellKey]string) [][]cellKey {
	var sums [][]cellKey
	var fromAll []cellKey
	allVisible := false
	for _, k := range keys {
		if k.level == LevelAll {
			allVisible = hidden[k] == ""
		}
		if k.level != LevelPathway {
			continue
		}
		var hs []cellKey
		for _, l := range keys {
			if l.level == LevelLeadTime && l.pathway == k.pathway && hidden[l] != "" && a.cells[l].n > 0 {
				hs = append(hs, l)
			}
		}
		if hidden[k] == "" {
			sums = append(sums, hs)
		} else {
			fromAll = append(fromAll, hs...)
		}
	}
	if allVisible {
		sums = append(sums, fromAll)
	}
	return sums
}

func checkSuppression(t *testing.T, tb table) map[cellKey]string {
	t.Helper()
	a, keys := tb.aggregateOf()
	hidden := suppress(a, keys, tb.minCell)
	for _, k := range keys {
		if n := a.cells[k].n; n < tb.minCell && hidden[k] != SuppressedSmall {
			t.Errorf("%v: n=%d < %d not suppressed as small (%q)", tb.leaves, n, tb.minCell, hidden[k])
		}
	}
	if d := derivable(a, keys, hidden); len(d) > 0 {
		t.Errorf("%v min %d: hidden cells can be computed: %s", tb.leaves, tb.minCell, strings.Join(d, "; "))
	}
	for _, s := range revealedSums(a, keys, hidden) {
		count, sum := 0, 0
		for _, k := range s {
			count++
			sum += a.cells[k].n
		}
		if count > 0 && (count < 2 || sum < tb.minCell) {
			t.Errorf("%v min %d: a total reveals %d hidden definitions with %d lead times together", tb.leaves, tb.minCell, count, sum)
		}
	}
	return hidden
}

// TestSuppressionCases shows what is hidden in typical tables, as the
// n of the hidden cells.
func TestSuppressionCases(t *testing.T) {
	tests := []struct {
		name   string
		tb     table
		hidden string // "level pathway def=n why" of each hidden cell
	}{
		{"nothing small", table{[][]int{{10, 7}, {6}}, 5}, ""},
		{"one small definition: its smallest sibling too",
			table{[][]int{{10, 7, 3}}, 5},
			"leadtime 0 1 n=7 complementary; leadtime 0 2 n=3 small"},
		{"two small definitions that add up to the limit",
			table{[][]int{{10, 2, 3}}, 5},
			"leadtime 0 1 n=2 small; leadtime 0 2 n=3 small"},
		{"two small definitions under the limit together",
			table{[][]int{{10, 1, 2}}, 5},
			"leadtime 0 0 n=10 complementary; leadtime 0 1 n=1 small; leadtime 0 2 n=2 small"},
		{"a small pathway: another pathway's total and smallest definition hidden",
			table{[][]int{{3}, {20, 8}}, 5},
			"pathway 0 -1 n=3 small; leadtime 0 0 n=3 small; pathway 1 -1 n=28 complementary; leadtime 1 2 n=8 complementary"},
		{"only one pathway, small: everything hidden",
			table{[][]int{{2, 1}}, 5},
			"all -1 -1 n=3 small; pathway 0 -1 n=3 small; leadtime 0 0 n=2 small; leadtime 0 1 n=1 small"},
		{"definitions with no lead times are not cells to protect",
			table{[][]int{{0, 12}, {9}}, 5},
			"leadtime 0 0 n=0 small"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, keys := tt.tb.aggregateOf()
			hidden := checkSuppression(t, tt.tb)
			var got []string
			for _, k := range keys {
				if hidden[k] != "" {
					got = append(got, fmt.Sprintf("%s %d %d n=%d %s", k.level, k.pathway, k.def, a.cells[k].n, hidden[k]))
				}
			}
			if g := strings.Join(got, "; "); g != tt.hidden {
				t.Errorf("hidden:\n got %s\nwant %s", g, tt.hidden)
			}
		})
	}
}

// TestSuppressionProperty: on random tables no primary-suppressed cell can
// be computed from the visible ones, and no total reveals a sum of fewer
// than two hidden definitions or fewer than the limit's lead times.
func TestSuppressionProperty(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		tb := table{minCell: 1 + rng.Intn(8)}
		for p := 0; p < 1+rng.Intn(4); p++ {
			var ns []int
			for d := 0; d < 1+rng.Intn(4); d++ {
				n := rng.Intn(14)
				if rng.Intn(3) == 0 {
					n = rng.Intn(4)
				}
				ns = append(ns, n)
			}
			tb.leaves = append(tb.leaves, ns)
		}
		checkSuppression(t, tb)
		if t.Failed() {
			return
		}
	}
}

// TestSuppressionIsDeterministic: the same table gives the same cells,
// whatever the map order.
func TestSuppressionIsDeterministic(t *testing.T) {
	tb := table{[][]int{{3, 6, 6}, {6, 6}, {2}}, 5}
	var first string
	for i := 0; i < 20; i++ {
		a, keys := tb.aggregateOf()
		hidden := suppress(a, keys, tb.minCell)
		var got []string
		for k, why := range hidden {
			got = append(got, fmt.Sprint(k, why))
		}
		sort.Strings(got)
		s := strings.Join(got, ";")
		if i == 0 {
			first = s
		} else if s != first {
			t.Fatalf("run %d hides %s, run 0 %s", i, s, first)
		}
	}
}
