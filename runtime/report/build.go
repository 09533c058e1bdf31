package report

import (
	"sort"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// Report builds the report from what Wrap gathered and the run's summary.
// Call it after runtime.Run has returned without error.
func (c *Collector) Report(sum *runtime.Summary) *Report {
	g := c.prog.Guide
	a := c.agg
	if a == nil { // Run was not given this collector, or failed
		a = newAggregate(g, c.opts)
	}
	by := c.opts.By
	if by == nil {
		by = []string{}
	}
	rep := &Report{Guide: g.Version, GuideDate: g.Date, By: by, MinCell: c.opts.MinCell, Goal: Goal,
		Percentile: PercentileDefinition,
		Pathways:   []PathwaySummary{}, Definitions: []Definition{}, Measures: []Measure{}}

	rules := map[string]*compiler.Rule{runtime.UnknownPathwayRule.ID: runtime.UnknownPathwayRule, runtime.DuplicateRule.ID: runtime.DuplicateRule}
	for _, r := range g.Rules {
		rules[r.ID] = r
	}
	// Every pathway of the guide has a row, present in the input or not,
	// and so has "okänt vårdförlopp": a row only for those present would
	// tell that a row of dashes holds 1 to min-cell − 1 episodes and a
	// missing one none. An empty row's 0s are hidden like small counts
	// (protectCounts).
	for _, pw := range g.Pathways {
		rep.Pathways = append(rep.Pathways, pathwaySummary(pw.Key, pw.Name, pw.PrefixLabel(), a.pathway(pw.Index), rules))
	}
	rep.Pathways = append(rep.Pathways, pathwaySummary("", "okänt vårdförlopp", "", a.pathway(-1), rules))
	rep.Coverage = coverage(g)
	for _, lt := range g.LeadTimes {
		d := Definition{LeadTime: lt.ID, Pathway: lt.Pathway.Key, PathwayName: lt.Pathway.Name, Name: lt.Name, From: lt.From, To: lt.To}
		if lt.HasTarget {
			t := lt.Target
			d.Target = &t
		}
		rep.Definitions = append(rep.Definitions, d)
	}

	keys := a.allKeys()
	hidden, givenUp := suppressAll(a, keys, c.opts.MinCell)
	for _, k := range keys {
		rep.Measures = append(rep.Measures, a.measure(k, hidden[k]))
	}
	// Incomplete episodes (with a rejected row) have no record: they
	// are counted apart, and the episodes are those of the pathways.
	in := inputTruth{rowsRead: sum.RowsRead, rowsRejected: sum.RowsRejected, rowsBlank: sum.RowsBlank, episodes: sum.Episodes - sum.EpisodesIncomplete,
		reportable: sum.Reportable, withErrors: sum.EpisodesWithErrors, incomplete: sum.EpisodesIncomplete}
	rep.Inclusion = a.inclusionTable()
	protectCounts(rep, in, a, keys, c.opts.MinCell, givenUp)
	c.buildLocal(rep)
	rep.ToCorrect = ToCorrect{Rejected: []input.Rejection{}, Incomplete: []runtime.IncompleteEpisode{}}
	if sum.Rejected != nil {
		rep.ToCorrect.Rejected = sum.Rejected
	}
	if sum.Lists != nil {
		rep.ToCorrect.Incomplete = sum.Lists.Incomplete
	}
	return rep
}

func pathwaySummary(key, name, prefix string, pa *pathwayAcc, rules map[string]*compiler.Rule) PathwaySummary {
	// The counts are filled in by protectCounts, which also keeps only
	// the findings it lists.
	ps := PathwaySummary{Pathway: key, Name: name, Prefix: prefix, Findings: []FindingCount{}}
	for id, n := range pa.findings {
		fc := FindingCount{Rule: id, Count: n}
		if r := rules[id]; r != nil {
			fc.Name, fc.Severity = r.Name, r.Severity.String()
		}
		ps.Findings = append(ps.Findings, fc)
	}
	sort.Slice(ps.Findings, func(i, j int) bool {
		a, b := ps.Findings[i], ps.Findings[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Rule < b.Rule
	})
	return ps
}

// sortedGroups returns the group keys, ordered dimension by dimension:
// every combination of the dimensions' values (allGroups).
func (a *aggregate) sortedGroups() []string { return a.allGroups() }

// allKeys returns the cells of the report in its order: all pathways
// first (the national measure), then per pathway in the guide's order
// its total and its definitions in theirs; the groups sorted inside
// each. Every pathway of the guide with lead-time definitions has every
// cell in every group, whether the input holds it or not, so which rows
// there are says nothing of which cells hold anyone (a cell without any
// is suppressed like a small one), nor of which pathways the input has.
func (a *aggregate) allKeys() []cellKey {
	g := a.guide
	groups := a.sortedGroups()
	anyTarget := false
	for _, lt := range g.LeadTimes {
		anyTarget = anyTarget || lt.HasTarget
	}
	var keys []cellKey
	if anyTarget {
		for _, gk := range groups {
			keys = append(keys, cellKey{LevelAll, -1, -1, gk})
		}
	}
	for _, pw := range g.Pathways {
		hasTarget := false
		for _, lt := range g.LeadTimes {
			if lt.Pathway == pw && lt.HasTarget {
				hasTarget = true
			}
		}
		if hasTarget {
			for _, gk := range groups {
				keys = append(keys, cellKey{LevelPathway, pw.Index, -1, gk})
			}
		}
		for i, lt := range g.LeadTimes {
			if lt.Pathway != pw {
				continue
			}
			for _, gk := range groups {
				keys = append(keys, cellKey{LevelLeadTime, pw.Index, i, gk})
			}
		}
	}
	for _, k := range keys {
		a.cell(k)
	}
	return keys
}

// measure turns a cell into a Measure; a hidden one shows no figure of
// its lead times.
func (a *aggregate) measure(k cellKey, hide bool) Measure {
	c := a.cells[k]
	m := Measure{Level: k.level, Group: Group{}, ExcludedBy: []ReasonCount{}}
	if k.pathway >= 0 {
		pw := a.guide.Pathways[k.pathway]
		m.Pathway, m.PathwayName = pw.Key, pw.Name
	}
	var def *compiler.LeadTime
	hasTarget := true
	if k.level == LevelLeadTime {
		def = a.guide.LeadTimes[k.def]
		m.LeadTime, m.LeadTimeName = def.ID, def.Name
		hasTarget = def.HasTarget
		if hasTarget {
			t := def.Target
			m.Target = &t
		}
	}
	if vals, ok := a.groups[k.group]; ok {
		for i, d := range a.opts.By {
			m.Group = append(m.Group, GroupValue{Dim: d, Value: vals[i]})
		}
	}
	// protectCounts replaces these by nil where hidden.
	excluded := 0
	for _, reason := range []string{ExcludedTwoClosings, ExcludedCloseBefore, ExcludedFromCodeAbsent} {
		if n := c.excluded[reason]; n > 0 {
			excluded += n
			m.ExcludedBy = append(m.ExcludedBy, ReasonCount{Reason: reason, Count: n})
		}
	}
	m.Excluded = &excluded
	if hasTarget {
		goal := Goal
		m.Goal = &goal
	}
	if hide {
		m.Suppressed = true
		return m
	}
	n := c.n
	m.N = &n
	if c.n == 0 {
		// Shown only with --min-cell 1: no lead time, so no share and
		// no statistics.
		return m
	}
	if hasTarget {
		within := c.within
		share := round1(100 * float64(c.within) / float64(c.n))
		// Met is decided on the counts, not on the rounded share.
		met := c.within*100 >= Goal*c.n
		m.Within, m.Share, m.Met = &within, &share, &met
	}
	// Totals mix definitions with different targets: their days are not
	// pooled into one distribution.
	if k.level == LevelLeadTime {
		s := describe(c.days)
		m.Mean, m.P10, m.Median, m.P90 = ptr(round1(s.mean)), ptr(round1(s.p10)), ptr(round1(s.median)), ptr(round1(s.p90))
		if s.hasSD {
			m.SD = ptr(round1(s.sd))
		}
	}
	return m
}

func ptr(x float64) *float64 { return &x }

// coverage lists the guide's pathways with national lead-time
// definitions, and those without: all of them, whether the input holds
// them or not, as naming those present would tell that a row of dashes
// holds somebody.
func coverage(g *compiler.Guide) Coverage {
	cov := Coverage{Pathways: len(g.Pathways), WithLeadTimes: []string{}, Without: []string{}, names: map[string]string{}, labels: map[string]string{}}
	has := map[*compiler.Pathway]bool{}
	for _, lt := range g.LeadTimes {
		has[lt.Pathway] = true
	}
	for _, pw := range g.Pathways {
		cov.names[pw.Key], cov.labels[pw.Key] = pw.Name, pw.Label()
		switch {
		case has[pw]:
			cov.WithLeadTimes = append(cov.WithLeadTimes, pw.Key)
		default:
			cov.Without = append(cov.Without, pw.Key)
		}
	}
	return cov
}
