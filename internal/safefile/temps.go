package safefile

import (
	"encoding/hex"
	"errors"
	"math/rand/v2"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
)

// TempPrefix starts the name of every temporary file, which is made in
// the target's folder: ".svfrules-<target name>-<random>".
const TempPrefix = ".svfrules-"

// The registry of temporary files. mu is held while a file is created and
// registered, renamed and unregistered, or copied into a hard-linked
// target, so a signal handler that takes it sees no half-made step; the
// handler keeps it until the process exits.
var (
	mu    sync.Mutex
	temps = map[string]bool{}
)

// createTemp creates and registers a new temporary file beside path.
func createTemp(path string, perm os.FileMode) (*os.File, string, error) {
	dir, base := filepath.Split(path)
	if len(base) > 64 {
		base = base[:64]
	}
	AwaitSignals() // the handler removes it
	var last error
	for range 100 {
		// The name need only be new, not secret (O_EXCL refuses a
		// taken one): math/rand/v2's generator, seeded by the runtime,
		// not crypto/rand, whose package initialisations (the FIPS
		// module's self-describing tables, AES, SHA-2, DRBG) every run
		// of svfrules paid at start, writing a file or not (issue 16).
		var b [6]byte
		for i := range b {
			b[i] = byte(rand.Uint32())
		}
		name := filepath.Join(dir, TempPrefix+base+"-"+hex.EncodeToString(b[:]))
		mu.Lock()
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			temps[name] = true
		}
		mu.Unlock()
		if err == nil {
			return f, name, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, "", err
		}
		last = err
	}
	return nil, "", last
}

// renameTemp renames a registered temporary file over path and
// unregisters it, as one step for the signal handler.
func renameTemp(tmp, path string) error {
	mu.Lock()
	defer mu.Unlock()
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	delete(temps, tmp)
	return nil
}

// removeTemp removes and unregisters a temporary file.
func removeTemp(name string) {
	mu.Lock()
	defer mu.Unlock()
	os.Remove(name)
	delete(temps, name)
}

// withTempsLocked runs f while signals wait.
func withTempsLocked(f func() error) error {
	AwaitSignals()
	mu.Lock()
	defer mu.Unlock()
	return f()
}

// RemoveTemps removes every temporary file not yet committed or aborted;
// main calls it after recovering a panic.
func RemoveTemps() {
	mu.Lock()
	defer mu.Unlock()
	removeAll()
}

func removeAll() {
	for name := range temps {
		os.Remove(name)
		delete(temps, name)
	}
}

// Signals are the signals HandleSignals handles: those that end a command
// line program when the user interrupts it, the terminal goes away, or
// the reader of its output stops reading.
var Signals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE}

// handled are the Signals not ignored when the program started (set by
// HandleSignals, read by AwaitSignals).
var (
	handled      []os.Signal
	pipeHandled  bool
	handlersOnce sync.Once
)

// HandleSignals makes each of Signals remove the temporary files and end
// the program with exit code 128 + the signal's number, as a shell
// reports a program killed by it. A signal ignored when the program
// started stays ignored (nohup ignores SIGHUP, a shell ignores SIGINT for
// a command run in the background); handling it would end the program
// where the user asked that it go on. Call it once, early in main,
// before any other goroutine uses this package.
//
// It only notes which signals to handle: the handlers are put in place
// by AwaitSignals, before the first temporary file is made. signal.Notify
// starts a thread that takes the signals and one that waits for them,
// and waits for the first itself, which cost a 100-row eval with no file
// to write a tenth of its time (issue 16). Until then a signal ends the
// program as by default, with no temporary file to remove. A write to a
// closed pipe is the writer's to handle (PipeHandled).
func HandleSignals() {
	handled = handled[:0]
	for _, s := range Signals {
		if !signal.Ignored(s) {
			handled = append(handled, s)
		}
	}
	pipeHandled = !signal.Ignored(syscall.SIGPIPE)
}

// PipeHandled reports whether HandleSignals handles SIGPIPE: a write to
// a closed pipe that fails with EPIPE should then end the program as
// ExitOnSignal(syscall.SIGPIPE) does. (Go ends a program whose write to
// descriptor 1 or 2 meets a closed pipe before the write returns, unless
// SIGPIPE is handled; the program's standard streams are written through
// other descriptors, see main's pipeStream, where the write fails with
// EPIPE instead.)
func PipeHandled() bool { return pipeHandled }

// AwaitSignals puts the handlers of HandleSignals in place, the first
// time it is called, and returns once they are (at once when
// HandleSignals was not called).
func AwaitSignals() {
	handlersOnce.Do(func() {
		if len(handled) == 0 {
			return
		}
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, handled...)
		go func() { ExitOnSignal(<-ch) }()
	})
}

// ExitOnSignal removes the temporary files and exits as if killed by sig
// (128 + its number). It waits for a rename or an in-place copy under way
// and never returns. Also for a write that failed with EPIPE: the reader
// went away, which ends the program silently as the signal would.
func ExitOnSignal(sig os.Signal) {
	code := 128 + 15
	if s, ok := sig.(syscall.Signal); ok {
		code = 128 + int(s)
	}
	mu.Lock() // never unlocked: no new temporary file from here on
	removeAll()
	os.Exit(code)
}

// CreateUnnamed creates a temporary file in dir ("" is os.TempDir()),
// named by pattern as os.CreateTemp names it, and removes its name at
// once, keeping the open file: then nothing is left behind however the
// program ends (a signal, a crash, kill -9). Creating and removing happen
// while the signal handler waits, so a signal cannot come in between.
// Where an open file cannot be removed (Windows), the file is registered
// instead, and removed by cleanup or the signal handler. cleanup closes
// (and there removes) it.
func CreateUnnamed(dir, pattern string) (f *os.File, cleanup func(), err error) {
	AwaitSignals()
	mu.Lock()
	defer mu.Unlock()
	f, err = os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, nil, err
	}
	if os.Remove(f.Name()) == nil {
		return f, func() { f.Close() }, nil
	}
	name := f.Name()
	temps[name] = true
	return f, func() { f.Close(); removeTemp(name) }, nil
}
