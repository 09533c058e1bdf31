package report

import (
	"fmt"
	"strings"
	"testing"
)

// groupsData: brain tumours and endometrial cancer in county 01, women
// and men, with lead times within and over target, and a few reportable
// episodes closed without treatment (no lead time); and one more brain
// tumour episode with a lead time, of a person of county and sex given,
// the only one of its group.
func groupsData(county, sex string) string {
	var eps []episode
	add := func(pre, closing string, n int, sex string, days ...int) {
		eps = addClosed(eps, pre, closing, n, sex, days...)
	}
	eps = brainTumours(eps)
	add("VH3", "50", 9, "K", 20, 40)
	add("VH3", "52", 7, "K", 30, 50)
	add("VH3", "70", 2, "K", 10)
	one := closed("X", "VL2", "54", 40)
	one.county, one.sex = county, sex
	return csvOf(append(eps, one))
}

// TestHiddenCellExistenceDoesNotShow: two exports that differ only in
// where one episode is — a woman of county 03 or a man of county 04, a
// group with no other episode in either export — give byte-identical
// reports in every format, with --by county,sex: every combination of
// the national values is listed whether it holds anyone or not, and an
// empty cell is hidden like a small one. Before, only the combinations
// with an episode had rows, so the first report had a row "03 K" and the
// second a row "04 M", and a reader knew where the hidden lead time was.
// The inclusion table hides its reported 0 (Uppsala, 03) like a small
// count, with its share and goal.
func TestHiddenCellExistenceDoesNotShow(t *testing.T) {
	p := program(t)
	base, err := ReadInclusionBase("b.csv", []byte("region;vårdförlopp;period;beräknat antal\n01;VL2;2024;20\n03;VL2;2024;8\n01;VH3;2024;10\n"), p.Guide)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{MinCell: DefaultMinCell, By: []string{"county", "sex"}, Inclusion: base}
	a := build(t, groupsData("03", "K"), opts)
	b := build(t, groupsData("04", "M"), opts)
	sameReports(t, a, b)
	// 21 counties and okänd, two sexes and okänd: 66 groups, for each
	// the all-pathways cell and both pathways' totals and definitions.
	if got, want := len(a.Measures), 66*(1+6+4); got != want {
		t.Errorf("%d measures, want %d", got, want)
	}
	var shown []string
	for _, m := range a.Measures {
		if !m.Suppressed {
			shown = append(shown, line(m))
		}
	}
	// What shows: the groups with lead times enough, with a definition
	// hidden beside each visible total that has empty definitions under
	// it (else they would be known empty); the men's all-pathways cell
	// is hidden, as endometrial cancer's empty total is under it.
	diffLines(t, shown, []string{
		"all [Län 01, Kön K]: n=32 within=19 share=59.4 met=false mean=- sd=- p10=- median=- p90=- excluded=-",
		"pathway hjarntumorer [Län 01, Kön K]: n=16 within=10 share=62.5 met=false mean=- sd=- p10=- median=- p90=- excluded=-",
		"pathway hjarntumorer [Län 01, Kön M]: n=16 within=10 share=62.5 met=false mean=- sd=- p10=- median=- p90=- excluded=-",
		"leadtime hjarntumorer hjarn_hog_behandling [Län 01, Kön K]: n=9 within=6 share=66.7 met=false mean=43.3 sd=13.2 p10=30.0 median=40.0 p90=60.0 excluded=-",
		"leadtime hjarntumorer hjarn_hog_behandling [Län 01, Kön M]: n=9 within=6 share=66.7 met=false mean=43.3 sd=13.2 p10=30.0 median=40.0 p90=60.0 excluded=-",
		"pathway livmoderkroppscancer [Län 01, Kön K]: n=16 within=9 share=56.3 met=false mean=- sd=- p10=- median=- p90=- excluded=-",
		"leadtime livmoderkroppscancer livkropp_kirurgi [Län 01, Kön K]: n=9 within=5 share=55.6 met=false mean=28.9 sd=10.5 p10=20.0 median=20.0 p90=40.0 excluded=-",
	})
	// Uppsala's 0 is hidden like a small count; Stockholm's 37 brain
	// tumours with it, since the pathway table's reportable episodes
	// less them would give the 0; Stockholm's 18 endometrial cancers
	// bound the hidden lead-time cells of every group (the rows have no
	// county) and go with them.
	var inc []string
	for _, row := range a.Inclusion.Rows {
		inc = append(inc, fmt.Sprintf("%s %s n=%s share=%v met=%v hidden=%v", row.Region, row.Pathway, countText(row.Reported), deref(row.Share), derefB(row.Met), row.Suppressed))
	}
	diffLines(t, inc, []string{
		"01 hjarntumorer n=37 share=185 met=true hidden=false",
		"03 hjarntumorer n=– share=<nil> met=<nil> hidden=true",
		"01 livmoderkroppscancer n=– share=<nil> met=<nil> hidden=true",
	})

	// Which pathways the export holds does not show either: every
	// pathway of the guide has its row in the pathway table, and every
	// pathway with lead-time definitions its lead-time rows, with an
	// empty row's 0s hidden like small counts. Two exports, one with an
	// episode of acute leukaemia (a pathway without lead times) or of
	// endometrial cancer (one with), the other without it, give the same
	// report. In the other export the episode is a melanoma (2 episodes
	// or 1, both hidden), so that both files have as many rows (the rows
	// read count lines of the file, not people). The endometrial lead
	// time is then in the all-pathways cell of one report and not of the
	// other: the cell is hidden in both (an empty or small pathway total
	// under it takes it, not the brain tumours' total).
	for _, c := range []struct {
		name        string
		endometrium bool
		in, out     episode
		// shows: what still shows (breast cancer's 0 with errors is
		// hidden like a small count; without endometrial cancer, the
		// brain tumours' total, not the all-pathways cell).
		shows []string
	}{
		{"acute leukaemia absent or one", true, closed("X", "VN4", "50", 20), closed("X", "VE0", "50", 20),
			[]string{"; 68 förlopp, ", "| Bröstcancer (VG9) | 12 | 12 | – |", "| 48 dagar | 18 | 12 | 66,7 % |"}},
		{"endometrial cancer absent or one", false, closed("X", "VH3", "50", 20), closed("X", "VE0", "50", 20),
			[]string{"; 50 förlopp, ", "| Bröstcancer (VG9) | 12 | 12 | – |", "| Alla ledtider med mål |  | 32 | 20 | 62,5 % |", "| 48 dagar | 18 | 12 | 66,7 % |"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			opts := Options{MinCell: DefaultMinCell}
			with := build(t, existenceData(c.endometrium, c.in), opts)
			without := build(t, existenceData(c.endometrium, c.out), opts)
			sameReports(t, with, without)
			truth := build(t, existenceData(c.endometrium, c.in), Options{MinCell: 1})
			if leaks, pub, tn, tw := attackReport(t, with, truth); len(leaks) > 0 {
				t.Errorf("pinned down: %s", describeLeaks(pub, tn, tw, leaks))
			}
			md := render(t, with, "markdown")
			for _, w := range c.shows {
				if !strings.Contains(md, w) {
					t.Errorf("the report lacks %q:\n%s", w, md)
				}
			}
		})
	}
}

