package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// leakData has one small cell with distinctive lead times: endometrium
// palliative, n = 3, days 3, 777 and 778 (1 within 25 days; mean 519.3,
// sd 447.2, p10 157.8, median 777, p90 777.8). The radiation cell (n = 7)
// is hidden as its complement; its figures (3 within, 42.9 %, mean 42.1,
// p10 33, median 40, p90 54) must not show either. Brain tumours, the
// other pathway with lead-time definitions, have five lead times in each
// of their definitions (days 20 to 24, all within target), so that every
// brain-tumour cell is shown: an empty or hidden one would need hidden
// company, and the endometrium total would be it.
func leakData() string {
	var eps []episode
	for d, def := range []struct {
		closing string
		extra   []string
	}{{"73", nil}, {"52", nil}, {"73", []string{"44"}}, {"52", []string{"44"}}, {"60", []string{"44"}}} {
		for i := 0; i < 5; i++ {
			eps = append(eps, closed(fmt.Sprintf("H%d%d", d, i), "VL2", def.closing, 20+i, def.extra...))
		}
	}
	for i := 1; i <= 10; i++ {
		eps = append(eps, closed(fmt.Sprintf("K%02d", i), "VH3", "50", 4*i))
	}
	for i, d := range []int{30, 35, 39, 40, 41, 50, 60} {
		eps = append(eps, closed(fmt.Sprintf("S%02d", i), "VH3", "52", d))
	}
	for i, d := range []int{3, 777, 778} {
		eps = append(eps, closed(fmt.Sprintf("P%02d", i), "VH3", "58", d))
	}
	return csvOf(eps)
}

// hiddenFigures are the figures of the two hidden cells, as each format
// would write them.
var hiddenFigures = []string{"777", "778", "519", "447", "157", "42.9", "42,9", "42.1", "42,1", "33.0", "33,0", "54.0", "54,0", "40.0", "40,0"}

