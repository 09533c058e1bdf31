package rules_test

import (
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/english"
	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
)

// TestCommentsSwedish: the comments of the embedded rule files are
// Swedish. The quality group edits these files and reads their comments
// in the files and in diff --text, so they are written in the users'
// language. Words of the rule language (keywords, code sets, functions,
// kinds) may stand unquoted: "not" is also Swedish (a note), and a
// comment may name a set (treatment, closing) as the language writes it.
func TestCommentsSwedish(t *testing.T) {
	allowed := map[string]bool{}
	for _, k := range lang.Keywords {
		allowed[k] = true
	}
	for k := range compiler.CodeSets.Get() {
		allowed[k] = true
	}
	for k := range compiler.Functions.Get() {
		allowed[k] = true
	}
	files := 0
	for _, v := range rules.Versions() {
		entries, err := fs.ReadDir(rules.FS(), v)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := path.Join(v, e.Name())
			src, err := fs.ReadFile(rules.FS(), name)
			if err != nil {
				t.Fatal(err)
			}
			f, diags := lang.Parse(name, src)
			if len(diags) > 0 {
				t.Fatalf("%s: %v", name, diags)
			}
			files++
			for _, c := range f.Comments {
				text := strings.TrimPrefix(c.Text, "#")
				var found []string
				for _, w := range english.Words(text) {
					if !allowed[strings.ToLower(w)] {
						found = append(found, w)
					}
				}
				if len(found) > 0 {
					t.Errorf("%s:%d: English %q in %q", name, c.Pos.Line, found, text)
				}
			}
		}
	}
	if files < 11*8 {
		t.Fatalf("only %d rule files read: the walk is broken", files)
	}
}
