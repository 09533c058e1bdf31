// Package workbook writes xlsx workbooks the way svfrules' outputs want
// them (eval's and report's): each sheet streamed, its header row bold and
// frozen, an autofilter over it, columns as wide as their text, dates as
// dates, text never a formula, and the same bytes for the same content.
package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/runtime/escape"
	"github.com/xuri/excelize/v2"
)

// Book is a workbook being written sheet by sheet.
type Book struct {
	f                            *excelize.File
	head, date, decimal, percent int // styles
}

// New returns a workbook with the sheets named, in that order.
func New(sheets []string) (*Book, error) {
	f := excelize.NewFile()
	wb := &Book{f: f}
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
	decimalFmt, percentFmt := "0.0", `0.0" %"`
	if wb.decimal, err = f.NewStyle(&excelize.Style{CustomNumFmt: &decimalFmt}); err != nil {
		return nil, err
	}
	if wb.percent, err = f.NewStyle(&excelize.Style{CustomNumFmt: &percentFmt}); err != nil {
		return nil, err
	}
	return wb, nil
}

// Decimal is a cell's number shown with one decimal (with the reader's
// decimal sign: a comma in Swedish Excel).
type Decimal float64

// Percent is a cell's percentage (54.5 for 54,5 %), shown with one
// decimal and a percent sign.
type Percent float64

// maxWidth caps a column's width (in characters): longer text wraps
// only when the user asks for it.
const maxWidth = 80

// HeaderWidths returns the widths the header cells need.
func HeaderWidths(head []string) []int {
	w := make([]int, len(head))
	for i, h := range head {
		w[i] = utf8.RuneCountInString(h)
	}
	return w
}

// FitWidths widens widths to the cells'.
func FitWidths(widths []int, cells []string) {
	for i, c := range cells {
		if n := utf8.RuneCountInString(c); i < len(widths) && n > widths[i] {
			widths[i] = n
		}
	}
}

// Table writes a sheet of rows held in memory (the lists and counts).
func (wb *Book) Table(sheet string, head []string, rows [][]any) error {
	widths := HeaderWidths(head)
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
	return wb.Sheet(sheet, head, widths, func(row func([]any) error) error {
		for _, r := range rows {
			if err := row(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// Sheet writes a sheet: the header in bold, frozen, with an autofilter
// over the rows, the columns as wide as their widths, then the rows that
// body gives row. Text is written as text: a value starting with = is a
// string cell, never a formula.
func (wb *Book) Sheet(sheet string, head []string, widths []int, body func(row func([]any) error) error) error {
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
			case Decimal:
				vals[i] = excelize.Cell{StyleID: wb.decimal, Value: float64(v)}
			case Percent:
				vals[i] = excelize.Cell{StyleID: wb.percent, Value: float64(v)}
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

// Write writes the workbook to w. excelize writes the parts of the
// package in the order of a map; they are copied, still compressed, in
// the order of their names, so that the same input gives the same bytes.
func (wb *Book) Write(w io.Writer) error {
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

// DayTime is d as a time Excel shows as a date.
func DayTime(d compiler.Day) time.Time {
	return time.Unix(int64(d)*86400, 0).UTC()
}

// Close releases the workbook's temporary files.
func (wb *Book) Close() error { return wb.f.Close() }
