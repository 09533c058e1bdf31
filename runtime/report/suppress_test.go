package report

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
)

// tableSpec is a made-up report for suppression tests: pathways with
// their definitions, groups, and per definition and group a cell.
type tableSpec struct {
	pathways [][]defSpec
	groups   int
	// cells[p][d][g]; a cell with n = 0 and excluded = 0 is not listed.
	cells [][][]cellSpec
	// slack[p]: reportable episodes of the pathway without a lead time.
	slack []int
	// bounds are findings of the pathway table whose episodes are those
	// of some groups (as under_18_ar the age group 0–17).
	bounds  []boundSpec
	minCell int
	// The pathway table beyond the lead times: per pathway its episodes
	// that are not reportable (besides those with two closing codes) and
	// its episodes with errors (besides those); rows rejected and blank.
	nonReportable, withErrors []int
	rejected, blank           int
	// The inclusion measure (nil: none): per pathway and group, how many
	// of the group's reportable episodes are in period K1 (the rest are
	// in K2); slackOut[p]: the pathway's reportable episodes without a
	// lead time are in no row of the base (else in group 0's K1).
	incK1    [][]int
	slackOut []bool
}

// boundSpec: the count of a finding of pathway p whose episodes hold all
// lead times of the groups, and extra more.
type boundSpec struct {
	pathway int
	groups  []int
	extra   int
}

type defSpec struct{ target bool }

// cellSpec: excluded are left out for a closing code before the start,
// or for two closing codes when twoClosings.
type cellSpec struct {
	n, within, excluded int
	twoClosings         bool
}

