package input

import (
	"errors"
	"github.com/rcc/svfrules/internal/msg"
	"io"
	"os"
	"time"
)

// errChanged is the error of a file that changed while it was read.
var errChanged = errors.New(msg.InputFileChanged)

// openFile opens an episode file. It is read with read(2), not mapped into
// memory: a mapped file that another program shortens while it is read
// kills the process with SIGBUS, and catching that fault in every
// goroutine that touches the mapping is fragile. A regular file is
// checked at its end: if its size or time of change differ from when it
// was opened, the read fails with errChanged instead of going on with
// what is partly another file.
func openFile(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return f, nil
	}
	return &checkedFile{f: f, size: st.Size(), mtime: st.ModTime()}, nil
}

// checkedFile reads a regular file and fails at its end if the file
// changed meanwhile. It has only Read (no WriteTo, as *os.File has), so
// that every read goes through the check.
type checkedFile struct {
	f     *os.File
	size  int64
	mtime time.Time
	read  int64
}

func (c *checkedFile) Read(p []byte) (int, error) {
	n, err := c.f.Read(p)
	c.read += int64(n)
	if err == io.EOF || c.read > c.size {
		st, serr := c.f.Stat()
		if c.read != c.size || serr != nil || st.Size() != c.size || !st.ModTime().Equal(c.mtime) {
			return n, errChanged
		}
	}
	return n, err
}

// Size is the size the file had when it was opened.
func (c *checkedFile) Size() int64 { return c.size }

// Stat describes the file, as os.File.Stat does.
func (c *checkedFile) Stat() (os.FileInfo, error) { return c.f.Stat() }

func (c *checkedFile) Close() error { return c.f.Close() }
