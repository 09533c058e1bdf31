package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rcc/svfrules/runtime/input"
)

func TestProgress(t *testing.T) {
	dir := t.TempDir()
	var inputs []input.Input
	for i, size := range []int{3_000_000, 1_000_000} {
		path := filepath.Join(dir, string(rune('a'+i))+".csv")
		if err := os.WriteFile(path, bytes.Repeat([]byte("x"), size), 0o644); err != nil {
			t.Fatal(err)
		}
		in, _, _ := input.FileInput(path, nil)
		inputs = append(inputs, in)
	}
	clock := time.Unix(0, 0)
	var out bytes.Buffer
	p := newProgress(&out, inputs, func() time.Time { return clock })
	if p.total != 4_000_000 {
		t.Fatalf("total %d, want 4000000", p.total)
	}
	wrapped := p.wrap(inputs)
	// read reads n bytes of an input: all but the last at the current
	// time, the last one advance later.
	read := func(in input.Input, n int64, advance time.Duration) {
		t.Helper()
		rc, err := in.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		if _, err := io.CopyN(io.Discard, rc, n-1); err != nil {
			t.Fatal(err)
		}
		clock = clock.Add(advance)
		if _, err := rc.Read(make([]byte, 1)); err != nil {
			t.Fatal(err)
		}
	}
	steps := []struct {
		input   int
		n       int64
		advance time.Duration
		want    string // what the step adds to stderr
	}{
		{0, 100_000, 100 * time.Millisecond, ""},                             // not before half a second
		{0, 1_000_000, 500 * time.Millisecond, "\rläst 1 MB av 4 MB (25 %)"}, // reopened: counts from 0
		{0, 2_000_000, 100 * time.Millisecond, ""},                           // at most five times a second
		{1, 1_000_000, 300 * time.Millisecond, "\rläst 3 MB av 4 MB (75 %)"}, // both inputs count
	}
	for i, s := range steps {
		before := out.Len()
		read(wrapped[s.input], s.n, s.advance)
		if got := out.String()[before:]; got != s.want {
			t.Errorf("step %d wrote %q, want %q", i, got, s.want)
		}
	}
	p.finish()
	if got := out.String(); !strings.HasSuffix(got, "\r"+strings.Repeat(" ", len([]rune("läst 3 MB av 4 MB (75 %)")))+"\r") {
		t.Errorf("finish did not clear the line: %q", got)
	}
	before := out.Len()
	read(wrapped[1], 10, time.Second)
	if out.Len() != before {
		t.Error("progress written after finish")
	}
	var none *progress
	none.finish() // no progress line wanted: nothing to do
}

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 kB", 999_999: "999 kB", 1_000_000: "1 MB", 261_400_000: "261 MB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestIsTerminal: files and pipes are not terminals (so tests and
// redirected runs get no progress line).
func TestIsTerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	for name, wr := range map[string]io.Writer{"file": f, "pipe": w, "buffer": &bytes.Buffer{}} {
		if isTerminal(wr) {
			t.Errorf("%s is taken for a terminal", name)
		}
	}
}
