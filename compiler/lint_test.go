package compiler

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rcc/svfrules/lang"
)

// lintRule is a rule of the fuzz fixture's shape with the given lines.
func lintRule(id, lines string) string {
	return "rule " + id + " {\n  severity error\n  message \"m\"\n" + lines + "}\n"
}

// lintTests are a firing and a quiet test for rule id in hjarntumorer.
func lintTests(id string, firing, quiet bool) string {
	s := ""
	if firing {
		s += "test " + id + "_fel {\n  event VL210 2024-01-01\n  expect findings " + id + "\n}\n"
	}
	if quiet {
		s += "test " + id + "_ok {\n  event VL210 2024-01-01\n  event VL252 2024-01-31\n  expect no findings\n}\n"
	}
	return s
}

// TestLint: each lint reports exactly its warnings, at the place to edit,
// and nothing for the rule files it should accept. The fixture is the
// fuzz fixture (which has none), with one file added or replaced.
func TestLint(t *testing.T) {
	const ex = "rules/fuzz/extra.svf"
	untested := func(line int, id string) string {
		return fmt.Sprintf("%s:%d:6+%d: regeln %s har inget testfall", ex, line, len(id), id)
	}
	guideWithSource := func(source string) string {
		return strings.Replace(fuzzFixture["guide.svf"], "  title \"Fuzzguide\"\n", "  title \"Fuzzguide\"\n  source \""+source+"\"\n", 1)
	}
	cases := []struct {
		name          string
		file, content string
		display       string // the folder as shown; rules/fuzz when empty
		want          []string
	}{
		{"rule needing a code the table leaves empty", "extra.svf",
			lintRule("r", "  pathway hjarntumorer\n  when has(XX50) and has(start)\n"), "",
			[]string{
				ex + ":1:6+1: regeln r har inget testfall där den slår till", // the fixture's hjarn_ok is quiet
				ex + ":5:12+4: regeln r kan aldrig slå till i Hjärntumörer (hjarntumorer): tabellen för VXX50 lämnar cellen tom, så VL250 förekommer inte",
			}},
		{"the same code with the pathway's prefix, in a count", "extra.svf",
			lintRule("r", "  pathway hjarntumorer, akuta_leukemier\n  when count(VL250) >= 1\n") + lintTests("r", true, true), "",
			[]string{ex + ":5:14+5: regeln r kan aldrig slå till i Hjärntumörer (hjarntumorer): tabellen för VXX50 lämnar cellen tom, så VL250 förekommer inte"}},
		{"a date of a code the table leaves empty", "extra.svf",
			lintRule("r", "  pathway hjarntumorer\n  when first(XX50) < first(start)\n") + lintTests("r", true, true), "",
			[]string{ex + ":5:14+4: regeln r kan aldrig slå till i Hjärntumörer (hjarntumorer): tabellen för VXX50 lämnar cellen tom, så VL250 förekommer inte"}},
		{"rule every correct episode breaks (requires a code the table forbids)", "extra.svf",
			lintRule("r", "  pathway hjarntumorer\n  when not has(VL250)\n") + lintTests("r", true, true), "",
			[]string{ex + ":5:16+5: regeln r slår till för varje rätt kodat förlopp i Hjärntumörer (hjarntumorer): tabellen för VXX50 lämnar cellen tom, så VL250 förekommer inte"}},
		{"rule for every pathway needing a code some tables leave empty: fine", "extra.svf",
			lintRule("r", "  when has(XX50) and has(start)\n") + lintTests("r", true, true), "", nil},
		{"rule for every pathway that no table allows", "extra.svf",
			lintRule("r", "  when has(qualified(kur)) and has(XX10)\n") + lintTests("r", true, true), "",
			nil}, // akuta_leukemier has 50 (kur)
		{"rule for every pathway that holds in none", "extra.svf",
			"qualifier all \"alla\"\n" + lintRule("r", "  when has(qualified(all))\n") + lintTests("r", true, true), "",
			[]string{ex + ":5:12+9: regeln r kan aldrig slå till i något vårdförlopp: ingen cell i tabellerna har kvalificeringen all"}},
		{"another pathway's code is not the table's business", "extra.svf",
			lintRule("r", "  pathway hjarntumorer\n  when not has(VN450)\n") + lintTests("r", true, true), "", nil},
		{"lead time whose condition needs a code the table leaves empty", "extra.svf",
			"leadtime lt {\n  pathway hjarntumorer\n  name \"n\"\n  from XX10\n  to XX52\n  when has(XX50) or has(VL250)\n  target 30 days\n}\n", "",
			[]string{ex + ":6:12+4: ledtiden lt kan aldrig gälla i Hjärntumörer (hjarntumorer): tabellen för VXX50 lämnar cellen tom, så VL250 förekommer inte"}},
		{"lead time whose condition the table makes true: fine", "extra.svf",
			"leadtime lt {\n  pathway hjarntumorer\n  name \"n\"\n  from XX10\n  to XX52\n  when not has(XX50)\n  target 30 days\n}\n", "", nil},
		{"rule without tests", "extra.svf", lintRule("r", "  pathway akuta_leukemier\n  when has(XX44)\n"), "", []string{untested(1, "r")}},
		{"rule without a firing test", "extra.svf", lintRule("r", "  when has(XX44)\n") + lintTests("r", false, true), "",
			[]string{ex + ":1:6+1: regeln r har inget testfall där den slår till"}},
		{"rule without a quiet test", "extra.svf", lintRule("r", "  pathway akuta_leukemier\n  when has(XX44)\n") +
			"test r_fel {\n  event VN410 2024-01-01\n  event VN444 2024-01-02\n  expect findings r\n}\n", "",
			[]string{ex + ":1:6+1: regeln r har inget testfall där den inte slår till"}},
		{"a quiet test of another pathway does not count", "extra.svf",
			lintRule("r", "  pathway akuta_leukemier\n  when has(XX44)\n") + lintTests("r", true, true), "",
			[]string{ex + ":1:6+1: regeln r har inget testfall där den inte slår till"}},
		{"header version not the folder's", "", "", "rules/2.0",
			[]string{"rules/2.0/guide.svf:1:7+5: huvudet säger version 1.0 men mappen heter 2.0"}},
		{"folder that is no version number: fine", "", "", "my-rules", nil},
		{"source naming another version", "guide.svf", guideWithSource("RCC, Kodningsvägledning version 0.9, 2023-01-01"), "",
			[]string{"rules/fuzz/guide.svf:4:43+3: källan anger version 0.9 men huvudet säger version 1.0"}},
		{"source naming the header's version: fine", "guide.svf", guideWithSource("RCC, Kodningsvägledning version 1.0, 2024-01-01"), "", nil},
		{"reconstructed from another version: fine", "guide.svf", guideWithSource("Rekonstruerad från RCC, Kodningsvägledning version 1.1"), "", nil},
		{"note on an empty cell", "koder.svf",
			strings.Replace(fuzzFixture["koder.svf"], "note for akuta_leukemier heading", "note for akuta_leukemier, hjarntumorer heading", 1), "",
			[]string{"rules/fuzz/koder.svf:22:29+12: anmärkningen under VXX50 gäller Hjärntumörer (hjarntumorer), men tabellen lämnar cellen tom"}},
		{"note on an empty cell that names the missing code: fine", "koder.svf",
			strings.Replace(fuzzFixture["koder.svf"], "note for akuta_leukemier heading \"Akuta leukemier\" \"\"\"\n", "note for hjarntumorer \"\"\"\n    Därför saknas kod VL250.\n  \"\"\"\n  note for akuta_leukemier heading \"Akuta leukemier\" \"\"\"\n", 1), "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fuzzFS(tc.file, tc.content)
			display := tc.display
			if display == "" {
				display = fuzzDir
			}
			g, diags, _ := Load(fsys, fuzzDir, display)
			if g == nil {
				t.Fatalf("does not compile: %v", diags)
			}
			var got []string
			for _, d := range diags {
				if d.Severity != lang.Warning {
					t.Errorf("not a warning: %v", d)
				}
				if d.Detail == "" {
					t.Errorf("no detail: %v", d)
				}
				got = append(got, fmt.Sprintf("%s+%d: %s", d.Pos, d.Width, d.Summary))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestLintFolderName: the folder the version is compared with is the last
// element, with either slash.
func TestLintFolderName(t *testing.T) {
	for in, want := range map[string]string{"rules/10.6": "10.6", `C:\regler\10.7\`: "10.7", "10.5": "10.5", "r/": "r", "": ""} {
		if got := folderName(in); got != want {
			t.Errorf("folderName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCanFireIn: the pathways explain names for a rule checked everywhere
// whose condition needs a code only some tables allow (the reviewer's
// kur_vid_palliativ_intention said "alla 30"), and all of them for a rule
// the tables do not narrow.
func TestCanFireIn(t *testing.T) {
	g, diags, _ := LoadEmbedded("10.6")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	keys := func(id string) []string {
		r := g.Rule(id)
		if r == nil {
			t.Fatalf("no rule %s", id)
		}
		var ks []string
		for _, p := range g.CanFireIn(r) {
			ks = append(ks, p.PrefixLabel())
		}
		return ks
	}
	if got, want := strings.Join(keys("kur_vid_palliativ_intention"), " "), "VA9 VJ0 VB2"; got != want {
		t.Errorf("kur_vid_palliativ_intention can fire in %s, want %s", got, want)
	}
	if got := len(keys("vxx58_kurativ_intention")); got != 28 {
		t.Errorf("vxx58_kurativ_intention can fire in %d pathways, want 28", got)
	}
	if got := len(keys("startkod_saknas")); got != len(g.Pathways) {
		t.Errorf("startkod_saknas can fire in %d pathways, want all %d", got, len(g.Pathways))
	}
}
