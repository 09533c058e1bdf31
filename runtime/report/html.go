package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/internal/msg"
)

// The page is one self-contained file: styles inline, charts as inline
// SVG drawn here, no scripts, no fonts or images to fetch, so it works
// offline and prints on A4. html_write.go writes it, escaping every value
// from the data (group values come from the input columns).

// htmlPage is what the page shows.
type htmlPage struct {
	Title       string
	Intro       []string
	Legend      string
	Method      []string
	Pathways    []htmlPathway
	Sections    []htmlSection
	Definitions []htmlDefinition
	GroupHeads  []string
	Goal        int
	// Inclusion is the inclusion measure's table, nil without one.
	Inclusion *inclusionText
	// ToCorrect: the rows to correct, outside the protected tables.
	ToCorrect htmlToCorrect
}

type htmlToCorrect struct {
	Note       string
	Rejected   []htmlRejected
	Incomplete []htmlIncomplete
}

type htmlRejected struct{ Episode, Place, Field, Reason string }

type htmlIncomplete struct{ Episode, Place, Rows string }

type htmlPathway struct {
	Label                            string
	Episodes, Reportable, WithErrors string
	Findings                         string
}

type htmlDefinition struct {
	ID, Name, Pathway, From, To, Target string
}

type htmlSection struct {
	Title   string
	Summary string
	// Local: the local lead times, whose table has columns of its own
	// (LocalHead): the pathway, the recommended time, within it; no
	// groups, goal or left-out lead times.
	Local     bool
	LocalHead []string
	Rows      []htmlRow
	Bars      *chart
	Dist      *chart
}

type htmlRow struct {
	Title, Target, N, Within, Share, Met, Mean, SD, P10, Median, P90, Excluded string
	Pathway                                                                    string // a local row's
	Group                                                                      []string
	Total, Suppressed                                                          bool
	MetClass                                                                   string
}

// chart is an SVG chart: its size and what to draw, all in SVG units.
type chart struct {
	Width, Height float64
	Title         string
	Rows          []chartRow
	Ticks         []chartTick
	Lines         []chartLine // reference lines across the plot (the goal)
	PlotTop       float64
	PlotBottom    float64
	AxisLabel     string
	AxisLabelX    float64
}

// chartRow is one row of a chart: a label (and a second line for the
// group), and either a bar, a distribution, or a note why nothing is drawn.
type chartRow struct {
	Y, TextY float64
	Lines    []chartText // the label, wrapped, then the group
	Full     string      // the whole label, as a tooltip
	Note     string
	Bar      *chartBar
	Dist     *chartDist
}

type chartText struct {
	Y     float64
	Text  string
	Class string
}

type chartBar struct {
	X, Y, W, H float64
	Class      string
	Value      string
	ValueX     float64
	ValueY     float64
}

type chartDist struct {
	AxisY              float64
	RangeX, RangeW     float64
	RangeY, RangeH     float64
	MedianX, Y1, Y2    float64
	MeanX, MeanY       float64
	TargetX            float64
	HasTarget          bool
	TargetY1, TargetY2 float64
	Caption            string
	CaptionX           float64
	CaptionY           float64
}

type chartTick struct {
	X, Y1, Y2, TextY float64
	Label            string
}

type chartLine struct {
	X, Y1, Y2, TextY float64
	Label            string
}

// Chart geometry, in SVG units (the page shows 680 units across).
const (
	chartWidth = 680.0
	labelWidth = 300.0
	plotLeft   = 310.0
	plotWidth  = 300.0
	rowHeight  = 22.0
	lineHeight = 12.0
	chartTop   = 22.0
	axisSpace  = 34.0
	labelChars = 50 // characters on a label line
	labelLines = 3  // lines of a label at most
)

