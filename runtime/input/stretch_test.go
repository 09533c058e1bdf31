package input

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestStretchesLikeFullCheck reads files shaped as Excel saves an export
// (Windows-1252 header, CRLF, a unit name and a row number that change on
// every row, dates with a time), and with columns not read in several
// places, whose rows the short cut takes by its templates of the
// stretches after the first column not read (lastRow.tail), and checks
// with fuzzRead that reading them without the short cut, and in blocks
// on several goroutines, gives the same. The rows are random, mostly
// like the row before, with awkward values: quotes (closed, open, with
// separators and "" in them, text after them), empty values, NUL and
// non-ASCII bytes, times other than midnight, codes and dates of other
// lengths, short rows, blank lines, bare line feeds and a total row.
func TestStretchesLikeFullCheck(t *testing.T) {
	headers := []string{
		// Excel's export: id, unit, code, date, attributes, row number.
		"F\xf6rlopp;Enhet;Kod;Datum;Region;\xc5lder;K\xf6n;L\xe4n;Remitterande region;Diagnos;Avsikt;Rad",
		// Columns not read between the code and the date, and between
		// attributes, and none at the end.
		"episode;unit;code;note;date;region;row;age;sex",
		// A column not read first (no template before it), the code and
		// date in different stretches, and a row number at the end.
		"row;episode;region;unit;date;code;age;no",
		// With ',' as separator.
		"episode,unit,code,date,region,row",
	}
	for _, in := range []string{
		// A kept row with a date of 19 bytes, then one with a date of
		// 10 at the same place and rows that differ from it right after
		// its date: the mask is made again for the shorter date.
		"episode;unit;code;date;region;row\r\nA;u;VH310;2024-01-15 00:00:00;01;1\r\nA;v;VH315;2024-01-16 00:00:00;01;2\r\n" +
			"B;u;VH310;2024-01-15;01;3\r\nB;v;VH315;2024-01-16;02;4\r\nB;w;VH320;2024-01-17,01;5\r\nB;x;VH325;2024-01-18;01;6\r\n" +
			"C;u;VH310;2024-01-15 00:00:00;01;7\r\nC;v;VH315;2024-01-16;01;8\r\nC;w;VH320;2024-01-17 00:00:00;02;9\r\n",
		// The same with the code moving (a unit of other width before
		// a template that starts with it is no matter; one after is).
		"episode;unit;date;code;region\nA;u;2024-01-15;VH310;01\nA;vv;2024-01-16;VH315;01\nB;u;2024-01-15 00:00:00;VH310;01\n" +
			"B;v;2024-01-16 00:00:00;VH315;02\nB;v;2024-01-16;VH315;01\nB;v;2024-01-17 00:00:00;VH3;0;01\n",
	} {
		for enc := range 2 * len(fuzzEncodings) {
			fuzzRead(t, in, uint8(enc), false)
		}
	}
	rng := rand.New(rand.NewPCG(16, 1))
	n := 150
	if testing.Short() {
		n = 30
	}
	for round := range n {
		h := headers[round%len(headers)]
		in := excelLike(rng, h, 40)
		for enc := range 2 * len(fuzzEncodings) {
			fuzzRead(t, in, uint8(enc), false)
		}
		if t.Failed() {
			t.Fatalf("input:\n%q", in)
		}
	}
}

// excelLike makes a random input of about rows rows under header (see
// TestStretchesLikeFullCheck).
func excelLike(rng *rand.Rand, header string, rows int) string {
	sep := ";"
	if strings.Contains(header, ",") {
		sep = ","
	}
	cols := strings.Split(header, sep)
	pick := func(p float64, usual string, others ...string) string {
		if rng.Float64() >= p {
			return usual
		}
		return others[rng.IntN(len(others))]
	}
	var b strings.Builder
	b.WriteString(header + "\r\n")
	nul := false
	id, region, age := 1, "14", "69"
	for row := 1; row <= rows; row++ {
		if rng.Float64() < 0.2 {
			id++
			region = fmt.Sprintf("%02d", 1+rng.IntN(25))
			age = fmt.Sprint(rng.IntN(100))
		}
		vals := make([]string, len(cols))
		for k, c := range cols {
			var v string
			switch strings.ToLower(c) {
			case "f\xf6rlopp", "episode":
				v = pick(0.03, fmt.Sprintf("S%08d", id), "", " S1", "\"S00000001\"", fmt.Sprintf("S%07d", id))
			case "enhet", "unit", "note":
				v = pick(0.3, fmt.Sprintf("Avd %d", rng.IntN(100)), "", "\"Kir; avd 3\"", "\"Kir, avd 3\"", " \"x\" ", "a\"b", "\"open",
					"\"x\"y", "\"a\"\"b\"", "\xf6dem", "Avdelning f\xf6r l\xe5nga namn", "\t", "\"\"")
				if rng.Float64() < 0.01 {
					v, nul = "x\x00", true
				}
			case "kod", "code":
				v = pick(0.05, fmt.Sprintf("V%c%c%d%d", 'A'+rng.IntN(26), 'A'+rng.IntN(26), rng.IntN(10), rng.IntN(10)),
					"VP91", " VP910", "VP9100", "", "\"VP910\"", "vp910", "VP9;0")
			case "datum", "date":
				d := fmt.Sprintf("2024-%02d-%02d", 1+rng.IntN(12), 1+rng.IntN(28))
				v = pick(0.1, d+" 00:00:00", d, d+" 13:45:00", d+"00:00:00", "2024-13-01 00:00:00", d+" 00:00:0", d+" 00:00:00.5",
					"20240115 00:00:00", "2024-01-15T00:00:00", d[:4]+sep+d[5:]+" 00:00:00", " "+d+" 00:00:00", "2024-02-30 00:00:00")
			case "region":
				v = pick(0.05, region, "", "1", "\"14\"", "99", "1"+sep+"4")
			case "\xe5lder", "age":
				v = pick(0.05, age, "", "x", "200")
			case "k\xf6n", "sex":
				v = pick(0.03, "2", "1", "K", "")
			case "l\xe4n":
				v = pick(0.03, "14", "1", "")
			case "rad", "row", "no":
				v = pick(0.1, fmt.Sprint(row), "", "\"7\"", "1"+sep+"2", "123456789", "\"8", "\xc3\xb6")
			}
			vals[k] = v
		}
		line := strings.Join(vals, sep)
		if rng.Float64() < 0.03 {
			line = line[:rng.IntN(len(line)+1)] // a short row
		}
		b.WriteString(line)
		b.WriteString(pick(0.05, "\r\n", "\n", "\r\n\r\n", "\r\n"+strings.Repeat(sep, len(cols)-1)+"\r\n", "\r\r\n"))
	}
	b.WriteString("Totalt" + strings.Repeat(sep, len(cols)-1) + fmt.Sprint(rows) + "\r\n")
	in := b.String()
	if nul {
		// Past the start, where a NUL byte would make the file no text
		// (checkStart).
		pad := strings.Repeat(strings.Repeat("0"+sep, len(cols)-1)+"0\r\n", minBuf/(2*len(cols)))
		i := strings.Index(in, "\n") + 1
		in = in[:i] + pad + in[i:]
	}
	return in
}

