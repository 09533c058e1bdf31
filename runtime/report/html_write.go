package report

import (
	"io"

	"github.com/rcc/svfrules/internal/htmlw"
)

// The page is written by hand (internal/htmlw): the markup as below,
// every value from the data escaped as html/template escaped it, which
// rendered the page before (group values come from the input columns).

// htmlStyle is the page's style sheet (htmlw.Page.Start).
const htmlStyle = `@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35; color: #1a1a1a; margin: 0 auto; padding: 12mm; max-width: 210mm; background: #fff; }
h1 { font-size: 17pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #888; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; }
p.legend { background: #f2f2f2; border-left: 3px solid #767676; padding: 1.5mm 3mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 8.5pt; }
th, td { border-bottom: 1px solid #ccc; padding: 1mm 1.2mm; text-align: left; vertical-align: top; }
table.measures td:first-child { width: 36%; }
th { background: #eee; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
tr.total td { font-weight: 600; background: #f7f7f7; }
tr.suppressed td { color: #666; }
td.met { color: #0b5394; font-weight: 600; }
td.unmet { color: #a33b00; font-weight: 600; }
section { break-inside: auto; }
figure { margin: 2mm 0 4mm; break-inside: avoid; }
figcaption { font-size: 8.5pt; color: #444; margin-bottom: 1mm; }
svg { width: 100%; height: auto; display: block; }
svg text { font-family: inherit; font-size: 10px; fill: #1a1a1a; }
svg text.sub { fill: #555; font-size: 9px; }
svg text.note { fill: #666; font-style: italic; }
svg text.value { font-size: 9.5px; }
svg .bar.met { fill: #3b78b0; }
svg .bar.unmet { fill: #e07b39; }
svg .goal { stroke: #1a1a1a; stroke-width: 1.2; stroke-dasharray: 4 3; }
svg .axis { stroke: #888; stroke-width: 1; }
svg .grid { stroke: #e3e3e3; stroke-width: 1; }
svg .baseline { stroke: #d0d0d0; stroke-width: 1; }
svg .range { fill: #a9c6e3; }
svg .median { stroke: #0b3d6e; stroke-width: 2; }
svg .mean { fill: #fff; stroke: #0b3d6e; stroke-width: 1.5; }
svg .target { stroke: #c0392b; stroke-width: 2; }
.key { display: block; font-size: 8.5pt; color: #444; margin-top: 0.5mm; }
.key span { display: inline-block; margin-right: 4mm; }
.swatch { display: inline-block; width: 9px; height: 9px; vertical-align: baseline; margin-right: 1mm; }
dl.method dt { font-weight: 600; }
@media print {
  body { padding: 0; max-width: none; }
  h2 { break-before: auto; }
}
`

func writeHTML(w io.Writer, r *Report) error {
	pg := htmlPageOf(r)
	return pg.write(w)
}

// numCell is a right-aligned cell.
const numCell = `td class="num"`

// write writes the page to w.
func (pg *htmlPage) write(w io.Writer) error {
	var p htmlw.Page
	p.Start(pg.Title, htmlStyle)
	p.Raw("</h1>\n")
	paragraphs(&p, pg.Intro)
	p.Elem(`p class="legend"`, pg.Legend)
	p.Raw(`

<h2>Förlopp per vårdförlopp</h2>
<table>
<thead><tr><th>Vårdförlopp</th><th class="num">Förlopp</th><th class="num">Rapporterbara</th><th class="num">Med fel</th><th>Vanligaste fynd</th></tr></thead>
<tbody>
`)
	for _, pw := range pg.Pathways {
		p.Raw("<tr>")
		p.Elem("td", pw.Label)
		p.Elem(numCell, pw.Episodes)
		p.Elem(numCell, pw.Reportable)
		p.Elem(numCell, pw.WithErrors)
		p.Elem("td", pw.Findings)
		p.Raw("</tr>\n")
	}
	p.Raw("</tbody>\n</table>\n")
	if inc := pg.Inclusion; inc != nil {
		p.Raw("\n")
		p.Elem("h2", inc.Title)
		p.Raw("\n")
		p.Elem("p", inc.Note)
		p.Raw("\n<table class=\"inclusion\">\n<thead><tr>")
		cells(&p, "th", inc.Head, 3)
		p.Raw("</tr></thead>\n<tbody>\n")
		for _, row := range inc.Rows {
			p.Raw("<tr>")
			cells(&p, "td", row, 3)
			p.Raw("</tr>\n")
		}
		p.Raw("</tbody>\n</table>\n")
	}
	p.Raw("\n")
	for i := range pg.Sections {
		writeHTMLSection(&p, pg, &pg.Sections[i])
	}
	p.Raw(`
<h2>Definitioner</h2>
<table>
<thead><tr><th>Ledtid</th><th>Vårdförlopp</th><th>Från</th><th>Till</th><th class="num">Mål</th></tr></thead>
<tbody>
`)
	for _, d := range pg.Definitions {
		p.Raw("<tr><td>")
		p.Text(d.Name)
		p.Raw(" (")
		p.Text(d.ID)
		p.Raw(")</td>")
		p.Elem("td", d.Pathway)
		p.Elem("td", d.From)
		p.Elem("td", d.To)
		p.Elem(numCell, d.Target)
		p.Raw("</tr>\n")
	}
	p.Raw("</tbody>\n</table>\n<h2>Metod</h2>\n")
	paragraphs(&p, pg.Method)
	if tc := pg.ToCorrect; tc.Note != "" {
		p.Raw("<h2>Rader att rätta</h2>\n")
		p.Elem("p", tc.Note)
		p.Raw("\n")
		if len(tc.Incomplete) > 0 {
			p.Raw(`<table>
<thead><tr><th>Ofullständigt förlopp</th><th>Första rad</th><th class="num">Avvisade rader</th></tr></thead>
<tbody>
`)
			for _, in := range tc.Incomplete {
				p.Raw("<tr>")
				p.Elem("td", in.Episode)
				p.Elem("td", in.Place)
				p.Elem(numCell, in.Rows)
				p.Raw("</tr>\n")
			}
			p.Raw("</tbody>\n</table>\n")
		}
		if len(tc.Rejected) > 0 {
			p.Raw(`<table>
<thead><tr><th>Avvisad rad</th><th>Förlopp</th><th>Fält</th><th>Orsak</th></tr></thead>
<tbody>
`)
			for _, rej := range tc.Rejected {
				p.Raw("<tr>")
				p.Elem("td", rej.Place)
				p.Elem("td", rej.Episode)
				p.Elem("td", rej.Field)
				p.Elem("td", rej.Reason)
				p.Raw("</tr>\n")
			}
			p.Raw("</tbody>\n</table>\n")
		}
	}
	p.Raw("</body>\n</html>\n\n")
	_, err := p.WriteTo(w)
	return err
}

