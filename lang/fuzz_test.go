package lang

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the parser and, when they parse, to
// the formatter. Run it with
//
//	go test ./lang -run XXX -fuzz FuzzParse -fuzztime 60s
//
// Parse must never panic and must place every diagnostic; Format must
// produce a file that parses cleanly, is its own fixed point, keeps the AST
// and keeps every comment.
func FuzzParse(f *testing.F) {
	ins, _ := filepath.Glob("testdata/fmt/*.in")
	for _, p := range append(ins, ruleFiles(f)...) {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
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
