package compiler

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestICD10Diagnostics: misuse of icd10_in and icd10_scope is reported at
// its place with what to write instead, and the rules do not compile.
func TestICD10Diagnostics(t *testing.T) {
	noLeukICD := strings.Replace(miniGuide, "  icd10 \"C92.0\", \"D47.4\"\n", "", 1)
	cases := []struct {
		name, guide, rule string
		summary, detail   string
	}{
		{"lower case in a rule file", miniGuide, `when icd10_in(diagnosis, "c71")`,
			`"c71" is not an ICD-10 range`, `did you mean "C71"? rule files write ICD-10 codes in capitals (the diagnosis in the data may be in any case)`},
		{"range the wrong way round", miniGuide, `when icd10_in(diagnosis, "C76-C00")`,
			`"C76-C00" is not an ICD-10 range`, icdRangeHint},
		{"too short", miniGuide, `when icd10_in(diagnosis, "C7")`,
			`"C7" is not an ICD-10 range`, icdRangeHint},
		{"three digits after the dot", miniGuide, `when icd10_in(diagnosis, "D47.123")`,
			`"D47.123" is not an ICD-10 range`, icdRangeHint},
		{"an attribute as a range", miniGuide, `when icd10_in(diagnosis, intent)`,
			`a text value is not an ICD-10 range`, icdRangeHint},
		{"no range", miniGuide, `when icd10_in(diagnosis)`,
			`wrong arguments to icd10_in`, Functions["icd10_in"]},
		{"scope of a number", miniGuide, `when icd10_scope(age)`,
			`wrong arguments to icd10_scope`, "icd10_scope(diagnosis) takes one text, the diagnosis"},
		{"scope in a rule for every pathway, one without icd10", noLeukICD, `when icd10_scope(diagnosis)`,
			`icd10_scope: pathway "akuta_leukemier" has no icd10 scope`,
			"declare `icd10` for the pathway, or limit the condition to pathways that have it, e.g. `pathway hjarntumorer`"},
		{"scope in a rule for a pathway without icd10", noLeukICD, "pathway akuta_leukemier\n  when icd10_scope(diagnosis)",
			`icd10_scope: pathway "akuta_leukemier" has no icd10 scope`,
			"declare `icd10` for the pathway, or limit the condition to pathways that have it, e.g. `pathway hjarntumorer`"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rule := "rule r {\n  severity error\n  message \"m\"\n  " + tc.rule + "\n}\n"
			fsys := fstest.MapFS{"g/guide.svf": {Data: []byte(tc.guide)}, "g/rule.svf": {Data: []byte(rule)}}
			g, diags, _ := Load(fsys, "g", "g")
			if g != nil {
				t.Fatalf("compiles; want the error %q", tc.summary)
			}
			if len(diags) != 1 {
				t.Fatalf("%d diagnostics, want 1: %v", len(diags), diags)
			}
			if d := diags[0]; d.Summary != tc.summary || d.Detail != tc.detail || d.Pos.File != "g/rule.svf" {
				t.Errorf("got %s: %q (%q), want g/rule.svf: %q (%q)", d.Pos, d.Summary, d.Detail, tc.summary, tc.detail)
			}
		})
	}
	// The scope limited to pathways that declare it compiles.
	rule := "rule r {\n  severity error\n  pathway hjarntumorer\n  message \"m\"\n  when icd10_scope(diagnosis)\n}\n"
	fsys := fstest.MapFS{"g/guide.svf": {Data: []byte(noLeukICD)}, "g/rule.svf": {Data: []byte(rule)}}
	if g, diags, _ := Load(fsys, "g", "g"); g == nil {
		t.Errorf("a rule limited to hjarntumorer does not compile: %v", diags)
	}
}
