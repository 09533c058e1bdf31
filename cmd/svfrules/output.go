package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// output is where a command writes its result: standard output, or the
// file given with -o. A regular file is written beside its final name and
// renamed into place by commit, so a failed run never leaves half a file;
// anything else (/dev/null, a pipe) is written directly: renaming over it
// would replace the device.
type output struct {
	io.Writer
	path string
	file *os.File // the file written to, nil for standard output
	tmp  bool     // file is a temporary file to rename to path
}

// openOutput opens path for writing, or returns stdout when path is "".
func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" {
		return &output{Writer: stdout}, nil
	}
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("cannot write %s: %w", path, err)
		}
		return &output{Writer: f, path: path, file: f}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".svfrules-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return &output{Writer: f, path: path, file: f, tmp: true}, nil
}

// commit closes the output and puts a file written beside its name into
// place.
func (o *output) commit() error {
	if o.file == nil {
		return nil
	}
	name := o.file.Name()
	err := o.file.Close()
	o.file = nil
	if err == nil && o.tmp {
		err = os.Rename(name, o.path)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", o.path, err)
	}
	return nil
}

// discard closes an output that was not committed and removes its
// temporary file; after commit it does nothing.
func (o *output) discard() {
	if o.file == nil {
		return
	}
	o.file.Close()
	if o.tmp {
		os.Remove(o.file.Name())
	}
	o.file = nil
}
