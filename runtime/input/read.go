package input

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/rcc/svfrules/internal/msg"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/cp1252"
)

// Options controls how Read reads an input.
type Options struct {
	// Encoding is "" to detect, "utf-8" or "windows-1252" (any case).
	// Detection decides line by line: a line that is valid UTF-8 is read
	// as UTF-8, any other line as Windows-1252. A line of plain ASCII is
	// the same in both, and Swedish letters written in Windows-1252 are
	// practically never valid UTF-8, so this reads files of either kind,
	// and files glued together from both, without a second pass.
	Encoding string
	// Workers is how many goroutines parse a CSV input; 0 or 1 parses it
	// on the calling goroutine. Either way the sink gets the same calls,
	// unless it is a LocalSink (the pipeline's collector): then the
	// episodes inside each block are evaluated where they are parsed and
	// reach it as one TakeLocal call.
	Workers int
	// BlockSize is the size in bytes of the blocks a CSV input is cut
	// into for the Workers (about; a block holds whole rows); 0 is 256 KiB.
	// Tests make it tiny to put block edges everywhere.
	BlockSize int
	// TempDir is the directory of temporary files (the spooled output of
	// Run, a copy of standard input or another input that is not a
	// regular file); "" is os.TempDir(). The files have no name while
	// they are used, so none is left behind.
	TempDir string
	// Sheet is the sheet of an xlsx workbook to read; "" reads the first.
	Sheet string
	// DateOrder is how dates written with "/" or "." are read: "" or
	// "ymd" reads none of them (a date like 7/3/2024 is rejected with a
	// message that names --date-order), "dmy" reads them day first
	// (D/M/YYYY, D.M.YYYY), as Swedish Excel writes them. Year-first
	// dates are read either way.
	DateOrder string
	// Columns map headers to fields (--column), before the aliases; see
	// ParseColumns. A mapped header that a CSV or xlsx input does not
	// have is an error; JSON Lines inputs, which have no header, ignore
	// them.
	Columns []ColumnMap
}

// encoding is a Options.Encoding, checked.
type encoding int

const (
	encDetect encoding = iota
	encUTF8
	encWindows1252
)

func parseEncoding(s string) (encoding, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return encDetect, true
	case "utf-8":
		return encUTF8, true
	case "windows-1252":
		return encWindows1252, true
	}
	return 0, false
}

const (
	// bufSize is the read buffer. Large reads keep the per-row cost to
	// scanning bytes.
	bufSize = 256 << 10
	// maxLine bounds one line, so a file without line breaks (a binary
	// file, or CR-only line endings past the first line) cannot take all
	// memory. A JSON Lines episode with thousands of events fits easily.
	maxLine = 16 << 20
)

// Read reads one input of episodes, CSV or JSON Lines, and passes
// what it reads to sink: DataRow for every data row, then the row either
// becomes part of an Episode or is Rejected. Bad rows never stop reading.
//
// The format is an xlsx workbook when the input starts as a ZIP (or as an
// OLE2 file, an old .xls, which is refused with a message), JSON Lines
// when the first non-blank character (after an optional UTF-8 byte order
// mark) is "{", else CSV with a header line. See readXLSX, readCSV and
// readJSONL for the details of each.
//
// The error is only for an input that cannot be read at all or is not
// CSV or JSON Lines: it names the file and says what to do. A UTF-8 byte
// order mark is skipped whatever the encoding, as it is never data.
//
// A run of adjacent rows of one episode is passed to sink when the run
// ends, so rejections of rows read meanwhile come before it.
//
// Once ctx is done, reading stops and Read returns an error wrapping
// context.Cause(ctx).
func Read(ctx context.Context, name string, r io.Reader, opts Options, sink Sink) error {
	enc, ok := parseEncoding(opts.Encoding)
	if !ok {
		return fmt.Errorf(msg.InputEncoding, name, opts.Encoding)
	}
	order, ok := parseDateOrder(opts.DateOrder)
	if !ok {
		return fmt.Errorf(msg.InputDateOrder, name, opts.DateOrder)
	}
	lr := newLineReader(r)
	if ctx.Done() != nil {
		lr.r = ctxReader{ctx, r}
	}
	if p, _ := lr.peek(len(oleMagic)); isWorkbook(p) {
		return readXLSX(ctx, name, lr, opts, sink)
	}
	if err := checkStart(name, lr); err != nil {
		return err
	}
	b := newBuilder(name, sink)
	b.dmy = order == orderDMY
	b.columns = opts.Columns
	defer releaseBuilder(b)

	// The first non-blank line decides the format.
	var first []byte
	for {
		line, tooLong, err := lr.next()
		if err == io.EOF {
			return fmt.Errorf(msg.InputEmpty, name)
		}
		if err != nil {
			return readError(name, err)
		}
		if tooLong {
			return fmt.Errorf(msg.InputFirstLineTooLong, name, maxLine>>20)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			first = line
			break
		}
	}
	if bytes.IndexByte(bytes.TrimLeft(first, " \t\r\v\f"), '{') == 0 {
		return readJSONL(name, lr, first, enc, b)
	}
	return readCSV(ctx, name, lr, first, enc, b, opts.Workers, opts.BlockSize)
}

// checkStart skips a UTF-8 byte order mark and refuses inputs that are
// plainly not text, before any row is read.
func checkStart(name string, lr *lineReader) error {
	p, err := lr.peek(minBuf)
	if err != nil {
		return readError(name, err)
	}
	switch {
	case bytes.HasPrefix(p, []byte{0xEF, 0xBB, 0xBF}):
		lr.pos += 3
		p = p[3:]
	case bytes.HasPrefix(p, []byte{0xFF, 0xFE}), bytes.HasPrefix(p, []byte{0xFE, 0xFF}):
		return fmt.Errorf(msg.InputUTF16, name)
	}
	if bytes.IndexByte(p, 0) >= 0 {
		return fmt.Errorf(msg.InputNotText, name)
	}
	return nil
}

