package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// testBook writes a workbook of two sheets with every kind of value.
func testBook(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	wb, err := New(&buf, []string{"Fynd", "Ledtider's"})
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC)
	rows := [][]any{
		{"=SUM(A1)", "+D", "-1", "@x", 12, int64(-3), 2.5, Decimal(54.25), Percent(54.5), day},
		{" kant ", "a&b<c>\"d\"", "rad\nbrytning\x1b", nil, "", 0, math.NaN(), time.Date(1899, 12, 1, 0, 0, 0, 0, time.UTC)},
	}
	head := []string{"Text", "B", "C", "D", "E", "F", "G", "H", "I", "J"}
	if err := wb.Table("Ledtider's", head, rows); err != nil {
		t.Fatal(err)
	}
	if err := wb.Sheet("Fynd", []string{"Förlopp"}, []int{200}, func(row func([]any) error) error {
		return row([]any{strings.Repeat("å", maxCellChars+10)})
	}); err != nil {
		t.Fatal(err)
	}
	if err := wb.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestBookReadByExcelize: what Book writes, read by excelize: the sheets
// in order, each value as written (text as text, a value starting with
// = + - @ never a formula, numbers, a date as a number in yyyy-mm-dd,
// control characters escaped, a date before 1900 and NaN as text, text
// cut at Excel's 32 767 characters), the header row bold and frozen,
// an autofilter over each sheet, the column widths; and the same bytes
// every time.
func TestBookReadByExcelize(t *testing.T) {
	data := testBook(t)
	if again := testBook(t); !bytes.Equal(again, data) {
		t.Error("the same workbook written twice differs")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Fynd", "Ledtider's"}) {
		t.Fatalf("sheets %q", got)
	}
	rows, err := f.GetRows("Ledtider's", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Text", "B", "C", "D", "E", "F", "G", "H", "I", "J"},
		{"=SUM(A1)", "+D", "-1", "@x", "12", "-3", "2.5", "54.25", "54.5", "45362"},
		{" kant ", `a&b<c>"d"`, `rad\nbrytning\x1b`, "", "", "0", "NaN", "1899-12-01"},
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Errorf("rows\n%q\nwant\n%q", rows, want)
	}
	for _, c := range []struct {
		cell, format string
		typ          excelize.CellType
	}{{"A2", "", excelize.CellTypeInlineString}, {"C2", "", excelize.CellTypeInlineString}, {"E2", "", excelize.CellTypeUnset},
		{"H2", "0.0", excelize.CellTypeUnset}, {"I2", `0.0" %"`, excelize.CellTypeUnset}, {"J2", "yyyy-mm-dd", excelize.CellTypeUnset}} {
		if formula, _ := f.GetCellFormula("Ledtider's", c.cell); formula != "" {
			t.Errorf("%s has the formula %q", c.cell, formula)
		}
		if typ, _ := f.GetCellType("Ledtider's", c.cell); typ != c.typ {
			t.Errorf("%s: type %v, want %v", c.cell, typ, c.typ)
		}
		id, _ := f.GetCellStyle("Ledtider's", c.cell)
		st, _ := f.GetStyle(id)
		if got := ""; st != nil && st.CustomNumFmt != nil {
			got = *st.CustomNumFmt
			if got != c.format {
				t.Errorf("%s: number format %q, want %q", c.cell, got, c.format)
			}
		} else if c.format != "" {
			t.Errorf("%s: no number format, want %q", c.cell, c.format)
		}
	}
	id, _ := f.GetCellStyle("Ledtider's", "A1")
	if st, _ := f.GetStyle(id); st == nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("the header is not bold: %+v", st)
	}
	for _, sheet := range f.GetSheetList() {
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v (%v), want the header row frozen", sheet, panes, err)
		}
	}
	if w, _ := f.GetColWidth("Fynd", "A"); w != maxWidth+2 {
		t.Errorf("Fynd's column A is %v wide, want %d", w, maxWidth+2)
	}
	if w, _ := f.GetColWidth("Ledtider's", "B"); w != 11 {
		t.Errorf("Ledtider's column B is %v wide, want 11 (the text, 9, and 2)", w)
	}
	long, _ := f.GetCellValue("Fynd", "A2")
	if n := len([]rune(long)); n != maxCellChars {
		t.Errorf("a long text is %d characters, want %d", n, maxCellChars)
	}
	parts := map[string]string{}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		parts[zf.Name] = string(b)
	}
	for part, want := range map[string]string{
		"xl/worksheets/sheet1.xml": `<autoFilter ref="A1:A2"/>`,
		"xl/worksheets/sheet2.xml": `<autoFilter ref="A1:J3"/>`,
		"xl/workbook.xml":          `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Ledtider''s'!$A$1:$J$3</definedName>`,
	} {
		if !strings.Contains(parts[part], want) {
			t.Errorf("%s lacks %s:\n%s", part, want, parts[part])
		}
	}
}