// htmlPageOf is what the page shows (the workbook's sheets are its
// tables).
func htmlPageOf(r *Report) htmlPage {
	page := htmlPage{
		Title:  fmt.Sprintf("Ledtidsrapport – kodningsvägledning %s", r.Guide),
		Intro:  introLines(r)[:5],
		Legend: SuppressedLegend(r.MinCell),
		Method: methodLines(r),
		Goal:   r.Goal,
	}
	for _, d := range r.By {
		page.GroupHeads = append(page.GroupHeads, DimensionLabel(d))
	}
	for _, ps := range r.Pathways {
		page.Pathways = append(page.Pathways, htmlPathway{Label: pathwayLabel(ps), Episodes: countText(ps.Episodes),
			Reportable: countText(ps.Reportable), WithErrors: countText(ps.WithErrors), Findings: findingsText(ps.Findings)})
	}
	for _, d := range r.Definitions {
		page.Definitions = append(page.Definitions, htmlDefinition{ID: d.LeadTime, Name: d.Name, Pathway: r.labelOf(d.Pathway, d.PathwayName),
			From: d.From, To: strings.Join(d.To, ", "), Target: targetText(d.Target)})
	}
	for _, sec := range sections(r) {
		hs := htmlSection{Title: sec.title}
		if sec.summary != nil {
			hs.Summary = fmt.Sprintf("Förlopp %s, rapporterbara %s, med fel %s.", countText(sec.summary.Episodes),
				countText(sec.summary.Reportable), countText(sec.summary.WithErrors))
		}
		for _, m := range sec.measures {
			hs.Rows = append(hs.Rows, htmlRowOf(m))
		}
		hs.Bars = barChart(sec.measures, r.Goal)
		if sec.pathway != "" {
			hs.Dist = distChart(sec.measures)
		}
		page.Sections = append(page.Sections, hs)
	}
	if hs := localHTMLSection(r); hs != nil {
		page.Sections = append(page.Sections, *hs)
	}
	page.Inclusion = inclusionTextOf(r)
	page.ToCorrect = htmlToCorrectOf(r)
	return page
}

// htmlToCorrectOf lists the rejected rows and incomplete episodes.
func htmlToCorrectOf(r *Report) htmlToCorrect {
	var tc htmlToCorrect
	for _, rej := range r.ToCorrect.Rejected {
		tc.Rejected = append(tc.Rejected, htmlRejected{Episode: rej.Episode, Place: rej.File + ":" + strconv.Itoa(rej.Row), Field: rej.FieldText(), Reason: rej.Reason})
	}
	for _, in := range r.ToCorrect.Incomplete {
		tc.Incomplete = append(tc.Incomplete, htmlIncomplete{Episode: in.Episode, Place: in.File + ":" + strconv.Itoa(in.FirstRow), Rows: msg.Int(in.Rejected)})
	}
	if len(tc.Rejected)+len(tc.Incomplete) > 0 {
		tc.Note = msg.ReportToCorrectNote
	}
	return tc
}

func htmlRowOf(m *Measure) htmlRow {
	row := htmlRow{Title: measureTitle(m), N: nText(m), Within: withinText(m), Share: shareText(m),
		Met: metText(m), Mean: stat(m.Mean, m), SD: stat(m.SD, m), P10: stat(m.P10, m), Median: stat(m.Median, m),
		P90: stat(m.P90, m), Excluded: excludedText(m), Total: m.Level != LevelLeadTime, Suppressed: m.Suppressed}
	if m.Level == LevelLeadTime {
		row.Target = targetText(m.Target)
	}
	for _, g := range m.Group {
		row.Group = append(row.Group, g.Value)
	}
	if m.Met != nil {
		row.MetClass = "met"
		if !*m.Met {
			row.MetClass = "unmet"
		}
	}
	return row
}

// HiddenNote is what a chart row of a suppressed cell says instead of a
// bar or a distribution.
const HiddenNote = "visas inte (skyddad cell)"

// wrapLabel breaks a label into lines of at most n characters at spaces,
// keeping at most max lines (the last cut with an ellipsis).
func wrapLabel(s string, n, max int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= n:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	for i, l := range lines {
		if r := []rune(l); len(r) > n {
			lines[i] = string(r[:n-1]) + "…"
		}
	}
	if len(lines) > max {
		lines = lines[:max]
		r := []rune(lines[max-1])
		if len(r) > n-1 {
			r = r[:n-1]
		}
		lines[max-1] = strings.TrimSpace(string(r)) + "…"
	}
	return lines
}

// layoutRows places one chart row per measure and returns the rows and the
// y where the plot ends.
func layoutRows(ms []*Measure) ([]chartRow, float64) {
	var rows []chartRow
	y := chartTop
	for _, m := range ms {
		full := "Alla vårdförlopp: alla ledtider med mål"
		switch m.Level {
		case LevelLeadTime:
			full = m.LeadTimeName
		case LevelPathway:
			full = m.PathwayName + ": alla ledtider med mål"
		}
		row := chartRow{Y: y, TextY: y + 15, Full: full}
		ty := y + 15
		for _, l := range wrapLabel(full, labelChars, labelLines) {
			row.Lines = append(row.Lines, chartText{Y: ty, Text: l})
			ty += lineHeight
		}
		if sub := m.Group.Label(); sub != "" {
			row.Full += " – " + sub
			for _, l := range wrapLabel(sub, labelChars+8, 1) {
				row.Lines = append(row.Lines, chartText{Y: ty, Text: l, Class: "sub"})
				ty += lineHeight
			}
		}
		rows = append(rows, row)
		y += math.Max(rowHeight, ty-y-lineHeight+10)
	}
	return rows, y
}

