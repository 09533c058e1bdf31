package msg

import (
	"strconv"
	"strings"
)

// ThousandsSep groups the digits of numbers people read, as Swedish
// writes them: 300 000, 1 234,5. A no-break space (U+00A0), so a number
// is never broken across lines; it is the digit grouping of Swedish
// Windows and Excel, and unlike the narrow no-break space (U+202F) it is
// in every console font and in Windows-1252. Only in what people read
// (text, Markdown, HTML): CSV, xlsx and JSON keep plain numbers, for
// Excel and programs to compute with.
const ThousandsSep = "\u00a0"

// Int writes n for people, its digits in groups of three from four
// digits on: 999, 1 000, 300 000, −1 234 as -1 234.
func Int(n int) string { return group(strconv.Itoa(n)) }

// Decimal writes x with one decimal and a decimal comma for people,
// grouped as Int: 2,4, 1 234,5.
func Decimal(x float64) string {
	return group(strings.Replace(strconv.FormatFloat(x, 'f', 1, 64), ".", ",", 1))
}

// group puts ThousandsSep between the groups of three digits of the
// whole part of a number written by strconv (a sign, digits, and perhaps
// a decimal comma and more digits).
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac := s, ""
	if i := strings.IndexByte(s, ','); i >= 0 {
		whole, frac = s[:i], s[i:]
	}
	if len(whole) < 4 {
		return sign + s
	}
	var b strings.Builder
	b.WriteString(sign)
	for i, d := range []byte(whole) {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(ThousandsSep)
		}
		b.WriteByte(d)
	}
	b.WriteString(frac)
	return b.String()
}
