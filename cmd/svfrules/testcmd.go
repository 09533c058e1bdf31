package main

import (
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/runtime"
)

var testCommand = &command{
	name:    "test",
	summary: "run the test cases written in the rule files",
	usage:   "[--rules DIR | --guide VERSION] [--run REGEX] [--format text|json]",
	help: `
Runs the test cases (test … { … }) of a guide version: each example episode
is evaluated and its findings, lead times and reportability compared with
what the case expects. Prints PASS or FAIL per case, expected against actual
on failure, and a summary. Exits 1 when a case fails.

Examples:
  svfrules test
  svfrules test --guide 10.6 --run 'hjarn_.*'
  svfrules test --rules rules/10.6 --format json`,
	run: runTest,
}

type testReport struct {
	Rules  string      `json:"rules"`
	Passed int         `json:"passed"`
	Failed int         `json:"failed"`
	Cases  []testEntry `json:"cases"`
}

type testEntry struct {
	ID       string   `json:"id"`
	Pass     bool     `json:"pass"`
	Source   string   `json:"source"`
	Failures []string `json:"failures,omitempty"`
}

func runTest(c *cli, cmd *command, args []string) int {
	o, rest, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(cmd, "unexpected argument %q (choose cases with --run)", rest[0])
	}
	if code, ok := c.checkFormat(cmd, o.format, "text", "json"); !ok {
		return code
	}
	var run *regexp.Regexp
	if o.run != "" {
		var err error
		if run, err = regexp.Compile(o.run); err != nil {
			return c.usageError(cmd, "--run %q is not a regular expression: %v", o.run, err)
		}
	}
	rs, code, ok := c.loadOrReport(cmd, o)
	if !ok {
		return code
	}
	results := runtime.RunTests(compiler.Compile(rs.guide), run)
	report := testReport{Rules: rs.display, Cases: []testEntry{}}
	for _, r := range results {
		e := testEntry{ID: r.Test.ID, Pass: r.Pass, Source: r.Test.Pos.String(), Failures: r.Failures}
		if r.Pass {
			report.Passed++
		} else {
			report.Failed++
		}
		report.Cases = append(report.Cases, e)
	}
	if o.format == "json" {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(report)
	} else {
		for _, e := range report.Cases {
			if e.Pass {
				fmt.Fprintf(c.stdout, "PASS %s\n", e.ID)
				continue
			}
			fmt.Fprintf(c.stdout, "FAIL %s (%s)\n", e.ID, e.Source)
			for _, f := range e.Failures {
				fmt.Fprintf(c.stdout, "     %s\n", f)
			}
		}
		fmt.Fprintf(c.stdout, "%s: %d passed, %d failed\n", rs.display, report.Passed, report.Failed)
	}
	if len(results) == 0 && run != nil {
		fmt.Fprintf(c.stderr, "svfrules test: no test case matches --run %q\n", o.run)
	}
	if report.Failed > 0 {
		return exitFound
	}
	return exitOK
}