func TestSuppressedCellsLeakNothing(t *testing.T) {
	r := build(t, leakData(), Options{MinCell: DefaultMinCell})
	diffLines(t, lines(r), []string{
		"all: n=40 within=32 share=80.0 met=true mean=- sd=- p10=- median=- p90=- excluded=-",
		"pathway hjarntumorer: n=20 within=20 share=100.0 met=true mean=- sd=- p10=- median=- p90=- excluded=-",
		"leadtime hjarntumorer hjarn_hog_ingen_atgard: n=5 within=5 share=100.0 met=true mean=22.0 sd=1.6 p10=20.4 median=22.0 p90=23.6 excluded=-",
		"leadtime hjarntumorer hjarn_hog_behandling: n=5 within=5 share=100.0 met=true mean=22.0 sd=1.6 p10=20.4 median=22.0 p90=23.6 excluded=-",
		"leadtime hjarntumorer hjarn_lag_ingen_atgard: n=5 within=5 share=100.0 met=true mean=22.0 sd=1.6 p10=20.4 median=22.0 p90=23.6 excluded=-",
		"leadtime hjarntumorer hjarn_lag_behandling: n=5 within=5 share=100.0 met=true mean=22.0 sd=1.6 p10=20.4 median=22.0 p90=23.6 excluded=-",
		"leadtime hjarntumorer hjarn_lag_exspektans: n=5 within=- share=- met=- mean=22.0 sd=1.6 p10=20.4 median=22.0 p90=23.6 excluded=-",
		"pathway livmoderkroppscancer: n=20 within=12 share=60.0 met=false mean=- sd=- p10=- median=- p90=- excluded=-",
		"leadtime livmoderkroppscancer livkropp_kirurgi: n=10 within=8 share=80.0 met=true mean=22.0 sd=12.1 p10=7.6 median=22.0 p90=36.4 excluded=-",
		"leadtime livmoderkroppscancer livkropp_stral_lakemedel: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
		"leadtime livmoderkroppscancer livkropp_palliativ: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
	})
	for _, f := range Formats {
		out := render(t, r, f)
		for _, fig := range hiddenFigures {
			if strings.Contains(out, fig) {
				i := strings.Index(out, fig)
				t.Errorf("%s output contains the hidden figure %q: …%s…", f, fig, out[max(0, i-80):min(len(out), i+40)])
			}
		}
	}

	// Each format, read back: the hidden cells have no numerator, share,
	// goal reached or statistics.
	hiddenLeadTimes := map[string]bool{"livkropp_palliativ": true, "livkropp_stral_lakemedel": true}
	t.Run("json", func(t *testing.T) {
		var doc struct{ Measures []map[string]any }
		if err := json.Unmarshal([]byte(render(t, r, "json")), &doc); err != nil {
			t.Fatal(err)
		}
		seen := 0
		for _, m := range doc.Measures {
			if !hiddenLeadTimes[m["leadtime"].(string)] {
				continue
			}
			seen++
			for _, k := range []string{"n", "within", "share", "met", "mean", "sd", "p10", "median", "p90"} {
				v, ok := m[k]
				if !ok || v != nil {
					t.Errorf("%s: %s = %v (present %v), want null", m["leadtime"], k, v, ok)
				}
			}
			if m["suppressed"] != true {
				t.Errorf("%s: suppressed = %v", m["leadtime"], m["suppressed"])
			}
		}
		if seen != 2 {
			t.Errorf("found %d hidden measures, want 2", seen)
		}
	})
	t.Run("csv", func(t *testing.T) {
		recs, err := csv.NewReader(strings.NewReader(render(t, r, "csv"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		seen := 0
		for _, rec := range recs[1:] {
			if !hiddenLeadTimes[rec[col["leadtime"]]] {
				continue
			}
			seen++
			for _, k := range []string{"n", "within", "share", "met", "mean", "sd", "p10", "median", "p90"} {
				if v := rec[col[k]]; v != "" {
					t.Errorf("%s: %s = %q, want empty", rec[col["leadtime"]], k, v)
				}
			}
			if rec[col["suppressed"]] != "true" {
				t.Errorf("%s: suppressed = %q", rec[col["leadtime"]], rec[col["suppressed"]])
			}
		}
		if seen != 2 {
			t.Errorf("found %d hidden rows, want 2", seen)
		}
	})
	// Markdown and HTML: the rows of the hidden cells show the target
	// and dashes (n too), nothing else; their left-out count is 0, and
	// hidden like a small count.
	wantRow := map[string]string{
		"första behandling, palliativ symtomlindrande":         "25 dagar|–|–|–|–|–|–|–|–|–|–",
		"första behandling, strål- eller läkemedelsbehandling": "39 dagar|–|–|–|–|–|–|–|–|–|–",
	}
	t.Run("markdown", func(t *testing.T) {
		rows := 0
		for _, l := range strings.Split(render(t, r, "markdown"), "\n") {
			for name, want := range wantRow {
				cells := strings.Split(strings.Trim(l, "| "), " | ")
				if len(cells) == 12 && strings.Contains(cells[0], name) {
					rows++
					if got := strings.Join(cells[1:], "|"); got != want {
						t.Errorf("row %s: %s, want %s", name, got, want)
					}
				}
			}
		}
		if rows != 2 {
			t.Errorf("found %d hidden rows, want 2", rows)
		}
	})
	t.Run("html", func(t *testing.T) {
		page := render(t, r, "html")
		rowRE := regexp.MustCompile(`<tr class=" suppressed"><td>([^<]*)</td>(.*)</tr>`)
		cellRE := regexp.MustCompile(`<td[^>]*>([^<]*)</td>`)
		rows := 0
		national := page // the local section lists hidden rows of its own
		if i := strings.Index(page, localTitle); i >= 0 {
			national = page[:i]
		}
		for _, m := range rowRE.FindAllStringSubmatch(national, -1) {
			for name, want := range wantRow {
				if strings.Contains(m[1], name) {
					rows++
					var cells []string
					for _, c := range cellRE.FindAllStringSubmatch(m[2], -1) {
						cells = append(cells, c[1])
					}
					if got := strings.Join(cells, "|"); got != want {
						t.Errorf("row %s: %s, want %s", name, got, want)
					}
				}
			}
		}
		if rows != 2 {
			t.Errorf("found %d hidden rows, want 2", rows)
		}
		// The charts draw no bar and no distribution for them: one bar
		// each for the three totals, the four brain-tumour cells with a
		// target and the surgery cell; a distribution for each of the
		// five brain-tumour cells and the surgery cell.
		if n := strings.Count(page, `<rect class="bar`); n != 8 {
			t.Errorf("%d bars, want 8", n)
		}
		if n := strings.Count(page, `<rect class="range"`); n != 6 {
			t.Errorf("%d distributions, want 6", n)
		}
		// Both hidden cells say the same: which one is small is not told.
		if n := strings.Count(page, HiddenNote); n != 4 {
			t.Errorf("%d notes %q in the charts, want 4 (bar and distribution of each hidden cell)", n, HiddenNote)
		}
	})
}

// hostile values from the input: a script, an ampersand, quotes, a
// Markdown table pipe and a spreadsheet formula.
const (
	scriptRegion  = `<script>alert(1)</script>`
	ampersandLän  = `R&D "x" 'y' | *z*`
	formulaRegion = `=HYPERLINK("http://x.invalid")`
)

// hostileData has the episodes that get the hostile values. The readers
// let no such region or county through (they are county codes), so
// hostileRenderer puts them in after reading: the report must escape
// whatever reaches it.
func hostileData() string {
	text := csvOf([]episode{
		{id: "<b>E1</b>&", region: "03", county: "04", sex: "K", age: "50", codes: []codeAt{{"VH310", 0}, {"VH350", 20}}},
		{id: "E2", region: "05", county: "01", sex: "M", age: "60", codes: []codeAt{{"VL210", 0}, {"VL254", 30}}},
	})
	return text
}

// hostileRenderer is a Collector whose episodes get the hostile values.
type hostileRenderer struct{ *Collector }

func (h hostileRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	switch r.In.ID {
	case "<b>E1</b>&":
		r.In.Region, r.In.County = scriptRegion, ampersandLän
	case "E2":
		r.In.Region = formulaRegion
	}
	h.Collector.Episode(buf, r)
}

func TestHostileValuesAreEscaped(t *testing.T) {
	opts := Options{MinCell: 1, By: []string{"region", "county"}}
	p := program(t)
	text := hostileData()
	in := input.Input{Name: "test.csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
	c := NewCollector(p, opts)
	sum, err := runtime.Run(p, []input.Input{in}, input.Options{}, 2, hostileRenderer{c}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	r := c.Report(sum)
	page := render(t, r, "html")
	if regexp.MustCompile(`(?i)<script`).MatchString(page) {
		t.Error("the page contains a script element")
	}
	for _, want := range []string{
		template.HTMLEscapeString(scriptRegion),
		template.HTMLEscapeString(ampersandLän),
	} {
		// Once in a table cell, twice in chart labels and tooltips at least.
		if n := strings.Count(page, want); n < 3 {
			t.Errorf("the page has %q %d times, want it escaped in the table and the charts", want, n)
		}
	}
	if strings.Contains(page, `R&D`) || strings.Contains(page, "E1") {
		t.Error("a raw ampersand from the data, or an episode id, is in the page")
	}

	md := render(t, r, "markdown")
	for _, bad := range []string{"<script", `R&D`, `| *z*`} {
		if strings.Contains(md, bad) {
			t.Errorf("markdown contains %q unescaped", bad)
		}
	}
	if !strings.Contains(md, `&lt;script&gt;alert(1)&lt;/script&gt;`) || !strings.Contains(md, `R&amp;D "x" 'y' \| \*z\*`) {
		t.Errorf("markdown does not escape the values:\n%s", md)
	}

	recs, err := csv.NewReader(strings.NewReader(render(t, r, "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var regions []string
	for _, rec := range recs[1:] {
		regions = append(regions, rec[6])
	}
	if !strings.Contains(strings.Join(regions, "\n"), "'"+formulaRegion) || strings.Contains(strings.Join(regions, "\n"), "\n"+formulaRegion) {
		t.Errorf("csv regions %q: the formula is not neutralised", regions)
	}

	var doc struct {
		Measures []struct{ Group map[string]string }
	}
	if err := json.Unmarshal([]byte(render(t, r, "json")), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range doc.Measures {
		if m.Group["region"] == scriptRegion && m.Group["county"] == ampersandLän {
			found = true
		}
	}
	if !found {
		t.Error("json does not carry the values as they are")
	}
}

// TestHTMLIsSelfContained: nothing in the page points outside it.
func TestHTMLIsSelfContained(t *testing.T) {
	page := render(t, build(t, csvOf(knownAnswers()), Options{MinCell: 1, By: []string{"sex"}}), "html")
	// The SVG namespace is a name, not an address that is fetched.
	page = strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, "")
	for _, re := range []string{`(?i)<script`, `(?i)<link`, `(?i)<img`, `(?i)<iframe`, `(?i)<object`, `(?i)@import`, `(?i)url\(`, `(?i)(src|href)=`, `(?i)(https?|ftp):`} {
		if loc := regexp.MustCompile(re).FindStringIndex(page); loc != nil {
			t.Errorf("the page refers outside itself (%s): %s", re, page[loc[0]:min(len(page), loc[1]+40)])
		}
	}
	if !strings.Contains(page, "@page { size: A4;") {
		t.Error("no A4 page size for printing")
	}
	var b bytes.Buffer
	if err := Write(&b, &Report{}, "xml"); err == nil {
		t.Error("Write accepted an unknown format")
	}
}

// regionData is the case of the issue: one region, brain tumours, a
// pathway total of 35 lead times, 12 within target, with definitions of
// 24/5 (high grade, treatment), 6/2 (high grade, no further action), 1/1
// (low grade, no further action) and 4/4 (low grade, treatment). Once the
// report showed the totals, 24/5 and 6/2, and the n of the two small
// cells: 35 − 30 = 5 lead times, 12 − 7 = 5 within, so both small cells
// were all within target.
func regionData() string {
	var eps []episode
	add := func(prefix, closing string, days []int, extra ...string) {
		for _, d := range days {
			e := closed(fmt.Sprintf("%s%02d", prefix, len(eps)), "VL2", closing, d, extra...)
			eps = append(eps, e)
		}
	}
	repeat := func(d, n int) []int {
		var ds []int
		for i := 0; i < n; i++ {
			ds = append(ds, d)
		}
		return ds
	}
	add("HB", "52", append(repeat(40, 5), repeat(60, 19)...)) // target 48: 5 within
	add("HI", "73", append(repeat(30, 2), repeat(50, 4)...))  // target 37: 2 within
	add("LI", "73", []int{70}, "44")                          // target 72: within
	add("LB", "52", repeat(90, 4), "44")                      // target 97: all within
	return csvOf(eps)
}

// TestSuppressionProtectsOutcomeByRegion: with --by region every region
// is listed, and only region 01 has lead times. Its two small cells are
// hidden, and so are its totals: the other regions' cells are empty and
// hidden too, and for their 0s not to show, lead times must be able to
// move between region 01 and them, which a visible total of region 01
// would forbid. No hidden cell shows its n, in any format, every other
// region's row is hidden whole, and the attacker of the proof test finds
// nothing in the published report.
func TestSuppressionProtectsOutcomeByRegion(t *testing.T) {
	opts := Options{MinCell: DefaultMinCell, By: []string{"region"}}
	r := build(t, regionData(), opts)
	var region01 []string
	for _, l := range lines(r) {
		if strings.Contains(l, "[Region 01]") {
			region01 = append(region01, l)
		} else if !strings.Contains(l, "n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed") {
			t.Errorf("a region without episodes shows a figure: %s", l)
		}
	}
	if got, want := len(r.Measures), 22*11; got != want {
		t.Errorf("%d measures, want %d (21 regions and okänd, 11 cells each: endometrial cancer's too, which the data do not hold)", got, want)
	}
	diffLines(t, region01, []string{
		"all [Region 01]: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
		"pathway hjarntumorer [Region 01]: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
		"leadtime hjarntumorer hjarn_hog_ingen_atgard [Region 01]: n=6 within=2 share=33.3 met=false mean=43.3 sd=10.3 p10=30.0 median=50.0 p90=50.0 excluded=-",
		"leadtime hjarntumorer hjarn_hog_behandling [Region 01]: n=24 within=5 share=20.8 met=false mean=55.8 sd=8.3 p10=40.0 median=60.0 p90=60.0 excluded=-",
		"leadtime hjarntumorer hjarn_lag_ingen_atgard [Region 01]: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
		"leadtime hjarntumorer hjarn_lag_behandling [Region 01]: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
		"leadtime hjarntumorer hjarn_lag_exspektans [Region 01]: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
		"pathway livmoderkroppscancer [Region 01]: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
		"leadtime livmoderkroppscancer livkropp_kirurgi [Region 01]: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
		"leadtime livmoderkroppscancer livkropp_stral_lakemedel [Region 01]: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
		"leadtime livmoderkroppscancer livkropp_palliativ [Region 01]: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
	})

	// The exact lines of the hidden cells in each format.
	want := map[string][]string{
		"csv": {
			"leadtime,hjarntumorer,Hjärntumörer,hjarn_lag_ingen_atgard,Lågmalign tumör grad I–II: välgrundad misstanke till beslut om att operationen var tillräcklig behandling,72,01,,,,80,,,,,,,,,true",
			"leadtime,hjarntumorer,Hjärntumörer,hjarn_lag_behandling,Lågmalign tumör grad I–II: välgrundad misstanke till start av strål- eller läkemedelsbehandling,97,01,,,,80,,,,,,,,,true",
		},
		"markdown": {
			"| Lågmalign tumör grad I–II: välgrundad misstanke till beslut om att operationen var tillräcklig behandling | 01 | 72 dagar | – | – | – | – | – | – | – | – | – | – |",
			"| Lågmalign tumör grad I–II: välgrundad misstanke till start av strål- eller läkemedelsbehandling | 01 | 97 dagar | – | – | – | – | – | – | – | – | – | – |",
		},
		"html": {
			`<tr class=" suppressed"><td>Lågmalign tumör grad I–II: välgrundad misstanke till beslut om att operationen var tillräcklig behandling</td><td>01</td><td class="num">72 dagar</td><td class="num">–</td><td class="num">–</td><td class="num">–</td><td class="num ">–</td><td class="num">–</td><td class="num">–</td><td class="num">–</td><td class="num">–</td><td class="num">–</td><td>–</td></tr>`,
		},
		"json": {`    {
      "level": "leadtime",
      "pathway": "hjarntumorer",
      "pathway_name": "Hjärntumörer",
      "leadtime": "hjarn_lag_behandling",
      "leadtime_name": "Lågmalign tumör grad I–II: välgrundad misstanke till start av strål- eller läkemedelsbehandling",
      "target": 97,
      "group": {
        "region": "01"
      },
      "n": null,
      "within": null,
      "share": null,
      "goal": 80,
      "met": null,
      "mean": null,
      "sd": null,
      "p10": null,
      "median": null,
      "p90": null,
      "excluded": null,
      "excluded_by": [],
      "suppressed": true
    }`},
	}
	for _, f := range Formats {
		out := render(t, r, f)
		for _, w := range want[f] {
			if !strings.Contains(out, w) {
				t.Errorf("%s: the output has no line\n%s\n--- output:\n%s", f, w, out)
			}
		}
	}

	// The attacker, on what the report publishes.
	truth := build(t, regionData(), Options{MinCell: 1, By: []string{"region"}})
	leaks, pub, tn, tw := attackReport(t, r, truth)
	if len(leaks) > 0 {
		t.Errorf("the attacker pins down %s", describeLeaks(pub, tn, tw, leaks))
	}
}

// TestSuppressionUnder18: one brain tumour lead time in the age group
// 0–17 (an episode that should not be an SVF), twenty in 65–79, and three
// reportable episodes without a lead time. The pathway table's count of
// under_18_ar findings (1) would bound the lead times of the group 0–17
// and give their number (the limit C's suppression documented); it is
// under min-cell, so it is not listed, and the attacker pins nothing.
func TestSuppressionUnder18(t *testing.T) {
	var eps []episode
	child := closed("C1", "VL2", "52", 30)
	child.age = "15"
	eps = append(eps, child)
	for i := 0; i < 20; i++ {
		eps = append(eps, closed(fmt.Sprintf("A%02d", i), "VL2", "52", 30+30*(i%2)))
	}
	for i := 0; i < 3; i++ {
		eps = append(eps, closed(fmt.Sprintf("N%02d", i), "VL2", "70", 20))
	}
	text := csvOf(eps)
	opts := Options{MinCell: DefaultMinCell, By: []string{"agegroup"}}
	r := build(t, text, opts)
	// Every age group is listed; all but 65–79 have no lead time or
	// one, and are hidden whole. In 65–79 the definition with the 20
	// lead times is hidden too: beside a visible total of 20 its
	// siblings would be known to be empty. So is the all-pathways
	// cell: endometrial cancer's total (listed, though the data hold
	// none) is a hidden 0 under it, and beside it the brain-tumour
	// total would say so.
	var shown []string
	for _, l := range lines(r) {
		if !strings.HasSuffix(l, "suppressed") {
			shown = append(shown, l)
		}
	}
	diffLines(t, shown, []string{
		"pathway hjarntumorer [Åldersgrupp 65–79]: n=20 within=10 share=50.0 met=false mean=- sd=- p10=- median=- p90=- excluded=-",
	})
	if got, want := len(r.Measures), 6*11; got != want {
		t.Errorf("%d measures, want %d (5 age groups and okänd, 11 cells each)", got, want)
	}

	for _, ps := range r.Pathways {
		if len(ps.Findings) > 0 {
			t.Errorf("%s lists findings %v, want none (each under min-cell)", ps.Pathway, ps.Findings)
		}
	}
	truth := build(t, text, Options{MinCell: 1, By: opts.By})
	brain := slices.IndexFunc(truth.Pathways, func(ps PathwaySummary) bool { return ps.Pathway == "hjarntumorer" })
	if brain < 0 || len(truth.Pathways[brain].Findings) == 0 || truth.Pathways[brain].Findings[0].Rule != "under_18_ar" {
		t.Fatalf("the data have no under_18_ar finding: %+v", truth.Pathways)
	}
	leaks, pub, tn, tw := attackReport(t, r, truth)
	if len(leaks) > 0 {
		t.Errorf("pinned down: %s", describeLeaks(pub, tn, tw, leaks))
	}
}
