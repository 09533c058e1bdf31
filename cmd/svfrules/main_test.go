package main

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"svfrules": func() { os.Exit(mainCode()) },
	})
}

// TestScripts runs the CLI golden tests in testdata/script/*.txtar: each
// runs commands and compares stdout, stderr and the exit code. Set
// SVFRULES_UPDATE=1 to rewrite the expected output (then read the diff).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: os.Getenv("SVFRULES_UPDATE") == "1",
		Setup:         scriptSetup,
		Cmds: scriptCmds(map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// status N cmd args...: run cmd and require exit code N exactly.
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
			// checkcommands FILE...: every file names every command of the
			// command table (the completion scripts).
			"checkcommands": func(ts *testscript.TestScript, neg bool, args []string) {
				for _, f := range args {
					text := ts.ReadFile(f)
					for _, cmd := range commands() {
						if !strings.Contains(text, cmd.name) {
							ts.Fatalf("%s does not name the command %s", f, cmd.name)
						}
					}
				}
			},
		}),
	})
}

// scriptCmds adds the fault, limit and lint tests' commands to cmds.
func scriptCmds(cmds map[string]func(ts *testscript.TestScript, neg bool, args []string)) map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	for _, more := range []map[string]func(ts *testscript.TestScript, neg bool, args []string){faultCmds, limitCmds, guideCmds} {
		for k, v := range more {
			cmds[k] = v
		}
	}
	return cmds
}
