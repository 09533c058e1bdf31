package pair

import (
	goruntime "runtime"
	"sync/atomic"
	"testing"
)

// TestRunDoesEveryItemOnce checks that the items are shared between the
// calls, each done exactly once, with one processor and with two.
func TestRunDoesEveryItemOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		old := goruntime.GOMAXPROCS(procs)
		const n = 1000
		var done [n]atomic.Int32
		var next atomic.Int64
		var calls atomic.Int32
		Run(func() {
			calls.Add(1)
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				done[i].Add(1)
			}
		})
		goruntime.GOMAXPROCS(old)
		for i := range done {
			if got := done[i].Load(); got != 1 {
				t.Fatalf("GOMAXPROCS %d: item %d done %d times, want 1", procs, i, got)
			}
		}
		want := int32(2)
		if procs == 1 {
			want = 1
		}
		if got := calls.Load(); got != want {
			t.Errorf("GOMAXPROCS %d: work called %d times, want %d", procs, got, want)
		}
	}
}
