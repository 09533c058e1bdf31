package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// diffReader is a Reader with every kind of cell format and a few shared
// strings, for reading sheets without a workbook around them.
func diffReader() *Reader {
	return &Reader{
		formats: []numFormat{
			{},
			{date: true},
			{simple: true, ints: 1, decimals: 2},
			{simple: true, ints: 2},
			{simple: true, ints: 1, decimals: 1, percent: true},
		},
		shared:   []string{"Förlopp", "S0001", "a&b", "rad\nbrytning", ""},
		sharedOK: true,
	}
}

// readResult is what reading a part gave: the rows (number, too long,
// cells) or the shared strings, and the error it ended in.
type readResult struct {
	rows []string
	err  error
}

func (x readResult) String() string {
	return fmt.Sprintf("rows %q, err %v", x.rows, x.err)
}

type sheetFunc func(r *Reader, part string, rd io.Reader, maxRow int, emit func(int, []string, bool) error) error

func readSheet(read sheetFunc, data []byte, maxRow int, wrap func(io.Reader) io.Reader) readResult {
	var out readResult
	out.err = read(diffReader(), "xl/worksheets/sheet1.xml", wrap(bytes.NewReader(data)), maxRow, func(no int, cells []string, tooLong bool) error {
		out.rows = append(out.rows, fmt.Sprintf("%d %v %q", no, tooLong, cells))
		return nil
	})
	return out
}

type sharedFunc func(r *Reader, part string, rd io.Reader) error

func readStrings(read sharedFunc, data []byte, wrap func(io.Reader) io.Reader) readResult {
	r := &Reader{}
	err := read(r, "xl/sharedstrings.xml", wrap(bytes.NewReader(data)))
	return readResult{r.shared, err}
}

// sameResult reports whether the fast reader's result is the oracle's:
// the same rows and no error when the oracle has none; an error and the
// same rows when it has one. Where the XML breaks off (the line) and why
// may differ; that it is XML or the part that failed may not.
func sameResult(oracle, fast readResult) bool {
	if !slices.Equal(oracle.rows, fast.rows) || (oracle.err == nil) != (fast.err == nil) {
		return false
	}
	if oracle.err == nil {
		return true
	}
	kind := func(err error) string {
		s := err.Error()
		if i := strings.Index(s, "(fel på rad"); i >= 0 {
			return s[:i]
		}
		return s
	}
	return kind(oracle.err) == kind(fast.err)
}

// atEnd wraps a part's reader so that it fails at the end as a part cut
// short fails to unpack.
func atEnd(r io.Reader) io.Reader { return io.MultiReader(r, iotest.ErrReader(io.ErrUnexpectedEOF)) }

// checkSame reads data as a sheet (twice: with no bound on a row and a
// small one) and as shared strings, with the fast reader and with the
// oracle, and fails the test where they differ. The fast reader reads it
// whole, and byte by byte (every byte at the end of its buffer) from a
// part that fails to unpack at the end.
func checkSame(t *testing.T, data []byte) {
	t.Helper()
	whole := func(r io.Reader) io.Reader { return r }
	byteByByte := func(r io.Reader) io.Reader { return iotest.OneByteReader(atEnd(r)) }
	for _, w := range []struct {
		name         string
		oracle, fast func(io.Reader) io.Reader
	}{
		{"whole", whole, whole},
		{"byte by byte, failing at the end", atEnd, byteByByte},
	} {
		for _, maxRow := range []int{1 << 30, 12} {
			oracle := readSheet((*Reader).oracleSheetRows, data, maxRow, w.oracle)
			fast := readSheet((*Reader).sheetRows, data, maxRow, w.fast)
			if !sameResult(oracle, fast) {
				t.Fatalf("sheet %q read %s, maxRow %d:\noracle %v\nfast   %v", data, w.name, maxRow, oracle, fast)
			}
		}
		oracle := readStrings((*Reader).oracleSharedStrings, data, w.oracle)
		fast := readStrings((*Reader).sharedStrings, data, w.fast)
		if !sameResult(oracle, fast) {
			t.Fatalf("shared strings %q read %s:\noracle %v\nfast   %v", data, w.name, oracle, fast)
		}
	}
}

