package report

import (
	"fmt"
	"sort"
	"testing"
)

// An attacker on the published report: it takes only what a reader sees
// and, for every hidden figure, tries to pin it down by exact integer
// programming over what is published. What it reads:
//
//   - the lead-time measures: n and within where shown, which cells are
//     listed, and which reasons for left-out lead times each lists, with
//     their counts where shown;
//   - the input's counts (rows read, rejected and blank, episodes, reportable,
//     with errors) and the pathway table (episodes, reportable, with
//     errors, the findings listed), where shown;
//   - the local lead-time rows, and that a hidden one has fewer lead times
//     than min-cell (no other reason hides one).
//
// What it knows:
//
//   - per group: all pathways = Σ pathway totals, pathway total = Σ its
//     definitions with a target, for n and within; 0 ≤ within ≤ n; a
//     listed cell with no reason for left-out lead times has n ≥ 1;
//   - per pathway, over all groups and definitions: Σ n ≤ reportable ≤
//     episodes, with errors ≤ episodes, a listed finding ≤ episodes (≤
//     with errors for an error), episodes ≥ 0 (every pathway of the guide
//     is listed, so a row is not known to hold anyone); a finding that
//     holds the lead times of some groups bounds them (under_18_ar);
//   - the input's episodes, reportable and with errors are the pathways'
//     sums; rows rejected, rows blank ≤ rows read, episodes ≤ rows
//     read − rejected − blank;
//   - left-out lead times, per group and reason: all pathways = Σ pathway
//     totals, a pathway total between its largest definition with a target
//     and their sum, a listed reason ≥ 1; over the groups, per pathway, two
//     closing codes ≤ episodes − reportable and ≤ with errors, the other
//     reasons ≤ reportable − Σ n, and a listed finding of the reason's
//     rule ≥ its left-out lead times (each of these where the data
//     satisfy it: a reader may guess it);
//   - a local row's lead times ≤ its pathway's episodes;
//   - the inclusion measure: per pathway its rows' counts add up to its
//     reportable episodes (or at most them), and the rows that can hold
//     a group's lead times (same region, overlapping period) have at
//     least those (where the data satisfy it).
//
// It knows nothing of how suppress or protectCounts choose.

// published is what the attacker reads.
type published struct {
	measures []Measure
	pathways []PathwaySummary
	input    InputCounts
	local    []Measure
	minCell  int
	// bounds are finding counts of the pathway table that bound the lead
	// times of some groups (under_18_ar: the age group 0–17), as listed.
	bounds []pubBound
	// inclusion is the inclusion measure's table, nil for none.
	inclusion *Inclusion
	// truth is the same report with every count shown: the attacker asks
	// whether a hidden figure can be other than the truth, and checks
	// that the truth fits its model. Its measures are not used (truthN
	// and truthW are).
	truth *Report
}

type pubBound struct {
	pathway string
	groups  map[string]bool // by Group.Label()
	bound   int
}

// leak is a hidden figure the attacker pinned down.
type leak struct {
	measure int    // index in measures, -1 for a count elsewhere
	what    string // "n", "within", "share", or the count's name
}

// publishedOf is what the report r publishes; truth is r's data with
// every count shown (built with --min-cell 1).
func publishedOf(r, truth *Report) published {
	return published{measures: r.Measures, pathways: r.Pathways, input: r.Input, local: r.LocalMeasures,
		minCell: r.MinCell, truth: truth, inclusion: r.Inclusion}
}

