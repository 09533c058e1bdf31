package lang

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/fmt")

// TestFormatGolden formats every testdata/fmt/*.in and compares with the
// matching .out, byte for byte.
func TestFormatGolden(t *testing.T) {
	ins, err := filepath.Glob("testdata/fmt/*.in")
	if err != nil {
		t.Fatal(err)
	}
	if len(ins) < 8 {
		t.Fatalf("found %d golden inputs, want at least 8", len(ins))
	}
	for _, in := range ins {
		name := strings.TrimSuffix(filepath.Base(in), ".in")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got, diags := FormatSource(in, src)
			if len(diags) > 0 {
				t.Fatalf("input does not parse:\n%v", diags)
			}
			outPath := strings.TrimSuffix(in, ".in") + ".out"
			if *update {
				if err := os.WriteFile(outPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(outPath)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Format(%s) differs from %s:\n%s", in, outPath, lineDiff(string(want), string(got)))
			}
			again, diags := FormatSource(outPath, want)
			if len(diags) > 0 {
				t.Fatalf("golden output does not parse:\n%v", diags)
			}
			inFile, _ := Parse(in, src)
			outFile, _ := Parse(outPath, want)
			if len(inFile.Comments) != len(outFile.Comments) {
				t.Errorf("%s has %d comments, %s has %d", in, len(inFile.Comments), outPath, len(outFile.Comments))
			}
			if !bytes.Equal(again, want) {
				t.Errorf("Format(%s) is not a fixed point:\n%s", outPath, lineDiff(string(want), string(again)))
			}
			checkFormatProperties(t, in, src)
		})
	}
}

// TestFormatCanonicalUnchanged: a file already in canonical form comes out
// exactly as it went in.
func TestFormatCanonicalUnchanged(t *testing.T) {
	in, err := os.ReadFile("testdata/fmt/canonical.in")
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile("testdata/fmt/canonical.out")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(in, out) {
		t.Errorf("canonical.in and canonical.out differ:\n%s", lineDiff(string(in), string(out)))
	}
}

// TestFormatSample runs the properties over the shipped rule files too,
// when they are there.
func TestFormatSample(t *testing.T) {
	for _, p := range ruleFiles(t) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, diags := Parse(p, src); len(diags) > 0 {
			continue // the checker's business, not the formatter's
		}
		t.Run(filepath.Base(p), func(t *testing.T) { checkFormatProperties(t, p, src) })
	}
}

// TestFormatSourceErrors: a file with syntax errors is not formatted, so
// that the declarations that did not parse are not lost.
func TestFormatSourceErrors(t *testing.T) {
	out, diags := FormatSource("bad.svf", []byte("code 50 \"x\" {\n  kind\n}\n"))
	if out != nil || !diags.HasErrors() {
		t.Fatalf("FormatSource on a broken file = %q, %v; want nil and errors", out, diags)
	}
}

// TestFormatCommentPlacement pins the placement rules one by one.
func TestFormatCommentPlacement(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{
			"trailing on the opening brace line",
			"rule r { # c\n  severity error\n}\n",
			"rule r { # c\n  severity error\n}\n",
		},
		{
			"trailing goes to the last element on its line",
			"rule r {\n  severity error message \"m\" # c\n}\n",
			"rule r {\n  severity error\n  message \"m\" # c\n}\n",
		},
		{
			"comment after a one-line block",
			"rule r { severity error } # c\n",
			"rule r {\n  severity error\n} # c\n",
		},
		{
			"comment inside a multi-line expression goes before it",
			"rule r {\n  when a # one\n    and b # two\n  severity error\n}\n",
			"rule r {\n  # one\n  when a and b # two\n  severity error\n}\n",
		},
		{
			"comment after a closing paren alone on its line goes before the next element",
			"rule r {\n  when f(a,\n    b\n  ) # c\n  severity error\n}\n",
			"rule r {\n  when f(a, b)\n  # c\n  severity error\n}\n",
		},
		{
			"comment inside a multi-line header goes before the declaration",
			"code # c\n  50 \"x\" {\n}\n",
			"# c\ncode 50 \"x\" {\n}\n",
		},
		{
			"comment before a brace on its own line stays in the block",
			"rule r\n{ # c\n  severity error\n}\n",
			"rule r {\n  # c\n  severity error\n}\n",
		},
		{
			"before closing brace at inner indentation, no blank line",
			"rule r {\n  severity error\n\n# c\n\n}\n",
			"rule r {\n  severity error\n\n  # c\n}\n",
		},
		{
			"trailing comment on a text block's closing line",
			"rule r {\n  message \"\"\"\n  m\n  \"\"\" # c\n}\n",
			"rule r {\n  message \"\"\"\n    m\n    \"\"\" # c\n}\n",
		},
		{
			"empty file",
			"",
			"",
		},
		{
			"blank lines only",
			"\n\n\n",
			"",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, diags := FormatSource("t.svf", []byte(tt.in))
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			if string(got) != tt.want {
				t.Errorf("Format(%q):\n%s", tt.in, lineDiff(tt.want, string(got)))
			}
			checkFormatProperties(t, "t.svf", []byte(tt.in))
		})
	}
}

// checkFormatProperties checks what must hold for any source that parses:
// the output parses cleanly, formatting it again changes nothing, the AST
// is the same modulo positions, and every comment is still there, in order.
func checkFormatProperties(t *testing.T, name string, src []byte) {
	t.Helper()
	if err := formatProperties(name, src); err != nil {
		t.Error(err)
	}
}