// aggregateOf builds the cells of t as aggregate.add would (totals over
// the definitions with a target, per group) and the keys in report order.
func (t tableSpec) aggregateOf() (*aggregate, []cellKey) {
	g := &compiler.Guide{}
	a := &aggregate{guide: g, opts: Options{By: []string{"region"}}, pathways: map[int]*pathwayAcc{},
		cells: map[cellKey]*cellAcc{}, groups: map[string][]string{},
		leads: map[pathwayGroup]int{}, findingLeads: map[findingGroup]int{}}
	groupKey := func(gi int) string { return fmt.Sprintf("R%d", gi) }
	for gi := 0; gi < t.groups; gi++ {
		a.groups[groupKey(gi)] = []string{groupKey(gi)}
	}
	add := func(k cellKey, c cellSpec) {
		acc := a.cells[k]
		if acc == nil {
			acc = &cellAcc{excluded: map[string]int{}}
			a.cells[k] = acc
		}
		acc.n += c.n
		acc.within += c.within
		if k.level == LevelLeadTime {
			for i := 0; i < c.n; i++ {
				days := int32(31 + i) // over the target of 30
				if i < c.within {
					days = int32(i % 31)
				}
				acc.days = append(acc.days, days)
			}
		}
		if c.excluded > 0 {
			reason := ExcludedCloseBefore
			if c.twoClosings {
				reason = ExcludedTwoClosings
			}
			acc.excluded[reason] += c.excluded
		}
	}
	defIndex := map[[2]int]int{}
	for p, defs := range t.pathways {
		pw := &compiler.Pathway{Index: p, Key: fmt.Sprintf("P%d", p), Name: fmt.Sprintf("förlopp %d", p)}
		g.Pathways = append(g.Pathways, pw)
		reportable := t.slack[p]
		two := 0
		for d, def := range defs {
			defIndex[[2]int{p, d}] = len(g.LeadTimes)
			g.LeadTimes = append(g.LeadTimes, &compiler.LeadTime{ID: fmt.Sprintf("L%d_%d", p, d), Name: fmt.Sprintf("ledtid %d.%d", p, d),
				Pathway: pw, HasTarget: def.target, Target: 30})
			for gi := 0; gi < t.groups; gi++ {
				c := t.cells[p][d][gi]
				if c.n == 0 && c.excluded == 0 {
					continue
				}
				reportable += c.n
				if c.twoClosings {
					two += c.excluded // not reportable
				} else {
					reportable += c.excluded // reportable, without the lead time
				}
				a.leads[pathwayGroup{p, groupKey(gi)}] += c.n
				if !def.target {
					c.within = 0
				}
				add(cellKey{LevelLeadTime, p, defIndex[[2]int{p, d}], groupKey(gi)}, c)
				if def.target {
					add(cellKey{LevelPathway, p, -1, groupKey(gi)}, c)
					add(cellKey{LevelAll, -1, -1, groupKey(gi)}, c)
				}
			}
		}
		nonRep, errs := 0, 0
		if p < len(t.nonReportable) {
			nonRep, errs = t.nonReportable[p], t.withErrors[p]
		}
		episodes := reportable + nonRep + two
		a.pathways[p] = &pathwayAcc{episodes: episodes, reportable: reportable, withErrors: min(episodes, two+errs), findings: map[string]int{}}
		if two > 0 {
			a.pathways[p].findings[ExcludedTwoClosings] = two
		}
	}
	for i, b := range t.bounds {
		rule := fmt.Sprintf("f%d", i)
		count := b.extra
		in := map[int]bool{}
		for _, gi := range b.groups {
			in[gi] = true
		}
		for gi := 0; gi < t.groups; gi++ {
			pg := pathwayGroup{b.pathway, groupKey(gi)}
			if in[gi] {
				count += a.leads[pg]
				a.findingLeads[findingGroup{b.pathway, rule, pg.group}] = a.leads[pg]
			} else if a.leads[pg] > 0 {
				a.findingLeads[findingGroup{b.pathway, rule, pg.group}] = a.leads[pg] - 1
			}
		}
		if count > 0 {
			pa := a.pathways[b.pathway]
			pa.findings[rule] = count
			pa.episodes = max(pa.episodes, count) // the extra ones are episodes too
		}
	}
	if t.incK1 != nil {
		t.addInclusion(a, groupKey)
	}
	// Every cell of every group is listed, as allKeys lists them, with
	// lead times or not; those without are created here.
	listed := func(p int) bool { return a.pathways[p].episodes > 0 }
	anyTarget := func(p int) bool {
		for _, def := range t.pathways[p] {
			if def.target {
				return true
			}
		}
		return false
	}
	var keys []cellKey
	all := false
	for p := range t.pathways {
		all = all || listed(p) && anyTarget(p)
	}
	if all {
		for gi := 0; gi < t.groups; gi++ {
			keys = append(keys, cellKey{LevelAll, -1, -1, groupKey(gi)})
		}
	}
	for p, defs := range t.pathways {
		if !listed(p) {
			continue
		}
		if anyTarget(p) {
			for gi := 0; gi < t.groups; gi++ {
				keys = append(keys, cellKey{LevelPathway, p, -1, groupKey(gi)})
			}
		}
		for d := range defs {
			for gi := 0; gi < t.groups; gi++ {
				keys = append(keys, cellKey{LevelLeadTime, p, defIndex[[2]int{p, d}], groupKey(gi)})
			}
		}
	}
	for _, k := range keys {
		a.cell(k)
	}
	return a, keys
}

// regionTotal is the reportable episodes of pathway p in group gi: its
// lead times and those left out for a closing code before the start.
func (t tableSpec) regionTotal(p, gi int) int {
	n := 0
	for d := range t.pathways[p] {
		c := t.cells[p][d][gi]
		n += c.n
		if !c.twoClosings {
			n += c.excluded
		}
	}
	return n
}

// addInclusion adds the inclusion measure: a row per pathway, group
// (region) and quarter.
func (t tableSpec) addInclusion(a *aggregate, groupKey func(int) string) {
	base := &InclusionBase{Period: "quarter"}
	a.included, a.outside, a.inBase = map[inclusionKey]int{}, map[int]int{}, map[inclusionKey]bool{}
	for p := range t.pathways {
		for gi := 0; gi < t.groups; gi++ {
			total := t.regionTotal(p, gi)
			if gi == 0 && !t.slackOut[p] {
				total += t.slack[p]
			}
			for q, n := range []int{t.incK1[p][gi], total - t.incK1[p][gi]} {
				row := BaseRow{Region: groupKey(gi), Pathway: p, Period: fmt.Sprintf("2024-K%d", q+1), Estimate: 10 + 7*gi + 3*p}
				k := inclusionKey{strings.ToLower(row.Region), row.Period, p}
				base.Rows = append(base.Rows, row)
				a.inBase[k] = true
				a.included[k] = n
			}
		}
		if t.slackOut[p] {
			a.outside[p] = t.slack[p]
		}
	}
	a.opts.Inclusion = base
}

