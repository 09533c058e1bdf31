package input

import (
	"errors"
	"fmt"
	"github.com/rcc/svfrules/internal/msg"
	"io"
	"os"

	"github.com/rcc/svfrules/internal/safefile"
)

// Input is one episode file to evaluate.
type Input struct {
	Name string // as shown in messages; "-" is standard input
	// Open opens the input; it is called again when the run restarts in
	// grouping mode, so it must give the same bytes each time.
	Open func() (io.ReadCloser, error)
}

// FileInput is Options{}.FileInput: spools go to os.TempDir().
func FileInput(path string, stdin io.Reader) (Input, func(), error) {
	return Options{}.FileInput(path, stdin)
}

// FileInput returns the Input for a path, or for standard input when the
// path is "-". A run may read its inputs twice (when an episode's rows are
// not adjacent), so an input that is not a regular file (standard input, a
// pipe, a FIFO, /dev/stdin) is read once, here, into a temporary file in
// o.TempDir, and read back from it. cleanup closes that file; it has no
// name by then (see safefile.CreateUnnamed).
func (o Options) FileInput(path string, stdin io.Reader) (in Input, cleanup func(), err error) {
	if path != "-" {
		// A path that cannot be looked at is opened by the run, which
		// then says what is wrong with it.
		if st, err := os.Stat(path); err != nil || st.Mode().IsRegular() {
			return Input{Name: path, Open: func() (io.ReadCloser, error) { return openFile(path) }}, func() {}, nil
		}
		f, err := os.Open(path)
		if err != nil {
			return Input{}, nil, fmt.Errorf(msg.InputSpoolRead, path, err)
		}
		defer f.Close()
		stdin = f
	}
	tmp, cleanup, err := safefile.CreateUnnamed(o.TempDir, "svfrules-in-*")
	if err != nil {
		return Input{}, nil, fmt.Errorf(msg.InputSpool, path, TempDir(o.TempDir), err)
	}
	size, err := io.Copy(tmp, stdin)
	if err != nil {
		cleanup()
		var pe *os.PathError
		if errors.As(err, &pe) && pe.Path == tmp.Name() { // writing the spool failed
			return Input{}, nil, fmt.Errorf(msg.InputSpool, path, TempDir(o.TempDir), err)
		}
		return Input{}, nil, fmt.Errorf(msg.InputSpoolRead, path, err)
	}
	return Input{Name: path, Open: func() (io.ReadCloser, error) {
		return spoolReader{io.NewSectionReader(tmp, 0, size)}, nil
	}}, cleanup, nil
}

// spoolReader reads a spool back; closing it leaves the spool open for
// the next reading.
type spoolReader struct{ *io.SectionReader }

func (spoolReader) Close() error { return nil }

// TempDir is the directory spools go to, for messages.
func TempDir(dir string) string {
	if dir == "" {
		return os.TempDir()
	}
	return dir
}
