package compiler

import (
	"testing"

	"github.com/rcc/svfrules/rules"
)

// TestParseRawCode: a code is V, two digits or capital letters and two
// digits, each byte tried at each place; every code is numbered by its
// own number, below maxRawCode, and String writes it back.
func TestParseRawCode(t *testing.T) {
	isDigit := func(c byte) bool { return '0' <= c && c <= '9' }
	isBase36 := func(c byte) bool { return isDigit(c) || 'A' <= c && c <= 'Z' }
	seen := map[RawCode]string{}
	for _, tt := range []struct {
		at   int // the place of the byte tried
		code string
		ok   func(c byte) bool // whether a code with c there is one
	}{
		{0, "VAB12", func(c byte) bool { return c == 'V' }},
		{1, "VAB12", isBase36},
		{2, "V0Z99", isBase36},
		{3, "VZ900", isDigit},
		{4, "V9A09", isDigit},
	} {
		for c := range 256 {
			code := []byte(tt.code)
			code[tt.at] = byte(c)
			k, ok := ParseRawCode(string(code))
			if ok != tt.ok(byte(c)) {
				t.Fatalf("ParseRawCode(%q) ok = %v", code, ok)
			}
			if !ok {
				continue
			}
			if back := k.String(); back != string(code) || k >= maxRawCode {
				t.Fatalf("ParseRawCode(%q) = %d, written back %q", code, uint32(k), back)
			}
			if had, dup := seen[k]; dup && had != string(code) {
				t.Fatalf("ParseRawCode(%q) = ParseRawCode(%q)", code, had)
			}
			seen[k] = string(code)
		}
	}
	for _, code := range []string{"", "V", "VAB1", "VAB123", "vAB12"} {
		if _, ok := ParseRawCode(code); ok {
			t.Errorf("ParseRawCode(%q) is a code", code)
		}
	}
	for _, tt := range []struct {
		c    RawCode
		want string
	}{{0, "V0000"}, {maxRawCode - 1, "VZZ99"}, {maxRawCode, "V?129600"}, {1<<32 - 1, "V?4294967295"}} {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("RawCode(%d).String() = %q, want %q", uint32(tt.c), got, tt.want)
		}
	}
}

// TestIDOfLikeCodeOf: for every code a reader can pass, in every
// embedded version, IDOf gives the CodeID that CodeOf gives its text
// (0 where CodeOf refuses it), and 0 past the codes.
func TestIDOfLikeCodeOf(t *testing.T) {
	for _, v := range rules.Versions() {
		g, diags, _ := LoadEmbeddedModel(v)
		if g == nil {
			t.Fatalf("%s: %v", v, diags)
		}
		p := Compile(g)
		known := 0
		for c := RawCode(0); c < maxRawCode; c++ {
			want, _ := p.CodeOf(c.String())
			if got := p.IDOf(c); got != want {
				t.Fatalf("%s: IDOf(%s) = %d, CodeOf gives %d", v, c, got, want)
			}
			if PrefixOf(want) != 0 {
				known++
			}
		}
		if known != 100*(len(p.Prefixes)-1) {
			t.Errorf("%s: %d codes of known prefixes, want 100 for each of %d", v, known, len(p.Prefixes)-1)
		}
		for _, c := range []RawCode{maxRawCode, maxRawCode + 99, 1<<32 - 1} {
			if got := p.IDOf(c); got != 0 {
				t.Errorf("%s: IDOf(%d) = %d, want 0", v, uint32(c), got)
			}
		}
	}
}