// report builds the report of t's cells: the measures (hidden where
// hidden says; all for the truth), the pathway table and the input, its
// counts protected for minCell.
func (t tableSpec) report(a *aggregate, keys []cellKey, hidden map[cellKey]bool, given []cellKey, minCell int, truth bool) *Report {
	rep := &Report{MinCell: minCell}
	severity := map[string]*compiler.Rule{ExcludedTwoClosings: {ID: ExcludedTwoClosings, Severity: compiler.SevError}}
	in := inputTruth{rowsRejected: t.rejected, rowsBlank: t.blank}
	for _, pw := range a.guide.Pathways {
		pa := a.pathways[pw.Index]
		if pa.episodes == 0 {
			continue // no row, as for a pathway without episodes
		}
		rep.Pathways = append(rep.Pathways, pathwaySummary(pw.Key, pw.Name, "", pa, severity))
		in.episodes += pa.episodes
		in.reportable += pa.reportable
		in.withErrors += pa.withErrors
	}
	in.rowsRead = 3*in.episodes + t.rejected + t.blank
	for _, k := range keys {
		rep.Measures = append(rep.Measures, a.measure(k, truth || hidden[k]))
	}
	rep.Inclusion = a.inclusionTable()
	protectCounts(rep, in, a, keys, minCell, given)
	return rep
}

// publish suppresses t and returns what the report shows, the true n
// and within of each measure, and the cells suppress could not protect.
func publish(t tableSpec) (published, []int, []int, []cellKey, *aggregate, []cellKey) {
	a, keys := t.aggregateOf()
	hidden, given := suppressAll(a, keys, t.minCell)
	rep := t.report(a, keys, hidden, given, t.minCell, false)
	pub := publishedOf(rep, t.report(a, keys, nil, nil, 1, true))
	var tn, tw []int
	for _, k := range keys {
		tn, tw = append(tn, a.cells[k].n), append(tw, a.cells[k].within)
	}
	for i, b := range t.bounds {
		rule := fmt.Sprintf("f%d", i)
		for _, ps := range rep.Pathways {
			if ps.Pathway != a.guide.Pathways[b.pathway].Key {
				continue
			}
			for _, f := range ps.Findings {
				if f.Rule != rule {
					continue
				}
				pb := pubBound{pathway: a.guide.Pathways[b.pathway].Key, groups: map[string]bool{}, bound: f.Count}
				for _, gi := range b.groups {
					pb.groups[fmt.Sprintf("Region R%d", gi)] = true
				}
				pub.bounds = append(pub.bounds, pb)
			}
		}
	}
	return pub, tn, tw, given, a, keys
}

