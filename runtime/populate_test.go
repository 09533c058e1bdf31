package runtime

import "testing"

// TestPopulated: the room is n zero values that can be written and read
// back, the same for every size; giving it back is safe once.
func TestPopulated(t *testing.T) {
	for _, n := range []int{0, 1, 7, 4096, 1 << 16} {
		recs, release := populated[groupRec](n)
		if len(recs) != n {
			t.Fatalf("populated(%d) has %d values", n, len(recs))
		}
		for i := range recs {
			if recs[i] != (groupRec{}) {
				t.Fatalf("populated(%d)[%d] = %+v, want zero", n, i, recs[i])
			}
			recs[i].rows = uint32(i)
		}
		for i := range recs {
			if recs[i].rows != uint32(i) {
				t.Fatalf("populated(%d)[%d].rows = %d, want %d", n, i, recs[i].rows, i)
			}
		}
		release()
	}
}