// paragraphs writes each of texts as a paragraph on a line of its own.
func paragraphs(p *htmlw.Page, texts []string) {
	for _, t := range texts {
		p.Elem("p", t)
		p.Raw("\n")
	}
}

// cells writes a table row's cells of element el (th or td), those from
// the column numbered from on right-aligned (class num).
func cells(p *htmlw.Page, el string, values []string, from int) {
	for i, v := range values {
		if i >= from {
			p.Elem(el+` class="num"`, v)
		} else {
			p.Elem(el, v)
		}
	}
}

// writeHTMLSection writes a section of lead times: its table of
// measures (the local lead times' own), then its charts.
func writeHTMLSection(p *htmlw.Page, pg *htmlPage, s *htmlSection) {
	p.Raw("<section>\n")
	p.Elem("h2", s.Title)
	p.Raw("\n")
	if s.Summary != "" {
		p.Elem("p", s.Summary)
		p.Raw("\n")
	}
	switch {
	case len(s.Rows) > 0 && s.Local:
		p.Raw("<table class=\"measures\">\n<thead><tr>")
		cells(p, "th", s.LocalHead, 2)
		p.Raw("</tr></thead>\n<tbody>\n")
		for i := range s.Rows {
			row := &s.Rows[i]
			p.Raw(`<tr class="`)
			if row.Suppressed {
				p.Raw("suppressed")
			}
			p.Raw(`">`)
			p.Elem("td", row.Title)
			p.Elem("td", row.Pathway)
			for _, v := range [...]string{row.Target, row.N, row.Within, row.Share, row.Mean, row.SD, row.P10, row.Median, row.P90} {
				p.Elem(numCell, v)
			}
			p.Raw("</tr>\n")
		}
		p.Raw("</tbody>\n</table>\n")
	case len(s.Rows) > 0:
		p.Raw("<table class=\"measures\">\n<thead><tr><th>Ledtid</th>")
		for _, h := range pg.GroupHeads {
			p.Elem("th", h)
		}
		p.Raw(`<th class="num">Mål</th><th class="num">n</th><th class="num">Inom mål</th><th class="num">Andel</th><th class="num">`)
		p.Int(pg.Goal)
		p.Raw(` % nått</th><th class="num">Medel</th><th class="num">SD</th><th class="num">P10</th><th class="num">Median</th><th class="num">P90</th><th>Undantagna</th></tr></thead>
<tbody>
`)
		for i := range s.Rows {
			row := &s.Rows[i]
			p.Raw(`<tr class="`)
			if row.Total {
				p.Raw("total")
			}
			if row.Suppressed {
				p.Raw(" suppressed")
			}
			p.Raw(`">`)
			p.Elem("td", row.Title)
			for _, g := range row.Group {
				p.Elem("td", g)
			}
			for _, v := range [...]string{row.Target, row.N, row.Within, row.Share} {
				p.Elem(numCell, v)
			}
			p.Raw(`<td class="num `)
			p.Text(row.MetClass)
			p.Raw(`">`)
			p.Text(row.Met)
			p.Raw("</td>")
			for _, v := range [...]string{row.Mean, row.SD, row.P10, row.Median, row.P90} {
				p.Elem(numCell, v)
			}
			p.Elem("td", row.Excluded)
			p.Raw("</tr>\n")
		}
		p.Raw("</tbody>\n</table>\n")
	default:
		p.Raw("<p>Inga ledtider i underlaget.</p>\n")
	}
	if c := s.Bars; c != nil {
		p.Raw("<figure>\n<figcaption>")
		p.Text(c.Title)
		p.Raw(`. <span class="key"><span><span class="swatch" style="background:#3b78b0"></span>målet nått</span><span><span class="swatch" style="background:#e07b39"></span>målet inte nått</span><span>streckad linje: målnivån</span></span></figcaption>
`)
		writeChart(p, c)
		p.Raw("\n</figure>\n")
	}
	if c := s.Dist; c != nil {
		p.Raw("<figure>\n<figcaption>")
		p.Text(c.Title)
		p.Raw(`. <span class="key"><span><span class="swatch" style="background:#a9c6e3"></span>10:e–90:e percentil</span><span>mörkt streck: median</span><span>ring: medelvärde</span><span><span class="swatch" style="background:#c0392b"></span>mål</span></span></figcaption>
`)
		writeChart(p, c)
		p.Raw("\n</figure>\n")
	}
	p.Raw("</section>\n")
}