// randomTable draws a table: 1–3 pathways of 1–4 definitions (most with
// a target), 1–3 groups, counts from 0 to 60 with many small ones, cells
// all within target, all over it or mixed, some left-out lead times (a
// closing code before the start, or two closing codes), pathways whose
// every reportable episode has a lead time (slack 0), episodes that are
// not reportable or have errors, and rows rejected.
func randomTable(rng *rand.Rand) tableSpec {
	t := tableSpec{groups: 1 + rng.Intn(3), minCell: DefaultMinCell, rejected: rng.Intn(3), blank: rng.Intn(3)}
	if rng.Intn(4) == 0 {
		t.minCell = 2 + rng.Intn(7)
	}
	for p := 0; p < 1+rng.Intn(3); p++ {
		var defs []defSpec
		var cells [][]cellSpec
		for d := 0; d < 1+rng.Intn(4); d++ {
			defs = append(defs, defSpec{target: rng.Intn(6) != 0})
			var row []cellSpec
			for g := 0; g < t.groups; g++ {
				var c cellSpec
				switch r := rng.Intn(10); {
				case r < 2: // not listed, or only left out
					if rng.Intn(2) == 0 {
						c.excluded = 1
					}
				case r < 6:
					c.n = 1 + rng.Intn(t.minCell+1)
				case r < 9:
					c.n = 1 + rng.Intn(15)
				default:
					c.n = 15 + rng.Intn(46)
				}
				switch rng.Intn(4) {
				case 0:
					c.within = c.n
				case 1:
					c.within = 0
				default:
					c.within = rng.Intn(c.n + 1)
				}
				if c.n > 0 && rng.Intn(8) == 0 {
					c.excluded = 1 + rng.Intn(2)
				}
				if c.excluded > 0 && rng.Intn(3) == 0 {
					c.twoClosings = true
				}
				if c.excluded > 0 && rng.Intn(6) == 0 {
					c.excluded += 5 + rng.Intn(10)
				}
				row = append(row, c)
			}
			cells = append(cells, row)
		}
		t.pathways = append(t.pathways, defs)
		t.cells = append(t.cells, cells)
		slack := 0
		if rng.Intn(2) == 0 {
			slack = 1 + rng.Intn(5)
		}
		t.slack = append(t.slack, slack)
		// Episodes that are not reportable, with errors.
		nonRep, errs := 0, 0
		if rng.Intn(2) == 0 {
			nonRep = rng.Intn(8)
		}
		if rng.Intn(2) == 0 {
			errs = rng.Intn(8)
		}
		t.nonReportable, t.withErrors = append(t.nonReportable, nonRep), append(t.withErrors, errs)
		// A finding that holds the lead times of some groups.
		if rng.Intn(3) == 0 {
			b := boundSpec{pathway: p}
			for g := 0; g < t.groups; g++ {
				if rng.Intn(2) == 0 {
					b.groups = append(b.groups, g)
				}
			}
			if rng.Intn(2) == 0 {
				b.extra = rng.Intn(3)
			}
			if len(b.groups) > 0 {
				t.bounds = append(t.bounds, b)
			}
		}
	}
	return t
}

func (t tableSpec) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "min %d, %d groups", t.minCell, t.groups)
	for p, defs := range t.pathways {
		fmt.Fprintf(&b, "; P%d (slack %d", p, t.slack[p])
		for _, bd := range t.bounds {
			if bd.pathway == p {
				fmt.Fprintf(&b, ", finding over groups %v +%d", bd.groups, bd.extra)
			}
		}
		b.WriteString("):")
		for d, def := range defs {
			mark := ""
			if !def.target {
				mark = " no target"
			}
			fmt.Fprintf(&b, " [L%d_%d%s", p, d, mark)
			for _, c := range t.cells[p][d] {
				fmt.Fprintf(&b, " %d/%d", c.n, c.within)
				if c.excluded > 0 {
					fmt.Fprintf(&b, "+%dx", c.excluded)
				}
			}
			b.WriteString("]")
		}
	}
	return b.String()
}

func describeLeaks(pub published, tn, tw []int, leaks []leak) string {
	var parts []string
	for _, l := range leaks {
		if l.measure < 0 {
			parts = append(parts, l.what)
			continue
		}
		m := pub.measures[l.measure]
		parts = append(parts, fmt.Sprintf("%s %s %s [%s] n=%d within=%d: %s", m.Level, m.Pathway, m.LeadTime, m.Group.Label(),
			tn[l.measure], tw[l.measure], l.what))
	}
	return strings.Join(parts, "; ")
}

// proofTables is how many random tables the proof test attacks.
const proofTables = 3000

