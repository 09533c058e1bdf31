package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
)

// Local lead times: the pathway descriptions' recommended times between
// intermediate steps, marked `local` in the rule files. They are shown in
// a section of their own, one row per definition over the whole input
// (not broken down by --by), and are never part of the national measure:
// no pathway or all-pathways total includes them, and the 80 % goal does
// not apply to them (Goal and Met are null). Every episode with the lead
// time counts, also one not yet closed. A row with fewer lead times than
// the suppression limit, 0 included, shows no figure, not even n; since no
// total is made of these rows, none can be worked out from the others.

// Texts of the local section, in Swedish.
const (
	localTitle   = "Lokala ledtider mellan ingående steg"
	localSummary = "Vårdförloppsbeskrivningarnas rekommenderade ledtider mellan ingående steg vars båda ändar har en kod. De följs inte upp nationellt: de ingår inte i måtten ovan, och målnivån %d %% gäller inte dem. En rad per ledtid för hela underlaget, utan indelning; alla förlopp med ledtiden räknas, även de som inte är avslutade."
	localLevel   = "local" // the level column of the CSV rows
)

// localItem is one local lead time of an episode.
type localItem struct {
	def  int // index in Guide.LocalLeadTimes
	days int
}

// localAcc adds up the local lead times of one definition.
type localAcc struct {
	n, within int
	days      []int32
}

// localItems lists the episode's local lead times.
func (c *Collector) localItems(res *runtime.Result, out []localItem) []localItem {
	for _, lt := range res.LocalLeadTimes {
		out = append(out, localItem{def: c.localIndex[lt.Def], days: lt.Days})
	}
	return out
}

// addLocal adds a record's local lead times.
func (c *Collector) addLocal(rec *record) {
	if c.localAcc == nil {
		c.localAcc = map[int]*localAcc{}
	}
	for _, it := range rec.local {
		if it.def < 0 || it.def >= len(c.prog.Guide.LocalLeadTimes) {
			continue
		}
		acc := c.localAcc[it.def]
		if acc == nil {
			acc = &localAcc{}
			c.localAcc[it.def] = acc
		}
		acc.n++
		if def := c.prog.Guide.LocalLeadTimes[it.def]; def.HasTarget && it.days <= def.Target {
			acc.within++
		}
		acc.days = append(acc.days, int32(it.days))
	}
}

// buildLocal fills the report's local definitions and measures, in the
// guide's order. Every definition has a measure, also one no episode has,
// of a pathway the input holds or not: were only definitions with lead
// times listed, a hidden row would have 1 to min-cell − 1 of them, and
// with --min-cell 2 exactly 1; were only those of the input's pathways,
// a row would say that its pathway has somebody.
func (c *Collector) buildLocal(rep *Report) {
	g := c.prog.Guide
	rep.LocalDefinitions, rep.LocalMeasures = []Definition{}, []Measure{}
	for i, lt := range g.LocalLeadTimes {
		rep.LocalDefinitions = append(rep.LocalDefinitions, localDefinition(lt))
		acc := c.localAcc[i]
		if acc == nil {
			acc = &localAcc{}
		}
		rep.LocalMeasures = append(rep.LocalMeasures, localMeasure(lt, acc, c.opts.MinCell))
	}
}

func localDefinition(lt *compiler.LeadTime) Definition {
	d := Definition{LeadTime: lt.ID, Pathway: lt.Pathway.Key, PathwayName: lt.Pathway.Name, Name: lt.Name,
		From: lt.FromOcc.Describe() + lt.From, To: append([]string(nil), lt.To...)}
	if w := lt.ToOcc.Describe(); w != "" && len(d.To) > 0 {
		d.To[0] = w + d.To[0]
	}
	if lt.HasTarget {
		t := lt.Target
		d.Target = &t
	}
	return d
}

// localMeasure is the row of one local definition. It has the level of a
// definition's measure, so that the statistics are shown, but no goal.
func localMeasure(lt *compiler.LeadTime, acc *localAcc, minCell int) Measure {
	pw := lt.Pathway
	m := Measure{Level: LevelLeadTime, Pathway: pw.Key, PathwayName: pw.Name, LeadTime: lt.ID,
		LeadTimeName: lt.Name, Group: Group{}, ExcludedBy: []ReasonCount{}}
	zero := 0
	m.Excluded = &zero
	if lt.HasTarget {
		t := lt.Target
		m.Target = &t
	}
	if acc.n < minCell {
		m.Suppressed = true
		return m
	}
	n := acc.n
	m.N = &n
	if lt.HasTarget {
		within := acc.within
		share := round1(100 * float64(acc.within) / float64(acc.n))
		m.Within, m.Share = &within, &share
	}
	s := describe(acc.days)
	m.Mean, m.P10, m.Median, m.P90 = ptr(round1(s.mean)), ptr(round1(s.p10)), ptr(round1(s.median)), ptr(round1(s.p90))
	if s.hasSD {
		m.SD = ptr(round1(s.sd))
	}
	return m
}

