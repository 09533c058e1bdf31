package msg

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rcc/svfrules/internal/english"
)

// englishIn returns the English words of text, outside what it quotes.
func englishIn(text string) []string { return english.Words(text) }

// catalogue is every string constant of the package, by name.
func catalogue(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, p := range pkgs {
		for _, f := range p.Files {
			files = append(files, f)
		}
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("msg", fset, files, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, name := range pkg.Scope().Names() {
		if c, ok := pkg.Scope().Lookup(name).(*types.Const); ok && c.Val().Kind() == constant.String {
			out[name] = constant.StringVal(c.Val())
		}
	}
	if len(out) < 100 {
		t.Fatalf("only %d string constants: the walk is broken", len(out))
	}
	return out
}

// TestCatalogueSwedish fails on a message with English words.
func TestCatalogueSwedish(t *testing.T) {
	for name, text := range catalogue(t) {
		if w := englishIn(text); len(w) > 0 {
			t.Errorf("%s is not Swedish (%s): %q", name, strings.Join(w, ", "), text)
		}
	}
}

// TestCatalogueUsed fails on a constant no package uses: the catalogue
// holds what is shown, nothing else. A use is msg.Name in another
// package, or Name in another constant's value here.
func TestCatalogueUsed(t *testing.T) {
	var src strings.Builder
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || filepath.Dir(path) == "." {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`\bmsg\.(\w+)`).FindAllStringSubmatch(src.String(), -1) {
		used[m[1]] = true
	}
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if vs, ok := n.(*ast.ValueSpec); ok {
					for _, v := range vs.Values {
						ast.Inspect(v, func(n ast.Node) bool {
							if id, ok := n.(*ast.Ident); ok {
								used[id.Name] = true
							}
							return true
						})
					}
					return false
				}
				if id, ok := n.(*ast.Ident); ok && id.Obj == nil {
					used[id.Name] = true // a use in a function of this package
				}
				return true
			})
		}
	}
	for name := range catalogue(t) {
		if !used[name] {
			t.Errorf("%s is used by no package", name)
		}
	}
}

// catalogueAreas are the packages whose every text for users comes from
// this catalogue: the rule compiler, the language and the rule-file test
// runner. TestNoEnglishOutsideCatalogue reads their sources.
var catalogueAreas = []string{"../../compiler/*.go", "../../lang/*.go", "../../runtime/ruletest.go"}

// englishLiterals returns the string literals of a Go file that read as
// English sentences (a space and an English word), with their place: a
// text for users written in the code instead of the catalogue. Struct
// tags (the grammar) and literals on a line whose comment says they are
// "for developers" (go generate's errors, panics on bugs) or "rule-file
// syntax" (what the formatter writes) are left out; single words are
// keywords and names, not sentences.
func englishLiterals(fset *token.FileSet, f *ast.File) []string {
	developer := map[int]bool{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.Contains(c.Text, "for developers") || strings.Contains(c.Text, "rule-file syntax") {
				developer[fset.Position(c.Pos()).Line] = true
			}
		}
	}
	var found []string
	ast.Inspect(f, func(n ast.Node) bool {
		if field, ok := n.(*ast.Field); ok && field.Tag != nil {
			return false // a grammar tag; the field's type holds no text
		}
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		s, err := strconv.Unquote(lit.Value)
		p := fset.Position(lit.Pos())
		if err != nil || !strings.Contains(strings.TrimSpace(s), " ") || developer[p.Line] {
			return true
		}
		if w := englishIn(s); len(w) > 0 {
			found = append(found, fmt.Sprintf("%s:%d: %q (%s)", filepath.Base(p.Filename), p.Line, s, strings.Join(w, ", ")))
		}
		return true
	})
	return found
}

// TestNoEnglishOutsideCatalogue fails on an English sentence written in
// the code of the compiler, the language or the test runner rather than
// taken from this catalogue (where TestCatalogueSwedish reads it).
func TestNoEnglishOutsideCatalogue(t *testing.T) {
	var files []string
	for _, g := range catalogueAreas {
		m, err := filepath.Glob(g)
		if err != nil || len(m) == 0 {
			t.Fatalf("%s: no files (%v)", g, err)
		}
		files = append(files, m...)
	}
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		n++
		for _, e := range englishLiterals(fset, f) {
			t.Errorf("English text for users outside internal/msg: %s", e)
		}
	}
	if n < 20 {
		t.Fatalf("only %d files read: the walk is broken", n)
	}
}

// TestEnglishLiterals tests the test: a diagnostic written in English in
// the code is found, keywords, grammar tags, catalogue texts and
// developers' errors are not.
func TestEnglishLiterals(t *testing.T) {
	src := "package compiler\n\n" +
		"type T struct {\n\tA string `parser:\"\\\"from\\\" @(\\\"first\\\" | \\\"last\\\")?\"`\n}\n\n" +
		"func f(c *checker) {\n" +
		"\tc.errorf(p, 1, \"write the date as YYYY-MM-DD\", \"%s is not a date\", d)\n" +
		"\tc.errorf(p, 1, msg.NotADateDetail, msg.NotADate, d)\n" +
		"\tc.errorf(p, 1, \"lägg till `when` med ett villkor\", \"regeln %q saknar `when`\", id)\n" +
		"\t_ = map[string]bool{\"first\": true, \"closing\": true}\n" +
		"\t_ = fmt.Errorf(\"rules/%s does not pass the checks\", v) // for developers: go generate\n" +
		"}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	got := englishLiterals(fset, f)
	want := []string{
		`x.go:8: "write the date as YYYY-MM-DD" (write, the, as)`,
		`x.go:8: "%s is not a date" (is, not)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
