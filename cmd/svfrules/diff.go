package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/compiler/changes"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
	svfruntime "github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/impact"
	"github.com/rcc/svfrules/runtime/input"
	evalout "github.com/rcc/svfrules/runtime/output"
)

var diffCommand = &command{
	name:    "diff",
	summary: msg.DiffSummary,
	usage:   msg.DiffUsage,
	help:    msg.DiffHelp,
	run:     runDiff,
}

var diffFormats = []string{"text", "markdown", "json", "html"}

func runDiff(c *cli, cmd *command, args []string) int {
	o, rest, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	// --episodes takes several files, as repeated flags or as the
	// arguments after OLD and NEW.
	if len(o.episodes) > 0 && len(rest) > 2 {
		o.episodes = append(o.episodes, rest[2:]...)
		rest = rest[:2]
	}
	if len(rest) != 2 {
		return c.usageError(cmd, msg.DiffTwoSides)
	}
	failOn := changes.Level(-1)
	if o.failOn != "" {
		name, ok := levelValues.parse(o.failOn)
		if !ok {
			return c.usageError(cmd, "%s", levelValues.unknown("--fail-on", o.failOn))
		}
		l, _ := changes.ParseLevel(name)
		failOn = l
	}
	level := changes.Info
	if o.level != "" {
		name, ok := levelValues.parse(o.level)
		if !ok {
			return c.usageError(cmd, "%s", levelValues.unknown("--level", o.level))
		}
		l, _ := changes.ParseLevel(name)
		level = l
	}
	for _, id := range o.ignore {
		if changes.KindOf(id) == nil {
			ids := make([]string, len(changes.Kinds))
			for i, k := range changes.Kinds {
				ids[i] = k.ID
			}
			hint := fmt.Sprintf(msg.DiffIgnoreIDs, strings.Join(ids, ", "))
			if s := lang.Suggest(id, ids); s != "" {
				hint = fmt.Sprintf(msg.DiffDidYouMean, s)
			}
			return c.usageError(cmd, msg.DiffUnknownIgnore, id, hint)
		}
	}
	if len(o.episodes) > 0 && o.format == "markdown" {
		return c.usageError(cmd, msg.DiffEpisodesMarkdown)
	}
	if eps, code, done := c.expandGlobs(cmd, o.episodes); done {
		return code
	} else {
		o.episodes = eps
	}
	if code, ok := c.checkPaths(cmd, o.episodes, "", ""); !ok {
		return code
	}
	var sides [2]*ruleSet
	for i, arg := range rest {
		rs, code, ok := c.diffSide(cmd, arg)
		if !ok {
			return code
		}
		sides[i] = rs
	}
	from, to := sides[0], sides[1]
	list := changes.Compare(from.guide, to.guide)
	fromFiles, toFiles := ruleFiles(from), ruleFiles(to)
	report := changes.NewReport(changes.SideOf(from.display, from.guide), changes.SideOf(to.display, to.guide), list, fromFiles, toFiles)
	if o.textDiff {
		report.WithTextDiff = true
		report.TextDiff = fileDiffs(from.display, to.display, fromFiles, toFiles)
	}
	if len(o.episodes) > 0 {
		ro, code, ok := c.readOptions(cmd, o)
		if !ok {
			return code
		}
		im, code, ok := c.diffEpisodes(cmd, o.episodes, ro, from.guide, to.guide, list)
		if !ok {
			return code
		}
		report.Impact = im
	}
	// The filters apply to what is shown and to --fail-on: an ignored
	// change does not fail the release check either.
	report.Filter(level, o.ignore)
	if o.format == "markdown" {
		log, code, ok := c.versionLogs(cmd, rest[0], rest[1], level, o.ignore)
		if !ok {
			return code
		}
		report.Log = log
	}
	write := map[string]func(io.Writer, *changes.Report) error{
		"text": changes.WriteText, "markdown": changes.WriteMarkdown, "json": changes.WriteJSON, "html": changes.WriteHTML,
	}[o.format]
	if err := write(c.stdout, report); err != nil {
		if c.stdoutFailed() {
			return exitUsage // run says why
		}
		fmt.Fprintf(c.stderr, "svfrules diff: "+msg.CannotWriteOutput+"\n", err)
		return exitUsage
	}
	found := failOn >= 0 && changes.AtLeast(report.Changes, failOn)
	// Rows that could not be read end in exit code 1, as in eval and
	// report: the episodes they belong to are judged by neither version,
	// so a script that checks the code learns the comparison is short.
	if im := report.Impact; im != nil && im.RowsRejected > 0 {
		if im.RowsRejected == 1 {
			fmt.Fprintln(c.stderr, msg.DiffRowRejected)
		} else {
			fmt.Fprintf(c.stderr, msg.DiffRowsRejected+"\n", msg.Int(im.RowsRejected))
		}
		found = true
	}
	if found {
		return exitFound
	}
	return exitOK
}

