package output

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/escape"
)

// xlsxRenderer writes eval's results as a workbook (Excel's streaming
// writer, so a sheet is never held in memory): a summary, one row per
// finding, the incomplete episodes and rejected rows, the lead times
// over target, the findings by rule and the episodes by pathway.
//
// Episode writes each finding as a record (the cells, each a length and
// its bytes) to the spool; Wrap reads the records twice, once for the
// columns' widths (the streaming writer wants them before the first
// row) and once to write them.
type xlsxRenderer struct {
	guide *compiler.Guide
}

// xlsxFindingCells are the cells of a Fynd row as Episode records them.
const xlsxFindingCells = 8

func (xlsxRenderer) WantsLists() bool { return true }

func (xlsxRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	if r.Result.Incomplete || len(r.Result.Findings) == 0 {
		return // incomplete episodes are in Summary.Lists
	}
	pathway, key := msg.UnknownPathway, runtime.UnknownPathwayKey
	if p := r.Result.Pathway; p != nil {
		pathway, key = p.Name, p.Key
	}
	var codes bytes.Buffer
	for i := range r.Result.Findings {
		f := &r.Result.Findings[i]
		codes.Reset()
		for j, e := range f.Events {
			if j > 0 {
				codes.WriteString(", ")
			}
			ev := r.In.Events[e]
			codes.WriteString(ev.Code)
			codes.WriteString(" (")
			writePlace(&codes, r.In.File, ev.Row)
			codes.WriteByte(')')
		}
		if len(f.Events) == 0 {
			writePlace(&codes, r.In.File, r.In.FirstRow)
		}
		for _, cell := range [xlsxFindingCells]string{r.In.ID, pathway, f.Rule.Severity.Describe(), f.Rule.Message,
			codes.String(), f.Rule.ID, strconv.Itoa(findingRow(r, f)), key} {
			writeRecordCell(buf, cell)
		}
	}
}

// writeRecordCell writes a cell of a record: its length, then its bytes.
func writeRecordCell(buf *bytes.Buffer, s string) {
	var n [binary.MaxVarintLen64]byte
	buf.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	buf.WriteString(s)
}

// readRecord reads a record of n cells into cells; io.EOF at its start
// ends the records.
func readRecord(r *bufio.Reader, cells []string) error {
	for i := range cells {
		n, err := binary.ReadUvarint(r)
		if err != nil {
			if i == 0 && err == io.EOF {
				return io.EOF
			}
			return fmt.Errorf("%s: %w", msg.XLSXSpool, err)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return fmt.Errorf("%s: %w", msg.XLSXSpool, err)
		}
		cells[i] = string(b)
	}
	return nil
}

// The sheets of eval's workbook, in order.
var (
	sheetSummary    = msg.SheetSummary
	sheetFindings   = msg.SheetFindings
	sheetIncomplete = msg.SheetIncomplete
	sheetOverTarget = msg.SheetOverTarget
	sheetByRule     = msg.SheetByRule
	sheetByPathway  = msg.SheetByPathway
)

// Wrap writes the workbook.
func (x xlsxRenderer) Wrap(sum *runtime.Summary, episodes io.Reader, w io.Writer) error {
	rs, ok := episodes.(io.ReadSeeker)
	if !ok {
		return errors.New(msg.XLSXSpool)
	}
	wb, err := newWorkbook([]string{sheetSummary, sheetFindings, sheetIncomplete, sheetOverTarget, sheetByRule, sheetByPathway})
	if err != nil {
		return err
	}
	defer wb.f.Close()

	// Fynd: widths from a first pass over the records.
	head := []string{msg.ColEpisode, msg.ColPathway, msg.ColSeverity, msg.ColMessage, msg.ColCodesRows, msg.ColRuleID, msg.ColRow}
	widths := headerWidths(head)
	cells := make([]string, xlsxFindingCells)
	br := bufio.NewReaderSize(rs, 1<<16)
	for {
		if err := readRecord(br, cells); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		fitWidths(widths, cells[:len(head)])
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("%s: %w", msg.XLSXSpool, err)
	}
	br.Reset(rs)
	// Per vårdförlopp counts the episodes with findings as the records
	// go by (an episode's findings are adjacent).
	withFindings := map[string]int{}
	lastEpisode, lastPathway := "", ""
	first := true
	err = wb.sheet(sheetFindings, head, widths, func(row func([]any) error) error {
		vals := make([]any, len(head))
		for {
			if err := readRecord(br, cells); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
			if first || cells[0] != lastEpisode || cells[7] != lastPathway {
				withFindings[cells[7]]++ // by key
				lastEpisode, lastPathway, first = cells[0], cells[7], false
			}
			for i, c := range cells[:6] {
				vals[i] = c
			}
			n, _ := strconv.Atoi(cells[6])
			vals[6] = n
			if err := row(vals); err != nil {
				return err
			}
		}
	})
	if err != nil {
		return err
	}
	if err := x.summarySheet(wb, sum); err != nil {
		return err
	}
	if err := incompleteSheet(wb, sum); err != nil {
		return err
	}
	if err := overTargetSheet(wb, sum); err != nil {
		return err
	}
	if err := byRuleSheet(wb, sum); err != nil {
		return err
	}
	if err := x.byPathwaySheet(wb, sum, withFindings); err != nil {
		return err
	}
	return wb.write(w)
}

