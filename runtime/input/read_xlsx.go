package input

// Reading xlsx workbooks. Regions' exports and coordinators' own files
// are Excel workbooks; asking for a CSV export first loses people on the
// way (and Excel's CSV has its own traps: the separator of the locale,
// Windows-1252, dates as shown). The workbook is read with
// internal/workbook, which streams a sheet row by row instead of loading
// it whole.
//
// The cells are not checked here: each row is written as one CSV row
// (";"-separated, quoted as Excel quotes) and given to the CSV reader's
// header and row functions, so a workbook has the same columns, aliases,
// checks and messages as the same rows saved as CSV, now and whenever
// those change. Only what a workbook adds is handled here: which sheet,
// the sheet's row numbers, and dates stored as serial numbers.

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/internal/workbook"
)

// Bounds on a workbook, so that a hostile or broken one (a zip bomb, a
// sheet of one huge cell) ends in a message, not in exhausted memory or
// disk. Each is far above what an export of a whole country's pathways
// needs: a sheet of 200 000 rows is some 10 MB packed and 50 MB of XML.
const (
	// maxXLSXFile bounds the packed workbook, which is read into memory.
	maxXLSXFile = 256 << 20
	// maxXLSXUnpacked bounds all parts unpacked together. A sheet is
	// unpacked as it is read, never whole.
	maxXLSXUnpacked = 2 << 30
	// maxXLSXPart bounds any part other than a worksheet (styles, the
	// shared strings, images): these are held in memory, the shared
	// strings as an index of two numbers per string.
	maxXLSXPart = 64 << 20
	// maxXLSXRun bounds the bytes between two XML markup characters in a
	// sheet or the shared strings, which is the size of one cell's text
	// (or one attribute): the XML parser holds a text in memory whole.
	maxXLSXRun = 32 << 20
	// maxXLSXStrings bounds the shared strings (the distinct texts of a
	// workbook): an export's are mostly its episode ids, and Sweden has
	// some 60 000 pathways a year.
	maxXLSXStrings = 2_000_000
	// maxXLSXColumns is Excel's last column, XFD.
	maxXLSXColumns = workbook.MaxColumns
)

// The first bytes of a ZIP file (an xlsx is one) and of an OLE2 compound
// file (an old .xls, or an xlsx encrypted with a password).
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// isWorkbook reports whether an input that starts with p is a ZIP or OLE2
// file, which readXLSX reads (or explains).
func isWorkbook(p []byte) bool { return bytes.HasPrefix(p, zipMagic) || bytes.HasPrefix(p, oleMagic) }

// readXLSX reads a workbook from r: the sheet opts.Sheet, or the first
// one. The first row with a value is the header; rows are numbered as
// Excel numbers them (the header row is usually 1, empty rows count).
// Cells with a date format hold serial numbers (days since 1900, or 1904
// when the workbook says so); they are read as the date Excel shows.
// Other numbers are read as Excel shows them ("12", not "12.0").
//
// Once ctx is done (the pipeline refused the header's columns, or the
// rows of an episode proved not adjacent) no more rows are read, and the
// error wraps context.Cause(ctx), as for a CSV file.
func readXLSX(ctx context.Context, name string, lr *lineReader, opts Options, sink Sink) (err error) {
	// The reader parses untrusted input; whatever slips through it must
	// end as a message about this file, not a crash.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf(msg.InputXLSXBroken, name, fmt.Errorf("%v", p))
		}
	}()
	if strings.EqualFold(path.Ext(name), ".xlsm") {
		return fmt.Errorf(msg.InputXLSM, name)
	}
	data, err := io.ReadAll(io.LimitReader(lr.rest(), maxXLSXFile+1))
	if err != nil {
		return readError(name, err)
	}
	if len(data) > maxXLSXFile {
		return fmt.Errorf(msg.InputXLSXTooBig, name, maxXLSXFile>>20)
	}
	if bytes.HasPrefix(data, oleMagic) {
		return fmt.Errorf(msg.InputXLS, name)
	}
	if err := checkWorkbookZip(name, data); err != nil {
		return err
	}
	wb, err := workbook.Open(data)
	if err != nil {
		return fmt.Errorf(msg.InputXLSXUnreadable, name, err)
	}
	sheets := wb.Sheets()
	sheet, err := pickSheet(name, sheets, opts.Sheet)
	if err != nil {
		return err
	}
	b := newBuilder(name, sink)
	b.dmy = isDMY(opts)
	b.date1904 = wb.Date1904()
	b.columns = opts.Columns
	defer releaseBuilder(b)
	x := xlsxRows{c: &csvReader{name: name, workbook: true, enc: encUTF8, b: b}, ctx: ctx}
	err = wb.Rows(sheet, maxLine, x.row)
	var he headerError
	switch {
	case errors.Is(err, errStopped):
		return fmt.Errorf("%s: %w", name, context.Cause(ctx))
	case errors.As(err, &he):
		err = he.err // the CSV reader's message about the header
	case err != nil:
		err = fmt.Errorf(msg.InputXLSXUnreadable, name, err)
	case !x.header:
		err = fmt.Errorf(msg.InputXLSXEmpty, name, sheet)
	}
	b.flush()
	if !x.header && err != nil && opts.Sheet == "" && len(sheets) > 1 {
		// The data may be on another sheet.
		err = fmt.Errorf(msg.InputXLSXOtherSheets, err, sheet, quotedList(sheets))
	}
	return err
}

