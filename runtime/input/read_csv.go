package input

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// columnAliases are the column names, normalised by columnKey, that are
// read as a field, sorted by name (TestColumnAliasesSorted): Swedish
// exports name columns in Swedish, with or without å, ä and ö. A sorted
// table is laid out by the compiler as data; the map it replaces was
// built at every start of the program, 18 000 instructions of the 2.7
// million of a 100-row eval (issue 16), to look up the ten or so names of
// one header.
var columnAliases = [...]columnAlias{
	{"age", colAge}, {"alder", colAge}, {"atgards_datum", colDate}, {"atgardsdatum", colDate},
	{"atgardskod", colCode}, {"avsikt", colIntent}, {"behandlingsintention", colIntent},
	{"code", colCode}, {"county", colCounty}, {"date", colDate}, {"datum", colDate},
	{"diagnos", colDiagnosis}, {"diagnosis", colDiagnosis}, {"diagnoskod", colDiagnosis},
	{"episode", colEpisode}, {"episode_id", colEpisode}, {"folkbokforingslan", colCounty},
	{"folkbokföringslän", colCounty}, {"forlopp", colEpisode}, {"forlopp_id", colEpisode},
	{"forlopps-id", colEpisode}, {"forlopps_id", colEpisode}, {"forloppsid", colEpisode},
	{"forloppsnummer", colEpisode}, {"förlopp", colEpisode}, {"förlopp_id", colEpisode},
	{"förlopps-id", colEpisode}, {"förlopps_id", colEpisode}, {"förloppsid", colEpisode},
	{"förloppsnummer", colEpisode}, {"handelse_datum", colDate}, {"handelsedatum", colDate},
	{"händelse_datum", colDate}, {"händelsedatum", colDate}, {"icd-10", colDiagnosis},
	{"icd10", colDiagnosis}, {"id", colEpisode}, {"intent", colIntent}, {"intention", colIntent},
	{"kod", colCode}, {"koddatum", colDate}, {"kodningsdatum", colDate}, {"kon", colSex},
	{"kur/pal", colIntent}, {"kur_/_pal", colIntent}, {"kur_pal", colIntent}, {"kva", colCode},
	{"kva-kod", colCode}, {"kva_kod", colCode}, {"kvakod", colCode}, {"kvå", colCode},
	{"kvå-kod", colCode}, {"kvå_kod", colCode}, {"kvåkod", colCode}, {"kön", colSex},
	{"lan", colCounty}, {"lanskod", colCounty}, {"län", colCounty}, {"länskod", colCounty},
	{"rapporterande_region", colRegion}, {"referring_region", colReferring}, {"region", colRegion},
	{"remittent", colReferring}, {"remitterande_landsting", colReferring},
	{"remitterande_region", colReferring}, {"sex", colSex}, {"vardforlopps-id", colEpisode},
	{"vardforloppsid", colEpisode}, {"vardforloppsnummer", colEpisode},
	{"vårdförlopps-id", colEpisode}, {"vårdförloppsid", colEpisode},
	{"vårdförloppsnummer", colEpisode}, {"ålder", colAge}, {"åtgärds_datum", colDate},
	{"åtgärdsdatum", colDate}, {"åtgärdskod", colCode},
}

// columnAlias is a column name, as columnKey gives it, and its field.
type columnAlias struct {
	name  string
	field int
}

// columnAliasOf returns the field that column name key (as columnKey
// gives it) is read as, if it is an alias.
func columnAliasOf(key string) (int, bool) {
	i, ok := slices.BinarySearchFunc(columnAliases[:], key, func(a columnAlias, k string) int { return strings.Compare(a.name, k) })
	if !ok {
		return 0, false
	}
	return columnAliases[i].field, true
}

