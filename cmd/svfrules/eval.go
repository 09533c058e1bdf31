package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"

	"github.com/rcc/svfrules/compiler"
	svfruntime "github.com/rcc/svfrules/runtime"
	evalout "github.com/rcc/svfrules/runtime/output"
)

var evalCommand = &command{
	name:    "eval",
	summary: "evaluate episode files: coding errors and lead times",
	usage:   "[--rules DIR | --guide VERSION] [--format text|jsonl|csv|json] [-o FILE] FILE...",
	help: `
Reads one region's export (CSV with one row per coded event, or JSON Lines
with one episode per line; "-" is standard input) and reports, per episode,
what is coded against the guide and how each lead time compares with its
target. text shows only episodes with findings; jsonl has one object per
episode; csv one row per finding (for Excel); json one document. The
summary, which accounts for every input row, goes to stderr (inside the
document for json). A row that cannot be read is reported with file:row,
field and reason, and the rest of the file is still evaluated; its
episode is incomplete and not judged (the missing row could change any
verdict): it is shown with its rejected rows and counted apart. Rows of
only separators (Excel's empty rows) are counted as blank, not rejected.
Dates may carry a time; dates written day first (7/3/2024, as Swedish
Excel writes them) need --date-order dmy.
Columns are found by their headers (Swedish names too); --column
FIELD=HEADER reads any other header as a field (intent=Behandlingsintention).
The summary lists how each header was read and the columns not used; a
rule that reads an attribute the file has no column for is not checked,
and the summary names it once.
Exits 0 when nothing is wrong, 1 when an episode has an error finding or a
row was rejected, 2 when an input cannot be read or the rules do not compile.

Examples:
  svfrules eval testdata/episodes/example.csv
  svfrules eval --format csv -o fynd.csv export_2024.csv
  svfrules eval --guide 10.6 --format jsonl region_*.csv`,
	run: runEval,
}

func runEval(c *cli, cmd *command, args []string) int {
	o, files, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(files) == 0 {
		return c.usageError(cmd, "give at least one episode file (or - for standard input)")
	}
	if code, ok := c.checkFormat(cmd, o.format, evalout.Formats...); !ok {
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
	workers := runtime.GOMAXPROCS(0)
	prog := compiler.Compile(rs.guide)
	sum, err := svfruntime.Run(prog, inputs, ro, workers, evalout.NewRenderer(o.format), out)
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
	if o.format != "json" {
		evalout.WriteSummaryText(c.stderr, sum)
	}
	if sum.HasErrors() {
		return exitFound
	}
	return exitOK
}

func describeFileError(err error) string {
	if err == nil {
		return "it is a folder; give episode files"
	}
	if errors.Is(err, os.ErrNotExist) {
		return "no such file"
	}
	return describeStatError(err)
}
