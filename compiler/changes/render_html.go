package changes

import (
	"fmt"
	"html/template"
	"io"
	"strings"
)

// The page carries its own style and nothing else: no scripts, fonts,
// images or links, so it can be mailed or archived as one file.
var htmlPage = template.Must(template.New("diff").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>svfrules diff: {{.From.Version}} → {{.To.Version}}</title>
<style>
body { font-family: sans-serif; margin: 2em; max-width: 60em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; border-bottom: 1px solid #ccc; margin-top: 1.5em; } h3 { font-size: 1em; margin-bottom: 0.3em; }
ul.changes { list-style: none; padding-left: 0; }
ul.changes li { margin: 0.4em 0 0.8em 0; padding-left: 0.6em; border-left: 4px solid #ccc; }
li.action { border-left-color: #c0392b; } li.review { border-left-color: #e0a800; } li.info { border-left-color: #7f8c8d; }
.level { font-weight: bold; text-transform: uppercase; font-size: 0.8em; }
.sv, .where, .episodes { margin: 0.2em 0; font-size: 0.9em; color: #444; }
.text { white-space: pre-wrap; background: #f7f7f7; padding: 0.4em; margin: 0.3em 0; }
del { background: #fdd; color: #900; } ins { background: #dfd; color: #060; text-decoration: none; }
pre.diff { background: #f7f7f7; padding: 0.6em; overflow-x: auto; }
pre.diff .add { color: #060; } pre.diff .del { color: #900; } pre.diff .hunk { color: #06c; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; }
</style>
</head>
<body>
<h1>Guide {{.From.Version}} ({{.From.Date}}) → {{.To.Version}} ({{.To.Date}})</h1>
<p>old: {{.From.Rules}}<br>new: {{.To.Rules}}</p>
<p class="status">{{.Status}}</p>
{{range .Groups}}<h2>{{.Title}}</h2>
{{range .Subs}}{{if .Title}}<h3>{{.Title}}</h3>
{{end}}<ul class="changes">
{{range .Items}}<li class="{{.Level}}"><span class="level">{{.Level}}</span> <code>{{.ID}}</code>: {{.Message}}
<p class="sv" lang="sv">{{.Swedish}}</p>
{{if .Spans}}<div class="text">{{range .Spans}}{{if eq .Op 1}}<del>{{.Text}}</del>{{else if eq .Op 2}}<ins>{{.Text}}</ins>{{else}}{{.Text}}{{end}}{{end}}</div>
{{end}}{{if .Lines}}<div class="text">{{range .Lines}}{{.}}
{{end}}</div>
{{end}}<p class="where">{{.Where}}</p>
{{if .Episodes}}<p class="episodes">episodes: {{.Episodes}}</p>
{{end}}</li>
{{end}}</ul>
{{end}}{{end}}{{with .Impact}}<h2>Episodes</h2>
<p>{{.Summary}}</p>
<table>
<tr><th>change</th><th>gain an error</th><th>lose an error</th><th>change reportability</th><th>change lead time</th></tr>
{{range .Rows}}<tr><td>{{.Label}}</td>{{range .Cells}}<td>{{.}}</td>{{end}}</tr>
{{end}}</table>
{{end}}{{if .WithTextDiff}}<h2>Line diff of the rule files</h2>
{{if not .TextDiff}}<p>No line differs.</p>
{{end}}{{range .TextDiff}}<pre class="diff">{{range .}}<span class="{{.Class}}">{{.Text}}</span>
{{end}}</pre>
{{end}}{{end}}</body>
</html>
`))

type htmlView struct {
	From, To     Side
	Status       string
	Groups       []*htmlGroup
	Impact       *htmlImpact
	WithTextDiff bool
	TextDiff     [][]htmlLine
}

type htmlGroup struct {
	Title string
	Subs  []*htmlSub
}

type htmlSub struct {
	Title string
	Items []htmlItem
}

type htmlItem struct {
	Level, ID, Message, Swedish, Where, Episodes string
	Spans                                        []Span
	Lines                                        []string
}

type htmlImpact struct {
	Summary string
	Rows    []htmlRow
}

type htmlRow struct {
	Label string
	Cells []string
}

type htmlLine struct {
	Class, Text string
}

// WriteHTML writes the report as one self-contained HTML page: the same
// content as the text, with changed texts shown word by word (<del> and
// <ins>), the Swedish change-log line of each change, the effect on
// episodes and the line diff when asked for.
func WriteHTML(w io.Writer, r *Report) error {
	v := htmlView{From: r.From, To: r.To, Status: statusLine(r), WithTextDiff: r.WithTextDiff}
	var g *htmlGroup
	var sub *htmlSub
	for i := range r.Changes {
		c := &r.Changes[i]
		if g == nil || c.group != g.Title {
			g = &htmlGroup{Title: c.group}
			v.Groups = append(v.Groups, g)
			sub = nil
		}
		if s := subgroup(c); sub == nil || s != sub.Title {
			sub = &htmlSub{Title: s}
			g.Subs = append(g.Subs, sub)
		}
		it := htmlItem{Level: c.Level.String(), ID: c.ID, Message: c.Message, Swedish: c.Swedish, Where: places(c)}
		switch {
		case c.Prose():
			it.Spans = WordDiff(c.Old, c.New)
		case strings.Contains(c.Old, "\n") || strings.Contains(c.New, "\n"):
			it.Lines = lineChanges(c.Old, c.New)
		}
		if r.Impact != nil && i < len(r.Impact.ByChange) && !r.Impact.ByChange[i].Empty() {
			it.Episodes = effectWords(r.Impact.ByChange[i])
		}
		sub.Items = append(sub.Items, it)
	}
	if im := r.Impact; im != nil {
		hi := &htmlImpact{Summary: impactSummary(im)}
		row := func(label string, e Effect) {
			cell := func(x Episodes) string {
				if x.N == 0 {
					return "0"
				}
				return fmt.Sprintf("%d (%s)", x.N, examples(x))
			}
			hi.Rows = append(hi.Rows, htmlRow{label, []string{cell(e.GainError), cell(e.LoseError), cell(e.Reportability), cell(e.LeadTime)}})
		}
		for i, e := range im.ByChange {
			if !e.Empty() {
				row(changeLabel(&r.Changes[i]), e)
			}
		}
		if !im.Unattributed.Empty() {
			row("not explained by a listed change", im.Unattributed)
		}
		row("total", im.Total)
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
	return htmlPage.Execute(w, v)
}
