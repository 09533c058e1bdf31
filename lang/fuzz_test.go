package lang

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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

// FuzzParse feeds arbitrary bytes to the parser and, when they parse, to
// the formatter. Run it with
//
//	go test ./lang -run '^$' -fuzz '^FuzzParse$' -fuzztime 60s
//
// Parse must never panic and must place every diagnostic; Format must
// produce a file that parses cleanly, is its own fixed point, keeps the AST
// and keeps every comment.
//
// The seeds are small: the formatter's golden inputs and the embedded
// rule files cut into single declarations. Seeded with whole rule files
// (up to 24 kB) the fuzzer ran a few hundred inputs a second and stood
// still for many seconds minimising each new one.
func FuzzParse(f *testing.F) {
	ins, _ := filepath.Glob("testdata/fmt/*.in")
	for _, p := range ins {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	seen := map[string]bool{}
	for _, p := range ruleFiles(f) {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, d := range declarations(p, src) {
			if !seen[d] {
				seen[d] = true
				f.Add([]byte(d))
			}
		}
	}
	for _, s := range []string{
		"code 50 \"unterminated {\n}\n",
		"code 50 \"x\" {\n  description \"\"\"\n    never closed\n}\n",
		"rule r {\n  message \"a\" § \n}\n",
		"}\n",
		"rule r {\n}\n}\n",
		"code",
		"code 50",
		"pathway p \"P\" {\n  prefix VL2\n  note \xff\xfe\n}\n",
		"\xef\xbb\xbfrule r {\n}\n",
		"\xc3\x28",
		"rule r {\n  when f(a,\n  b\n  ) # c\n}\n",
		"test t { age 54 sex \"K\" } # c\ncode 51 \"\"\"\"\"\" { note heading \"\"\"\"\"\" \"\"\"\n\n\"\"\" }",
		"guide \"1\" {\r\n  date 2024-01-01\r\n}\r\n",
		"qualifier q \"\"\"a\"\"\"\"",
	} {
		f.Add([]byte(s))
	}
	// Conditions at the nesting limit, and over it by one level.
	for _, n := range []int{MaxNesting, MaxNesting + 1} {
		f.Add([]byte("rule r {\n  when " + strings.Repeat("(", n) + "true" + strings.Repeat(")", n) + "\n}\n"))
		f.Add([]byte("rule r {\n  when " + strings.Repeat("not ", n) + "true\n}\n"))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, diags := Parse("fuzz.svf", src)
		for _, d := range diags {
			if d.Pos.Line < 1 || d.Pos.Column < 1 || d.Summary == "" {
				t.Fatalf("badly placed diagnostic %+v for %q", d, src)
			}
		}
		if len(diags) > 0 {
			return
		}
		_ = Format(file)
		if err := formatProperties("fuzz.svf", src); err != nil {
			t.Fatalf("%v\ninput: %q", err, src)
		}
	})
}

// declarations cuts a rule file into its declarations, each with the
// comments and blank lines after it, where the parser would resume after
// an error.
func declarations(name string, src []byte) []string {
	text := string(src)
	tokens := lexText(name, text)
	var out []string
	for _, c := range splitDecls(tokens) {
		out = append(out, text[tokens[c.from].Pos.Offset:tokens[c.to].Pos.Offset])
	}
	return out
}

// TestFuzzParseSeeds: the declarations the fuzzer is seeded with are the
// whole rule files, cut where the parser would resume, so that the seeds
// are worth something.
func TestFuzzParseSeeds(t *testing.T) {
	files := ruleFiles(t)
	if len(files) == 0 {
		t.Fatal("no rule files")
	}
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		decls := declarations(p, src)
		if got := strings.Join(decls, ""); got != string(src) {
			t.Errorf("%s: the declarations do not add up to the file", p)
		}
		if len(decls) < 2 {
			t.Errorf("%s: %d declarations", p, len(decls))
		}
	}
}