// columnKey normalises a header name: trimmed, lower case, composed
// (macOS may write "ö" as "o" and a combining mark), inner spaces as "_".
func columnKey(b []byte) string {
	// Most names are a word of ASCII (episode, code, Datum): composing,
	// splitting at spaces and joining change nothing there, and trimming
	// and lower-casing is all. The whole way cost 1 250 instructions a
	// name, 27 000 for a header, whose names are keyed twice (issue 16).
	lo, hi := 0, len(b)
	for lo < hi && asciiSpace(b[lo]) {
		lo++
	}
	for hi > lo && asciiSpace(b[hi-1]) {
		hi--
	}
	upper := false
	for _, c := range b[lo:hi] {
		if c >= utf8.RuneSelf || asciiSpace(c) {
			return columnKeyFull(b)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return string(b[lo:hi])
	}
	k := []byte(string(b[lo:hi]))
	for i, c := range k {
		if 'A' <= c && c <= 'Z' {
			k[i] = c + 'a' - 'A'
		}
	}
	return string(k)
}

// asciiSpace reports whether c is one of the ASCII characters that
// strings.TrimSpace and strings.Fields take as space.
func asciiSpace(c byte) bool { return c == ' ' || '\t' <= c && c <= '\r' }

// columnKeyFull is columnKey for any name.
func columnKeyFull(b []byte) string {
	s := norm.NFC.String(string(b))
	s = strings.TrimPrefix(strings.TrimSpace(s), "\ufeff")
	return strings.Join(strings.Fields(strings.ToLower(s)), "_")
}

// separators are tried in this order, and the first wins a tie: ";" is
// what Swedish Excel writes, "," what most other tools write.
var separators = []byte{';', ',', '\t'}

// splitter splits a CSV line into fields, reusing its buffers. A split
// line is text, with field k running from after ends[k-1] (or the
// start) to ends[k] (or the end).
type splitter struct {
	sep   byte
	class [256]byte // what each byte is to scan: 0 or one of the cls bits
	// words: scan may take the line eight bytes at a time, sep being a
	// byte that is neither a space, a quote, a control character nor
	// part of a non-ASCII character (plainWord).
	words bool
	text  []byte
	ends  []int32 // valid until the next split
	pos   []int32
	buf   []byte
}

// Byte classes for splitter.scan. clsSep must be 1.
const (
	clsSep   = 1 << iota
	clsQuote // '"'
	clsNUL
	clsHigh  // not ASCII
	clsSpace // ASCII white space other than the separator
)

// Results of splitter.split besides splitOK.
const (
	splitOK = iota
	splitOpenQuote
	splitAfterQuote
)

func (s *splitter) setSep(sep byte) {
	s.sep = sep
	s.class = [256]byte{}
	for c := utf8.RuneSelf; c < 256; c++ {
		s.class[c] = clsHigh
	}
	for _, c := range []byte(" \t\r\v\f") {
		s.class[c] = clsSpace
	}
	s.class['"'], s.class[0], s.class[sep] = clsQuote, clsNUL, clsSep
	s.words = sep > ' ' && sep < utf8.RuneSelf && sep != '"'
}

// nfields is the number of fields of the line last split.
func (s *splitter) nfields() int { return len(s.ends) + 1 }

// field returns field k of the line last split.
func (s *splitter) field(k int) []byte { return spanOf(s.text, s.ends, k, k) }

// scan splits line at every separator, quotes or not, and says which of
// quotes, NUL, spaces and non-ASCII bytes it holds. Most lines have none of
// them, and their fields are then final.
//
// Eight bytes at a time (s.words): a word of only plain bytes (plainWord)
// has no class but separators, found all at once (byteMarks) and stored
// one per loop turn; any other word, and the bytes of a line shorter than
// a word, go byte by byte (scanBytes). Byte by byte a line took some
// twelve instructions a byte, 1.0 of the 8.1 billion instructions of a
// shuffled 300 k-episode eval, whose every row is the first of its run
// and comes here (issue 16).
func (s *splitter) scan(line []byte) (classes byte) {
	if cap(s.pos) < len(line)+1 {
		s.pos = make([]int32, len(line)+1, 2*len(line)+64)
	}
	pos := s.pos[:len(line)+1]
	n, i := 0, 0
	if s.words && len(line) >= 8 {
		le := binary.LittleEndian
		sep := ones * uint64(s.sep)
		for ; i <= len(line)-8; i += 8 {
			x := le.Uint64(line[i:])
			if !plainWord(x, ^uint64(0)) {
				// A word of plain bytes and spaces, as in "Avd 27" and
				// "2024-10-13 00:00:00" in every row of Excel's export,
				// is plain with its spaces read as '!': with those two
				// words byte by byte scan took 25.9 M instructions of
				// the eval of 200 000 such lines, so 22.7 M (issue 16).
				sp := byteMarks(x ^ (ones * ' '))
				if sp == 0 || !plainWord(x^sp>>7, ^uint64(0)) {
					classes, n = s.scanBytes(line, pos, i, i+8, n, classes)
					continue
				}
				classes |= clsSpace
			}
			for m := byteMarks(x ^ sep); m != 0; m &= m - 1 {
				pos[n] = int32(i + bits.TrailingZeros64(m)>>3)
				n++
			}
		}
		if rest := len(line) - i; rest > 0 {
			// The last eight bytes, those before i masked off.
			x, keep := le.Uint64(line[len(line)-8:]), ^uint64(0)<<(8*(8-rest))
			if !plainWord(x, keep) {
				classes, n = s.scanBytes(line, pos, i, len(line), n, classes)
			} else {
				for m := byteMarks(x^sep) & keep; m != 0; m &= m - 1 {
					pos[n] = int32(len(line) - 8 + bits.TrailingZeros64(m)>>3)
					n++
				}
			}
		}
	} else {
		classes, n = s.scanBytes(line, pos, 0, len(line), n, classes)
	}
	s.text, s.ends = line, pos[:n]
	return classes &^ clsSep
}

// scanBytes is scan of line[from:to] by s.class, n separators being
// stored in pos before; it returns the classes with those of the bytes
// added, and the separators stored then.
//
// The loop has no branch that depends on the data: every byte's position
// is stored and the count moves on only past a separator. Fields are a
// few bytes long, so a loop that branched at each separator, or searched
// for it, paid for a mispredicted branch per field.
func (s *splitter) scanBytes(line []byte, pos []int32, from, to, n int, classes byte) (byte, int) {
	class := &s.class
	for i, c := range line[from:to] {
		k := class[c]
		classes |= k
		pos[n] = int32(from + i)
		n += int(k & clsSep)
	}
	return classes, n
}

// high has the high bit of each byte.
const high uint64 = ones << 7

// byteMarks marks the zero bytes of x with their high bit, exactly (no
// byte above a zero byte is marked, unlike zeroBytes).
func byteMarks(x uint64) uint64 { return ^((x&^high + ^high) | x) & high }

// plainWord reports whether the bytes of x that keep has (0xff) are all
// plain: '!' to '~' but the quote, bytes of no class but clsSep whatever
// the separator.
func plainWord(x, keep uint64) bool {
	// A byte below '!' has no high bit after adding 0x80-'!'; the sum of
	// two bytes without their high bits carries into none other.
	low := ^(x&^high + ones*(0x80-'!'))
	return (x|low|byteMarks(x^(ones*'"')))&high&keep == 0
}

// split splits line at the separator. Fields in double quotes may hold
// the separator and "" for a quote, as Excel writes them. A field that
// does not start with a quote is taken as it is, quotes and all. col is
// the 1-based column of a problem.
func (s *splitter) split(line []byte) (result, col int) {
	if s.scan(line)&clsQuote == 0 {
		return splitOK, 0
	}
	return s.splitQuoted(line)
}

// splitQuoted is split for a line with quotes. The fields, unquoted, are
// written to buf one byte apart, so that ends works as for scan.
func (s *splitter) splitQuoted(line []byte) (result, col int) {
	s.buf, s.ends = s.buf[:0], s.ends[:0]
	blank := func(c byte) bool { return c == ' ' || c == '\t' && s.sep != '\t' }
	end := func() { // ends a field that is not the last
		s.ends = append(s.ends, int32(len(s.buf)))
		s.buf = append(s.buf, s.sep)
	}
	for i := 0; ; {
		j := i
		for j < len(line) && blank(line[j]) {
			j++
		}
		if j < len(line) && line[j] == '"' {
			k := j + 1
			for {
				q := bytes.IndexByte(line[k:], '"')
				if q < 0 {
					return splitOpenQuote, len(s.ends) + 1
				}
				s.buf = append(s.buf, line[k:k+q]...)
				k += q + 1
				if k < len(line) && line[k] == '"' {
					s.buf = append(s.buf, '"')
					k++
					continue
				}
				break
			}
			for k < len(line) && blank(line[k]) {
				k++
			}
			if k == len(line) {
				break
			}
			if line[k] != s.sep {
				return splitAfterQuote, len(s.ends) + 1
			}
			end()
			i = k + 1
			continue
		}
		q := bytes.IndexByte(line[i:], s.sep)
		if q < 0 {
			s.buf = append(s.buf, line[i:]...)
			break
		}
		s.buf = append(s.buf, line[i:i+q]...)
		end()
		i += q + 1
	}
	s.text = s.buf
	return splitOK, 0
}

// csvFastPath enables the short cut for rows that repeat the attributes
// of the row before; the fuzz test turns it off to check that it changes
// nothing.
var csvFastPath = true

// fieldCol is a field and its column.
type fieldCol struct{ field, col int }

// csvReader reads the rows of a CSV input after its header.
type csvReader struct {
	name string
	// workbook: the rows come from a sheet of an xlsx workbook, for the
	// summary's words for its blank rows.
	workbook bool
	enc      encoding
	b        *builder
	sp       splitter
	col      [numCols]int // each field's column, -1 when the file has none
	core     []fieldCol   // episode, code and date, and their columns
	attrCols []fieldCol   // the attributes the file has, and their columns
	// The attribute columns in runs of adjacent columns, first and last.
	groups [][2]int
	// plan is the header's columns cut into segments, in order, for the
	// short cut (fastRow); fixed is the number of its segments before
	// the first segSkip, whose bytes are at the same places in every
	// row the short cut takes from a kept row (lastRow.tmpl).
	plan  []segment
	fixed int
	// tail is plan[fixed:] as stretches (tailOf).
	tail []stretch
	last lastRow
	// newRuns counts the rows in a row taken by builder.add rather than
	// a short cut (fast, sameAttrs); see keepNewRun.
	newRuns int
	ncol    int      // columns in the header
	names   []string // the header's columns, as written
	// idHeader: the episode id is read from a column headed ID (any
	// case), found by its alias; the summary says so.
	idHeader string
	dec      []byte // a line converted from Windows-1252
	up       []byte // an upper-cased value
	rec      record // a row whose quoted value goes on on the next line
}

// record is a row of several lines being read: a quoted value in it
// holds line breaks (RFC 4180). first is 0 when no such row is open.
type record struct {
	text  []byte // its lines so far, joined by "\n"
	first int    // line number of its first line
	lines int
	st    quoteState // where its last line ends
}

// maxRecordLines bounds the lines of one row: a quoted value that does
// not close within this many lines (or maxLine bytes) does not make a
// row of them (see csvReader.line).
const maxRecordLines = 20

// lastRow is the open run's last accepted row, as split: sameAttrs
// compares a row's attribute columns with its, fastRow the columns a
// row is read for.
type lastRow struct {
	text []byte
	ends []int32 // as splitter.ends
	// ok: the run has such a row. A row with quotes is not kept: its
	// values joined again could be read another way ("a;b" and "c"
	// against "a" and "b;c").
	ok bool
	// fast: its id and attribute columns hold no quote, space, NUL or
	// non-ASCII byte; tail holds the templates of the stretches of the
	// plan after plan[:fixed] (those are in tmpl), one for each of
	// csvReader.tail, and dateLen is the length of its date.
	fast    bool
	tail    []template
	dateLen int
	// The template (tmpl) of the segments plan[:fixed] and the
	// separators after them.
	template
}

// template is what columns next to each other and the separators after
// them must be in a row that takes the short cut: tmpl holds the bytes
// of the segSame segments and the separators, where mask is 0xff, and
// the code and date, from codeAt and dateAt (-1: not among them), where
// mask is 0.
type template struct {
	tmpl, mask     []byte
	codeAt, dateAt int
	maskDateLen    int // the date length mask was made for
}

// set makes t the template of text, a kept row's columns, with a code of
// 5 bytes at codeAt and a date of dateLen bytes at dateAt (-1: none).
//
// The mask is made again only when the places of the code and date
// change, eight bytes at a time: all of its capacity is 0xff but for
// them, so that it is cut to the length of text, which changes with the
// values in it (ages of one or two digits). Made again for each kept
// row of Excel's export, byte by byte, it was 3 % of that eval's
// instructions; where the code and date come after attributes of
// varying length (the synthetic export) it is made again at most kept
// rows (issue 16).
func (t *template) set(text []byte, codeAt, dateAt, dateLen int) {
	t.tmpl = append(t.tmpl[:0], text...)
	n := len(text)
	if cap(t.mask) < n || t.codeAt != codeAt || t.dateAt != dateAt || t.maskDateLen != dateLen {
		m := slices.Grow(t.mask[:0], n)
		m = m[:cap(m)]
		t.mask = m
		for len(m) >= 8 {
			binary.LittleEndian.PutUint64(m, ^uint64(0))
			m = m[8:]
		}
		for i := range m {
			m[i] = 0xff
		}
		if codeAt >= 0 {
			clear(t.mask[codeAt : codeAt+5])
		}
		if dateAt >= 0 {
			clear(t.mask[dateAt : dateAt+dateLen])
		}
		t.codeAt, t.dateAt, t.maskDateLen = codeAt, dateAt, dateLen
	}
	t.mask = t.mask[:n]
}

// A stretch of the fast path's plan after its first segSkip segment:
// columns not read, then the columns read up to the next that is not
// (none when the line ends with the columns not read). The bytes of
// those read are at the same places from the stretch's start in every
// row that takes the short cut, as those before the first segSkip are
// from the line's start (lastRow.tmpl), and one masked comparison
// checks them (template).
type stretch struct {
	skip        int // the number of columns not read
	first, last int // the columns read after them; last < first: none
}

// A segment of the fast path's plan: columns next to each other that
// fastRow treats alike.
type segment struct {
	kind        int
	first, last int // the columns, from 0
}

// The kinds of segment.
const (
	// segSame: the id and attribute columns, which a row that takes the
	// short cut has byte for byte as the row kept.
	segSame = iota
	segCode
	segDate
	// segSkip: columns that are not read (a row number, a unit name):
	// only their separators and quotes count.
	segSkip
)

// readCSV reads a CSV input whose first non-blank line, header, has been
// read from lr.
//
// The header names the columns, in any order and case; columns it does
// not know are ignored. The separator is the one of ";", "," and tab that
// splits the header into the most known columns (ties: in that order).
// Each data line is one row, except that a quoted value in a column that
// is not used may hold line breaks (as Excel writes a cell with several
// lines): see csvReader.line. Completely blank lines are not rows.
func readCSV(ctx context.Context, name string, lr *lineReader, header []byte, enc encoding, b *builder, workers, blockSize int) error {
	c := &csvReader{name: name, enc: enc, b: b}
	if err := c.header(header); err != nil {
		return err
	}
	// An input of one block at most is read on this goroutine: workers
	// would parse its one block all the same, after each allocating its
	// own buffers and caches (a 100-row file paid more for them than for
	// its rows; issue 16).
	if workers > 1 && !oneBlock(lr, blockSize) {
		return c.readCSVParallel(ctx, lr, workers, blockSize)
	}
	return eachLine(name, lr, b, c.line, c.finish)
}

// line reads one line after the header (line is its number): a row, or
// a line of a row whose quoted value holds line breaks. rowEnd cuts the
// input into rows by the same rules.
//
// A row has several lines only when that can be right: the line breaks
// are inside a quoted value of a column that is not used (the id, code,
// date and attributes never hold one), the quote closes within
// maxRecordLines lines and maxLine bytes, and the lines then split into
// as many fields as the header has. Otherwise the quote was most likely
// left open by mistake: the first line is a row of its own, rejected,
// and the lines after it are read again as the rows they are, so that an
// open quote never takes a row away from its episode.
func (c *csvReader) line(raw []byte, tooLong bool, line int) {
	// The short cut first: a line it takes has no quote that opens a
	// row of several lines.
	if c.rec.first == 0 && !tooLong && c.fast(raw, line) {
		return
	}
	c.notFast(raw, tooLong, line)
}

// notFast is line for a line the short cut (fast) did not take, or
// that it cannot take: one in a row of several lines.
func (c *csvReader) notFast(raw []byte, tooLong bool, line int) {
	r := &c.rec
	if r.first == 0 {
		if tooLong || bytes.IndexByte(raw, '"') < 0 {
			c.slowRow(raw, tooLong, line)
			return
		}
		st := scanQuotes(raw, c.sp.sep, quoteState{})
		if !st.open || !c.mayBreak(st.field) {
			c.slowRow(raw, false, line)
			return
		}
		r.text = append(r.text[:0], raw...)
		r.first, r.lines, r.st = line, 1, st
		return
	}
	if tooLong || len(r.text)+1+len(raw) > maxLine || r.lines == maxRecordLines {
		c.backtrack()              // the row cannot take this line:
		c.line(raw, tooLong, line) // it is read after the row's lines
		return
	}
	r.text = append(r.text, '\n')
	r.text = append(r.text, raw...)
	r.lines++
	st := scanQuotes(raw, c.sp.sep, r.st)
	switch {
	case st.open && c.mayBreak(st.field):
		r.st = st // the value goes on on the next line
	case !st.open && !st.broken && st.field+1 == c.ncol:
		first := r.first
		r.first = 0
		c.row(r.text, false, first)
	default:
		c.backtrack()
	}
}

// mayBreak reports whether field (from 0) may hold a line break: it is a
// column of the header that is not used.
func (c *csvReader) mayBreak(field int) bool {
	if field >= c.ncol {
		return false
	}
	for _, i := range c.col {
		if i == field {
			return false
		}
	}
	return true
}

// backtrack ends the open row of several lines as one that cannot be
// right (see line): its first line is read alone, and rejected, in the
// episode of its id when that can be read; its other lines are read
// again, each from its start.
func (c *csvReader) backtrack() {
	r := &c.rec
	first, lines := r.first, r.lines
	r.first = 0
	text, rest := r.text, []byte(nil)
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		// line may start another row of several lines in r.text.
		text, rest = text[:i], bytes.Clone(text[i+1:])
	}
	c.row(text, false, first)
	for k := 1; k < lines; k++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		}
		c.line(l, false, first+k)
	}
}

