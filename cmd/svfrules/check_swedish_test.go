package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rcc/svfrules/internal/english"
)

// swedishBase is a small guide that checks clean: the base that TestCheckSwedish
// breaks one way per case: files of a version that checks clean.
var swedishBase = map[string]string{
	"guide.svf": `guide "1.0" {
  date 2024-01-01
  title "Testguide"
}

qualifier kur "endast kurativ"

pathway hjarntumorer "Hjärntumörer" {
  prefix VL2
  icd10 "C71"
}

pathway akuta_leukemier "Akuta leukemier" {
  prefix VN4, VN6
  icd10 "C92.0"
}
`,
	"koder.svf": `code 10 "Beslut välgrundad misstanke" {
  kind start
  scope table
  table {
    hjarntumorer    x
    akuta_leukemier x
  }
}

code 50 "Start av första behandling, kirurgi" {
  kind treatment
  scope table
  name VL250 "Operation"
  table {
    hjarntumorer    -
    akuta_leukemier x (kur)
  }
  note for akuta_leukemier """
    Kirurgi.
  """
}

code 35 "MDK" {
  kind voluntary
  scope every
}
`,
	"ledtider.svf": `leadtime leuk_behandling {
  pathway akuta_leukemier
  name "Välgrundad misstanke till start av första behandling"
  from XX10
  to XX50
  target 10 days
}
`,
	"regler.svf": `rule saknar_start "Startkod saknas" {
  severity error
  message "Förloppet saknar startkod."
  when not has(start) and age < 200
}
`,
	"tester.svf": `test utan_start {
  age 54
  event VN450 2024-02-01
  expect findings saknar_start
}

test med_start {
  age 54
  sex "K"
  event VN410 2024-01-01
  event VN450 2024-01-05
  expect no findings
  expect leadtime leuk_behandling days 4
}
`,
}

// swedishEdit changes one file of swedishBase: old replaced by new once,
// or, with old empty, the whole file (new "" removes it).
type swedishEdit struct{ file, old, new string }

