package runtime

import (
	"math"
	"os"
	gort "runtime"
	"runtime/debug"
	"testing"
	"time"
)

// gcSettings returns the collector's target and memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// withoutGCEnv runs f with GOGC and GOMEMLIMIT unset and the target at
// 77 %, and restores everything after.
func withoutGCEnv(t *testing.T, f func()) {
	for _, k := range []string{"GOGC", "GOMEMLIMIT"} {
		if v, ok := os.LookupEnv(k); ok {
			os.Unsetenv(k)
			defer os.Setenv(k, v)
		}
	}
	prevPercent := debug.SetGCPercent(77)
	prevLimit := debug.SetMemoryLimit(math.MaxInt64)
	defer func() {
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
	}()
	f()
}

// TestStreamGC: while streaming the collector waits for streamHeap, and
// its settings come back after; with GOGC set by the user nothing
// changes.
func TestStreamGC(t *testing.T) {
	withoutGCEnv(t, func() {
		restore := streamGC()
		if p, l := gcSettings(); p != -1 || l != streamHeap {
			t.Errorf("while streaming: GOGC %d, limit %d; want -1, %d", p, l, streamHeap)
		}
		restore()
		if p, l := gcSettings(); p != 77 || l != math.MaxInt64 {
			t.Errorf("after: GOGC %d, limit %d; want 77, MaxInt64", p, l)
		}
		restore() // twice is harmless
		if p, _ := gcSettings(); p != 77 {
			t.Errorf("after a second restore: GOGC %d, want 77", p)
		}

		// Two passes at once: the settings come back after the last.
		r1, r2 := streamGC(), streamGC()
		r1()
		r1()
		if p, _ := gcSettings(); p != -1 {
			t.Errorf("one of two passes ended: GOGC %d, want -1", p)
		}
		r2()
		if p, l := gcSettings(); p != 77 || l != math.MaxInt64 {
			t.Errorf("both ended: GOGC %d, limit %d; want 77, MaxInt64", p, l)
		}

		os.Setenv("GOGC", "50")
		defer os.Unsetenv("GOGC")
		restore = streamGC()
		if p, l := gcSettings(); p != 77 || l != math.MaxInt64 {
			t.Errorf("with GOGC set: GOGC %d, limit %d; want 77, MaxInt64 unchanged", p, l)
		}
		restore()
	})
}

// TestStreamGCLargeHeap: a collection that finds more than half of
// streamHeap live brings the usual target back at once, so a large live
// heap is not collected over and over at the limit.
func TestStreamGCLargeHeap(t *testing.T) {
	withoutGCEnv(t, func() {
		restore := streamGC()
		defer restore()
		live := make([]byte, streamHeap/2+8<<20)
		for deadline := time.Now().Add(5 * time.Second); ; {
			gort.GC() // the sentinel's finalizer runs after the collection
			time.Sleep(10 * time.Millisecond)
			if p, _ := gcSettings(); p == 77 {
				break
			}
			if time.Now().After(deadline) {
				p, l := gcSettings()
				t.Fatalf("with %d MB live: GOGC %d, limit %d; want the usual 77 back", len(live)>>20, p, l)
			}
		}
		if _, l := gcSettings(); l != math.MaxInt64 {
			t.Errorf("limit %d, want MaxInt64 back", l)
		}
		gort.KeepAlive(live)
	})
}