// TestBookRoundTrip: Reader reads what Book writes as excelize shows it
// (a date as the date).
func TestBookRoundTrip(t *testing.T) {
	r, err := Open(testBook(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = r.Rows("Ledtider's", math.MaxInt, func(no int, cells []string, _ bool) error {
		got = append(got, fmt.Sprintf("%d %q", no, cells))
		return nil
	})
	want := []string{
		`1 ["Text" "B" "C" "D" "E" "F" "G" "H" "I" "J"]`,
		`2 ["=SUM(A1)" "+D" "-1" "@x" "12" "-3" "2.5" "54.3" "54.5" "2024-03-11"]`,
		`3 [" kant " "a&b<c>\"d\"" "rad\\nbrytning\\x1b" "" "" "0" "NaN" "1899-12-01"]`,
	}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("rows (%v)\n%s\nwant\n%s", err, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBookTooManyRows: a sheet cannot have more rows than Excel shows;
// the error says so in Swedish and names the sheet.
func TestBookTooManyRows(t *testing.T) {
	wb, err := New(io.Discard, []string{"Fynd"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = wb.Sheet("Fynd", []string{"A"}, []int{1}, func(row func([]any) error) error {
		for {
			if err := row(nil); err != nil {
				return err
			}
			n++
		}
	})
	if err == nil || !strings.HasPrefix(err.Error(), `bladet "Fynd" får fler rader än de 1048576 som Excel kan visa`) || n != maxRows-1 {
		t.Errorf("after %d rows: %v", n, err)
	}
}

// zipParts writes a ZIP of the parts, in the order given.
func zipParts(t *testing.T, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(parts); i += 2 {
		w, _ := zw.Create(parts[i])
		io.WriteString(w, parts[i+1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// TestReaderCells: what other programs write: a workbook index with
// sheets in another order than their parts and an absolute target,
// shared strings with rich-text runs, a phonetic reading and Excel's
// _xHHHH_ escapes, a prefixed namespace, cells without references,
// sparse cells and rows, formula results (str), booleans, errors, inline
// strings, numbers in formats of digits (00, 0.00, 0%, #,##0), in
// General (as stored, at most 15 digits) and dates in the 1904 system.
func TestReaderCells(t *testing.T) {
	data := zipParts(t,
		"xl/workbook.xml", `<workbook `+ns+`><workbookPr date1904="1"/><sheets><sheet name="Andra" sheetId="2" r:id="rId7"/><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId7" Target="worksheets/sheet2.xml"/></Relationships>`,
		"xl/sharedStrings.xml", `<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>enkel</x:t></x:si>`+
			`<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>fet</x:t></x:r><x:r><x:t xml:space="preserve"> och vanlig</x:t></x:r><x:rPh><x:t>ふりがな</x:t></x:rPh></x:si>`+
			`<x:si><x:t>rad_x000D_brytning _x005F_x0041_</x:t></x:si></x:sst>`,
		"xl/styles.xml", `<styleSheet `+ns+`><numFmts><numFmt numFmtId="164" formatCode="00"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd"/></numFmts>`+
			`<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="2"/><xf numFmtId="9"/><xf numFmtId="3"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
		"xl/worksheets/sheet1.xml", `<worksheet `+ns+`><sheetData>`+
			`<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c r="E1" t="s"><v>2</v></c></row>`+
			`<row r="3"><c s="1"><v>1</v></c><c s="2"><v>1.5</v></c><c s="3"><v>0.545</v></c><c s="4"><v>1234567</v></c><c><v>0.30000000000000004</v></c><c><v>60</v></c><c s="2"><v>-0.001</v></c><c s="2"><v>9.995</v></c></row>`+
			`<row r="4"><c t="str"><f>A1&amp;"x"</f><v>enkelx</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c><c s="5"><v>43536</v></c><c s="6"><v>43536.75</v></c><c s="2"/></row>`+
			`</sheetData></worksheet>`,
		"xl/worksheets/sheet2.xml", `<worksheet `+ns+`><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c></row></sheetData></worksheet>`,
	)
	r, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.Sheets(), []string{"Andra", "Data"}) || !r.Date1904() {
		t.Fatalf("sheets %q, 1904 %v", r.Sheets(), r.Date1904())
	}
	read := func(sheet string) []string {
		var got []string
		if err := r.Rows(sheet, math.MaxInt, func(no int, cells []string, long bool) error {
			got = append(got, fmt.Sprintf("%d %q %v", no, cells, long))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	want := []string{
		`1 ["enkel" "fet och vanlig" "" "" "rad\rbrytning _x0041_"] false`,
		`2 [] false`,
		`3 ["01" "1.50" "55%" "1234567" "0.3" "60" "0.00" "10.00"] false`,
		`4 ["enkelx" "TRUE" "#N/A" "inline" "2023-03-13" "2023-03-13"] false`,
	}
	if got := read("Data"); !slices.Equal(got, want) {
		t.Errorf("Data:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got, want := read("Andra"), []string{`1 [] false`, `2 ["" "b"] false`}; !slices.Equal(got, want) {
		t.Errorf("Andra: %q, want %q", got, want)
	}
	// A row longer than the bound: the cells before it, and tooLong.
	var long []string
	r.Rows("Data", 12, func(no int, cells []string, tooLong bool) error {
		long = append(long, fmt.Sprintf("%d %q %v", no, cells, tooLong))
		return nil
	})
	if long[0] != `1 ["enkel"] true` {
		t.Errorf("a row past the bound: %s", long[0])
	}
}

// TestReaderBroken: a broken sheet ends in a Swedish error that names
// the part and what is wrong with it.
func TestReaderBroken(t *testing.T) {
	book := func(sheet string) []byte {
		return zipParts(t,
			"xl/workbook.xml", `<workbook `+ns+`><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
			"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
			"xl/worksheets/sheet1.xml", `<worksheet `+ns+`><sheetData>`+sheet+`</sheetData></worksheet>`)
	}
	for _, tt := range []struct{ sheet, err string }{
		{`<row r="2"/><row r="2"/>`, `delen "xl/worksheets/sheet1.xml" har radnumret 2, som inte går att använda`},
		{`<row r="1048577"/>`, `delen "xl/worksheets/sheet1.xml" har radnumret 1048577`},
		{`<row><c r="B1"/><c r="A1"/></row>`, `delen "xl/worksheets/sheet1.xml" har cellreferensen "A1"`},
		{`<row><c r="XFE1"/></row>`, `delen "xl/worksheets/sheet1.xml" har cellreferensen "XFE1"`},
		{`<row><c t="s"><v>3</v></c></row>`, `delen "xl/worksheets/sheet1.xml" hänvisar till den delade texten nummer "3"`},
		{`<row><c></row>`, `delen "xl/worksheets/sheet1.xml" är inte korrekt XML (fel på rad 1)`},
	} {
		r, err := Open(book(tt.sheet))
		if err != nil {
			t.Fatal(err)
		}
		err = r.Rows("Data", math.MaxInt, func(int, []string, bool) error { return nil })
		if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
			t.Errorf("%s: %v, want %s…", tt.sheet, err, tt.err)
		}
	}
	if _, err := Open([]byte("inte en zip")); err == nil || !strings.HasPrefix(err.Error(), "filen är ingen zip-fil") {
		t.Errorf("not a zip: %v", err)
	}
}
