package runtime

import (
	"math/rand/v2"
	"testing"
	"unsafe"
)

// TestIDOrderNextCopy: ids made in one buffer again and again (as the
// reader makes them for input.Local) are noted by copy, so the order
// still sees them increase and names its first and last id right.
func TestIDOrderNextCopy(t *testing.T) {
	buf := make([]byte, 0, 16)
	reuse := func(s string) string {
		buf = append(buf[:0], s...)
		return unsafe.String(&buf[0], len(buf))
	}
	for _, tc := range []struct {
		ids         []string
		increase    bool
		first, last string
	}{
		{[]string{"A1", "A2", "A3"}, true, "A1", "A3"},
		{[]string{"E9", "E10", "E11"}, true, "E9", "E11"}, // as numbers
		{[]string{"B2", "B1"}, false, "B2", "B1"},
		{[]string{"C1", "C1"}, false, "C1", "C1"},
	} {
		var o idOrder
		ok := true
		for _, id := range tc.ids {
			ok = o.nextCopy(reuse(id))
		}
		if ok != tc.increase || o.first != tc.first || o.last != tc.last {
			t.Errorf("%q: increase %v, first %q, last %q; want %v, %q, %q", tc.ids, ok, o.first, o.last, tc.increase, tc.first, tc.last)
		}
		// What follow takes on keeps its ids when the buffers are used again.
		var all idOrder
		all.follow(&o)
		reuse("ZZ")
		o.nextCopy(reuse("ZZZ"))
		if all.first != tc.first || all.last != tc.last {
			t.Errorf("%q followed: first %q, last %q; want %q, %q", tc.ids, all.first, all.last, tc.first, tc.last)
		}
	}
}

// TestIDOrderNextCopyAsNext: nextCopy, which has a short way for an id
// after others, says what next says of every id of random sequences
// (ids of one or two characters, some in small letters, some repeated);
// the last id it keeps is the last one noted, where next stops noting
// once the order is broken.
func TestIDOrderNextCopyAsNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "AaBb19"
	for range 2000 {
		var byNext, byCopy idOrder
		var ids []string
		for range 1 + rng.IntN(6) {
			id := string(alphabet[rng.IntN(len(alphabet))])
			if rng.IntN(2) == 0 {
				id += string(alphabet[rng.IntN(len(alphabet))])
			}
			ids = append(ids, id)
			want := byNext.next(id)
			if got := byCopy.nextCopy(id); got != want || byCopy.first != byNext.first || (!byNext.broken && byCopy.last != byNext.last) ||
				byCopy.asText != byNext.asText || byCopy.asNums != byNext.asNums || byCopy.broken != byNext.broken {
				t.Fatalf("%q: nextCopy %v %+v, next %v %+v", ids, got, byCopy, want, byNext)
			}
		}
	}
}
