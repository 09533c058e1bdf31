//go:build linux

package runtime_test

// Tests that need Linux: FIFOs, and /proc/self/fd to see the files a
// process has open.

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// TestFileInputFIFO: a FIFO whose rows are not adjacent is read once
// (spooled) and grouped, as the same rows in a regular file are; reading
// it twice hung on the second open.
func TestFileInputFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "in.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.WriteString(notAdjacent)
		f.Close()
	}()
	in, cleanup, err := input.Options{TempDir: dir}.FileInput(fifo, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	got, sum := runText(t, []input.Input{in}, input.Options{})

	plain := filepath.Join(dir, "plain.csv")
	if err := os.WriteFile(plain, []byte(notAdjacent), 0o600); err != nil {
		t.Fatal(err)
	}
	pin, _, _ := input.FileInput(plain, nil)
	want, _ := runText(t, []input.Input{pin}, input.Options{})
	want = strings.ReplaceAll(want, plain, fifo)
	if got != want || !sum.Grouped || sum.Episodes != 2 || sum.RowsRead != 3 {
		t.Errorf("FIFO: grouped %v, %d episodes, %d rows:\n%s\nregular file:\n%s", sum.Grouped, sum.Episodes, sum.RowsRead, got, want)
	}
}

// TestSpoolsHaveNoName: the copy of standard input and the spooled output
// of runtime.Run are made in input.Options.TempDir and have no name there while they
// are used, so that nothing is left behind whatever ends the program.
func TestSpoolsHaveNoName(t *testing.T) {
	dir := t.TempDir()
	opts := input.Options{TempDir: dir}
	in, cleanup, err := opts.FileInput("-", strings.NewReader(notAdjacent))
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("after spooling standard input, %s holds %v", dir, names)
	}
	spy := &spoolSpy{t: t, dir: dir}
	if _, err := runtime.Run(latestProgram(t), []input.Input{in}, opts, 1, spy, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !spy.called {
		t.Fatal("no episode rendered")
	}
	// The input's spool is open (by descriptor) in dir, without a name.
	// The output's spool makes its file only when the output passes what
	// memory keeps (TestSpoolFileOnlyWhenNeeded checks that it has no
	// name either), which a few episodes do not.
	if spy.open != 1 {
		t.Errorf("while running, %d files of %s were open, want 1 (the input's)", spy.open, dir)
	}
	if len(spy.names) != 0 {
		t.Errorf("while running, %s holds %v", dir, spy.names)
	}
}

// spoolSpy is a runtime.Renderer that looks, while runtime.Run runs, at what dir holds
// and at the files of dir this process has open.
type spoolSpy struct {
	t      *testing.T
	dir    string
	called bool
	names  []string
	open   int
}

func (s *spoolSpy) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	if s.called {
		return
	}
	s.called = true
	s.names = dirNames(s.t, s.dir)
	fds, _ := os.ReadDir("/proc/self/fd")
	for _, fd := range fds {
		if target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name())); err == nil && strings.HasPrefix(target, s.dir+string(filepath.Separator)) {
			s.open++
		}
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
