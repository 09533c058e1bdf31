package main

import (
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"

	svfruntime "github.com/rcc/svfrules/runtime"
)

// TestStartupDoneSmallInput: the collector's start-up target stays for
// regular files of smallInput bytes in all, and is restored for anything
// else (a larger file, standard input, a file that is not there, no
// files: lsp); a small input is evaluated by one worker (evalWorkers),
// others by one per processor.
func TestStartupDoneSmallInput(t *testing.T) {
	dir := t.TempDir()
	small, big := filepath.Join(dir, "small.csv"), filepath.Join(dir, "big.csv")
	if err := os.WriteFile(small, make([]byte, 100), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, make([]byte, smallInput+1), 0o644); err != nil {
		t.Fatal(err)
	}
	savedGC := normalGC
	t.Cleanup(func() { normalGC, normalGCOnce = savedGC, sync.Once{} })
	const startup, normal = 400, 77
	for _, tc := range []struct {
		name  string
		files []string
		want  int
	}{
		{"small file", []string{small}, startup},
		{"two small files", []string{small, small}, startup},
		{"a large file", []string{big}, normal},
		{"small and large", []string{small, big}, normal},
		{"standard input", []string{"-"}, normal},
		{"missing file", []string{filepath.Join(dir, "nope.csv")}, normal},
		{"a folder", []string{dir}, normal},
		{"no files", nil, normal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prev := debug.SetGCPercent(startup)
			normalGC, normalGCOnce = normal, sync.Once{}
			workers := evalWorkers(startupDone(tc.files...))
			if got := debug.SetGCPercent(prev); got != tc.want {
				t.Errorf("GC percent %d after startupDone(%v), want %d", got, tc.files, tc.want)
			}
			if want := map[bool]int{true: 1, false: runtime.GOMAXPROCS(0)}[tc.want == startup]; workers != want {
				t.Errorf("evalWorkers after startupDone(%v): %d, want %d", tc.files, workers, want)
			}
		})
	}
}

// TestStartupGC: Go's default target (100) is raised for the start-up
// and restored by startupDone; a target the user set (GOGC) is left as
// it is. UserGC says whether the user set the target or a limit.
func TestStartupGC(t *testing.T) {
	savedGC, savedUser := normalGC, svfruntime.UserGC
	prevPercent, prevLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		normalGC, normalGCOnce, svfruntime.UserGC = savedGC, sync.Once{}, savedUser
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
	})
	for _, tc := range []struct {
		before        int
		limit         int64
		during, after int
		user          bool
	}{
		{100, math.MaxInt64, startupGCPercent, 100, false}, // GOGC unset (or 100)
		{250, math.MaxInt64, 250, 250, true},               // GOGC=250
		{-1, math.MaxInt64, -1, -1, true},                  // GOGC=off
		{100, 1 << 30, startupGCPercent, 100, true},        // GOMEMLIMIT=1GiB
	} {
		debug.SetGCPercent(tc.before)
		debug.SetMemoryLimit(tc.limit)
		normalGC, normalGCOnce = -2, sync.Once{}
		startupGC()
		during := debug.SetGCPercent(-1)
		debug.SetGCPercent(during)
		startupDone() // no files: restores
		after := debug.SetGCPercent(-1)
		if during != tc.during || after != tc.after || svfruntime.UserGC != tc.user {
			t.Errorf("target %d, limit %d: %d during the start-up and %d after, UserGC %v; want %d, %d, %v",
				tc.before, tc.limit, during, after, svfruntime.UserGC, tc.during, tc.after, tc.user)
		}
	}
}
