package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
)

// MaxColumns is Excel's number of columns (the last is XFD).
const MaxColumns = 16384

// Reader is a workbook opened for reading: its sheets' names, its date
// system and its cell formats. Nothing is unpacked before a sheet is
// read, and a sheet is read as a stream, row by row.
type Reader struct {
	files    map[string]*zip.File // by name, lower case, with / separators
	sheets   []string
	targets  []string // each sheet's part ("" when its relationship is missing)
	date1904 bool
	formats  []numFormat // by cell style (the index into cellXfs)
	shared   []string
	sharedOK bool
}

// numFormat is how a cell style shows a number.
type numFormat struct {
	date bool
	// simple: a format of digits only ("0", "00", "0.00", "#,##0", "0%"):
	// at least ints digits before the decimal sign, decimals after it,
	// times 100 with a % sign when percent. Any other format (General,
	// fractions, currency …) shows the number as stored.
	simple         bool
	ints, decimals int
	percent        bool
}

// Open reads the index of a workbook: which sheets it has, in order,
// where their parts are, its date system and its cell formats. The
// parts are read from data, which must not change while the Reader is
// used.
func Open(data []byte) (*Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New(msg.WorkbookNotZip)
	}
	r := &Reader{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		r.files[strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))] = f
	}
	var date1904 string
	var sheets []indexSheet
	err = r.readPart("xl/workbook.xml", func(rd io.Reader) (err error) {
		date1904, sheets, err = readIndex(rd)
		return err
	})
	if err != nil {
		return nil, err
	}
	r.date1904 = date1904 == "1" || date1904 == "true"
	var rels []relationship
	err = r.readPart("xl/_rels/workbook.xml.rels", func(rd io.Reader) (err error) {
		rels, err = readRelationships(rd)
		return err
	})
	if err != nil && !errors.Is(err, errMissing) {
		return nil, err
	}
	targets := map[string]string{}
	for _, rel := range rels {
		t := strings.ReplaceAll(rel.target, `\`, "/")
		if strings.HasPrefix(t, "/") {
			t = path.Clean(t[1:])
		} else {
			t = path.Join("xl", t)
		}
		targets[rel.id] = strings.ToLower(t)
	}
	for _, s := range sheets {
		r.sheets = append(r.sheets, s.name)
		r.targets = append(r.targets, targets[s.id])
	}
	r.readStyles()
	return r, nil
}

// errMissing: a part that is not in the package. This package's tables
// and errors are constants or functions: a map, errors.New or a table
// computed at package level was work at every start of every command
// (issue 16).
const errMissing = constError("missing part")

// constError is an error that is a constant.
type constError string

func (e constError) Error() string { return string(e) }

// open opens a part of the package by its name.
func (r *Reader) open(name string) (io.ReadCloser, error) {
	f := r.files[name]
	if f == nil {
		return nil, fmt.Errorf("%w: %s", errMissing, fmt.Sprintf(msg.WorkbookMissingPart, name))
	}
	return f.Open()
}

// readPart reads a whole (small) part with read, and says in Swedish
// where its XML breaks off or that it does not unpack.
func (r *Reader) readPart(name string, read func(io.Reader) error) error {
	rc, err := r.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	if err := read(rc); err != nil {
		return partError(name, err)
	}
	return nil
}

// smallPart is the buffer of a scanner of a small part: bufio's, which
// encoding/xml's Decoder read these parts through (a sheet's scanner
// has a large one).
const smallPart = 4 << 10

// indexSheet is a sheet in the workbook's index: its name and its
// relationship's id (r:id).
type indexSheet struct{ name, id string }

// readIndex reads the workbook's index, xl/workbook.xml: its
// workbookPr's date1904 and its sheets. It reads what encoding/xml's
// Unmarshal read into
//
//	struct {
//		Pr struct {
//			Date1904 string `xml:"date1904,attr"`
//		} `xml:"workbookPr"`
//		Sheets []struct {
//			Name string `xml:"name,attr"`
//			ID   string `xml:"id,attr"`
//		} `xml:"sheets>sheet"`
//	}
//
// and fails where it failed; the tests hold it to Unmarshal.
func readIndex(rd io.Reader) (date1904 string, sheets []indexSheet, err error) {
	err = readRoot(newXMLScanner(rd, smallPart), func(s *xmlScanner, parent, name []byte) error {
		switch {
		case parent == nil && string(name) == "workbookPr":
			if v, ok := s.lastAttr("date1904"); ok {
				date1904 = v
			}
		case string(parent) == "sheets" && string(name) == "sheet":
			n, _ := s.lastAttr("name")
			id, _ := s.lastAttr("id")
			sheets = append(sheets, indexSheet{n, id})
		}
		return nil
	})
	return date1904, sheets, err
}

// relationship is a relationship of the workbook's: its id and the part
// it names.
type relationship struct{ id, target string }

// readRelationships reads the workbook's relationships,
// xl/_rels/workbook.xml.rels, as encoding/xml's Unmarshal read them into
//
//	struct {
//		Rel []struct {
//			ID     string `xml:"Id,attr"`
//			Target string `xml:"Target,attr"`
//		} `xml:"Relationship"`
//	}
func readRelationships(rd io.Reader) ([]relationship, error) {
	var rels []relationship
	err := readRoot(newXMLScanner(rd, smallPart), func(s *xmlScanner, parent, name []byte) error {
		if parent == nil && string(name) == "Relationship" {
			id, _ := s.lastAttr("Id")
			target, _ := s.lastAttr("Target")
			rels = append(rels, relationship{id, target})
		}
		return nil
	})
	return rels, err
}

// customFormat is a number format of the workbook's own: its id and its
// code.
type customFormat struct {
	id   int
	code string
}

// readNumFormats reads the number formats of xl/styles.xml: the
// workbook's own, and each cell style's format id, as encoding/xml's
// Unmarshal read them into
//
//	struct {
//		NumFmts []struct {
//			ID   int    `xml:"numFmtId,attr"`
//			Code string `xml:"formatCode,attr"`
//		} `xml:"numFmts>numFmt"`
//		Xfs []struct {
//			ID int `xml:"numFmtId,attr"`
//		} `xml:"cellXfs>xf"`
//	}
//
// (a numFmtId that is no number fails, as there).
func readNumFormats(rd io.Reader) (custom []customFormat, xfs []int, err error) {
	err = readRoot(newXMLScanner(rd, smallPart), func(s *xmlScanner, parent, name []byte) error {
		switch {
		case string(parent) == "numFmts" && string(name) == "numFmt":
			id, err := s.intAttr("numFmtId")
			if err != nil {
				return err
			}
			code, _ := s.lastAttr("formatCode")
			custom = append(custom, customFormat{id, code})
		case string(parent) == "cellXfs" && string(name) == "xf":
			id, err := s.intAttr("numFmtId")
			if err != nil {
				return err
			}
			xfs = append(xfs, id)
		}
		return nil
	})
	return custom, xfs, err
}

// readStyles reads how each cell style shows numbers. A workbook whose
// styles are missing or cannot be read shows every number as stored
// (some programs write no styles), so it has no dates.
func (r *Reader) readStyles() {
	var formats []customFormat
	var xfs []int
	if r.readPart("xl/styles.xml", func(rd io.Reader) (err error) {
		formats, xfs, err = readNumFormats(rd)
		return err
	}) != nil {
		return
	}
	custom := map[int]string{}
	for _, nf := range formats {
		custom[nf.id] = nf.code
	}
	for _, id := range xfs {
		code, ok := custom[id]
		if !ok {
			code = builtinFormat(id)
		}
		f := numFormat{date: isDateFormat(id, custom)}
		if !f.date {
			f.simple, f.ints, f.decimals, f.percent = simpleFormat(code)
		}
		r.formats = append(r.formats, f)
	}
}

// builtinFormat is the code of Excel's built-in number format id when
// it is of digits only; "" for the others, which show a number as
// stored here.
func builtinFormat(id int) string {
	switch id {
	case 1:
		return "0"
	case 2:
		return "0.00"
	case 3:
		return "#,##0"
	case 4:
		return "#,##0.00"
	case 9:
		return "0%"
	case 10:
		return "0.00%"
	}
	return ""
}

// simpleFormat parses a number format of digit placeholders only: its
// first section of 0, #, the thousands separator, a decimal point and a
// percent sign.
func simpleFormat(code string) (ok bool, ints, decimals int, percent bool) {
	code, _, _ = strings.Cut(code, ";")
	if code == "" {
		return false, 0, 0, false
	}
	point := false
	for _, c := range code {
		switch c {
		case '0':
			if point {
				decimals++
			} else {
				ints++
			}
		case '#':
			if point {
				decimals++
			}
		case ',':
		case '.':
			if point {
				return false, 0, 0, false
			}
			point = true
		case '%':
			percent = true
		default:
			return false, 0, 0, false
		}
	}
	return true, ints, decimals, percent
}

// Sheets returns the workbook's sheets' names, in the workbook's order.
func (r *Reader) Sheets() []string { return r.sheets }

// Date1904 reports whether the workbook counts days from 1904.
func (r *Reader) Date1904() bool { return r.date1904 }

// Rows reads a sheet row by row, calling row with the row's number (as
// Excel numbers it) and its cells as the text Excel shows, from column
// A: every row up to the last one in the sheet, empty ones too (with no
// cells); empty cells at the end of a row are left out. A row whose text is longer than maxRow bytes has tooLong set
// and only the cells before the one that went past the bound. The cells
// are row's to keep. An error from row ends the read with that error.
func (r *Reader) Rows(sheet string, maxRow int, row func(no int, cells []string, tooLong bool) error) error {
	i := -1
	for j, s := range r.sheets {
		if s == sheet {
			i = j
			break
		}
	}
	if i < 0 || r.targets[i] == "" {
		return fmt.Errorf(msg.WorkbookNoSheetPart, sheet)
	}
	if err := r.readShared(); err != nil {
		return err
	}
	part := r.targets[i]
	rc, err := r.open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	return r.sheetRows(part, rc, maxRow, row)
}

// readShared reads the shared strings once: each <si>'s text, its
// phonetic readings (<rPh>) left out.
func (r *Reader) readShared() error {
	if r.sharedOK {
		return nil
	}
	r.sharedOK = true
	const part = "xl/sharedstrings.xml"
	rc, err := r.open(part)
	if errors.Is(err, errMissing) {
		return nil
	}
	if err != nil {
		return err
	}
	defer rc.Close()
	return r.sharedStrings(part, rc)
}

// sharedStrings reads the shared strings' part.
func (r *Reader) sharedStrings(part string, rd io.Reader) error {
	s := newXMLScanner(rd, 64<<10)
	var text []byte
	in, phonetic, t := false, 0, false
	for {
		switch s.next() {
		case tokEOF:
			return nil
		case tokError:
			return partError(part, s.err)
		case tokStart:
			switch string(s.local) {
			case "si":
				in, text = true, text[:0]
			case "rPh": // a phonetic reading, not shown
				phonetic++
			case "t":
				t = in && phonetic == 0
			}
		case tokEnd:
			switch string(s.local) {
			case "si":
				r.shared = append(r.shared, unescape(string(text)))
				in = false
			case "rPh":
				phonetic--
			case "t":
				t = false
			}
		case tokText:
			if t {
				text = append(text, s.text...)
			}
		}
	}
}

// lastCell is a column's last cell read and its text, which the next
// row's cell in the column takes without working it out again (and
// without a string of its own) when it is the same.
type lastCell struct {
	typ       string
	style     int
	hasInline bool
	v, inline []byte
	text      string
	ok        bool
}

// sheetRows reads a sheet's XML.
func (r *Reader) sheetRows(part string, rd io.Reader, maxRow int, emit func(no int, cells []string, tooLong bool) error) error {
	s := newXMLScanner(rd, 64<<10)
	var (
		cells          []string
		no, col, size  int
		tooLong, inRow bool
		typ            string
		style          int
		v, inline      []byte
		inV, inIs, inT bool
		hasInline      bool
		phonetic       int
		last           []lastCell // by column
		width          int        // the last row's cells
		badCell        = func(ref []byte) error { return fmt.Errorf(msg.WorkbookBadCell, part, ref) }
	)
	for {
		switch s.next() {
		case tokEOF:
			return nil
		case tokError:
			return partError(part, s.err)
		case tokStart:
			switch string(s.local) {
			case "row":
				n := no + 1
				if a, ok := s.attr("r"); ok {
					k, err := atoi(a)
					if err != nil || k <= no || k > maxRows {
						return fmt.Errorf(msg.WorkbookBadRow, part, k)
					}
					n = k
				}
				for no+1 < n {
					no++
					if err := emit(no, nil, false); err != nil {
						return err
					}
				}
				no, col, size, tooLong, inRow = n, -1, 0, false, true
				cells = make([]string, 0, width)
			case "c":
				if !inRow {
					continue
				}
				next := col + 1
				if ref, ok := s.attr("r"); ok {
					c, ok := refColumn(ref)
					if !ok || c < next {
						return badCell(ref)
					}
					next = c
				}
				if next >= MaxColumns {
					return badCell([]byte(cellRef(next, no)))
				}
				col = next
				typ = "n"
				if t, ok := s.attr("t"); ok {
					typ = cellType(t)
				}
				style = 0
				if a, ok := s.attr("s"); ok {
					style = styleIndex(a)
				}
				v, inline, hasInline, phonetic = v[:0], inline[:0], false, 0
			case "v":
				inV = true
			case "is":
				inIs, hasInline = true, true
			case "rPh":
				phonetic++
			case "t":
				inT = inIs && phonetic == 0
			}
		case tokEnd:
			switch string(s.local) {
			case "row":
				if !inRow {
					continue
				}
				inRow = false
				for len(cells) > 0 && cells[len(cells)-1] == "" {
					cells = cells[:len(cells)-1]
				}
				width = len(cells)
				if err := emit(no, cells, tooLong); err != nil {
					return err
				}
			case "c":
				if !inRow || tooLong {
					continue
				}
				for len(last) <= col {
					last = append(last, lastCell{})
				}
				l := &last[col]
				var text string
				if l.ok && l.typ == typ && l.style == style && l.hasInline == hasInline && bytes.Equal(l.v, v) && bytes.Equal(l.inline, inline) {
					text = l.text
				} else {
					var err error
					if text, err = r.cellText(part, typ, style, v, inline, hasInline); err != nil {
						return err
					}
					*l = lastCell{typ, style, hasInline, append(l.v[:0], v...), append(l.inline[:0], inline...), text, true}
				}
				if size += len(text); size > maxRow {
					tooLong = true
					continue
				}
				for len(cells) < col {
					cells = append(cells, "")
				}
				cells = append(cells, text)
			case "v":
				inV = false
			case "is":
				inIs = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			case "sheetData":
				return nil
			}
		case tokText:
			switch {
			case inT:
				inline = append(inline, s.text...)
			case inV:
				v = append(v, s.text...)
			}
		}
	}
}

// cellType is a cell's type (its t attribute) as cellText tells them
// apart: any other is a number's.
func cellType(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	case "b":
		return "b"
	case "str":
		return "str"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return "n"
}

// styleIndex is a cell's style (its s attribute) as strconv.Atoi reads
// it: 0 when it is no number, past any style when it is out of range
// (Atoi's bound).
func styleIndex(a []byte) int {
	k, _ := atoi(a) // 0, or the bound passed
	return k
}

// atoi is strconv.Atoi without a string for the plain digits of a row
// number or style.
func atoi(a []byte) (int, error) {
	if len(a) == 0 || len(a) > 9 {
		return strconv.Atoi(string(a))
	}
	n := 0
	for _, c := range a {
		if c < '0' || c > '9' {
			return strconv.Atoi(string(a))
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

// partError is the error reading a part ended in, in Swedish: where its
// XML breaks off, or that it does not unpack.
func partError(part string, err error) error {
	var se *syntaxError
	if errors.As(err, &se) {
		return fmt.Errorf(msg.WorkbookBadXML, part, se.line)
	}
	return fmt.Errorf(msg.WorkbookBadPart, part)
}

// refColumn returns the column (from 0) of a cell reference (AB12): the
// scanner's bytes, or a string.
func refColumn[T string | []byte](ref T) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		if col = col*26 + int(c-'a'+1); col > MaxColumns {
			return 0, false
		}
	}
	if i == 0 {
		return 0, false
	}
	return col - 1, true
}

// cellText is a cell's value as Excel shows it.
func (r *Reader) cellText(part, typ string, style int, v, inline []byte, hasInline bool) (string, error) {
	switch typ {
	case "s":
		k, err := strconv.Atoi(strings.TrimSpace(string(v)))
		if err != nil || k < 0 || k >= len(r.shared) {
			return "", fmt.Errorf(msg.WorkbookBadString, part, string(v))
		}
		return r.shared[k], nil
	case "inlineStr":
		if hasInline {
			return unescape(string(inline)), nil
		}
		return unescape(string(v)), nil
	case "b":
		switch string(v) {
		case "1":
			return "TRUE", nil
		case "0":
			return "FALSE", nil
		}
		return string(v), nil
	case "str", "e", "d": // a formula's text, an error (#N/A), an ISO date
		return unescape(string(v)), nil
	}
	s := strings.TrimSpace(string(v))
	if s == "" {
		return "", nil
	}
	var f numFormat
	if style >= 0 && style < len(r.formats) {
		f = r.formats[style]
	}
	if f.date {
		return serialDate(s, r.date1904), nil
	}
	return number(s, f), nil
}

// number is a number cell's text: in a format of digits only as that
// format shows it (01 in "00", 1.50 in "0.00"), otherwise as stored
// ("12", not "12.0"; at most 15 significant digits, as Excel keeps).
func number(s string, f numFormat) string {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
		return s
	}
	if !f.simple {
		if digits(s) <= 15 {
			return s
		}
		return strconv.FormatFloat(x, 'g', 15, 64)
	}
	if f.percent {
		x *= 100
	}
	t := roundHalfUp(x, f.decimals)
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	ip, _, _ := strings.Cut(t, ".")
	if len(ip) < f.ints {
		t = strings.Repeat("0", f.ints-len(ip)) + t
	} else if f.ints == 0 && ip == "0" && f.decimals > 0 {
		t = t[1:] // "#.00" shows .50
	}
	if neg && strings.Trim(t, "0.") != "" {
		t = "-" + t
	}
	if f.percent {
		t += "%"
	}
	return t
}

// roundHalfUp formats x with the decimals given, rounding a half away
// from zero in the shortest decimal form of x, as Excel rounds (54.25 is
// 54.3 with one decimal; strconv rounds to even).
func roundHalfUp(x float64, decimals int) string {
	t := strconv.FormatFloat(math.Abs(x), 'f', -1, 64)
	ip, fp, _ := strings.Cut(t, ".")
	digits := []byte(ip + fp)
	keep := len(ip) + decimals
	for len(digits) < keep {
		digits = append(digits, '0')
	}
	up := len(digits) > keep && digits[keep] >= '5'
	digits = digits[:keep]
	for i := len(digits) - 1; up && i >= 0; i-- {
		if digits[i] == '9' {
			digits[i] = '0'
		} else {
			digits[i]++
			up = false
		}
	}
	if up {
		digits = append([]byte{'1'}, digits...)
	}
	n := len(digits) - decimals
	out := string(digits[:n])
	if decimals > 0 {
		out += "." + string(digits[n:])
	}
	if x < 0 {
		out = "-" + out
	}
	return out
}

// digits counts the significant digits of a stored number.
func digits(s string) int {
	mant, _, _ := strings.Cut(strings.ToLower(s), "e")
	mant = strings.TrimLeft(strings.Trim(mant, "+-"), "0.")
	return len(strings.ReplaceAll(mant, ".", ""))
}

// unescape decodes the escapes Excel writes for characters XML cannot
// carry: _x000D_ is a carriage return, and _x005F_ an underscore that
// starts what would otherwise be read as an escape.
func unescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "_x")
		if i < 0 || len(s) < i+7 || s[i+6] != '_' {
			b.WriteString(s)
			return b.String()
		}
		n, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
		if err != nil {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		b.WriteString(s[:i])
		b.WriteRune(rune(n))
		s = s[i+7:]
	}
}

// Records reads the first sheet of a workbook as text, as rows of cells
// from column A: empty rows between rows are empty, empty cells at the
// end of a row and empty rows at the end of the sheet are left out.
func Records(data []byte) ([][]string, error) {
	r, err := Open(data)
	if err != nil {
		return nil, err
	}
	if len(r.sheets) == 0 {
		return nil, nil
	}
	var out [][]string
	last := 0
	err = r.Rows(r.sheets[0], math.MaxInt, func(no int, cells []string, _ bool) error {
		for len(cells) > 0 && cells[len(cells)-1] == "" {
			cells = cells[:len(cells)-1]
		}
		out = append(out, cells)
		if len(cells) > 0 {
			last = len(out)
		}
		return nil
	})
	return out[:last], err
}

// serialDate returns the date of a serial number in a cell with a date
// format as YYYY-MM-DD, as Excel shows it: the 1900 system has Excel's
// 29 February 1900 (serial 60) and 0 January 1900 (serial 0), shown so
// and rejected by the date parser; a time of day is dropped, after
// rounding to the second as Excel does when it shows a time without
// fractions of a second (23:59:59.6 is shown as the next day). A number that is no date
// Excel shows (below 0, past 9999) is returned as the number, which the
// date parser rejects too.
func serialDate(v string, date1904 bool) string {
	n, err := strconv.ParseFloat(v, 64)
	if err != nil || n < 0 || n >= 2958466 {
		return number(v, numFormat{})
	}
	serial := int(math.Floor(n + 0.5/86400))
	switch {
	case date1904:
		return compiler.Day(serial - 24107).String() // 1904-01-01 is 24107 days before 1970-01-01
	case serial == 60:
		return "1900-02-29"
	case serial == 0:
		return "1900-01-00"
	case serial < 60:
		return compiler.Day(serial - 25568).String()
	}
	return compiler.Day(serial - 25569).String() // serial 25569 is 1970-01-01
}

// isDateFormat reports whether number format id shows a date: one of
// Excel's built-in date formats (not the time-only ones), or a custom
// format with a year or day in it.
func isDateFormat(id int, custom map[int]string) bool {
	if code, ok := custom[id]; ok {
		return isDateCode(code)
	}
	switch {
	case 14 <= id && id <= 17, id == 22, 27 <= id && id <= 31, id == 36, 50 <= id && id <= 58:
		return true
	}
	return false
}

// isDateCode reports whether a number format code shows a date: its
// first section has y or d outside quoted text, escapes and brackets
// (colours, locales, elapsed hours). "m" alone is ambiguous (months or
// minutes) and "mmm yyyy" has a y anyway.
func isDateCode(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case ';':
			return false
		case '"':
			for i++; i < len(code) && code[i] != '"'; i++ {
			}
		case '[':
			for i++; i < len(code) && code[i] != ']'; i++ {
			}
		case '\\', '_', '*':
			i++ // the next character is literal, or a fill or width
		case 'y', 'Y', 'd', 'D':
			return true
		}
	}
	return false
}
