package main

import (
	"os"
	"runtime/debug"
	"sync"
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
// process, unless the user set GOGC.
func startupGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		normalGC = debug.SetGCPercent(startupGCPercent)
	}
}

// startupDone restores the collector's target before a command reads
// data (eval, report, diff --episodes) or serves (lsp): from there on
// memory is what counts.
func startupDone() {
	normalGCOnce.Do(func() {
		if normalGC != -2 {
			debug.SetGCPercent(normalGC)
		}
	})
}
