package runtime

import (
	gort "runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// TestWarmSize: a sixth of the input in whole huge pages, at most
// warmHeapMax, nothing for an input under 24 MB or of unknown size.
func TestWarmSize(t *testing.T) {
	for _, c := range []struct {
		size int64
		want int
	}{
		{-1, 0},
		{0, 0},
		{4800, 0},                     // the bench's 100-row file
		{24<<20 - 1, 0},               // a sixth is just under two huge pages
		{24 << 20, 4 << 20},           // two huge pages
		{81946366, 12 << 20},          // the bench's 300 k-episode file: 13.0 MB, 6 huge pages
		{1 << 30, warmHeapMax},        // bounded
		{1 << 40, warmHeapMax},        // bounded
		{6*warmHeapMax - 1, 14 << 20}, // just under the bound
	} {
		if got := warmSize(c.size); got != c.want {
			t.Errorf("warmSize(%d) = %d, want %d", c.size, got, c.want)
		}
	}
}

// TestWarmHeapLeavesRoomFree: the room put in place is free in the heap
// afterwards (not live, not given back to the system), for the run's
// allocations to use.
func TestWarmHeapLeavesRoomFree(t *testing.T) {
	if gort.GOOS != "linux" {
		t.Skip("warmHeap does nothing here")
	}
	const size = 8 << 20
	// As in Run, under the streaming pass's setting: with the usual
	// target of a small heap the scavenger gives free room back to the
	// system at its own pace, which made the test fail now and then (1
	// run of 5 of the package's tests under load).
	withoutGCEnv(t, func() {
		restore := streamGC()
		defer restore()
		debug.FreeOSMemory() // the free room the heap has goes back to the system
		before := heapFree()
		warmHeap(size)
		after := heapFree()
		if after < before+size/2 {
			t.Errorf("free heap %d bytes before warmHeap(%d), %d after: the room is not free in the heap", before, size, after)
		}
	})
}

// heapFree is the heap's free room not given back to the system.
func heapFree() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
