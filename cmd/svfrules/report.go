package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/rcc/svfrules/compiler"
	svfruntime "github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/report"
)

var reportCommand = &command{
	name:    "report",
	summary: "lead-time report: share within target against the 80 % goal",
	usage:   "[--rules DIR | --guide VERSION] [--by DIMENSIONS] [--min-cell N] [--format html|markdown|csv|json] [-o FILE] FILE...",
	help: `
Reads episode files as eval does and reports the lead-time measure: per
pathway and lead-time definition (and per group of --by), the reportable
episodes closed by a code of the definition (n), how many were within the
target, the share against the national goal of 80 %, and the days' mean,
standard deviation, 10th percentile, median and 90th percentile. Each
pathway also gets a total over its definitions with a target, and all
pathways one together. Episodes whose lead time cannot be trusted (two
closing codes, closing before start) are left out and counted.

A cell with fewer lead times than --min-cell shows neither n nor outcome,
in every format, and no other count under --min-cell is shown (pathways,
findings, the input); cells and counts that would let a hidden one be
computed from what is shown are hidden too. --by takes a comma-separated list of region, county, sex,
agegroup (0–17, 18–39, 40–64, 65–79, 80+), year, quarter, month (of the
closing code's date); pathway is always part of the breakdown.

Formats: html (one self-contained page with charts, prints on A4),
markdown, csv (one row per cell), json. Without --format, the -o file's
extension decides (.html, .md, .csv, .json), else markdown. docs/report.md
defines every figure.
Exits 0 when the report is written, 1 when it is written but rows could
not be read (they are listed on stderr), 2 on a usage error, an unreadable
input or rules that do not compile.

Examples:
  svfrules report -o ledtider.html testdata/episodes/example.csv
  svfrules report --by region,quarter --format csv -o ledtider.csv export_*.csv
  svfrules report --by county,sex,agegroup --min-cell 10 export_2024.csv`,
	run: runReport,
}

// reportFormatByExtension picks the format from the output file's name.
var reportFormatByExtension = map[string]string{".html": "html", ".htm": "html", ".md": "markdown", ".csv": "csv", ".json": "json"}

func runReport(c *cli, cmd *command, args []string) int {
	o, files, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(files) == 0 {
		return c.usageError(cmd, "give at least one episode file (or - for standard input)")
	}
	if o.minCell < 1 {
		return c.usageError(cmd, "--min-cell must be 1 or more (cells with fewer lead times show no outcome); got %d", o.minCell)
	}
	by, err := report.ParseBy(o.by)
	if err != nil {
		return c.usageError(cmd, "--by: %v", err)
	}
	format := o.format
	if format == "" {
		format = "markdown"
		if f, ok := reportFormatByExtension[strings.ToLower(filepath.Ext(o.output))]; ok {
			format = f
		}
	}
	if code, ok := c.checkFormat(cmd, format, report.Formats...); !ok {
		return code
	}
	ro, code, ok := c.readOptions(cmd, o)
	if !ok {
		return code
	}
	if code, ok := c.checkPaths(cmd, files, o.output, o.rulesDir); !ok {
		return code
	}
	rs, code, ok := c.loadOrReport(cmd, o)
	if !ok {
		return code
	}
	inputs, cleanup, code, ok := c.episodeInputs(cmd, files, ro)
	if !ok {
		return code
	}
	defer cleanup()

	var prog *progress
	if isTerminal(c.stderr) {
		prog = newProgress(c.stderr, inputs, time.Now)
		inputs = prog.wrap(inputs)
	}
	p := compiler.Compile(rs.guide)
	col := report.NewCollector(p, report.Options{By: by, MinCell: o.minCell})
	sum, err := svfruntime.Run(p, inputs, ro, runtime.GOMAXPROCS(0), col, io.Discard)
	prog.finish()
	if err != nil {
		fmt.Fprintf(c.stderr, "svfrules report: %v\n", err)
		return exitUsage
	}
	// The whole report is built in memory (it is small: aggregates) so a
	// failure never leaves half a file.
	var out bytes.Buffer
	if err := report.Write(&out, col.Report(sum), format); err != nil {
		fmt.Fprintf(c.stderr, "svfrules report: %v\n", err)
		return exitUsage
	}
	if err := writeOutput(o.output, c.stdout, out.Bytes()); err != nil {
		fmt.Fprintf(c.stderr, "svfrules report: %v\n", err)
		return exitUsage
	}
	if c.stdoutFailed() {
		return exitUsage // run says why
	}
	if len(sum.Unchecked) > 0 {
		// The report's findings leave these rules out: say so once.
		fmt.Fprintln(c.stderr, msgReportUnchecked)
		svfruntime.WriteUncheckedText(c.stderr, sum)
	}
	if len(sum.Rejected) > 0 {
		fmt.Fprintf(c.stderr, "svfrules report: %d rader kunde inte läsas och ingår inte i rapporten:\n", len(sum.Rejected))
		for _, r := range sum.Rejected {
			fmt.Fprintf(c.stderr, "  %s\n", r)
		}
		return exitFound
	}
	return exitOK
}
