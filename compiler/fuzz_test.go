package compiler

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
)

// fuzzFixture is a small but complete guide version: two pathways (one
// with two prefixes), a code of every kind, a table with a qualifier and
// a note, rules, a lead time and a test. The fuzzer adds one file to it
// or replaces one of its files. A fixture this small compiles in well
// under a millisecond, so the fuzzer runs thousands of inputs a second;
// the whole 10.6 folder (70 kB) let it run about one, and it spent
// minutes minimising each new input.
var fuzzFixture = map[string]string{
	"guide.svf": `guide "1.0" {
  date 2024-01-01
  title "Fuzzguide"
}

qualifier kur "endast kurativ"

pathway hjarntumorer "Hjärntumörer" {
  prefix VL2
}

pathway akuta_leukemier "Akuta leukemier" {
  prefix VN4, VN6
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

code 44 "Behandlingsbeslut efter utökad utredning" {
  kind mandatory
  scope every
}

code 50 "Start av första behandling, kirurgi" {
  kind treatment
  scope table
  table {
    hjarntumorer    -
    akuta_leukemier x (kur)
  }
  note for akuta_leukemier heading "Akuta leukemier" """
    Endast vid kurativ behandling.
  """
}

code 52 "Start av första behandling, läkemedel" {
  kind treatment
  scope every
}

code 70 "Kriterier för välgrundad misstanke ej uppfyllda" {
  kind other_reason
  scope every
}

code 35 "Multidisciplinär konferens (MDK)" {
  kind voluntary
  scope every
}
`,
	"regler.svf": `rule startkod_saknas {
  severity error
  message "Förloppet saknar startkod."
  ref "VXX10"
  when not has(start)
}

rule avslut_fore_start {
  severity warning
  pathway hjarntumorer, akuta_leukemier
  message "Avslutskoden har ett tidigare datum än startkoden."
  when first(closing) < first(start)
}
`,
	"ledtider.svf": `leadtime hjarn_behandling {
  pathway hjarntumorer
  name "Välgrundad misstanke till start av läkemedelsbehandling"
  from XX10
  to XX52
  when not has(XX44)
  target 48 days
  ref "Ledtider för nationell uppföljning"
}
`,
	"tester.svf": `test startkod_saknas_fel {
  age 50
  event VL252 2024-01-31
  expect findings startkod_saknas
}

test hjarn_ok {
  age 50
  sex "K"
  event VL210 2024-01-01
  event VL252 2024-01-31
  expect no findings
  expect leadtime hjarn_behandling days 30
  expect reported_as VL2
}

test avslut_fore_start_fel {
  age 50
  event VL210 2024-02-01
  event VL252 2024-01-31
  expect findings avslut_fore_start
}
`,
}

// fuzzMutations are hand-made mistakes of the kind people make when they
// edit the rule files, made in the fixture's files. Each must exist in
// its file (the seeding fails otherwise, so a change of the fixture
// cannot silently turn a seed into a copy of the original).
var fuzzMutations = []struct {
	file, old, new string
}{
	// A table row removed: the table no longer covers every pathway.
	{"koder.svf", "    hjarntumorer    x\n", ""},
	// A pathway key misspelt in a table row, in a declaration (every use
	// then refers to a missing pathway) and in a rule's pathway list.
	{"koder.svf", "    hjarntumorer    -", "    hjarntumor    -"},
	{"guide.svf", "pathway hjarntumorer ", "pathway hjarntumor "},
	{"regler.svf", "  pathway hjarntumorer,", "  pathway hjarntumorr,"},
	// Rule conditions with type errors: a negated number, a comparison
	// of booleans, a code set as a condition.
	{"regler.svf", "when not has(start)", "when not count(start)"},
	{"regler.svf", "when first(closing) < first(start)", "when has(closing) < first(start)"},
	{"ledtider.svf", "when not has(XX44)", "when XX44"},
	// A qualifier that does not exist, a duplicate row, a lost closing brace.
	{"koder.svf", "x (kur)", "x (kurativ)"},
	{"koder.svf", "    akuta_leukemier x\n", "    akuta_leukemier x\n    akuta_leukemier -\n"},
	{"koder.svf", "}\n", ""},
	// A pathway added but not to the tables.
	{"guide.svf", "qualifier kur", "pathway lungcancer \"Lungcancer\" {\n  prefix VC5\n}\n\nqualifier kur"},
	// A test expecting a rule that does not exist, a code of no kind.
	{"tester.svf", "expect findings startkod_saknas\n", "expect findings startkod_saknad\n"},
	{"koder.svf", "  kind voluntary\n", ""},
}