// finish ends a row of several lines that the end of the input leaves
// open (see backtrack), and any that the lines read again open.
func (c *csvReader) finish() {
	for c.rec.first != 0 {
		c.backtrack()
	}
}

// quoteState is where a row stands at the end of one of its lines, as
// splitQuoted would split it.
type quoteState struct {
	field  int  // the field the line ends in, from 0
	open   bool // the line ends inside a quoted value
	broken bool // there is text after a closing quote: the row cannot be split
}

// scanQuotes follows line from st, the state at the end of the line
// before (the zero state at a row's first line), and returns the state
// at its end. It follows splitQuoted: a quote opens a value only at the
// start of a field (after blanks), "" inside one is a quote, and text
// after a closing quote breaks the row.
func scanQuotes(line []byte, sep byte, st quoteState) quoteState {
	blank := func(c byte) bool { return c == ' ' || c == '\t' && sep != '\t' }
	i := 0
	for {
		if !st.open {
			j := i
			for j < len(line) && blank(line[j]) {
				j++
			}
			if j == len(line) || line[j] != '"' {
				q := bytes.IndexByte(line[i:], sep)
				if q < 0 {
					return st
				}
				i += q + 1
				st.field++
				continue
			}
			i, st.open = j+1, true
		}
		for { // in a quoted value: find its closing quote
			q := bytes.IndexByte(line[i:], '"')
			if q < 0 {
				return st
			}
			i += q + 1
			if i < len(line) && line[i] == '"' {
				i++
				continue
			}
			break
		}
		st.open = false
		for i < len(line) && blank(line[i]) {
			i++
		}
		if i == len(line) {
			return st
		}
		if line[i] != sep {
			st.broken = true
			return st
		}
		i++
		st.field++
	}
}

// fieldAt returns field k (from 0) of line as splitQuoted reads it,
// untrimmed and without its quotes (a "" in it is left as it is), and
// whether it is written in quotes; ok is false when the line does not
// reach the field whole (it has fewer fields, or the field's quote does
// not close, or text follows the closing quote).
func fieldAt(line []byte, sep byte, k int) (v []byte, quoted, ok bool) {
	blank := func(c byte) bool { return c == ' ' || c == '\t' && sep != '\t' }
	i := 0
	for f := 0; ; f++ {
		j := i
		for j < len(line) && blank(line[j]) {
			j++
		}
		end := j // after the field's value
		if j < len(line) && line[j] == '"' {
			for end = j + 1; ; end++ { // find the closing quote
				if end >= len(line) {
					return nil, false, false
				}
				if line[end] == '"' {
					if end+1 < len(line) && line[end+1] == '"' {
						end++
						continue
					}
					break
				}
			}
			v, quoted = line[j+1:end], true
			end++
			for end < len(line) && blank(line[end]) {
				end++
			}
			if end < len(line) && line[end] != sep {
				return nil, false, false
			}
		} else {
			end = len(line)
			if q := bytes.IndexByte(line[i:], sep); q >= 0 {
				end = i + q
			}
			v, quoted = line[i:end], false
		}
		if f == k {
			return v, quoted, true
		}
		if end >= len(line) {
			return nil, false, false
		}
		i = end + 1
	}
}

// isQuoted reports whether field k of line is written in quotes.
func isQuoted(line []byte, sep byte, k int) bool {
	_, quoted, _ := fieldAt(line, sep, k)
	return quoted
}

