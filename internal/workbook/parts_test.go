package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// The index, the relationships and the styles as the reader read them
// before the scanner: encoding/xml's Unmarshal into these structs, the
// oracle readIndex, readRelationships and readNumFormats are held to.
type (
	oracleIndex struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	oracleRels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	oracleStyles struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			ID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
)

// partResult is what reading a part as one of the three gave: its
// fields in a form both readers give, and the error in Swedish (the
// line where the XML breaks off included).
type partResult struct {
	fields string
	err    string
}

// partReader reads a part as one of the three, with the scanner and
// with the oracle.
type partReader struct {
	part         string
	fast, oracle func(io.Reader) (string, error)
}

var partReaders = []partReader{
	{
		"xl/workbook.xml",
		func(rd io.Reader) (string, error) {
			d, sheets, err := readIndex(rd)
			return fmt.Sprintf("%q %q", d, sheets), err
		},
		func(rd io.Reader) (string, error) {
			var v oracleIndex
			err := xml.NewDecoder(rd).Decode(&v)
			var sheets []indexSheet
			for _, s := range v.Sheets {
				sheets = append(sheets, indexSheet{s.Name, s.ID})
			}
			return fmt.Sprintf("%q %q", v.Pr.Date1904, sheets), err
		},
	},
	{
		"xl/_rels/workbook.xml.rels",
		func(rd io.Reader) (string, error) {
			rels, err := readRelationships(rd)
			return fmt.Sprintf("%q", rels), err
		},
		func(rd io.Reader) (string, error) {
			var v oracleRels
			err := xml.NewDecoder(rd).Decode(&v)
			var rels []relationship
			for _, r := range v.Rel {
				rels = append(rels, relationship{r.ID, r.Target})
			}
			return fmt.Sprintf("%q", rels), err
		},
	},
	{
		"xl/styles.xml",
		func(rd io.Reader) (string, error) {
			custom, xfs, err := readNumFormats(rd)
			return formatsString(custom, xfs), err
		},
		func(rd io.Reader) (string, error) {
			var v oracleStyles
			err := xml.NewDecoder(rd).Decode(&v)
			var custom []customFormat
			for _, f := range v.NumFmts {
				custom = append(custom, customFormat{f.ID, f.Code})
			}
			var xfs []int
			for _, x := range v.Xfs {
				xfs = append(xfs, x.ID)
			}
			return formatsString(custom, xfs), err
		},
	},
}

// formatsString shows what readNumFormats read.
func formatsString(custom []customFormat, xfs []int) string {
	var b strings.Builder
	for _, f := range custom {
		fmt.Fprintf(&b, "%d %q, ", f.id, f.code)
	}
	fmt.Fprint(&b, xfs)
	return b.String()
}

// readWith reads data with one of a partReader's readers: the fields,
// and the error as partError shows it (encoding/xml's SyntaxError as the
// scanner's). The fields of a failed read are left out: the reader
// drops them.
func readWith(part string, read func(io.Reader) (string, error), rd io.Reader) partResult {
	fields, err := read(rd)
	if err != nil {
		return partResult{err: partError(part, fromXML(err)).Error()}
	}
	return partResult{fields: fields}
}

// checkParts reads data as each of the three parts, with the scanner
// and with Unmarshal, and fails the test where they differ: in the
// fields, in failing or not, in the error's message and line. The
// scanner reads it whole, and byte by byte from a part that fails to
// unpack at the end, where Unmarshal, which stops at the root's end,
// must not see the failure either.
func checkParts(t *testing.T, data []byte) {
	t.Helper()
	for _, p := range partReaders {
		oracle := readWith(p.part, p.oracle, bytes.NewReader(data))
		if fast := readWith(p.part, p.fast, bytes.NewReader(data)); fast != oracle {
			t.Fatalf("%s %q read whole:\noracle %+v\nfast   %+v", p.part, data, oracle, fast)
		}
		oracle = readWith(p.part, p.oracle, atEnd(bytes.NewReader(data)))
		if fast := readWith(p.part, p.fast, iotest.OneByteReader(atEnd(bytes.NewReader(data)))); fast != oracle {
			t.Fatalf("%s %q read byte by byte, failing at the end:\noracle %+v\nfast   %+v", p.part, data, oracle, fast)
		}
	}
}

