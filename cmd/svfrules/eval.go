package main

import (
	"github.com/rcc/svfrules/internal/msg"

	"errors"
	"fmt"
	"os"

	"github.com/rcc/svfrules/compiler"
	svfruntime "github.com/rcc/svfrules/runtime"
	evalout "github.com/rcc/svfrules/runtime/output"
)

var evalCommand = &command{
	name:    "eval",
	summary: msg.EvalSummary,
	usage:   msg.EvalUsage,
	help:    msg.EvalHelp,
	run:     runEval,
}

func runEval(c *cli, cmd *command, args []string) int {
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
	format := o.format
	if code, ok := c.refuseToTerminal(cmd, format, o.output); !ok {
		return code
	}
	if code, ok := c.checkCSVDialect(cmd, o); !ok {
		return code
	}
	minSev := compiler.SevInfo
	if o.severity != "" {
		name, ok := severityValues.parse(o.severity)
		if !ok {
			return c.usageError(cmd, "%s", severityValues.unknown("--severity", o.severity))
		}
		minSev = severity(name)
	}
	if o.failOn != "" {
		name, ok := failOnValues.parse(o.failOn)
		if !ok {
			return c.usageError(cmd, "%s", failOnValues.unknown("--fail-on", o.failOn))
		}
		o.failOn = name
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
	// The output first: a -o that cannot be written is found before
	// standard input is read.
	out, err := openOutput(o.output, c.stdout)
	if err != nil {
		fmt.Fprintf(c.stderr, "svfrules eval: %v\n", err)
		return exitUsage
	}
	defer out.discard()
	inputs, cleanup, code, ok := c.episodeInputs(cmd, files, ro)
	if !ok {
		return code
	}
	defer cleanup()
	prog := compiler.Compile(rs.guide)
	render := evalout.New(format, evalout.Options{Guide: rs.guide, CSVDialect: o.csvDialect})
	if minSev != compiler.SevInfo {
		render = filterSeverity(render, minSev)
	}
	workers := evalWorkers(startupDone(files...))
	sum, err := svfruntime.Run(prog, inputs, ro, workers, render, out)
	if err != nil {
		if c.stdoutFailed() {
			return exitUsage // run says why
		}
		if out.failed() {
			err = out.commit() // names the file
		}
		fmt.Fprintf(c.stderr, "svfrules eval: %v\n", err)
		return exitUsage
	}
	if err := out.commit(); err != nil {
		fmt.Fprintf(c.stderr, "svfrules eval: %v\n", err)
		return exitUsage
	}
	if format != "json" {
		evalout.WriteSummaryText(c.stderr, sum)
	}
	if o.failOn != "" {
		if failsOn(sum, rs.guide, o.failOn) {
			return exitFound
		}
		return exitOK
	}
	if sum.HasErrors() {
		return exitFound
	}
	return exitOK
}

func describeFileError(err error) string {
	if err == nil {
		return msg.IsFolderNotFile
	}
	if errors.Is(err, os.ErrNotExist) {
		return msg.NoSuchFile
	}
	return describeStatError(err)
}