// eachLine calls row for every remaining line of lr, then finish, then
// flushes the last episode; both formats read this way.
func eachLine(name string, lr *lineReader, b *builder, row func(line []byte, tooLong bool, no int), finish func()) error {
	for {
		line, tooLong, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			finish()
			b.flush()
			return readError(name, err)
		}
		row(line, tooLong, lr.no)
	}
	finish()
	b.flush()
	return nil
}

func readError(name string, err error) error {
	if errors.Is(err, errChanged) {
		return fmt.Errorf(msg.InputChanged, name, err)
	}
	return fmt.Errorf(msg.InputCannotRead, name, err)
}

// lineReader returns the lines of an input, counting them. It does what
// bufio.Reader.ReadSlice does, minus bookkeeping that cost a quarter of
// the time it took to find a line.
type lineReader struct {
	r        io.Reader
	buf      []byte
	pos, end int    // buf[pos:end] is read and not yet returned
	err      error  // from r, once it has one
	no       int    // line number of the line last returned
	long     []byte // a line longer than the buffer, assembled
	size     int64  // the input's whole size when r tells it (Size), else -1
}

func newLineReader(r io.Reader) *lineReader {
	size, whole := bufSize, int64(-1)
	// A small input (a test's, a spooled one, a small mapped file) needs
	// no large buffer; checkStart peeks at minBuf bytes.
	if s, ok := r.(interface{ Size() int64 }); ok {
		whole = s.Size()
		if whole < int64(size) {
			size = max(minBuf, int(whole)+1)
		}
	}
	return &lineReader{r: r, buf: make([]byte, size), size: whole}
}

// ctxReader ends a read with the cause of ctx once ctx is done, so that
// a read the caller gave up (a pipeline's pass that must start again)
// does not read the rest of a large input.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if c.ctx.Err() != nil {
		return 0, context.Cause(c.ctx)
	}
	return c.r.Read(p)
}

// minBuf is the smallest buffer of a lineReader.
const minBuf = 4096

// fill moves the unread bytes to the front and reads more after them.
func (l *lineReader) fill() {
	if l.pos > 0 {
		l.end = copy(l.buf, l.buf[l.pos:l.end])
		l.pos = 0
	}
	// A reader returning nothing, again and again, is broken: stop.
	for range 100 {
		n, err := l.r.Read(l.buf[l.end:])
		l.end += n
		if err != nil {
			l.err = err
			return
		}
		if n > 0 {
			return
		}
	}
	l.err = io.ErrNoProgress
}

// peek returns up to n bytes without consuming them, and the error that
// stopped it short, other than the end of the input.
func (l *lineReader) peek(n int) ([]byte, error) {
	for l.end-l.pos < n && l.err == nil {
		l.fill()
	}
	p := l.buf[l.pos:min(l.end, l.pos+n)]
	if l.err != nil && l.err != io.EOF {
		return p, l.err
	}
	return p, nil
}

// next returns the next line without its line ending (LF or CRLF). The
// line is only valid until the next call. tooLong reports a line longer
// than maxLine, whose content is dropped. At the end it returns io.EOF;
// a read error is returned as it comes, lines read before it have been
// returned.
func (l *lineReader) next() (line []byte, tooLong bool, err error) {
	scanned := l.pos // the bytes before it hold no line feed
	for {
		if i := bytes.IndexByte(l.buf[scanned:l.end], '\n'); i >= 0 {
			line = l.buf[l.pos : scanned+i]
			l.pos = scanned + i + 1
			break
		}
		if l.err != nil {
			if l.err != io.EOF {
				return nil, false, l.err
			}
			if l.pos == l.end {
				return nil, false, io.EOF
			}
			line = l.buf[l.pos:l.end] // the last line has no line feed
			l.pos = l.end
			break
		}
		if l.pos == 0 && l.end == len(l.buf) {
			return l.longLine()
		}
		scanned = l.end - l.pos
		l.fill()
	}
	l.no++
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, false, nil
}

// longLine is next for a line that does not fit in the buffer.
func (l *lineReader) longLine() (line []byte, tooLong bool, err error) {
	l.long = l.long[:0]
	for {
		chunk := l.buf[l.pos:l.end]
		i := bytes.IndexByte(chunk, '\n')
		if i >= 0 {
			chunk = chunk[:i]
		}
		if !tooLong && len(l.long)+len(chunk) > maxLine {
			tooLong, l.long = true, l.long[:0]
		}
		if !tooLong {
			l.long = append(l.long, chunk...)
		}
		if i >= 0 {
			l.pos += i + 1
			break
		}
		l.pos = l.end
		if l.err != nil {
			if l.err != io.EOF {
				return nil, false, l.err
			}
			break
		}
		l.fill()
	}
	l.no++
	line = l.long
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	if tooLong {
		line = nil
	}
	return line, tooLong, nil
}