// attack returns the hidden figures pinned down by what pub publishes.
// truthN and truthW give the true n and within of each measure.
//
// A hidden measure with a target has two unknowns, within and over
// (= n − within), both ≥ 0: every sum then holds for each separately,
// and the bounds propagate well.
func attack(pub published, truthN, truthW []int) ([]leak, error) {
	ms := pub.measures
	tr := pub.truth
	if len(tr.Pathways) != len(pub.pathways) || len(tr.Measures) != len(ms) || len(tr.LocalMeasures) != len(pub.local) {
		return nil, fmt.Errorf("the truth does not match the published report")
	}
	p := &ilp{}
	var truth []int
	hiAll := 10
	for i := range ms {
		hiAll += 2 * truthN[i]
	}
	for _, ps := range tr.Pathways {
		hiAll += 2 * *ps.Episodes
	}
	hiAll += 2 * *tr.Input.RowsRead
	addVar := func(lo, hi, t int) int {
		p.lo, p.hi = append(p.lo, lo), append(p.hi, hi)
		truth = append(truth, t)
		return len(p.lo) - 1
	}
	// figure is a published count: a variable when hidden, else a
	// constant.
	type figure struct {
		v, c int // variable (-1: none) or constant
	}
	count := func(shown *int, t, lo int) figure {
		if shown != nil {
			return figure{-1, *shown}
		}
		return figure{addVar(lo, hiAll, t), 0}
	}
	put := func(k *constraint, f figure, sign int) {
		if f.v >= 0 {
			k.vars, k.coefs = append(k.vars, f.v), append(k.coefs, sign)
		} else {
			k.c += sign * f.c
		}
	}
	var must []constraint
	// maybe adds a relation the reader may guess, if the data satisfy it.
	maybe := func(k constraint) {
		s := k.c
		for j, v := range k.vars {
			s += k.coefs[j] * truth[v]
		}
		if s <= 0 && (!k.eq || s == 0) {
			p.cons = append(p.cons, k)
		}
	}

	// Lead-time measures.
	wVar, oVar := make([]int, len(ms)), make([]int, len(ms)) // oVar is n's variable without a target
	for i, m := range ms {
		wVar[i], oVar[i] = -1, -1
		if !m.Suppressed {
			continue
		}
		if m.Goal != nil {
			wVar[i] = addVar(0, hiAll, truthW[i])
			oVar[i] = addVar(0, hiAll, truthN[i]-truthW[i])
		} else {
			oVar[i] = addVar(0, hiAll, truthN[i])
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
	// nOf adds sign·n of measure i.
	nOf := func(k *constraint, i, sign int) {
		if oVar[i] >= 0 || wVar[i] >= 0 {
			addN(k, i, sign, wVar, oVar)
		} else {
			k.c += sign * *ms[i].N
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
			must = append(must, k)
		}
	}

	// The input and the pathway table.
	in, tin := pub.input, tr.Input
	read := count(in.RowsRead, *tin.RowsRead, 0)
	rejected := count(in.RowsRejected, *tin.RowsRejected, 0)
	blank := count(in.RowsBlank, *tin.RowsBlank, 0)
	inE := count(in.Episodes, *tin.Episodes, 0)
	inR := count(in.Reportable, *tin.Reportable, 0)
	inW := count(in.WithErrors, *tin.WithErrors, 0)
	{
		k := constraint{}
		put(&k, rejected, 1)
		put(&k, read, -1)
		must = append(must, k)
		k = constraint{}
		put(&k, blank, 1)
		put(&k, read, -1)
		must = append(must, k)
		k = constraint{}
		put(&k, inE, 1)
		put(&k, read, -1)
		put(&k, rejected, 1)
		put(&k, blank, 1)
		maybe(k)
	}
	type row struct{ e, r, w figure }
	rows := map[string]row{}
	sums := []constraint{{eq: true}, {eq: true}, {eq: true}}
	put(&sums[0], inE, 1)
	put(&sums[1], inR, 1)
	put(&sums[2], inW, 1)
	for i, ps := range pub.pathways {
		t := tr.Pathways[i]
		rw := row{count(ps.Episodes, *t.Episodes, 0), count(ps.Reportable, *t.Reportable, 0), count(ps.WithErrors, *t.WithErrors, 0)}
		rows[ps.Pathway] = rw
		put(&sums[0], rw.e, -1)
		put(&sums[1], rw.r, -1)
		put(&sums[2], rw.w, -1)
		for _, part := range []figure{rw.r, rw.w} {
			k := constraint{}
			put(&k, part, 1)
			put(&k, rw.e, -1)
			must = append(must, k)
		}
		for _, f := range ps.Findings {
			k := constraint{c: f.Count}
			put(&k, rw.e, -1)
			must = append(must, k)
			if f.Severity == "error" {
				k := constraint{c: f.Count}
				put(&k, rw.w, -1)
				must = append(must, k)
			}
		}
		// Σ n ≤ reportable.
		k := constraint{}
		for j, m := range ms {
			if m.Level == LevelLeadTime && m.Pathway == ps.Pathway {
				nOf(&k, j, 1)
			}
		}
		put(&k, rw.r, -1)
		must = append(must, k)
	}
	must = append(must, sums...)

	// The inclusion measure: a count per row (the estimate is shown and
	// ties nothing: a hidden share is pinned exactly when its count is).
	// Per pathway the rows add up to its reportable episodes, or to at
	// most them; the rows that can hold a group's lead times have at
	// least those (each where the data satisfy it).
	var incFig []figure
	var incNames []string
	if inc := pub.inclusion; inc != nil {
		tinc := tr.Inclusion
		byPathway := map[string][]int{}
		for i, row := range inc.Rows {
			incFig = append(incFig, count(row.Reported, *tinc.Rows[i].Reported, 0))
			incNames = append(incNames, fmt.Sprintf("inclusion %s %s %s", row.Region, row.Pathway, row.Period))
			byPathway[row.Pathway] = append(byPathway[row.Pathway], i)
		}
		var keys []string
		for k := range byPathway {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, key := range keys {
			rw, ok := rows[key]
			if !ok {
				continue
			}
			for _, eq := range []bool{true, false} {
				k := constraint{eq: eq}
				for _, i := range byPathway[key] {
					put(&k, incFig[i], 1)
				}
				put(&k, rw.r, -1)
				maybe(k)
			}
			groups := map[string]Group{}
			var labels []string
			for _, m := range ms {
				if m.Level == LevelLeadTime && m.Pathway == key {
					if _, ok := groups[m.Group.Label()]; !ok {
						labels = append(labels, m.Group.Label())
					}
					groups[m.Group.Label()] = m.Group
				}
			}
			sort.Strings(labels)
			for _, label := range labels {
				grp := groups[label]
				var dims, vals []string
				for _, gv := range grp {
					dims, vals = append(dims, gv.Dim), append(vals, gv.Value)
				}
				k := constraint{}
				for j, m := range ms {
					if m.Level == LevelLeadTime && m.Pathway == key && m.Group.Label() == label {
						nOf(&k, j, 1)
					}
				}
				for _, i := range byPathway[key] {
					if compatible(BaseRow{Region: inc.Rows[i].Region, Period: inc.Rows[i].Period}, dims, vals) {
						put(&k, incFig[i], -1)
					}
				}
				maybe(k)
			}
		}
	}
	for _, b := range pub.bounds {
		k := constraint{c: -b.bound}
		for i, m := range ms {
			if m.Level == LevelLeadTime && m.Pathway == b.pathway && b.groups[m.Group.Label()] {
				nOf(&k, i, 1)
			}
		}
		must = append(must, k)
	}

	// Left-out lead times.
	// A hidden cell's count hides its reasons too: three unknowns.
	reasons := []string{ExcludedTwoClosings, ExcludedCloseBefore, ExcludedFromCodeAbsent}
	exVar := make([]map[string]figure, len(ms))
	for i, m := range ms {
		exVar[i] = map[string]figure{}
		for _, r := range reasons {
			shown, t := 0, 0
			for _, rc := range m.ExcludedBy {
				if rc.Reason == r {
					shown = rc.Count
				}
			}
			for _, rc := range tr.Measures[i].ExcludedBy {
				if rc.Reason == r {
					t = rc.Count
				}
			}
			if m.Excluded != nil {
				exVar[i][r] = figure{-1, shown}
			} else {
				exVar[i][r] = figure{addVar(0, hiAll, t), 0}
			}
		}
	}
	ex := func(k *constraint, i int, r string, sign int) { put(k, exVar[i][r], sign) }
	// Every cell is listed, with lead times or not (allKeys): being
	// listed says nothing.
	type pr struct{ pathway, reason string }
	overGroups := map[pr]*constraint{}
	var prOrder []pr
	leafOver := map[string]*constraint{} // a definition without a target, reason
	var leafOrder []string
	for i, m := range ms {
		for _, r := range reasons {
			switch {
			case m.Level == LevelAll:
				k := constraint{eq: true}
				ex(&k, i, r, 1)
				for j, pm := range ms {
					if pm.Level == LevelPathway && group(pm) == group(m) {
						ex(&k, j, r, -1)
					}
				}
				must = append(must, k)
			case m.Level == LevelPathway:
				sum := constraint{}
				ex(&sum, i, r, 1)
				for j, lm := range ms {
					if lm.Level == LevelLeadTime && lm.Pathway == m.Pathway && group(lm) == group(m) && lm.Goal != nil {
						ex(&sum, j, r, -1)
						k := constraint{}
						ex(&k, j, r, 1)
						ex(&k, i, r, -1)
						must = append(must, k)
					}
				}
				must = append(must, sum)
				key := pr{m.Pathway, r}
				if overGroups[key] == nil {
					overGroups[key] = &constraint{}
					prOrder = append(prOrder, key)
				}
				ex(overGroups[key], i, r, 1)
			case m.Goal == nil:
				key := m.Pathway + "\x00" + m.LeadTime + "\x00" + r
				if leafOver[key] == nil {
					leafOver[key] = &constraint{}
					leafOrder = append(leafOrder, key)
				}
				ex(leafOver[key], i, r, 1)
			}
		}
	}
	overAll := func(pathway, reason string, sum constraint) {
		rw, ok := rows[pathway]
		if !ok || len(sum.vars) == 0 && sum.c == 0 {
			return
		}
		if reason == ExcludedTwoClosings {
			k := sum
			k.vars, k.coefs = append([]int(nil), sum.vars...), append([]int(nil), sum.coefs...)
			put(&k, rw.e, -1)
			put(&k, rw.r, 1)
			maybe(k)
			k = sum
			k.vars, k.coefs = append([]int(nil), sum.vars...), append([]int(nil), sum.coefs...)
			put(&k, rw.w, -1)
			maybe(k)
		} else {
			k := sum
			k.vars, k.coefs = append([]int(nil), sum.vars...), append([]int(nil), sum.coefs...)
			for j, m := range ms {
				if m.Level == LevelLeadTime && m.Pathway == pathway {
					nOf(&k, j, 1)
				}
			}
			put(&k, rw.r, -1)
			maybe(k)
		}
		for _, ps := range pub.pathways {
			if ps.Pathway != pathway {
				continue
			}
			for _, f := range ps.Findings {
				if f.Rule == reason {
					k := sum
					k.vars, k.coefs = append([]int(nil), sum.vars...), append([]int(nil), sum.coefs...)
					k.c -= f.Count
					maybe(k)
				}
			}
		}
	}
	for _, key := range prOrder {
		overAll(key.pathway, key.reason, *overGroups[key])
	}
	for _, key := range leafOrder {
		parts := splitNUL(key)
		overAll(parts[0], parts[2], *leafOver[key])
	}

	// Local rows: a hidden one has fewer lead times than min-cell.
	type localVars struct{ n, w int }
	locals := make([]localVars, len(pub.local))
	for i, m := range pub.local {
		locals[i] = localVars{-1, -1}
		if !m.Suppressed {
			continue
		}
		t := tr.LocalMeasures[i]
		tn, tw := 0, 0
		if t.N != nil {
			tn = *t.N
		}
		if t.Within != nil {
			tw = *t.Within
		}
		lv := localVars{n: addVar(0, pub.minCell-1, tn), w: -1}
		if m.Target != nil {
			lv.w = addVar(0, pub.minCell-1, tw)
			must = append(must, constraint{vars: []int{lv.w, lv.n}, coefs: []int{1, -1}})
		}
		locals[i] = lv
		if rw, ok := rows[m.Pathway]; ok {
			k := constraint{vars: []int{lv.n}, coefs: []int{1}}
			put(&k, rw.e, -1)
			must = append(must, k)
		}
	}

	for _, k := range must {
		q := &ilp{cons: []constraint{k}}
		if !q.holds(truth) {
			return nil, fmt.Errorf("the true table does not fit the published figures: the attacker's model is wrong (%+v)", k)
		}
	}
	p.cons = append(p.cons, must...)
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
	// question: a hidden figure, either side of the truth:
	// sign·(value − truth) ≥ 1.
	type question struct {
		what string
		ask  func(x []int, sign int) bool
		con  func(sign int) constraint
	}
	// value questions about Σ vars (with coefficient 1) = t.
	sumQ := func(what string, vs []int, t int) question {
		return question{what,
			func(x []int, sign int) bool {
				s := 0
				for _, v := range vs {
					s += x[v]
				}
				return sign*(s-t) >= 1
			},
			func(sign int) constraint {
				k := constraint{c: 1 + sign*t}
				for _, v := range vs {
					k.vars, k.coefs = append(k.vars, v), append(k.coefs, -sign)
				}
				return k
			}}
	}
	// shareQ: part/whole ≠ tp/tw, as part·tw − whole·tp ≠ 0 with whole ≥ 1
	// (whole = Σ wholeVars).
	shareQ := func(part int, wholeVars []int, tp, tw int) question {
		return question{"share",
			func(x []int, sign int) bool {
				w := 0
				for _, v := range wholeVars {
					w += x[v]
				}
				return w > 0 && sign*(x[part]*tw-w*tp) >= 1
			},
			func(sign int) constraint {
				k := constraint{vars: []int{part}, coefs: []int{-sign * tw}, c: 1}
				for _, v := range wholeVars {
					k.vars, k.coefs = append(k.vars, v), append(k.coefs, sign*tp)
				}
				return k
			}}
	}
	var leaks []leak
	ask := func(measure int, qs []question) error {
		for _, q := range qs {
			pinned := true
			for _, sign := range []int{-1, 1} {
				ok, err := differs(func(x []int) bool { return q.ask(x, sign) }, q.con(sign))
				if err != nil {
					return fmt.Errorf("%s of figure %d, %+d: %w", q.what, measure, sign, err)
				}
				if ok {
					pinned = false
					break
				}
			}
			if pinned {
				leaks = append(leaks, leak{measure, q.what})
			}
		}
		return nil
	}
	for i := range ms {
		if wVar[i] < 0 && oVar[i] < 0 {
			continue // visible
		}
		vs := []int{oVar[i]}
		if wVar[i] >= 0 {
			vs = append(vs, wVar[i])
		}
		qs := []question{sumQ("n", vs, truthN[i])}
		switch w := wVar[i]; {
		case truthN[i] == 0:
			// No lead time, so no outcome: it must be able to have
			// one (n above), not to be known empty.
		case w >= 0:
			qs = append(qs, sumQ("within", []int{w}, truthW[i]), shareQ(w, vs, truthW[i], truthN[i]))
		}
		if err := ask(i, qs); err != nil {
			return nil, err
		}
	}
	// The counts.
	countQ := func(name string, f figure) error {
		if f.v < 0 || truth[f.v] == 0 {
			return nil
		}
		return ask(-1, []question{sumQ(name, []int{f.v}, truth[f.v])})
	}
	// zeroQ: the pathway table hides a 0 like a small count, so a hidden
	// 0 must be able to be more (else a dash would say "empty").
	zeroQ := func(name string, f figure) error {
		if f.v < 0 {
			return nil
		}
		return ask(-1, []question{sumQ(name, []int{f.v}, truth[f.v])})
	}
	for _, c := range []struct {
		name string
		f    figure
	}{{"rows read", read}, {"rows rejected", rejected}, {"rows blank", blank}, {"episodes", inE}, {"reportable", inR}, {"with errors", inW}} {
		if err := countQ("input "+c.name, c.f); err != nil {
			return nil, err
		}
	}
	var keys []string
	for key := range rows {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		rw := rows[key]
		for _, c := range []struct {
			name string
			f    figure
		}{{"episodes", rw.e}, {"reportable", rw.r}, {"with errors", rw.w}} {
			if err := zeroQ("pathway "+key+" "+c.name, c.f); err != nil {
				return nil, err
			}
		}
		if rw.e.v >= 0 && truth[rw.e.v] > 0 {
			for _, part := range []figure{rw.r, rw.w} {
				if part.v < 0 {
					continue
				}
				q := shareQ(part.v, []int{rw.e.v}, truth[part.v], truth[rw.e.v])
				q.what = "pathway " + key + " share"
				if err := ask(-1, []question{q}); err != nil {
					return nil, err
				}
			}
		}
	}
	for i, f := range incFig {
		// A hidden 0 must be able to be more: the table hides a
		// reported 0 like a small count.
		if f.v < 0 {
			continue
		}
		if err := ask(-1, []question{sumQ(incNames[i], []int{f.v}, truth[f.v])}); err != nil {
			return nil, err
		}
	}
	for i := range ms {
		for _, r := range reasons {
			name := fmt.Sprintf("excluded %s of %s %s %s [%s]", r, ms[i].Level, ms[i].Pathway, ms[i].LeadTime, group(ms[i]))
			if err := countQ(name, exVar[i][r]); err != nil {
				return nil, err
			}
		}
	}
	for i, lv := range locals {
		if lv.n < 0 || truth[lv.n] == 0 {
			continue
		}
		name := "local " + pub.local[i].LeadTime
		qs := []question{sumQ(name+" n", []int{lv.n}, truth[lv.n])}
		if lv.w >= 0 {
			sq := shareQ(lv.w, []int{lv.n}, truth[lv.w], truth[lv.n])
			sq.what = name + " share"
			qs = append(qs, sumQ(name+" within", []int{lv.w}, truth[lv.w]), sq)
		}
		if err := ask(-1, qs); err != nil {
			return nil, err
		}
	}
	return leaks, nil
}

func splitNUL(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// addN adds sign·n of measure i (within + over, or n) to k.
func addN(k *constraint, i, sign int, wVar, oVar []int) {
	for _, v := range []int{wVar[i], oVar[i]} {
		if v >= 0 {
			k.vars, k.coefs = append(k.vars, v), append(k.coefs, sign)
		}
	}
}

// attackReport attacks what report r publishes, truth being the same data
// reported with --min-cell 1 (every count shown). A listed under_18_ar
// count bounds the lead times of the age group 0–17.
func attackReport(t testing.TB, r, truth *Report) ([]leak, published, []int, []int) {
	t.Helper()
	pub := publishedOf(r, truth)
	for _, ps := range r.Pathways {
		for _, f := range ps.Findings {
			if f.Rule != "under_18_ar" {
				continue
			}
			b := pubBound{pathway: ps.Pathway, groups: map[string]bool{}, bound: f.Count}
			for _, m := range r.Measures {
				for _, g := range m.Group {
					if g.Dim == "agegroup" && g.Value == AgeGroups[0].Label {
						b.groups[m.Group.Label()] = true
					}
				}
			}
			pub.bounds = append(pub.bounds, b)
		}
	}
	var tn, tw []int
	for _, m := range truth.Measures {
		n, w := 0, 0
		if m.N != nil {
			n = *m.N
		}
		if m.Within != nil {
			w = *m.Within
		}
		tn, tw = append(tn, n), append(tw, w)
	}
	leaks, err := attack(pub, tn, tw)
	if err != nil {
		t.Fatal(err)
	}
	return leaks, pub, tn, tw
}
