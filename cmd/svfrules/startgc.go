package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	svfruntime "github.com/rcc/svfrules/runtime"
)

// startupGCPercent is the garbage collector's target while svfrules
// starts: loading and compiling a guide allocates a few megabytes that
// are almost all kept, so collecting from Go's initial 4 MB heap found
// little and cost a 100-row eval some 8 ms of its 20 ms budget (issue
// 16). The heap it allows is a few tens of megabytes at most.
const startupGCPercent = 400

// normalGC is the collector's target after start-up (GOGC's, or 100):
// what startupGC replaced, restored by startupDone.
var (
	normalGC     = -2 // -2: start-up collection not changed
	normalGCOnce sync.Once
)

// startupGC raises the collector's target for the start-up of the
// process, unless the user set GOGC to other than Go's default (100,
// which startupDone restores), and tells svfruntime.UserGC whether the
// user set GOGC so or GOMEMLIMIT. It asks the Go runtime, which has read
// them, rather than the environment: os.LookupEnv copies all of it into
// a map the first time, 1 % of a 100-row eval's instructions (issue 16).
func startupGC() {
	limitSet := debug.SetMemoryLimit(-1) != math.MaxInt64
	prev := debug.SetGCPercent(startupGCPercent)
	svfruntime.UserGC = prev != 100 || limitSet
	if prev != 100 {
		debug.SetGCPercent(prev) // the user's GOGC
		return
	}
	normalGC = prev
}

// smallInput is the most bytes of input files that startupDone reads
// with the start-up target kept: their episodes cannot grow the heap by
// much, while restoring the target started a collection at once (the
// compiled guide is most of Go's initial 4 MB heap), a tenth of a
// 100-row eval's CPU (issue 16).
const smallInput = 1 << 20

// startupDone restores the collector's target before a command reads
// data (eval, report, diff --episodes) or serves (lsp): from there on
// memory is what counts. A command that reads only the files named keeps
// the start-up target when they are regular files of smallInput bytes
// in all ("-", standard input, is never small), and small is true.
func startupDone(files ...string) (small bool) {
	if len(files) > 0 {
		var total int64
		for _, f := range files {
			info, err := os.Stat(f)
			if f == "-" || err != nil || !info.Mode().IsRegular() {
				total = smallInput + 1
				break
			}
			total += info.Size()
		}
		if total <= smallInput {
			return true
		}
	}
	normalGCOnce.Do(func() {
		if normalGC != -2 {
			debug.SetGCPercent(normalGC)
		}
	})
	return false
}

// evalWorkers is how many goroutines evaluate an input (svfruntime.Run):
// one per processor, and for a small one (startupDone) one, which
// svfruntime.Run takes as evaluating on the calling goroutine: starting
// the others and handing them the batches cost more than they saved on
// a 100-row file (issue 16).
func evalWorkers(small bool) int {
	if small {
		return 1
	}
	return runtime.GOMAXPROCS(0)
}
