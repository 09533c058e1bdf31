package workbook

import (
	"bytes"
	"encoding/xml"
	"testing"
	"unicode"
	"unicode/utf8"
)

// oracleIsName is encoding/xml's check of a name as the scanner's
// readName cuts it (bytes of ASCII names and bytes past ASCII), through
// its Decoder, as isXMLName did before it had the tables: a processing
// instruction's target is checked as a name and nothing else. ok is
// false for a name readName cannot give, which the Decoder would cut.
func oracleIsName(name []byte) (isName, ok bool) {
	for _, c := range name {
		if c < utf8.RuneSelf && !isNameByte(c) {
			return false, false
		}
	}
	pi := append(append([]byte("<?"), name...), " ?>"...)
	_, err := xml.NewDecoder(bytes.NewReader(pi)).RawToken() // a ByteReader: no bufio
	return err == nil, true
}

// runeBytes is r in UTF-8, a surrogate too (as it would be encoded,
// which is no valid UTF-8).
func runeBytes(r rune) []byte {
	if 0xD800 <= r && r <= 0xDFFF {
		return []byte{0xE0 | byte(r>>12), 0x80 | byte(r>>6)&0x3F, 0x80 | byte(r)&0x3F}
	}
	return utf8.AppendRune(nil, r)
}

// TestIsXMLNameIsDecoders: isXMLName decides every character up to
// U+10FFFF (surrogates as their invalid UTF-8) as a name's first and as
// its second as encoding/xml does, and a few broken sequences.
func TestIsXMLNameIsDecoders(t *testing.T) {
	check := func(name []byte) bool {
		t.Helper()
		want, ok := oracleIsName(name)
		if !ok {
			want = false // never a name, and never asked by the scanner
		}
		if got := isXMLName(name); got != want {
			t.Fatalf("isXMLName(%q) = %v, encoding/xml says %v", name, got, want)
		}
		return want
	}
	names := 0 // characters past ASCII that go on a name
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := runeBytes(r)
		check(c)
		if check(append([]byte("a"), c...)) && r >= utf8.RuneSelf {
			names++
		}
	}
	for _, name := range []string{"\xff", "a\xff", "a\xc3", "\xc3", "a\xe4\xb8", "\xf4\x90\x80\x80", "a\xc0\x80", "é", "aé", "a:é", "中文", "a中", "xml", "a-1.b_c:d"} {
		check([]byte(name))
	}
	// The classes are not empty: some characters past ASCII do go on a
	// name (as the tables say).
	if names < 30000 {
		t.Errorf("only %d characters go on a name", names)
	}
}

// FuzzIsXMLName: for any name the scanner's readName can give,
// isXMLName is encoding/xml's check.
func FuzzIsXMLName(f *testing.F) {
	for _, s := range []string{"a", "é", "aé", "中文", "a\xff", "\xc3", "_:-.", "1a", "ab\u0300", "\u0e01\u0e31"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, name []byte) {
		want, ok := oracleIsName(name)
		if !ok {
			t.Skip("not a name readName gives")
		}
		if got := isXMLName(name); got != want {
			t.Fatalf("isXMLName(%q) = %v, encoding/xml says %v", name, got, want)
		}
	})
}
