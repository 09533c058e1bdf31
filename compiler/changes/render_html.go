package changes

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/internal/htmlw"
	"github.com/rcc/svfrules/internal/msg"
)

// The page carries its own style and nothing else: no scripts, fonts,
// images or links, so it can be mailed or archived as one file. The
// style is the report's (runtime/report/html_write.go): the same fonts,
// headings, tables and A4 print margins. It is written by hand
// (internal/htmlw), every value escaped as html/template escaped it,
// which rendered the page before.

// htmlStyle is the page's style sheet (htmlw.Page.Start).
const htmlStyle = `@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35; color: #1a1a1a; margin: 0 auto; padding: 12mm; max-width: 210mm; background: #fff; }
h1 { font-size: 17pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #888; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
h4 { font-size: 10pt; font-weight: 600; margin: 2mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
p.legend { background: #f2f2f2; border-left: 3px solid #767676; padding: 1.5mm 3mm; }
ul.changes { list-style: none; padding-left: 0; margin: 0 0 2mm; }
ul.changes li { margin: 0 0 2.5mm; padding-left: 2.5mm; border-left: 3px solid #ccc; break-inside: avoid; }
li.action { border-left-color: #a33b00; } li.review { border-left-color: #0b5394; } li.info { border-left-color: #767676; }
.id { font-size: 8.5pt; color: #555; }
.where, .episodes { margin: 0.5mm 0; font-size: 8.5pt; color: #444; }
.text { white-space: pre-wrap; background: #f7f7f7; padding: 1.5mm 2mm; margin: 1mm 0; }
del { background: #fde2dc; color: #8a1f00; } ins { background: #dcebf7; color: #0b3d6e; text-decoration: none; }
pre.diff { background: #f7f7f7; padding: 2mm; overflow-x: auto; font-size: 8pt; white-space: pre-wrap; }
pre.diff .add { color: #0b3d6e; } pre.diff .del { color: #8a1f00; } pre.diff .hunk { color: #555; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 8.5pt; }
th, td { border-bottom: 1px solid #ccc; padding: 1mm 1.2mm; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
tr { break-inside: avoid; }
tr.total td { font-weight: 600; background: #f7f7f7; }
@media print {
  body { padding: 0; max-width: none; }
}
`

type htmlView struct {
	Title, Old, New, Status, Hidden string
	Levels                          []*htmlLevel
	Impact                          *htmlImpact
	WithTextDiff                    bool
	LineDiffTitle, NoLineDiffers    string
	TextDiff                        [][]htmlLine
}

type htmlLevel struct {
	Title  string
	Groups []*htmlGroup
}

type htmlGroup struct {
	Title string // "" under the header's level, whose title says it
	key   string
	Subs  []*htmlSub
}

type htmlSub struct {
	Title string
	Items []htmlItem
}

type htmlItem struct {
	Level, ID, Swedish, Where, Episodes string
	Spans                               []Span
	Lines                               []string
}

type htmlImpact struct {
	Title, Summary string
	Head           []string
	Rows           []htmlRow
	// Incomplete is eval's summary line on the episodes not judged, ""
	// when there are none; Rejected the rows that could not be read,
	// under RejectedTitle in eval's workbook's columns.
	Incomplete    string
	RejectedTitle string
	RejectedHead  []string
	Rejected      []RejectedRow
}

type htmlRow struct {
	Label string
	Cells []string
	Total bool
}

type htmlLine struct {
	Class, Text string
}

