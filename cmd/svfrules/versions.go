package main

import (
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"

	"fmt"
	"regexp"
	"text/tabwriter"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
)

var versionsCommand = &command{
	name:    "versions",
	summary: msg.VersionsSummary,
	usage:   msg.VersionsUsage,
	help:    msg.VersionsHelp,
	run:     runVersions,
}

func runVersions(c *cli, cmd *command, args []string) int {
	_, rest, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(cmd, msg.UnexpectedArgument, rest[0])
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, msg.VersionsHeader)
	exit := exitOK
	latest := rules.Latest()
	for _, v := range rules.Versions() {
		// Only the headers are read: the versions embedded in a build are
		// held to compiling by compiler.TestEmbeddedParsed, and a
		// version without a current generated form is loaded in full.
		date, title, ok := compiler.EmbeddedHeader(v)
		if !ok {
			fmt.Fprintf(tw, msg.VersionsBroken, v, v)
			exit = exitUsage
			continue
		}
		mark := ""
		if v == latest {
			mark = msg.VersionsDefault
		}
		fmt.Fprintf(tw, "%s\t%s\t%s%s\n", v, date, title, mark)
	}
	tw.Flush()
	return exit
}

var versionNumber = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]+(\.[0-9]+)*$`) }}

// versionHint is the "did you mean" line for a version that is not
// embedded. Versions differ by one character from many others (10.7 from
// 10.0 … 10.6), so spelling is a poor guide: for a version number it
// names the newest embedded version before it (10.6 for 10.7), and none
// when there is none; for anything else (10,5) the closest spelling.
func versionHint(v string) string {
	if !versionNumber.Get().MatchString(v) {
		return lang.DidYouMean(v, rules.Versions())
	}
	best := ""
	for _, x := range rules.Versions() {
		if rules.CompareVersions(x, v) < 0 {
			best = x
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(msg.DidYouMean, best)
}