// TestSuppressionProof attacks the published output of thousands of
// random tables with exact integer programming and finds no hidden figure
// pinned down: no lead-time cell's n, within or share, no count of the
// pathway table, the input or the left-out lead times, no hidden
// pathway's share. It also checks that nothing shown is a count from 1 to
// min-cell − 1, nor the difference of two shown counts (smallDifferences).
func TestSuppressionProof(t *testing.T) {
	rng := rand.New(rand.NewSource(10))
	hiddenCells, hiddenCounts := 0, 0
	for i := 0; i < proofTables; i++ {
		tb := randomTable(rng)
		pub, tn, tw, _, _, _ := publish(tb)
		small := func(what string, n *int) {
			if n == nil {
				hiddenCounts++
			} else if *n >= 1 && *n < tb.minCell {
				t.Fatalf("table %d (%v): %s shows %d", i, tb, what, *n)
			}
		}
		for j, m := range pub.measures {
			if m.Suppressed && (m.N != nil || m.Within != nil || m.Share != nil || m.Met != nil || m.Mean != nil || m.Median != nil) {
				t.Fatalf("table %d (%v): a suppressed cell shows a figure: %+v", i, tb, m)
			}
			if m.Suppressed && tn[j] > 0 {
				hiddenCells++
			}
			small("a cell's n", m.N)
			small("a left-out count", m.Excluded)
			for _, rc := range m.ExcludedBy {
				c := rc.Count
				small("a left-out count", &c)
			}
		}
		for _, ps := range pub.pathways {
			small("a pathway's episodes", ps.Episodes)
			small("a pathway's reportable episodes", ps.Reportable)
			small("a pathway's episodes with errors", ps.WithErrors)
			for _, f := range ps.Findings {
				c := f.Count
				small("a finding", &c)
			}
		}
		small("the input's episodes", pub.input.Episodes)
		small("the input's reportable episodes", pub.input.Reportable)
		small("the input's episodes with errors", pub.input.WithErrors)
		if d := smallDifferences(pub.pathways, pub.input, pub.measures, tb.minCell); len(d) > 0 {
			t.Fatalf("table %d (%v): small differences shown: %s", i, tb, strings.Join(d, "; "))
		}
		leaks, err := attack(pub, tn, tw)
		if err != nil {
			t.Fatalf("table %d (%v): %v", i, tb, err)
		}
		if len(leaks) > 0 {
			t.Fatalf("table %d (%v): the attacker pins down %s", i, tb, describeLeaks(pub, tn, tw, leaks))
		}
	}
	t.Logf("%d tables, %d hidden cells with lead times, %d hidden counts (n of the cells included), nothing pinned", proofTables, hiddenCells, hiddenCounts)
}

// TestSuppressionProofFailsWithoutComplementary: with complementary
// suppression switched off, the same attacker pins down hidden figures
// in many of the same tables — the proof test can fail.
func TestSuppressionProofFailsWithoutComplementary(t *testing.T) {
	complementary = false
	defer func() { complementary = true }()
	rng := rand.New(rand.NewSource(10))
	leaky := map[string]int{}
	tables := 0
	for i := 0; i < proofTables/10; i++ {
		tb := randomTable(rng)
		pub, tn, tw, _, _, _ := publish(tb)
		leaks, err := attack(pub, tn, tw)
		if err != nil {
			t.Fatalf("table %d (%v): %v", i, tb, err)
		}
		if len(leaks) > 0 {
			tables++
		}
		for _, l := range leaks {
			what := l.what
			if l.measure < 0 {
				what = "count"
			}
			leaky[what]++
		}
	}
	// Every kind of leak occurs: counts, numerators, and outcomes (all
	// within or all over target) of hidden cells, and the counts of the
	// pathway table, the input and the left-out lead times.
	if tables == 0 || leaky["n"] == 0 || leaky["within"] == 0 || leaky["share"] == 0 || leaky["count"] == 0 {
		t.Errorf("without complementary suppression the attacker found leaks in %d of %d tables (%v); want n, within, share and other counts pinned in some", tables, proofTables/10, leaky)
	}
	t.Logf("without complementary suppression: leaks in %d of %d tables: %v", tables, proofTables/10, leaky)
}

// TestSuppressionProofFailsWithoutCountAudit: with the lead-time cells
// protected but the other counts only hidden when small (no audit of
// counts.go), the attacker pins down counts of the pathway table, the
// input or the left-out lead times in some tables.
func TestSuppressionProofFailsWithoutCountAudit(t *testing.T) {
	auditCounts = false
	defer func() { auditCounts = true }()
	rng := rand.New(rand.NewSource(10))
	tables, pinned := 0, 0
	for i := 0; i < proofTables/10; i++ {
		tb := randomTable(rng)
		pub, tn, tw, _, _, _ := publish(tb)
		leaks, err := attack(pub, tn, tw)
		if err != nil {
			t.Fatalf("table %d (%v): %v", i, tb, err)
		}
		n := 0
		for _, l := range leaks {
			if l.measure < 0 {
				n++
			}
		}
		if n > 0 {
			tables++
		}
		pinned += n
	}
	if tables == 0 {
		t.Errorf("without the audit of counts the attacker pins no count in %d tables", proofTables/10)
	}
	t.Logf("without the audit of counts: %d counts pinned in %d of %d tables", pinned, tables, proofTables/10)
}