// WriteHTML writes the report as one self-contained page in Swedish,
// styled like the report: the changes by level, those coders must act on
// first, then by pathway and code, each with its line, its id, the
// changed text word by word (<del>, <ins>) and its places; then the
// header's records, which are not changes; the effect on episodes and the
// line diff when asked for.
func WriteHTML(w io.Writer, r *Report) error {
	v := htmlView{Title: fmt.Sprintf(msg.DiffTitle, r.From.Version, r.From.Date, r.To.Version, r.To.Date),
		Old: fmt.Sprintf(msg.DiffOld, r.From.Rules), New: fmt.Sprintf(msg.DiffNew, r.To.Rules),
		Status: statusLine(r), WithTextDiff: r.WithTextDiff, LineDiffTitle: msg.DiffLineDiffTitle, NoLineDiffers: msg.DiffNoLineDiffers}
	if r.Hidden > 0 {
		v.Hidden = fmt.Sprintf(msg.DiffHidden, r.Hidden)
	}
	levels := []struct {
		title string
		keep  func(*Change) bool
	}{
		{msg.DiffTitleAction, func(c *Change) bool { return !c.Meta() && c.Level == Action }},
		{msg.DiffTitleReview, func(c *Change) bool { return !c.Meta() && c.Level == Review }},
		{msg.DiffTitleInfo, func(c *Change) bool { return !c.Meta() && c.Level == Info }},
		{msg.DiffGroupHeader, (*Change).Meta},
	}
	for _, lv := range levels {
		hl := &htmlLevel{Title: lv.title}
		var g *htmlGroup
		var sub *htmlSub
		for i := range r.Changes {
			c := &r.Changes[i]
			if !lv.keep(c) {
				continue
			}
			if g == nil || c.group != g.key {
				g = &htmlGroup{Title: c.group, key: c.group}
				if c.Meta() {
					g.Title = ""
				}
				hl.Groups = append(hl.Groups, g)
				sub = nil
			}
			if s := subgroup(c); sub == nil || s != sub.Title {
				sub = &htmlSub{Title: s}
				g.Subs = append(g.Subs, sub)
			}
			it := htmlItem{Level: c.Level.String(), ID: c.ID, Swedish: c.Swedish}
			if !c.Meta() {
				it.Where = places(c)
				switch {
				case c.Prose():
					it.Spans = WordDiff(c.Old, c.New)
				case strings.Contains(c.Old, "\n") || strings.Contains(c.New, "\n"):
					it.Lines = lineChanges(c.Old, c.New)
				}
			}
			if r.Impact != nil && i < len(r.Impact.ByChange) && !r.Impact.ByChange[i].Empty() {
				it.Episodes = fmt.Sprintf(msg.DiffEpisodesOf, effectWords(r.Impact.ByChange[i]))
			}
			sub.Items = append(sub.Items, it)
		}
		if len(hl.Groups) > 0 {
			v.Levels = append(v.Levels, hl)
		}
	}
	if im := r.Impact; im != nil {
		hi := &htmlImpact{Title: msg.DiffEpisodesTitle, Summary: impactSummary(im),
			Head: []string{msg.DiffChangeColumn, msg.DiffGainFinding, msg.DiffLoseFinding, msg.DiffReportability, msg.DiffLeadTimeVerdict}}
		row := func(label string, e Effect, total bool) {
			cell := func(x Episodes) string {
				if x.N == 0 {
					return "0"
				}
				return fmt.Sprintf("%d (%s)", x.N, examples(x))
			}
			hi.Rows = append(hi.Rows, htmlRow{label, []string{cell(e.GainFinding), cell(e.LoseFinding), cell(e.Reportability), cell(e.LeadTimeVerdict)}, total})
		}
		for i, e := range im.ByChange {
			if !e.Empty() {
				row(r.Changes[i].Swedish, e, false)
			}
		}
		if !im.Unattributed.Empty() {
			row(msg.DiffUnattributed, im.Unattributed, false)
		}
		row(msg.DiffTotal, im.Total, true)
		if im.Incomplete > 0 {
			hi.Incomplete = strings.TrimSpace(fmt.Sprintf(msg.SummaryIncomplete, msg.Int(im.Incomplete)))
		}
		if len(im.Rejected) > 0 {
			hi.RejectedTitle = strings.TrimSuffix(strings.TrimSpace(fmt.Sprintf(msg.TextRejectedHead, msg.Int(len(im.Rejected)))), ":")
			hi.RejectedHead = []string{msg.ColFile, msg.ColRow, msg.ColEpisode, msg.ColField, msg.ColReason}
			hi.Rejected = im.Rejected
		}
		v.Impact = hi
	}
	for _, f := range r.TextDiff {
		var lines []htmlLine
		for _, l := range strings.Split(strings.TrimSuffix(f.Unified, "\n"), "\n") {
			class := ""
			switch {
			case strings.HasPrefix(l, "@@"):
				class = "hunk"
			case strings.HasPrefix(l, "+"):
				class = "add"
			case strings.HasPrefix(l, "-"):
				class = "del"
			}
			lines = append(lines, htmlLine{class, l})
		}
		v.TextDiff = append(v.TextDiff, lines)
	}
	return v.write(w)
}

