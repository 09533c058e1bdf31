package report

import (
	"fmt"
	"math"
)

// An attacker on the published report: it takes only what a reader sees
// (the measures with their n and within where shown, which cells are
// listed and their excluded counts, and each pathway's count of
// reportable episodes) and, for every hidden cell, tries to pin down its
// n, its within and its share by exact integer programming over what is
// published:
//
//   - per group: all pathways = Σ pathway totals, pathway total = Σ its
//     definitions with a target, for n and within;
//   - a listed cell with no excluded lead times has n ≥ 1, any n ≥ 0;
//     0 ≤ within ≤ n;
//   - per pathway, over all groups and definitions: Σ n ≤ reportable.
//
// It knows nothing of how suppress chooses.

// published is what the attacker reads.
type published struct {
	measures   []Measure
	reportable map[string]int // by pathway key
	// bounds are finding counts of the pathway table that bound the lead
	// times of some groups (under_18_ar: the age group 0–17).
	bounds []pubBound
}

type pubBound struct {
	pathway string
	groups  map[string]bool // by Group.Label()
	bound   int
}

// leak is a hidden figure the attacker pinned down.
type leak struct {
	measure int    // index in measures
	what    string // "n", "within" or "share"
}

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
}

// maxNodes bounds one search; a search that needs more fails the test
// rather than pass it unproved.
const maxNodes = 200_000

var errSearch = fmt.Errorf("integer search over %d nodes", maxNodes)

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

