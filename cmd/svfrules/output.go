package main

import (
	"errors"
	"io"
	"os"
	"syscall"

	"github.com/rcc/svfrules/internal/safefile"
)

// output is where a command writes its result: standard output, or the
// file given with -o, written through safefile (beside the file, renamed
// into place by commit when complete; a device or pipe directly).
type output struct {
	io.Writer
	file *safefile.File // nil for standard output
	err  error          // the first write error of file
}

// openOutput opens path for writing, or returns stdout when path is "".
func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" {
		return &output{Writer: stdout}, nil
	}
	f, err := safefile.Create(path)
	if err != nil {
		return nil, err
	}
	return &output{Writer: f, file: f}, nil
}

// failed reports whether a write to the -o file failed; commit then
// returns the error, naming the file.
func (o *output) failed() bool {
	if o.file == nil {
		return false
	}
	return o.file.Err() != nil
}

// commit puts a file written beside its name into place; for standard
// output it does nothing (run checks standard output's errors).
func (o *output) commit() error {
	if o.file == nil {
		return nil
	}
	return o.file.Commit()
}

// discard drops an output that was not committed; after commit it does
// nothing.
func (o *output) discard() {
	if o.file != nil {
		o.file.Abort()
	}
}

// writeOutput writes data to path (all or nothing), or to stdout when
// path is "".
func writeOutput(path string, stdout io.Writer, data []byte) error {
	if path == "" {
		stdout.Write(data) // an error is kept by the stdoutWriter
		return nil
	}
	return safefile.WriteFile(path, data)
}

// pipeStream is a standard stream of the process (mainCode), written
// through a descriptor of its own (streamFile): a write to a closed pipe
// then fails with EPIPE, where on descriptor 1 or 2 Go would end the
// program at once, before it could remove its temporary files, unless a
// handler for SIGPIPE were in place, which svfrules puts in place only
// when it makes one (safefile.AwaitSignals). EPIPE ends the program as
// SIGPIPE would have (exit 141, after removing the temporary files),
// unless SIGPIPE was ignored when the program started.
type pipeStream struct{ f *os.File }

func (s pipeStream) Write(p []byte) (int, error) {
	n, err := s.f.Write(p)
	if err != nil && errors.Is(err, syscall.EPIPE) && safefile.PipeHandled() {
		safefile.ExitOnSignal(syscall.SIGPIPE)
	}
	return n, err
}

// stdoutWriter is standard output as every command sees it: it keeps the
// first write error, after which it writes nothing more, so that run can
// report it once for every command (exit 2, naming standard output).
type stdoutWriter struct {
	w   io.Writer
	err error
	// brokenPipe, when set, is called for EPIPE: the reader went away
	// (svfrules eval … | head), which ends the program as SIGPIPE would.
	brokenPipe func()
}

func (s *stdoutWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err != nil {
		if s.brokenPipe != nil && errors.Is(err, syscall.EPIPE) {
			s.brokenPipe()
		}
		s.err = err
	}
	return n, err
}

// failed reports whether a write to standard output failed.
func (c *cli) stdoutFailed() bool { return c.out != nil && c.out.err != nil }
