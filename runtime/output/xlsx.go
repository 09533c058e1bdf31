package output

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/internal/workbook"
	"github.com/rcc/svfrules/runtime"
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
const xlsxFindingCells = 10

func (xlsxRenderer) WantsLists() bool { return true }

func (xlsxRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	if r.Result.Incomplete || len(r.Result.Findings) == 0 {
		return // incomplete episodes are in Summary.Lists
	}
	pathway, key := msg.UnknownPathway, runtime.UnknownPathwayKey
	if p := r.Result.Pathway; p != nil {
		pathway, key = p.Label(), p.Key
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
			writeCode(&codes, ev.Code)
			if j+1 < len(f.Events) && samePlace(r, e, f.Events[j+1]) {
				continue // the place follows the last code on it
			}
			codes.WriteString(" (")
			writePlace(&codes, r.In.EventFile(e), ev.Row)
			codes.WriteByte(')')
		}
		if len(f.Events) == 0 {
			writePlace(&codes, r.In.File, r.In.FirstRow)
		}
		for _, cell := range [xlsxFindingCells]string{r.In.ID, pathway, f.Rule.Severity.Describe(), f.Rule.Message,
			codes.String(), f.Rule.Name, f.Rule.ID, strconv.Itoa(findingRow(r, f)), f.Rule.Section, key} {
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
	wb, err := workbook.New(w, []string{sheetSummary, sheetFindings, sheetIncomplete, sheetOverTarget, sheetByRule, sheetByPathway})
	if err != nil {
		return err
	}

	// Fynd: widths from a first pass over the records.
	head := []string{msg.ColEpisode, msg.ColPathway, msg.ColSeverity, msg.ColMessage, msg.ColCodesRows, msg.ColRule, msg.ColRuleID, msg.ColRow, msg.ColSection}
	widths := workbook.HeaderWidths(head)
	cells := make([]string, xlsxFindingCells)
	br := bufio.NewReaderSize(rs, 1<<16)
	for {
		if err := readRecord(br, cells); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		workbook.FitWidths(widths, cells[:len(head)])
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
	err = wb.Sheet(sheetFindings, head, widths, func(row func([]any) error) error {
		vals := make([]any, len(head))
		for {
			if err := readRecord(br, cells); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
			if first || cells[0] != lastEpisode || cells[9] != lastPathway {
				withFindings[cells[9]]++ // by key
				lastEpisode, lastPathway, first = cells[0], cells[9], false
			}
			for i, c := range cells[:7] {
				vals[i] = c
			}
			n, _ := strconv.Atoi(cells[7])
			vals[7] = n
			vals[8] = cells[8]
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
	return wb.Close()
}

// summarySheet writes Sammanfattning: what the text summary says, one
// figure a row.
func (x xlsxRenderer) summarySheet(wb *workbook.Book, sum *runtime.Summary) error {
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
		// As the text summary says it: the rule by name (its id beside
		// it), the attributes in Swedish, not the bare ids.
		label := u.Label
		if label == "" {
			label = u.Rule
		}
		rows = append(rows, []any{msg.SumUnchecked, label + ": " + u.MissingText() + " (" + strings.Join(u.Files, ", ") + ")"})
	}
	for _, p := range sum.CaseIDs {
		rows = append(rows, []any{msg.SumCaseIDs, fmt.Sprintf(msg.SumCaseIDPair, p[0].ID, p[0].File, p[0].Row, p[1].ID, p[1].File, p[1].Row)})
	}
	for _, note := range summaryNotes(sum) {
		rows = append(rows, []any{msg.SumNote, note})
	}
	return wb.Table(sheetSummary, []string{msg.ColWhat, msg.ColValue}, rows)
}

// summaryNotes returns the text summary's notes that say a verdict may
// change or a column was not read, in its words: a coordinator who opens
// only the workbook must be told as much as one who reads the terminal.
func summaryNotes(sum *runtime.Summary) []string {
	line := func(format string, a ...any) string {
		return strings.TrimSpace(fmt.Sprintf(format, a...))
	}
	var notes []string
	if sum.Grouped {
		notes = append(notes, strings.Trim(line(msg.SummaryGrouped), "()"))
		noID := 0
		for i := range sum.Rejected {
			if sum.Rejected[i].NoID() {
				noID++
			}
		}
		if noID > 0 {
			notes = append(notes, line(msg.SummaryGroupedNoID, msg.Int(noID)))
		}
	}
	for _, fc := range sum.Columns {
		for _, h := range fc.Unused {
			notes = append(notes, fc.File+": "+line(msg.SummaryUnused, h, fc.ColumnArg(h)))
		}
	}
	switch {
	case sum.RowsDateOrder == 1:
		notes = append(notes, line(msg.SummaryDateOrderOne))
	case sum.RowsDateOrder > 1:
		notes = append(notes, line(msg.SummaryDateOrder, sum.RowsDateOrder))
	}
	return notes
}

// incompleteSheet writes the incomplete episodes, then every rejected
// row.
func incompleteSheet(wb *workbook.Book, sum *runtime.Summary) error {
	var rows [][]any
	if sum.Lists != nil {
		for _, in := range sum.Lists.Incomplete {
			rows = append(rows, []any{msg.KindIncomplete, in.Episode, in.File, in.FirstRow, "", incompleteXLSX(in.RejectedRows)})
		}
	}
	for _, r := range sum.Rejected {
		rows = append(rows, []any{msg.KindRejected, r.Episode, r.File, r.Row, r.FieldText(), r.Reason})
	}
	return wb.Table(sheetIncomplete, []string{msg.ColKind, msg.ColEpisode, msg.ColFile, msg.ColRow, msg.ColField, msg.ColReason}, rows)
}

// overTargetSheet writes the lead times over target, with their dates as
// dates.
func overTargetSheet(wb *workbook.Book, sum *runtime.Summary) error {
	var rows [][]any
	if sum.Lists != nil {
		for _, o := range sum.Lists.OverTarget {
			rows = append(rows, []any{o.Episode, o.PathwayLabel, o.Name, o.LeadTime, o.From, workbook.DayTime(o.FromDate), o.To, workbook.DayTime(o.ToDate),
				o.Days, o.Target, o.Days - o.Target, o.File, o.Row})
		}
	}
	return wb.Table(sheetOverTarget, []string{msg.ColEpisode, msg.ColPathway, msg.ColLeadTime, msg.ColLeadTimeID, msg.ColFromCode, msg.ColFromDate,
		msg.ColToCode, msg.ColToDate, msg.ColDays, msg.ColTarget, msg.ColOver, msg.ColFile, msg.ColRow}, rows)
}

// byRuleSheet writes one row per rule and episode, the rule with the
// most episodes first.
func byRuleSheet(wb *workbook.Book, sum *runtime.Summary) error {
	var rows [][]any
	if sum.Lists != nil {
		for _, re := range sum.Lists.ByRule {
			for _, ep := range re.Episodes {
				rows = append(rows, []any{re.Rule.Name, re.ID, re.Rule.Severity.Describe(), re.Rule.Message, len(re.Episodes), ep})
			}
		}
	}
	return wb.Table(sheetByRule, []string{msg.ColRule, msg.ColRuleID, msg.ColSeverity, msg.ColMessage, msg.ColEpisodesN, msg.ColEpisode}, rows)
}

// byPathwaySheet writes per pathway the episodes, those with findings
// and the lead times over target, in the guide's order.
func (x xlsxRenderer) byPathwaySheet(wb *workbook.Book, sum *runtime.Summary, withFindings map[string]int) error {
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
			add(p.Key, p.Label())
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
	return wb.Table(sheetByPathway, []string{msg.ColPathway, msg.ColEpisodesN, msg.ColWithFindings, msg.ColOverTargetN}, rows)
}

// incompleteXLSX is the message of an incomplete episode's row, in the
// singular for one rejected row. It names the rows (file:row): a row
// without an id has an empty Förlopp cell, so filtering the sheet on the
// episode would hide it.
func incompleteXLSX(rows []string) string {
	if len(rows) == 1 {
		return fmt.Sprintf(msg.IncompleteXLSXOne, rows[0])
	}
	return fmt.Sprintf(msg.IncompleteXLSX, len(rows), strings.Join(rows, ", "))
}
