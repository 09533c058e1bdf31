package main

import (
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/rcc/svfrules/rules"
	"github.com/rogpeppe/go-internal/testscript"
)

// guideCmds are script commands for tests that need a whole guide version
// with one slip in it (the lint goldens, lint_*.txtar): the scripts copy
// an embedded version and change it instead of holding 70 kB of rules.
//
//	copyguide VERSION DIR    write the embedded version's rule files into DIR
//	replace FILE OLD NEW     replace the first OLD in FILE by NEW; OLD must
//	                         be there (both with Go escapes: \n, \")
var guideCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"copyguide": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 2 {
			ts.Fatalf("usage: copyguide VERSION DIR")
		}
		entries, err := fs.ReadDir(rules.FS(), args[0])
		ts.Check(err)
		for _, e := range entries {
			data, err := fs.ReadFile(rules.FS(), path.Join(args[0], e.Name()))
			ts.Check(err)
			writeScriptFile(ts, path.Join(args[1], e.Name()), string(data))
		}
	},
	"replace": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 3 {
			ts.Fatalf("usage: replace FILE OLD NEW")
		}
		unquote := func(s string) string {
			return strings.NewReplacer(`\n`, "\n", `\"`, `"`, `\\`, `\`).Replace(s)
		}
		data, err := os.ReadFile(ts.MkAbs(args[0]))
		ts.Check(err)
		old, repl := unquote(args[1]), unquote(args[2])
		if !strings.Contains(string(data), old) {
			ts.Fatalf("replace: %s does not contain %q", args[0], old)
		}
		writeScriptFile(ts, args[0], strings.Replace(string(data), old, repl, 1))
	},
}