// decode returns line as UTF-8 under enc, using *buf for a converted
// copy, and whether it converted. Under encUTF8 the line is returned as
// is; invalid bytes are reported by the caller for the field they are in.
func decode(enc encoding, line []byte, buf *[]byte) ([]byte, bool) {
	switch enc {
	case encDetect:
		if utf8.Valid(line) {
			return line, false
		}
	case encWindows1252:
		if isASCII(line) {
			return line, false
		}
	default:
		return line, false
	}
	out := cp1252.AppendDecoded((*buf)[:0], line)
	*buf = out
	return out, true
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// The fields of an episode row, in the order attribute problems are
// reported. The names are the canonical column names.
const (
	colEpisode = iota
	colCode
	colDate
	colRegion // first attribute
	colAge
	colSex
	colCounty
	colReferring
	colDiagnosis
	colIntent
	numCols
)

const numAttrs = numCols - colRegion

var colNames = [numCols]string{"episode", "code", "date", "region", "age", "sex", "county", "referring_region", "diagnosis", "intent"}

// fieldWords are the fields in Swedish, for messages (colNames are the
// ids, which JSON keeps).
var fieldWords = [numCols]string{msg.FieldEpisode, msg.FieldCode, msg.FieldDate, msg.FieldRegion, msg.FieldAge,
	msg.FieldSex, msg.FieldCounty, msg.FieldReferring, msg.FieldDiagnosis, msg.FieldIntent}

// fieldFlag is a field as --column writes it: its Swedish name with "_"
// for a space.
func fieldFlag(k int) string { return strings.ReplaceAll(fieldWords[k], " ", "_") }

// FieldFlag is a field id as --column takes it: its Swedish name with
// "_" for a space (FieldFlag("referring_region") is
// "remitterande_region"); an unknown id is returned as it is.
func FieldFlag(field string) string {
	if k := fieldIndex(field); k >= 0 {
		return fieldFlag(k)
	}
	return field
}

// FieldName is a field id's Swedish name (FieldName("age") is "ålder");
// an unknown id is returned as it is.
func FieldName(field string) string {
	if k := fieldIndex(field); k >= 0 {
		return fieldWords[k]
	}
	return field
}

// notUTF8 is the reason for a row that is not UTF-8, in both formats.
const notUTF8 = msg.InputNotUTF8

// The normalised intents, shared so that normalising allocates nothing.
var kur, pal = []byte("kur"), []byte("pal")

// rowAttrs is one row's values: val[colRegion+i] is attribute i,
// checked and normalised (sex upper-cased, intent "kur" or "pal"); an
// empty value is not given. Readers keep one on the stack per row, so a
// row costs no allocation.
type rowAttrs struct {
	val    [numCols][]byte
	age    int
	hasAge bool
	// canon[i] is attribute i as a string, when checkAttrs normalised
	// it to one of a few values (a sex, an intent, a county code): the
	// builder takes it as it is instead of looking the bytes up among
	// its strings (str), several values a row for a row that starts a
	// run.
	canon [numAttrs]string
}

// countyText holds the county codes 00 to 25 in turn: countyString(c)
// is a code as a string without a table.
const countyText = "0001020304050607080910111213141516171819202122232425"

// countyString returns the county code c (two digits, from normCounty)
// as a string.
func countyString(c []byte) string {
	n := int(c[0]-'0')*10 + int(c[1]-'0')
	return countyText[2*n : 2*n+2]
}

// checkAttrs normalises a's values in place and returns the field and
// reason of the first bad one: the age as a number (60 or 60 år), the
// intent as "kur" or "pal", sex as "M" or "K" (1 and 2 as the national
// registers code them), county, region and referring region as two-digit
// county codes (a missing leading zero added; a region's or county's
// name read as its code, see regions.go). buf is not used any more;
// it is kept so that the readers' calls stay as they are.
func checkAttrs(a *rowAttrs, buf *[]byte) (field, reason string) {
	_ = buf
	// The usual values (an age of one or two digits, a sex of one
	// letter or digit, a county code of two digits) are read here, the
	// others by parseAge, normSex and normCounty, which read these the
	// same: their calls, with number's loop for a county code, were
	// some 300 of the 450 instructions checkAttrs took for a row of a
	// run of its own, every row of a shuffled input (issue 16).
	if v := a.val[colAge]; len(v) > 0 {
		if d0, d1 := v[0]-'0', v[len(v)-1]-'0'; len(v) <= 2 && d0 <= 9 && d1 <= 9 {
			a.age = int(d1)
			if len(v) == 2 {
				a.age += 10 * int(d0)
			}
			a.hasAge = true
		} else {
			n, ok := parseAge(v)
			if !ok {
				return "age", fmt.Sprintf(msg.InputAge, quote(v))
			}
			a.age, a.hasAge = n, true
		}
	}
	if v := a.val[colIntent]; len(v) > 0 {
		// Three letters are the usual case, compared in one go: setting
		// bit 5 lower-cases a letter and makes no other byte a letter.
		var low3 uint32
		if len(v) == 3 {
			low3 = (uint32(v[0]) | uint32(v[1])<<8 | uint32(v[2])<<16) | 0x202020
		}
		switch {
		case low3 == 'k'|'u'<<8|'r'<<16, bytes.EqualFold(v, []byte("kurativ")):
			a.val[colIntent], a.canon[colIntent-colRegion] = kur, "kur"
		case low3 == 'p'|'a'<<8|'l'<<16, bytes.EqualFold(v, []byte("palliativ")):
			a.val[colIntent], a.canon[colIntent-colRegion] = pal, "pal"
		default:
			return "intent", fmt.Sprintf(msg.InputIntent, quote(v))
		}
	}
	if v := a.val[colSex]; len(v) > 0 {
		var s []byte
		if len(v) == 1 {
			switch v[0] {
			case 'M', 'm', '1':
				s = sexMan
			case 'K', 'k', '2':
				s = sexKvinna
			}
		}
		if s == nil {
			var ok bool
			if s, ok = normSex(v); !ok {
				return "sex", fmt.Sprintf(msg.InputSex, quote(v))
			}
		}
		a.val[colSex], a.canon[colSex-colRegion] = s, "K"
		if s[0] == 'M' {
			a.canon[colSex-colRegion] = "M"
		}
	}
	for _, k := range codeCols {
		v := a.val[k.col]
		if len(v) == 0 {
			continue
		}
		var c []byte
		if d0, d1 := v[0]-'0', v[len(v)-1]-'0'; len(v) == 2 && d0 <= 9 && d1 <= 9 {
			if n := int(d0)*10 + int(d1); n < len(countyCodes) {
				c = countyCodes[n]
			}
		}
		if c == nil {
			var ok bool
			if c, ok = normCounty(v); !ok {
				if k.col == colCounty {
					return colNames[k.col], fmt.Sprintf(msg.InputCounty, quote(v), countyList)
				}
				return colNames[k.col], fmt.Sprintf(msg.InputRegion, k.what, quote(v), countyList)
			}
		}
		a.val[k.col], a.canon[k.col-colRegion] = c, countyString(c)
	}
	return "", ""
}

// codeCols are the columns of county codes, with what messages call them.
var codeCols = [...]struct {
	col  int
	what string
}{{colRegion, msg.InputRegionReporting}, {colCounty, ""}, {colReferring, msg.InputRegionReferring}}

// parseCode checks a KVÅ code (V, two letters or digits, two digits, in
// either case) and numbers it (compiler.RawCode, as its text in
// capitals). Every row has one, so it is numbered from its five bytes:
// there is no text to intern or look up (a cache keyed by a hash of the
// code's bytes mixed the six hundred codes of a large export up with one
// another, and a table of interned texts by prefix took 74 instructions
// a row of the 7-column file; this takes about 40, inlined).
//
// The second and third characters are read by a table (codeChar), not by
// tests whether each is a letter or a digit and of which case: those
// branches went one way or the other from code to code (VP910, VC010),
// as in compiler.Program.CodeOf.
func parseCode(v []byte) (compiler.RawCode, bool) {
	if len(v) != 5 {
		return 0, false
	}
	x1, x2, d3, d4 := codeChar[v[1]], codeChar[v[2]], v[3]-'0', v[4]-'0'
	// v[0]|0x20 is 'v' for 'V' and 'v' alone. Written as one return
	// (with min and max) to keep parseCode small enough to be inlined;
	// the number is no code when ok is false.
	return compiler.RawCode((uint32(x1)*36+uint32(x2)-37)*100 + uint32(d3)*10 + uint32(d4)),
		v[0]|0x20 == 'v' && min(x1, x2) != 0 && max(d3, d4) <= 9
}

// codeChar is, for the second and third characters of a code, one more
// than their value as a digit of base 36 (digits 1 to 10, letters of
// either case 11 to 36), and 0 for any other byte.
var codeChar = [256]uint8{
	'0': 1, '1': 2, '2': 3, '3': 4, '4': 5, '5': 6, '6': 7, '7': 8, '8': 9, '9': 10,
	'A': 11, 'B': 12, 'C': 13, 'D': 14, 'E': 15, 'F': 16, 'G': 17, 'H': 18, 'I': 19, 'J': 20,
	'K': 21, 'L': 22, 'M': 23, 'N': 24, 'O': 25, 'P': 26, 'Q': 27, 'R': 28, 'S': 29, 'T': 30,
	'U': 31, 'V': 32, 'W': 33, 'X': 34, 'Y': 35, 'Z': 36,
	'a': 11, 'b': 12, 'c': 13, 'd': 14, 'e': 15, 'f': 16, 'g': 17, 'h': 18, 'i': 19, 'j': 20,
	'k': 21, 'l': 22, 'm': 23, 'n': 24, 'o': 25, 'p': 26, 'q': 27, 'r': 28, 's': 29, 't': 30,
	'u': 31, 'v': 32, 'w': 33, 'x': 34, 'y': 35, 'z': 36,
}

// event checks one event's code and date, and returns the event without
// its row. field is "" when both are fine, else "code" or "date" with the
// reason.
func (b *builder) event(code, date []byte) (ev Event, field, reason string) {
	var okCode, okDate bool
	ev.Code, okCode = parseCode(code)
	ev.Date, okDate = b.parseDay(date)
	if okCode && okDate {
		return ev, "", ""
	}
	field, reason = eventProblem(code, date, okCode, b.date1904)
	if field == "date" && !b.dmy && looksDayFirst(date) {
		reason = fmt.Sprintf(msg.InputDayFirst, quote(date))
		if dayOver12(date) {
			reason = fmt.Sprintf(msg.InputDayFirstSure, quote(date))
		}
		b.dayFirst = true
	}
	return ev, field, reason
}

// eventProblem says what is wrong with an event's code or date; date1904
// is the date system of the workbook read (see dateProblem).
func eventProblem(code, date []byte, okCode, date1904 bool) (field, reason string) {
	switch {
	case len(code) == 0:
		return "code", msg.InputCodeEmpty
	case !okCode:
		return "code", fmt.Sprintf(msg.InputCodeNotKVA, quote(code))
	case len(date) == 0:
		return "date", msg.InputDateEmpty
	}
	return "date", dateProblem(date, date1904)
}

// dateProblem says what is wrong with a date the reader refused: a day
// the calendar does not have (2024-02-30), a real day in a year no
// export holds (0001-01-01, which some systems write for "no date"), or
// a text that is no date at all. A whole number is named as the date
// Excel would show for it, in the 1904 date system when date1904 (a
// workbook that says so), else in the 1900 system of Excel on Windows.
func dateProblem(date []byte, date1904 bool) string {
	s := string(date)
	if d, ok := datePart(date); ok {
		s = string(d)
	}
	var y, m, d int
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, m, d = compiler.Digits(s[0:4]), compiler.Digits(s[5:7]), compiler.Digits(s[8:10])
	case len(s) == 8:
		y, m, d = compiler.Digits(s[0:4]), compiler.Digits(s[4:6]), compiler.Digits(s[6:8])
	default:
		if day, ok := excelSerial(s, date1904); ok {
			return fmt.Sprintf(msg.InputDateSerial, quote(date), day)
		}
		return fmt.Sprintf(msg.InputDateForm, quote(date))
	}
	switch {
	case y < 0 || m < 0 || d < 0:
		return fmt.Sprintf(msg.InputDateForm, quote(date))
	case m < 1 || m > 12 || d < 1 || d > time.Date(2000+y%400, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day():
		return fmt.Sprintf(msg.InputDateNoDay, quote(date))
	case y < compiler.FirstYear || y > compiler.LastYear:
		return fmt.Sprintf(msg.InputDateImplausible, quote(date), compiler.FirstYear, compiler.LastYear)
	}
	return fmt.Sprintf(msg.InputDateForm, quote(date))
}

// excelSerial returns the date Excel shows for s when s is a whole
// number Excel could show as a date in its 1900 date system: 1
// (1900-01-01) to 2958465 (9999-12-31), without sign or leading zero,
// and not 60 (Excel's 29 February 1900, a day that does not exist); or,
// when date1904, in the 1904 system: 1 (1904-01-02) to 2957003
// (9999-12-31). A date column formatted as a number ("Allmänt") holds
// such numbers. They stay rejected: a number is not certainly a date, so
// the reason only names the date it would be. Only refused dates come
// here.
func excelSerial(s string, date1904 bool) (string, bool) {
	if len(s) == 0 || len(s) > 7 || s[0] == '0' {
		return "", false
	}
	n := compiler.Digits(s)
	if date1904 {
		if n < 1 || n > 2957003 {
			return "", false
		}
		return compiler.Day(n - 24107).String(), true // serial 0 is 1904-01-01, 24107 days before 1970-01-01
	}
	switch {
	case n < 1 || n > 2958465 || n == 60:
		return "", false
	case n < 60:
		return compiler.Day(n - 25568).String(), true // Excel counts 29 February 1900
	}
	return compiler.Day(n - 25569).String(), true // serial 25569 is 1970-01-01
}

// parseDay is parseDate with b's date order, and compiler.ParseDay
// behind a cache for YYYY-MM-DD and YYYYMMDD: an export has a few
// hundred distinct dates, and looking one up is cheaper than the calendar
// arithmetic. The key is the eight digits, which are all ParseDay reads
// in either form, so equal keys have equal answers. Only those forms are
// cached, whatever the date order: builders and their caches are reused
// by reads with another order. A date with a time is looked up by its
// date.
//
// A date with the time Excel writes after every date (2024-03-05
// 00:00:00) is looked up by its date first: that is what parseOther
// makes of it (datePart), without reading the time, which was 2 % of
// the eval of Excel's export (issue 16).
func (b *builder) parseDay(date []byte) (compiler.Day, bool) {
	if day, ok := b.parseDigitDay(date); ok {
		return day, true
	}
	if len(date) == 19 && string(date[10:]) == " 00:00:00" {
		if day, ok := b.parseDigitDay(date[:10]); ok {
			return day, true
		}
	}
	return b.parseOther(date) // 7/3/2024 has 8 bytes
}

// parseDigitDay is parseDay for the forms of digits and '-' alone,
// YYYY-MM-DD and YYYYMMDD; other text is not a date to it.
func (b *builder) parseDigitDay(date []byte) (compiler.Day, bool) {
	var key uint64
	switch {
	case len(date) == 8:
		key = binary.LittleEndian.Uint64(date)
	case len(date) == 10 && date[4] == '-' && date[7] == '-':
		key = uint64(binary.LittleEndian.Uint32(date)) | uint64(date[5])<<32 | uint64(date[6])<<40 | uint64(date[8])<<48 | uint64(date[9])<<56
	default:
		return 0, false
	}
	e := &b.dates[b.dateSpan.slot(key, dateBits)]
	if e.ok && e.key == key {
		return e.day, true
	}
	day, ok := compiler.ParseDay(string(date))
	if ok {
		*e = cachedDate{key: key, day: day, ok: true}
		b.dateSpan.missed(dateBits)
	}
	return day, ok
}

// parseOther is parseDay for the forms that are not cached: a date with
// a time, and a day-first date.
func (b *builder) parseOther(date []byte) (compiler.Day, bool) {
	if d, ok := datePart(date); ok {
		if len(d) == 8 || len(d) == 10 {
			return b.parseDay(d)
		}
		date = d
	}
	if b.dmy {
		return parseDayFirst(date)
	}
	return 0, false
}

// quote quotes a value for a message, shortened so that a runaway field
// does not flood the report.
func quote(v []byte) string {
	const max = 60
	if utf8.RuneCount(v) <= max {
		return fmt.Sprintf("%q", v)
	}
	i, n := 0, 0
	for n < max {
		_, size := utf8.DecodeRune(v[i:])
		i += size
		n++
	}
	return fmt.Sprintf("%q…", v[:i])
}

// builder turns checked rows into runs of one episode and passes them on.
// Episodes and their events are handed out of preallocated blocks, one
// allocation for many episodes; a block stays in memory as long as one of
// its episodes does.
type builder struct {
	file string
	sink Sink
	// dayFirst: the row event last checked has a day-first date (see
	// takeDayFirst).
	dayFirst bool
	// headers: the file's header of each field's column ("" without
	// one), for the rejections' Header.
	headers [numCols]string
	cur     *Episode // the open run, nil when none
	events  []Event  // the open run's events
	// fastRows counts the rows of the open run that csvReader.fast took;
	// flush tells the sink (DataRows), so that a row costs no call of
	// the sink's (1 % of eval's CPU on the bench's files, issue 16).
	fastRows int
	// The open run's attributes, kept here while it is open: indexing an
	// array is quicker than choosing a field for every row.
	vals   [numAttrs]string
	age    int
	hasAge bool
	setRow [numAttrs]int // where each attribute came from
	eps    []Episode     // preallocated episodes, handed out one by one
	evs    []Event       // preallocated room for events
	strs   map[string]string
	short  [1 << shortBits]cachedString
	// shortSpan and dateSpan: how much of short and dates is in use.
	shortSpan, dateSpan cacheSpan
	dates               [1 << dateBits]cachedDate
	id                  []byte // room for an id converted from a string
	ids                 []byte // the chunk of newID
	dmy                 bool   // Options.DateOrder is dmy
	// date1904: the workbook read counts days from 1904 (its serial
	// numbers name other dates, dateProblem).
	date1904 bool
	// columns is Options.Columns; absent are the attributes the
	// input has no column for (Episode.Absent), from its header.
	columns []ColumnMap
	absent  compiler.AttrSet
	// started are the first rows of the runs started since the reader
	// last looked, when noteStarts (feed notes where runs start).
	started    []int
	noteStarts bool
	// rowEvents: a row can give several events (JSON Lines), so the
	// rows of a run are counted by their numbers, not by its events.
	rowEvents bool
	// oneEpisode: the sink keeps no episode past its call (it copies the
	// ones it keeps), so the builder fills own again and again, lending
	// it its events, and allocates nothing per episode.
	oneEpisode bool
	own        Episode
	oneID      []byte // own's id (newID)
	// noID are the rows rejected without an episode id (rejectNoID)
	// since the last row with one: the next run to start gets them.
	noID []Rejection
}

// cachedString is an entry of the builder's cache of short strings,
// keyed by their bytes and length.
type cachedString struct {
	key uint64
	s   string
}

// cacheSpan is how much of one of the builder's caches is in use. A
// small input's values go to the first 1<<cacheMinBits entries (a few
// pages), and the span doubles as misses show more values, up to the
// whole table. Spread over all 4096 entries of each table from the
// start, the first hundred rows touched nearly every page of both (some
// 40, each a page fault, most of them two: a read of the zero page, then
// a copy on write), a tenth of a 100-row eval's page faults (issue 16).
// An entry left from a smaller span stays right (it is found by its
// key), so growing clears nothing.
type cacheSpan struct {
	grown  uint8  // bits of the slot in use past cacheMinBits
	misses uint32 // since the span last grew
}

const cacheMinBits = 8

// slot returns key's entry in a table of 1<<bits entries.
func (c *cacheSpan) slot(key uint64, bits uint8) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> (64 - cacheMinBits - c.grown) & (1<<bits - 1)
}

