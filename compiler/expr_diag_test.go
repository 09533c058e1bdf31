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
			`"c71" är inget ICD-10-intervall`, "menade du \"C71\"? regelfilerna skriver ICD-10-koder med versaler (diagnosen i data får ha vilka som helst)"},
		{"range the wrong way round", miniGuide, `when icd10_in(diagnosis, "C76-C00")`,
			`"C76-C00" är inget ICD-10-intervall`, `skriv intervall som "C00-C76" eller "D09.0-D09.1" och enstaka koder som "C71" eller "D47.4", med versaler`},
		{"too short", miniGuide, `when icd10_in(diagnosis, "C7")`,
			`"C7" är inget ICD-10-intervall`, `skriv intervall som "C00-C76" eller "D09.0-D09.1" och enstaka koder som "C71" eller "D47.4", med versaler`},
		{"three digits after the dot", miniGuide, `when icd10_in(diagnosis, "D47.123")`,
			`"D47.123" är inget ICD-10-intervall`, `skriv intervall som "C00-C76" eller "D09.0-D09.1" och enstaka koder som "C71" eller "D47.4", med versaler`},
		{"an attribute as a range", miniGuide, `when icd10_in(diagnosis, intent)`,
			`ett värde av typen text är inget ICD-10-intervall`, `skriv intervall som "C00-C76" eller "D09.0-D09.1" och enstaka koder som "C71" eller "D47.4", med versaler`},
		{"no range", miniGuide, `when icd10_in(diagnosis)`,
			"fel argument till `icd10_in`", "`icd10_in(diagnosis, \"C00-C76\", \"D47.4\", …)`: ICD-10-koden ligger i något av intervallen (kategorier eller underkategorier)"},
		{"scope of a number", miniGuide, `when icd10_scope(age)`,
			"fel argument till `icd10_scope`", "`icd10_scope(diagnosis)` tar en text, diagnosen"},
		{"scope in a rule for every pathway, one without icd10", noLeukICD, `when icd10_scope(diagnosis)`,
			"`icd10_scope`: vårdförloppet \"akuta_leukemier\" har ingen `icd10`",
			"deklarera `icd10` för vårdförloppet, eller begränsa villkoret till vårdförlopp som har det, t.ex. `pathway hjarntumorer`"},
		{"scope in a rule for a pathway without icd10", noLeukICD, "pathway akuta_leukemier\n  when icd10_scope(diagnosis)",
			"`icd10_scope`: vårdförloppet \"akuta_leukemier\" har ingen `icd10`",
			"deklarera `icd10` för vårdförloppet, eller begränsa villkoret till vårdförlopp som har det, t.ex. `pathway hjarntumorer`"},
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

// TestPrefixDidYouMean: a code with a misspelt prefix gets the whole code
// as its did-you-mean, since the diagnostic marks the whole code and the
// language server's fix puts the suggestion in its place.
func TestPrefixDidYouMean(t *testing.T) {
	for _, tc := range []struct{ name, rule, code, summary, detail string }{
		{"in a condition", `when has(VL350)`, "", `inget vårdförlopp har prefixet VL3 (i VL350)`, `menade du "VL250"?`},
		{"a local name", `when has(XX50)`, `name VL351 "x"`, `inget vårdförlopp har prefixet VL3`, `menade du "VL251"?`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rule := "rule r {\n  severity error\n  message \"m\"\n  " + tc.rule + "\n}\n"
			fsys := fstest.MapFS{"g/guide.svf": {Data: []byte(miniGuide)}, "g/rule.svf": {Data: []byte(rule)}}
			if tc.code != "" {
				fsys["g/code.svf"] = &fstest.MapFile{Data: []byte("code 51 \"x\" {\n  kind voluntary\n  scope every\n  " + tc.code + "\n}\n")}
			}
			_, diags, _ := Load(fsys, "g", "g")
			if len(diags) != 1 || diags[0].Summary != tc.summary || diags[0].Detail != tc.detail {
				t.Errorf("got %v, want %q (%q)", diags, tc.summary, tc.detail)
			}
		})
	}
}