// swedishCases break swedishBase one way each; want is the summary of
// the diagnostic the case is about, as check prints it after "fel: " or
// "varning: ".
var swedishCases = []struct {
	name  string
	edits []swedishEdit
	want  string
}{
	// Reading and parsing.
	{"no rule files", []swedishEdit{{"guide.svf", "", ""}, {"koder.svf", "", ""}, {"regler.svf", "", ""}, {"ledtider.svf", "", ""}, {"tester.svf", "", ""}},
		"mappen har inga regelfiler (*.svf)"},
	{"pathway without a name", []swedishEdit{{"guide.svf", `hjarntumorer "Hjärntumörer" {`, `hjarntumorer {`}}, `oväntat "{"`},
	{"misspelt keyword", []swedishEdit{{"guide.svf", `title "Testguide"`, `titel "Testguide"`}}, `oväntat "titel"`},
	{"misspelt declaration", []swedishEdit{{"regler.svf", `rule saknar_start`, `regel saknar_start`}}, `oväntat "regel"`},
	{"code where a prefix goes", []swedishEdit{{"guide.svf", `prefix VL2`, `prefix VL250`}}, `oväntad kod VL250`},
	{"unterminated string", []swedishEdit{{"guide.svf", `title "Testguide"`, `title "Testguide`}}, "strängen tar inte slut"},
	{"bad character", []swedishEdit{{"koder.svf", `akuta_leukemier x (kur)`, `akuta_leukemier x § (kur)`}}, `oväntat tecken "§"`},
	{"end of file", []swedishEdit{{"ledtider.svf", "  target 10 days\n}\n", "  target 10 days\n"}}, "filen tar slut för tidigt"},
	{"not UTF-8", []swedishEdit{{"guide.svf", `Testguide`, "Testguide \xe5"}}, "filen är inte UTF-8"},
	{"nesting", []swedishEdit{{"regler.svf", `when not has(start) and age < 200`, "when " + strings.Repeat("(", 201) + "true" + strings.Repeat(")", 201)}},
		"villkoret är nästlat för djupt (mer än 200 nivåer)"},
	// Header.
	{"no header", []swedishEdit{{"guide.svf", "guide \"1.0\" {\n  date 2024-01-01\n  title \"Testguide\"\n}\n", ""}}, "regelfilerna saknar huvud (`guide`)"},
	{"second header", []swedishEdit{{"regler.svf", "", "guide \"1.0\" {\n  date 2024-01-01\n  title \"T\"\n}\n"}}, "ett andra huvud (`guide`)"},
	{"version", []swedishEdit{{"guide.svf", `guide "1.0"`, `guide "ett"`}}, `versionen "ett" är inget versionsnummer`},
	{"date", []swedishEdit{{"guide.svf", `date 2024-01-01`, `date 2024-13-01`}}, "2024-13-01 är inget datum"},
	{"no date", []swedishEdit{{"guide.svf", "  date 2024-01-01\n", ""}}, "huvudet saknar `date`"},
	{"no title", []swedishEdit{{"guide.svf", "  title \"Testguide\"\n", ""}}, "huvudet saknar `title`"},
	{"date twice", []swedishEdit{{"guide.svf", "  date 2024-01-01\n", "  date 2024-01-01\n  date 2024-01-02\n"}}, "`date` står två gånger i blocket"},
	{"changelog twice", []swedishEdit{{"guide.svf", "  date 2024-01-01\n", "  date 2024-01-01\n  changelog 2024-01-01 \"a\"\n  changelog 2024-01-01 \"b\"\n"}}, "huvudet har två `changelog`"},
	// Qualifiers and pathways.
	{"qualifier twice", []swedishEdit{{"guide.svf", `qualifier kur "endast kurativ"`, "qualifier kur \"a\"\nqualifier kur \"b\""}}, `kvalificeringen "kur" definieras två gånger`},
	{"pathway twice", []swedishEdit{{"regler.svf", "", "pathway hjarntumorer \"H\" {\n  prefix VL3\n}\n"}}, `vårdförloppet "hjarntumorer" deklareras två gånger`},
	{"pathway key case", []swedishEdit{{"guide.svf", "pathway hjarntumorer", "pathway Hjarntumorer"}, {"koder.svf", "    hjarntumorer    x", "    Hjarntumorer    x"}, {"koder.svf", "    hjarntumorer    -", "    Hjarntumorer    -"}},
		`vårdförloppets nyckel "Hjarntumorer" är inte skriven med gemener`},
	{"prefix taken", []swedishEdit{{"guide.svf", `prefix VN4, VN6`, `prefix VN4, VL2`}}, `prefixet VL2 hör redan till vårdförloppet "hjarntumorer" (r/guide.svf:8:9)`},
	{"icd10", []swedishEdit{{"guide.svf", `icd10 "C71"`, `icd10 "hjärna"`}}, `"hjärna" är ingen ICD-10-kod`},
	{"no prefix", []swedishEdit{{"guide.svf", "  prefix VL2\n", ""}}, `vårdförloppet "hjarntumorer" saknar prefix`},
	{"three prefixes", []swedishEdit{{"guide.svf", `prefix VN4, VN6`, `prefix VN4, VN6, VN7`}}, `vårdförloppet "akuta_leukemier" har 3 prefix`},
	{"unknown pathway", []swedishEdit{{"koder.svf", "    hjarntumorer    -", "    hjarntumor      -"}}, `okänt vårdförlopp "hjarntumor"`},
	// Codes.
	{"code not two digits", []swedishEdit{{"koder.svf", `code 35 "MDK"`, `code 350 "MDK"`}}, "koden 350 är inte två siffror"},
	{"code twice", []swedishEdit{{"koder.svf", `code 35 "MDK"`, `code 10 "MDK"`}}, "koden 10 deklareras två gånger"},
	{"unknown kind", []swedishEdit{{"koder.svf", `kind voluntary`, `kind frivillig`}}, "okänd `kind` \"frivillig\""},
	{"unknown scope", []swedishEdit{{"koder.svf", `scope every`, `scope alla`}}, "okänd `scope` \"alla\""},
	{"two tables", []swedishEdit{{"koder.svf", "  note for akuta_leukemier", "  table {\n    hjarntumorer x\n    akuta_leukemier x\n  }\n  note for akuta_leukemier"}}, "koden 50 har två tabeller"},
	{"no kind", []swedishEdit{{"koder.svf", "  kind voluntary\n", ""}}, "koden 35 saknar `kind`"},
	{"no scope", []swedishEdit{{"koder.svf", "  scope every\n", ""}}, "koden 35 saknar `scope`"},
	{"scope table without a table", []swedishEdit{{"koder.svf", `scope every`, `scope table`}}, "koden 35 har `scope table` men ingen tabell"},
	{"scope every with a table", []swedishEdit{{"koder.svf", "  kind start\n  scope table", "  kind start\n  scope every"}}, "koden 10 har `scope every` men en tabell"},
	{"local name of every pathway", []swedishEdit{{"koder.svf", `name VL250 "Operation"`, `name XX50 "Operation"`}}, "XX50 är inte ett enskilt vårdförlopps kod"},
	{"local name of another code", []swedishEdit{{"koder.svf", `name VL250 "Operation"`, `name VL252 "Operation"`}}, "VL252 är ingen kod 50"},
	{"local name of no pathway", []swedishEdit{{"koder.svf", `name VL250 "Operation"`, `name VZ950 "Operation"`}}, "inget vårdförlopp har prefixet VZ9"},
	{"table row twice", []swedishEdit{{"koder.svf", "    hjarntumorer    -\n", "    hjarntumorer    -\n    hjarntumorer    -\n"}}, `vårdförloppet "hjarntumorer" står två gånger i tabellen för kod 50`},
	{"undefined qualifier", []swedishEdit{{"koder.svf", `akuta_leukemier x (kur)`, `akuta_leukemier x (pal)`}}, `odefinierad kvalificering "pal"`},
	{"qualifier on an empty cell", []swedishEdit{{"koder.svf", `akuta_leukemier x (kur)`, `akuta_leukemier - (kur)`}}, "kvalificering på en tom cell"},
	{"table misses a pathway", []swedishEdit{{"koder.svf", "    hjarntumorer    -\n", ""}}, "tabellen för kod 50 saknar 1 vårdförlopp"},
	{"section with an unknown code", []swedishEdit{{"kapitel.svf", "", "section \"Koder\" {\n  codes 10, 50, 35, 51\n}\n"}}, "koden 51 finns inte i regelfilerna"},
	// Rules and conditions.
	{"rule twice", []swedishEdit{{"regler.svf", "", swedishBase["regler.svf"] + swedishBase["regler.svf"]}}, `regeln "saknar_start" definieras två gånger`},
	{"unknown severity", []swedishEdit{{"regler.svf", `severity error`, `severity fel`}}, "okänd `severity` \"fel\""},
	{"no severity", []swedishEdit{{"regler.svf", "  severity error\n", ""}}, "regeln \"saknar_start\" saknar `severity`"},
	{"no message", []swedishEdit{{"regler.svf", "  message \"Förloppet saknar startkod.\"\n", ""}}, "regeln \"saknar_start\" saknar `message`"},
	{"no condition", []swedishEdit{{"regler.svf", "  when not has(start) and age < 200\n", ""}}, "regeln \"saknar_start\" saknar villkor (`when`)"},
	{"condition of a number", []swedishEdit{{"regler.svf", `when not has(start) and age < 200`, `when age`}}, "villkoret har typen tal, inte sant/falskt"},
	{"and with a number", []swedishEdit{{"regler.svf", `when not has(start) and age < 200`, `when has(start) and age`}}, "`and` används med typen tal"},
	{"compare types", []swedishEdit{{"regler.svf", `age < 200`, `age < "200"`}}, "kan inte jämföra tal med text"},
	{"compare code sets", []swedishEdit{{"regler.svf", `age < 200`, `start == closing`}}, "kodmängder kan inte jämföras"},
	{"order texts", []swedishEdit{{"regler.svf", `age < 200`, `sex < "M"`}}, "typen text kan inte ordnas med `<`"},
	{"in on a code set", []swedishEdit{{"regler.svf", `age < 200`, `start in ["a"]`}}, "typen kodmängd kan inte prövas med `in`"},
	{"in with a name", []swedishEdit{{"regler.svf", `age < 200`, `sex in [county]`}}, "listans värde är inte skrivet som text"},
	{"date in a condition", []swedishEdit{{"regler.svf", `age < 200`, `first(start) < 2024-02-30`}}, "2024-02-30 är inget datum"},
	{"number too large", []swedishEdit{{"regler.svf", `age < 200`, `age < 99999999999999999999`}}, "talet 99999999999999999999 är för stort"},
	{"unknown name", []swedishEdit{{"regler.svf", `age < 200`, `alder < 200`}}, `okänt namn "alder"`},
	{"unknown function", []swedishEdit{{"regler.svf", `not has(start)`, `not hass(start)`}}, `okänd funktion "hass"`},
	{"qualified", []swedishEdit{{"regler.svf", `not has(start)`, `not has(qualified(start, closing))`}}, "`qualified` tar namnet på en kvalificering"},
	{"undefined qualifier in a condition", []swedishEdit{{"regler.svf", `not has(start)`, `not has(qualified(pal))`}}, `odefinierad kvalificering "pal"`},
	{"days", []swedishEdit{{"regler.svf", `age < 200`, `days(first(start)) > 3`}}, "fel argument till `days`"},
	{"has of a number", []swedishEdit{{"regler.svf", `not has(start)`, `not has(age)`}}, "`has` tar kodmängder, inte typen tal"},
	{"icd10 range", []swedishEdit{{"regler.svf", `age < 200`, `icd10_in(diagnosis, "C76-C00")`}}, `"C76-C00" är inget ICD-10-intervall`},
	{"icd10 in small letters", []swedishEdit{{"regler.svf", `age < 200`, `icd10_in(diagnosis, "c71")`}}, `"c71" är inget ICD-10-intervall`},
	{"icd10 scope", []swedishEdit{{"guide.svf", "  icd10 \"C71\"\n", ""}, {"regler.svf", `age < 200`, `icd10_scope(diagnosis)`}}, "`icd10_scope`: vårdförloppet \"hjarntumorer\" har ingen `icd10`"},
	{"unknown code", []swedishEdit{{"regler.svf", `not has(start)`, `not has(XX42)`}}, "vägledningen har ingen kod XX42"},
	{"unknown prefix", []swedishEdit{{"regler.svf", `not has(start)`, `not has(VZ910)`}}, "inget vårdförlopp har prefixet VZ9 (i VZ910)"},
	// Lead times.
	{"lead time twice", []swedishEdit{{"ledtider.svf", "", swedishBase["ledtider.svf"] + swedishBase["ledtider.svf"]}}, `ledtiden "leuk_behandling" definieras två gånger`},
	{"lead time without pathway", []swedishEdit{{"ledtider.svf", "  pathway akuta_leukemier\n", ""}}, "ledtiden \"leuk_behandling\" saknar `pathway`"},
	{"lead time without name", []swedishEdit{{"ledtider.svf", "  name \"Välgrundad misstanke till start av första behandling\"\n", ""}}, "ledtiden \"leuk_behandling\" saknar `name`"},
	{"lead time without target", []swedishEdit{{"ledtider.svf", "  target 10 days\n", ""}}, "ledtiden \"leuk_behandling\" saknar `target`"},
	{"lead time without from", []swedishEdit{{"ledtider.svf", "  from XX10\n", ""}}, "ledtiden \"leuk_behandling\" saknar `from`"},
	{"lead time without to", []swedishEdit{{"ledtider.svf", "  to XX50\n", ""}}, "ledtiden \"leuk_behandling\" saknar `to`"},
	{"national with first", []swedishEdit{{"ledtider.svf", "from XX10", "from first XX10"}}, "den nationella ledtiden \"leuk_behandling\" anger en förekomst (`first` eller `last`)"},
	{"code of another pathway", []swedishEdit{{"ledtider.svf", "to XX50", "to VL250"}}, `VL250 är ingen kod i vårdförloppet "akuta_leukemier"`},
	{"code not allowed", []swedishEdit{{"ledtider.svf", "pathway akuta_leukemier", "pathway hjarntumorer"}}, `koden 50 (Start av första behandling, kirurgi) är inte tillåten i vårdförloppet "hjarntumorer"`},
	{"national to a voluntary code", []swedishEdit{{"ledtider.svf", "to XX50", "to XX35"}}, "koden 35 (MDK) avslutar inget vårdförlopp"},
	{"national from a voluntary code", []swedishEdit{{"ledtider.svf", "from XX10", "from XX35"}}, "koden 35 (MDK) startar inget vårdförlopp"},
	{"local to a voluntary code", []swedishEdit{{"ledtider.svf", "from XX10", "local\n  from XX10"}, {"ledtider.svf", "to XX50", "to XX35"}}, "koden 35 (MDK) är ingen avslutskod"},
	// Tests.
	{"test twice", []swedishEdit{{"tester.svf", "test med_start", "test utan_start"}}, `testet "utan_start" definieras två gånger`},
	{"unknown attribute", []swedishEdit{{"tester.svf", `sex "K"`, `kon "K"`}}, `okänt förloppsattribut "kon"`},
	{"age as text", []swedishEdit{{"tester.svf", "  age 54\n  sex", "  age \"54\"\n  sex"}}, "`age` är ett tal"},
	{"sex as a number", []swedishEdit{{"tester.svf", `sex "K"`, `sex 2`}}, "`sex` är text, inte ett tal"},
	{"event date", []swedishEdit{{"tester.svf", `event VN410 2024-01-01`, `event VN410 2024-01-32`}}, "2024-01-32 är inget datum"},
	{"test expects nothing", []swedishEdit{{"tester.svf", "  expect findings saknar_start\n", ""}}, `testet "utan_start" förväntar sig ingenting`},
	{"unknown rule", []swedishEdit{{"tester.svf", "expect findings saknar_start", "expect findings saknar_slut"}}, `okänd regel "saknar_slut"`},
	{"unknown lead time", []swedishEdit{{"tester.svf", "expect leadtime leuk_behandling days 4", "expect leadtime leuk days 4"}}, `okänd ledtid "leuk"`},
	{"reported as an unknown prefix", []swedishEdit{{"tester.svf", "  expect no findings\n", "  expect no findings\n  expect reported_as VZ9\n"}}, "inget vårdförlopp har prefixet VZ9"},
	// Warnings of the lint.
	{"rule never fires", []swedishEdit{{"regler.svf", `when not has(start) and age < 200`, "pathway hjarntumorer\n  when has(XX50)"}},
		"regeln saknar_start kan aldrig slå till i Hjärntumörer (hjarntumorer): tabellen för VXX50 lämnar cellen tom, så VL250 förekommer inte"},
	{"rule untested", []swedishEdit{{"regler.svf", "", swedishBase["regler.svf"] + strings.ReplaceAll(swedishBase["regler.svf"], "saknar_start", "otestad")}}, "regeln otestad har inget testfall där den slår till"},
	{"note on an empty cell", []swedishEdit{{"koder.svf", "note for akuta_leukemier", "note for hjarntumorer"}}, "anmärkningen under VXX50 gäller Hjärntumörer (hjarntumorer), men tabellen lämnar cellen tom"},
}