// writeChart writes a chart as inline SVG.
func writeChart(p *htmlw.Page, c *chart) {
	// attr writes name="x" with a space before it, x a number.
	attr := func(name string, x float64) {
		p.Raw(" " + name + `="`)
		p.Float(x)
		p.Raw(`"`)
	}
	// line writes a line of class from (x1, y1) to (x2, y2).
	line := func(class string, x1, y1, x2, y2 float64) {
		p.Raw(`<line class="` + class + `"`)
		attr("x1", x1)
		attr("y1", y1)
		attr("x2", x2)
		attr("y2", y2)
		p.Raw("/>")
	}
	// text writes a text element at (x, y), after attributes before.
	text := func(before string, x, y float64, after, s string) {
		p.Raw("<text" + before)
		attr("x", x)
		attr("y", y)
		p.Raw(after + ">")
		p.Text(s)
		p.Raw("</text>\n")
	}
	p.Raw(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	p.Float(c.Width)
	p.Raw(" ")
	p.Float(c.Height)
	p.Raw(`" role="img" aria-label="`)
	p.Text(c.Title)
	p.Raw("\">\n")
	for _, t := range c.Ticks {
		line("grid", t.X, c.PlotTop, t.X, t.Y1)
		line("axis", t.X, t.Y1, t.X, t.Y2)
		text("", t.X, t.TextY, ` text-anchor="middle"`, t.Label)
	}
	p.Raw(`<line class="axis" x1="310"`)
	attr("y1", c.PlotBottom)
	p.Raw(` x2="610"`)
	attr("y2", c.PlotBottom)
	p.Raw("/>\n")
	text("", c.AxisLabelX, c.Height, ` dy="-3" text-anchor="middle" class="sub"`, c.AxisLabel)
	for i := range c.Rows {
		row := &c.Rows[i]
		p.Raw("<g>")
		p.Elem("title", row.Full)
		for _, l := range row.Lines {
			p.Raw("<text")
			if l.Class != "" {
				p.Raw(` class="`)
				p.Text(l.Class)
				p.Raw(`"`)
			}
			p.Raw(` x="0"`)
			attr("y", l.Y)
			p.Raw(">")
			p.Text(l.Text)
			p.Raw("</text>")
		}
		p.Raw("\n")
		if b := row.Bar; b != nil {
			p.Raw(`<rect class="`)
			p.Text(b.Class)
			p.Raw(`"`)
			attr("x", b.X)
			attr("y", b.Y)
			attr("width", b.W)
			attr("height", b.H)
			p.Raw("/>")
			text(` class="value"`, b.ValueX, b.ValueY, "", b.Value)
		}
		if d := row.Dist; d != nil {
			p.Raw(`<line class="baseline" x1="310"`)
			attr("y1", d.AxisY)
			p.Raw(` x2="610"`)
			attr("y2", d.AxisY)
			p.Raw(`/><rect class="range"`)
			attr("x", d.RangeX)
			attr("y", d.RangeY)
			attr("width", d.RangeW)
			attr("height", d.RangeH)
			p.Raw("/>")
			line("median", d.MedianX, d.Y1, d.MedianX, d.Y2)
			p.Raw(`<circle class="mean"`)
			attr("cx", d.MeanX)
			attr("cy", d.MeanY)
			p.Raw(` r="3.5"/>`)
			if d.HasTarget {
				line("target", d.TargetX, d.TargetY1, d.TargetX, d.TargetY2)
			}
			text(` class="value"`, d.CaptionX, d.CaptionY, "", d.Caption)
		}
		if row.Note != "" {
			p.Raw(`<text class="note" x="310"`)
			attr("y", row.TextY)
			p.Raw(">")
			p.Text(row.Note)
			p.Raw("</text>\n")
		}
		p.Raw("</g>\n")
	}
	for _, l := range c.Lines {
		line("goal", l.X, l.Y1, l.X, l.Y2)
		text("", l.X, l.TextY, ` text-anchor="middle"`, l.Label)
	}
	p.Raw("</svg>")
}