// rest returns what is left of l's input: the bytes buffered, then the
// rest of its reader (or the error that stopped it).
func (l *lineReader) rest() io.Reader {
	buffered := bytes.NewReader(l.buf[l.pos:l.end])
	switch l.err {
	case nil:
		return io.MultiReader(buffered, l.r)
	case io.EOF:
		return buffered
	}
	return io.MultiReader(buffered, errReader{l.err})
}

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// checkWorkbookZip checks, before anything is unpacked for reading, that data is
// a ZIP holding an xlsx workbook (not a Word file, an OpenDocument file
// or a macro workbook), and that its parts unpack within the bounds
// (scanXML reads the sheets and shared strings through for that). The
// sizes are the ones the ZIP declares; archive/zip fails a part that
// unpacks to more than it declared, so they cannot lie.
func checkWorkbookZip(name string, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf(msg.InputXLSXNotZip, name)
	}
	var total uint64
	workbook := false
	for _, zf := range zr.File {
		part := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		size := zf.UncompressedSize64
		total += size
		switch {
		case part == "xl/workbook.xml":
			workbook = true
		case part == "xl/vbaproject.bin":
			return fmt.Errorf(msg.InputXLSM, name)
		}
		sheet := strings.HasPrefix(part, "xl/worksheets/sheet")
		if !sheet && size > maxXLSXPart || total > maxXLSXUnpacked {
			return fmt.Errorf(msg.InputXLSXBomb, name, zf.Name)
		}
		if sheet || part == "xl/sharedstrings.xml" {
			if err := scanXML(zf, !sheet); err != nil {
				return fmt.Errorf(msg.InputXLSXBomb, name, zf.Name)
			}
		}
	}
	if !workbook {
		return fmt.Errorf(msg.InputXLSXNotWorkbook, name)
	}
	return nil
}

// What scanXML finds beyond its bounds.
var (
	errLongRun      = errors.New(msg.InputXLSXLongText)
	errManyStrings  = errors.New(msg.InputXLSXManyStrings)
	errManyRowCells = errors.New(msg.InputXLSXManyCells)
)

// scanXML reads a sheet or the shared strings (strings) through, before
// the reader does, and fails where reading would take memory out of
// proportion to the part's size:
//   - a run of more than maxXLSXRun bytes between markup characters (a
//     text or an attribute), which the XML parser holds whole;
//   - more than maxXLSXStrings shared strings, each of which costs a
//     string header however short it is;
//   - a row of more cells than Excel's 16 384 columns: the reader keeps
//     a row's cells, and a cell without a reference counts on past the
//     last column.
//
// Element names are compared without their namespace prefix.
func scanXML(zf *zip.File, strings bool) error {
	rc, err := zf.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	buf := make([]byte, 256<<10)
	var name [8]byte
	run, n, cells, items := 0, 0, 0, 0
	naming := false
	endName := func() error {
		naming = false
		local := name[:min(n, len(name))]
		if i := bytes.LastIndexByte(local, ':'); i >= 0 {
			local = local[i+1:]
		}
		switch {
		case n > len(name): // a longer name: none of those below
		case strings && string(local) == "si":
			if items++; items > maxXLSXStrings {
				return errManyStrings
			}
		case !strings && string(local) == "row":
			cells = 0
		case !strings && string(local) == "c":
			if cells++; cells > maxXLSXColumns {
				return errManyRowCells
			}
		}
		return nil
	}
	for {
		k, rerr := rc.Read(buf)
		for b := buf[:k]; len(b) > 0; {
			if !naming {
				// Text and attributes: counted in one go up to the
				// next markup character.
				j := 0
				for j < len(b) && b[j] != '<' && b[j] != '>' {
					j++
				}
				if run += j; run > maxXLSXRun {
					return errLongRun
				}
				if b = b[j:]; len(b) == 0 {
					break
				}
			}
			c := b[0]
			b = b[1:]
			switch {
			case c == '<':
				run, n, naming = 0, 0, true
				continue
			case c == '>':
				run = 0
				if naming {
					if err := endName(); err != nil {
						return err
					}
				}
				continue
			}
			if run++; run > maxXLSXRun {
				return errLongRun
			}
			if !naming {
				continue
			}
			if c == ' ' || c == '/' || c == '\t' || c == '\n' || c == '\r' {
				if err := endName(); err != nil {
					return err
				}
				continue
			}
			if n < len(name) {
				name[n] = c
			}
			n++
		}
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return rerr
		}
	}
}

