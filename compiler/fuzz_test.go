package compiler

import (
	"io/fs"
	"path"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rcc/svfrules/rules"
)

// fuzzVersion is the embedded version whose files the fuzzer mutates: a
// realistic, complete guide, so that a mutated file still meets every
// cross-file reference it would meet in use.
const fuzzVersion = "10.6"

// embeddedFiles returns the rule files of an embedded version by name.
func embeddedFiles(tb testing.TB, version string) map[string][]byte {
	tb.Helper()
	entries, err := fs.ReadDir(rules.FS(), version)
	if err != nil {
		tb.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), Ext) {
			continue
		}
		data, err := fs.ReadFile(rules.FS(), path.Join(version, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}

// fuzzMutations are hand-made mistakes of the kind people make when they
// edit the rule files. Each one must exist in the embedded file (the seeding
// fails otherwise, so a rewrite of the rules cannot silently turn a seed
// into a copy of the original).
var fuzzMutations = []struct {
	file, old, new string
}{
	// A table row removed: the table no longer covers every pathway.
	{"behandling.svf", "    hudmelanom                   x\n", ""},
	// A pathway key misspelt in a table row, in a declaration (every use
	// then refers to a missing pathway) and in a rule's pathway list.
	{"behandling.svf", "    hjarntumorer                 -", "    hjarntumor                   -"},
	{"guide.svf", "pathway hjarntumorer ", "pathway hjarntumor "},
	{"regler.svf", "  pathway hjarntumorer\n", "  pathway hjarntumorr\n"},
	// Rule conditions with type errors: a number compared with a string,
	// a negated number, a comparison of booleans.
	{"regler.svf", "when count(start) > prefixes(start)", `when count(start) > "1"`},
	{"regler.svf", "when not has(start)", "when not count(start)"},
	{"regler.svf", "when first(closing) < first(start)", "when has(closing) < first(start)"},
	{"ledtider.svf", "when not has(XX44)", "when XX44"},
	// A qualifier that does not exist, a duplicate row, a lost closing brace.
	{"behandling.svf", "x (kur)", "x (kurativ)"},
	{"behandling.svf", "    analcancer                   x\n", "    analcancer                   x\n    analcancer                   -\n"},
	{"start.svf", "}\n", ""},
	// A test expecting a rule that does not exist.
	{"tester.svf", "expect findings okand_kod\n", "expect findings okand_kodd\n"},
}

// FuzzCompile feeds rule files, one at a time, into a complete 10.6 folder
// and runs Load and Compile on it. Run it with
//
//	go test ./compiler -run XXX -fuzz FuzzCompile -fuzztime 60s
//
// Load and Compile must never panic, whatever one file says, and every
// diagnostic must be printable: a summary, and a line and column whenever
// it names a file (the CLI prints the source line under it).
func FuzzCompile(f *testing.F) {
	base := embeddedFiles(f, fuzzVersion)
	if len(base) == 0 {
		f.Fatalf("no embedded rule files for %s", fuzzVersion)
	}
	// In name order, so that seed#N names the same input on every run.
	names := make([]string, 0, len(base))
	for name := range base {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f.Add(name, string(base[name]))
	}
	for _, m := range fuzzMutations {
		data, ok := base[m.file]
		if !ok || !strings.Contains(string(data), m.old) {
			f.Fatalf("mutation seed: %s no longer contains %q", m.file, m.old)
		}
		f.Add(m.file, strings.Replace(string(data), m.old, m.new, 1))
	}
	// Crashers the fuzzer found, minimised, so they stay fixed.
	for _, c := range fuzzCrashers {
		f.Add(c.file, c.content)
	}

	f.Fuzz(func(t *testing.T, name, content string) {
		// The name must be a plain file name in the folder; the fuzzer's
		// other names test fstest, not the compiler: "a/b" and ".." are
		// not in the folder, and "." would replace the folder itself by a
		// file (Load then rightly reports the folder, without a line).
		if name == "." || strings.Contains(name, "/") || !fs.ValidPath(name) {
			return
		}
		dir := "rules/" + fuzzVersion
		fsys := fstest.MapFS{}
		for n, data := range base {
			fsys[path.Join(dir, n)] = &fstest.MapFile{Data: data}
		}
		fsys[path.Join(dir, name)] = &fstest.MapFile{Data: []byte(content)}

		g, diags, _ := Load(fsys, dir, dir)
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
				t.Errorf("Load returned a guide along with errors")
			}
			return
		}
		if g == nil {
			t.Fatalf("Load returned neither a guide nor an error")
		}
		Compile(g)
	})
}

// fuzzCrashers are minimised inputs that once crashed Load or Compile.
var fuzzCrashers = []struct{ file, content string }{}