// recordCut returns where the last row that ends with a line feed in data
// ends, data starting at the start of a row: the rows are those line
// reads, so that a block edge never falls inside one. It is 0 when the
// first row does not end in data.
func (c *csvReader) recordCut(data []byte) int {
	if end, ok := quietEnd(data); ok {
		return end
	}
	cut := 0
	for cut < len(data) {
		// Lines without quotes are rows of their own: go to the line of
		// the next quote.
		q := bytes.IndexByte(data[cut:], '"')
		if q < 0 {
			if i := bytes.LastIndexByte(data[cut:], '\n'); i >= 0 {
				cut += i + 1
			}
			return cut
		}
		if i := bytes.LastIndexByte(data[cut:cut+q], '\n'); i >= 0 {
			cut += i + 1
		}
		n, ok := c.rowEnd(data[cut:])
		if !ok {
			return cut
		}
		cut += n
	}
	return cut
}

// quietEnd returns the end of data's last line that ends with a line
// feed when the maxRecordLines+1 lines that end there have no quote: a
// row of several lines has at most maxRecordLines lines and ends on a
// line with a quote (the one that closes its value), so none is open
// there, however the lines before were read (csvReader.line), and a row
// ends there. ok is false when data has fewer lines or a quote in them;
// then only a look at the whole of data tells (recordCut). Most inputs
// have no quotes, and this looks at the end of the data only.
func quietEnd(data []byte) (end int, ok bool) {
	end = bytes.LastIndexByte(data, '\n') + 1
	if end == 0 {
		return 0, false
	}
	start := end - 1
	for range maxRecordLines + 1 {
		i := bytes.LastIndexByte(data[:start], '\n')
		if i < 0 {
			return 0, false
		}
		start = i
	}
	return end, bytes.IndexByte(data[start:end], '"') < 0
}

// rowEnd returns where the row that starts at data's start ends (after
// its line feed), as line reads it, and false when data ends before that
// is known.
func (c *csvReader) rowEnd(data []byte) (end int, ok bool) {
	line, firstEnd := lineAt(data, 0)
	if firstEnd < 0 {
		return 0, false
	}
	st := scanQuotes(line, c.sp.sep, quoteState{})
	if len(line) > maxLine || !st.open || !c.mayBreak(st.field) {
		return firstEnd, true
	}
	size, lines := len(line), 1
	for pos := firstEnd; pos < len(data); {
		line, next := lineAt(data, pos)
		if len(line) > maxLine || size+1+len(line) > maxLine || lines == maxRecordLines {
			return firstEnd, true // the row cannot take this line
		}
		if next < 0 {
			return 0, false // the line goes on after data
		}
		size, lines = size+1+len(line), lines+1
		st = scanQuotes(line, c.sp.sep, st)
		switch {
		case st.open && c.mayBreak(st.field):
			pos = next
		case !st.open && !st.broken && st.field+1 == c.ncol:
			return next, true
		default:
			return firstEnd, true // the first line is a row of its own
		}
	}
	return 0, false
}