// partCases are the three parts written by hand: each form XML and the
// struct tags allow, and broken ones. Each is read as each part.
var partCases = []string{
	``,
	" \n ",
	`<!-- only a comment -->`,
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<workbook ` + ns + `><workbookPr date1904="1"/><sheets><sheet name="Andra" sheetId="2" r:id="rId7"/><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
	"\ufeff" + `<workbook><sheets><sheet name="a" id="1"/></sheets></workbook>`,
	`<x:workbook xmlns:x="u" xmlns:r="v"><x:workbookPr x:date1904="true"/><x:sheets><x:sheet x:name="a&amp;b&lt;&#x41;&#66;" r:id="rId1"/></x:sheets></x:workbook>`,
	`<workbook><sheets><sheet name="a" r:id="rId1" id="rId2" r:id="rId3"/><sheet/><sheet name="b"></sheet></sheets><sheets><sheet name="c"/></sheets></workbook>`,
	`<workbook><workbookPr date1904="1"/><workbookPr/><workbookPr date1904="0" date1904="true"/></workbook>`,
	`<workbook><workbookPr><workbookPr date1904="1"/></workbookPr></workbook>`,
	`<workbook><sheet name="top"/><x><sheets><sheet name="deep"/></sheets></x><sheets><x><sheet name="deeper"/></x><sheets><sheet name="nested"/></sheets><sheet name="ok"><sheet name="in"/></sheet></sheets></workbook>`,
	`<sheets><sheet name="root is sheets"/></sheets>`,
	`<workbook><x><workbookPr date1904="1"/></x><Relationship Id="r" Target="t"/><numFmts><numFmt numFmtId="1"/></numFmts></workbook>`,
	`<workbook><![CDATA[<sheets><sheet name="no"/></sheets>]]><!-- <sheets><sheet name="no"/></sheets> --><?pi <sheet?><sheets>text<![CDATA[x]]><sheet name='q"' id="&quot;'"/></sheets></workbook>`,
	`<!DOCTYPE workbook [<!ENTITY e "x"> <!-- c --> <!ELEMENT a (#PCDATA)>]><workbook><sheets><sheet name="d"/></sheets></workbook>`,
	`<workbook><sheets><sheet name="&e;"/></sheets></workbook>`,
	`<workbook><sheets><sheet name="a` + "\x01" + `"/></sheets></workbook>`,
	`<workbook><sheets><sheet name="a` + "\r\n\tb" + `"/></sheets></workbook>`,
	`<workbook><sheets><sheet name="<"/></sheets></workbook>`,
	`<workbook><sheets><sheet name=a/></sheets></workbook>`,
	`<workbook><sheets><sheet name="a"></sheets></workbook>`,
	`<workbook><sheets><sheet name="a"/></sheets>`,
	`<workbook><sheets><sheet name="a"/></sheets></workbook>trailing <junk`,
	`<workbook/><another/>`,
	"<workbook>\n<sheets>\n<sheet name=\"a\"/>\n</sheets>\n</workbook",
	"\n\n<workbook>\n<sheets>\n<sheet name=\"a\"/>\n</x>",
	`</workbook>`,
	`text before <workbook><sheets><sheet name="a"/></sheets></workbook>`,
	`<?xml version="1.1"?><workbook/>`,
	`<?xml version="1.0" encoding="ISO-8859-1"?><workbook/>`,
	`<Ä><sheets><sheet näme="x" name="y"/></sheets></Ä>`,
	`<workbook><sheets><sheet a:b:c="1"/></sheets></workbook>`,
	`<workbook><sheets><sheet xmlns:name="ns" xmlns:id="i"/><sheet :name="colon first" id:="colon last"/></sheets></workbook>`,
	`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId7" Target="worksheets\sheet2.xml"/></Relationships>`,
	`<Relationships><Relationship Id="a" Target="b"/><Relationships><Relationship Id="deep" Target="d"/></Relationships><x:Relationship x:Id="p" Target="q" Target="r"/><relationship Id="lower" Target="case"/><Relationship/></Relationships>`,
	`<styleSheet ` + ns + `><numFmts count="2"><numFmt numFmtId="164" formatCode="00"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165" applyNumberFormat="1"><alignment/></xf></cellXfs></styleSheet>`,
	`<styleSheet><cellXfs><xf numFmtId=" 14 "/><xf numFmtId=""/><xf/><xf numFmtId="+3"/><xf numFmtId="-2"/><xf numFmtId="007"/><xf numFmtId="1" numFmtId="2"/></cellXfs></styleSheet>`,
	`<styleSheet><cellXfs><xf numFmtId="x"/></cellXfs></styleSheet>`,
	`<styleSheet><cellXfs><xf numFmtId=" "/></cellXfs></styleSheet>`,
	`<styleSheet><cellXfs><xf numFmtId="1.0"/></cellXfs></styleSheet>`,
	`<styleSheet><cellXfs><xf numFmtId="0x10"/></cellXfs></styleSheet>`,
	`<styleSheet><cellXfs><xf numFmtId="1_000"/></cellXfs></styleSheet>`,
	`<styleSheet><cellXfs><xf numFmtId="99999999999999999999"/></cellXfs></styleSheet>`,
	`<styleSheet><cellXfs><xf numFmtId="bad" numFmtId="1"/></cellXfs></styleSheet>`,
	`<styleSheet><cellXfs><xf numFmtId="&#x31;&#x32;"/></cellXfs><numFmts><numFmt numFmtId="12" formatCode="0.0"/><numFmt formatCode="x"/></numFmts></styleSheet>`,
	`<styleSheet><numFmts><cellXfs><xf numFmtId="1"/></cellXfs></numFmts><cellXfs><numFmt numFmtId="2"/></cellXfs><x:cellXfs><y:xf y:numFmtId="3"/></x:cellXfs><cellXfs><xf numFmtId="bad"><xf numFmtId="4"/></xf></cellXfs></styleSheet>`,
	`<styleSheet><cellXfs><x numFmtId="bad"/><xf numFmtId="5"/></cellXfs><numFmts><numFmt numFmtId="1" x="bad"/></numFmts></styleSheet>`,
	`<styleSheet><cellXfs><xf numFmtId="1"/></cellXfs>`,
}