// localCells are a local row's figures for people: target, n, within,
// share, mean, sd, p10, median, p90.
func localCells(m *Measure) []string {
	within, share := "", ""
	if m.Target != nil {
		within, share = Dash, Dash
		if m.Within != nil {
			within, share = msg.Int(*m.Within), sv(*m.Share)+" %"
		}
	}
	f := func(x *float64) string { return figure(x, m, true) }
	return []string{targetText(m.Target), nText(m), within, share, f(m.Mean), f(m.SD), f(m.P10), f(m.Median), f(m.P90)}
}

// writeLocalMarkdown writes the local section of the Markdown report.
func writeLocalMarkdown(p func(string, ...any), r *Report) {
	if len(r.LocalDefinitions) == 0 {
		return
	}
	p("## %s\n\n", mdEscape(localTitle))
	p("%s\n\n", mdEscape(fmt.Sprintf(localSummary, r.Goal)))
	if len(r.LocalMeasures) == 0 {
		p("Inga ledtider i underlaget.\n\n")
	} else {
		p("| ledtid | vårdförlopp | rekommenderad tid | n | inom | andel inom | medel | sd | p10 | median | p90 |\n")
		p("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
		for i := range r.LocalMeasures {
			m := &r.LocalMeasures[i]
			p("| %s | %s | %s |\n", mdEscape(m.LeadTimeName+" ("+m.LeadTime+")"), mdEscape(r.labelOf(m.Pathway, m.PathwayName)), strings.Join(localCells(m), " | "))
		}
		p("\n")
	}
	p("| lokal ledtid | vårdförlopp | från | till | rekommenderad tid |\n|---|---|---|---|--:|\n")
	for _, d := range r.LocalDefinitions {
		p("| %s (%s) | %s | %s | %s | %s |\n", mdEscape(d.Name), mdEscape(d.LeadTime), mdEscape(r.labelOf(d.Pathway, d.PathwayName)), mdEscape(d.From),
			mdEscape(strings.Join(d.To, ", ")), targetText(d.Target))
	}
}

// writeLocalCSV writes the local rows after the national ones, with the
// level "local", empty group columns and no goal.
func writeLocalCSV(cw csvRows, r *Report) error {
	for i := range r.LocalMeasures {
		m := &r.LocalMeasures[i]
		row := []string{localLevel, m.Pathway, m.PathwayName, m.LeadTime, m.LeadTimeName, optInt(m.Target)}
		for range r.By {
			row = append(row, "")
		}
		row = append(row, optInt(m.N), optInt(m.Within), optFloat(m.Share), "", "",
			optFloat(m.Mean), optFloat(m.SD), optFloat(m.P10), optFloat(m.Median), optFloat(m.P90),
			"0", "", strconv.FormatBool(m.Suppressed))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// localHead heads the local table of the html page and the workbook: what
// a local row shows, a recommended time and how many were within it.
// Not the national table's columns: a local row has no goal, no group
// (it is over the whole input) and nothing left out.
var localHead = []string{msg.ColLeadTime, msg.ColPathway, msg.ColRecommended, msg.ColN, msg.ColWithinRecommended,
	msg.ColShareRecommended, msg.ColMean, msg.ColSD, msg.ColP10, msg.ColMedian, msg.ColP90}

// localHTMLSection is the local section of the HTML page, or nil.
func localHTMLSection(r *Report) *htmlSection {
	if len(r.LocalDefinitions) == 0 {
		return nil
	}
	hs := &htmlSection{Title: localTitle, Summary: fmt.Sprintf(localSummary, r.Goal), Local: true, LocalHead: localHead}
	for i := range r.LocalMeasures {
		m := &r.LocalMeasures[i]
		c := localCells(m)
		hs.Rows = append(hs.Rows, htmlRow{Title: m.LeadTimeName + " (" + m.LeadTime + ")", Pathway: r.labelOf(m.Pathway, m.PathwayName),
			Target: c[0], N: c[1], Within: c[2], Share: c[3], Mean: c[4], SD: c[5], P10: c[6], Median: c[7], P90: c[8], Suppressed: m.Suppressed})
	}
	return hs
}