// TestSkipColumns compares skipColumns, which passes bytes eight at a
// time, with the same walk one byte at a time, on random lines of bytes
// that matter to it (separators, quotes, blanks, NUL, non-ASCII), from
// every start and for one to three columns.
func TestSkipColumns(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2))
	const alphabet = "ab ;,\t\"\x00\xf6\r"
	for _, sep := range separators {
		var sp splitter
		sp.setSep(sep)
		for range 3000 {
			line := make([]byte, rng.IntN(40))
			for i := range line {
				line[i] = alphabet[rng.IntN(len(alphabet))]
				if rng.IntN(3) == 0 {
					line[i] = 'x' // runs of plain bytes, as unit names have
				}
			}
			for pos := range len(line) + 1 {
				for n := 1; n <= 3; n++ {
					end, good := skipColumns(line, pos, n, sep, &sp.class)
					wantEnd, wantGood := skipColumnsByByte(line, pos, n, sep, &sp.class)
					if good != wantGood || good && end != wantEnd {
						t.Fatalf("skipColumns(%q, %d, %d, %q) = %d, %v; byte by byte %d, %v", line, pos, n, sep, end, good, wantEnd, wantGood)
					}
				}
			}
		}
	}
}

// skipColumnsByByte is skipColumns one byte at a time.
func skipColumnsByByte(line []byte, pos, n int, sep byte, class *[256]byte) (end int, good bool) {
	for ; n > 0; n-- {
		start := pos
		for pos < len(line) {
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
			pos++
		}
	}
	return pos, true
}

// TestTrim compares trim with bytes.TrimSpace, which it stands for, on
// values with ASCII and Unicode blanks (U+0085, U+00A0, U+3000), other
// non-ASCII text and broken UTF-8 at either end.
func TestTrim(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 3))
	parts := []string{"", " ", "\t", "\r", "\v", "\f", "\n", "a", "14", "\u0085", "\u00a0", "\u3000", "\xc3", "\xa0", "\xf6", "\xc3\xb6", "Avd 27", "\x00", "\x7f"}
	for range 20000 {
		var b []byte
		for range rng.IntN(5) {
			b = append(b, parts[rng.IntN(len(parts))]...)
		}
		if got, want := trim(b), bytes.TrimSpace(b); !bytes.Equal(got, want) {
			t.Fatalf("trim(%q) = %q, bytes.TrimSpace %q", b, got, want)
		}
	}
}

// TestExtractTrims checks the values extract takes from random lines
// against bytes.TrimSpace of the fields (on lines with blanks or
// non-ASCII bytes; other lines' values are taken as they are): extract
// writes trim's test out, and blanks at either end, ASCII or not, must
// all be trimmed.
func TestExtractTrims(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 5))
	c := &csvReader{name: "f", b: newBuilder("f", &countSink{})}
	defer releaseBuilder(c.b)
	if err := c.header([]byte("episode;unit;code;date;region;age;sex;county;row")); err != nil {
		t.Fatal(err)
	}
	parts := []string{"", " ", "\t", "\r", "\v", "\f", "a", "14", "\u0085", "\u00a0", "\u3000", "\xc3", "\xf6", "\xc3\xb6", "Avd 27", "\x7f", "~", "!"}
	for range 5000 {
		fields := make([]string, c.ncol)
		for k := range fields {
			for range rng.IntN(4) {
				fields[k] += parts[rng.IntN(len(parts))]
			}
		}
		classes := c.sp.scan([]byte(strings.Join(fields, ";")))
		var a rowAttrs
		c.extract(&a, c.core, classes)
		c.extract(&a, c.attrCols, classes)
		for _, fc := range append(slices.Clone(c.core), c.attrCols...) {
			want := []byte(fields[fc.col])
			if classes&(clsSpace|clsHigh) != 0 {
				want = bytes.TrimSpace(want)
			}
			if !bytes.Equal(a.val[fc.field], want) {
				t.Fatalf("line %q, column %d: extract took %q, want %q", strings.Join(fields, ";"), fc.col, a.val[fc.field], want)
			}
		}
	}
}
