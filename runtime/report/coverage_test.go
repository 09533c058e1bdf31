package report

import (
	"strings"
	"testing"
)

// TestCoverage: the report says in every format for how many pathways the
// rules have lead times and which, and that the others are only in the
// pathway table, naming none of them by whether the input holds it; it
// has no lead-time rows for those, and rows for every pathway with
// lead-time definitions, held by the input or not.
func TestCoverage(t *testing.T) {
	var eps []episode
	for i, pre := range []string{"VG9", "VJ1", "VG9"} {
		eps = append(eps, closed("E"+string(rune('1'+i)), pre, "50", 20))
	}
	r := build(t, csvOf(eps), Options{MinCell: 1})
	const want = "Ledtider finns för 2 av 30 vårdförlopp i dessa regler (Hjärntumörer och Livmoderkroppscancer); bara de har ledtidsavsnitt nedan. Övriga 28 vårdförlopp har inga ledtidsdefinitioner och räknas bara i tabellen över förlopp."
	if got := coverageText(r); got != want {
		t.Errorf("coverage:\n got %q\nwant %q", got, want)
	}
	md := render(t, r, "markdown")
	if !strings.Contains(md, "\n\n"+mdEscape(want)+"\n\n") {
		t.Errorf("markdown lacks the coverage line:\n%s", md)
	}
	if html := render(t, r, "html"); !strings.Contains(html, "<p>"+want+"</p>") {
		t.Errorf("html lacks the coverage line")
	}
	js := render(t, r, "json")
	if !strings.Contains(js, `"leadtime_coverage": {
    "pathways": 30,
    "with_leadtimes": [
      "hjarntumorer",
      "livmoderkroppscancer"
    ],
    "without_leadtimes": [
      "akuta_leukemier",`) || !strings.Contains(js, `      "aggstockscancer"
    ]
  }`) || strings.Count(js[strings.Index(js, `"without_leadtimes"`):strings.Index(js, `"aggstockscancer"`)], "\n") != 28 {
		t.Errorf("json lacks the coverage of the 28 pathways without:\n%s", js)
	}
	csv := render(t, r, "csv")
	for _, row := range []string{
		"no_leadtimes,brostcancer,Bröstcancer,,,,,,,,,,,,,,,,false\n",
		"no_leadtimes,akuta_leukemier,Akuta leukemier,,,,,,,,,,,,,,,,false\n",
	} {
		if !strings.Contains(csv, row) {
			t.Errorf("csv lacks %q:\n%s", row, csv)
		}
	}
	if n := strings.Count(csv, "\nno_leadtimes,"); n != 28 {
		t.Errorf("csv has %d rows no_leadtimes, want 28", n)
	}
	held := map[string]bool{}
	for _, m := range r.Measures {
		held[m.Pathway] = true
	}
	for _, key := range []string{"brostcancer", "prostatacancer"} {
		if held[key] {
			t.Errorf("a lead-time row for %s", key)
		}
	}
	for _, key := range []string{"hjarntumorer", "livmoderkroppscancer"} {
		if !held[key] {
			t.Errorf("no lead-time row for %s, which has definitions", key)
		}
	}
	if strings.Contains(md, "## Bröstcancer") || strings.Contains(md, "## Prostatacancer") {
		t.Errorf("markdown has a lead-time section for a pathway without lead times:\n%s", md)
	}

	// A brain-tumour export says the same.
	r = build(t, csvOf([]episode{closed("H1", "VL2", "73", 20)}), Options{MinCell: 1})
	if got := coverageText(r); got != want {
		t.Errorf("coverage:\n got %q\nwant %q", got, want)
	}
}
