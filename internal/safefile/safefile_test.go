//go:build unix

package safefile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestMain lets the tests run this binary as a child that writes with a
// file-size limit or waits for a signal with a temporary file open.
func TestMain(m *testing.M) {
	switch os.Getenv("SAFEFILE_CHILD") {
	case "":
		os.Exit(m.Run())
	case "limit":
		childLimit()
	case "signal":
		childSignal()
	case "signalnow":
		childSignalNow()
	case "write":
		if err := WriteFile(os.Getenv("SAFEFILE_TARGET"), []byte("new\n")); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		os.Exit(0)
	}
}

// childLimit writes SAFEFILE_SIZE bytes to SAFEFILE_TARGET with
// RLIMIT_FSIZE at SAFEFILE_LIMIT and prints the error.
func childLimit() {
	var size, limit uint64
	fmt.Sscan(os.Getenv("SAFEFILE_SIZE"), &size)
	fmt.Sscan(os.Getenv("SAFEFILE_LIMIT"), &limit)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		fmt.Println("setrlimit:", err)
		os.Exit(3)
	}
	err := WriteFile(os.Getenv("SAFEFILE_TARGET"), bytes.Repeat([]byte("x"), int(size)))
	if err == nil {
		os.Exit(0)
	}
	fmt.Println(err)
	os.Exit(1)
}

// childSignal starts writing SAFEFILE_TARGET, says "ready" and waits on
// standard input for the signal.
func childSignal() {
	startHalfFile()
	fmt.Println("ready")
	bufio.NewReader(os.Stdin).ReadString('\n')
	os.Exit(4)
}

// childSignalNow starts writing SAFEFILE_TARGET right after
// HandleSignals, and sends itself SIGTERM at once: Create puts the
// handlers in place first (AwaitSignals), so the signal removes the
// temporary file.
func childSignalNow() {
	startHalfFile()
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {} // the handler ends the program
}

// state is what a test compares of a file before and after.
type state struct {
	data  string
	mode  os.FileMode
	link  string // the link's target when the path is a symbolic link
	ino   uint64
	nlink uint64
}

