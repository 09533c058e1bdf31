package main

import (
	"github.com/rcc/svfrules/internal/msg"
	"strings"

	"bytes"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/rcc/svfrules/compiler"
	svfruntime "github.com/rcc/svfrules/runtime"
	evalout "github.com/rcc/svfrules/runtime/output"
	"github.com/rcc/svfrules/runtime/report"
)

var reportCommand = &command{
	name:    "report",
	summary: msg.ReportSummary,
	usage:   msg.ReportUsage,
	help:    msg.ReportHelp,
	run:     runReport,
}

func runReport(c *cli, cmd *command, args []string) int {
	o, files, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(files) == 0 {
		return c.usageError(cmd, msg.GiveEpisodeFiles)
	}
	if files, code, done = c.expandGlobs(cmd, files); done {
		return code
	}
	if o.minCell < 1 {
		return c.usageError(cmd, msg.ReportMinCell, o.minCell)
	}
	var dims []string
	byTable := byValues()
	for _, part := range strings.Split(o.by, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		name, ok := byTable.parse(part)
		if !ok {
			return c.usageError(cmd, "%s", byTable.unknown("--by", strings.TrimSpace(part)))
		}
		dims = append(dims, name)
	}
	by, err := report.ParseBy(strings.Join(dims, ","))
	if err != nil {
		return c.usageError(cmd, msg.ReportBy, err)
	}
	if n := report.GroupsBefore(by); n > report.MaxGroups {
		return c.refuseGroups(o.by, msg.ReportAtLeast+msg.Int(n))
	}
	format := o.format
	if code, ok := c.refuseToTerminal(cmd, format, o.output); !ok {
		return code
	}
	if code, ok := c.checkCSVDialect(cmd, o); !ok {
		return code
	}
	ro, code, ok := c.readOptions(cmd, o)
	if !ok {
		return code
	}
	paths := files
	if o.inclusionBase != "" {
		paths = append(append([]string(nil), files...), o.inclusionBase)
	}
	if code, ok := c.checkPaths(cmd, paths, o.output, o.rulesDir); !ok {
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
	var base *report.InclusionBase
	if o.inclusionBase != "" {
		var data []byte
		info, err := os.Stat(o.inclusionBase)
		if err == nil && info.Mode().IsRegular() {
			data, err = os.ReadFile(o.inclusionBase)
		}
		if err == nil && info.Mode().IsRegular() {
			base, err = report.ReadInclusionBase(o.inclusionBase, data, rs.guide)
		} else if err == nil {
			err = fmt.Errorf(msg.InclusionOpen, o.inclusionBase, msg.InclusionNotFile)
		} else {
			err = fmt.Errorf(msg.InclusionOpen, o.inclusionBase, describeFileError(err))
		}
		if err != nil {
			fmt.Fprintf(c.stderr, "svfrules report: %v\n", err)
			return exitUsage
		}
	}
	p := compiler.Compile(rs.guide)
	col := report.NewCollector(p, report.Options{By: by, MinCell: o.minCell, Inclusion: base})
	workers := evalWorkers(startupDone(files...))
	sum, err := svfruntime.Run(p, inputs, ro, workers, col, io.Discard)
	prog.finish()
	if err != nil {
		fmt.Fprintf(c.stderr, "svfrules report: %v\n", err)
		return exitUsage
	}
	if n := col.Groups(); n > report.MaxGroups {
		return c.refuseGroups(o.by, msg.Int(n))
	}
	// The whole report is built in memory (it is small: aggregates) so a
	// failure never leaves half a file.
	var out bytes.Buffer
	if err := report.Write(&out, col.Report(sum), format, report.WriteOptions{CSVDialect: o.csvDialect}); err != nil {
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
	if len(sum.CaseIDs) > 0 {
		fmt.Fprintln(c.stderr, msg.ReportCaseIDs)
		evalout.WriteCaseIDs(c.stderr, sum.CaseIDs)
	}
	if len(sum.Unchecked) > 0 {
		// The report's findings leave these rules out: say so once.
		fmt.Fprintln(c.stderr, msg.ReportUnchecked)
		svfruntime.WriteUncheckedText(c.stderr, sum)
	}
	if len(sum.Rejected) > 0 {
		fmt.Fprintf(c.stderr, msg.ReportRejected, msg.Int(len(sum.Rejected)))
		for _, r := range sum.Rejected {
			fmt.Fprintf(c.stderr, "  %s\n", r)
		}
		return exitFound
	}
	return exitOK
}

// refuseGroups says that --by (as the user gave it) lists n combinations
// (a number as text), more than report.MaxGroups, and what to do;
// nothing is written.
func (c *cli) refuseGroups(by, n string) int {
	fmt.Fprintf(c.stderr, "svfrules report: "+msg.ReportByTooMany+"\n", by, n, msg.Int(report.MaxGroups))
	return exitUsage
}