// formatProperties returns the first property of Format that src breaks,
// or nil; src must parse without diagnostics.
func formatProperties(name string, src []byte) error {
	f, diags := Parse(name, src)
	if len(diags) > 0 {
		return fmt.Errorf("%s: input does not parse: %v", name, diags)
	}
	out := Format(f)
	g, diags := Parse(name, out)
	if len(diags) > 0 {
		return fmt.Errorf("%s: output does not parse: %v\noutput:\n%s", name, diags, out)
	}
	if again := Format(g); !bytes.Equal(again, out) {
		return fmt.Errorf("%s: Format is not idempotent:\n%s", name, lineDiff(string(out), string(again)))
	}
	if a, b := dumpAST(f), dumpAST(g); a != b {
		return fmt.Errorf("%s: AST changed by formatting:\n%s", name, lineDiff(a, b))
	}
	if a, b := commentTexts(f), commentTexts(g); !reflect.DeepEqual(a, b) {
		return fmt.Errorf("%s: comments changed by formatting: %q became %q", name, a, b)
	}
	if len(out) > 0 && (out[len(out)-1] != '\n' || bytes.HasSuffix(out, []byte("\n\n")) || out[0] == '\n') {
		return fmt.Errorf("%s: output must end in exactly one newline and not start with a blank line:\n%q", name, out)
	}
	return nil
}

func commentTexts(f *File) []string {
	var s []string
	for _, c := range f.Comments {
		s = append(s, strings.TrimSpace(c.Text))
	}
	return s
}

// dumpAST renders the declarations of f with positions left out and texts
// reduced to their kind and value, so that two files that differ only in
// layout dump alike.
func dumpAST(f *File) string {
	var b strings.Builder
	for _, d := range f.Decls {
		dumpValue(&b, reflect.ValueOf(d), 0)
		b.WriteByte('\n')
	}
	return b.String()
}

var (
	dumpPositionType = reflect.TypeOf(lexer.Position{})
	dumpTextType     = reflect.TypeOf(&Text{})
)

func dumpValue(b *strings.Builder, v reflect.Value, depth int) {
	pad := strings.Repeat("  ", depth)
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if v.Type() == dumpTextType {
			t := v.Interface().(*Text)
			kind := "string"
			if t.Block != nil {
				kind = "block"
			}
			fmt.Fprintf(b, "%s%q", kind, t.Value())
			return
		}
		dumpValue(b, v.Elem(), depth)
	case reflect.Struct:
		b.WriteString(v.Type().Name() + "{\n")
		for i := 0; i < v.NumField(); i++ {
			fv, ft := v.Field(i), v.Type().Field(i)
			if ft.Type == dumpPositionType || !ft.IsExported() || fv.IsZero() {
				continue
			}
			b.WriteString(pad + "  " + ft.Name + ": ")
			dumpValue(b, fv, depth+1)
			b.WriteByte('\n')
		}
		b.WriteString(pad + "}")
	case reflect.Slice:
		b.WriteString("[\n")
		for i := 0; i < v.Len(); i++ {
			b.WriteString(pad + "  ")
			dumpValue(b, v.Index(i), depth+1)
			b.WriteByte('\n')
		}
		b.WriteString(pad + "]")
	case reflect.String:
		s := v.String()
		if strings.HasPrefix(s, `"`) && len(s) >= 2 {
			// A raw "…" token outside a Text (a guide version, a test
			// attribute, an operand): compare what it stands for.
			s = unquote(s)
		}
		fmt.Fprintf(b, "%q", s)
	default:
		fmt.Fprintf(b, "%v", v.Interface())
	}
}

// lineDiff shows the first differing line of want and got with some
// context, which is enough to see what a golden test disagrees about.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d\n", i+1)
	for j := max(0, i-3); j < min(len(w), i+4); j++ {
		fmt.Fprintf(&b, "want %3d: %q\n", j+1, w[j])
	}
	for j := max(0, i-3); j < min(len(g), i+4); j++ {
		fmt.Fprintf(&b, "got  %3d: %q\n", j+1, g[j])
	}
	return b.String()
}

// ruleFiles lists the *.svf files under ../rules, or none when that
// directory is missing.
func ruleFiles(tb testing.TB) []string {
	var files []string
	err := filepath.WalkDir("../rules", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return filepath.SkipDir
			}
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".svf") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		tb.Fatal(err)
	}
	return files
}

// TestFormatCommentsAnywhere puts a comment, a line break or a blank line
// between every two tokens of the golden inputs in turn: wherever the
// author puts them, the formatter must keep every comment, in order, and
// reach a fixed point.
func TestFormatCommentsAnywhere(t *testing.T) {
	ins, err := filepath.Glob("testdata/fmt/*.in")
	if err != nil {
		t.Fatal(err)
	}
	if testing.Short() {
		t.Skip("parses every golden input hundreds of times")
	}
	for _, in := range ins {
		t.Run(filepath.Base(in), func(t *testing.T) {
			t.Parallel()
			commentsAnywhere(t, in)
		})
	}
}

// commentsAnywhere runs the insertions of TestFormatCommentsAnywhere on
// one file; formatProperties also requires every variant to parse.
func commentsAnywhere(t *testing.T, in string) {
	src, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range lexText(in, string(src)) {
		if tok.EOF() {
			continue
		}
		at := tok.Pos.Offset + len(tok.Value)
		for _, insert := range []string{" # inserted\n", "\n", "\n\n", "\n# inserted\n\n"} {
			s := string(src[:at]) + insert + string(src[at:])
			if err := formatProperties(in, []byte(s)); err != nil {
				t.Fatalf("after inserting %q at offset %d: %v", insert, at, err)
			}
		}
	}
}
