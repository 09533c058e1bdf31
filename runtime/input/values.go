package input

import (
	"bytes"
	"strings"

	"github.com/rcc/svfrules/compiler"
)

// Values as exports have them. Excel changes what it saves: it adds a
// time to a date (2024-03-11 00:00:00), writes dates day first in a
// Swedish or British locale (11/3/2024), drops the leading zero of a
// county code (1 for 01), and registers code sex as 1 and 2. The
// functions here read those forms and return one normalised value for
// each real value, so that an episode's rows compare equal and a report
// grouped by sex or county has one group per value. They are plain
// functions over bytes, for every reader (CSV, JSON Lines, workbooks).

// dateOrder is how a date written with "/" or "." is read
// (Options.DateOrder).
type dateOrder int

const (
	// orderYMD: only year-first dates; a day-first one is an error whose
	// message names --date-order.
	orderYMD dateOrder = iota
	// orderDMY: D/M/YYYY and D.M.YYYY are read day first.
	orderDMY
)

// parseDateOrder checks a Options.DateOrder: "" or "ymd", or "dmy".
func parseDateOrder(s string) (dateOrder, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "ymd":
		return orderYMD, true
	case "dmy":
		return orderDMY, true
	}
	return 0, false
}

// isDMY reports whether opts ask for day-first dates; Read has
// checked the value.
func isDMY(opts Options) bool {
	o, _ := parseDateOrder(opts.DateOrder)
	return o == orderDMY
}

// parseDate reads a date as exports write it: YYYY-MM-DD or YYYYMMDD,
// either with a time after a space or a "T" (2024-03-11 00:00:00,
// 2024-03-11T00:00), which is dropped, and with dmy also D/M/YYYY and
// D.M.YYYY (one or two digits for day and month), with or without a
// time. A lead time counts days, so the time never matters.
func parseDate(v []byte, dmy bool) (compiler.Day, bool) {
	if d, ok := datePart(v); ok {
		v = d
	}
	if day, ok := compiler.ParseDay(string(v)); ok {
		return day, true
	}
	if dmy {
		return parseDayFirst(v)
	}
	return 0, false
}

// datePart returns the date of a date and time: v up to a space or "T"
// that is followed by a valid time (H:MM, HH:MM, HH:MM:SS, HH:MM:SS.fff).
// A date is 8 to 10 bytes long, so only those positions are looked at.
func datePart(v []byte) ([]byte, bool) {
	for i := 8; i <= 10 && i < len(v); i++ {
		if (v[i] == ' ' || v[i] == 'T') && validTime(v[i+1:]) {
			return v[:i], true
		}
	}
	return nil, false
}

// validTime reports whether t is H:MM or HH:MM, optionally with :SS and
// a fraction of a second.
func validTime(t []byte) bool {
	h, rest, ok := number(t, 1, 2)
	if !ok || h > 23 || len(rest) == 0 || rest[0] != ':' {
		return false
	}
	m, rest, ok := number(rest[1:], 2, 2)
	if !ok || m > 59 {
		return false
	}
	if len(rest) == 0 {
		return true
	}
	if rest[0] != ':' {
		return false
	}
	s, rest, ok := number(rest[1:], 2, 2)
	if !ok || s > 59 {
		return false
	}
	if len(rest) == 0 {
		return true
	}
	if rest[0] != '.' && rest[0] != ',' {
		return false
	}
	_, rest, ok = number(rest[1:], 1, 9)
	return ok && len(rest) == 0
}

// number reads min to max digits at the start of b.
func number(b []byte, min, max int) (n int, rest []byte, ok bool) {
	i := 0
	for i < len(b) && i < max && b[i]-'0' < 10 {
		n = n*10 + int(b[i]-'0')
		i++
	}
	return n, b[i:], i >= min
}

// dayFirst splits D/M/YYYY or D.M.YYYY (and DD/MM/YYYY…) into its
// numbers; ok is false for any other form.
func dayFirst(v []byte) (d, m, y int, ok bool) {
	d, rest, ok := number(v, 1, 2)
	if !ok || len(rest) == 0 || rest[0] != '/' && rest[0] != '.' {
		return 0, 0, 0, false
	}
	sep := rest[0]
	m, rest, ok = number(rest[1:], 1, 2)
	if !ok || len(rest) == 0 || rest[0] != sep {
		return 0, 0, 0, false
	}
	y, rest, ok = number(rest[1:], 4, 4)
	if !ok || len(rest) != 0 {
		return 0, 0, 0, false
	}
	return d, m, y, true
}

// parseDayFirst reads D/M/YYYY or D.M.YYYY.
func parseDayFirst(v []byte) (compiler.Day, bool) {
	d, m, y, ok := dayFirst(v)
	if !ok {
		return 0, false
	}
	if d > 31 || m > 12 { // two digits each: the form below has room for no more
		return 0, false
	}
	iso := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return compiler.ParseDay(string(iso[:]))
}

