package report

import (
	"strconv"
	"strings"

	"github.com/rcc/svfrules/compiler"
)

// aggregate adds up records. It is used by one goroutine (Wrap).
type aggregate struct {
	guide    *compiler.Guide
	opts     Options
	pathways map[int]*pathwayAcc // by pathway index, -1 for none
	cells    map[cellKey]*cellAcc
	groups   map[string][]string // group key → values in By order
	// leads counts the lead times of each pathway and group, findingLeads
	// those of episodes with a finding, by rule: suppress sees from them
	// which finding counts of the pathway table bound which cells.
	leads        map[pathwayGroup]int
	findingLeads map[findingGroup]int
	// included counts the reportable episodes of each cell of the
	// inclusion measure (opts.Inclusion), outside counts per pathway
	// those in none of its cells.
	included map[inclusionKey]int
	inBase   map[inclusionKey]bool
	outside  map[int]int
	// firstDay and lastDay are the earliest and latest closing dates of
	// the whole export (any pathway, lead time or not): the periods of
	// --by year, quarter and month run from one to the other.
	firstDay, lastDay compiler.Day
	dated             bool
}

type pathwayGroup struct {
	pathway int
	group   string
}

type findingGroup struct {
	pathway     int
	rule, group string
}

type pathwayAcc struct {
	episodes, reportable, withErrors int
	findings                         map[string]int
}

// cellKey identifies a cell: level, pathway (-1 at LevelAll), definition
// (-1 above LevelLeadTime) and group key.
type cellKey struct {
	level   string
	pathway int
	def     int
	group   string
}

type cellAcc struct {
	n, within int
	days      []int32
	excluded  map[string]int
}

// excludedTotal is the cell's left-out lead times over the reasons.
func (c *cellAcc) excludedTotal() int {
	n := 0
	for _, v := range c.excluded {
		n += v
	}
	return n
}

func newAggregate(g *compiler.Guide, opts Options) *aggregate {
	a := &aggregate{guide: g, opts: opts, pathways: map[int]*pathwayAcc{},
		cells: map[cellKey]*cellAcc{}, groups: map[string][]string{},
		leads: map[pathwayGroup]int{}, findingLeads: map[findingGroup]int{},
		included: map[inclusionKey]int{}, outside: map[int]int{}, inBase: map[inclusionKey]bool{}}
	if b := opts.Inclusion; b != nil {
		for _, r := range b.Rows {
			a.inBase[inclusionKey{strings.ToLower(r.Region), r.Period, r.Pathway}] = true
		}
	}
	return a
}

func (a *aggregate) cell(k cellKey) *cellAcc {
	c := a.cells[k]
	if c == nil {
		c = &cellAcc{excluded: map[string]int{}}
		a.cells[k] = c
	}
	return c
}

// pathway is pathway p's accumulator (-1: okänt vårdförlopp), made
// empty when the input has none of its episodes.
func (a *aggregate) pathway(p int) *pathwayAcc {
	pa := a.pathways[p]
	if pa == nil {
		pa = &pathwayAcc{findings: map[string]int{}}
		a.pathways[p] = pa
	}
	return pa
}

