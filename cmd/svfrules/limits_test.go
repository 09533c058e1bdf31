package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// limitCmds are the script commands of the limit tests
// (testdata/script/diag_limit_*.txtar), whose inputs are megabytes (a
// million nested levels, a file over the size limit, a thousand files):
// the scripts make them instead of holding them.
//
//	gen FILE PART...         write FILE: each PART is text with Go escapes
//	                         (\n), or N*text for text repeated N times
//	many DIR N TEXT          write N files DIR/0000.svf… holding TEXT
var limitCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"gen": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 1 {
			ts.Fatalf("usage: gen FILE PART...")
		}
		var b strings.Builder
		for _, part := range args[1:] {
			n := 1
			if i := strings.IndexByte(part, '*'); i > 0 {
				if k, err := strconv.Atoi(part[:i]); err == nil {
					n, part = k, part[i+1:]
				}
			}
			text, err := strconv.Unquote(`"` + strings.ReplaceAll(part, `"`, `\"`) + `"`)
			ts.Check(err)
			b.WriteString(strings.Repeat(text, n))
		}
		writeScriptFile(ts, args[0], b.String())
	},
	"many": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 3 {
			ts.Fatalf("usage: many DIR N TEXT")
		}
		n, err := strconv.Atoi(args[1])
		ts.Check(err)
		for i := range n {
			writeScriptFile(ts, filepath.Join(args[0], fmt.Sprintf("%04d.svf", i)), args[2])
		}
	},
}

func writeScriptFile(ts *testscript.TestScript, name, text string) {
	path := ts.MkAbs(name)
	ts.Check(os.MkdirAll(filepath.Dir(path), 0o755))
	ts.Check(os.WriteFile(path, []byte(text), 0o644))
}
