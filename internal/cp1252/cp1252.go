// Package cp1252 reads Windows-1252, the encoding of a CSV file Excel
// saves on Swedish Windows. It decodes as golang.org/x/text's
// charmap.Windows1252 does (TestLikeCharmap), without linking that
// package: charmap's forty tables, which a program that imports it keeps
// whichever it uses, were 90 KB of svfrules' data segment, which the Go
// runtime goes through at every start (issue 16).
package cp1252

import "unicode/utf8"

// high are the characters of the bytes 0x80 to 0x9F; the bytes from 0xA0
// are the Latin-1 characters of the same number. The five bytes
// Windows-1252 leaves undefined read as utf8.RuneError, as in charmap.
var high = [32]rune{
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
}

// Rune returns the character byte b stands for in Windows-1252.
func Rune(b byte) rune {
	if b >= 0x80 && b < 0xA0 {
		return high[b-0x80]
	}
	return rune(b)
}

// AppendDecoded appends text in Windows-1252, decoded to UTF-8, to out.
func AppendDecoded(out, text []byte) []byte {
	for _, c := range text {
		if c < utf8.RuneSelf {
			out = append(out, c)
		} else {
			out = utf8.AppendRune(out, Rune(c))
		}
	}
	return out
}