func (a *aggregate) add(rec *record) {
	pa := a.pathway(rec.pathway)
	pa.episodes++
	if rec.reportable {
		a.seeDay(rec.closed)
	}
	for _, it := range rec.items {
		a.seeDay(it.date)
	}
	if rec.reportable {
		pa.reportable++
		if b := a.opts.Inclusion; b != nil {
			k := inclusionKey{strings.ToLower(rec.region), inclusionPeriod(b.Period, rec.closed), rec.pathway}
			if a.inBase[k] {
				a.included[k]++
			} else {
				a.outside[rec.pathway]++
			}
		}
	}
	if rec.hasError {
		pa.withErrors++
	}
	for _, id := range rec.rules {
		pa.findings[id]++
	}
	// An episode left out of several definitions of its pathway (two
	// closing codes of different definitions) counts once in the totals.
	var countedOut map[cellKey]bool
	for _, it := range rec.items {
		def := a.guide.LeadTimes[it.def]
		group := a.groupKey(rec, it.date)
		leaf := a.cell(cellKey{LevelLeadTime, rec.pathway, it.def, group})
		var totals []*cellAcc
		var totalKeys []cellKey
		if def.HasTarget {
			totalKeys = []cellKey{{LevelPathway, rec.pathway, -1, group}, {LevelAll, -1, -1, group}}
			for _, k := range totalKeys {
				totals = append(totals, a.cell(k))
			}
		}
		if it.kind != itemLeadTime {
			reason := itemReason(it.kind)
			leaf.excluded[reason]++
			for i, t := range totals {
				k := totalKeys[i]
				k.group += "\x00" + reason
				if countedOut[k] {
					continue
				}
				if countedOut == nil {
					countedOut = map[cellKey]bool{}
				}
				countedOut[k] = true
				t.excluded[reason]++
			}
			continue
		}
		within := def.HasTarget && it.days <= def.Target
		a.leads[pathwayGroup{rec.pathway, group}]++
		for i, id := range rec.rules {
			if !contains(rec.rules[:i], id) { // once per episode
				a.findingLeads[findingGroup{rec.pathway, id, group}]++
			}
		}
		leaf.n++
		leaf.days = append(leaf.days, int32(it.days))
		if within {
			leaf.within++
		}
		for _, t := range totals {
			t.n++
			if within {
				t.within++
			}
		}
	}
}

// seeDay widens the export's period to d.
func (a *aggregate) seeDay(d compiler.Day) {
	if !a.dated || d < a.firstDay {
		a.firstDay = d
	}
	if !a.dated || d > a.lastDay {
		a.lastDay = d
	}
	a.dated = true
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// groupKey returns the key of the record's group for an item dated date,
// remembering the group's values.
func (a *aggregate) groupKey(rec *record, date compiler.Day) string {
	if len(a.opts.By) == 0 {
		return ""
	}
	vals := make([]string, len(a.opts.By))
	for i, d := range a.opts.By {
		vals[i] = groupValue(d, rec, date)
	}
	key := strings.Join(vals, "\x00")
	if _, ok := a.groups[key]; !ok {
		a.groups[key] = vals
	}
	return key
}

// AgeGroups are the age bands of --by agegroup: lower bounds in years.
// Socialstyrelsen's SVF report (seed 003) names age as a reported
// variable but gives no bands; these separate children (no SVF under 18),
// younger and middle-aged adults, and the two oldest groups, where the
// report notes pathways take longer.
var AgeGroups = []struct {
	From  int
	Label string
}{{0, "0–17"}, {18, "18–39"}, {40, "40–64"}, {65, "65–79"}, {80, "80+"}}

func ageGroup(age int) string {
	if age < 0 {
		return Unknown
	}
	label := AgeGroups[0].Label
	for _, g := range AgeGroups {
		if age >= g.From {
			label = g.Label
		}
	}
	return label
}

func groupValue(dim string, rec *record, date compiler.Day) string {
	orUnknown := func(s string) string {
		if s == "" {
			return Unknown
		}
		return s
	}
	switch dim {
	case "region":
		return orUnknown(rec.region)
	case "county":
		return orUnknown(rec.county)
	case "sex":
		return orUnknown(rec.sex)
	case "agegroup":
		return ageGroup(rec.age)
	}
	ymd := date.String() // YYYY-MM-DD
	switch dim {
	case "year":
		return ymd[:4]
	case "quarter":
		m, _ := strconv.Atoi(ymd[5:7])
		return ymd[:4] + "-K" + strconv.Itoa((m+2)/3)
	case "month":
		return ymd[:7]
	}
	return Unknown
}

// groupSortKey orders a dimension's values: age bands from the youngest,
// everything else as text; "okänd" last.
func groupSortKey(dim, v string) string {
	if v == Unknown {
		return "\xff"
	}
	if dim == "agegroup" {
		for i, g := range AgeGroups {
			if g.Label == v {
				return string(rune('0' + i))
			}
		}
	}
	return v
}