// missed notes a value the cache did not have; misses as many as half
// the span in use double it.
func (c *cacheSpan) missed(bits uint8) {
	c.misses++
	if inUse := cacheMinBits + c.grown; inUse < bits && c.misses >= 1<<(inUse-1) {
		c.grown++
		c.misses = 0
	}
}

// cachedDate is an entry of the builder's cache of dates.
type cachedDate struct {
	key uint64
	day compiler.Day
	ok  bool
}

const (
	dateBits  = 12
	shortBits = 12
	epChunk   = 256
	evChunk   = 4096
	maxInter  = 1 << 16
)

// builders keeps builders between reads: a builder's caches are a few
// hundred KB, which made reading a small input (a test's, a fuzz input)
// mostly clearing fresh memory. The caches hold values that are right
// for any input, so they are kept. A builder is made with room for 64
// interned values: growing the map from nothing to the eleven values of
// a 100-row file cost 16 000 instructions, 28 000 with the allocations,
// a hundredth of that eval's (issue 16).
var builders = sync.Pool{New: func() any { return &builder{strs: make(map[string]string, 64)} }}

// newBuilder returns a builder for file that passes what it builds to
// sink; releaseBuilder gives it back once the read is over.
func newBuilder(file string, sink Sink) *builder {
	b := builders.Get().(*builder)
	b.file, b.sink = file, sink
	b.headers = [numCols]string{}
	return b
}