// fuzzDecls are single declarations added to the fixture as a file of
// their own: every function and operator of conditions, and the other
// kinds of declaration with their optional parts.
var fuzzDecls = []string{
	"rule r {\n  severity error\n  message \"m\"\n  when count(start, XX35) > 1 and not has(VN450)\n}\n",
	"rule r {\n  severity info\n  message \"m\"\n  when days(first(start), last(closing)) >= 30 or prefixes(codes) != 1\n}\n",
	"rule r {\n  severity warning\n  message \"m\"\n  when known(age) and age < 18 and sex in [\"K\", \"M\"]\n}\n",
	"rule r {\n  severity error\n  message \"m\"\n  when has(qualified(kur)) and intent != \"kur\"\n}\n",
	"rule r {\n  severity error\n  message \"m\"\n  when has(unknown, disallowed, foreign) or (has(mandatory) and not (has(treatment) or has(other_reason)))\n}\n",
	"rule r {\n  severity error\n  message \"m\"\n  when first(XX10) >= 2024-01-01 and region == \"01\" and count(voluntary) in [1, 2]\n}\n",
	"rule r {\n  severity error\n  message \"\"\"\n    Flera\n    rader.\n  \"\"\"\n  when true\n}\n",
	"leadtime l {\n  pathway akuta_leukemier\n  name \"n\"\n  from XX10\n  to XX50, XX70\n  target none\n}\n",
	"leadtime lokal {\n  pathway hjarntumorer\n  local\n  name \"n\"\n  from last XX35\n  to first XX52\n  when has(XX44)\n  target 10 days\n}\n",
	"test t {\n  age 70\n  event VN410 2024-01-01\n  event VN650 2024-02-01\n  expect no leadtimes\n  expect not reportable\n  expect no leadtime hjarn_behandling\n}\n",
	"code 91 \"Patient mottagen\" {\n  kind mandatory\n  scope table\n  description \"d\"\n  name VL291 \"Lokalt namn\"\n  table {\n    hjarntumorer    x\n    akuta_leukemier -\n  }\n  note \"\"\"\n    Allmänt.\n  \"\"\"\n}\n",
	"qualifier pal \"endast palliativ\"\n",
	"# bara en kommentar\n",
}