// existenceData: brain tumours (36 episodes, women and men, with lead
// times within and over target and a few without), twelve breast cancers
// and one melanoma not closed, all of county 01; endometrial cancer (18 episodes)
// too when endometrium; then extra.
func existenceData(endometrium bool, extra ...episode) string {
	var eps []episode
	add := func(pre, closing string, n int, sex string, days ...int) {
		eps = addClosed(eps, pre, closing, n, sex, days...)
	}
	eps = brainTumours(eps)
	add("VG9", "50", 12, "K", 20, 30)
	// A melanoma not closed (not reportable): else every hidden row
	// would be known to have all its episodes reportable.
	eps = append(eps, episode{id: "E1", region: "01", county: "01", sex: "M", age: "67", codes: []codeAt{{"VE010", 0}}})
	if endometrium {
		add("VH3", "50", 9, "K", 20, 40)
		add("VH3", "52", 7, "K", 30, 50)
		add("VH3", "70", 2, "K", 10)
	}
	return csvOf(append(eps, extra...))
}

// sameReports fails unless a and b render byte for byte the same in
// every format.
func sameReports(t *testing.T, a, b *Report) {
	t.Helper()
	for _, f := range Formats {
		ra, rb := render(t, a, f), render(t, b, f)
		if ra != rb {
			la, lb := strings.Split(ra, "\n"), strings.Split(rb, "\n")
			for i := 0; i < min(len(la), len(lb)); i++ {
				if la[i] != lb[i] {
					t.Errorf("%s: the reports differ at line %d:\n%s\n%s", f, i+1, la[i], lb[i])
					break
				}
			}
			if len(la) != len(lb) {
				t.Errorf("%s: %d lines and %d", f, len(la), len(lb))
			}
		}
	}
}

// addClosed appends n closed episodes of pathway pre and closing code
// closing, of sex, their lead times cycling through days.
func addClosed(eps []episode, pre, closing string, n int, sex string, days ...int) []episode {
	for i := 0; i < n; i++ {
		e := closed(fmt.Sprintf("%s%s%s%02d", pre, closing, sex, i), pre, closing, days[i%len(days)])
		e.sex = sex
		eps = append(eps, e)
	}
	return eps
}

// brainTumours appends the 36 brain tumour episodes groupsData and
// existenceData share: for women and men, 9 with a lead time to a
// decision on surgery, 7 to radiotherapy or drugs, 2 closed without one.
func brainTumours(eps []episode) []episode {
	for _, sx := range []string{"K", "M"} {
		eps = addClosed(eps, "VL2", "54", 9, sx, 30, 40, 60)
		eps = addClosed(eps, "VL2", "73", 7, sx, 20, 50)
		eps = addClosed(eps, "VL2", "70", 2, sx, 10)
	}
	return eps
}