// releaseBuilder gives b back for another read. Nothing read keeps b:
// episodes and their events are in chunks of their own.
func releaseBuilder(b *builder) {
	b.file, b.sink, b.cur, b.events = "", nil, nil, b.events[:0]
	b.vals, b.age, b.hasAge, b.setRow = [numAttrs]string{}, 0, false, [numAttrs]int{}
	b.rowEvents, b.oneEpisode, b.own = false, false, Episode{}
	b.dmy, b.date1904, b.columns, b.absent = false, false, nil, 0
	b.noteStarts, b.started, b.noID = false, b.started[:0], nil
	builders.Put(b)
}

// intern returns v as a string, shared with earlier equal values:
// regions, sexes and diagnoses repeat, so most rows allocate nothing.
// The map is bounded, so a file of unique values costs no more than
// allocating each.
func (b *builder) intern(v []byte) string {
	if s, ok := b.strs[string(v)]; ok {
		return s
	}
	s := string(v)
	if len(b.strs) < maxInter {
		b.strs[s] = s
	}
	return s
}

// str returns v as a string, like intern. Values of up to seven bytes
// (regions, counties, sexes, intents, most diagnoses) are first
// looked up in a small cache keyed by their bytes: each row has several,
// and hashing a string for the map cost more than the rest of the row.
func (b *builder) str(v []byte) string {
	if len(v) > 7 || len(v) == 0 {
		return b.intern(v)
	}
	key := uint64(len(v)) << 56
	if cap(v) >= 8 {
		// One load, the bytes past the value masked off: a loop over
		// the value's bytes mispredicted its end for every value.
		key |= binary.LittleEndian.Uint64(v[:8]) & (1<<(8*len(v)) - 1)
	} else {
		for i, c := range v {
			key |= uint64(c) << (8 * i)
		}
	}
	e := &b.short[b.shortSpan.slot(key, shortBits)]
	if e.key != key || e.s == "" {
		e.key, e.s = key, b.intern(v)
		b.shortSpan.missed(shortBits)
	}
	return e.s
}