// TestSuppressionCases shows what is hidden in typical tables (one group
// unless said), as "definition n/within" of each hidden cell.
func TestSuppressionCases(t *testing.T) {
	one := func(cs ...cellSpec) [][]cellSpec {
		var out [][]cellSpec
		for _, c := range cs {
			out = append(out, []cellSpec{c})
		}
		return out
	}
	targets := func(n int) []defSpec {
		var ds []defSpec
		for i := 0; i < n; i++ {
			ds = append(ds, defSpec{true})
		}
		return ds
	}
	tests := []struct {
		name   string
		tb     tableSpec
		hidden string
	}{
		{"nothing small",
			tableSpec{pathways: [][]defSpec{targets(2)}, groups: 1, cells: [][][]cellSpec{one(cellSpec{10, 5, 0, false}, cellSpec{7, 3, 0, false})}, slack: []int{3}, minCell: 5},
			""},
		// The case: a total of 35, 12 within, next to 6/2 and
		// 24/5: the two small cells (1 and 4) would be all within target.
		// Their smallest visible sibling, which has lead times over
		// target, is hidden with them.
		{"small cells all within target: a sibling with lead times over target joins them",
			tableSpec{pathways: [][]defSpec{targets(4)}, groups: 1,
				cells: [][][]cellSpec{one(cellSpec{24, 5, 0, false}, cellSpec{6, 2, 0, false}, cellSpec{1, 1, 0, false}, cellSpec{4, 4, 0, false})}, slack: []int{0}, minCell: 5},
			"L0_1 6/2; L0_2 1/1; L0_3 4/4"},
		{"small cells all over target, and so is the smallest sibling: the next one too",
			tableSpec{pathways: [][]defSpec{targets(4)}, groups: 1,
				cells: [][][]cellSpec{one(cellSpec{20, 10, 0, false}, cellSpec{6, 0, 0, false}, cellSpec{2, 0, 0, false}, cellSpec{3, 0, 0, false})}, slack: []int{5}, minCell: 5},
			"L0_0 20/10; L0_1 6/0; L0_2 2/0; L0_3 3/0"},
		{"one small definition: its smallest sibling too",
			tableSpec{pathways: [][]defSpec{targets(3)}, groups: 1, cells: [][][]cellSpec{one(cellSpec{10, 5, 0, false}, cellSpec{7, 3, 0, false}, cellSpec{3, 1, 0, false})}, slack: []int{2}, minCell: 5},
			"L0_1 7/3; L0_2 3/1"},
		// The all-pathways cell is only the sum of the pathway totals: it
		// goes before the other pathway's total and a definition of it.
		{"a small pathway total: the all-pathways cell above it",
			tableSpec{pathways: [][]defSpec{targets(1), targets(2)}, groups: 1,
				cells: [][][]cellSpec{one(cellSpec{3, 1, 0, false}), one(cellSpec{20, 10, 0, false}, cellSpec{8, 4, 0, false})}, slack: []int{1, 1}, minCell: 5},
			"R0 31/15; P0 3/1; L0_0 3/1"},
		// Hidden like a small cell, and protected like one: beside a
		// visible total of 12 and a visible 12 it would be known empty.
		{"a definition with no lead time: its sibling joins it",
			tableSpec{pathways: [][]defSpec{targets(2)}, groups: 1, cells: [][][]cellSpec{one(cellSpec{0, 0, 1, false}, cellSpec{12, 6, 0, false})}, slack: []int{0}, minCell: 5},
			"L0_0 0/0; L0_1 12/6"},
		// A region with one lead time of a pathway whose every reportable
		// episode has one: the pathway summary says 21, region 1 shows 20,
		// so region 0 has at most 1. Every cell is listed, so a reader
		// does not know that region 0 has any: it may have 0 or 1, within
		// target or not, and region 1 stays visible.
		{"across groups: the pathway summary's count of reportable episodes",
			tableSpec{pathways: [][]defSpec{targets(1)}, groups: 2,
				cells: [][][]cellSpec{{{{1, 1, 0, false}, {20, 10, 0, false}}}}, slack: []int{0}, minCell: 5},
			"R0 1/1; P0 1/1; L0_0 1/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub, tn, tw, given, _, _ := publish(tt.tb)
			var got []string
			for i, m := range pub.measures {
				if !m.Suppressed {
					continue
				}
				name := m.LeadTime
				switch m.Level {
				case LevelPathway:
					name = m.Pathway
				case LevelAll:
					name = m.Group.Label()[len("Region "):]
				}
				got = append(got, fmt.Sprintf("%s %d/%d", name, tn[i], tw[i]))
			}
			if g := strings.Join(got, "; "); g != tt.hidden {
				t.Errorf("hidden:\n got %s\nwant %s", g, tt.hidden)
			}
			leaks, err := attack(pub, tn, tw)
			if err != nil {
				t.Fatal(err)
			}
			if len(leaks) > 0 || len(given) > 0 {
				t.Errorf("pinned down: %s (given up: %v)", describeLeaks(pub, tn, tw, leaks), given)
			}
		})
	}
}

