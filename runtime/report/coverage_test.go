package report

import (
	"strings"
	"testing"
)

// TestCoverage: the report says in every format for how many pathways the
// rules have lead times, and which of the input's pathways have none,
// and has no lead-time rows for those.
func TestCoverage(t *testing.T) {
	var eps []episode
	for i, pre := range []string{"VG9", "VJ1", "VG9"} {
		eps = append(eps, closed("E"+string(rune('1'+i)), pre, "50", 20))
	}
	r := build(t, csvOf(eps), Options{MinCell: 1})
	const want = "Ledtider finns för 2 av 30 vårdförlopp i dessa regler (Hjärntumörer och Livmoderkroppscancer); bara de har ledtidsavsnitt nedan. Underlagets förlopp i Bröstcancer och Prostatacancer har inga ledtidsdefinitioner och räknas bara i tabellen över förlopp."
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
	if js := render(t, r, "json"); !strings.Contains(js, `"leadtime_coverage": {
    "pathways": 30,
    "with_leadtimes": [
      "hjarntumorer",
      "livmoderkroppscancer"
    ],
    "input_without": [
      "brostcancer",
      "prostatacancer"
    ]
  }`) {
		t.Errorf("json lacks the coverage:\n%s", js)
	}
	csv := render(t, r, "csv")
	for _, row := range []string{
		"no_leadtimes,brostcancer,Bröstcancer,,,,,,,,,,,,,,,,false\n",
		"no_leadtimes,prostatacancer,Prostatacancer,,,,,,,,,,,,,,,,false\n",
	} {
		if !strings.Contains(csv, row) {
			t.Errorf("csv lacks %q:\n%s", row, csv)
		}
	}
	for _, m := range r.Measures {
		if m.Pathway == "brostcancer" || m.Pathway == "prostatacancer" {
			t.Errorf("a lead-time row for %s: %+v", m.Pathway, m)
		}
	}
	if strings.Contains(md, "## Bröstcancer") || strings.Contains(md, "## Prostatacancer") {
		t.Errorf("markdown has a lead-time section for a pathway without lead times:\n%s", md)
	}

	// A brain-tumour export: every pathway of the input has lead times.
	r = build(t, csvOf([]episode{closed("H1", "VL2", "73", 20)}), Options{MinCell: 1})
	if got, want := coverageText(r), "Ledtider finns för 2 av 30 vårdförlopp i dessa regler (Hjärntumörer och Livmoderkroppscancer); bara de har ledtidsavsnitt nedan."; got != want {
		t.Errorf("coverage:\n got %q\nwant %q", got, want)
	}
}
