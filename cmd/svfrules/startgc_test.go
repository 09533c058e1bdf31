package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
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