// BlankSink is a Sink that counts blank rows (only separators and
// spaces, as Excel saves an empty row): they are announced by DataRow
// like every row, then counted here instead of passed on or rejected.
type BlankSink interface{ BlankRows(n int) }

// blank counts the row just announced as blank.
func (b *builder) blank() {
	if s, ok := b.sink.(BlankSink); ok {
		s.BlankRows(1)
	}
}

// reject passes on a rejection of the row at line.
func (b *builder) reject(line int, field, reason string) {
	b.sink.Reject(Rejection{File: b.file, Row: line, Field: field, Header: b.header(field), Reason: reason, DateOrder: b.takeDayFirst()})
}

// rejectNoID rejects the row at line, which has no episode id. It may
// be a row of the episode before it or of the one after it (some
// exports write the id on an episode's first row only), so both are
// incomplete: the rejection is added to the open run's rows, and to the
// next run's when it starts (noID; seenID drops it when the next row
// with an id continues the open run). Rows not adjacent to their
// episode's other rows make no difference: the neighbours are the runs
// beside the row in the input.
func (b *builder) rejectNoID(line int, reason string) {
	r := Rejection{File: b.file, Row: line, Field: "episode", Header: b.header("episode"), Reason: reason, DateOrder: b.takeDayFirst()}
	b.sink.Reject(r)
	if b.cur != nil {
		b.cur.Rejected = append(b.cur.Rejected, r)
	}
	b.noID = append(b.noID, r)
}