// write writes the page to w.
func (v *htmlView) write(w io.Writer) error {
	var p htmlw.Page
	p.Start(v.Title, htmlStyle)
	p.Raw("</h1>\n<p>")
	p.Text(v.Old)
	p.Raw("<br>")
	p.Text(v.New)
	p.Raw("</p>\n<p class=\"legend\">")
	p.Text(v.Status)
	if v.Hidden != "" {
		p.Raw("<br>")
		p.Text(v.Hidden)
	}
	p.Raw("</p>\n")
	for _, lv := range v.Levels {
		p.Raw("<section>\n")
		elemLine(&p, "h2", lv.Title)
		for _, g := range lv.Groups {
			heading(&p, "h3", g.Title)
			for _, sub := range g.Subs {
				heading(&p, "h4", sub.Title)
				p.Raw("<ul class=\"changes\">\n")
				for i := range sub.Items {
					sub.Items[i].write(&p)
				}
				p.Raw("</ul>\n")
			}
		}
		p.Raw("</section>\n")
	}
	if im := v.Impact; im != nil {
		im.write(&p)
	}
	if v.WithTextDiff {
		p.Raw("<section>\n")
		elemLine(&p, "h2", v.LineDiffTitle)
		if len(v.TextDiff) == 0 {
			elemLine(&p, "p", v.NoLineDiffers)
		}
		for _, lines := range v.TextDiff {
			p.Raw("<pre class=\"diff\">")
			for _, l := range lines {
				p.Raw("<span class=\"")
				p.Text(l.Class)
				p.Raw("\">")
				p.Text(l.Text)
				p.Raw("</span>\n")
			}
			p.Raw("</pre>\n")
		}
		p.Raw("</section>\n")
	}
	p.Raw("</body>\n</html>\n")
	_, err := p.WriteTo(w)
	return err
}

// elemLine writes an element of tag holding text on a line of its own.
func elemLine(p *htmlw.Page, tag, text string) {
	p.Elem(tag, text)
	p.Raw("\n")
}

// heading writes a heading of element el on a line of its own, nothing
// when its title is "" (a group or subgroup without one).
func heading(p *htmlw.Page, el, title string) {
	if title != "" {
		elemLine(p, el, title)
	}
}

// write writes the change as an item of its list.
func (it *htmlItem) write(p *htmlw.Page) {
	p.Raw("<li class=\"")
	p.Text(it.Level)
	p.Raw("\">")
	p.Text(it.Swedish)
	p.Raw(" ")
	p.Elem(`span class="id"`, it.ID)
	p.Raw("\n")
	if len(it.Spans) > 0 {
		p.Raw("<div class=\"text\">")
		for _, sp := range it.Spans {
			switch sp.Op {
			case Deleted:
				p.Elem("del", sp.Text)
			case Inserted:
				p.Elem("ins", sp.Text)
			default:
				p.Text(sp.Text)
			}
		}
		p.Raw("</div>\n")
	}
	if len(it.Lines) > 0 {
		p.Raw("<div class=\"text\">")
		for _, l := range it.Lines {
			p.Text(l)
			p.Raw("\n")
		}
		p.Raw("</div>\n")
	}
	if it.Where != "" {
		elemLine(p, `p class="where"`, it.Where)
	}
	if it.Episodes != "" {
		elemLine(p, `p class="episodes"`, it.Episodes)
	}
	p.Raw("</li>\n")
}

// write writes the section on the effect on episodes.
func (im *htmlImpact) write(p *htmlw.Page) {
	p.Raw("<section>\n")
	elemLine(p, "h2", im.Title)
	p.Raw("<p>")
	p.Text(im.Summary)
	if im.Incomplete != "" {
		p.Raw("<br>")
		p.Text(im.Incomplete)
	}
	p.Raw("</p>\n<table>\n")
	row(p, "th", im.Head)
	for _, r := range im.Rows {
		p.Raw("<tr")
		if r.Total {
			p.Raw(" class=\"total\"")
		}
		p.Raw(">")
		p.Elem("td", r.Label)
		for _, c := range r.Cells {
			p.Elem("td", c)
		}
		p.Raw("</tr>\n")
	}
	p.Raw("</table>\n")
	if len(im.Rejected) > 0 {
		elemLine(p, "h3", im.RejectedTitle)
		p.Raw("<table>\n")
		row(p, "th", im.RejectedHead)
		for _, r := range im.Rejected {
			row(p, "td", []string{r.File, strconv.Itoa(r.Row), r.Episode, r.FieldText, r.Reason})
		}
		p.Raw("</table>\n")
	}
	p.Raw("</section>\n")
}

// row writes a table row of cells of element el.
func row(p *htmlw.Page, el string, cells []string) {
	p.Raw("<tr>")
	for _, c := range cells {
		p.Elem(el, c)
	}
	p.Raw("</tr>\n")
}
