package escape

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestPrintableAndSafeCell: the exact escapes of Printable and the cells
// SafeCell changes.
func TestPrintableAndSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"KS-24-0001":     "KS-24-0001",
		"SÖS-24 ärende":  "SÖS-24 ärende",
		"E\x1b[31mX":     `E\x1b[31mX`,
		"a\nb\tc\rd":     `a\nb\tc\rd`,
		"\u202eevil":     `\u202eevil`,
		"bad\xffbyte":    `bad\xffbyte`,
		"del\x7f\u0085x": `del\x7f\u0085x`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+46": "'+46", "-:12": "'-:12", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"": "", "E1": "E1", " =1": " =1", "'=1": "'=1",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// printableByRune is Printable as it was written before plain ASCII runs
// were copied at once: every rune after the first that needs a look.
func printableByRune(s string) string {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])>>4, 16))
			b.WriteString(strconv.FormatUint(uint64(s[i])&15, 16))
		case unicode.IsPrint(r):
			b.WriteString(s[i : i+size])
		default:
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}

// TestPrintableLikeByRune compares Printable with the rune-by-rune
// version on random strings of ASCII, control bytes, multi-byte runes,
// unprintable runes and broken UTF-8.
func TestPrintableLikeByRune(t *testing.T) {
	pieces := []string{"a", "Z", " ", "~", "→", "Ö", "\x1b", "\n", "\t", "\x7f", "\u202e", "\xff", "\xe2\x86", "😀", "\u00a0", ";"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := Printable(s), printableByRune(s); got != want {
			t.Fatalf("Printable(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestPlainPrefixLikeByteLoop compares plainPrefix with a byte-by-byte
// loop on strings of every length to 24 with every byte value at every
// position, alone and with a second byte that is not plain after it, so
// that a word's borrows and carries are tried around each byte.
func TestPlainPrefixLikeByteLoop(t *testing.T) {
	byLoop := func(s string) int {
		i := 0
		for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
			i++
		}
		return i
	}
	plain := []byte("~ !a0Z}~ !a0Z}~ !a0Z}~ !")
	for n := 0; n <= len(plain); n++ {
		for p := 0; p < n; p++ {
			for v := 0; v < 256; v++ {
				for _, second := range []int{-1, 0x00, 0x1f, 0x7f, 0x80, 0xff} {
					b := append([]byte(nil), plain[:n]...)
					b[p] = byte(v)
					if second >= 0 && p+1 < n {
						b[p+1] = byte(second)
					}
					if got, want := plainPrefix(string(b)), byLoop(string(b)); got != want {
						t.Fatalf("plainPrefix(%q) = %d, want %d", b, got, want)
					}
				}
			}
		}
		if got := plainPrefix(string(plain[:n])); got != n {
			t.Fatalf("plainPrefix(%q) = %d, want %d", plain[:n], got, n)
		}
	}
}
