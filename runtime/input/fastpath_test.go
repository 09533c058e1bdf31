package input

import (
	"strings"
	"testing"
)

// TestShortCutLikeFullCheck reads rows that the short cut's comparison
// with the kept row (lastRow.tmpl, the masked comparison of the columns
// before the first that is not read, and plainColumns for those at the
// end of the line) could take another way than the full check, and
// checks that reading them without the short cut, and in blocks on
// several goroutines, gives the same (see fuzzRead), in every encoding
// and date order.
func TestShortCutLikeFullCheck(t *testing.T) {
	for _, in := range []string{
		// The kept row has blanks or quotes around its code or date,
		// so its columns are not where the next rows have them.
		"episode;code;date;region\nA; VH310;2024-01-15;01\nA;VH315;2024-01-16;01\nA;VH320 ;2024-01-17;01\n",
		"episode;code;date;region\nA;\"VH310\";2024-01-15;01\nA;VH315;2024-01-16;01\nA;\"VH320\";2024-01-17;01\nA;VH325;2024-01-18;01\n",
		"episode;code;date;region\nA;VH310;\"2024-01-15\";01\nA;VH315;2024-01-16;01\nA;VH320; 2024-01-17;01\nA;VH325;2024-01-18;01\n",
		// Rows that differ from the kept row in one byte of the id or an
		// attribute, at the start, the end and in between, or in a
		// separator; codes and dates of other lengths; rows too short.
		"episode;code;date;region;sex\nA1;VH310;2024-01-15;01;K\nB1;VH315;2024-01-16;01;K\nB1;VH320;2024-01-17;02;K\n" +
			"B1;VH325;2024-01-18;01;M\nB1;VH330;2024-01-19;01,K\nB1;VH3355;2024-01-20;01;K\nB1;VH34;2024-01-21;01;K\n" +
			"B1;VH345;20240122;01;K\nB1;VH350;2024-01-23;01;\nB1;VH350;2024-01-24;01\nB1;VH350;2024-01-25;01;K;\nB1;VH350\nB1\n",
		"episode;code;date;region\nA;VH310;2024-01-15;01\nA;VH3;0;2024-01-16;01\nA;VH3\n0;2024-01-16;01\nA;VH315;2024-01;16;01\nA;vh320;2024-01-17;01\n",
		// A short template (the id, then a column not read) and none (a
		// column not read first).
		"episode;row;code;date\nA;1;VH310;2024-01-15\nA;2;VH315;2024-01-16\nA;;VH320;2024-01-17\nA;\"4\";VH325;2024-01-18\nB;5;VH325;2024-01-18\n",
		"row;episode;code;date\n1;A;VH310;2024-01-15\n22;A;VH315;2024-01-16\n;A;VH320;2024-01-17\n4;B;VH320;2024-01-17\n",
		// Columns not read at the end: two, with one too few or many.
		"episode;code;date;region;unit;row\nA;VH310;2024-01-15;01;a;1\nA;VH315;2024-01-16;01;b;2\nA;VH320;2024-01-17;01;3\n" +
			"A;VH325;2024-01-18;01;c;4;\nA;VH330;2024-01-19;01;;\nA;VH335;2024-01-20;01;\"d;e\";6\nA;VH340;2024-01-21;01;\"f\";\"7\n",
		// Templates of an id alone, of 8 to 17 bytes (two loads
		// overlapping up to 16), and ids that differ in their first or
		// last byte or length.
		"episode;unit;code;date\nS00000001;a;VH310;2024-01-15\nS00000001;b;VH315;2024-01-16\nS00000002;c;VH320;2024-01-17\n" +
			"T00000002;d;VH325;2024-01-18\nT00000002;e;VH330;2024-01-19\nT0000002;f;VH335;2024-01-20\nT00000002x;g;VH340;2024-01-21\n" +
			"ABCDEFG;h;VH310;2024-01-15\nABCDEFG;i;VH315;2024-01-16\nABCDEFGHIJKLMNO;j;VH310;2024-01-15\nABCDEFGHIJKLMNO;k;VH315;2024-01-16\n" +
			"ABCDEFGHIJKLMNX;l;VH320;2024-01-17\nXBCDEFGHIJKLMNX;m;VH325;2024-01-18\nABCDEFGHIJKLMNOP;n;VH310;2024-01-15\nABCDEFGHIJKLMNOP;o;VH315;2024-01-16\n" +
			"ABCDEFGHIJKLMNOQ;p;VH320;2024-01-17\n",
		// Columns read after a column not read: the code, date and an
		// attribute, compared and cut the longer way.
		"episode;unit;code;date;region\nA;x;VH310;2024-01-15;01\nA;yy;VH315;2024-01-16;01\nA;;VH320;2024-01-17;02\nA;z;VH325;20240118;01\nA;z;VH33;2024-01-19;01\n",
		"episode;region;row;sex;code;date\nA;01;1;K;VH310;2024-01-15\nA;01;2;K;VH315;2024-01-16\nA;01;3;M;VH320;2024-01-17\nA;01;4;K;VH325;2024-01-1\n",
		// Dates with a time in the template.
		"episode;code;date;region\nA;VH310;2024-01-15 00:00:00;01\nA;VH315;2024-01-16 00:00:00;01\nA;VH320;2024-01-17 00:00;01\nA;VH325;2024-01-18 01:00:00;01\n",
		// Line feeds where the code, date or time of a row as long as
		// the template would be: the short cut tries such a line before
		// it is cut (feed).
		"episode;code;date;region\nA;VH310;2024-01-15;01\nA;VH3\n0;2024-01-16;01\nA;VH315;2024-01-1\n;01\nA;VH320;2024-0\n-17;01\nA;VH325;2024-01-18;01\n",
		"episode;code;date;region\nA;VH310;2024-01-15 00:00:00;01\nA;VH315;2024-01-16\n00:00:00;01\nA;VH320;2024-01-17 00:00:0\n;01\nA;VH325;2024-01-18 00:00:00;01\n",
		"episode;code;date\nA;VH310;2024-01-15\nA;VH315;2024-01-16\r\nA;VH320;2024-01-1\r\nA;VH325;2024-01-18\n\nA;VH330;2024-01-19",
		// The same with a column not read after the template, whose line
		// feed is looked for among the eight bytes after it.
		"episode;code;date;region;row\nA;VH310;2024-01-15;01;1\nA;VH3\n0;2024-01-16;01;2\nA;VH315;2024-01-1\n;01;3\nA;VH320;2024-01-17;01;4\r\n" +
			"A;VH325;2024-01-18;01;\nA;VH330;2024-01-19;01;1234567\nA;VH335;2024-01-20;01;12345678\nA;VH340;2024-01-21;01;\r\n" +
			"A;VH345;2024-01-22;01;5\r\r\nA;VH350;2024-01-23;01;\n\nA;VH355;2024-01-24;01\nA;VH360;2024-01-25;01;7",
		// Line ends: CRLF, and a last line without one.
		"episode;code;date;region;row\r\nA;VH310;2024-01-15;01;1\r\nA;VH315;2024-01-16;01;2\r\nA;VH320;2024-01-17;01;3\r",
	} {
		for enc := range 2 * len(fuzzEncodings) {
			fuzzRead(t, in, uint8(enc), false)
		}
	}
	// One column not read at the end (a row number), after a row kept
	// and before another, so that each is tried by the short cut: empty,
	// with quotes that close or do not, a NUL byte, a separator too many,
	// non-ASCII bytes, eight bytes and more; and a row without it.
	for _, last := range []string{"", "12345678", "123456789", "\"5\"", "\"6", "7\x00", "\x00", "8\"", "\"\"", "\"a\"\"b\"",
		" \"x;y\" ", "\"x\";", "3;", ";", "\xf6", "\xc3\xb6", "a b", "\t"} {
		for _, row := range []string{"A;VH315;2024-01-16;01;" + last, "A;VH315;2024-01-16;01"} {
			in := "episode;code;date;region;row\nA;VH310;2024-01-15;01;1\n" + row + "\nA;VH320;2024-01-17;01;3\n"
			if strings.Contains(row, "\x00") {
				// Past the start, where a NUL byte would make the file
				// no text (checkStart).
				in = strings.Replace(in, "\n", "\n"+strings.Repeat("0;VH310;2024-01-15;01;0\n", minBuf/20), 1)
			}
			for enc := range 2 * len(fuzzEncodings) {
				fuzzRead(t, in, uint8(enc), false)
			}
		}
	}
}

