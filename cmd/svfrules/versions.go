package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
)

var versionsCommand = &command{
	name:    "versions",
	summary: "list the embedded guide versions",
	usage:   "",
	help: `
Lists the guide versions embedded in the binary, oldest first, with their
dates and titles. The newest is the default of every command.

Example:
  svfrules versions`,
	run: runVersions,
}

func runVersions(c *cli, cmd *command, args []string) int {
	_, rest, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(cmd, "unexpected argument %q", rest[0])
	}
	tw := tabwriter.NewWriter(c.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "VERSION\tDATE\tTITLE")
	exit := exitOK
	latest := rules.Latest()
	for _, v := range rules.Versions() {
		g, _, _ := compiler.Load(rules.FS(), v, "rules/"+v)
		if g == nil {
			fmt.Fprintf(tw, "%s\t?\t(does not compile; run svfrules check --guide %s)\n", v, v)
			exit = exitUsage
			continue
		}
		mark := ""
		if v == latest {
			mark = " (default)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s%s\n", v, g.Date, g.Title, mark)
	}
	tw.Flush()
	return exit
}