// TestSuppressionOneEpisodePathway: a pathway with one episode in all,
// left out of its only lead time for two closing codes, so it has no
// reportable episode and its lead-time cells none. Its cells are hidden
// like small ones, and must not be known empty. Its 0 reportable
// episodes once bounded them, so nothing could give them a lead time and
// suppress gave up (the proof test's table 15). The pathway table hides
// that 0 like a small count, and the audit of counts protects it as it
// protects small counts (the input's 11 reportable episodes less the
// other pathway's 11 would give it, so those are hidden too, and what
// would give them away: the episodes of both pathways; the errors are
// hidden since each pathway's would give the other's). So a reader
// cannot rule out one reportable episode, and suppress takes the bound
// as 1: it no longer gives up. The attacker pins nothing.
func TestSuppressionOneEpisodePathway(t *testing.T) {
	tb := tableSpec{pathways: [][]defSpec{{{true}}, {{true}, {true}}}, groups: 1,
		cells: [][][]cellSpec{{{{0, 0, 1, true}}}, {{{0, 0, 0, false}}, {{6, 0, 0, false}}}}, slack: []int{0, 5}, minCell: 5,
		nonReportable: []int{7, 0}, withErrors: []int{0, 0}}
	pub, tn, tw, given, _, _ := publish(tb)
	if len(given) != 0 {
		t.Errorf("suppress gave up on %v", given)
	}
	var got []string
	for _, ps := range pub.pathways {
		got = append(got, fmt.Sprintf("%s %s/%s/%s", ps.Pathway, countText(ps.Episodes), countText(ps.Reportable), countText(ps.WithErrors)))
	}
	in := pub.input
	got = append(got, fmt.Sprintf("input %s/%s/%s rows %s-%s", countText(in.Episodes), countText(in.Reportable), countText(in.WithErrors),
		countText(in.RowsRead), countText(in.RowsRejected)))
	want := "P0 –/–/–; P1 –/–/–; input 19/11/– rows 57-0"
	if g := strings.Join(got, "; "); g != want {
		t.Errorf("pathway table and input:\n got %s\nwant %s", g, want)
	}
	leaks, err := attack(pub, tn, tw)
	if err != nil {
		t.Fatal(err)
	}
	if len(leaks) > 0 {
		t.Errorf("pinned down: %s", describeLeaks(pub, tn, tw, leaks))
	}
}

// TestSuppressionIsDeterministic: the same table hides the same cells,
// whatever the map order.
func TestSuppressionIsDeterministic(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 50; i++ {
		tb := randomTable(rng)
		var first string
		for run := 0; run < 5; run++ {
			pub, _, _, _, _, _ := publish(tb)
			var got []string
			for _, m := range pub.measures {
				got = append(got, fmt.Sprint(m.Suppressed))
			}
			s := strings.Join(got, " ")
			if run == 0 {
				first = s
			} else if s != first {
				t.Fatalf("table %v: run %d hides %s, run 0 %s", tb, run, s, first)
			}
		}
	}
}
