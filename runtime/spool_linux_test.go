//go:build linux

package runtime

import (
	"bytes"
	"testing"
)

// TestSpoolSmallTakesNoRoom: the output of a small run (up to
// spoolFirstChunk) stays in Go's heap and takes no populated room, whose
// region (4 MB put in place) cost a 100-row eval 0.4 ms; more output
// takes it.
func TestSpoolSmallTakesNoRoom(t *testing.T) {
	room := func() (*region, int) {
		arena.mu.Lock()
		defer arena.mu.Unlock()
		if arena.cur == nil {
			return nil, 0
		}
		return arena.cur, arena.cur.off
	}
	for _, c := range []struct {
		size int
		room bool
	}{{1000, false}, {spoolFirstChunk, false}, {spoolFirstChunk + 1, true}} {
		sp := newSpool(t.TempDir())
		cur, off := room()
		if _, err := sp.Write(bytes.Repeat([]byte("x"), c.size)); err != nil {
			t.Fatal(err)
		}
		cur2, off2 := room()
		if took := cur2 != cur || off2 != off; took != c.room {
			t.Errorf("%d bytes: took populated room %v, want %v", c.size, took, c.room)
		}
		sp.release()
	}
}
