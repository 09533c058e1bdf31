package guide

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/rcc/svfrules/internal/msg"

	"github.com/rcc/svfrules/internal/lazy"
)

// WriteMarkdown writes the guide as Markdown (CommonMark with tables):
// chapters as ##, codes as ###, tables with a header row, svfrules'
// notices as block quotes. Text from the rule files is escaped, so a
// character such as * or _ is printed, not read as markup; the guide's
// own lists stay lists.
func WriteMarkdown(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	for i, blk := range d.Blocks {
		if i > 0 {
			bw.WriteString("\n")
		}
		switch blk.Kind {
		case Title:
			fmt.Fprintf(bw, "# %s\n", mdEscape(blk.Text))
		case Chapter:
			fmt.Fprintf(bw, "## %s\n", mdEscape(blk.Text))
		case CodeHeading, DateHeading:
			fmt.Fprintf(bw, "### %s\n", mdEscape(blk.Text))
		case Heading:
			fmt.Fprintf(bw, "#### %s\n", mdEscape(blk.Text))
		case NoteHeading:
			fmt.Fprintf(bw, "##### %s\n", mdEscape(blk.Text))
		case Paragraphs:
			mdParagraphs(bw, blk.Text)
		case CodeTable:
			mdTable(bw, []string{msg.GuideTableMark, msg.GuideTablePathway}, blk.Rows)
		case PrefixList:
			mdTable(bw, []string{msg.GuidePrefixColumn, msg.GuideTablePathway}, blk.Rows)
		case VersionTable, LeadTimes:
			mdTable(bw, blk.Rows[0], blk.Rows[1:])
		case Notice:
			fmt.Fprintf(bw, "> %s\n", mdEscape(blk.Text))
		default: // Subtitle, Legend
			fmt.Fprintf(bw, "%s\n", mdEscape(blk.Text))
		}
	}
	return bw.Flush()
}

// mdParagraphs writes a text's paragraphs; the lines of a plain paragraph
// are kept apart with hard line breaks.
func mdParagraphs(w *bufio.Writer, text string) {
	for i, p := range paragraphs(text) {
		if i > 0 {
			w.WriteString("\n")
		}
		for j, l := range p.lines {
			switch {
			case p.list && p.ordered:
				fmt.Fprintf(w, "%s%d. %s\n", strings.Repeat("   ", l.level), j+1, mdEscape(l.text))
			case p.list:
				fmt.Fprintf(w, "%s- %s\n", strings.Repeat("  ", l.level), mdEscape(l.text))
			case j < len(p.lines)-1:
				fmt.Fprintf(w, "%s\\\n", mdEscape(l.text))
			default:
				fmt.Fprintf(w, "%s\n", mdEscape(l.text))
			}
		}
	}
}

// mdTable writes a table with a header row.
func mdTable(w *bufio.Writer, head []string, rows [][]string) {
	cells := func(r []string) {
		w.WriteString("|")
		for _, c := range r {
			fmt.Fprintf(w, " %s |", strings.ReplaceAll(mdEscape(c), "|", `\|`))
		}
		w.WriteString("\n")
	}
	cells(head)
	w.WriteString("|")
	for range head {
		w.WriteString(" --- |")
	}
	w.WriteString("\n")
	for _, r := range rows {
		cells(r)
	}
}

// mdMarkup are the characters Markdown could read as markup inside a
// line; each is escaped with a backslash (valid for any ASCII
// punctuation in CommonMark).
var mdMarkup = lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`)
}}

// mdEscape escapes s for a Markdown line, including markers that would
// start a list, a heading or a quote at the start of the line.
func mdEscape(s string) string {
	s = mdMarkup.Get().Replace(s)
	if len(s) > 0 && (s[0] == '-' || s[0] == '+' || s[0] == '=') {
		s = `\` + s
	}
	// "1. " or "1) " (or the digits and the mark alone) would start an
	// ordered list.
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ') {
		s = s[:i] + `\` + s[i:]
	}
	return s
}
