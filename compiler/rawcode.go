package compiler

import "strconv"

// RawCode is a code as episode data write it, numbered by its
// characters: a KVÅ code of the SVF kind is V, two digits of base 36 (0
// to 9, then A to Z) and two decimal digits, and its RawCode is
// (36 × second + third) × 100 + the last two as a number, 0 to 129 599.
//
// The readers keep each event's code so rather than as text: an event is
// smaller (a 32-bit number, not a string), the code is checked and
// numbered from its five bytes in one go, and the evaluator turns it into
// the guide's CodeID by a table (Program.IDOf) instead of reading its
// text again, which was 3 % of the instructions of a 7-column eval
// (issue 16). Its text is made only where a code is written out.
type RawCode uint32

// maxRawCode is one more than the largest RawCode.
const maxRawCode = 36 * 36 * 100

// ParseRawCode numbers a code written in capitals ("VL260"); ok is false
// for any text that is not V, two digits or capital letters, and two
// digits.
func ParseRawCode(s string) (c RawCode, ok bool) {
	if len(s) != 5 {
		return 0, false
	}
	a, b := codeChar[s[1]], codeChar[s[2]]
	d3, d4 := s[3]-'0', s[4]-'0'
	if s[0] != 'V' || a == 0 || b == 0 || d3 > 9 || d4 > 9 {
		return 0, false
	}
	return RawCode((int(a-1)*36+int(b-1))*100 + int(d3)*10 + int(d4)), true
}

// String writes c as the code's text, in capitals ("VL260").
func (c RawCode) String() string {
	var b [5]byte
	return string(c.Append(b[:0]))
}

// Append appends c's text to b. A RawCode from ParseRawCode or a reader
// is below maxRawCode; a larger one is written as V and the digits of
// its number, so that it shows rather than panics.
func (c RawCode) Append(b []byte) []byte {
	if c >= maxRawCode {
		return strconv.AppendUint(append(b, "V?"...), uint64(c), 10)
	}
	pre, n := int(c)/100, int(c)%100
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	return append(b, 'V', digits[pre/36], digits[pre%36], byte('0'+n/10), byte('0'+n%10))
}

// IDOf returns the CodeID of c in p, as CodeOf gives it for c's text: a
// code whose second character is a digit (not shaped like the codes of
// a pathway) is 0, a code of a prefix the guide does not have has
// prefix index 0.
func (p *Program) IDOf(c RawCode) CodeID {
	pre := int(c) / 100
	if pre < 10*36 || pre >= 36*36 {
		return 0
	}
	return CodeID(int(p.prefixIndex[pre-10*36])*100 + int(c)%100)
}