// summarySheet writes Sammanfattning: what the text summary says, one
// figure a row.
func (x xlsxRenderer) summarySheet(wb *workbook, sum *runtime.Summary) error {
	findings := 0
	for _, n := range sum.FindingsByRule {
		findings += n
	}
	rows := [][]any{
		{msg.SumGuide, sum.Guide},
		{msg.SumRowsRead, sum.RowsRead},
		{msg.SumRowsEvaluated, sum.RowsEvaluated},
		{msg.SumRowsIncomplete, sum.RowsIncomplete},
		{msg.SumRowsRejected, sum.RowsRejected},
		{msg.SumRowsBlank, sum.RowsBlank},
		{msg.SumEpisodes, sum.Episodes},
		{msg.SumEpisodesWithErrors, sum.EpisodesWithErrors},
		{msg.SumReportable, sum.Reportable},
		{msg.SumEpisodesIncomplete, sum.EpisodesIncomplete},
		{msg.SumFindings, findings},
	}
	if sum.Lists != nil {
		rows = append(rows, []any{msg.SumOverTarget, len(sum.Lists.OverTarget)})
	}
	for _, u := range sum.Unchecked {
		rows = append(rows, []any{msg.SumUnchecked, u.Rule + ": " + strings.Join(u.Missing, ", ") + " (" + strings.Join(u.Files, ", ") + ")"})
	}
	return wb.table(sheetSummary, []string{msg.ColWhat, msg.ColValue}, rows)
}

// incompleteSheet writes the incomplete episodes, then every rejected
// row.
func incompleteSheet(wb *workbook, sum *runtime.Summary) error {
	var rows [][]any
	if sum.Lists != nil {
		for _, in := range sum.Lists.Incomplete {
			rows = append(rows, []any{msg.KindIncomplete, in.Episode, in.File, in.FirstRow, "", fmt.Sprintf(msg.IncompleteXLSX, in.Rejected)})
		}
	}
	for _, r := range sum.Rejected {
		rows = append(rows, []any{msg.KindRejected, "", r.File, r.Row, r.Field, r.Reason})
	}
	return wb.table(sheetIncomplete, []string{msg.ColKind, msg.ColEpisode, msg.ColFile, msg.ColRow, msg.ColField, msg.ColReason}, rows)
}

// overTargetSheet writes the lead times over target, with their dates as
// dates.
func overTargetSheet(wb *workbook, sum *runtime.Summary) error {
	var rows [][]any
	if sum.Lists != nil {
		for _, o := range sum.Lists.OverTarget {
			rows = append(rows, []any{o.Episode, o.PathwayName, o.Name, o.From, dayTime(o.FromDate), o.To, dayTime(o.ToDate),
				o.Days, o.Target, o.Days - o.Target, o.File, o.Row})
		}
	}
	return wb.table(sheetOverTarget, []string{msg.ColEpisode, msg.ColPathway, msg.ColLeadTime, msg.ColFromCode, msg.ColFromDate,
		msg.ColToCode, msg.ColToDate, msg.ColDays, msg.ColTarget, msg.ColOver, msg.ColFile, msg.ColRow}, rows)
}

// byRuleSheet writes one row per rule and episode, the rule with the
// most episodes first.
func byRuleSheet(wb *workbook, sum *runtime.Summary) error {
	var rows [][]any
	if sum.Lists != nil {
		for _, re := range sum.Lists.ByRule {
			for _, ep := range re.Episodes {
				rows = append(rows, []any{re.ID, re.Rule.Severity.Describe(), re.Rule.Message, len(re.Episodes), ep})
			}
		}
	}
	return wb.table(sheetByRule, []string{msg.ColRuleID, msg.ColSeverity, msg.ColMessage, msg.ColEpisodesN, msg.ColEpisode}, rows)
}