// versionLogs is the change log version by version, newest first, when
// OLD and NEW are embedded versions with versions between them (the guide
// writes one entry per version); nil otherwise.
func (c *cli) versionLogs(cmd *command, old, new string, level changes.Level, ignore []string) ([]changes.VersionLog, int, bool) {
	if !isEmbedded(old) || !isEmbedded(new) || rules.CompareVersions(old, new) >= 0 {
		return nil, 0, true
	}
	var chain []string
	for _, v := range rules.Versions() {
		if rules.CompareVersions(v, old) >= 0 && rules.CompareVersions(v, new) <= 0 {
			chain = append(chain, v)
		}
	}
	if len(chain) <= 2 {
		return nil, 0, true
	}
	var out []changes.VersionLog
	prev, code, ok := c.diffSide(cmd, chain[0])
	if !ok {
		return nil, code, false
	}
	for _, v := range chain[1:] {
		next, code, ok := c.diffSide(cmd, v)
		if !ok {
			return nil, code, false
		}
		r := changes.NewReport(changes.SideOf(prev.display, prev.guide), changes.SideOf(next.display, next.guide),
			changes.Compare(prev.guide, next.guide), ruleFiles(prev), ruleFiles(next))
		r.Filter(level, ignore)
		out = append([]changes.VersionLog{{Side: r.To, Status: r.Status, Lines: changes.ChangeLog(r.Changes)}}, out...)
		prev = next
	}
	return out, 0, true
}

// diffSide loads OLD or NEW: an embedded version, or else a rule folder.
func (c *cli) diffSide(cmd *command, arg string) (*ruleSet, int, bool) {
	o := &options{}
	if isEmbedded(arg) {
		o.guide = arg
	} else if info, err := os.Stat(arg); err == nil && info.IsDir() {
		o.rulesDir = arg
	} else {
		what := msg.DiffUnknownSide
		if err == nil {
			what = msg.DiffSideIsFile
		}
		fmt.Fprintf(c.stderr, what+"\n", arg, strings.Join(rules.Versions(), ", "))
		if dym := lang.DidYouMean(arg, rules.Versions()); dym != "" {
			fmt.Fprintln(c.stderr, dym)
		}
		return nil, exitUsage, false
	}
	return c.loadOrReport(cmd, o)
}

// ruleFiles are a rule set's files by their name within its folder.
func ruleFiles(rs *ruleSet) map[string][]byte {
	out := map[string][]byte{}
	for name, data := range rs.src {
		out[strings.TrimPrefix(name, rs.display+"/")] = data
	}
	return out
}

// fileDiffs are the line diffs of the files of both rule sets, paired by
// name, in name order; a file on one side only is diffed against nothing.
func fileDiffs(fromDir, toDir string, from, to map[string][]byte) []changes.FileDiff {
	names := map[string]bool{}
	for n := range from {
		names[n] = true
	}
	for n := range to {
		names[n] = true
	}
	var out []changes.FileDiff
	for _, n := range sortedStrings(names) {
		a, inA := from[n]
		b, inB := to[n]
		oldName, newName := fromDir+"/"+n, toDir+"/"+n
		if !inA {
			oldName = "/dev/null"
		}
		if !inB {
			newName = "/dev/null"
		}
		if u := unifiedDiff(oldName, newName, string(a), string(b)); u != "" {
			fd := changes.FileDiff{Unified: u}
			if inA {
				fd.Old = fromDir + "/" + n
			}
			if inB {
				fd.New = toDir + "/" + n
			}
			out = append(out, fd)
		}
	}
	return out
}

// diffEpisodes evaluates the episode files with both versions.
// ro has --sheet (the sheet of xlsx inputs) and --date-order.
func (c *cli) diffEpisodes(cmd *command, files []string, ro input.Options, from, to *compiler.Guide, list []changes.Change) (*changes.Impact, int, bool) {
	var inputs []input.Input
	// checkPaths refused a file given twice: its episodes would come
	// back after the first copy's and be grouped with them.
	for _, f := range files {
		if f == "-" {
			// read below from standard input
		} else if info, err := os.Stat(f); err != nil || info.IsDir() {
			why := msg.IsFolderNotFile
			switch {
			case errors.Is(err, os.ErrNotExist):
				why = msg.NoSuchFile
			case err != nil:
				why = describeStatError(err)
			}
			fmt.Fprintf(c.stderr, msg.DiffCannotReadEpisodes+"\n", f, why)
			return nil, exitUsage, false
		}
		in, cleanup, err := input.FileInput(f, c.stdin)
		if err != nil {
			fmt.Fprintf(c.stderr, "svfrules diff: %v\n", err)
			return nil, exitUsage, false
		}
		defer cleanup()
		inputs = append(inputs, in)
	}
	fromProg, toProg := compiler.Compile(from), compiler.Compile(to)
	startupDone()
	im, unchecked, err := impact.EvaluateUnchecked(fromProg, toProg, list, inputs, ro, runtime.GOMAXPROCS(0))
	if err != nil {
		fmt.Fprintf(c.stderr, "svfrules diff: %v\n", err)
		return nil, exitUsage, false
	}
	if len(unchecked.CaseIDs) > 0 {
		fmt.Fprintln(c.stderr, msg.DiffCaseIDs)
		evalout.WriteCaseIDs(c.stderr, unchecked.CaseIDs)
	}
	if len(unchecked.Unchecked) > 0 {
		// The comparison says nothing about these rules' findings.
		fmt.Fprintln(c.stderr, msg.DiffUnchecked)
		svfruntime.WriteUncheckedText(c.stderr, unchecked)
	}
	return im, exitOK, true
}
