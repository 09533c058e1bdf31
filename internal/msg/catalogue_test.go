package msg

import (
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
	"slices"
	"strings"
	"testing"
)

// englishWords are common English function words and verbs that are not
// Swedish words: a message that holds one is (partly) English. Words that
// are Swedish too (in, be, an, man, stand, under, hand, …) and the values
// messages name (text, json, error, warning, info, none) are left out.
var englishWords = []string{
	"the", "is", "are", "was", "cannot", "can't", "must", "should", "would", "could",
	"file", "files", "folder", "found", "expected", "invalid", "unknown", "missing",
	"with", "without", "which", "this", "that", "these", "there", "has", "have", "does",
	"and", "or", "of", "to", "for", "from", "by", "on", "at", "it", "its", "no", "yes",
	"give", "use", "write", "read", "only", "when", "will", "line", "row", "rows",
	"column", "header", "value", "values", "allowed", "given", "twice", "wrong",
	"did", "you", "mean", "please", "add", "remove", "each", "every", "than", "got",
	"usage", "flags", "default", "example", "examples", "output", "input",
}

// code is what a message quotes rather than says: rule-file syntax in
// backquotes, quoted literals, flags, placeholders, file names and paths.
var code = regexp.MustCompile("`[^`]*`" + `|"[^"]*"|'[^']*'|\w+(,\w+)+|--?[A-Za-z][\w-]*(=\S+)?|%[-+# 0-9.]*[a-zA-Z]|\S+\.(csv|svf|md|xlsx|html|json|jsonl)\b|\S*/\S*|<[^>]*>`)

var word = regexp.MustCompile(`[\p{L}']+`)

// englishIn returns the English words of text, outside what it quotes.
func englishIn(text string) []string {
	var found []string
	for _, w := range word.FindAllString(code.ReplaceAllString(text, " "), -1) {
		if slices.Contains(englishWords, strings.ToLower(w)) {
			found = append(found, w)
		}
	}
	return found
}

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

// TestEnglishIn tests the test: English sentences are found, Swedish ones
// with quoted English-looking code are not.
func TestEnglishIn(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"unknown flag: --bogus", []string{"unknown"}},
		{"the rules do not compile", []string{"the"}},
		{"the file is not UTF-8", []string{"the", "file", "is"}},
		{"did you mean %q?", []string{"did", "you", "mean"}},
		{"cannot read rule folder %s: %s", []string{"cannot", "read", "folder"}},
		{"okänd flagga --fail-on; ange error, warning, info eller none", nil},
		{"lägg till `message \"…\"` i regeln", nil},
		{"menade du %q?", nil},
		{"rubrikraden code,prefix,pathway,allowed,qualifier", nil},
		{"-o %s är samma fil som indatafilen %s", nil},
		{"kör 'svfrules check --guide 10.6' och läs rules/10.6/regler.svf", nil},
	} {
		if got := englishIn(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("englishIn(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
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
