package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/guide"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
)

var guideCommand = &command{
	name:    "guide",
	summary: msg.GuideSummary,
	usage:   msg.GuideUsage,
	help:    msg.GuideHelp,
	run:     runGuide,
}

func runGuide(c *cli, cmd *command, args []string) int {
	o, rest, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(cmd, msg.GuideUnexpectedArgument, rest[0])
	}
	format := o.format
	if code, ok := c.checkPaths(cmd, nil, o.output, o.rulesDir); !ok {
		return code
	}
	rs, code, ok := c.loadOrReport(cmd, o)
	if !ok {
		return code
	}
	opts := guide.Options{History: guide.History{OneFolder: o.rulesDir != ""}}
	if o.pathway != "" {
		p := findPathway(rs.guide, o.pathway)
		if p == nil {
			keys := make([]string, len(rs.guide.Pathways))
			for i, p := range rs.guide.Pathways {
				keys[i] = p.Key
			}
			fmt.Fprintf(c.stderr, "svfrules guide: "+msg.GuideUnknownPathway+"\n", o.pathway)
			if dym := lang.DidYouMean(o.pathway, keys); dym != "" {
				fmt.Fprintln(c.stderr, dym)
			}
			fmt.Fprintf(c.stderr, msg.GuidePathwayList+"\n", strings.Join(keys, ", "))
			return exitUsage
		}
		opts.Pathway = p
	}
	if o.rulesDir == "" {
		opts.History.Versions = embeddedHistory(rs.guide)
	}
	doc := guide.Build(rs.guide, opts)
	var out bytes.Buffer
	var err error
	switch format {
	case "html":
		err = guide.WriteHTML(&out, doc)
	case "markdown":
		err = guide.WriteMarkdown(&out, doc)
	default:
		err = guide.WriteText(&out, doc)
	}
	if err == nil {
		err = writeOutput(o.output, c.stdout, out.Bytes())
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "svfrules guide: "+msg.GuideCannotWrite+"\n", err)
		return exitUsage
	}
	if c.stdoutFailed() {
		return exitUsage // run says why
	}
	return exitOK
}

// findPathway finds the pathway by key or by one of its prefixes.
func findPathway(g *compiler.Guide, s string) *compiler.Pathway {
	if p := g.Pathway(s); p != nil {
		return p
	}
	return g.PathwayByPrefix(strings.ToUpper(s))
}

// embeddedHistory is the embedded versions up to g's, oldest first, each
// as its checked header; g itself stands for its own version. A version
// that does not compile is left out (svfrules versions names it).
func embeddedHistory(g *compiler.Guide) []*compiler.Guide {
	var out []*compiler.Guide
	for _, v := range rules.Versions() {
		if rules.CompareVersions(v, g.Version) > 0 {
			continue
		}
		if v == g.Version {
			out = append(out, g)
			continue
		}
		if h, _, _ := compiler.LoadEmbedded(v); h != nil {
			out = append(out, h)
		}
	}
	return out
}
