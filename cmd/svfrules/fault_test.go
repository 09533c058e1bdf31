package main

import (
	"github.com/rcc/svfrules/internal/msg"

	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The fault battery's Go tests: what the scripts (fault_*.txtar) cannot
// check: modes, links and inodes kept by -o and fmt -w, and signals.

const faultEpisodes = "episode;code;date\nE1;VH310;2024-01-01\nE1;VH350;2024-01-20\nE2;VL210;2024-01-08\nE2;VL210;2024-01-09\n"

const faultMessy = "pathway   hjarntumorer \"Hjärntumörer\"{\n      prefix VL2\n}\n"

// TestFaultOutputKeepsFile: -o and fmt -w replace the content and keep the
// mode (0644 stayed 0600 before: the temporary file's mode), a symbolic
// link (was replaced by a plain file) and hard links (were broken).
func TestFaultOutputKeepsFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("modes and links")
	}
	commands := []struct {
		name string
		old  string // the target's content before
		args func(dir, target string) []string
	}{
		{"eval -o", "old\n", func(dir, target string) []string {
			return []string{"eval", "--format", "csv", "-o", target, filepath.Join(dir, "in.csv")}
		}},
		{"report -o", "old\n", func(dir, target string) []string {
			return []string{"report", "--format", "csv", "-o", target, filepath.Join(dir, "in.csv")}
		}},
		{"fmt -w", faultMessy, func(dir, target string) []string { return []string{"fmt", "-w", target} }},
	}
	targets := []struct {
		name string
		// setup makes the target (and what it links to) in dir and returns
		// its path and the other path that must see the new content.
		setup func(t *testing.T, dir, old string) (target, other string)
	}{
		{"0644", func(t *testing.T, dir, old string) (string, string) {
			return writeMode(t, filepath.Join(dir, "out"), old, 0o644), ""
		}},
		{"0664", func(t *testing.T, dir, old string) (string, string) {
			return writeMode(t, filepath.Join(dir, "out"), old, 0o664), ""
		}},
		{"symbolic link", func(t *testing.T, dir, old string) (string, string) {
			os.Mkdir(filepath.Join(dir, "real"), 0o755)
			real := writeMode(t, filepath.Join(dir, "real", "out"), old, 0o640)
			link := filepath.Join(dir, "link")
			if err := os.Symlink("real/out", link); err != nil {
				t.Fatal(err)
			}
			return link, real
		}},
		{"hard link", func(t *testing.T, dir, old string) (string, string) {
			p := writeMode(t, filepath.Join(dir, "out"), old, 0o644)
			other := filepath.Join(dir, "other")
			if err := os.Link(p, other); err != nil {
				t.Fatal(err)
			}
			return p, other
		}},
	}
	for _, c := range commands {
		for _, tg := range targets {
			t.Run(c.name+"/"+tg.name, func(t *testing.T) {
				dir := t.TempDir()
				writeMode(t, filepath.Join(dir, "in.csv"), faultEpisodes, 0o644)
				target, other := tg.setup(t, dir, c.old)
				before, err := stateOf(target)
				if err != nil {
					t.Fatal(err)
				}
				var stdout, stderr bytes.Buffer
				if code := run(c.args(dir, target), nil, &stdout, &stderr); code > 1 {
					t.Fatalf("exit %d: %s", code, stderr.String())
				}
				after, err := stateOf(target)
				if err != nil {
					t.Fatal(err)
				}
				if after.data == before.data || after.data == "" {
					t.Errorf("content not replaced: %q", after.data)
				}
				if after.mode != before.mode || after.link != before.link {
					t.Errorf("mode or link changed: was %v, is %v", before, after)
				}
				if before.nlink > 1 && (after.ino != before.ino || after.nlink != before.nlink) {
					t.Errorf("hard links broken: was %v, is %v", before, after)
				}
				if other != "" {
					if b, _ := os.ReadFile(other); string(b) != after.data {
						t.Errorf("%s holds %q, want the new content", filepath.Base(other), b)
					}
				}
				for _, d := range []string{dir, filepath.Join(dir, "real")} {
					if left, _ := tempFiles(d); len(left) > 0 {
						t.Errorf("temporary files left: %v", left)
					}
				}
			})
		}
	}
}

