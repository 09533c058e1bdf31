package guide

import (
	"bufio"
	"fmt"
	"html"
	"io"

	"github.com/rcc/svfrules/internal/msg"
)

// htmlStyle is the page's only style sheet, inline: the page loads
// nothing, so it can be mailed, opened offline and printed. It prints on
// A4 and keeps a heading with what follows it.
const htmlStyle = `@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.4; color: #1a1a1a; margin: 0 auto; padding: 12mm; max-width: 210mm; background: #fff; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
p.sub { font-size: 11pt; margin: 0 0 1mm; color: #333; }
h2 { font-size: 14pt; margin: 8mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #888; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 6mm 0 1.5mm; break-after: avoid; }
h4 { font-size: 10pt; margin: 3mm 0 1mm; break-after: avoid; }
h5 { font-size: 10pt; font-weight: 600; font-style: italic; margin: 2.5mm 0 0.5mm; break-after: avoid; }
p, ul, ol { margin: 0 0 2mm; }
ul, ol { padding-left: 6mm; }
table { border-collapse: collapse; margin: 1mm 0 2mm; font-size: 9pt; }
th, td { border-bottom: 1px solid #ccc; padding: 0.6mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
tr { break-inside: avoid; }
table.cells td.mark { width: 9mm; text-align: center; font-weight: 600; }
table.wide { width: 100%; }
p.legend { font-size: 9pt; color: #333; }
p.notice { background: #f2f2f2; border-left: 3px solid #767676; padding: 1.5mm 3mm; font-size: 9pt; }
@media print {
  body { padding: 0; max-width: none; }
}
`

// WriteHTML writes the guide as one self-contained HTML page in Swedish
// that prints on A4.
func WriteHTML(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	e := html.EscapeString
	fmt.Fprintf(bw, "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", e(d.Title), htmlStyle)
	for _, blk := range d.Blocks {
		switch blk.Kind {
		case Title:
			fmt.Fprintf(bw, "<h1>%s</h1>\n", e(blk.Text))
		case Subtitle:
			fmt.Fprintf(bw, "<p class=\"sub\">%s</p>\n", e(blk.Text))
		case Chapter:
			fmt.Fprintf(bw, "<h2>%s</h2>\n", e(blk.Text))
		case CodeHeading, DateHeading:
			fmt.Fprintf(bw, "<h3>%s</h3>\n", e(blk.Text))
		case Heading:
			fmt.Fprintf(bw, "<h4>%s</h4>\n", e(blk.Text))
		case NoteHeading:
			fmt.Fprintf(bw, "<h5>%s</h5>\n", e(blk.Text))
		case Paragraphs:
			htmlParagraphs(bw, blk.Text)
		case CodeTable:
			bw.WriteString("<table class=\"cells\">\n")
			fmt.Fprintf(bw, "<thead><tr><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n", e(msg.GuideTableMark), e(msg.GuideTablePathway))
			for _, r := range blk.Rows {
				fmt.Fprintf(bw, "<tr><td class=\"mark\">%s</td><td>%s</td></tr>\n", e(r[0]), e(r[1]))
			}
			bw.WriteString("</tbody>\n</table>\n")
		case PrefixList:
			htmlTable(bw, "", []string{msg.GuidePrefixColumn, msg.GuideTablePathway}, blk.Rows)
		case VersionTable:
			htmlTable(bw, "", blk.Rows[0], blk.Rows[1:])
		case LeadTimes:
			htmlTable(bw, "wide", blk.Rows[0], blk.Rows[1:])
		case Legend:
			fmt.Fprintf(bw, "<p class=\"legend\">%s</p>\n", e(blk.Text))
		case Notice:
			fmt.Fprintf(bw, "<p class=\"notice\">%s</p>\n", e(blk.Text))
		}
	}
	bw.WriteString("</body>\n</html>\n")
	return bw.Flush()
}

// htmlParagraphs writes a text's paragraphs: <p> with <br> between the
// lines of a plain paragraph, <ul>/<ol> (nested by level) for lists.
func htmlParagraphs(w *bufio.Writer, text string) {
	e := html.EscapeString
	for _, p := range paragraphs(text) {
		if !p.list {
			w.WriteString("<p>")
			for j, l := range p.lines {
				if j > 0 {
					w.WriteString("<br>\n")
				}
				w.WriteString(e(l.text))
			}
			w.WriteString("</p>\n")
			continue
		}
		tag := "ul"
		if p.ordered {
			tag = "ol"
		}
		// Open a list per level; an item stays open until the next item
		// at its level or above, so a nested list sits inside its item.
		depth := -1
		for _, l := range p.lines {
			switch {
			case l.level > depth:
				for depth < l.level {
					fmt.Fprintf(w, "<%s>\n", tag)
					depth++
					if depth < l.level {
						w.WriteString("<li>")
					}
				}
			default:
				w.WriteString("</li>\n")
				for depth > l.level {
					fmt.Fprintf(w, "</%s>\n</li>\n", tag)
					depth--
				}
			}
			fmt.Fprintf(w, "<li>%s", e(l.text))
		}
		w.WriteString("</li>\n")
		for depth > 0 {
			fmt.Fprintf(w, "</%s>\n</li>\n", tag)
			depth--
		}
		fmt.Fprintf(w, "</%s>\n", tag)
	}
}

// htmlTable writes a table with a header row.
func htmlTable(w *bufio.Writer, class string, head []string, rows [][]string) {
	e := html.EscapeString
	if class != "" {
		fmt.Fprintf(w, "<table class=\"%s\">\n", class)
	} else {
		w.WriteString("<table>\n")
	}
	w.WriteString("<thead><tr>")
	for _, h := range head {
		fmt.Fprintf(w, "<th>%s</th>", e(h))
	}
	w.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range rows {
		w.WriteString("<tr>")
		for _, c := range r {
			fmt.Fprintf(w, "<td>%s</td>", e(c))
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody>\n</table>\n")
}