// TestMain limits the minimisation of each new input the fuzzer finds
// to 100 runs of the target (-fuzzminimizetime, which still wins when
// given). With a time limit instead the fuzzer stood still while it
// minimised: with a fresh cache, FuzzCompile ran 740 inputs in 20 s with
// 1 s, 1 083 with 200 ms and 56 030 with 100x; the default, 60 s, let it
// run for the rest of a short run after its first new input.
func TestMain(m *testing.M) {
	if err := flag.Set("test.fuzzminimizetime", "100x"); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// FuzzCompile adds one file to, or replaces one file of, a small complete
// guide version and runs what Load runs on it: Parse, Check and, when it
// checks, Compile. which chooses the file: one of the fixture's (in name
// order) or, past them, a file of its own. Run it with
//
//	go test ./compiler -run '^$' -fuzz '^FuzzCompile$' -fuzztime 60s
//
// Parse, Check and Compile must never panic, whatever one file says, and
// every diagnostic must be printable: a summary, and a line and column
// whenever it names a file (the CLI prints the source line under it).
// The fixture's other files are parsed once, not for every input: parsing
// is most of the time, and Check only reads the syntax trees. (What Load
// adds, reading the folder, is tested in limits_test.go.)
func FuzzCompile(f *testing.F) {
	names := fuzzFixtureNames()
	index := map[string]uint8{}
	for i, n := range names {
		index[n] = uint8(i)
	}
	extra := uint8(len(names))
	for _, m := range fuzzMutations {
		data := fuzzFixture[m.file]
		if !strings.Contains(data, m.old) {
			f.Fatalf("mutation seed: %s no longer contains %q", m.file, m.old)
		}
		f.Add(index[m.file], strings.Replace(data, m.old, m.new, 1))
	}
	for _, d := range fuzzDecls {
		f.Add(extra, d)
	}
	// The declarations of the newest embedded version, one at a time:
	// real rules, lead times, tests and codes, small enough to fuzz.
	for _, d := range embeddedDecls(f, rules.Latest()) {
		f.Add(extra, d)
	}
	// Crashers the fuzzer found, minimised, so they stay fixed.
	for _, c := range fuzzCrashers {
		i, ok := index[c.file]
		if !ok {
			i = extra
		}
		f.Add(i, c.content)
	}

	parsed := map[string]*lang.File{}
	src := lang.Sources{}
	for _, n := range names {
		shown := path.Join(fuzzDir, n)
		src[shown] = []byte(fuzzFixture[n])
		file, diags := lang.Parse(shown, src[shown])
		if len(diags) > 0 {
			f.Fatalf("the fuzz fixture does not parse: %v", diags)
		}
		parsed[n] = file
	}
	if g, diags := checkParsed(fuzzFiles(names, parsed), nil, src); g == nil || len(diags) > 0 {
		f.Fatalf("the fuzz fixture does not compile cleanly: %v", diags)
	}

	f.Fuzz(func(t *testing.T, which uint8, content string) {
		name := "extra.svf"
		if int(which) < len(names) {
			name = names[which]
		}
		shown := path.Join(fuzzDir, name)
		file, diags := lang.Parse(shown, []byte(content))
		files := map[string]*lang.File{name: file}
		for n, pf := range parsed {
			if n != name {
				files[n] = pf
			}
		}
		inputSrc := lang.Sources{shown: []byte(content)}
		for k, v := range src {
			if k != shown {
				inputSrc[k] = v
			}
		}
		g, diags := checkParsed(fuzzFiles(append(names[:len(names):len(names)], "extra.svf"), files), diags, inputSrc)
		for _, d := range diags {
			if d.Summary == "" {
				t.Errorf("diagnostic without a summary: %+v", d)
			}
			if d.Pos.File != "" && (d.Pos.Line < 1 || d.Pos.Column < 1) {
				t.Errorf("diagnostic names %s but no line and column: %+v", d.Pos.File, d)
			}
		}
		if t.Failed() {
			t.Logf("file %s:\n%s", name, content)
		}
		if diags.HasErrors() {
			if g != nil {
				t.Errorf("a guide along with errors")
			}
			return
		}
		if g == nil {
			t.Fatalf("neither a guide nor an error")
		}
		Compile(g)
	})
}

// fuzzFixtureNames returns the names of the fixture's files, sorted.
func fuzzFixtureNames() []string {
	names := make([]string, 0, len(fuzzFixture))
	for n := range fuzzFixture {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// fuzzFiles returns the parsed files in name order, as Load passes them.
func fuzzFiles(names []string, parsed map[string]*lang.File) []*lang.File {
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	var files []*lang.File
	for _, n := range sorted {
		if f, ok := parsed[n]; ok {
			files = append(files, f)
		}
	}
	return files
}

const fuzzDir = "rules/fuzz"

// fuzzFS is the fixture with the file name holding content (when name is
// not empty).
func fuzzFS(name, content string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for n, data := range fuzzFixture {
		fsys[path.Join(fuzzDir, n)] = &fstest.MapFile{Data: []byte(data)}
	}
	if name != "" {
		fsys[path.Join(fuzzDir, name)] = &fstest.MapFile{Data: []byte(content)}
	}
	return fsys
}

// embeddedDecls returns the declarations of an embedded version one by
// one, each with the comments above it, in file and then source order.
func embeddedDecls(tb testing.TB, version string) []string {
	tb.Helper()
	entries, err := fs.ReadDir(rules.FS(), version)
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), Ext) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	var decls []string
	for _, n := range names {
		data, err := fs.ReadFile(rules.FS(), path.Join(version, n))
		if err != nil {
			tb.Fatal(err)
		}
		// A declaration starts at a line that starts with a letter;
		// the comments and blank lines before it go with it.
		var cur bytes.Buffer
		for _, line := range strings.SplitAfter(string(data), "\n") {
			if line != "" && line[0] >= 'a' && line[0] <= 'z' && strings.TrimSpace(cur.String()) != "" && !onlyComments(cur.String()) {
				decls = append(decls, cur.String())
				cur.Reset()
			}
			cur.WriteString(line)
		}
		if strings.TrimSpace(cur.String()) != "" {
			decls = append(decls, cur.String())
		}
	}
	return decls
}

// onlyComments reports whether s holds nothing but comments and blanks.
func onlyComments(s string) bool {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			return false
		}
	}
	return true
}

// fuzzCrashers are minimised inputs that once crashed Load or Compile.
var fuzzCrashers = []struct{ file, content string }{}

// TestFuzzFixture: the fixture compiles without diagnostics, and each
// declaration of the newest version, added to it, is read without a
// crash; the fuzz seeds are worth something only if so.
func TestFuzzFixture(t *testing.T) {
	g, diags, src := Load(fuzzFS("", ""), fuzzDir, fuzzDir)
	if g == nil || len(diags) > 0 {
		var b bytes.Buffer
		lang.WriteText(&b, diags, src)
		t.Fatalf("the fuzz fixture does not compile cleanly:\n%s", b.String())
	}
	Compile(g)
	decls := embeddedDecls(t, rules.Latest())
	if len(decls) < 50 {
		t.Fatalf("only %d declarations in %s", len(decls), rules.Latest())
	}
	for _, d := range fuzzDecls {
		g, diags, src := Load(fuzzFS("extra.svf", d), fuzzDir, fuzzDir)
		if g == nil || diags.HasErrors() {
			var b bytes.Buffer
			lang.WriteText(&b, diags, src)
			t.Errorf("seed does not compile with the fixture:\n%s\n%s", d, b.String())
		}
	}
}