func writeMode(t *testing.T, path, data string, mode os.FileMode) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFaultSignalsLeaveNoTemps: SIGINT, SIGTERM, SIGHUP and SIGPIPE while
// eval or report is running leave no temporary file: neither the -o file's
// (.svfrules-* beside it) nor the runtime's (svfrules-* in TMPDIR or the
// -o folder); the exit code is 128 + the signal. The process runs the
// real main (the test binary as svfrules, see TestMain).
func TestFaultSignalsLeaveNoTemps(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("waits for the temporary files in /proc/PID/fd")
	}
	bin, err := exec.LookPath("svfrules")
	if err != nil {
		t.Fatal(err)
	}
	type tc struct {
		name string
		sig  syscall.Signal
		args []string // "OUT" is replaced by the -o file
		// waitFor is what the process must have open before the signal:
		// a file whose path has this prefix ("TMP/", "OUT/"). The
		// runtime's spools are removed right after they are made, so the
		// test waits for that (" (deleted)"): a signal in between is
		// still a window the runtime leaves open.
		// (The -o file's temporary file is registered before it exists,
		// so the signal handler always removes it.)
		waitFor []string
	}
	var cases []tc
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		cases = append(cases,
			tc{"eval -o/" + sig.String(), sig, []string{"eval", "--format", "csv", "-o", "OUT", "-"}, []string{"OUT/.svfrules-*", "OUT/svfrules-* (deleted)"}},
			tc{"report/" + sig.String(), sig, []string{"report", "-"}, []string{"TMP/svfrules-* (deleted)"}},
		)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tmp, outDir := t.TempDir(), t.TempDir()
			out := filepath.Join(outDir, "out.csv")
			writeMode(t, out, "old\n", 0o644)
			var args []string
			for _, a := range c.args {
				args = append(args, strings.Replace(a, "OUT", out, 1))
			}
			cmd := exec.Command(bin, args...)
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			io.WriteString(stdin, faultEpisodes) // and kept open
			for _, w := range c.waitFor {
				pattern := strings.NewReplacer("TMP/", tmp+"/", "OUT/", outDir+"/").Replace(w)
				if err := waitForOpenFile(cmd.Process.Pid, pattern); err != nil {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("%v; stderr: %s", err, stderr.String())
				}
			}
			cmd.Process.Signal(c.sig)
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 128+int(c.sig) {
				t.Errorf("ended with %v, want exit %d; stderr: %s", err, 128+int(c.sig), stderr.String())
			}
			for _, d := range []string{tmp, outDir} {
				if left, _ := tempFiles(d); len(left) > 0 {
					t.Errorf("temporary files left in %s: %v", d, left)
				}
			}
			if b, _ := os.ReadFile(out); string(b) != "old\n" {
				t.Errorf("-o file holds %q", b)
			}
		})
	}
	t.Run("SIGPIPE", func(t *testing.T) {
		// A reader that stops after one line (svfrules eval … | head -1).
		dir, tmp := t.TempDir(), t.TempDir()
		in := filepath.Join(dir, "in.csv")
		var b strings.Builder
		b.WriteString("episode;code;date\n")
		for i := range 20000 {
			fmt.Fprintf(&b, "E%d;VL210;2024-01-08\nE%d;VL210;2024-01-09\n", i, i)
		}
		writeMode(t, in, b.String(), 0o644)
		cmd := exec.Command(bin, "eval", "--format", "jsonl", in)
		cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil || !strings.HasPrefix(line, "{") {
			t.Errorf("first line %q, %v", line, err)
		}
		stdout.Close()
		err = cmd.Wait()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 128+int(syscall.SIGPIPE) {
			t.Errorf("ended with %v, want exit %d", err, 128+int(syscall.SIGPIPE))
		}
		if stderr.Len() > 0 {
			t.Errorf("stderr: %s", stderr.String())
		}
		if left, _ := tempFiles(tmp); len(left) > 0 {
			t.Errorf("temporary files left in TMPDIR: %v", left)
		}
	})
}

// TestFaultClosedPipeAtStart: standard output, or standard error, a pipe
// nobody reads from when svfrules starts. SIGPIPE is ignored from the
// start (safefile.HandleSignals; the handlers are only put in place
// before a temporary file is made), so --version's write within a
// fraction of a millisecond, and an error message on standard error,
// fail with EPIPE and end the program as SIGPIPE is handled (exit 141,
// nothing on the other stream), not killed by the signal.
func TestFaultClosedPipeAtStart(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("SIGPIPE")
	}
	bin, err := exec.LookPath("svfrules")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		args   []string
		stderr bool // the closed pipe is standard error
	}{
		{"stdout", []string{"--version"}, false},
		{"stderr", []string{"eval", "finns-inte.csv"}, true}, // an error message
	}
	for _, c := range cases {
		for i := range 5 {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			r.Close()
			cmd := exec.Command(bin, c.args...)
			var other bytes.Buffer
			cmd.Stdout, cmd.Stderr = w, &other
			if c.stderr {
				cmd.Stdout, cmd.Stderr = &other, w
			}
			err = cmd.Run()
			w.Close()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 128+int(syscall.SIGPIPE) {
				t.Errorf("%s, run %d: ended with %v, want exit %d", c.name, i, err, 128+int(syscall.SIGPIPE))
			}
			if other.Len() > 0 {
				t.Errorf("%s, run %d: the other stream: %s", c.name, i, other.String())
			}
		}
	}
}

// waitForOpenFile waits until process pid has a file open whose path
// matches pattern (filepath.Match; a removed file's path ends in
// " (deleted)"). It gives up after a minute, for a process that never
// gets there.
func waitForOpenFile(pid int, pattern string) error {
	fdDir := fmt.Sprintf("/proc/%d/fd", pid)
	for range 6000 {
		entries, _ := os.ReadDir(fdDir)
		for _, e := range entries {
			target, err := os.Readlink(filepath.Join(fdDir, e.Name()))
			if ok, _ := filepath.Match(pattern, target); ok && err == nil {
				return nil
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("process %d never opened %s", pid, pattern)
}

// TestFaultPanicRemovesTemps: a panic in a command (a bug) removes the
// -o file's temporary file, leaves the file as it was, and is one
// message with exit 2, not a goroutine dump.
func TestFaultPanicRemovesTemps(t *testing.T) {
	dir := t.TempDir()
	target := writeMode(t, filepath.Join(dir, "out.csv"), "old\n", 0o644)
	var stderr bytes.Buffer
	code := protect(&stderr, func() int {
		out, err := openOutput(target, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		out.Write([]byte("half"))
		panic("index out of range")
	})
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	want := fmt.Sprintf(msg.InternalError, "index out of range")
	if stderr.String() != want {
		t.Errorf("stderr:\n got %q\nwant %q", stderr.String(), want)
	}
	if left, _ := tempFiles(dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if b, _ := os.ReadFile(target); string(b) != "old\n" {
		t.Errorf("out.csv holds %q", b)
	}
}