// xmlParts returns a workbook's sheets and shared strings.
func xmlParts(t testing.TB, book []byte) [][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var parts [][]byte
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if !strings.HasPrefix(name, "xl/worksheets/sheet") && name != "xl/sharedstrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, data)
	}
	return parts
}

// excelizeBook is a workbook as excelize writes it: shared strings, rich
// text, a formula with its value, booleans, styles.
func excelizeBook(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	set := func(cell string, v any) {
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "Förlopp")
	set("B1", "Kod")
	set("A2", "S0001")
	set("B2", "VP910")
	set("C2", true)
	set("D2", 12.5)
	set("A4", "a&b <c>")
	set("E4", "rad\r\nbrytning _x000D_")
	if err := f.SetCellRichText("Sheet1", "F2", []excelize.RichTextRun{{Text: "fet "}, {Text: "text", Font: &excelize.Font{Bold: true}}}); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFormula("Sheet1", "G2", "D2*2"); err != nil {
		t.Fatal(err)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	set("H2", 45362)
	if err := f.SetCellStyle("Sheet1", "H2", "H2", style); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// edgeCases are sheets and shared strings written by hand: the forms XML
// allows that no program here writes, and broken ones.
var edgeCases = []string{
	`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="C1"><v>1</v></c></row><row r="3"/></sheetData></worksheet>`,
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t='inlineStr'><x:is><x:r><x:t xml:space="preserve"> a </x:t></x:r><x:r><x:t>b</x:t></x:r><x:rPh><x:t>ふ</x:t></x:rPh></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
	`<worksheet><sheetData><row><c t="s"><v> 2 </v></c><c t="s"><v>9</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c s="1"><v>45362.99</v></c><c s="2"><v>1.005</v></c><c s="3"><v>7</v></c><c s="4"><v>0.5425</v></c><c s="x"><v>3</v></c><c s="99999999999999999999"><v>3</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="b"><v>2</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1</f><v>x&amp;y&lt;&gt;&quot;&apos;&#65;&#x42;&#xd;</v></c><c t="d"><v>2024-01-01</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><!-- a comment --><?pi data?><row><c t="inlineStr"><is><t><![CDATA[<a & b>]]></t></is></c></row><extLst><ext><x>1</x></ext></extLst></sheetData></worksheet>`,
	`<!DOCTYPE worksheet [<!ENTITY e "x"> <!-- c --> <!ELEMENT a (#PCDATA)>]><worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="inlineStr"><is><t>a]]>b</t></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="inlineStr"><is><t>a` + "\x01" + `</t></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="inlineStr"><is><t>a` + "\xff" + `</t></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="inlineStr"><is><t>a&#0;</t></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="inlineStr"><is><t>a&#xD800;&#x10FFFF;&#1114112;</t></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="inlineStr"><is><t>a&amp</t></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="2"><c r="B2"><v>1</v></c></row><row r="2"><c><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row r="x"><c><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c><v>1</v></c></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c><v>1</v></c></row>`,
	`<worksheet><sheetData><row><c><v>1</v></c></row></sheetData>trailing <junk`,
	`<worksheet><sheetData><row ><c r = "A1" t	=	"inlineStr" ><is><t>a</t></is></c ></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c r="A1"t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c r=A1><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c r><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c a:b:c="1"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c xmlns:r="A9"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c r="A1" r="C1"><v>1</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c><v>1</v></c></row><:row><c><v>2</v></c></:row><row:><c><v>3</v></c></row:></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c><v>1</v></c></row><Ä><c/></Ä><1a/></sheetData></worksheet>`,
	`<?xml version="1.1"?><worksheet/>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><worksheet/>`,
	`<?xml encoding='utf-8'?><worksheet><sheetData><row/></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="inlineStr"><is><t>a` + "\r\n\r" + `b</t></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="inlineStr"><is><t>a</t></is><v>ignored</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c t="inlineStr"><v>_x000D_v</v></c><c t="inlineStr"><is></is></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><c><v>0</v></c><row><v>5</v><c/></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><c><v>1</v></c><c><v>22222222222222</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><!--a--b--></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><!-x--></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><![CDAT[x]]></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row><![CDATA[x</row></sheetData></worksheet>`,
	`<worksheet><sheetData></row></sheetData></worksheet>`,
	`<worksheet><sheetData><row></row ></sheetData ></worksheet>`,
	`<worksheet><sheetData><row></row x></sheetData></worksheet>`,
	`<worksheet><sheetData><row/ ></sheetData></worksheet>`,
	`<worksheet><sheetData><row a="<"/></sheetData></worksheet>`,
	`<worksheet><sheetData><row a="]]>"/></sheetData></worksheet>`,
	`<sst><si><t>a</t></si><si><r><t>b</t></r><r><t xml:space="preserve"> c</t></r><rPh><t>x</t></rPh></si><si/><si><t>_x005F_x000D_</t></si></sst>`,
	`<x:sst xmlns:x="u"><x:si><x:t>a&#x9;</x:t></x:si></x:sst>`,
	`<sst><si><t>a</t></si>`,
}

// TestFastReaderIsOracle: the fast reader reads every sheet and shared
// strings part of the test workbooks, and the hand-made cases, as
// encoding/xml does.
func TestFastReaderIsOracle(t *testing.T) {
	for _, data := range fuzzSeeds(t) {
		checkSame(t, data)
	}
}

// fuzzSeeds: the parts of the example workbooks, of the workbooks the
// tests write, and the hand-made cases.
func fuzzSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	books, err := filepath.Glob("../../testdata/episodes/*.xlsx")
	if err != nil || len(books) == 0 {
		t.Fatalf("no example workbooks: %v", err)
	}
	for _, b := range books {
		data, err := os.ReadFile(b)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, xmlParts(t, data)...)
	}
	seeds = append(seeds, xmlParts(t, testBook(t))...)
	seeds = append(seeds, xmlParts(t, excelizeBook(t))...)
	for _, s := range edgeCases {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

// fuzzMax bounds the inputs fuzzed, and fuzzSeed the seeds (a part's
// start): the fuzzer minimizes each input that finds new code, for up to
// a minute when it is long. The whole parts are read by
// TestFastReaderIsOracle.
const fuzzMax, fuzzSeed = 2 << 10, 400

// FuzzSheetRows: for any part, the fast reader gives the rows and shared
// strings encoding/xml gives, and fails where it fails.
func FuzzSheetRows(f *testing.F) {
	for _, data := range fuzzSeeds(f) {
		f.Add(data[:min(len(data), fuzzSeed)])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzMax {
			t.Skip("longer than the fuzzer reads")
		}
		checkSame(t, data)
	})
}

// TestScanTables holds the scanner's byte tables, constants, to what
// they mean: nameClass 3 past ASCII, 2 for the colon, 1 for the other
// bytes of an ASCII name, 0 for the rest; plain the printable ASCII, tab
// and line feed, but for < & ] > " and '.
func TestScanTables(t *testing.T) {
	if len(nameClass) != 256 || len(plain) != 256 {
		t.Fatalf("tables of %d and %d bytes, want 256", len(nameClass), len(plain))
	}
	for c := range 256 {
		var class byte
		switch {
		case c >= utf8.RuneSelf:
			class = 3
		case c == ':':
			class = 2
		case isNameByte(byte(c)):
			class = 1
		}
		if nameClass[c] != class {
			t.Errorf("nameClass[%#x] = %d, want %d", c, nameClass[c], class)
		}
		var p byte
		if (c >= 0x20 && c < 0x80 || c == '\t' || c == '\n') && !strings.ContainsRune("<&]>\"'", rune(c)) {
			p = 1
		}
		if plain[c] != p {
			t.Errorf("plain[%#x] = %d, want %d", c, plain[c], p)
		}
	}
}
