package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime/escape"
)

var tableCommand = &command{
	name:    "table",
	summary: msg.TableSummary,
	usage:   msg.TableUsage,
	help:    msg.TableHelp,
	run:     runTable,
}

func runTable(c *cli, cmd *command, args []string) int {
	o, rest, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(cmd, msg.UnexpectedArgument, rest[0])
	}
	if code, ok := c.checkCSVDialect(cmd, o); !ok {
		return code
	}
	rs, code, ok := c.loadOrReport(cmd, o)
	if !ok {
		return code
	}
	g := rs.guide
	switch o.format {
	case "csv":
		writeTableCSV(c.stdout, g, o.csvDialect != "rfc4180")
	case "markdown":
		writeTableMarkdown(c.stdout, g)
	default:
		writeTableText(c.stdout, g)
	}
	return exitOK
}

// tableCSVHeader is the header of the rfc4180 dialect, for programs;
// tableCSVHeaderExcel the excel dialect's, in Swedish.
var (
	tableCSVHeader      = []string{"code", "prefix", "pathway", "allowed", "qualifier"}
	tableCSVHeaderExcel = []string{msg.ColTableCode, msg.ColPrefix, msg.ColPathway, msg.ColAllowed, msg.ColQualifier}
)

// writeTableCSV writes one row per table code and pathway, in the
// dialect eval and report write: excel (a byte order mark, semicolons,
// Swedish headers) or rfc4180.
func writeTableCSV(w io.Writer, g *compiler.Guide, excel bool) {
	cw := escape.NewCSVWriter(w, excel)
	if excel {
		io.WriteString(w, escape.BOM)
		_ = cw.Write(tableCSVHeaderExcel)
	} else {
		_ = cw.Write(tableCSVHeader)
	}
	for _, code := range g.TableCodes() {
		for _, p := range g.Pathways {
			cell := code.Cells[p.Index]
			allowed, qual := "", ""
			if cell.Allowed {
				allowed = "x"
			}
			if cell.Qualifier != nil {
				qual = cell.Qualifier.Name
			}
			_ = cw.Write([]string{code.Suffix, p.PrefixLabel(), p.Name, allowed, qual})
		}
	}
	cw.Flush()
}

// cellText is a cell as the guide prints it: "x", "x (kur)" or "".
func cellText(cell compiler.Cell) string {
	if !cell.Allowed {
		return ""
	}
	if cell.Qualifier != nil {
		return "x (" + cell.Qualifier.Name + ")"
	}
	return "x"
}

func writeTableMarkdown(w io.Writer, g *compiler.Guide) {
	codes := g.TableCodes()
	fmt.Fprintf(w, "# Tabeller, kodningsvägledning %s (%s)\n\n", g.Version, g.Date)
	header := []string{"Vårdförlopp", "Prefix"}
	for _, c := range codes {
		header = append(header, c.Suffix)
	}
	fmt.Fprintf(w, "| %s |\n|%s\n", strings.Join(header, " | "), strings.Repeat("---|", len(header)))
	for _, p := range g.Pathways {
		row := []string{p.Name, p.PrefixLabel()}
		for _, c := range codes {
			row = append(row, cellText(c.Cells[p.Index]))
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(row, " | "))
	}
	fmt.Fprintln(w)
	for _, c := range codes {
		fmt.Fprintf(w, "- **%s**: VXX%s – %s\n", c.Suffix, c.Suffix, c.Name)
	}
	for _, q := range g.Qualifiers {
		fmt.Fprintf(w, "- **%s**: %s\n", q.Name, q.Legend)
	}
}

func writeTableText(w io.Writer, g *compiler.Guide) {
	codes := g.TableCodes()
	rows := [][]string{{"Vårdförlopp", "Prefix"}}
	for _, c := range codes {
		rows[0] = append(rows[0], c.Suffix)
	}
	for _, p := range g.Pathways {
		row := []string{p.Name, p.PrefixLabel()}
		for _, c := range codes {
			t := cellText(c.Cells[p.Index])
			if t == "" {
				t = "-"
			}
			row = append(row, t)
		}
		rows = append(rows, row)
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, s := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(s))
		}
	}
	fmt.Fprintf(w, "Kodningsvägledning %s (%s)\n\n", g.Version, g.Date)
	for _, r := range rows {
		var b strings.Builder
		for i, s := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(s)
			b.WriteString(strings.Repeat(" ", widths[i]-utf8.RuneCountInString(s)))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	fmt.Fprintln(w)
	for _, q := range g.Qualifiers {
		fmt.Fprintf(w, "%s: %s\n", q.Name, q.Legend)
	}
}
