// Package pair runs a loop of independent work items on two goroutines
// when the machine has two processors to give them.
//
// Loading an embedded guide decodes its files and compiles its pathways;
// both are lists of items that share nothing, and both are most of a
// small eval's time (issue 16). The two places used the same few lines
// to split such a loop; this is them once.
package pair

import (
	goruntime "runtime"
	"sync"
)

// Run calls work on the calling goroutine and, when more than one
// processor is available, on a second goroutine at the same time; it
// returns when every call has returned. work must take its items from a
// shared counter (an atomic) until none is left, so that two calls
// share the items and one call alone does them all.
func Run(work func()) {
	if goruntime.GOMAXPROCS(0) < 2 {
		work()
		return
	}
	var wg sync.WaitGroup
	wg.Go(work)
	work()
	wg.Wait()
}
