package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestLimitScripts runs the golden tests of the rule-language limits in
// testdata/limits/*.txtar. Their inputs are megabytes (a million nested
// levels, a file over the size limit, a thousand files), so the scripts
// make them with the commands below instead of holding them.
// SVFRULES_UPDATE=1 rewrites the expected output, as for TestScripts.
func TestLimitScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/limits",
		UpdateScripts: os.Getenv("SVFRULES_UPDATE") == "1",
		Cmds:          limitCmds,
	})
}

// limitCmds are the commands of the limit scripts:
//
//	status N cmd args...     run cmd and require exit code N exactly
//	gen FILE PART...         write FILE: each PART is text with Go escapes
//	                         (\n), or N*text for text repeated N times
//	many DIR N TEXT          write N files DIR/0000.svf… holding TEXT
var limitCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"status": func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 2 {
			ts.Fatalf("usage: status N command [args...]")
		}
		want, err := strconv.Atoi(args[0])
		if err != nil {
			ts.Fatalf("status: %q is not an exit code", args[0])
		}
		got := 0
		if err := ts.Exec(args[1], args[2:]...); err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				ts.Fatalf("status: %v", err)
			}
			got = ee.ExitCode()
		}
		if got != want {
			ts.Fatalf("exit code %d, want %d", got, want)
		}
	},
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