// byPathwaySheet writes per pathway the episodes, those with findings
// and the lead times over target, in the guide's order.
func (x xlsxRenderer) byPathwaySheet(wb *workbook, sum *runtime.Summary, withFindings map[string]int) error {
	over := map[string]int{}
	if sum.Lists != nil {
		for _, o := range sum.Lists.OverTarget {
			over[o.Pathway]++
		}
	}
	var rows [][]any
	seen := map[string]bool{}
	add := func(key, name string) {
		if n, ok := sum.EpisodesByPathway[key]; ok {
			rows = append(rows, []any{name, n, withFindings[key], over[key]})
			seen[key] = true
		}
	}
	if x.guide != nil {
		for _, p := range x.guide.Pathways {
			add(p.Key, p.Name)
		}
	}
	keys := make([]string, 0, len(sum.EpisodesByPathway))
	for k := range sum.EpisodesByPathway {
		if !seen[k] {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		name := k
		if k == runtime.UnknownPathwayKey {
			name = msg.UnknownPathway
		}
		add(k, name)
	}
	return wb.table(sheetByPathway, []string{msg.ColPathway, msg.ColEpisodesN, msg.ColWithFindings, msg.ColOverTargetN}, rows)
}

// dayTime is d as a time Excel shows as a date.
func dayTime(d compiler.Day) time.Time {
	return time.Unix(int64(d)*86400, 0).UTC()
}

// workbook is a workbook being written sheet by sheet.
type workbook struct {
	f          *excelize.File
	head, date int // styles
}

// newWorkbook returns a workbook with the sheets named, in that order.
func newWorkbook(sheets []string) (*workbook, error) {
	f := excelize.NewFile()
	wb := &workbook{f: f}
	if err := f.SetSheetName("Sheet1", sheets[0]); err != nil {
		return nil, err
	}
	for _, s := range sheets[1:] {
		if _, err := f.NewSheet(s); err != nil {
			return nil, err
		}
	}
	var err error
	if wb.head, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return nil, err
	}
	dateFmt := "yyyy-mm-dd"
	if wb.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return nil, err
	}
	return wb, nil
}

// maxWidth caps a column's width (in characters): longer text wraps
// only when the user asks for it.
const maxWidth = 80

// headerWidths returns the widths the header cells need.
func headerWidths(head []string) []int {
	w := make([]int, len(head))
	for i, h := range head {
		w[i] = utf8.RuneCountInString(h)
	}
	return w
}

// fitWidths widens widths to the cells'.
func fitWidths(widths []int, cells []string) {
	for i, c := range cells {
		if n := utf8.RuneCountInString(c); i < len(widths) && n > widths[i] {
			widths[i] = n
		}
	}
}

// table writes a sheet of rows held in memory (the lists and counts).
func (wb *workbook) table(sheet string, head []string, rows [][]any) error {
	widths := headerWidths(head)
	for _, r := range rows {
		for i, v := range r {
			n := 10 // a date or a number
			if s, ok := v.(string); ok {
				n = utf8.RuneCountInString(s)
			}
			if n > widths[i] {
				widths[i] = n
			}
		}
	}
	return wb.sheet(sheet, head, widths, func(row func([]any) error) error {
		for _, r := range rows {
			if err := row(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// sheet writes a sheet: the header in bold, frozen, with an autofilter
// over the rows, the columns as wide as their widths, then the rows that
// body gives row. Text is written as text: a value starting with = is a
// string cell, never a formula.
func (wb *workbook) sheet(sheet string, head []string, widths []int, body func(row func([]any) error) error) error {
	sw, err := wb.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, float64(min(w, maxWidth)+2)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	hv := make([]any, len(head))
	for i, h := range head {
		hv[i] = excelize.Cell{StyleID: wb.head, Value: h}
	}
	if err := sw.SetRow("A1", hv); err != nil {
		return err
	}
	n := 1
	vals := make([]any, len(head))
	err = body(func(r []any) error {
		n++
		for i, v := range r {
			switch v := v.(type) {
			case time.Time:
				vals[i] = excelize.Cell{StyleID: wb.date, Value: v}
			case string:
				vals[i] = cellText(v)
			default:
				vals[i] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		return sw.SetRow(cell, vals[:len(r)])
	})
	if err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(head), n)
	if err := wb.f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	return sw.Flush()
}

// cellText is a value from the data as a cell's text: without the
// characters a terminal or an XML file cannot carry (escape.Printable
// writes them as escapes, as the text format does). The stream writer
// stores it as an inline string, which no spreadsheet program runs.
func cellText(s string) string {
	return escape.Printable(s)
}

// write writes the workbook to w. excelize writes the parts of the
// package in the order of a map; they are copied, still compressed, in
// the order of their names, so that the same input gives the same bytes.
func (wb *workbook) write(w io.Writer) error {
	var buf bytes.Buffer
	if _, err := wb.f.WriteTo(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	zw := zip.NewWriter(w)
	for _, f := range files {
		if err := zw.Copy(f); err != nil {
			return err
		}
	}
	return zw.Close()
}
