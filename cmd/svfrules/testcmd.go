package main

import (
	"github.com/rcc/svfrules/internal/msg"

	"encoding/json"
	"fmt"
	"regexp"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/runtime"
)

var testCommand = &command{
	name:    "test",
	summary: msg.TestSummary,
	usage:   msg.TestUsage,
	help:    msg.TestHelp,
	run:     runTest,
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
		return c.usageError(cmd, msg.UnexpectedArgumentRun, rest[0])
	}
	var run *regexp.Regexp
	if o.run != "" {
		var err error
		if run, err = regexp.Compile(o.run); err != nil {
			return c.usageError(cmd, msg.TestBadRun, o.run, err)
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
				fmt.Fprintf(c.stdout, msg.TestPass, e.ID)
				continue
			}
			fmt.Fprintf(c.stdout, msg.TestFail, e.ID, e.Source)
			for _, f := range e.Failures {
				fmt.Fprintf(c.stdout, "     %s\n", f)
			}
		}
		fmt.Fprintf(c.stdout, msg.TestTotals, rs.display, report.Passed, report.Failed)
	}
	if len(results) == 0 && run != nil {
		fmt.Fprintf(c.stderr, msg.TestNoMatch+"\n", o.run)
	}
	if report.Failed > 0 {
		return exitFound
	}
	return exitOK
}