// looksDayFirst reports whether v (with or without a time) has the form
// of a day-first date, which only --date-order dmy reads.
func looksDayFirst(v []byte) bool {
	if d, ok := datePart(v); ok {
		v = d
	}
	_, _, _, ok := dayFirst(v)
	return ok
}

// dayOver12 reports whether a day-first date's first number is over 12,
// so that it cannot be a month: 29/1/2024 is day/month/year.
func dayOver12(v []byte) bool {
	if d, ok := datePart(v); ok {
		v = d
	}
	d, _, _, ok := dayFirst(v)
	return ok && d > 12
}

// The normalised sexes: M (man) and K (kvinna), shared so that
// normalising allocates nothing.
var sexMan, sexKvinna = []byte("M"), []byte("K")

// normSex reads a sex as registers and exports write it: M, K, Man,
// Kvinna in any case, or 1 (man) and 2 (kvinna), the coding of Swedish
// national registers (folkbokföringen, the cancer register). It returns
// "M" or "K".
func normSex(v []byte) ([]byte, bool) {
	switch len(v) {
	case 1:
		switch v[0] {
		case 'M', 'm', '1':
			return sexMan, true
		case 'K', 'k', '2':
			return sexKvinna, true
		}
	case 3:
		if bytes.EqualFold(v, []byte("man")) {
			return sexMan, true
		}
	case 6:
		if bytes.EqualFold(v, []byte("kvinna")) {
			return sexKvinna, true
		}
	}
	return nil, false
}

// countyCodes are the 21 county codes (länskoder) in use since 1998; the
// regions have the same codes (Region Stockholm 01 … Region Norrbotten
// 25), so they serve for region and referring region too. Indexed by
// the code's number; nil where no county has it.
// Written out, not made at start-up: fmt at package init was a third of
// this package's init, which every command pays (issue 16).
var countyCodes = [26][]byte{
	1: []byte("01"), 3: []byte("03"), 4: []byte("04"), 5: []byte("05"), 6: []byte("06"),
	7: []byte("07"), 8: []byte("08"), 9: []byte("09"), 10: []byte("10"), 12: []byte("12"),
	13: []byte("13"), 14: []byte("14"), 17: []byte("17"), 18: []byte("18"), 19: []byte("19"),
	20: []byte("20"), 21: []byte("21"), 22: []byte("22"), 23: []byte("23"), 24: []byte("24"),
	25: []byte("25"),
}

// countyList lists the valid codes for messages.
const countyList = "01 03 04 05 06 07 08 09 10 12 13 14 17 18 19 20 21 22 23 24 25"

// normCounty reads a county or region code: one or two digits, as Excel
// drops a leading zero (1 for 01), or a region's or county's name (see
// regions.go), and returns the two-digit code when it is one of the 21.
func normCounty(v []byte) ([]byte, bool) {
	n, rest, ok := number(v, 1, 2)
	if !ok || len(rest) != 0 {
		n = regionNumber(v)
	}
	if n <= 0 || n >= len(countyCodes) || countyCodes[n] == nil {
		return nil, false
	}
	return countyCodes[n], true
}

// parseAge parses a whole number of years, 0 to 130, optionally followed
// by "år" (60 år, 60år; any case).
func parseAge(b []byte) (int, bool) {
	b = trimYears(b)
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
		if n > 130 {
			return 0, false
		}
	}
	return n, len(b) > 0
}

// trimYears removes a trailing "år" or "ÅR" (in UTF-8) and the spaces
// before it.
func trimYears(b []byte) []byte {
	n := len(b)
	if n < 3 || b[n-1] != 'r' && b[n-1] != 'R' || b[n-3] != 0xC3 || b[n-2] != 0xA5 && b[n-2] != 0x85 {
		return b
	}
	b = b[:n-3]
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	if len(b) > 1 && b[len(b)-1] == 0xA0 && b[len(b)-2] == 0xC2 { // no-break space
		b = b[:len(b)-2]
	}
	return b
}

// totalWords are what the first cell of a total row says, lower case.
var totalWords = []string{"totalt", "total", "summa", "totalsumma", "summa totalt", "totalt antal"}

// isTotalWord reports whether a cell names a total row: Totalt, Summa,
// Total (any case, a colon after it allowed).
func isTotalWord(v []byte) bool {
	v = bytes.TrimSuffix(bytes.TrimSpace(v), []byte(":"))
	for _, w := range totalWords {
		if bytes.EqualFold(v, []byte(w)) {
			return true
		}
	}
	return false
}

// isNumber reports whether a cell is a number as Excel writes a sum: digits,
// possibly with spaces or no-break spaces between groups, a decimal comma or
// point, and a sign.
func isNumber(v []byte) bool {
	v = bytes.TrimSpace(v)
	v = bytes.TrimPrefix(v, []byte("-"))
	digits := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c-'0' < 10:
			digits++
		case c == ' ', c == ',', c == '.':
		case c == 0xC2 && i+1 < len(v) && v[i+1] == 0xA0:
			i++
		default:
			return false
		}
	}
	return digits > 0
}