func stateOf(t *testing.T, path string) state {
	t.Helper()
	var s state
	li, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if li.Mode()&os.ModeSymlink != 0 {
		s.link, _ = os.Readlink(path)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	s.mode = info.Mode()
	st := info.Sys().(*syscall.Stat_t)
	s.ino, s.nlink = st.Ino, uint64(st.Nlink)
	if info.Mode().IsRegular() {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s.data = string(b)
	}
	return s
}

// temps lists the temporary files left in dir.
func tempsIn(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, TempPrefix+"*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWriteFile(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the target
		// want is the target's state after writing "new\n", given the
		// state before (zero when it did not exist).
		want func(before state) state
		// also checks other paths (the link's file, the other hard link).
		also func(t *testing.T, dir string)
	}{
		{
			name:  "new file gets 0666 less the umask",
			setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "new.csv") },
			want:  func(state) state { return state{data: "new\n", mode: 0o644, nlink: 1} },
		},
		{
			name:  "0644 stays 0644",
			setup: file("t.csv", "old\n", 0o644),
			want:  func(b state) state { return state{data: "new\n", mode: 0o644, nlink: 1} },
		},
		{
			name:  "0600 stays 0600",
			setup: file("t.csv", "old\n", 0o600),
			want:  func(b state) state { return state{data: "new\n", mode: 0o600, nlink: 1} },
		},
		{
			name:  "0666 stays 0666 although the umask is 022",
			setup: file("t.csv", "old\n", 0o666),
			want:  func(b state) state { return state{data: "new\n", mode: 0o666, nlink: 1} },
		},
		{
			name:  "0755 stays 0755",
			setup: file("t.sh", "old\n", 0o755),
			want:  func(b state) state { return state{data: "new\n", mode: 0o755, nlink: 1} },
		},
		{
			name: "a symbolic link stays and its file gets the content",
			setup: func(t *testing.T, dir string) string {
				os.Mkdir(filepath.Join(dir, "real"), 0o755)
				file("real/t.csv", "old\n", 0o640)(t, dir)
				link := filepath.Join(dir, "link.csv")
				if err := os.Symlink("real/t.csv", link); err != nil {
					t.Fatal(err)
				}
				return link
			},
			want: func(b state) state {
				return state{data: "new\n", mode: 0o640, link: "real/t.csv", nlink: 1}
			},
			also: func(t *testing.T, dir string) {
				if m := tempsIn(t, filepath.Join(dir, "real")); len(m) != 0 {
					t.Errorf("temporary files left beside the link's file: %v", m)
				}
			},
		},
		{
			name: "hard links are kept, the inode too (grows)",
			setup: func(t *testing.T, dir string) string {
				p := file("a.csv", "o\n", 0o644)(t, dir)
				if err := os.Link(p, filepath.Join(dir, "b.csv")); err != nil {
					t.Fatal(err)
				}
				return p
			},
			want: func(b state) state { return state{data: "new\n", mode: 0o644, ino: b.ino, nlink: 2} },
			also: func(t *testing.T, dir string) {
				if b, _ := os.ReadFile(filepath.Join(dir, "b.csv")); string(b) != "new\n" {
					t.Errorf("the other link holds %q", b)
				}
			},
		},
		{
			name: "hard links are kept, the inode too (shrinks)",
			setup: func(t *testing.T, dir string) string {
				p := file("a.csv", "a much longer old text\n", 0o600)(t, dir)
				if err := os.Link(p, filepath.Join(dir, "b.csv")); err != nil {
					t.Fatal(err)
				}
				return p
			},
			want: func(b state) state { return state{data: "new\n", mode: 0o600, ino: b.ino, nlink: 2} },
			also: func(t *testing.T, dir string) {
				if b, _ := os.ReadFile(filepath.Join(dir, "b.csv")); string(b) != "new\n" {
					t.Errorf("the other link holds %q", b)
				}
			},
		},
		{
			name: "a FIFO is written directly",
			setup: func(t *testing.T, dir string) string {
				p := filepath.Join(dir, "fifo")
				if err := syscall.Mkfifo(p, 0o600); err != nil {
					t.Fatal(err)
				}
				// A reader, so that opening for writing does not block.
				r, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() {
					b := make([]byte, 100)
					n, _ := r.Read(b)
					if string(b[:n]) != "new\n" {
						t.Errorf("the FIFO got %q", b[:n])
					}
					r.Close()
				})
				return p
			},
			want: func(b state) state { return b },
		},
		{
			name:  "/dev/null stays a device",
			setup: func(t *testing.T, dir string) string { return "/dev/null" },
			want:  func(b state) state { return b },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			target := tt.setup(t, dir)
			var before state
			if _, err := os.Lstat(target); err == nil {
				before = stateOf(t, target)
			}
			if err := WriteFile(target, []byte("new\n")); err != nil {
				t.Fatal(err)
			}
			got := stateOf(t, target)
			want := tt.want(before)
			if want.ino == 0 {
				got.ino = 0 // a new inode is expected unless want says so
			}
			if before.mode&os.ModeType != 0 {
				got.data, want.data = "", ""
			}
			if got != want {
				t.Errorf("after writing:\n got %+v\nwant %+v", got, want)
			}
			if m := tempsIn(t, dir); len(m) != 0 {
				t.Errorf("temporary files left: %v", m)
			}
			if tt.also != nil {
				tt.also(t, dir)
			}
		})
	}
}

// file returns a setup that makes dir/name with data and mode.
func file(name, data string, mode os.FileMode) func(t *testing.T, dir string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

// TestFailureLeavesTarget writes more than RLIMIT_FSIZE allows (as a full
// disk would stop it) in a child process and checks that the target is
// byte-identical, with its mode, links and inode, and no temporary file
// is left.
func TestFailureLeavesTarget(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string
	}{
		{"plain file", file("t.svf", "pathway x \"X\" {\n  prefix VL2\n}\n", 0o644)},
		{"new file", func(t *testing.T, dir string) string { return filepath.Join(dir, "new.csv") }},
		{"symbolic link", func(t *testing.T, dir string) string {
			p := file("t.svf", "old content\n", 0o640)(t, dir)
			l := filepath.Join(dir, "l.svf")
			if err := os.Symlink(p, l); err != nil {
				t.Fatal(err)
			}
			return l
		}},
		{"hard link", func(t *testing.T, dir string) string {
			p := file("t.svf", "old content\n", 0o644)(t, dir)
			if err := os.Link(p, filepath.Join(dir, "u.svf")); err != nil {
				t.Fatal(err)
			}
			return p
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			target := tt.setup(t, dir)
			_, statErr := os.Lstat(target)
			var before state
			if statErr == nil {
				before = stateOf(t, target)
			}
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), "SAFEFILE_CHILD=limit", "SAFEFILE_TARGET="+target, "SAFEFILE_SIZE=100000", "SAFEFILE_LIMIT=4096")
			out, err := cmd.Output()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Fatalf("child: %v, output %q; want exit 1", err, out)
			}
			msg := strings.TrimSpace(string(out))
			wantMsg := "kan inte skriva " + target + ": filen blir större än vad som är tillåtet (filstorleksgräns); " + target + " är oförändrad"
			if statErr != nil {
				wantMsg = "kan inte skriva " + target + ": filen blir större än vad som är tillåtet (filstorleksgräns); " + target + " har inte skapats"
			}
			if msg != wantMsg {
				t.Errorf("message:\n got %q\nwant %q", msg, wantMsg)
			}
			if statErr != nil {
				if _, err := os.Lstat(target); err == nil {
					t.Errorf("%s was created", target)
				}
			} else if got := stateOf(t, target); got != before {
				t.Errorf("target changed:\n got %+v\nwant %+v", got, before)
			}
			if m := tempsIn(t, dir); len(m) != 0 {
				t.Errorf("temporary files left: %v", m)
			}
		})
	}
}