// seenID takes a row with episode id id after rows without one: when
// it continues the open run, the rows without an id were inside that
// run and are its own already, not the next run's.
func (b *builder) seenID(id []byte) {
	if b.cur != nil && b.cur.ID == string(id) {
		b.noID = nil
	}
}

// NoID reports whether r is a row rejected because it has no episode id
// (builder.rejectNoID): the episodes beside it are incomplete.
func (r *Rejection) NoID() bool {
	return r.Field == "episode" && r.Episode == "" && (r.Reason == msg.InputEpisodeEmpty || r.Reason == msg.InputJSONEpisodeEmpty)
}

// header is the file's header of a field's column, "" for none.
func (b *builder) header(field string) string {
	if k := fieldIndex(field); k >= 0 {
		return b.headers[k]
	}
	return ""
}

// takeDayFirst reports whether the row being rejected was rejected for a
// day-first date (set by event), and clears it for the next row.
func (b *builder) takeDayFirst() bool {
	d := b.dayFirst
	b.dayFirst = false
	return d
}

// add starts or continues the run of episode id with a row's attributes,
// and reports whether the row belongs to it; a row whose attributes
// contradict the run's is rejected. The caller then appends the row's
// events to b.events.
func (b *builder) add(id []byte, line int, a *rowAttrs) bool {
	if b.noID != nil {
		b.seenID(id)
	}
	if b.cur != nil && !sameID(b.cur.ID, id) {
		b.flush()
	}
	if b.cur == nil {
		b.start(id, line)
		// A run just started has no values to contradict: the row's
		// are the run's. Most runs of an input whose rows are not in
		// episode order are one row, and looking through the values for
		// a contradiction first was a third of add there (issue 16).
		for i := range numAttrs {
			v := a.val[colRegion+i]
			if len(v) == 0 {
				continue
			}
			b.setRow[i] = line
			if i == colAge-colRegion {
				b.age, b.hasAge = a.age, true
				continue
			}
			b.vals[i] = a.canon[i]
			if b.vals[i] == "" {
				b.vals[i] = b.str(v)
			}
		}
		return true
	}
	// First look for a contradiction, noting the values the run does not
	// have yet: a rejected row must change nothing.
	var news uint
	for i := range numAttrs {
		v := a.val[colRegion+i]
		switch {
		case len(v) == 0:
		case i == colAge-colRegion:
			if !b.hasAge {
				news |= 1 << i
			} else if b.age != a.age {
				b.conflict(line, i, v, fmt.Sprint(b.age))
				return false
			}
		case b.vals[i] == "":
			news |= 1 << i
		case !same(b.vals[i], v):
			b.conflict(line, i, v, b.vals[i])
			return false
		}
	}
	for i := range numAttrs {
		if news&(1<<i) == 0 {
			continue
		}
		b.setRow[i] = line
		if i == colAge-colRegion {
			b.age, b.hasAge = a.age, true
			continue
		}
		b.vals[i] = a.canon[i]
		if b.vals[i] == "" {
			b.vals[i] = b.str(a.val[colRegion+i])
		}
	}
	return true
}

// idChunk is the size of the chunks newID carves ids out of.
const idChunk = 4 << 10

// newID returns id as a string. Ids are carved out of chunks shared by
// many: an allocation per episode (most of them evaluated and let go at
// once) was a tenth of the reader's time. The bytes of a chunk are
// never written again once a string is made of them, so the strings are
// as immutable as any; one kept keeps its chunk, a few KB.
//
// With oneEpisode the id is made in one buffer again and again, as the
// episode and its events are: the sink keeps nothing of the episode past
// its call (fusedSink clones the ids of the runs it keeps, rejectIn the
// id of a rejection). The chunks were 2.7 MB of fresh memory on the
// 300 k-episode file, each page a page fault on first touch (issue 16).
func (b *builder) newID(id []byte) string {
	if b.oneEpisode && len(id) > 0 {
		b.oneID = append(b.oneID[:0], id...)
		return unsafe.String(&b.oneID[0], len(id))
	}
	if len(id) == 0 || len(id) > idChunk/16 {
		return string(id)
	}
	if len(id) > cap(b.ids)-len(b.ids) {
		b.ids = make([]byte, 0, idChunk)
	}
	n := len(b.ids)
	b.ids = append(b.ids, id...)
	return unsafe.String(&b.ids[n], len(id))
}