var errBudget = fmt.Errorf("over budget")

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
	if p.nodes > maxNodes {
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

// attack returns the hidden figures pinned down by what pub publishes.
// truthN and truthW give the true n and within of each measure, to ask
// "can it be anything else?"; the truth is checked to fit.
//
// A hidden measure with a target has two unknowns, within and over
// (= n − within), both ≥ 0: every sum then holds for each separately,
// and the bounds propagate well.
func attack(pub published, truthN, truthW []int) ([]leak, error) {
	ms := pub.measures
	wVar, oVar := make([]int, len(ms)), make([]int, len(ms)) // oVar is n's variable without a target
	p := &ilp{}
	var truth []int
	addVar := func(hi, t int) int {
		p.lo, p.hi = append(p.lo, 0), append(p.hi, hi)
		truth = append(truth, t)
		return len(p.lo) - 1
	}
	totalReportable := 0
	for _, r := range pub.reportable {
		totalReportable += r
	}
	for i, m := range ms {
		wVar[i], oVar[i] = -1, -1
		if !m.Suppressed {
			continue
		}
		hi := totalReportable
		if m.Pathway != "" {
			hi = pub.reportable[m.Pathway]
		}
		if m.Goal != nil {
			wVar[i] = addVar(hi, truthW[i])
			oVar[i] = addVar(hi, truthN[i]-truthW[i])
		} else {
			oVar[i] = addVar(hi, truthN[i])
		}
		if m.Excluded == 0 {
			// Listed, and nothing left out: it has a lead time.
			k := constraint{c: 1}
			addN(&k, i, -1, wVar, oVar)
			p.cons = append(p.cons, k)
		}
	}
	// term adds a measure's within or over (figures when shown) to a sum.
	term := func(k *constraint, i int, sign int, over bool) {
		v := wVar[i]
		if over {
			v = oVar[i]
		}
		if v >= 0 {
			k.vars, k.coefs = append(k.vars, v), append(k.coefs, sign)
			return
		}
		if over {
			k.c += sign * (*ms[i].N - *ms[i].Within)
		} else {
			k.c += sign * *ms[i].Within
		}
	}
	group := func(m Measure) string { return m.Group.Label() }
	for i, top := range ms {
		if top.Level == LevelLeadTime {
			continue
		}
		for _, over := range []bool{false, true} {
			k := constraint{eq: true}
			term(&k, i, 1, over)
			for j, part := range ms {
				if group(part) != group(top) {
					continue
				}
				if (top.Level == LevelAll && part.Level == LevelPathway) ||
					(top.Level == LevelPathway && part.Level == LevelLeadTime && part.Pathway == top.Pathway && part.Goal != nil) {
					term(&k, j, -1, over)
				}
			}
			p.cons = append(p.cons, k)
		}
	}
	for key, r := range pub.reportable {
		k := constraint{c: -r}
		for i, m := range ms {
			if m.Level != LevelLeadTime || m.Pathway != key {
				continue
			}
			if oVar[i] >= 0 || wVar[i] >= 0 {
				addN(&k, i, 1, wVar, oVar)
			} else {
				k.c += *m.N
			}
		}
		p.cons = append(p.cons, k)
	}
	for _, b := range pub.bounds {
		k := constraint{c: -b.bound}
		for i, m := range ms {
			if m.Level != LevelLeadTime || m.Pathway != b.pathway || !b.groups[m.Group.Label()] {
				continue
			}
			if oVar[i] >= 0 || wVar[i] >= 0 {
				addN(&k, i, 1, wVar, oVar)
			} else {
				k.c += *m.N
			}
		}
		p.cons = append(p.cons, k)
	}
	if !p.holds(truth) {
		return nil, fmt.Errorf("the true table does not fit the published figures: the attacker's model is wrong")
	}
	for v := range truth {
		if truth[v] < p.lo[v] || truth[v] > p.hi[v] {
			return nil, fmt.Errorf("variable %d = %d outside its bounds %d..%d", v, truth[v], p.lo[v], p.hi[v])
		}
	}
	p.truth = truth

	// Every table found so far fits; a question one of them answers needs
	// no search.
	found := [][]int{truth}
	differs := func(ask func(x []int) bool, extra constraint) (bool, error) {
		for _, x := range found {
			if ask(x) {
				return true, nil
			}
		}
		q := &ilp{cons: append(append([]constraint(nil), p.cons...), extra), truth: truth}
		x, err := q.solve(p.lo, p.hi)
		if x != nil {
			found = append(found, x)
		}
		return x != nil, err
	}
	var leaks []leak
	for i := range ms {
		if (wVar[i] < 0 && oVar[i] < 0) || truthN[i] == 0 {
			continue // visible, or no lead time: nobody's outcome
		}
		tn, tw := truthN[i], truthW[i]
		nOf := func(x []int) int {
			n := x[oVar[i]]
			if wVar[i] >= 0 {
				n += x[wVar[i]]
			}
			return n
		}
		// either side of the truth: sign·(value − truth) ≥ 1
		type question struct {
			what string
			ask  func(x []int, sign int) bool
			con  func(sign int) constraint
		}
		questions := []question{{"n",
			func(x []int, sign int) bool { return sign*(nOf(x)-tn) >= 1 },
			func(sign int) constraint {
				k := constraint{c: 1 + sign*tn}
				addN(&k, i, -sign, wVar, oVar)
				return k
			}}}
		if w, o := wVar[i], oVar[i]; w >= 0 {
			to := tn - tw
			questions = append(questions, question{"within",
				func(x []int, sign int) bool { return sign*(x[w]-tw) >= 1 },
				func(sign int) constraint { return constraint{vars: []int{w}, coefs: []int{-sign}, c: 1 + sign*tw} }},
				// Another share: w/n ≠ tw/tn ⇔ w·to − o·tw ≠ 0, with n ≥ 1.
				question{"share",
					func(x []int, sign int) bool { return x[w]+x[o] > 0 && sign*(x[w]*to-x[o]*tw) >= 1 },
					func(sign int) constraint {
						return constraint{vars: []int{w, o}, coefs: []int{-sign * to, sign * tw}, c: 1}
					}})
		}
		for _, q := range questions {
			pinned := true
			for _, sign := range []int{-1, 1} {
				ok, err := differs(func(x []int) bool { return q.ask(x, sign) }, q.con(sign))
				if err != nil {
					return nil, fmt.Errorf("%s of measure %d (%s %s %s %s), %+d: %w", q.what, i, ms[i].Level, ms[i].Pathway, ms[i].LeadTime, ms[i].Group.Label(), sign, err)
				}
				if ok {
					pinned = false
					break
				}
			}
			if pinned {
				leaks = append(leaks, leak{i, q.what})
			}
		}
	}
	return leaks, nil
}

// addN adds sign·n of measure i (within + over, or n) to k.
func addN(k *constraint, i, sign int, wVar, oVar []int) {
	for _, v := range []int{wVar[i], oVar[i]} {
		if v >= 0 {
			k.vars, k.coefs = append(k.vars, v), append(k.coefs, sign)
		}
	}
}