// barChart draws the share within target of each measure with a target,
// with the goal as a line. Suppressed measures get a note, not a bar.
func barChart(ms []*Measure, goal int) *chart {
	var with []*Measure
	for _, m := range ms {
		if hasShare(m) {
			with = append(with, m)
		}
	}
	if len(with) == 0 {
		return nil
	}
	rows, bottom := layoutRows(with)
	c := &chart{Width: chartWidth, Height: bottom + axisSpace, Rows: rows, PlotTop: chartTop - 6, PlotBottom: bottom,
		Title: "Andel inom ledtidens mål, med målnivån", AxisLabel: "andel inom mål (%)", AxisLabelX: plotLeft + plotWidth/2}
	for i, m := range with {
		row := &c.Rows[i]
		if m.Share == nil {
			row.Note = HiddenNote
			continue
		}
		w := plotWidth * *m.Share / 100
		class := "bar met"
		if m.Met != nil && !*m.Met {
			class = "bar unmet"
		}
		row.Bar = &chartBar{X: plotLeft, Y: row.Y + 4, W: round2(w), H: 12, Class: class,
			Value: sv(*m.Share) + " %", ValueX: plotLeft + round2(w) + 4, ValueY: row.Y + 14}
	}
	for v := 0; v <= 100; v += 20 {
		x := plotLeft + plotWidth*float64(v)/100
		c.Ticks = append(c.Ticks, chartTick{X: x, Y1: bottom, Y2: bottom + 4, TextY: bottom + 15, Label: strconv.Itoa(v)})
	}
	gx := plotLeft + plotWidth*float64(goal)/100
	c.Lines = append(c.Lines, chartLine{X: gx, Y1: c.PlotTop, Y2: bottom, TextY: c.PlotTop - 3, Label: fmt.Sprintf("mål %d %%", goal)})
	return c
}

// distChart draws each definition's distribution of days: the range from
// the 10th to the 90th percentile, the median, the mean and the target. It
// uses only the figures the table shows, never single lead times.
func distChart(ms []*Measure) *chart {
	var defs []*Measure
	maxDays := 0.0
	for _, m := range ms {
		if m.Level != LevelLeadTime {
			continue
		}
		defs = append(defs, m)
		if m.Target != nil {
			maxDays = math.Max(maxDays, float64(*m.Target))
		}
		if m.P90 != nil {
			maxDays = math.Max(maxDays, math.Max(*m.P90, *m.Mean))
		}
	}
	if len(defs) == 0 {
		return nil
	}
	top, step := niceScale(maxDays)
	rows, bottom := layoutRows(defs)
	c := &chart{Width: chartWidth, Height: bottom + axisSpace, Rows: rows, PlotTop: chartTop - 6, PlotBottom: bottom,
		Title: "Ledtid i dagar: 10:e–90:e percentil, median, medelvärde och mål", AxisLabel: "dagar", AxisLabelX: plotLeft + plotWidth/2}
	xOf := func(d float64) float64 { return round2(plotLeft + plotWidth*d/top) }
	for i, m := range defs {
		row := &c.Rows[i]
		if m.Median == nil {
			row.Note = HiddenNote
			continue
		}
		mid := row.Y + 11
		d := &chartDist{AxisY: mid, RangeX: xOf(*m.P10), RangeW: round2(xOf(*m.P90) - xOf(*m.P10)), RangeY: mid - 5, RangeH: 10,
			MedianX: xOf(*m.Median), Y1: mid - 7, Y2: mid + 7, MeanX: xOf(*m.Mean), MeanY: mid}
		if m.Target != nil {
			d.HasTarget, d.TargetX, d.TargetY1, d.TargetY2 = true, xOf(float64(*m.Target)), row.Y+1, row.Y+rowHeight-1
		}
		d.Caption = "md " + sv(*m.Median)
		d.CaptionX, d.CaptionY = plotLeft+plotWidth+6, mid+4
		row.Dist = d
	}
	for v := 0.0; v <= top+1e-9; v += step {
		x := xOf(v)
		c.Ticks = append(c.Ticks, chartTick{X: x, Y1: bottom, Y2: bottom + 4, TextY: bottom + 15, Label: strconv.Itoa(int(v))})
	}
	return c
}

// niceScale returns an axis end at or above max (at least 10) and a tick
// step that divides it into 4 to 10 parts.
func niceScale(max float64) (top, step float64) {
	if max < 10 {
		max = 10
	}
	for _, s := range []float64{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000} {
		top = math.Ceil(max*1.05/s) * s
		if top/s <= 10 {
			return top, s
		}
	}
	step = math.Pow(10, math.Ceil(math.Log10(max/10)))
	return math.Ceil(max*1.05/step) * step, step
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