// TestAbortLeavesTarget: a write that is abandoned (the command failed
// after writing part of its output) changes nothing.
func TestAbortLeavesTarget(t *testing.T) {
	dir := t.TempDir()
	target := file("t.csv", "old\n", 0o644)(t, dir)
	before := stateOf(t, target)
	w, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("half"))
	w.Abort()
	if got := stateOf(t, target); got != before {
		t.Errorf("target changed:\n got %+v\nwant %+v", got, before)
	}
	if m := tempsIn(t, dir); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
	if err := w.Commit(); err != nil {
		t.Errorf("Commit after Abort: %v", err)
	}
	if got := stateOf(t, target); got != before {
		t.Errorf("Commit after Abort changed the target")
	}
}

// TestSignalRemovesTemps: SIGINT, SIGTERM and SIGHUP while a temporary
// file exists remove it and exit with 128 + the signal.
func TestSignalRemovesTemps(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			target := file("t.csv", "old\n", 0o644)(t, dir)
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), "SAFEFILE_CHILD=signal", "SAFEFILE_TARGET="+target)
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, _ := bufio.NewReader(stdout).ReadString('\n')
			if line != "ready\n" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("child said %q", line)
			}
			if m := tempsIn(t, dir); len(m) != 1 {
				t.Errorf("before the signal: temporary files %v, want one", m)
			}
			cmd.Process.Signal(sig)
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
				t.Errorf("child ended with %v, want exit %d", err, 128+int(sig))
			}
			if m := tempsIn(t, dir); len(m) != 0 {
				t.Errorf("temporary files left: %v", m)
			}
			if b, _ := os.ReadFile(target); string(b) != "old\n" {
				t.Errorf("target holds %q", b)
			}
		})
	}
}

// TestSignalRightAfterStart: the handlers of HandleSignals are put in
// place when the first temporary file is made (signal.Notify takes a
// millisecond); a temporary file made at once after HandleSignals, and
// a signal at once after it, still find them in place: the
// file is removed and the exit code is 128 + the signal. Run a few times,
// as the race it guards against is one of timing.
func TestSignalRightAfterStart(t *testing.T) {
	for i := range 5 {
		dir := t.TempDir()
		target := file("t.csv", "old\n", 0o644)(t, dir)
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "SAFEFILE_CHILD=signalnow", "SAFEFILE_TARGET="+target)
		out, err := cmd.Output()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 128+int(syscall.SIGTERM) {
			t.Errorf("run %d: child ended with %v (%q), want exit %d", i, err, out, 128+int(syscall.SIGTERM))
		}
		if m := tempsIn(t, dir); len(m) != 0 {
			t.Errorf("run %d: temporary files left: %v", i, m)
		}
		if b, _ := os.ReadFile(target); string(b) != "old\n" {
			t.Errorf("run %d: target holds %q", i, b)
		}
	}
}

// TestRemoveTemps: what main calls after a panic removes the temporary
// file of a write under way and leaves the target.
func TestRemoveTemps(t *testing.T) {
	dir := t.TempDir()
	target := file("t.csv", "old\n", 0o644)(t, dir)
	w, err := Create(target)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	w.Write([]byte("half"))
	if m := tempsIn(t, dir); len(m) != 1 {
		t.Fatalf("temporary files %v, want one", m)
	}
	RemoveTemps()
	if m := tempsIn(t, dir); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
	if b, _ := os.ReadFile(target); string(b) != "old\n" {
		t.Errorf("target holds %q", b)
	}
}