// start opens the run of episode id at line.
func (b *builder) start(id []byte, line int) {
	switch {
	case b.oneEpisode:
		b.cur = &b.own
	case len(b.eps) == 0:
		b.eps = make([]Episode, epChunk)
		fallthrough
	default:
		b.cur = &b.eps[0]
		b.eps = b.eps[1:]
	}
	if b.noteStarts {
		b.started = append(b.started, line)
	}
	// Rejected is never reused: a sink may keep a copy of the episode.
	// The rows without an id just before the run may be its own.
	b.cur.ID, b.cur.FirstRow, b.cur.Rejected = b.newID(id), line, b.noID
	b.noID = nil
	b.vals, b.hasAge = [numAttrs]string{}, false
}

// rejectIn rejects the row at line, whose episode id is id: the row is
// missing from that episode, which becomes incomplete (see
// Episode.Rejected). The row takes part in runs as an accepted row
// does, so an episode all of whose rows are rejected is still passed on,
// with no events; and the run open before it ends when the id differs.
// It reports whether a run started here, so that a reader forgets what
// it kept of the run before.
func (b *builder) rejectIn(id []byte, line int, field, reason string) (started bool) {
	if b.noID != nil {
		b.seenID(id)
	}
	if b.cur != nil && b.cur.ID != string(id) {
		b.flush()
	}
	if b.cur == nil {
		b.start(id, line)
		started = true
	}
	r := Rejection{File: b.file, Row: line, Field: field, Header: b.header(field), Reason: reason, Episode: strings.Clone(b.cur.ID), DateOrder: b.takeDayFirst()}
	b.cur.Rejected = append(b.cur.Rejected, r)
	b.sink.Reject(r)
	return started
}

// same reports whether s and v hold the same bytes. Attribute values are
// short, and a loop here is quicker than the call string comparison
// makes.
func same(s string, v []byte) bool {
	if len(s) != len(v) {
		return false
	}
	for i := range v {
		if s[i] != v[i] {
			return false
		}
	}
	return true
}

// sameID reports whether s and v are the same id. An id of 8 to 16
// bytes, most of them, is compared as its first and last eight bytes:
// every row is compared with its run's id, and memequal's call for a
// few bytes was some 20 instructions of each, twice a row of a shuffled
// input, whose every row starts a run (issue 16).
func sameID(s string, v []byte) bool {
	n := len(v)
	if len(s) != n {
		return false
	}
	if n >= 8 && n <= 16 {
		b := unsafe.Slice(unsafe.StringData(s), n) // only read
		le := binary.LittleEndian
		return le.Uint64(b) == le.Uint64(v) && le.Uint64(b[n-8:]) == le.Uint64(v[n-8:])
	}
	return s == string(v)
}

// conflict rejects the row at line, whose value v of attribute i
// contradicts the value was of the open run.
func (b *builder) conflict(line, i int, v []byte, was string) {
	name, word := colNames[colRegion+i], fieldWords[colRegion+i]
	b.rejectIn([]byte(b.cur.ID), line, name, fmt.Sprintf(msg.InputConflict,
		word, quote(v), quote([]byte(was)), b.setRow[i], word))
}

// countRows counts the rows events come from: their rows, in order.
func countRows(events []Event) int {
	n, last := 0, 0
	for _, e := range events {
		if e.Row != last {
			n, last = n+1, e.Row
		}
	}
	return n
}

// flush passes the open run on, with its own copy of the events.
func (b *builder) flush() {
	if b.fastRows > 0 {
		if rc, ok := b.sink.(RowCounter); ok {
			rc.DataRows(b.fastRows)
		} else {
			for range b.fastRows {
				b.sink.DataRow()
			}
		}
		b.fastRows = 0
	}
	ep := b.cur
	if ep == nil {
		return
	}
	ep.File = b.file
	ep.Region = b.vals[colRegion-colRegion]
	ep.Sex = b.vals[colSex-colRegion]
	ep.County = b.vals[colCounty-colRegion]
	ep.ReferringRegion = b.vals[colReferring-colRegion]
	ep.Diagnosis = b.vals[colDiagnosis-colRegion]
	ep.Intent = b.vals[colIntent-colRegion]
	ep.Age, ep.HasAge = b.age, b.hasAge
	ep.Absent = b.absent
	n := len(b.events)
	ep.Rows = n
	if b.rowEvents {
		ep.Rows = countRows(b.events)
	}
	switch {
	case b.oneEpisode: // the sink does not keep ep: lend it the events
		ep.Events = b.events
		b.events = b.events[:0]
	case n > evChunk/4:
		// A long run takes the events as they are: copying them would
		// need room for them twice. The full slice expression caps the
		// run's events, so a consumer appending to them (merging runs)
		// cannot write into what the builder uses next.
		ep.Events = b.events[:n:n]
		b.events = nil
	default:
		if len(b.evs) < n {
			b.evs = make([]Event, evChunk)
		}
		ep.Events = b.evs[:n:n]
		b.evs = b.evs[n:]
		copy(ep.Events, b.events)
		b.events = b.events[:0]
	}
	b.cur = nil
	b.sink.Episode(ep)
}
