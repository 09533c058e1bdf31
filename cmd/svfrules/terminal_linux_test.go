package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"github.com/rcc/svfrules/internal/msg"
)

// openPTY opens a pseudo-terminal and returns its terminal side (what a
// shell's standard output is), or skips the test where there is none.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	unlock := int32(0)
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Skipf("unlocking the pseudo-terminal: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Skipf("pseudo-terminal number: %v", e)
	}
	pts, err := os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("opening the pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { pts.Close() })
	// Whatever reaches the terminal is read away, so a command that
	// wrongly writes there fails the test instead of blocking it.
	go io.Copy(io.Discard, ptmx)
	return pts
}

// TestIsTerminalDevices: a terminal is one; /dev/null, a character
// device like a terminal, is not (before, its mode made it one, so
// report drew its progress line into 2>/dev/null and a workbook would
// have been refused for > /dev/null).
func TestIsTerminalDevices(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Errorf("%s is taken for a terminal", os.DevNull)
	}
	if isTerminal(&stdoutWriter{w: null}) {
		t.Errorf("%s wrapped as standard output is taken for a terminal", os.DevNull)
	}
	pty := openPTY(t)
	if !isTerminal(pty) || !isTerminal(&stdoutWriter{w: pty}) {
		t.Errorf("a pseudo-terminal is not taken for a terminal")
	}
}

// TestXLSXNotToTerminal: eval and report refuse --format xlsx (or
// nothing but -o's absence) when standard output is a terminal, with
// exit 2 and nothing written there; to /dev/null, a file or a pipe the
// workbook is written.
func TestXLSXNotToTerminal(t *testing.T) {
	input := filepath.Join(episodesDir, "example.csv")
	pty := openPTY(t)
	for _, cmd := range []string{"eval", "report"} {
		var stderr bytes.Buffer
		code := run([]string{cmd, "--format", "xlsx", input}, nil, pty, &stderr)
		want := "svfrules " + cmd + ": " + strings.ReplaceAll(msg.XLSXToTerminal, "%s", cmd) + "\n"
		if code != exitUsage || !strings.HasPrefix(stderr.String(), want) {
			t.Errorf("%s --format xlsx to a terminal: exit %d, stderr:\n%s\nwant exit 2 and\n%s", cmd, code, stderr.String(), want)
		}
	}

	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	file, err := os.Create(filepath.Join(t.TempDir(), "out.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	for _, c := range []struct {
		cmd  string
		code int // eval: the example has error findings
	}{{"eval", exitFound}, {"report", exitOK}} {
		for name, out := range map[string]*os.File{os.DevNull: null, "a file": file} {
			var stderr bytes.Buffer
			if code := run([]string{c.cmd, "--format", "xlsx", input}, nil, out, &stderr); code != c.code {
				t.Errorf("%s --format xlsx > %s: exit %d, want %d; stderr:\n%s", c.cmd, name, code, c.code, stderr.String())
			}
		}
	}
	info, err := file.Stat()
	if err != nil || info.Size() < 1000 {
		t.Errorf("the workbooks written to a file: %v, %d bytes", err, info.Size())
	}
}
