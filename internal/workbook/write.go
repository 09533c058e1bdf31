// Package workbook writes and reads xlsx workbooks, the way svfrules
// wants them. The writer (Book) streams each sheet into the package as
// its rows come: the header row bold and frozen, an autofilter over it,
// columns as wide as their text, dates as dates, text never a formula,
// and the same bytes for the same content. The reader (Open) gives a
// sheet's rows as the text Excel shows, for the episode readers and the
// inclusion base.
//
// Both are our own code on archive/zip rather than excelize: linking
// excelize cost every run of every command some 14 ms at start-up (its
// package initialisation compiles regular expressions and builds tables
// of number formats, 21 000 allocations), more than the whole start-up
// budget, for the few parts of the format used here. The tests keep
// excelize as the oracle: they read what Book writes and write the
// workbooks Open reads with it. The reader reads the XML with its own
// scanner (scan.go), not encoding/xml, whose package initialisation
// every run paid for too; the tests keep encoding/xml as the scanner's
// oracle.
package workbook

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime/escape"
)

// Excel's bounds: rows a sheet, characters a cell.
const (
	maxRows      = 1 << 20
	maxCellChars = 32767
)

// The cell styles of styles.xml, by their index in cellXfs.
const (
	styleHead    = 1 // bold
	styleDate    = 2 // yyyy-mm-dd
	styleDecimal = 3 // 0.0
	stylePercent = 4 // 0.0" %"
)

// Book is a workbook being written to its writer, sheet by sheet.
type Book struct {
	zw      *zip.Writer
	sheets  []string
	filters []string // the autofilter range of each sheet written ("" not yet)
	buf     []byte
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

// zipTime is the modification time of every part: a fixed one, so that
// the same content gives the same bytes.
func zipTime() time.Time { return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC) }

// New starts a workbook with the sheets named, in that order, written to
// w: the parts that do not depend on the rows are written now, each
// sheet when Sheet or Table is called (in any order), the rest by Close.
// Nothing is complete before Close returns nil.
func New(w io.Writer, sheets []string) (*Book, error) {
	if len(sheets) == 0 {
		return nil, errors.New(msg.WorkbookNoSheets)
	}
	wb := &Book{zw: zip.NewWriter(w), sheets: sheets, filters: make([]string, len(sheets))}
	var ct, rels strings.Builder
	ct.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`)
	rels.WriteString(xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := range sheets {
		fmt.Fprintf(&ct, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	ct.WriteString(`</Types>`)
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`, len(sheets)+1)
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", ct.String()},
		{"_rels/.rels", packageRels},
		{"docProps/app.xml", appProps},
		{"docProps/core.xml", coreProps},
		{"xl/_rels/workbook.xml.rels", rels.String()},
		{"xl/styles.xml", styles},
	} {
		if err := wb.part(p.name, p.body); err != nil {
			return nil, err
		}
	}
	return wb, nil
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const packageRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const appProps = xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>svfrules</Application></Properties>`

// coreProps has no dates: the same content gives the same bytes.
const coreProps = xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>svfrules</dc:creator></cp:coreProperties>`

// styles are the cell styles: the default, then those of the style*
// constants. The date format is ISO's, as svfrules writes dates
// everywhere (and as Swedish Excel shows them).
const styles = xmlHead + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0"/><numFmt numFmtId="166" formatCode="0.0&quot; %&quot;"/></numFmts>` +
	`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
	`</styleSheet>`

// part writes a whole part of the package.
func (wb *Book) part(name, body string) error {
	w, err := wb.create(name)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, body)
	return err
}

func (wb *Book) create(name string) (io.Writer, error) {
	return wb.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime()})
}

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
			if i < len(widths) && n > widths[i] {
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
// body gives row. Text is written as text (an inline string): a value
// starting with = is a string cell, never a formula. A value is a
// string, an integer, a float64, a Decimal, a Percent or a time.Time (a
// date); nil is an empty cell.
func (wb *Book) Sheet(sheet string, head []string, widths []int, body func(row func([]any) error) error) error {
	idx := -1
	for i, s := range wb.sheets {
		if s == sheet && wb.filters[i] == "" {
			idx = i
			break
		}
	}
	if idx < 0 {
		return fmt.Errorf(msg.WorkbookUnknownSheet, sheet)
	}
	w, err := wb.create(fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1))
	if err != nil {
		return err
	}
	b := append(wb.buf[:0], xmlHead+`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`...)
	b = append(b, `<sheetViews><sheetView `...)
	if idx == 0 {
		b = append(b, `tabSelected="1" `...)
	}
	b = append(b, `workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`...)
	b = append(b, `<sheetFormatPr defaultRowHeight="15"/>`...)
	if len(widths) > 0 {
		b = append(b, `<cols>`...)
		for i, wd := range widths {
			b = fmt.Appendf(b, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, i+1, i+1, min(wd, maxWidth)+2)
		}
		b = append(b, `</cols>`...)
	}
	b = append(b, `<sheetData><row r="1">`...)
	for i, h := range head {
		b = appendText(b, i, 1, styleHead, h)
	}
	b = append(b, `</row>`...)
	n := 1
	err = body(func(r []any) error {
		if n++; n > maxRows {
			return fmt.Errorf(msg.WorkbookTooManyRows, sheet, maxRows)
		}
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, `">`...)
		for i, v := range r {
			b = appendCell(b, i, n, v)
		}
		b = append(b, `</row>`...)
		if len(b) >= 64<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
		return nil
	})
	if err != nil {
		return err
	}
	ref := "A1:" + cellRef(max(len(head), 1)-1, n)
	b = append(b, `</sheetData><autoFilter ref="`...)
	b = append(b, ref...)
	b = append(b, `"/></worksheet>`...)
	if _, err := w.Write(b); err != nil {
		return err
	}
	wb.buf = b[:0]
	wb.filters[idx] = ref
	return nil
}

