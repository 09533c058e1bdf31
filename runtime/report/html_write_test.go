package report

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"testing"
)

// hostile returns a value unlike any other the test makes, with every
// character html/template escapes and some it does not (invalid UTF-8,
// a character past the table's end).
func hostile(n *int) string {
	*n++
	return fmt.Sprintf("v%d <b>&amp;\"'+\x00\xff–", *n)
}

// fullPage is a page with every part the template had filled, each value
// a hostile one; numbers exercise the floats' forms (an exponent too).
func fullPage() htmlPage {
	n := 0
	s := func() string { return hostile(&n) }
	row := func(total, suppressed bool, met string) htmlRow {
		return htmlRow{Title: s(), Target: s(), N: s(), Within: s(), Share: s(), Met: s(), Mean: s(), SD: s(),
			P10: s(), Median: s(), P90: s(), Excluded: s(), Pathway: s(), Group: []string{s(), s()},
			Total: total, Suppressed: suppressed, MetClass: met}
	}
	ch := func() *chart {
		return &chart{Width: 680, Height: 150.5, Title: s(), PlotTop: 16, PlotBottom: 1e21, AxisLabel: s(), AxisLabelX: 460.25,
			Ticks: []chartTick{{X: 310, Y1: 1, Y2: 2, TextY: 3.5, Label: s()}, {X: 0.1, Y1: -1, Y2: 1e-7, TextY: 2, Label: s()}},
			Lines: []chartLine{{X: 550, Y1: 16, Y2: 99, TextY: 13, Label: s()}},
			Rows: []chartRow{
				{Y: 22, TextY: 37, Full: s(), Lines: []chartText{{Y: 37, Text: s()}, {Y: 49, Text: s(), Class: s()}},
					Bar: &chartBar{X: 310, Y: 26, W: 240.33, H: 12, Class: s(), Value: s(), ValueX: 554.33, ValueY: 36}},
				{Y: 44, TextY: 59, Full: s(), Lines: []chartText{{Y: 59, Text: s()}},
					Dist: &chartDist{AxisY: 55, RangeX: 320, RangeW: 100.5, RangeY: 50, RangeH: 10, MedianX: 360, Y1: 48, Y2: 62,
						MeanX: 370.75, MeanY: 55, HasTarget: true, TargetX: 400, TargetY1: 45, TargetY2: 65, Caption: s(), CaptionX: 616, CaptionY: 59}},
				{Y: 66, TextY: 81, Full: s(), Dist: &chartDist{Caption: s()}},
				{Y: 88, TextY: 103, Full: s(), Note: s()},
			}}
	}
	return htmlPage{
		Title: s(), Intro: []string{s(), s()}, Legend: s(), Method: []string{s(), s()},
		Pathways:    []htmlPathway{{Label: s(), Episodes: s(), Reportable: s(), WithErrors: s(), Findings: s()}, {Label: s()}},
		Definitions: []htmlDefinition{{ID: s(), Name: s(), Pathway: s(), From: s(), To: s(), Target: s()}},
		GroupHeads:  []string{s(), s()}, Goal: 80,
		Inclusion: &inclusionText{Title: s(), Note: s(), Head: []string{s(), s(), s(), s(), s()}, Rows: [][]string{{s(), s(), s(), s(), s()}, {s()}}},
		Sections: []htmlSection{
			{Title: s(), Summary: s(), Rows: []htmlRow{row(false, false, "met"), row(true, true, "unmet"), row(true, false, "")}, Bars: ch(), Dist: ch()},
			{Title: s(), Local: true, LocalHead: []string{s(), s(), s(), s()}, Rows: []htmlRow{row(false, true, ""), row(false, false, "")}},
			{Title: s(), Local: true},
			{Title: s()},
		},
		ToCorrect: htmlToCorrect{Note: s(), Rejected: []htmlRejected{{Episode: s(), Place: s(), Field: s(), Reason: s()}},
			Incomplete: []htmlIncomplete{{Episode: s(), Place: s(), Rows: s()}}},
	}
}

// TestPageLikeTemplate holds the page written by hand to the template
// it was rendered with until issue 16 (testdata/page.html.tmpl, run
// here with html/template): the same bytes for a page with every part
// and every value hostile, and for pages without the optional parts.
// A change to the page changes both.
func TestPageLikeTemplate(t *testing.T) {
	src, err := os.ReadFile("testdata/page.html.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.New("report").Parse(string(src)))
	empty := fullPage()
	empty.Inclusion, empty.Sections, empty.Intro, empty.Pathways, empty.Definitions, empty.Method = nil, nil, nil, nil, nil, nil
	empty.ToCorrect = htmlToCorrect{}
	onlyRejected := fullPage()
	onlyRejected.ToCorrect.Incomplete = nil
	noCharts := fullPage()
	for i := range noCharts.Sections {
		noCharts.Sections[i].Bars, noCharts.Sections[i].Dist, noCharts.Sections[i].Summary = nil, nil, ""
	}
	for name, pg := range map[string]htmlPage{"full": fullPage(), "empty": empty, "only rejected": onlyRejected, "no charts": noCharts} {
		var want, got bytes.Buffer
		if err := tmpl.Execute(&want, pg); err != nil {
			t.Fatal(err)
		}
		if err := pg.write(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			g, w := got.Bytes(), want.Bytes()
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			t.Errorf("%s: the page differs from the template's at byte %d:\ngot  %q\nwant %q", name, i, g[max(0, i-80):min(len(g), i+80)], w[max(0, i-80):min(len(w), i+80)])
		}
	}
}
