package runtime

import (
	"strings"
	"testing"
)

// TestIDFold: ids that differ only in case have one hash and compare
// equal in capitals (so a run neither streams past them nor merges them,
// see grouper.lookup); others keep their order.
func TestIDFold(t *testing.T) {
	seed := newIDSeed()
	for _, c := range []struct {
		a, b string
		cmp  int // the sign of foldCompare(a, b)
	}{
		{"e4", "E4", 0},
		{"Lö-1", "LÖ-1", 0},
		{"S00000001", "S00000002", -1},
		{"E4", "f1", -1},
		{"f1", "E4", 1},
		{"a", "ab", -1},
		{"abc_1", "ABC_1", 0},
		{"å1", "Ä1", 1},             // Å is U+00C5, Ä U+00C4: in capitals, by code point
		{"ſ0000001", "S0000001", 0}, // ſ (long s) is S in capitals
		{"s00000001s00000001", "S00000001S00000001", 0},
		{"S00000001S00000001", "S00000001S00000002", -1},
		{"", "a", -1},
		{"ab", "abc", -1},
		{"abcd", "abcde", -1},
		{"abcdefg", "abcdefgh", -1},
		{"abcdefghijklmnop", "abcdefghijklmnopq", -1},
		// A small ASCII letter before a non-ASCII one: the whole id in
		// capitals, as foldCompare takes it.
		{"s0ö", "S0Ö", 0},
		{"lö-1", "LÖ-1", 0},
		{"abcdefghijklmnopö", "ABCDEFGHIJKLMNOPÖ", 0},
	} {
		got := foldCompare(c.a, c.b)
		if sign(got) != c.cmp {
			t.Errorf("foldCompare(%q, %q) = %d, want sign %d", c.a, c.b, got, c.cmp)
		}
		if same := idHash(seed, c.a) == idHash(seed, c.b); same != (c.cmp == 0) {
			t.Errorf("idHash(%q) == idHash(%q) is %v", c.a, c.b, same)
		}
	}
	for _, id := range []string{"S00000001", "S00000001S00000001", "E4", ""} {
		if idHash(seed, id) != hashCapitals(seed, id) {
			t.Errorf("the id %q without small letters is not hashed as it is", id)
		}
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// TestIDHashFoldsEveryByte: an id of any length up to 20 bytes with one
// small letter or one byte outside ASCII anywhere (idHash reads ids of up
// to 16 bytes as two words, longer ones eight bytes at a time) has the
// hash of the id in capitals, as one in capitals has; and ids that
// differ in capitals have different hashes.
func TestIDHashFoldsEveryByte(t *testing.T) {
	seed := newIDSeed()
	byHash := map[uint64]string{}
	for n := 1; n <= 20; n++ {
		for at := range n {
			for c := range 256 {
				id := []byte("S0000000000000000000"[:n])
				id[at] = byte(c)
				capitals := string(id)
				switch {
				case c >= 0x80:
					capitals = strings.ToUpper(string(id))
				case 'a' <= c && c <= 'z':
					capitals = strings.ToUpper(string(id))
				}
				want := hashCapitals(seed, capitals)
				if got := idHash(seed, string(id)); got != want {
					t.Fatalf("idHash(%q) is not the hash of the id in capitals", id)
				}
				if had, ok := byHash[want]; ok && had != capitals {
					t.Fatalf("%q and %q have one hash", had, capitals)
				}
				byHash[want] = capitals
			}
		}
	}
}