// TestMaskedEqualLikeByteLoop compares maskedEqual with a byte-by-byte
// comparison on every length to 40, with a difference at every place,
// masked or not, and on slices of unequal lengths.
func TestMaskedEqualLikeByteLoop(t *testing.T) {
	byLoop := func(a, tm, mask []byte) bool {
		if len(a) != len(tm) || len(mask) != len(tm) {
			return false
		}
		for i := range a {
			if (a[i]^tm[i])&mask[i] != 0 {
				return false
			}
		}
		return true
	}
	for n := 0; n <= 40; n++ {
		tm := make([]byte, n)
		mask := make([]byte, n)
		for i := range tm {
			tm[i] = byte('a' + i)
			if i%7 != 3 { // some bytes not compared, as a code's and a date's
				mask[i] = 0xff
			}
		}
		for p := -1; p < n; p++ {
			for _, flip := range []byte{0x01, 0x80, 0xff} {
				a := append([]byte(nil), tm...)
				if p >= 0 {
					a[p] ^= flip
				}
				if got, want := maskedEqual(a, tm, mask), byLoop(a, tm, mask); got != want {
					t.Fatalf("n=%d, byte %d ^ %#x: maskedEqual = %v, want %v", n, p, flip, got, want)
				}
			}
		}
		if n > 0 && maskedEqual(tm[:n-1], tm, mask) {
			t.Fatalf("n=%d: a shorter line is equal", n)
		}
		if maskedEqual(append(append([]byte(nil), tm...), 'x'), tm, mask) {
			t.Fatalf("n=%d: a longer line is equal", n)
		}
	}
}
