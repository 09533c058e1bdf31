package report

import (
	"math"
)

// A small exact integer-programming solver: the audit of the published
// counts (counts.go) and the attacker of the proof test (attack_test.go)
// ask it whether another table fits everything a report publishes.

// constraint: Σ coef·x + c  (== 0 when eq, else ≤ 0).
type constraint struct {
	vars  []int
	coefs []int
	c     int
	eq    bool
}

type ilp struct {
	cons   []constraint
	lo, hi []int
	// truth is a solution of the published figures; the search tries
	// values near it first, where other solutions usually are.
	truth []int
	nodes int
	// budget bounds branch and bound (maxNodes when 0); the audit uses a
	// smaller one and hides more when it runs out.
	budget int
}

// maxNodes bounds one search; a search that needs more fails the test
// rather than pass it unproved, and makes the audit hide more.
const maxNodes = 200_000

// errSearch and errBudget are constants: fmt.Errorf at package
// initialisation was most of this package's share of every start-up,
// errors.New the rest (issue 16).
const errSearch = constError("integer search over maxNodes nodes")

// propagate tightens the bounds until nothing changes; false when the
// constraints cannot hold.
func (p *ilp) propagate(lo, hi []int) bool {
	for changed := true; changed; {
		changed = false
		for _, k := range p.cons {
			for pass := 0; pass < 2; pass++ {
				if pass == 1 && !k.eq {
					break
				}
				sign := 1
				if pass == 1 {
					sign = -1 // -(Σ) ≤ 0 as well
				}
				// min of sign·(Σ coef·x + c)
				min := sign * k.c
				for j, v := range k.vars {
					a := sign * k.coefs[j]
					if a > 0 {
						min += a * lo[v]
					} else {
						min += a * hi[v]
					}
				}
				if min > 0 {
					return false
				}
				for j, v := range k.vars {
					a := sign * k.coefs[j]
					// a·x ≤ -(min - its own minimum)
					var own int
					if a > 0 {
						own = a * lo[v]
					} else {
						own = a * hi[v]
					}
					room := -(min - own)
					if a > 0 {
						if b := floorDiv(room, a); b < hi[v] {
							hi[v], changed = b, true
						}
					} else if a < 0 {
						if b := ceilDiv(room, a); b > lo[v] {
							lo[v], changed = b, true
						}
					}
					if lo[v] > hi[v] {
						return false
					}
				}
			}
		}
	}
	return true
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func ceilDiv(a, b int) int { return -floorDiv(-a, b) }

// solve returns a solution within lo..hi, or nil. It first searches
// depth first with bound propagation, trying values near the truth; a
// question that needs more than quickNodes there goes to branch and bound
// on the linear relaxation, which finds (or refutes) coordinated changes
// of many cells at once.
func (p *ilp) solve(lo, hi []int) ([]int, error) {
	q := &ilp{cons: p.cons, truth: p.truth}
	if x, err := q.dfs(lo, hi, quickNodes); err == nil {
		return x, nil
	}
	return p.branchAndBound(lo, hi)
}

// quickNodes is the depth-first search's budget before branch and bound.
const quickNodes = 2000

const errBudget = constError("over budget")

func (p *ilp) dfs(lo, hi []int, budget int) ([]int, error) {
	p.nodes++
	if p.nodes > budget {
		return nil, errBudget
	}
	lo, hi = append([]int(nil), lo...), append([]int(nil), hi...)
	if !p.propagate(lo, hi) {
		return nil, nil
	}
	v := -1
	for i := range lo {
		if hi[i] > lo[i] && (v < 0 || hi[i]-lo[i] < hi[v]-lo[v]) {
			v = i
		}
	}
	if v < 0 {
		if !p.holds(lo) {
			return nil, nil
		}
		return lo, nil
	}
	t := min(max(p.truth[v], lo[v]), hi[v])
	for _, part := range [][2]int{{t, t}, {lo[v], t - 1}, {t + 1, hi[v]}} {
		if part[0] > part[1] {
			continue
		}
		l2, h2 := append([]int(nil), lo...), append([]int(nil), hi...)
		l2[v], h2[v] = part[0], part[1]
		if x, err := p.dfs(l2, h2, budget); x != nil || err != nil {
			return x, err
		}
	}
	return nil, nil
}

// branchAndBound: the linear relaxation (simplex) refutes a node or gives
// a point; a fractional variable is split at its value.
func (p *ilp) branchAndBound(lo, hi []int) ([]int, error) {
	p.nodes++
	if budget := p.budget; (budget > 0 && p.nodes > budget) || p.nodes > maxNodes {
		return nil, errSearch
	}
	lo, hi = append([]int(nil), lo...), append([]int(nil), hi...)
	if !p.propagate(lo, hi) {
		return nil, nil
	}
	x := p.relaxation(lo, hi)
	if x == nil {
		return nil, nil
	}
	v, xi := -1, make([]int, len(x))
	for i, f := range x {
		xi[i] = int(math.Round(f))
		if math.Abs(f-float64(xi[i])) > 1e-6 && v < 0 {
			v = i
		}
	}
	if v < 0 {
		if p.holds(xi) {
			return xi, nil
		}
		// Rounding error: split the widest domain instead.
		for i := range lo {
			if hi[i] > lo[i] && (v < 0 || hi[i]-lo[i] > hi[v]-lo[v]) {
				v = i
			}
		}
		if v < 0 {
			return nil, nil
		}
	}
	cut := int(math.Floor(x[v]))
	if cut >= hi[v] {
		cut = hi[v] - 1
	}
	if cut < lo[v] {
		cut = lo[v]
	}
	for _, part := range [][2]int{{lo[v], cut}, {cut + 1, hi[v]}} {
		l2, h2 := append([]int(nil), lo...), append([]int(nil), hi...)
		l2[v], h2[v] = part[0], part[1]
		if x, err := p.branchAndBound(l2, h2); x != nil || err != nil {
			return x, err
		}
	}
	return nil, nil
}

// relaxation finds a real point of the constraints within lo..hi by the
// first phase of the simplex method (Bland's rule), or nil when there is
// none. With x = lo + y, every constraint and every upper bound is a row
// a·y (≤ or =) b; each row gets an artificial variable, and the sum of the
// artificials is minimised.
func (p *ilp) relaxation(lo, hi []int) []float64 {
	const eps = 1e-9
	nv := len(lo)
	type row struct {
		a  []float64
		b  float64
		eq bool
	}
	var rows []row
	for _, k := range p.cons {
		a := make([]float64, nv)
		b := float64(-k.c)
		for j, v := range k.vars {
			a[v] += float64(k.coefs[j])
		}
		for v := range a {
			b -= a[v] * float64(lo[v])
		}
		rows = append(rows, row{a, b, k.eq})
	}
	for v := 0; v < nv; v++ {
		if hi[v] == lo[v] {
			continue // y = 0 by the bound y ≥ 0 and this row: keep it
		}
		a := make([]float64, nv)
		a[v] = 1
		rows = append(rows, row{a, float64(hi[v] - lo[v]), false})
	}
	for v := 0; v < nv; v++ {
		if hi[v] == lo[v] {
			a := make([]float64, nv)
			a[v] = 1
			rows = append(rows, row{a, 0, true})
		}
	}
	m := len(rows)
	slack := 0
	for _, r := range rows {
		if !r.eq {
			slack++
		}
	}
	cols := nv + slack + m
	t := make([][]float64, m+1)
	basis := make([]int, m)
	si := nv
	for i, r := range rows {
		t[i] = make([]float64, cols+1)
		copy(t[i], r.a)
		if !r.eq {
			t[i][si] = 1
			si++
		}
		t[i][cols] = r.b
		if r.b < 0 {
			for j := range t[i] {
				t[i][j] = -t[i][j]
			}
		}
		t[i][nv+slack+i] = 1
		basis[i] = nv + slack + i
	}
	obj := make([]float64, cols+1)
	for i := 0; i < m; i++ {
		for j := 0; j < nv+slack; j++ {
			obj[j] -= t[i][j]
		}
		obj[cols] -= t[i][cols]
	}
	t[m] = obj
	for iter := 0; iter < 50*(m+cols); iter++ {
		enter := -1
		for j := 0; j < cols; j++ {
			if t[m][j] < -eps {
				enter = j
				break
			}
		}
		if enter < 0 {
			break
		}
		leave := -1
		best := 0.0
		for i := 0; i < m; i++ {
			if t[i][enter] > eps {
				r := t[i][cols] / t[i][enter]
				if leave < 0 || r < best-eps || (r < best+eps && basis[i] < basis[leave]) {
					leave, best = i, r
				}
			}
		}
		if leave < 0 {
			break // unbounded: cannot happen in phase one
		}
		pv := t[leave][enter]
		for j := range t[leave] {
			t[leave][j] /= pv
		}
		for i := 0; i <= m; i++ {
			if i == leave || t[i][enter] == 0 {
				continue
			}
			f := t[i][enter]
			for j := range t[i] {
				t[i][j] -= f * t[leave][j]
			}
		}
		basis[leave] = enter
	}
	if -t[m][cols] > 1e-7 {
		return nil
	}
	x := make([]float64, nv)
	for i, b := range basis {
		if b < nv {
			x[b] = t[i][cols]
		}
	}
	for v := range x {
		x[v] += float64(lo[v])
	}
	return x
}

func (p *ilp) holds(x []int) bool {
	for _, k := range p.cons {
		s := k.c
		for j, v := range k.vars {
			s += k.coefs[j] * x[v]
		}
		if s > 0 || (k.eq && s != 0) {
			return false
		}
	}
	return true
}
