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