// TestPartsAreUnmarshal: the index, the relationships and the styles of
// the test workbooks, and the hand-made cases, read as encoding/xml's
// Unmarshal read them.
func TestPartsAreUnmarshal(t *testing.T) {
	for _, data := range partSeeds(t) {
		checkParts(t, data)
	}
}

// partSeeds: the three parts of the example workbooks and of the
// workbooks the tests write, and the hand-made cases.
func partSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	for _, book := range testBooks(t) {
		seeds = append(seeds, zipPartsNamed(t, book, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml")...)
	}
	for _, c := range partCases {
		seeds = append(seeds, []byte(c))
	}
	return seeds
}

// testBooks: the example workbooks and the workbooks the tests write.
func testBooks(t testing.TB) [][]byte {
	t.Helper()
	files, err := filepath.Glob("../../testdata/episodes/*.xlsx")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example workbooks: %v", err)
	}
	var books [][]byte
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		books = append(books, data)
	}
	return append(books, testBook(t), excelizeBook(t))
}

// zipPartsNamed returns a workbook's parts of the names given (in any
// case), failing the test when one is missing.
func zipPartsNamed(t testing.TB, book []byte, names ...string) [][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	var parts [][]byte
	for _, name := range names {
		var data []byte
		for _, f := range zr.File {
			if !strings.EqualFold(f.Name, name) {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			data, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
		}
		if data == nil {
			t.Fatalf("a workbook has no %s", name)
		}
		parts = append(parts, data)
	}
	return parts
}

// FuzzWorkbookParts: for any part, readIndex, readRelationships and
// readNumFormats read what Unmarshal reads, and fail where and as it
// fails.
func FuzzWorkbookParts(f *testing.F) {
	for _, data := range partSeeds(f) {
		f.Add(data[:min(len(data), fuzzSeed)])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzMax {
			t.Skip("longer than the fuzzer reads")
		}
		checkParts(t, data)
	})
}