// Close writes the workbook's index of sheets (with the autofilters'
// ranges, as Excel names them) and ends the package. A sheet not written
// is written empty but for its header.
func (wb *Book) Close() error {
	for i, s := range wb.sheets {
		if wb.filters[i] == "" {
			if err := wb.Sheet(s, nil, nil, func(func([]any) error) error { return nil }); err != nil {
				return err
			}
		}
	}
	var b strings.Builder
	b.WriteString(xmlHead + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range wb.sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlAttr(s), i+1, i+1)
	}
	b.WriteString(`</sheets><definedNames>`)
	for i, s := range wb.sheets {
		first, last, _ := strings.Cut(wb.filters[i], ":")
		fmt.Fprintf(&b, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s!%s:%s</definedName>`,
			i, xmlText("'"+strings.ReplaceAll(s, "'", "''")+"'"), absolute(first), absolute(last))
	}
	b.WriteString(`</definedNames></workbook>`)
	if err := wb.part("xl/workbook.xml", b.String()); err != nil {
		return err
	}
	return wb.zw.Close()
}

// absolute is a cell reference made absolute: B12 is $B$12.
func absolute(ref string) string {
	i := strings.IndexAny(ref, "0123456789")
	return "$" + ref[:i] + "$" + ref[i:]
}

// cellRef is the reference of the cell in column col (from 0) and row
// (from 1): A1, AB12.
func cellRef(col, row int) string {
	return string(appendRef(nil, col, row))
}

func appendRef(b []byte, col, row int) []byte {
	var name [3]byte
	i := len(name)
	for col++; col > 0; col = (col - 1) / 26 {
		i--
		name[i] = byte('A' + (col-1)%26)
	}
	b = append(b, name[i:]...)
	return strconv.AppendInt(b, int64(row), 10)
}

// appendCell appends the cell of value v.
func appendCell(b []byte, col, row int, v any) []byte {
	switch v := v.(type) {
	case nil:
		return b
	case string:
		return appendText(b, col, row, 0, v)
	case int:
		return appendNumber(b, col, row, 0, strconv.Itoa(v))
	case int64:
		return appendNumber(b, col, row, 0, strconv.FormatInt(v, 10))
	case float64:
		return appendFloat(b, col, row, 0, v)
	case Decimal:
		return appendFloat(b, col, row, styleDecimal, float64(v))
	case Percent:
		return appendFloat(b, col, row, stylePercent, float64(v))
	case time.Time:
		// Excel's serial numbers count days from 30 December 1899 (with
		// 1900 as a leap year, so from 1 March 1900 on); an earlier date
		// has none and is written as text.
		serial := float64(v.Unix())/86400 + 25569
		if serial < 61 {
			return appendText(b, col, row, 0, v.Format(time.DateOnly))
		}
		return appendFloat(b, col, row, styleDate, serial)
	}
	return appendText(b, col, row, 0, fmt.Sprint(v))
}

// appendFloat appends a number cell; a number Excel has not (NaN, an
// infinity) is written as text.
func appendFloat(b []byte, col, row, style int, x float64) []byte {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return appendText(b, col, row, 0, strconv.FormatFloat(x, 'g', -1, 64))
	}
	return appendNumber(b, col, row, style, strconv.FormatFloat(x, 'f', -1, 64))
}

func appendNumber(b []byte, col, row, style int, v string) []byte {
	b = append(b, `<c r="`...)
	b = appendRef(b, col, row)
	if style != 0 {
		b = append(b, `" s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
	}
	b = append(b, `"><v>`...)
	b = append(b, v...)
	return append(b, `</v></c>`...)
}

// appendText appends a text cell: an inline string, which no spreadsheet
// program runs as a formula. The characters a terminal or an XML file
// cannot carry are written as escapes (escape.Printable, as the text
// format does); text longer than a cell holds is cut at Excel's bound.
func appendText(b []byte, col, row, style int, s string) []byte {
	if s == "" && style == 0 {
		return b
	}
	s = escape.Printable(s)
	if len(s) > maxCellChars && utf8.RuneCountInString(s) > maxCellChars {
		s = string([]rune(s)[:maxCellChars])
	}
	b = append(b, `<c r="`...)
	b = appendRef(b, col, row)
	if style != 0 {
		b = append(b, `" s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
	}
	b = append(b, `" t="inlineStr"><is><t`...)
	if s != strings.TrimSpace(s) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendEscaped(b, s)
	return append(b, `</t></is></c>`...)
}

// appendEscaped appends s with XML's special characters escaped.
func appendEscaped(b []byte, s string) []byte {
	for {
		i := strings.IndexAny(s, `&<>"`)
		if i < 0 {
			return append(b, s...)
		}
		b = append(b, s[:i]...)
		switch s[i] {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '"':
			b = append(b, "&quot;"...)
		}
		s = s[i+1:]
	}
}

func xmlText(s string) string { return string(appendEscaped(nil, escape.Printable(s))) }
func xmlAttr(s string) string { return xmlText(s) }

// DayTime is d as a time Excel shows as a date.
func DayTime(d compiler.Day) time.Time {
	return time.Unix(int64(d)*86400, 0).UTC()
}
