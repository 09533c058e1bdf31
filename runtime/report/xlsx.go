package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/internal/workbook"
)

// writeXLSX writes the report as a workbook with one sheet per table of
// the HTML page, built from the same page (htmlPageOf), so its cells are
// the page's: a hidden cell is "–" in both. Figures become numbers
// (shares in percent, one decimal), so that Excel can sort and sum them.
func writeXLSX(w io.Writer, r *Report) error {
	page := htmlPageOf(r)
	type sheet struct {
		name string
		head []string
		rows [][]any
	}
	sheets := []sheet{{name: msg.SheetAbout, head: []string{msg.ColText}}}
	about := &sheets[0]
	about.rows = append(about.rows, []any{page.Title})
	for _, line := range page.Intro {
		about.rows = append(about.rows, []any{line})
	}
	about.rows = append(about.rows, []any{page.Legend})
	for _, line := range page.Method {
		about.rows = append(about.rows, []any{line})
	}

	pw := sheet{name: msg.SheetPathways, head: []string{msg.ColPathway, msg.SumEpisodes, msg.ColReportable, msg.ColWithErrors, msg.ColTopFindings}}
	for _, p := range page.Pathways {
		pw.rows = append(pw.rows, []any{p.Label, cellValue(p.Episodes), cellValue(p.Reportable), cellValue(p.WithErrors), p.Findings})
	}
	sheets = append(sheets, pw)

	if t := page.Inclusion; t != nil {
		// The note goes to the sheet about the report; the period stays
		// text (2024 is a year, not a number to add up).
		about.rows = append(about.rows, []any{t.Title + ": " + t.Note})
		s := sheet{name: msg.SheetInclusion, head: t.Head}
		for _, row := range t.Rows {
			s.rows = append(s.rows, []any{row[0], row[1], row[2], cellValue(row[3]), cellValue(row[4]), cellValue(row[5]), row[6]})
		}
		sheets = append(sheets, s)
	}

	used := map[string]bool{msg.SheetAbout: true, msg.SheetPathways: true, msg.SheetDefinitions: true, msg.SheetToCorrect: true, msg.SheetInclusion: true}
	for _, sec := range page.Sections {
		if sec.Local {
			s := sheet{name: sheetName(sec.Title, used), head: sec.LocalHead}
			for _, row := range sec.Rows {
				s.rows = append(s.rows, []any{row.Title, row.Pathway, row.Target, cellValue(row.N), cellValue(row.Within), cellValue(row.Share),
					cellValue(row.Mean), cellValue(row.SD), cellValue(row.P10), cellValue(row.Median), cellValue(row.P90)})
			}
			sheets = append(sheets, s)
			continue
		}
		head := []string{msg.ColLeadTime}
		head = append(head, page.GroupHeads...)
		head = append(head, msg.ColReportTarget, msg.ColN, msg.ColWithin, msg.ColShare, fmt.Sprintf(msg.ColGoalMet, page.Goal),
			msg.ColMean, msg.ColSD, msg.ColP10, msg.ColMedian, msg.ColP90, msg.ColExcluded)
		s := sheet{name: sheetName(sec.Title, used), head: head}
		for _, row := range sec.Rows {
			cells := []any{row.Title}
			for _, g := range row.Group {
				cells = append(cells, g)
			}
			cells = append(cells, row.Target, cellValue(row.N), cellValue(row.Within), cellValue(row.Share), row.Met,
				cellValue(row.Mean), cellValue(row.SD), cellValue(row.P10), cellValue(row.Median), cellValue(row.P90), row.Excluded)
			s.rows = append(s.rows, cells)
		}
		sheets = append(sheets, s)
	}

	defs := sheet{name: msg.SheetDefinitions, head: []string{msg.ColLeadTime, msg.ColPathway, msg.ColFrom, msg.ColTo, msg.ColReportTarget}}
	for _, d := range page.Definitions {
		defs.rows = append(defs.rows, []any{d.ID + ": " + d.Name, d.Pathway, d.From, d.To, d.Target})
	}
	sheets = append(sheets, defs)

	if tc := page.ToCorrect; tc.Note != "" {
		s := sheet{name: msg.SheetToCorrect, head: []string{msg.ColKind, msg.ColEpisode, msg.ColRow, msg.ColRejectedRows, msg.ColField, msg.ColReason}}
		for _, in := range tc.Incomplete {
			s.rows = append(s.rows, []any{msg.KindIncomplete, in.Episode, in.Place, cellValue(in.Rows), "", ""})
		}
		for _, rej := range tc.Rejected {
			s.rows = append(s.rows, []any{msg.KindRejected, rej.Episode, rej.Place, "", rej.Field, rej.Reason})
		}
		sheets = append(sheets, s)
	}

	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = s.name
	}
	wb, err := workbook.New(w, names)
	if err != nil {
		return err
	}
	for _, s := range sheets {
		if err := wb.Table(s.name, s.head, s.rows); err != nil {
			return err
		}
	}
	return wb.Close()
}

// cellValue is a figure of the page as a cell: "12" a number, "54,5" a
// decimal, "54,5 %" a percentage, "1 234" (grouped, msg.Int) a number
// again; anything else ("–", "") as written.
func cellValue(s string) any {
	if g := strings.ReplaceAll(s, msg.ThousandsSep, ""); g != s {
		if v, text := cellValue(g).(string); !text || v != g {
			return cellValue(g) // a figure: a number in the cell
		}
		return s
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	t, percent := strings.CutSuffix(s, " %")
	if x, err := strconv.ParseFloat(strings.Replace(t, ",", ".", 1), 64); err == nil && strings.Contains(t, ",") {
		if percent {
			return workbook.Percent(x)
		}
		return workbook.Decimal(x)
	}
	return s
}

// sheetName makes title a sheet name Excel accepts (at most 31
// characters, none of : \ / ? * [ ]) that no other sheet has.
func sheetName(title string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, title)
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	base := []rune(name)
	for i := 2; used[name]; i++ {
		suffix := " " + strconv.Itoa(i)
		name = string(base[:min(len(base), 31-len(suffix))]) + suffix
	}
	used[name] = true
	return name
}
