package input

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/rcc/svfrules/compiler"
)

// A cell of a test workbook: a value and, for a number, its number
// format (0: General).
type xcell struct {
	v   any
	fmt int    // built-in number format id
	cf  string // custom number format code, instead of fmt
}

// xlsxBytes writes a workbook whose first sheet (named "Blad1") holds
// rows, each placed at its sheet row number; cells are strings, numbers
// or xcells. setup, when given, changes the workbook before it is saved.
func xlsxBytes(t testing.TB, rows map[int][]any, setup func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Blad1"); err != nil {
		t.Fatal(err)
	}
	styles := map[string]int{}
	for no, cells := range rows {
		for i, c := range cells {
			ref, _ := excelize.CoordinatesToCellName(i+1, no)
			x, ok := c.(xcell)
			if !ok {
				x = xcell{v: c}
			}
			if err := f.SetCellValue("Blad1", ref, x.v); err != nil {
				t.Fatal(err)
			}
			if x.fmt == 0 && x.cf == "" {
				continue
			}
			key := fmt.Sprint(x.fmt, x.cf)
			id, ok := styles[key]
			if !ok {
				st := &excelize.Style{NumFmt: x.fmt}
				if x.cf != "" {
					st.CustomNumFmt = &x.cf
				}
				var err error
				if id, err = f.NewStyle(st); err != nil {
					t.Fatal(err)
				}
				styles[key] = id
			}
			if err := f.SetCellStyle("Blad1", ref, ref, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	if setup != nil {
		setup(f)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// blankLogSink is a logSink that counts blank rows too.
type blankLogSink struct {
	logSink
	blank int
}

func (s *blankLogSink) BlankRows(n int) { s.blank += n }

// readBytes is read for binary input, with the blank rows counted: the
// log ends in "rows N, blank M".
func readBytes(t testing.TB, name string, input []byte, opts Options) ([]string, error) {
	t.Helper()
	var s blankLogSink
	err := Read(context.Background(), name, bytes.NewReader(input), opts, &s)
	for _, p := range s.problems {
		t.Errorf("%s: %s", name, p)
	}
	if err == nil && s.accepted+s.rejected+s.blank != s.rows {
		t.Errorf("%s: %d data rows but %d in episodes, %d rejected and %d blank", name, s.rows, s.accepted, s.rejected, s.blank)
	}
	// Episodes all of whose rows were rejected are the CSV reader's
	// business (and its tests'): the rejections show the rows here.
	var log []string
	for _, l := range s.log {
		if !strings.HasPrefix(l, "ep ") || !strings.Contains(l, " | |") {
			log = append(log, l)
		}
	}
	return append(log, fmt.Sprintf("rows %d, blank %d", s.rows, s.blank)), err
}

// Serial numbers of dates in the 1900 date system.
const (
	serial20240311 = 45362
	serial19000228 = 59
	serial19000301 = 61 // 60 is Excel's 29 February 1900, which did not exist
	days1904       = 1462
)

func TestReadXLSX(t *testing.T) {
	header := []any{"Förlopp", "Kod", "Datum", "Ålder", "Kön", "Län"}
	date := func(serial float64) xcell { return xcell{v: serial, fmt: 14} }
	tests := []struct {
		name  string
		rows  map[int][]any
		setup func(f *excelize.File)
		opts  Options
		want  []string
		err   string
	}{{
		name: "text cells",
		rows: map[int][]any{1: header, 2: {"A1", "VL210", "2024-03-11", "60", "K", "01"}},
		want: []string{`ep "A1" in.xlsx:2 sex="K" county="01" age=60 | 2:VL210:2024-03-11`, "rows 1, blank 0"},
	}, {
		name: "dates as serial numbers in built-in and custom date formats, numbers as Excel shows them",
		rows: map[int][]any{
			1: header,
			2: {"A1", "VL210", date(serial20240311), 60, "K", xcell{v: 1, fmt: 0, cf: "00"}},
			3: {"A1", "VL215", xcell{v: serial20240311 + 1, cf: "d/m/yyyy"}, 60.0, "K", xcell{v: 1, cf: "00"}},
			4: {"A1", "VL225", xcell{v: serial20240311 + 2.75, fmt: 22}, xcell{v: 60, fmt: 1}, "K", xcell{v: 1, cf: "00"}},
			5: {"A1", "VL230", xcell{v: serial20240311 + 3, cf: `[$-41D]d\ mmmm\ yyyy;@`}, 60, "K", xcell{v: 1, cf: "00"}},
			6: {"A1", "VL240", xcell{v: serial20240311 + 4, cf: `yyyy-mm-dd`}, 60, "K", xcell{v: 1, cf: "00"}},
		},
		want: []string{`ep "A1" in.xlsx:2 sex="K" county="01" age=60 | 2:VL210:2024-03-11 3:VL215:2024-03-12 4:VL225:2024-03-13 5:VL230:2024-03-14 6:VL240:2024-03-15`, "rows 5, blank 0"},
	}, {
		name: "1900 leap-year bug: serial 59 is 28 February, 61 is 1 March 1900",
		rows: map[int][]any{1: header, 2: {"A1", "VL210", date(serial19000228)}, 3: {"A1", "VL215", date(serial19000301)}},
		want: []string{`ep "A1" in.xlsx:2 | 2:VL210:1900-02-28 3:VL215:1900-03-01`, "rows 2, blank 0"},
	}, {
		name: "serial numbers Excel does not show as dates: 60 (29 February 1900), 0, below 0, past 9999 (and 9999, which the date parser rejects); a time just before midnight",
		rows: map[int][]any{1: header,
			2: {"A1", "VL210", date(60)}, 3: {"A2", "VL210", date(0)}, 4: {"A3", "VL210", date(-1.5)}, 5: {"A4", "VL210", date(2958466)},
			6: {"A5", "VL210", xcell{v: serial20240311 + 0.99999999, fmt: 22}}, 7: {"A6", "VL210", date(2958465)}},
		want: []string{
			`reject in.xlsx:2: datum: datumet "1900-02-29" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`reject in.xlsx:3: datum: datumet "1900-01-00" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`reject in.xlsx:4: datum: "-1.5" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`reject in.xlsx:5: datum: "2958466" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`ep "A5" in.xlsx:6 | 6:VL210:2024-03-12`,
			`reject in.xlsx:7: datum: datumet "9999-12-31" är inte ett rimligt datum (året ska vara mellan 1900 och 2999); ett tomt datum i källsystemet blir ofta så, rätta datumet där`, "rows 6, blank 0"},
	}, {
		name: "1904 date system",
		rows: map[int][]any{1: header, 2: {"A1", "VL210", date(serial20240311 - days1904)}},
		setup: func(f *excelize.File) {
			yes := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
				panic(err)
			}
		},
		want: []string{`ep "A1" in.xlsx:2 | 2:VL210:2024-03-11`, "rows 1, blank 0"},
	}, {
		name: "1904 date system: a serial number without a date format is named as the date Excel shows in that system",
		rows: map[int][]any{1: header, 2: {"A1", "VL210", serial20240311 - days1904}, 3: {"A2", "VL210", 1}},
		setup: func(f *excelize.File) {
			yes := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
				panic(err)
			}
		},
		want: []string{
			`reject in.xlsx:2: datum: "43900" går inte att läsa som ett datum men ser ut som ett datumnummer från Excel (2024-03-11): formatera kolumnen som datum (markera kolumnen, högerklicka, Formatera celler → Tal → Datum, ÅÅÅÅ-MM-DD) och spara igen`,
			`reject in.xlsx:3: datum: "1" går inte att läsa som ett datum men ser ut som ett datumnummer från Excel (1904-01-02): formatera kolumnen som datum (markera kolumnen, högerklicka, Formatera celler → Tal → Datum, ÅÅÅÅ-MM-DD) och spara igen`,
			"rows 2, blank 0"},
	}, {
		name: "a serial number without a date format is not a date",
		rows: map[int][]any{1: header, 2: {"A1", "VL210", serial20240311}},
		want: []string{`reject in.xlsx:2: datum: "45362" går inte att läsa som ett datum men ser ut som ett datumnummer från Excel (2024-03-11): formatera kolumnen som datum (markera kolumnen, högerklicka, Formatera celler → Tal → Datum, ÅÅÅÅ-MM-DD) och spara igen`, "rows 1, blank 0"},
	}, {
		name: "row numbers are the sheet's: blank rows before the header and between rows count",
		rows: map[int][]any{
			3: header,
			5: {"A1", "VL210", "2024-03-11"},
			8: {"B1", "VL215", "2024-03-1"},
			9: {"C1", "VL225", "2024-03-13", "", "", ""},
		},
		want: []string{`ep "A1" in.xlsx:5 | 5:VL210:2024-03-11`, `reject in.xlsx:8: datum: "2024-03-1" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`ep "C1" in.xlsx:9 | 9:VL225:2024-03-13`, "rows 6, blank 3"},
	}, {
		name: "cells with separators, quotes and line breaks are one value each",
		rows: map[int][]any{1: {"episode", "code", "date", "diagnosis"}, 2: {`A;"1"`, "VL210", "2024-03-11", "C50,9\nhöger"}},
		want: []string{`ep "A;\"1\"" in.xlsx:2 diagnosis="C50,9\nhöger" | 2:VL210:2024-03-11`, "rows 1, blank 0"},
	}, {
		name: "a header cell with a line break",
		rows: map[int][]any{1: {"Förlopps-\nid", "KVÅ-\nkod", "Datum"}, 2: {"A1", "VL210", "2024-03-11"}},
		err:  `in.xlsx: rubrikraden saknar kolumn för förlopp och kod (hittade "Förlopps- id", "KVÅ- kod", "Datum")`,
	}, {
		name: "the sheet given by --sheet, in any case",
		rows: map[int][]any{1: {"x"}},
		setup: func(f *excelize.File) {
			f.NewSheet("Förlopp 2024")
			f.SetSheetRow("Förlopp 2024", "A1", &[]any{"episode", "code", "date"})
			f.SetSheetRow("Förlopp 2024", "A2", &[]any{"A1", "VL210", "2024-03-11"})
		},
		opts: Options{Sheet: "förlopp 2024"},
		want: []string{`ep "A1" in.xlsx:2 | 2:VL210:2024-03-11`, "rows 1, blank 0"},
	}, {
		name: "a sheet that is not there",
		rows: map[int][]any{1: {"x"}},
		opts: Options{Sheet: "Data"},
		err:  `in.xlsx: arbetsboken har inget blad som heter "Data"; den har bladen "Blad1"; ange ett av dem med --sheet`,
	}, {
		name: "an empty sheet",
		rows: map[int][]any{3: {"", " "}},
		err:  `in.xlsx: bladet "Blad1" är tomt: det har ingen rubrikrad; den första raden med värden ska namnge kolumnerna, t.ex. förlopp, kod och datum`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readBytes(t, "in.xlsx", xlsxBytes(t, tt.rows, tt.setup), tt.opts)
			checkRead(t, got, err, tt.want, tt.err)
		})
	}
}

// short shortens lines for a failure message.
func short(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		if len(l) > 300 {
			l = l[:300] + "…"
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

// zipBytes writes a ZIP of the named parts.
func zipBytes(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// replacePart returns the workbook with one part's content replaced (or
// added), written by write.
func replacePart(t testing.TB, book []byte, part string, write func(w io.Writer)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == part {
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, err := zw.Create(part)
	if err != nil {
		t.Fatal(err)
	}
	write(w)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadXLSXHostile: workbooks that are broken, not workbooks, or built
// to exhaust memory end in a message (exit 2 in the CLI) or in rejected
// rows, never in a crash.
func TestReadXLSXHostile(t *testing.T) {
	small := xlsxBytes(t, map[int][]any{1: {"episode", "code", "date"}, 2: {"A1", "VL210", "2024-03-11"}}, nil)
	sheetHead := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>episode</t></is></c><c r="B1" t="inlineStr"><is><t>code</t></is></c><c r="C1" t="inlineStr"><is><t>date</t></is></c></row>`
	sheetTail := `</sheetData></worksheet>`
	tests := []struct {
		name  string
		file  string
		input []byte
		want  []string // the log, when the read succeeds
		err   string   // the start of the error otherwise
	}{{
		name:  "old binary Excel",
		input: append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...),
		err:   "in.xlsx: filen är en arbetsbok i det gamla formatet .xls",
	}, {
		name:  "a macro workbook by its name",
		file:  "in.xlsm",
		input: small,
		err:   "in.xlsm: filen är en arbetsbok med makron (.xlsm)",
	}, {
		name:  "a macro workbook by its content",
		input: replacePart(t, small, "xl/vbaProject.bin", func(w io.Writer) { io.WriteString(w, "x") }),
		err:   "in.xlsx: filen är en arbetsbok med makron (.xlsm)",
	}, {
		name:  "a ZIP that is not a workbook",
		input: zipBytes(t, map[string]string{"word/document.xml": "<w/>"}),
		err:   "in.xlsx: filen är en zip-fil men ingen Excel-arbetsbok (.xlsx)",
	}, {
		name:  "a broken ZIP",
		input: append([]byte("PK\x03\x04"), bytes.Repeat([]byte{0}, 100)...),
		err:   "in.xlsx: filen börjar som en zip-fil (som .xlsx) men är trasig",
	}, {
		name:  "a workbook cut short",
		input: small[:len(small)/2],
		err:   "in.xlsx: filen börjar som en zip-fil (som .xlsx) men är trasig",
	}, {
		// Said to be broken, not empty (excelize read it as empty).
		name:  "a workbook whose sheet is not XML",
		input: replacePart(t, small, "xl/worksheets/sheet1.xml", func(w io.Writer) { io.WriteString(w, "<<<\x00") }),
		err:   `in.xlsx: arbetsboken kan inte läsas: delen "xl/worksheets/sheet1.xml" är inte korrekt XML (fel på rad 1); öppna den i Excel`,
	}, {
		name: "a zip bomb of shared strings",
		input: replacePart(t, small, "xl/sharedStrings.xml", func(w io.Writer) {
			io.WriteString(w, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
			si := []byte(strings.Repeat("<si><t>x</t></si>", 1<<12))
			for range (maxXLSXPart / len(si)) + 1 {
				w.Write(si)
			}
			io.WriteString(w, `</sst>`)
		}),
		err: `in.xlsx: delen "xl/sharedStrings.xml" av arbetsboken packas upp till mer än en export kan innehålla`,
	}, {
		name: "more shared strings than an export has, each empty",
		input: replacePart(t, small, "xl/sharedStrings.xml", func(w io.Writer) {
			io.WriteString(w, `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
			si := []byte(strings.Repeat("<x:si/>", 1000))
			for range maxXLSXStrings/1000 + 1 {
				w.Write(si)
			}
			io.WriteString(w, `</x:sst>`)
		}),
		err: `in.xlsx: delen "xl/sharedStrings.xml" av arbetsboken packas upp till mer än en export kan innehålla`,
	}, {
		name: "a row of more cells than Excel has columns",
		input: replacePart(t, small, "xl/worksheets/sheet1.xml", func(w io.Writer) {
			io.WriteString(w, sheetHead+`<row r="2">`+strings.Repeat(`<c><f>1</f></c>`, maxXLSXColumns+1)+`</row>`+sheetTail)
		}),
		err: `in.xlsx: delen "xl/worksheets/sheet1.xml" av arbetsboken packas upp till mer än en export kan innehålla`,
	}, {
		name: "a workbook without styles",
		input: func() []byte {
			zr, _ := zip.NewReader(bytes.NewReader(small), int64(len(small)))
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, f := range zr.File {
				if f.Name != "xl/styles.xml" {
					zw.Copy(f)
				}
			}
			zw.Close()
			return buf.Bytes()
		}(),
		want: []string{`ep "A1" in.xlsx:2 | 2:VL210:2024-03-11`, "rows 1, blank 0"},
	}, {
		name: "a cell of 40 MB in a large sheet",
		input: replacePart(t, small, "xl/worksheets/sheet1.xml", func(w io.Writer) {
			io.WriteString(w, sheetHead+`<row r="2"><c r="A2" t="inlineStr"><is><t>`)
			w.Write(bytes.Repeat([]byte("x"), 40<<20))
			io.WriteString(w, `</t></is></c></row>`+sheetTail)
		}),
		err: `in.xlsx: delen "xl/worksheets/sheet1.xml" av arbetsboken packas upp till mer än en export kan innehålla (eller har en cell som är för stor)`,
	}, {
		name: "a million empty styled rows after the data",
		input: replacePart(t, small, "xl/worksheets/sheet1.xml", func(w io.Writer) {
			io.WriteString(w, sheetHead+`<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c><c r="B2" t="inlineStr"><is><t>VL210</t></is></c><c r="C2" t="inlineStr"><is><t>2024-03-11</t></is></c></row>`)
			for i := 3; i <= 1_000_000; i++ {
				fmt.Fprintf(w, `<row r="%d" s="1" customFormat="1"/>`, i)
			}
			io.WriteString(w, sheetTail)
		}),
		want: []string{`ep "A1" in.xlsx:2 | 2:VL210:2024-03-11`, "rows 999999, blank 999998"},
	}, {
		name: "a cell of 10 MB is a value like another",
		input: replacePart(t, small, "xl/worksheets/sheet1.xml", func(w io.Writer) {
			io.WriteString(w, sheetHead+`<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c><c r="B2" t="inlineStr"><is><t>VL210</t></is></c><c r="C2" t="inlineStr"><is><t>2024-03-11</t></is></c>`+
				`<c r="D2" t="inlineStr"><is><t>`+strings.Repeat("x", 10<<20)+`</t></is></c></row>`+sheetTail)
		}),
		want: []string{`reject in.xlsx:2: raden har 4 fält men rubriken har 3 kolumner; kontrollera avgränsarna och citattecknen på raden`, "rows 1, blank 0"},
	}, {
		name: "a row of more than 16 MiB is rejected as in CSV",
		input: replacePart(t, small, "xl/worksheets/sheet1.xml", func(w io.Writer) {
			io.WriteString(w, sheetHead+`<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c><c r="B2" t="inlineStr"><is><t>VL210</t></is></c><c r="C2" t="inlineStr"><is><t>2024-03-11</t></is></c>`+
				`<c r="D2" t="inlineStr"><is><t>`+strings.Repeat("x", 9<<20)+`</t></is></c><c r="E2" t="inlineStr"><is><t>`+strings.Repeat("x", 9<<20)+`</t></is></c></row>`+sheetTail)
		}),
		want: []string{`reject in.xlsx:2: raden är längre än 16 MiB och lästes inte; saknas en radbrytning?`, "rows 1, blank 0"},
	}, {
		name: "a row number past Excel's last row",
		input: replacePart(t, small, "xl/worksheets/sheet1.xml", func(w io.Writer) {
			io.WriteString(w, sheetHead+`<row r="2000000"><c t="inlineStr"><is><t>A1</t></is></c></row>`+sheetTail)
		}),
		err: "in.xlsx: arbetsboken kan inte läsas",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := tt.file
			if name == "" {
				name = "in.xlsx"
			}
			got, err := readBytes(t, name, tt.input, Options{})
			checkRead(t, got, err, tt.want, tt.err)
		})
	}
}

// FuzzReadXLSX: no workbook crashes the reader, and every data row is
// accounted for. Each input is read twice: as the file, and as the XML of
// the first sheet of a small workbook. The fuzzer's changes to a whole
// file mostly break the ZIP, which is what the checks must survive; as a
// sheet they reach excelize's parser, the dates and the rows.
func FuzzReadXLSX(f *testing.F) {
	f.Add(xlsxBytes(f, map[int][]any{1: {"episode", "code", "date", "age"}, 2: {"A1", "VL210", xcell{v: 45362, fmt: 14}, 60}, 4: {"A1", "VL215", "2024-03-12", "x"}}, nil))
	f.Add(xlsxBytes(f, map[int][]any{2: {"episode", "code", "date"}, 3: {"A1", "VL210", xcell{v: -1e300, cf: "yyyy-mm-dd"}}, 4: {"A1", "VL215", xcell{v: 1e300, fmt: 22}}}, nil))
	book := xlsxBytes(f, map[int][]any{1: {"x"}}, func(f *excelize.File) {
		f.NewStyle(&excelize.Style{NumFmt: 14})
		f.NewStyle(&excelize.Style{NumFmt: 22})
	})
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>episode</t></is></c><c r="B1" t="inlineStr"><is><t>code</t></is></c><c r="C1" t="inlineStr"><is><t>date</t></is></c><c r="D1" t="inlineStr"><is><t>age</t></is></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>A1</t></is></c><c r="B2" t="inlineStr"><is><t>VL210</t></is></c><c r="C2" s="1"><v>45362.5</v></c><c r="D2"><v>6E1</v></c></row>` +
		`<row r="4"><c t="inlineStr"><is><t>A1</t></is></c><c t="str"><v>VL215</v></c><c s="2"><v>45363</v></c><c t="b"><v>1</v></c></row>` +
		`</sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		readBytes(t, "in.xlsx", data, Options{})
		sheet := replacePart(t, book, "xl/worksheets/sheet1.xml", func(w io.Writer) { w.Write(data) })
		readBytes(t, "in.xlsx", sheet, Options{DateOrder: "dmy"})
	})
}

// csvToXLSX writes the rows of a CSV file (";"-separated, UTF-8 or
// Windows-1252) as a workbook, each row at the sheet row of its line, as
// Excel shows a CSV it opened. typed: numbers become number cells and
// YYYY-MM-DD dates (with a time or not) date cells, as Excel makes them
// when it opens the file; else every cell is text.
func csvToXLSX(t testing.TB, path string, typed bool) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(data) {
		s, err := charmap.Windows1252.NewDecoder().String(string(data))
		if err != nil {
			t.Fatal(err)
		}
		data = []byte(s)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = ';', -1, true
	rows := map[int][]any{}
	isoDate := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$`)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		line, _ := r.FieldPos(0)
		cells := make([]any, len(rec))
		for i, v := range rec {
			cells[i] = v
			if !typed || len(rows) == 0 {
				continue
			}
			if n, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", "."), 64); err == nil && !strings.ContainsAny(v, "eE") {
				cells[i] = n
			} else if isoDate.MatchString(v) {
				// A date-time is a serial number with a fraction, in a
				// date-time format (22); the CSV reader reads its date.
				d, ok := compiler.ParseDay(v[:10])
				if ok && len(v) > 10 {
					cells[i] = xcell{v: float64(int(d)+25569) + 0.25, fmt: 22}
				} else if ok {
					cells[i] = xcell{v: float64(int(d) + 25569), fmt: 14} // 25569: 1970-01-01
				}
			}
		}
		rows[line] = cells
	}
	return xlsxBytes(t, rows, nil)
}

// readLog reads one input and returns what the reader passed on (the
// episodes with their attributes, events and rejected rows, and the
// rejections), with the input's name replaced by "FILE". Evaluating
// depends on nothing else, so equal logs give equal verdicts.
func readLog(t *testing.T, name string, data []byte, opts Options) string {
	t.Helper()
	var s logSink
	if err := Read(context.Background(), name, bytes.NewReader(data), opts, &s); err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(strings.Join(s.log, "\n"), name, "FILE") + "\n"
}

// TestXLSXSameAsCSV: the example exports (example_excel.csv among them,
// as Swedish Excel saves a sheet) and the same rows as a workbook give the
// same episodes, rejections and row numbers, with the cells as text and
// with numbers and dates as Excel stores them, in both date orders.
func TestXLSXSameAsCSV(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/episodes/*.csv")
	if len(files) == 0 {
		t.Fatal("no CSV examples")
	}
	for _, path := range files {
		if strings.Contains(path, "comma") {
			continue // csvToXLSX reads ";" files
		}
		csvData, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, order := range []string{"", "dmy"} {
			opts := Options{DateOrder: order}
			want := readLog(t, path, padRows(csvData), opts)
			for _, typed := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/typed=%v/order=%s", filepath.Base(path), typed, order), func(t *testing.T) {
					got := readLog(t, "book.xlsx", csvToXLSX(t, path, typed), opts)
					if got != want {
						t.Errorf("the workbook's output differs from the CSV's:\n%s", lineDiff(want, got))
					}
				})
			}
		}
	}
}

// padRows makes the rows of a ";" CSV file what a sheet can hold: a row
// with fewer fields than the header gets empty ones, and empty fields past
// the header's are dropped. A sheet cannot tell a short row from one with
// empty cells at its end, nor a row with empty cells past the last column
// from one without (excelize gives no cell there, Excel's CSV has them),
// so the CSV reader's "too few" or "too many fields" have no counterpart
// there. The files compared have no quotes, so counting separators counts
// fields.
func padRows(data []byte) []byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	n := bytes.Count(lines[0], []byte(";"))
	for i, l := range lines {
		body := bytes.TrimRight(l, "\r\n")
		eol := l[len(body):]
		if len(bytes.TrimSpace(body)) == 0 {
			continue
		}
		k := bytes.Count(body, []byte(";"))
		for k > n && body[len(body)-1] == ';' {
			body, k = body[:len(body)-1], k-1
		}
		if k < n {
			body = append(append([]byte{}, body...), bytes.Repeat([]byte(";"), n-k)...)
		}
		lines[i] = append(append([]byte{}, body...), eol...)
	}
	return bytes.Join(lines, nil)
}

// lineDiff lists the lines that differ, up to ten.
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out strings.Builder
	n := 0
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y && n < 10 {
			fmt.Fprintf(&out, "line %d\n- %s\n+ %s\n", i+1, x, y)
			n++
		}
	}
	return out.String()
}

// checkRead compares a read's log with want, or its error with the
// prefix wantErr when that is not "".
func checkRead(t *testing.T, got []string, err error, want []string, wantErr string) {
	t.Helper()
	if wantErr != "" {
		if err == nil || !strings.HasPrefix(err.Error(), wantErr) {
			t.Fatalf("error %v, want %s…", err, wantErr)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", short(got), short(want))
	}
}

// TestLibreOfficeWorkbook: a workbook written by another program than
// the tests' excelize, LibreOffice (example_libreoffice.xlsx, made once
// with `soffice --headless --infilter=CSV:59,34,76,1 --convert-to xlsx
// example.csv`: shared strings, dates as date cells in its own format
// yyyy\-mm\-dd, numbers as numbers, styles of its own), gives the same
// episodes, rows and rejections as the CSV it was made from.
func TestLibreOfficeWorkbook(t *testing.T) {
	const dir = "../../testdata/episodes/"
	csvData, err := os.ReadFile(dir + "example.csv")
	if err != nil {
		t.Fatal(err)
	}
	book, err := os.ReadFile(dir + "example_libreoffice.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := readLog(t, "example.csv", csvData, Options{})
	if got := readLog(t, "example.xlsx", book, Options{}); got != want {
		t.Errorf("the workbook's output differs from the CSV's:\n%s", lineDiff(want, got))
	}
	if n := strings.Count(want, "\n"); n < 50 {
		t.Fatalf("only %d lines read: the test does not test", n)
	}
}

// columnsSink is a logSink that keeps what it is told of the columns.
type columnsSink struct {
	logSink
	cols []FileColumns
}

func (s *columnsSink) Columns(fc FileColumns) { s.cols = append(s.cols, fc) }

// TestWorkbookColumnsSaySo: a sheet's columns are marked as a
// workbook's, a CSV file's not, so the summary can name a blank row in
// the input's own terms.
func TestWorkbookColumnsSaySo(t *testing.T) {
	for _, c := range []struct {
		name  string
		input []byte
		want  bool
	}{
		{"a.xlsx", xlsxBytes(t, map[int][]any{1: {"Förlopp", "Kod", "Datum"}, 2: {"E1", "VL210", "2024-03-11"}}, nil), true},
		{"a.csv", []byte("Förlopp;Kod;Datum\nE1;VL210;2024-03-11\n"), false},
	} {
		var s columnsSink
		if err := Read(context.Background(), c.name, bytes.NewReader(c.input), Options{}, &s); err != nil {
			t.Fatal(err)
		}
		if len(s.cols) != 1 || s.cols[0].Workbook != c.want {
			t.Errorf("%s: columns %+v, want Workbook %v", c.name, s.cols, c.want)
		}
	}
}

// stopSink cancels the read when it is told the columns, as the
// pipeline does when report --by refuses them (runtime.ColumnChecker),
// and counts the rows it is given after that.
type stopSink struct {
	logSink
	stop func(error)
	rows int
}

func (s *stopSink) Columns(FileColumns) { s.stop(errRefused) }
func (s *stopSink) DataRow()            { s.rows++ }

var errRefused = errors.New("refused")

// TestReadStopsAtHeader: a read cancelled when the header is read (the
// columns refused) returns the cause, from a workbook as from a CSV file;
// a workbook's rows are in memory already, and none is read after the
// header (a CSV file's first block, read at once, may be).
func TestReadStopsAtHeader(t *testing.T) {
	rows := map[int][]any{1: {"Förlopp", "Kod", "Datum"}}
	var text strings.Builder
	text.WriteString("Förlopp;Kod;Datum\n")
	for i := 2; i < 2000; i++ {
		rows[i] = []any{fmt.Sprintf("E%d", i), "VL210", "2024-03-11"}
		fmt.Fprintf(&text, "E%d;VL210;2024-03-11\n", i)
	}
	for _, c := range []struct {
		name  string
		input []byte
	}{
		{"a.xlsx", xlsxBytes(t, rows, nil)},
		{"a.csv", []byte(text.String())},
	} {
		ctx, cancel := context.WithCancelCause(context.Background())
		s := stopSink{stop: cancel}
		err := Read(ctx, c.name, bytes.NewReader(c.input), Options{}, &s)
		cancel(nil)
		if !errors.Is(err, errRefused) {
			t.Errorf("%s: error %v, want the cause", c.name, err)
		}
		if s.rows != 0 && c.name == "a.xlsx" {
			t.Errorf("%s: %d rows read after the header was refused", c.name, s.rows)
		}
	}
}

// TestScanXMLRun: scanXML refuses a run of more than maxXLSXRun bytes
// between two markup characters, and only that: a run at the bound, or
// longer runs cut by a > or <, pass.
func TestScanXMLRun(t *testing.T) {
	x := func(n int) string { return strings.Repeat("x", n) }
	tests := []struct {
		name, sheet string
		err         error
	}{
		{"text at the bound", "<a>" + x(maxXLSXRun) + "</a>", nil},
		{"text past the bound", "<a>" + x(maxXLSXRun+1) + "</a>", errLongRun},
		{"text cut by >", "<a>" + x(maxXLSXRun-5) + ">" + x(maxXLSXRun) + "</a>", nil},
		{"an attribute past the bound", `<a b="` + x(maxXLSXRun-5) + `"/>`, errLongRun},
		{"a cell past the last column", "<row>" + strings.Repeat("<c/>", maxXLSXColumns+1) + "</row>", errManyRowCells},
		{"cells in rows up to the last column", strings.Repeat("<x:row>"+strings.Repeat("<x:c\n/>", maxXLSXColumns)+"</x:row>", 2), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := zipBytes(t, map[string]string{"xl/worksheets/sheet1.xml": tt.sheet})
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			if err := scanXML(zr.File[0], false); err != tt.err {
				t.Errorf("scanXML: %v, want %v", err, tt.err)
			}
		})
	}
}