// pickSheet returns the sheet to read: want, or the first sheet when want
// is "". Excel does not let two sheets differ only in case, so a name in
// another case is taken too.
func pickSheet(name string, sheets []string, want string) (string, error) {
	if len(sheets) == 0 {
		return "", fmt.Errorf(msg.InputXLSXNoSheets, name)
	}
	if want == "" {
		return sheets[0], nil
	}
	for _, s := range sheets {
		if s == want {
			return s, nil
		}
	}
	for _, s := range sheets {
		if strings.EqualFold(s, want) {
			return s, nil
		}
	}
	return "", fmt.Errorf(msg.InputXLSXNoSheet, name, want, quotedList(sheets))
}

// xlsxRows feeds the rows of a sheet to a CSV reader.
type xlsxRows struct {
	c      *csvReader
	line   []byte // the row written as CSV
	header bool   // the header has been read
	ctx    context.Context
	n      int // rows since ctx was last asked
}

// errStopped ends a sheet's read once the context is done.
var errStopped = errors.New("read stopped")

// stopEvery is how many rows are read between two looks at the context.
const stopEvery = 1024

// headerError carries the CSV reader's error about the header row out of
// the sheet's read: it is the file's message as it is.
type headerError struct{ err error }

func (e headerError) Error() string { return e.err.Error() }

// row takes a row of the sheet: the first with a value is the header.
func (x *xlsxRows) row(no int, cells []string, tooLong bool) error {
	if !x.header {
		if allEmpty(cells) && !tooLong {
			return nil
		}
		// A header cell with a line break names the column all the
		// same ("Förlopps-\nid"); a CSV header is one line.
		for i, s := range cells {
			cells[i] = strings.Join(strings.Fields(s), " ")
		}
		if err := x.c.header(x.csvLine(cells, 0, true)); err != nil {
			return headerError{err}
		}
		x.header = true
		// The header's columns may have been refused (report --by a
		// column the sheet lacks): then not a row more is read.
		if x.ctx.Err() != nil {
			return errStopped
		}
		return nil
	}
	if x.n++; x.n == stopEvery {
		x.n = 0
		if x.ctx.Err() != nil {
			return errStopped
		}
	}
	// An empty row becomes separators, as in Excel's CSV: a blank
	// row, counted as one.
	line := x.csvLine(cells, x.c.ncol, false)
	if tooLong || len(line) > maxLine {
		x.c.row(nil, true, no)
		return nil
	}
	x.c.row(line, false, no)
	return nil
}

// allEmpty reports whether a row has no value but spaces.
func allEmpty(cells []string) bool {
	for _, s := range cells {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// csvLine writes cells as one CSV row separated by ";", with at least n
// fields (a row's empty cells at its end may not be stored). A value
// with a separator, quote or line break is quoted as Excel quotes it, so
// the CSV reader splits the row into exactly these cells.
//
// In the header, a comma or tab is quoted too, so that no other separator
// splits it into more known columns than ";" does.
func (x *xlsxRows) csvLine(cells []string, n int, header bool) []byte {
	quoted := ";\"\r\n"
	if header {
		quoted = ";,\t\"\r\n"
	}
	l := x.line[:0]
	for i := range max(n, len(cells)) {
		if i > 0 {
			l = append(l, ';')
		}
		if i >= len(cells) {
			continue
		}
		s := cells[i]
		if !strings.ContainsAny(s, quoted) {
			l = append(l, s...)
			continue
		}
		l = append(l, '"')
		l = append(l, strings.ReplaceAll(s, `"`, `""`)...)
		l = append(l, '"')
		if len(l) > maxLine {
			break // rejected as too long: the rest does not matter
		}
	}
	x.line = l
	return l
}
