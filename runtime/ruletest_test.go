package runtime

import (
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/english"
	"github.com/rcc/svfrules/rules"
)

// TestRuleFileTestCases runs every test case written in every embedded
// version's rule files; a failing case prints expected against actual.
func TestRuleFileTestCases(t *testing.T) {
	for _, v := range rules.Versions() {
		g, diags, _ := compiler.Load(rules.FS(), v, "rules/"+v)
		if g == nil {
			t.Fatalf("rules/%s does not compile: %v", v, diags)
		}
		results := RunTests(compiler.Compile(g), nil)
		if len(results) == 0 {
			t.Errorf("rules/%s has no test cases", v)
		}
		for _, r := range results {
			if !r.Pass {
				t.Errorf("rules/%s: test %s failed:\n  %s", v, r.Test.ID, strings.Join(r.Failures, "\n  "))
			}
		}
	}
}

// TestRunTestsReportsExpectedAgainstActual proves the runner can fail: a
// case whose expectations are wrong fails with each mismatch spelt out.
func TestRunTestsReportsExpectedAgainstActual(t *testing.T) {
	g, _, _ := compiler.Load(rules.FS(), rules.Latest(), "rules")
	var wrong *compiler.Test
	for _, tc := range g.Tests {
		if tc.ID == "hjarn_hog_73_inom" {
			c := *tc
			wrong = &c
		}
	}
	if wrong == nil {
		t.Fatal("test case hjarn_hog_73_inom not found")
	}
	wrong.Expect = []compiler.Expectation{
		{Kind: compiler.ExpectLeadTime, ID: "hjarn_hog_ingen_atgard", Days: 36, Line: "expect leadtime hjarn_hog_ingen_atgard days 36"},
		{Kind: compiler.ExpectFindings, IDs: []string{"under_18_ar"}, Line: "expect findings under_18_ar"},
		{Kind: compiler.ExpectReportedAs, ID: "VH3", Line: "expect reported_as VH3"},
		{Kind: compiler.ExpectLeadTime, ID: "hjarn_lag_behandling", Days: 10, Line: "expect leadtime hjarn_lag_behandling days 10"},
		{Kind: compiler.ExpectNoLeadTime, ID: "hjarn_hog_ingen_atgard", Line: "expect no leadtime hjarn_hog_ingen_atgard"},
		{Kind: compiler.ExpectNoLeadTimes, Line: "expect no leadtimes"},
		{Kind: compiler.ExpectReportable, Bool: false, Line: "expect not reportable"},
	}
	g.Tests = []*compiler.Test{wrong}
	got := RunTests(compiler.Compile(g), nil)
	if len(got) != 1 || got[0].Pass {
		t.Fatalf("want one failing case, got %+v", got)
	}
	want := []string{
		": expect leadtime hjarn_hog_ingen_atgard days 36: väntade ledtiden hjarn_hog_ingen_atgard på 36 dagar, fick 37 dagar",
		": expect findings under_18_ar: väntade fynd [under_18_ar], fick []",
		": expect reported_as VH3: väntade rapporterat som VH3, fick VL2",
		": expect leadtime hjarn_lag_behandling days 10: väntade ledtiden hjarn_lag_behandling på 10 dagar, fick ingen (ledtider: hjarn_hog_ingen_atgard 37 dagar)",
		": expect no leadtime hjarn_hog_ingen_atgard: väntade ingen ledtid hjarn_hog_ingen_atgard, fick 37 dagar",
		": expect no leadtimes: väntade inga ledtider, fick hjarn_hog_ingen_atgard 37 dagar",
		": expect not reportable: väntade inte rapporterbart, fick rapporterbart",
	}
	if strings.Join(got[0].Failures, "\n") != strings.Join(want, "\n") {
		t.Errorf("failures:\n%s\nwant:\n%s", strings.Join(got[0].Failures, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range got[0].Failures {
		if w := english.Words(strings.SplitN(f, ": ", 3)[2]); len(w) > 0 {
			t.Errorf("English %q in %q", w, f)
		}
	}
}

// TestRunTestsDuplicateEvent: a test case with an event written twice
// (same code, same date) shows how the rules count it: once, so the
// doubled closing code gives no finding of the files, and the lead time
// is measured. dubblettrad, svfrules' own notice, is no rule a case
// could name, so `expect no findings` holds.
func TestRunTestsDuplicateEvent(t *testing.T) {
	g, _, _ := compiler.Load(rules.FS(), rules.Latest(), "rules")
	g.Tests = []*compiler.Test{{
		ID:    "dubblerad_avslutskod",
		Attrs: []compiler.TestAttr{{Name: "age", Number: 60, IsNum: true}},
		Events: []compiler.TestEvent{
			{Code: "VL210", Date: "2024-01-01"}, {Code: "VL254", Date: "2024-02-10"}, {Code: "VL254", Date: "2024-02-10"},
		},
		Expect: []compiler.Expectation{
			{Kind: compiler.ExpectFindings, Line: "expect no findings"},
			{Kind: compiler.ExpectLeadTime, ID: "hjarn_hog_behandling", Days: 40, Line: "expect leadtime hjarn_hog_behandling days 40"},
			{Kind: compiler.ExpectReportable, Bool: true, Line: "expect reportable"},
		},
	}}
	got := RunTests(compiler.Compile(g), nil)
	if len(got) != 1 || !got[0].Pass {
		t.Fatalf("want one passing case, got %+v", got)
	}
}
