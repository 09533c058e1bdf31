package runtime

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime/input"
)

// TestDuplicateRows: an event on two rows of one episode (same code, same
// date: one measuring point exported twice) is counted once by every
// rule and lead time, and the finding dubblettrad names both rows; the
// indexes of the findings and lead times are those of the rows as read.
// The same code on another date is no duplicate.
func TestDuplicateRows(t *testing.T) {
	g, diags, _ := compiler.Load(rules.FS(), "10.6", "rules/10.6")
	if g == nil {
		t.Fatal(diags)
	}
	ev := NewEvaluator(compiler.Compile(g))
	tests := []struct {
		name   string
		events string // code date, …
		want   string // findings with their events; lead times with from-to and days
	}{
		{"closing code twice", "VL210 2024-01-08, VL254 2024-02-10, VL254 2024-02-10",
			"reportable VL2; dubblettrad [1 2]; hjarn_hog_behandling 0-1 33"},
		{"start code twice", "VL210 2024-01-08, VL210 2024-01-08, VL254 2024-02-10",
			"reportable VL2; dubblettrad [0 1]; hjarn_hog_behandling 0-2 33"},
		{"repeat after other rows", "VL210 2024-01-08, VL254 2024-02-10, VL215 2024-01-09, VL254 2024-02-10",
			"reportable VL2; dubblettrad [1 3]; hjarn_hog_behandling 0-1 33"},
		{"three rows and two pairs", "VL210 2024-01-08, VL210 2024-01-08, VL254 2024-02-10, VL254 2024-02-10, VL254 2024-02-10",
			"reportable VL2; dubblettrad [0 1 2 3 4]; hjarn_hog_behandling 0-2 33"},
		{"same code on another date", "VL210 2024-01-08, VL254 2024-02-10, VL254 2024-02-11",
			"open; flera_avslutskoder [1 2]"},
		{"a second closing code besides the duplicate", "VL210 2024-01-08, VL254 2024-02-10, VL254 2024-02-10, VL273 2024-02-12",
			"open; flera_avslutskoder [1 3]; dubblettrad [1 2]"},
		{"no duplicate", "VL210 2024-01-08, VL254 2024-02-10",
			"reportable VL2; hjarn_hog_behandling 0-1 33"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &input.Episode{ID: "E", Age: 60, HasAge: true, Region: "01", County: "01", Sex: "M"}
			for i, ev := range strings.Split(tt.events, ", ") {
				code, date, _ := strings.Cut(ev, " ")
				d, ok := compiler.ParseDay(date)
				if !ok {
					t.Fatalf("bad date %q", date)
				}
				in.Events = append(in.Events, input.Event{Code: rawCode(code), Date: d, Row: i + 2})
			}
			var ep compiler.Episode
			var res Result
			ev.EvaluateInput(in, &ep, &res)
			got := []string{"open"}
			if res.Reportable {
				got[0] = "reportable " + res.ReportedAs
			}
			for _, f := range res.Findings {
				got = append(got, fmt.Sprintf("%s %v", f.Rule.ID, f.Events))
			}
			for _, lt := range res.LeadTimes {
				got = append(got, fmt.Sprintf("%s %d-%d %d", lt.Def.ID, lt.From, lt.To, lt.Days))
			}
			if s := strings.Join(got, "; "); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
			for _, d := range res.Duplicates {
				if !slices.ContainsFunc(res.Findings, func(f Finding) bool { return f.Rule == DuplicateRule && slices.Contains(f.Events, d) }) {
					t.Errorf("duplicate %d not named by the finding", d)
				}
			}
		})
	}
}