// lineAt returns the line that starts at pos in data, without its line
// ending, and where the next line starts: -1 when the line does not end
// in data.
func lineAt(data []byte, pos int) (line []byte, next int) {
	line, next = data[pos:], -1
	if e := bytes.IndexByte(line, '\n'); e >= 0 {
		line, next = line[:e], pos+e+1
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, next
}

// header finds the separator and the columns.
func (c *csvReader) header(raw []byte) error {
	line, _ := decode(c.enc, raw, &c.dec)
	if i := bytes.IndexByte(line, '\r'); i >= 0 {
		return fmt.Errorf(msg.InputCROnly, c.name)
	}
	best, bestKnown, bestFields := -1, -1, 0
	var sp splitter
	for i, sep := range separators {
		sp.setSep(sep)
		if res, _ := sp.split(line); res != splitOK {
			continue
		}
		known := 0
		for k := range sp.nfields() {
			if _, ok := c.fieldOf(columnKey(sp.field(k))); ok {
				known++
			}
		}
		// With no known column at all, the split with the most columns
		// gives the clearest list of what was found.
		if known > bestKnown || known == 0 && bestKnown == 0 && sp.nfields() > bestFields {
			best, bestKnown, bestFields = i, known, sp.nfields()
		}
	}
	if best < 0 {
		return fmt.Errorf(msg.InputHeaderQuote, c.name)
	}
	c.sp.setSep(separators[best])
	c.sp.split(line)
	names := make([]string, c.sp.nfields())
	for i := range names {
		names[i] = string(bytes.TrimSpace(c.sp.field(i)))
	}
	c.ncol, c.names = len(names), names

	for _, m := range c.b.columns {
		// The header named must be there, even when an alias of the
		// field is: the column read would not be the one asked for.
		var keys []string
		for _, n := range names {
			keys = append(keys, columnKey([]byte(n)))
		}
		if !slices.Contains(keys, columnKey([]byte(m.Header))) {
			hint := ""
			if sug := lang.Suggest(columnKey([]byte(m.Header)), keys); sug != "" {
				hint = fmt.Sprintf(msg.InputDidYouMean, names[slices.Index(keys, sug)])
			}
			return fmt.Errorf(msg.InputColumnNotInFile, c.name, m.Header, fieldFlag(fieldIndex(m.Field)), quotedList(names), hint)
		}
	}
	unknown, err := c.assign(names)
	if err != nil {
		return err
	}
	var missing []string
	var candidates []string
	var guesses []string
	guessed := map[string]bool{}
	lacking := 0
	for _, k := range []int{colEpisode, colCode, colDate} {
		if c.col[k] < 0 {
			lacking++
		}
	}
	for _, k := range []int{colEpisode, colCode, colDate} {
		if c.col[k] < 0 {
			missing = append(missing, fieldWords[k])
			for _, a := range columnAliases {
				alias, kk := a.name, a.field
				if kk == k {
					candidates = append(candidates, alias)
				}
			}
			if n := guessColumn(k, unknown, guessed, lacking == 1); n != "" {
				guessed[n] = true
				guesses = append(guesses, fmt.Sprintf(msg.InputColumnHint, n, fieldFlag(k), shellWord(n)))
			}
		}
	}
	if len(missing) == 0 {
		var cols []int
		for k, i := range c.col {
			switch {
			case i < 0:
			case k < colRegion:
				c.core = append(c.core, fieldCol{k, i})
			default:
				c.attrCols = append(c.attrCols, fieldCol{k, i})
				cols = append(cols, i)
			}
		}
		sort.Ints(cols)
		for _, i := range cols {
			if n := len(c.groups); n > 0 && c.groups[n-1][1] == i-1 {
				c.groups[n-1][1] = i
			} else {
				c.groups = append(c.groups, [2]int{i, i})
			}
		}
		c.plan = c.makePlan()
		c.fixed = len(c.plan)
		for i, g := range c.plan {
			if g.kind == segSkip {
				c.fixed = i
				break
			}
		}
		c.tail = tailOf(c.plan[c.fixed:])
		c.tellColumns(names, unknown)
		return nil
	}
	sort.Strings(candidates) // map order must not change the hint
	var text strings.Builder
	fmt.Fprintf(&text, msg.InputHeaderMissing, c.name, andList(missing), quotedList(names))
	for _, g := range guesses {
		text.WriteString(g)
	}
	for _, n := range unknown {
		if guessed[n] {
			continue
		}
		if hint := lang.DidYouMean(columnKey([]byte(n)), candidates); hint != "" {
			fmt.Fprintf(&text, msg.InputHeaderHint, n, hint)
		}
	}
	text.WriteString(msg.InputHeaderNeed)
	if len(names) == 1 {
		text.WriteString(msg.InputHeaderSeparators)
	}
	if c.enc == encUTF8 && !utf8.Valid(raw) {
		text.WriteString(msg.InputHeaderNotUTF8)
	}
	return fmt.Errorf("%s", text.String())
}

// guessColumn returns the header, of those not read and not guessed
// already, most likely to be field k's: the first that holds one of the
// field's aliases of three letters or more in its name (Åtgärdsdatum
// holds datum), else the one closest to an alias (Kodd is kod), else,
// when k is the only field missing (alone), the only header left. ""
// when none is likely.
func guessColumn(k int, unknown []string, guessed map[string]bool, alone bool) string {
	var aliases []string
	for _, a := range columnAliases {
		alias, kk := a.name, a.field
		if kk == k && utf8.RuneCountInString(alias) >= 3 {
			aliases = append(aliases, alias)
		}
	}
	sort.Strings(aliases) // map order must not change the hint
	// A header that is not UTF-8 cannot be written on a command line,
	// and one that holds the names of other fields too ("episode,code",
	// read with the wrong separator) is not this field's. With no name
	// close, the only column left unread is the likely one.
	fits := func(n string) bool {
		if guessed[n] || !utf8.ValidString(n) {
			return false
		}
		key := columnKey([]byte(n))
		for _, a := range columnAliases {
			alias, kk := a.name, a.field
			if kk != k && utf8.RuneCountInString(alias) >= 3 && strings.Contains(key, alias) {
				return false
			}
		}
		return true
	}
	for _, n := range unknown {
		key := columnKey([]byte(n))
		for _, a := range aliases {
			if strings.Contains(key, a) && fits(n) {
				return n
			}
		}
	}
	var left []string
	for _, n := range unknown {
		if lang.Suggest(columnKey([]byte(n)), aliases) != "" && fits(n) {
			return n
		}
		if fits(n) {
			left = append(left, n)
		}
	}
	if alone && len(left) == 1 { // the only column not read, for the only field missing
		return left[0]
	}
	return ""
}

// shellWord writes a header as a command line needs it: in double quotes
// when it has a space or a character a shell reads.
func shellWord(s string) string {
	if strings.ContainsAny(s, " \t\"'&|<>()$`;*?[]{}!#~") {
		return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
	}
	return s
}

// fieldOf returns the field a header (as columnKey gives it) is read as:
// the one --column maps it to, else the one its alias names.
func (c *csvReader) fieldOf(key string) (int, bool) {
	if k, ok := c.mapped(key); ok {
		return k, true
	}
	return columnAliasOf(key)
}

// assign sets c.col from the header's names and returns the headers not
// read, in the header's order. A header --column names is read as its
// field, and then a header that is only an alias of that field is not
// read: --column wins over the aliases. Of two aliases of the episode
// id, a bare "ID" gives way to the other (a row number or a patient id is
// often called ID); any other two aliases of one field are an error.
func (c *csvReader) assign(names []string) (unknown []string, err error) {
	for k := range c.col {
		c.col[k] = -1
	}
	var explicit [numCols]bool
	var auto [numCols][]int
	used := make([]bool, len(names))
	keys := make([]string, len(names))
	for i, n := range names {
		keys[i] = columnKey([]byte(n))
	}
	for i, key := range keys {
		if k, ok := c.mapped(key); ok {
			if j := c.col[k]; j >= 0 {
				return nil, fmt.Errorf(msg.InputColumnsBoth, c.name, names[j], names[i], fieldWords[k], fieldFlag(k))
			}
			c.col[k], explicit[k], used[i] = i, true, true
			continue
		}
		if k, ok := columnAliasOf(key); ok {
			auto[k] = append(auto[k], i)
		}
	}
	for k, cols := range auto {
		if explicit[k] {
			continue
		}
		if k == colEpisode && len(cols) > 1 {
			cols = slices.DeleteFunc(slices.Clone(cols), func(i int) bool { return keys[i] == "id" })
		}
		switch {
		case len(cols) > 1:
			return nil, fmt.Errorf(msg.InputColumnsBoth, c.name, names[cols[0]], names[cols[1]], fieldWords[k], fieldFlag(k))
		case len(cols) == 1:
			c.col[k], used[cols[0]] = cols[0], true
		}
	}
	if i := c.col[colEpisode]; i >= 0 && !explicit[colEpisode] && keys[i] == "id" {
		c.idHeader = names[i]
	}
	for i, n := range names {
		if !used[i] {
			unknown = append(unknown, n)
		}
	}
	return unknown, nil
}

// mapped returns the field --column maps a header (as columnKey gives
// it) to.
func (c *csvReader) mapped(key string) (int, bool) {
	for _, m := range c.b.columns {
		if columnKey([]byte(m.Header)) == key {
			return fieldIndex(m.Field), true
		}
	}
	return 0, false
}

// fieldIndex returns the index of a field name (checked by ParseColumns).
func fieldIndex(name string) int {
	for k, n := range colNames {
		if n == name {
			return k
		}
	}
	return -1
}

// tellColumns notes the attributes the file has no column for, for its
// episodes, and tells the sink how the header was read, once per file.
func (c *csvReader) tellColumns(names, unknown []string) {
	fc := FileColumns{File: c.name, Workbook: c.workbook, IDColumn: c.idHeader, Unused: unknown, Columns: []ColumnUse{}, Missing: []string{}}
	if fc.Unused == nil {
		fc.Unused = []string{}
	}
	for i, n := range names {
		for k, j := range c.col {
			if j == i {
				fc.Columns = append(fc.Columns, ColumnUse{Header: n, Field: colNames[k]})
			}
		}
	}
	for k := colRegion; k < numCols; k++ {
		if c.col[k] < 0 {
			fc.Absent |= colAttr[k]
		}
	}
	for k, i := range c.col {
		if i >= 0 {
			c.b.headers[k] = names[i]
		}
	}
	fc.Missing = append(fc.Missing, fc.Absent.Names()...)
	c.b.absent = fc.Absent
	if s, ok := c.b.sink.(ColumnSink); ok {
		s.Columns(fc)
	}
}

// andList writes "a", "a and b", "a, b and c".
func andList(s []string) string {
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + msg.InputAnd + s[len(s)-1]
}

func quotedList(names []string) string {
	const max = 20
	var b strings.Builder
	for i, n := range names {
		if i == max {
			fmt.Fprintf(&b, msg.InputMore, len(names)-max)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quote([]byte(n)))
	}
	if len(names) == 0 {
		return msg.InputNoColumns
	}
	return b.String()
}

// row reads one line after the header; line is its line number.
func (c *csvReader) row(raw []byte, tooLong bool, line int) {
	if !tooLong && c.fast(raw, line) {
		return
	}
	c.slowRow(raw, tooLong, line)
}

// fast takes the row at line the short cut when it can (fastRow): most
// rows are the row before with another code and date, and maybe other
// values in columns that are not read. Then the split, the checks and
// the comparison of attributes are all done.
func (c *csvReader) fast(raw []byte, line int) bool {
	b := c.b
	if !csvFastPath || !c.last.fast || b.cur == nil {
		return false
	}
	code, date, ok := c.fastRow(raw)
	if !ok {
		return false
	}
	cd, ok := parseCode(code)
	if !ok {
		return false
	}
	var day compiler.Day
	if len(date) == 19 && string(date[10:]) == " 00:00:00" {
		// A date with the time Excel saves (2024-03-05 00:00:00), looked
		// up by its date, as parseDay reads it. Tried first, it is no
		// longer tried as a date of 8 or 10 bytes and searched for a
		// separator (none of the bytes a looked-up date has): 80
		// instructions of each row of Excel's export (issue 16).
		day, ok = b.parseDigitDay(date[:10])
	} else {
		day, ok = b.parseDigitDay(date)
		if !ok && len(date) > 10 && bytes.IndexByte(date, c.sp.sep) < 0 {
			// Another date with a time: parseDay reads it as the slow
			// path does. Without the separator check a shorter date
			// with a fraction of a second after a comma could swallow
			// the next column of a comma-separated row.
			day, ok = b.parseOther(date)
		}
	}
	if !ok {
		return false
	}
	b.fastRows++ // told to the sink at flush
	b.events = append(b.events, Event{Code: cd, Date: day, Row: line})
	c.newRuns = 0
	return true
}

// slowRow reads one line after the header, checking it all.
func (c *csvReader) slowRow(raw []byte, tooLong bool, line int) {
	b := c.b
	if !tooLong && isBlank(raw, c.sp.sep) {
		return // not a row: nothing was written on the line
	}
	b.sink.DataRow()
	if tooLong {
		b.reject(line, "", fmt.Sprintf(msg.InputRowTooLong, maxLine>>20))
		return
	}
	classes := c.sp.scan(raw)
	if classes&clsNUL != 0 {
		c.rejectLoose(raw, line, "", msg.InputNUL)
		return
	}
	if classes&clsHigh != 0 && c.enc != encUTF8 {
		if text, converted := decode(c.enc, raw, &c.dec); converted {
			classes = c.sp.scan(text)
			raw = text
		}
	}
	if classes&clsQuote != 0 {
		switch res, col := c.sp.splitQuoted(raw); res {
		case splitOpenQuote:
			field, reason := c.openQuote(col - 1)
			c.rejectLoose(raw, line, field, reason)
			return
		case splitAfterQuote:
			c.rejectLoose(raw, line, "", c.afterQuote(col-1))
			return
		}
	}
	sp := &c.sp
	n := sp.nfields()
	// A row with an episode id is not empty; only other rows need a look
	// at every field.
	if i := c.col[colEpisode]; i >= n || !startsWithText(sp.field(i)) {
		empty := true
		for k := range n {
			if len(trim(sp.field(k))) > 0 {
				empty = false
				break
			}
		}
		if empty {
			// Excel writes an empty row of a sheet as separators:
			// not data, and nothing wrong with it.
			b.blank()
			return
		}
	}
	if n != c.ncol {
		if c.totalRow() {
			b.reject(line, "", msg.InputTotalRow)
			return
		}
		// When the row reaches the id, code and date columns, its id
		// is most likely right (a stray separator, a missing value at
		// the end): the row is missing from that episode. A shorter row
		// may be a piece of a broken row of several lines, whose first
		// field is no id.
		var a rowAttrs
		if i := c.col[colEpisode]; i < n && c.col[colCode] < n && c.col[colDate] < n {
			a.val[colEpisode] = trim(sp.field(i))
		}
		c.rejectRow(&a, line, "", fmt.Sprintf(msg.InputFieldCount, n, c.ncol))
		return
	}
	var a rowAttrs
	if classes&(clsSpace|clsHigh) != 0 {
		c.extract(&a, c.core, classes)
	} else {
		// The usual line: no spaces to trim, and the three columns
		// every file has are taken without a loop.
		a.val[colEpisode] = sp.field(c.col[colEpisode])
		a.val[colCode] = sp.field(c.col[colCode])
		a.val[colDate] = sp.field(c.col[colDate])
	}
	if c.enc == encUTF8 && classes&clsHigh != 0 {
		c.extract(&a, c.attrCols, classes)
		for k, i := range c.col {
			if i >= 0 && !utf8.Valid(a.val[k]) {
				c.rejectRow(&a, line, colNames[k], notUTF8)
				return
			}
		}
	}
	v := &a.val
	if len(v[colEpisode]) == 0 {
		if c.totalRow() {
			b.reject(line, "", msg.InputTotalRow)
			return
		}
		b.rejectNoID(line, msg.InputEpisodeEmpty)
		c.last.fast = false // the next row goes by add, which sees its id (seenID)
		return
	}
	if classes&clsQuote != 0 && bytes.IndexByte(v[colEpisode], '"') >= 0 && !isQuoted(raw, c.sp.sep, c.col[colEpisode]) {
		// A quote in an id that is not written in quotes is most likely
		// the end of a quoted value that a line before opened, read
		// again as a row (see line): it is no episode.
		b.reject(line, "episode", fmt.Sprintf(msg.InputIDQuote, quote(v[colEpisode])))
		return
	}
	ev, field, reason := b.event(v[colCode], v[colDate])
	ev.Row = line
	if field != "" && c.totalRow() {
		b.reject(line, "", msg.InputTotalRow)
		return
	}
	if field != "" {
		c.rejectRow(&a, line, field, reason)
		return
	}
	// Most rows continue the episode of the row before with the very same
	// attributes: then there is nothing to check or keep.
	if csvFastPath && classes&clsQuote == 0 && b.cur != nil && b.noID == nil && sameID(b.cur.ID, v[colEpisode]) && c.sameAttrs() {
		b.events = append(b.events, ev)
		c.newRuns = 0
		// The short cut did not take it: the rows after it may be like
		// it (dates of another width from here on).
		c.keepRow(classes)
		return
	}
	c.extract(&a, c.attrCols, classes)
	if field, reason := checkAttrs(&a, &c.up); field != "" {
		c.rejectRow(&a, line, field, reason)
		return
	}
	if b.add(v[colEpisode], line, &a) {
		b.events = append(b.events, ev)
		c.keepNewRun(classes)
	}
}

// keepNewRun keeps a row that builder.add took (keepRow), for the short
// cuts of the rows after it, unless the rows before it show that the
// short cuts do not pay: in a file whose rows are not in episode order
// (shuffled, sorted by date) nearly every row is the first of its run,
// and copying each for a next row that never continues it was 7 % of
// such an eval's CPU. After skipAfterRuns rows in a row taken by add, a
// row is kept only every keepEveryRun rows, so a file that turns
// adjacent again is noticed within that many rows; a row not kept sends
// the next one the full way (slowRow, add), which reads it exactly as a
// short cut would, only slower.
func (c *csvReader) keepNewRun(classes byte) {
	const skipAfterRuns, keepEveryRun = 32, 16
	c.newRuns++
	if c.newRuns < skipAfterRuns || c.newRuns%keepEveryRun == 0 {
		c.keepRow(classes)
		return
	}
	c.last.ok, c.last.fast = false, false
}

// rejectRow rejects the row at line, whose values are in a. When its
// episode id can be read (it is there and valid text), the row is missing
// from that episode, which becomes incomplete (builder.rejectIn); then
// the rows kept of the run before are forgotten, as they belong to
// another run now.
func (c *csvReader) rejectRow(a *rowAttrs, line int, field, reason string) {
	id := a.val[colEpisode]
	if len(id) == 0 || field == "episode" || !utf8.Valid(id) {
		c.b.reject(line, field, reason)
		return
	}
	if c.b.rejectIn(id, line, field, reason) {
		c.last.ok, c.last.fast = false, false
	}
}

// rejectLoose rejects a row that cannot be split into values (a NUL
// byte, a quote that does not close, text after a closing quote). When
// its episode id can still be read (looseID), the row is missing from
// that episode, which becomes incomplete, as in rejectRow.
func (c *csvReader) rejectLoose(raw []byte, line int, field, reason string) {
	id := c.looseID(raw)
	if id == nil {
		c.b.reject(line, field, reason)
		return
	}
	if c.b.rejectIn(id, line, field, reason) {
		c.last.ok, c.last.fast = false, false
	}
}

// afterQuote is the reason of the rejection of a row whose quoted value
// in piece k (from 0) is followed by text. The pieces are counted at
// every separator, also one inside a value without quotes around it
// (=HYPERLINK("http://x";"y")): such a value, with a quote in it, is
// named by its column's header rather than the piece's number, which
// may lie beyond the header.
func (c *csvReader) afterQuote(k int) string {
	s := &c.sp
	from := 0
	for i := 0; i < k && i < len(s.ends); i++ {
		end := int(s.ends[i])
		if bytes.IndexByte(s.buf[from:end], '"') >= 0 && i < c.ncol {
			return fmt.Sprintf(msg.InputQuoteInValue, c.names[i], i+1, s.sep)
		}
		from = end + 1
	}
	if k < c.ncol {
		return fmt.Sprintf(msg.InputAfterQuote, c.names[k], k+1)
	}
	return fmt.Sprintf(msg.InputAfterQuoteBeyond, k+1, c.ncol)
}

// openQuote returns the field and the reason of the rejection of a row
// whose quote, opened in field k (from 0), does not close on the line.
func (c *csvReader) openQuote(k int) (field, reason string) {
	if k >= c.ncol {
		return "", fmt.Sprintf(msg.InputQuoteBeyond, k+1, c.ncol)
	}
	for f, i := range c.col {
		if i == k {
			return colNames[f], fmt.Sprintf(msg.InputQuoteNoBreak, k+1, c.names[k])
		}
	}
	// A column the rules do not use has no field id, which is what the
	// rejection's Field holds (json's "field"): its header would pass
	// for one, and an unused column headed like a field (date, beside
	// the column --column chose for datum) would name the field's
	// column, which is another. The reason names it by number and
	// header.
	return "", fmt.Sprintf(msg.InputQuoteOpen, k+1, c.names[k], maxRecordLines)
}

// looseID is the episode id of a line that cannot be split: its value
// in the episode column, read as splitQuoted reads values when the line
// is whole up to there (Excel quotes every text value), else the text of
// that column when the line is cut at every separator; that is, if it is
// plain text (not empty, no quote, no NUL byte, valid UTF-8); else nil.
// A wrong guess only withholds the verdicts on an episode.
func (c *csvReader) looseID(raw []byte) []byte {
	i := c.col[colEpisode]
	if i < 0 {
		return nil
	}
	id, _, ok := fieldAt(raw, c.sp.sep, i)
	if !ok {
		for ; i > 0; i-- {
			j := bytes.IndexByte(raw, c.sp.sep)
			if j < 0 {
				return nil
			}
			raw = raw[j+1:]
		}
		if j := bytes.IndexByte(raw, c.sp.sep); j >= 0 {
			raw = raw[:j]
		}
		id = raw
	}
	id = trim(id)
	if len(id) == 0 || bytes.IndexByte(id, '"') >= 0 || bytes.IndexByte(id, 0) >= 0 || !utf8.Valid(id) {
		return nil
	}
	return id
}

// totalRow reports whether the row last split is a total row, as Excel
// adds below a table: its first value is Totalt, Summa or Total, or it
// has no episode id, code or date but a number. It is only asked about
// a row that is rejected anyway, so that the message says what the row
// is instead of what it lacks; a row of data is never taken for one.
func (c *csvReader) totalRow() bool {
	sp := &c.sp
	n := sp.nfields()
	for k := range n {
		if v := trim(sp.field(k)); len(v) > 0 {
			if isTotalWord(v) {
				return true
			}
			break
		}
	}
	for _, k := range []int{colEpisode, colCode, colDate} {
		if i := c.col[k]; i < n && len(trim(sp.field(i))) > 0 {
			return false
		}
	}
	for k := range n {
		if isNumber(sp.field(k)) {
			return true
		}
	}
	return false
}

// extract puts the values of the fields fcs of the line last split into
// a. Values are trimmed only on a line with spaces (or non-ASCII bytes,
// which may be spaces): most lines have none. On such a line (every
// line of Excel's export: "Avd 27", "2024-10-13 00:00:00") most values
// have none around them, which trim's test, written out here (trim is
// too big to be inlined), sees before it calls bytes.TrimSpace: 14 M
// instructions of the eval of 200 000 such lines became 7 M with trim,
// 2 M so (issue 16).
//
// The split line is read into locals first: read through c, it was
// loaded again for each value (a store into a might write c, for all
// the compiler knows).
func (c *csvReader) extract(a *rowAttrs, fcs []fieldCol, classes byte) {
	text, ends := c.sp.text, c.sp.ends
	if classes&(clsSpace|clsHigh) == 0 {
		for _, fc := range fcs {
			a.val[fc.field] = spanOf(text, ends, fc.col, fc.col)
		}
		return
	}
	for _, fc := range fcs {
		v := spanOf(text, ends, fc.col, fc.col)
		if n := len(v); n > 0 && !(v[0] > ' ' && v[0] < utf8.RuneSelf && v[n-1] > ' ' && v[n-1] < utf8.RuneSelf) {
			v = bytes.TrimSpace(v)
		}
		a.val[fc.field] = v
	}
}

// span returns the bytes of columns first to last of the line last split.
func (s *splitter) span(first, last int) []byte { return spanOf(s.text, s.ends, first, last) }

// start returns where column col starts in the line last split.
func (s *splitter) start(col int) int {
	if col == 0 {
		return 0
	}
	return int(s.ends[col-1]) + 1
}

// spanOf returns the bytes of columns first to last of a split line.
func spanOf(text []byte, ends []int32, first, last int) []byte {
	start, end := 0, len(text)
	if first > 0 {
		start = int(ends[first-1]) + 1
	}
	if last < len(ends) {
		end = int(ends[last])
	}
	return text[start:end]
}

// keepRow keeps the line last split, an accepted row of the open run, for
// sameAttrs (unless it has quotes) and, when its id and attribute
// values are plain, for fastRow (quotes in the other columns, such as a
// unit name "Kirurgi, avd 3" in every row, do not matter to it).
func (c *csvReader) keepRow(classes byte) {
	l, sp := &c.last, &c.sp
	l.ok, l.fast = false, false
	quoted := classes&clsQuote != 0
	if !quoted {
		l.text = append(l.text[:0], sp.text...)
		l.ends = append(l.ends[:0], sp.ends...)
		l.ok = true
	}
	class := &sp.class
	// plain reports whether v has no byte but letters, digits,
	// punctuation other than quotes, and separators: those of a line
	// without quotes are between columns.
	plain := func(v []byte) bool {
		var k byte
		for _, ch := range v {
			k |= class[ch]
		}
		return k&^clsSep == 0
	}
	if i := c.col[colDate]; i >= 0 {
		l.dateLen = len(sp.field(i))
	}
	// A line whose classes (splitter.scan) are none has only plain
	// bytes: its values need no look byte by byte, which was a third of
	// this function's samples (perf, 7-column file), run for the first
	// row of every episode; keepTemplate copies them.
	for i := 0; i < len(c.plan) && classes != 0; i++ {
		g := c.plan[i]
		if g.kind != segSame {
			continue
		}
		if !plain(sp.span(g.first, g.last)) {
			return
		}
		// The values of a line with quotes are joined by separators
		// again (splitQuoted): one that holds a separator would be read
		// as two columns of a line without quotes.
		for f := g.first; quoted && f <= g.last; f++ {
			if bytes.IndexByte(sp.field(f), sp.sep) >= 0 {
				return
			}
		}
	}
	l.fast = c.keepTemplate()
}

// keepTemplate writes the kept row's templates (see lastRow) from the
// line last split: tmpl, its first bytes, up to the first column of the
// plan's segSkip segments, or all of them; and tail, the columns read of
// each stretch after that (csvReader.tail). They are the templates when
// the code, which the short cut reads as five bytes, has five bytes
// there, without blanks around it; else the row is not kept for the
// short cut (ok is false): rows with such codes do not take it anyway.
func (c *csvReader) keepTemplate() (ok bool) {
	l, sp := &c.last, &c.sp
	code, date := c.col[colCode], c.col[colDate]
	n := len(sp.text)
	if c.fixed < len(c.plan) {
		first := c.plan[c.fixed].first // the first column not in tmpl
		n = sp.start(first)
		if code > first {
			code = -1
		}
		if date > first {
			date = -1
		}
	}
	codeAt, dateAt := -1, -1
	if code >= 0 {
		if len(sp.field(code)) != 5 {
			return false
		}
		codeAt = sp.start(code)
	}
	if date >= 0 {
		dateAt = sp.start(date)
	}
	if len(l.tail) != len(c.tail) {
		l.tail = make([]template, len(c.tail))
	}
	for k, st := range c.tail {
		if st.last < st.first {
			continue
		}
		from, to := sp.start(st.first), len(sp.text)
		if st.last < len(sp.ends) {
			to = sp.start(st.last + 1) // with the separator after it
		}
		codeAt, dateAt := -1, -1
		if st.first <= c.col[colCode] && c.col[colCode] <= st.last {
			if len(sp.field(c.col[colCode])) != 5 {
				return false
			}
			codeAt = sp.start(c.col[colCode]) - from
		}
		if st.first <= c.col[colDate] && c.col[colDate] <= st.last {
			dateAt = sp.start(c.col[colDate]) - from
		}
		l.tail[k].set(sp.text[from:to], codeAt, dateAt, l.dateLen)
	}
	l.set(sp.text[:n], codeAt, dateAt, l.dateLen)
	return true
}

// makePlan cuts the header's columns into the segments fastRow walks:
// a segment of each kind but segCode and segDate takes in the columns
// next to each other that are of its kind.
func (c *csvReader) makePlan() []segment {
	var plan []segment
	for i := range c.ncol {
		kind := segSkip
		switch i {
		case c.col[colCode]:
			kind = segCode
		case c.col[colDate]:
			kind = segDate
		default:
			for _, fc := range c.attrCols {
				if fc.col == i {
					kind = segSame
				}
			}
			if i == c.col[colEpisode] {
				kind = segSame
			}
		}
		if n := len(plan); n > 0 && plan[n-1].kind == kind && (kind == segSame || kind == segSkip) {
			plan[n-1].last = i
			continue
		}
		plan = append(plan, segment{kind, i, i})
	}
	return plan
}

// tailOf cuts plan, which starts with a segSkip segment, into
// stretches, each starting with one.
func tailOf(plan []segment) []stretch {
	var tail []stretch
	for _, g := range plan {
		if g.kind == segSkip {
			tail = append(tail, stretch{skip: g.last - g.first + 1, first: g.last + 1, last: g.last})
			continue
		}
		tail[len(tail)-1].last = g.last
	}
	return tail
}

// fastRow reports whether line is a row that the full check (slowRow)
// would accept into the open run just as it accepted the row kept,
// provided that its code and date, which it returns, check out: its id
// and attribute columns hold the very bytes of the row kept, which is
// fast (see keepRow); its code has 5 bytes and its date the length of
// the kept row's (the caller checks that they are letters and digits,
// and digits and '-'); and it has as many columns as the header. The
// columns that are not read may hold anything but a NUL byte or a
// quote that does not close as splitQuoted reads it, and so may change
// from row to row (a row number): only the columns read are compared or
// decoded, and nothing is allocated.
//
// Such a line splits into the same columns read, whatever the others
// hold: the bytes of the columns read have no separator, quote or
// space, and a non-ASCII byte elsewhere changes none of their bytes
// when the line is read as Windows-1252.
func (c *csvReader) fastRow(line []byte) (code, date []byte, ok bool) {
	l := &c.last
	// The segments before the first that is not read are at the same
	// places as in the kept row: one masked comparison of tmpl's bytes
	// checks their columns and separators, with no branch per segment.
	n := len(l.tmpl)
	if len(line) < n {
		return nil, nil, false
	}
	if n > 16 || n < 8 {
		if !maskedEqual(line[:n], l.tmpl, l.mask) {
			return nil, nil, false
		}
	} else {
		// A template of an id alone (columns not read after it, as in
		// Excel's export): two loads, overlapping, without the call.
		le, t, m := binary.LittleEndian, l.tmpl, l.mask
		if (le.Uint64(line)^le.Uint64(t))&le.Uint64(m)|(le.Uint64(line[n-8:])^le.Uint64(t[n-8:]))&le.Uint64(m[n-8:]) != 0 {
			return nil, nil, false
		}
	}
	if l.codeAt >= 0 {
		code = line[l.codeAt : l.codeAt+5] // parseCode takes letters and digits only
	}
	if l.dateAt >= 0 {
		date = line[l.dateAt : l.dateAt+l.dateLen] // builder.parseDigitDay takes digits and '-' only
	}
	// The stretches after the template: the columns not read skipped,
	// those read after them compared as tmpl is, at the place where the
	// skipped columns end. Compared segment by segment (a code, a date,
	// attributes, each with a test for the separator after it), a row
	// of Excel's export took 715 instructions here and in skipColumns,
	// this way 545 (issue 16).
	sep, class := c.sp.sep, &c.sp.class
	pos := n
	for k, st := range c.tail {
		if st.last < st.first {
			// Columns not read end the line (a row number).
			if plainColumns(line[pos:], st.skip, sep, class) {
				return code, date, true
			}
			end, good := skipColumns(line, pos, st.skip, sep, class)
			return code, date, good && end == len(line)
		}
		end, good := skipColumns(line, pos, st.skip, sep, class)
		if !good || end == len(line) {
			return nil, nil, false
		}
		pos = end + 1 // after the separator that skipColumns stops at
		t := &l.tail[k]
		end = pos + len(t.tmpl)
		if end > len(line) || !maskedEqual(line[pos:end], t.tmpl, t.mask) {
			return nil, nil, false
		}
		if t.codeAt >= 0 {
			code = line[pos+t.codeAt : pos+t.codeAt+5]
		}
		if t.dateAt >= 0 {
			date = line[pos+t.dateAt : pos+t.dateAt+l.dateLen]
		}
		pos = end
	}
	return code, date, pos == len(line)
}

// plainColumns reports whether rest, the end of a line, is n columns
// with no quote or NUL byte: the usual case of
// columns that are not read at the end of the line (a row number), which
// skipColumns then reads as these columns, up to the end of the line.
// Every byte is looked at the same way, without a branch that depends on
// it. A false answer only sends the line the longer way.
func plainColumns(rest []byte, n int, sep byte, class *[256]byte) bool {
	if n == 1 && len(rest) <= 8 && cap(rest) >= 8 {
		// One column of up to eight bytes (a row number), which then
		// holds no separator: one load, whatever follows it in memory
		// masked off.
		v := binary.LittleEndian.Uint64(rest[:8])
		found := zeroBytes(v) | zeroBytes(v^(ones*uint64(sep))) | zeroBytes(v^(ones*'"'))
		return found&(uint64(1)<<(8*len(rest))-1) == 0
	}
	var k byte
	seps := 0
	for _, ch := range rest {
		x := class[ch]
		k |= x
		seps += int(x & clsSep)
	}
	return k&(clsQuote|clsNUL) == 0 && seps == n-1
}

// ones has a 1 in each byte, for zeroBytes.
const ones = 0x0101010101010101

// zeroBytes marks the zero bytes of x (eight bytes of a line, the first
// the lowest) with their high bit. A byte above a zero byte may be
// marked as well, but none below one: the lowest mark is exact, and so
// is whether the lowest k bytes hold a zero byte. x^(ones*c) has its
// zero bytes where x has c.
func zeroBytes(x uint64) uint64 { return (x - ones) &^ x & (ones << 7) }

// maskedEqual reports whether a and t, of the same length as mask, hold
// the same bytes where mask is 0xff (it is 0 elsewhere), eight bytes at
// a time, the last eight overlapping the ones before.
//
// The words are loaded through unsafe pointers, inside the three slices
// (n >= 8, every load ends at n at the latest): with a bounds check for
// each slice of each word the loop took 14 instructions a word, and the
// function 6 % of the 7-column eval's instructions, run for every row
// (issue 16). A word is compared bytes to bytes, so the byte order
// of the load does not matter.
func maskedEqual(a, t, mask []byte) bool {
	n := len(t)
	if len(a) != n || len(mask) != n {
		return false
	}
	if n < 8 {
		for i := range n {
			if (a[i]^t[i])&mask[i] != 0 {
				return false
			}
		}
		return true
	}
	pa, pt, pm := unsafe.Pointer(unsafe.SliceData(a)), unsafe.Pointer(unsafe.SliceData(t)), unsafe.Pointer(unsafe.SliceData(mask))
	word := func(p unsafe.Pointer, i int) uint64 { return *(*uint64)(unsafe.Add(p, i)) }
	var x uint64
	for i := 0; i < n-8; i += 8 {
		x |= (word(pa, i) ^ word(pt, i)) & word(pm, i)
	}
	x |= (word(pa, n-8) ^ word(pt, n-8)) & word(pm, n-8)
	return x == 0
}

// skipColumns skips n columns of line from pos, the start of the first,
// as splitQuoted reads them, and returns where the last ends (at its
// separator, or the end of the line). good is false when a column holds
// a NUL byte, or a quote opens a value that does not close on the line
// or is followed by text, or the line ends before the last column.
//
// Bytes that are no separator, quote or NUL are passed eight at a time
// (zeroBytes: the lowest byte it marks is exact): a unit name of Excel's
// export ("Avd 27") took 88 instructions here, call and all, rather
// than 132 one byte at a time (issue 16).
func skipColumns(line []byte, pos, n int, sep byte, class *[256]byte) (end int, good bool) {
	seps := ones * uint64(sep)
	for ; n > 0; n-- {
		start := pos
		for pos < len(line) {
			if pos+8 <= len(line) {
				x := binary.LittleEndian.Uint64(line[pos:])
				m := zeroBytes(x^seps) | zeroBytes(x^(ones*'"')) | zeroBytes(x)
				if m == 0 {
					pos += 8
					continue
				}
				pos += bits.TrailingZeros64(m) >> 3
			}
			k := class[line[pos]]
			if k&(clsSep|clsQuote|clsNUL) == 0 {
				pos++
				continue
			}
			if k&clsNUL != 0 {
				return 0, false
			}
			if k&clsSep != 0 {
				break
			}
			// A quote opens a value only at the start of the column,
			// after blanks; elsewhere it is part of the value.
			if !blanksOnly(line[start:pos], sep) {
				pos++
				continue
			}
			var ok bool
			if pos, ok = closeQuote(line, pos+1, sep); !ok {
				return 0, false
			}
			break
		}
		if n > 1 {
			if pos >= len(line) {
				return 0, false
			}
			pos++ // the separator
		}
	}
	return pos, true
}

// blanksOnly reports whether v is blanks only, as splitQuoted skips
// them before a quote: spaces, and tabs unless they separate.
func blanksOnly(v []byte, sep byte) bool {
	for _, ch := range v {
		if ch != ' ' && (ch != '\t' || sep == '\t') {
			return false
		}
	}
	return true
}

// closeQuote finds the end of a quoted value whose text starts at pos:
// after its closing quote ("" is a quote in it) and the blanks after
// that, at a separator or the end of the line. ok is false when the
// quote does not close, or text follows it, or the value holds a NUL.
func closeQuote(line []byte, pos int, sep byte) (end int, ok bool) {
	for {
		q := bytes.IndexByte(line[pos:], '"')
		if q < 0 || bytes.IndexByte(line[pos:pos+q], 0) >= 0 {
			return 0, false
		}
		pos += q + 1
		if pos < len(line) && line[pos] == '"' {
			pos++
			continue
		}
		break
	}
	for pos < len(line) && (line[pos] == ' ' || line[pos] == '\t' && sep != '\t') {
		pos++
	}
	if pos < len(line) && line[pos] != sep {
		return 0, false
	}
	return pos, true
}

// sameAttrs reports whether the attribute columns of the line last split
// hold the very bytes of the run's last accepted row. Such a row checks
// out as that one did, and brings no new value.
func (c *csvReader) sameAttrs() bool {
	l := &c.last
	if !l.ok {
		return false
	}
	for _, g := range c.groups {
		if !bytes.Equal(c.sp.span(g[0], g[1]), spanOf(l.text, l.ends, g[0], g[1])) {
			return false
		}
	}
	return true
}

// startsWithText reports whether v starts with a printable ASCII
// character, so that it is not empty once trimmed.
func startsWithText(v []byte) bool { return len(v) > 0 && v[0]-'!' <= '~'-'!' }

// trim trims spaces around a value, calling bytes.TrimSpace only for a
// value with a blank or non-ASCII byte at an end: most have none. It is
// too big for Go to inline (cost 91 of 80), so extract, which runs for
// every value of a spaced line, writes its test out.
func trim(v []byte) []byte {
	if n := len(v); n == 0 || v[0] > ' ' && v[0] < utf8.RuneSelf && v[n-1] > ' ' && v[n-1] < utf8.RuneSelf {
		return v
	}
	return bytes.TrimSpace(v)
}

// isBlank reports a line with nothing on it but spaces. A line of tabs
// in a tab-separated file has separators, so it is an (empty) row.
func isBlank(line []byte, sep byte) bool {
	for _, c := range line {
		switch c {
		case ' ', '\r', '\v', '\f':
		case '\t':
			if sep == '\t' {
				return false
			}
		default:
			return false
		}
	}
	return true
}