// TestCreateUnnamed: the file has no name in the folder from the start,
// and can be written and read back.
func TestCreateUnnamed(t *testing.T) {
	dir := t.TempDir()
	f, cleanup, err := CreateUnnamed(dir, "svfrules-out-*")
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the folder holds %v", entries)
	}
	if _, err := f.WriteString("spool"); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 5)
	if _, err := f.ReadAt(b, 0); err != nil || string(b) != "spool" {
		t.Errorf("read back %q, %v", b, err)
	}
}

// TestReadOnlyTarget: a file the user may not write is not replaced,
// although its folder would allow the rename (before, -o replaced it);
// a new file in a folder the user may not write is not created. The
// message says why in Swedish only. As root, which may write anything,
// the write runs as nobody.
func TestReadOnlyTarget(t *testing.T) {
	bin := os.Args[0]
	if os.Getuid() == 0 {
		// nobody cannot reach the test binary where go test puts it.
		exe, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		binDir := t.TempDir()
		os.Chmod(binDir, 0o755)
		os.Chmod(filepath.Dir(binDir), 0o755) // the test's own folder
		bin = filepath.Join(binDir, "safefile.test")
		if err := os.WriteFile(bin, exe, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		dirMode os.FileMode
		file    bool // the target exists, read-only
		want    string
	}{
		{"read-only file", 0o777, true, "kan inte skriva %s: behörighet saknas; %[1]s är oförändrad; spara under ett annat namn eller i en mapp där du får skriva\n"},
		{"read-only folder", 0o555, false, "kan inte skriva %s: kan inte skapa en temporär fil i samma mapp: behörighet saknas; %[1]s har inte skapats; spara i en mapp där du får skriva\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			os.Chmod(filepath.Dir(dir), 0o755) // the subtest's own folder, for nobody
			target := filepath.Join(dir, "ro.csv")
			if tt.file {
				file("ro.csv", "old\n", 0o444)(t, dir)
			}
			if os.Getuid() == 0 && tt.file {
				if err := os.Chown(target, 65534, 65534); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Chmod(dir, tt.dirMode); err != nil {
				t.Fatal(err)
			}
			defer os.Chmod(dir, 0o700) // so that the test can remove it
			cmd := exec.Command(bin)
			cmd.Env = append(os.Environ(), "SAFEFILE_CHILD=write", "SAFEFILE_TARGET="+target)
			if os.Getuid() == 0 {
				cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
			}
			var before state
			if tt.file {
				before = stateOf(t, target)
			}
			out, err := cmd.Output()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Fatalf("child: %v, output %q; want exit 1", err, out)
			}
			if want := fmt.Sprintf(tt.want, target); string(out) != want {
				t.Errorf("message:\n got %q\nwant %q", out, want)
			}
			if tt.file {
				if got := stateOf(t, target); got != before {
					t.Errorf("target changed:\n got %+v\nwant %+v", got, before)
				}
			} else if _, err := os.Lstat(target); err == nil {
				t.Errorf("%s was created", target)
			}
			if m := tempsIn(t, dir); len(m) != 0 {
				t.Errorf("temporary files left: %v", m)
			}
		})
	}
}

// TestIgnoredSignalStaysIgnored: under nohup (SIGHUP ignored from the
// start) SIGHUP does not end the program; SIGTERM still does, and removes
// the temporary file.
func TestIgnoredSignalStaysIgnored(t *testing.T) {
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	target := file("t.csv", "old\n", 0o644)(t, dir)
	cmd := exec.Command("sh", "-c", `trap "" HUP; exec "$0"`, os.Args[0])
	cmd.Env = append(os.Environ(), "SAFEFILE_CHILD=signal", "SAFEFILE_TARGET="+target)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(stdout)
	if line, _ := r.ReadString('\n'); line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q", line)
	}
	// SIGHUP first: handled, it would end the child with 129 before
	// SIGTERM comes (the handler takes signals in the order they come).
	cmd.Process.Signal(syscall.SIGHUP)
	cmd.Process.Signal(syscall.SIGTERM)
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 128+int(syscall.SIGTERM) {
		t.Errorf("ended with %v, want exit %d (SIGHUP ignored, SIGTERM handled)", err, 128+int(syscall.SIGTERM))
	}
	if m := tempsIn(t, dir); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

// startHalfFile sets up the signal handlers and begins writing
// SAFEFILE_TARGET, for a child to be signalled mid-write (exit 3 when it
// cannot create the file).
func startHalfFile() {
	HandleSignals()
	w, err := Create(os.Getenv("SAFEFILE_TARGET"))
	if err != nil {
		fmt.Println(err)
		os.Exit(3)
	}
	w.Write([]byte("half a file"))
}
