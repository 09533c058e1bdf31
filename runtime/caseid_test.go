package runtime

import (
	"hash/maphash"
	"strings"
	"testing"
)

// TestIDFold: ids that differ only in case have one hash and compare
// equal in capitals (so a run neither streams past them nor merges them,
// see grouper.lookup); others keep their order.
func TestIDFold(t *testing.T) {
	seed := maphash.MakeSeed()
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
		{"å1", "Ä1", 1}, // Å is U+00C5, Ä U+00C4: in capitals, by code point
	} {
		got := foldCompare(c.a, c.b)
		if sign(got) != c.cmp {
			t.Errorf("foldCompare(%q, %q) = %d, want sign %d", c.a, c.b, got, c.cmp)
		}
		if same := idHash(seed, c.a) == idHash(seed, c.b); same != (c.cmp == 0) {
			t.Errorf("idHash(%q) == idHash(%q) is %v", c.a, c.b, same)
		}
	}
	if idHash(seed, "S00000001") != maphash.String(seed, "S00000001") {
		t.Error("an id without small letters is not hashed as it is")
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

// TestIDHashFoldsEveryByte: an id of eight bytes or more with one small
// letter or one byte outside ASCII anywhere (idHash looks at eight bytes
// at a time) has the hash of the id in capitals, as one in capitals
// written so; other bytes are hashed as they are.
func TestIDHashFoldsEveryByte(t *testing.T) {
	seed := maphash.MakeSeed()
	for n := 8; n <= 20; n++ {
		for at := range n {
			for c := range 256 {
				id := []byte("S0000000000000000000"[:n])
				id[at] = byte(c)
				want := maphash.String(seed, string(id))
				switch {
				case c >= 0x80:
					want = maphash.String(seed, strings.ToUpper(string(id)))
				case 'a' <= c && c <= 'z':
					id[at] = byte(c) - 'a' + 'A'
					want = maphash.String(seed, string(id))
					id[at] = byte(c)
				}
				if got := idHash(seed, string(id)); got != want {
					t.Fatalf("idHash(%q) is not the hash of the id in capitals", id)
				}
			}
		}
	}
}
