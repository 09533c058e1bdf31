// Package escape makes values from the data safe to show: in a terminal
// (Printable) and in a spreadsheet (SafeCell, and the CSV dialects'
// writer, NewCSVWriter).
package escape

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SafeCell keeps a spreadsheet from running a value as a formula (CSV
// injection): a value starting with = + - @, a tab or a carriage return
// gets a leading apostrophe, which Excel shows as text and does not run.
// It is the rule the report's CSV follows.
func SafeCell(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// Printable returns s with control characters and other characters that
// are not printable (a line break, ESC, a right-to-left override, bytes
// that are not UTF-8) written as escapes like \n, \x1b and \u202e, so that
// a value from the data cannot move the cursor, change colours or turn
// text around in a terminal. A string that needs none is returned as is.
func Printable(s string) string {
	i := plainPrefix(s)
	if i == len(s) {
		return s // the usual case: plain ASCII
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		// Plain ASCII runs are copied at once: looked up byte by byte
		// as runes, the summary's line of columns (one "→" per column)
		// took 29 k instructions, 16 k so, most of the rest the arrows'
		// look-up in unicode's tables (issue 16).
		if j := i; s[j] >= 0x20 && s[j] < 0x7f {
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])>>4, 16))
			b.WriteString(strconv.FormatUint(uint64(s[i])&15, 16))
		case unicode.IsPrint(r):
			b.WriteString(s[i : i+size])
		default:
			q := strconv.QuoteRuneToASCII(r) // '\x1b', '\n', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}

// BOM is UTF-8's byte order mark: without it Excel reads a CSV file as
// Windows-1252 (LÃ– for LÖ). The excel dialect's files start with it.
const BOM = "\uFEFF"

// NewCSVWriter returns a CSV writer of the dialect (--csv-dialect):
// excel is what Swedish Excel opens with a double-click (semicolons,
// CRLF; the caller writes BOM once, at the start of the file), else RFC
// 4180's commas and LF, for programs. Every command that writes CSV
// uses it, so the dialects are the same everywhere.
func NewCSVWriter(w io.Writer, excel bool) *csv.Writer {
	cw := csv.NewWriter(w)
	if excel {
		cw.Comma, cw.UseCRLF = ';', true
	}
	return cw
}

// plainPrefix returns the length of the plain ASCII (' ' to '~') that s
// starts with. It looks at eight bytes at a time: Printable runs on every
// id and file name the lists write, and byte by byte a file name of 56
// bytes took 220 instructions a line of the list of lead times over
// target (issue 16).
func plainPrefix(s string) int {
	const (
		ones = 0x0101010101010101
		high = ones << 7
	)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		// Bytes in order, which the compiler loads as one word.
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// A byte below ' ' borrows into its high bit when ' ' is
		// taken away, '\x7f' to 0xfe have it once one is added, and
		// 0xff has it either way. With all eight plain nothing borrows
		// or carries across bytes; otherwise the lowest byte that is
		// not plain has its high bit set, and the bytes are looked at
		// one by one from the word's start.
		if ((x-ones*' ')|(x+ones))&high != 0 {
			break
		}
	}
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	return i
}
