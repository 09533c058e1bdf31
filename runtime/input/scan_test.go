package input

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// scanByBytes is splitter.scan byte by byte, as it was before it read
// words: the reference scan must agree with.
func scanByBytes(s *splitter, line []byte) (classes byte, ends []int32) {
	for i, c := range line {
		k := s.class[c]
		classes |= k
		if k&clsSep != 0 {
			ends = append(ends, int32(i))
		}
	}
	return classes &^ clsSep, ends
}

// TestScanWords checks scan, which reads eight bytes at a time, against
// scanByBytes: lines of every length around a word's, with each kind of
// byte a word must send byte by byte at every position (the first and
// last bytes of a word, the bytes of the last word that the word before
// has read already), for each separator.
func TestScanWords(t *testing.T) {
	odd := []byte{0, '\t', '\n', '\r', ' ', '"', '!', '~', 0x7f, 0x80, 0xc3, 0xff, ';', ',', '|'}
	for _, sep := range []byte{';', ',', '\t', '|', ' ', '"', 0xa7} {
		var s splitter
		s.setSep(sep)
		check := func(line []byte) {
			t.Helper()
			want, wantEnds := scanByBytes(&s, line)
			got := s.scan(line)
			if got != want || !slices.Equal(s.ends, wantEnds) || string(s.text) != string(line) {
				t.Fatalf("sep %q, line %q: classes %#x, ends %v; want %#x, %v", sep, line, got, s.ends, want, wantEnds)
			}
		}
		for n := 0; n <= 26; n++ {
			base := make([]byte, n)
			for i := range base {
				base[i] = "S0001;18;C54.9"[i%14]
			}
			check(base)
			for i := range n {
				for _, c := range odd {
					line := slices.Clone(base)
					line[i] = c
					check(line)
					// Bytes past the line, as a line cut out of a block has.
					check(append(line, c, c, c, c, c, c, c, c)[:n])
				}
			}
		}
		r := rand.New(rand.NewPCG(1, uint64(sep)))
		for range 2000 {
			line := make([]byte, r.IntN(80))
			for i := range line {
				if r.IntN(4) == 0 {
					line[i] = odd[r.IntN(len(odd))]
				} else {
					line[i] = byte('!' + r.IntN(94))
				}
			}
			check(line)
		}
	}
}
