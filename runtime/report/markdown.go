package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// writeMarkdown writes the report as Markdown tables, in Swedish, with
// Swedish decimal commas.
func writeMarkdown(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("# Ledtidsrapport\n\n")
	for _, line := range introLines(r) {
		p("%s\n\n", mdEscape(line))
	}

	p("## Förlopp per vårdförlopp\n\n")
	p("| vårdförlopp | förlopp | rapporterbara | med fel | vanligaste fynd |\n")
	p("|---|--:|--:|--:|---|\n")
	for _, ps := range r.Pathways {
		p("| %s | %s | %s | %s | %s |\n", mdEscape(pathwayLabel(ps)), countText(ps.Episodes), countText(ps.Reportable),
			countText(ps.WithErrors), mdEscape(findingsText(ps.Findings)))
	}
	p("\n")
	if t := inclusionTextOf(r); t != nil {
		p("## %s\n\n%s\n\n", mdEscape(t.Title), mdEscape(t.Note))
		p("| %s |\n|---|---|---|--:|--:|--:|:-:|\n", strings.Join(t.Head, " | "))
		for _, row := range t.Rows {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = mdEscape(c)
			}
			p("| %s |\n", strings.Join(cells, " | "))
		}
		p("\n")
	}

	for _, sec := range sections(r) {
		p("## %s\n\n", mdEscape(sec.title))
		if len(sec.measures) == 0 {
			p("Inga ledtider i underlaget.\n\n")
			continue
		}
		head := []string{"ledtid"}
		align := []string{"---"}
		for _, d := range r.By {
			head = append(head, strings.ToLower(DimensionLabel(d)))
			align = append(align, "---")
		}
		head = append(head, "mål", "n", "inom mål", "andel inom", fmt.Sprintf("målet %d %% nått", r.Goal), "medel", "sd", "p10", "median", "p90", "undantagna")
		align = append(align, "--:", "--:", "--:", "--:", ":-:", "--:", "--:", "--:", "--:", "--:", "---")
		p("| %s |\n|%s|\n", strings.Join(head, " | "), strings.Join(align, "|"))
		for _, m := range sec.measures {
			cells := []string{mdEscape(measureTitle(m))}
			for _, g := range m.Group {
				cells = append(cells, mdEscape(g.Value))
			}
			target := ""
			if m.Level == LevelLeadTime {
				target = targetText(m.Target)
			}
			cells = append(cells, target, nText(m), withinText(m), shareText(m), metText(m),
				stat(m.Mean, m), stat(m.SD, m), stat(m.P10, m), stat(m.Median, m), stat(m.P90, m), mdEscape(excludedText(m)))
			p("| %s |\n", strings.Join(cells, " | "))
		}
		p("\n")
	}

	p("## Definitioner\n\n")
	p("| ledtid | vårdförlopp | från | till | mål |\n|---|---|---|---|--:|\n")
	for _, d := range r.Definitions {
		p("| %s (%s) | %s | %s | %s | %s |\n", mdEscape(d.Name), mdEscape(d.LeadTime), mdEscape(r.labelOf(d.Pathway, d.PathwayName)), mdEscape(d.From),
			mdEscape(strings.Join(d.To, ", ")), targetText(d.Target))
	}
	p("\n")
	for i, line := range methodLines(r) {
		if i > 0 {
			p("\n")
		}
		p("%s\n", mdEscape(line))
	}
	if len(r.LocalDefinitions) > 0 {
		p("\n")
		writeLocalMarkdown(p, r)
	}
	if tc := htmlToCorrectOf(r); tc.Note != "" {
		p("\n## Rader att rätta\n\n%s\n", mdEscape(tc.Note))
		if len(tc.Incomplete) > 0 {
			p("\n| ofullständigt förlopp | första rad | avvisade rader |\n|---|---|--:|\n")
			for _, in := range tc.Incomplete {
				p("| %s | %s | %s |\n", mdEscape(in.Episode), mdEscape(in.Place), in.Rows)
			}
		}
		if len(tc.Rejected) > 0 {
			p("\n| avvisad rad | förlopp | fält | orsak |\n|---|---|---|---|\n")
			for _, rej := range tc.Rejected {
				p("| %s | %s | %s | %s |\n", mdEscape(rej.Place), mdEscape(rej.Episode), mdEscape(rej.Field), mdEscape(rej.Reason))
			}
		}
	}
	return bw.Flush()
}

// mdEscape keeps text from the data from being read as Markdown or HTML:
// table pipes, emphasis, links, code and tags are escaped, line breaks
// become spaces.
func mdEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch c {
		case '\\', '|', '*', '_', '`', '[', ']', '#':
			b.WriteByte('\\')
			b.WriteRune(c)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\n', '\r':
			b.WriteByte(' ')
		default:
			b.WriteRune(c)
		}
	}
	return b.String()
}
