package runtime

import (
	gort "runtime"
	"runtime/debug"
	"sync"
)

// The garbage collector while episodes stream.
//
// A streaming pass keeps little: the blocks under way, their output, the
// ids' hashes and the lists, some 10 MB for 300 k episodes. At Go's usual
// target (GOGC=100) the heap of a few MB was collected every few MB of
// allocation, several times per run, for some 5 % of eval's CPU on the
// 300 k-episode files of bench/run.sh (issue 16). So the collector waits
// for a fixed heap instead (streamHeap, as GOMEMLIMIT with GOGC=off), and
// goes back to its usual target as soon as a collection finds more than
// half of that heap live: a large input whose lists grow past it (many
// lead times over target) is collected as before, not over and over at
// the limit. Nothing changes when the user set GOGC (to other than Go's
// default, 100) or GOMEMLIMIT (UserGC).

// UserGC is whether the user set the collector's target or limit
// (GOGC other than Go's default 100, GOMEMLIMIT): streamGC then changes
// nothing. The command sets it as it starts, from the settings the Go
// runtime read, before it changes any: asking the environment copied the
// whole of it into a map, 1 % of a 100-row eval's instructions, and
// nothing else in such a run reads it (issue 16).
var UserGC bool

// streamHeap is the heap the collector waits for while streaming.
const streamHeap = 64 << 20

// streaming counts the streaming passes under way (Run may be called
// from several goroutines): the first sets the collector up, the last
// restores it; watch is their gcWatch.
var (
	streamMu  sync.Mutex
	streaming int
	watch     *gcWatch
)

// streamGC has the collector wait for streamHeap while a streaming pass
// runs, and returns what restores the collector's settings (once the
// last pass under way has ended; calling it again does nothing).
func streamGC() (restore func()) {
	if UserGC {
		return func() {}
	}
	streamMu.Lock()
	defer streamMu.Unlock()
	if streaming++; streaming == 1 {
		watch = &gcWatch{}
		watch.percent = debug.SetGCPercent(-1)
		watch.limit = debug.SetMemoryLimit(streamHeap)
		watch.arm()
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			streamMu.Lock()
			defer streamMu.Unlock()
			if streaming--; streaming == 0 {
				watch.stop()
				watch = nil
			}
		})
	}
}

// gcWatch looks at the live heap after each collection while streamGC's
// setting holds, and restores the usual target once the live heap is
// more than half of streamHeap.
type gcWatch struct {
	mu      sync.Mutex
	done    bool // restored: the setting no longer holds
	percent int  // the settings streamGC replaced
	limit   int64
}

// gcSentinel is an object whose finalizer runs after the collection that
// finds it unreachable, one per collection while gcWatch is armed.
type gcSentinel struct{ _ [16]byte }

// arm sets up a sentinel for the next collection.
func (w *gcWatch) arm() {
	s := &gcSentinel{}
	gort.SetFinalizer(s, func(*gcSentinel) { w.collected() })
}

// collected runs after a collection (on the finalizer goroutine).
func (w *gcWatch) collected() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return
	}
	if liveHeap() > streamHeap/2 {
		w.restoreLocked()
		return
	}
	w.arm()
}

// stop restores the collector's settings.
func (w *gcWatch) stop() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.restoreLocked()
	}
}

func (w *gcWatch) restoreLocked() {
	w.done = true
	debug.SetGCPercent(w.percent)
	debug.SetMemoryLimit(w.limit)
}

// liveHeap is the heap in use just after the last collection, in bytes:
// what it found live and the little allocated since (collected runs on
// the finalizer goroutine as soon as the collection is done), slightly
// more than live, which only brings the usual target back a little
// sooner. From runtime.ReadMemStats rather than runtime/metrics, whose
// package initialisation (building its table of metrics) cost 0.2 ms of
// every start-up, 1 % of a 100-row eval (issue 16).
func liveHeap() uint64 {
	var m gort.MemStats
	gort.ReadMemStats(&m)
	return m.HeapAlloc
}
