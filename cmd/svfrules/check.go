package main

import (
	"github.com/rcc/svfrules/internal/msg"

	"encoding/json"
	"fmt"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/lang"
)

var checkCommand = &command{
	name:    "check",
	summary: msg.CheckSummary,
	usage:   msg.CheckUsage,
	help:    msg.CheckHelp,
	run:     runCheck,
}

// checkReport is the JSON form of check's result.
type checkReport struct {
	Rules       string           `json:"rules"`
	Version     string           `json:"version,omitempty"`
	OK          bool             `json:"ok"`
	Diagnostics lang.Diagnostics `json:"diagnostics"`
	Counts      *checkCounts     `json:"counts,omitempty"`
}

type checkCounts struct {
	Pathways  int `json:"pathways"`
	Codes     int `json:"codes"`
	Tables    int `json:"tables"`
	Cells     int `json:"cells"`
	Notes     int `json:"notes"`
	Rules     int `json:"rules"`
	LeadTimes int `json:"leadtimes"`
	Tests     int `json:"tests"`
}

func runCheck(c *cli, cmd *command, args []string) int {
	o, rest, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(cmd, msg.UnexpectedArgumentRules, rest[0])
	}
	rs, code, ok := c.load(cmd, o, true)
	if !ok {
		return code
	}
	report := checkReport{Rules: rs.display, OK: rs.guide != nil, Diagnostics: rs.diags}
	if report.Diagnostics == nil {
		report.Diagnostics = lang.Diagnostics{}
	}
	if rs.guide != nil {
		compiler.Compile(rs.guide).CompileAll() // the evaluator's form must build too
		report.Version = rs.guide.Version
		report.Counts = counts(rs.guide)
	}
	if o.format == "json" {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(report)
	} else {
		lang.WriteText(c.stderr, rs.diags, rs.src)
		if rs.guide == nil {
			fmt.Fprintf(c.stderr, "%s: %s\n", rs.display, countErrors(rs.diags))
		} else {
			n := report.Counts
			fmt.Fprintf(c.stdout, msg.CheckCompiles,
				rs.display, rs.guide.Version, rs.guide.Date, n.Pathways, n.Codes, n.Tables, n.Cells, n.Notes, n.Rules, n.LeadTimes, n.Tests)
		}
	}
	if rs.guide == nil {
		return exitUsage
	}
	return exitOK
}

func counts(g *compiler.Guide) *checkCounts {
	n := &checkCounts{Pathways: len(g.Pathways), Codes: len(g.Codes), Rules: len(g.Rules), LeadTimes: len(g.LeadTimes), Tests: len(g.Tests)}
	for _, code := range g.Codes {
		if code.Table {
			n.Tables++
			n.Cells += len(code.Cells)
		}
		n.Notes += len(code.Notes)
	}
	return n
}