// diagnosticLine is the first line of a diagnostic in check's text form.
var diagnosticLine = regexp.MustCompile(`^\S+: (fel|varning): (.*)$`)

// TestCheckSwedish breaks a small guide in many ways (a case for each
// diagnostic of the compiler that a folder can reach) and reads what
// check prints: each case gives its diagnostic, and no line that check
// writes itself (all but the echoed source line and its caret) holds an
// English word or a grammar name, in the text form or the JSON one.
func TestCheckSwedish(t *testing.T) {
	seen := map[string]bool{} // distinct diagnostics
	for _, tc := range swedishCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "r")
			files := map[string]string{}
			for name, text := range swedishBase {
				files[name] = text
			}
			for _, e := range tc.edits {
				switch {
				case e.old == "":
					files[e.file] = e.new
				case !strings.Contains(files[e.file], e.old):
					t.Fatalf("%s does not hold %q", e.file, e.old)
				default:
					files[e.file] = strings.Replace(files[e.file], e.old, e.new, 1)
				}
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for name, text := range files {
				if text == "" {
					continue
				}
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var stdout, stderr bytes.Buffer
			code := run([]string{"check", "--rules", dir}, nil, &stdout, &stderr)
			text := strings.ReplaceAll(stderr.String(), dir, "r")
			found := false
			for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
				if isSourceEcho(line) {
					continue
				}
				if m := diagnosticLine.FindStringSubmatch(line); m != nil && m[2] == tc.want {
					found = true
				}
				if w := english.OutputWords(line); len(w) > 0 {
					t.Errorf("English %q in: %s", w, line)
				}
			}
			if !found {
				t.Errorf("exit %d; no diagnostic %q in\n%s", code, tc.want, text)
			}
			seen[tc.want] = true

			stdout.Reset()
			stderr.Reset()
			run([]string{"check", "--format", "json", "--rules", dir}, nil, &stdout, &stderr)
			var report struct {
				Diagnostics []struct{ Summary, Detail string }
			}
			if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
				t.Fatalf("check --format json: %v\n%s%s", err, stdout.String(), stderr.String())
			}
			if len(report.Diagnostics) == 0 {
				t.Errorf("check --format json gives no diagnostic")
			}
			for _, d := range report.Diagnostics {
				for _, s := range []string{d.Summary, d.Detail} {
					if w := english.OutputWords(s); len(w) > 0 {
						t.Errorf("English %q in the json: %s", w, s)
					}
				}
			}
		})
	}
	if len(seen) < 30 {
		t.Errorf("%d distinct diagnostics, want at least 30", len(seen))
	}
}

// isSourceEcho reports whether a line of check's output echoes the rule
// file (" 12 | …") or marks a place in it ("    |   ^^^"): the user's
// own words, not check's.
func isSourceEcho(line string) bool {
	before, _, ok := strings.Cut(line, " | ")
	if !ok {
		before, ok = strings.CutSuffix(line, " |")
	}
	return ok && strings.Trim(before, " 0123456789") == ""
}
