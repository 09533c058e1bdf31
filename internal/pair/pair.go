// Package pair runs a loop of independent work items on two goroutines
// when the machine has two processors to give them.
//
// Compiling all the pathways of a guide (compiler.Program.CompileAll) is
// such a list of items that share nothing.
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
