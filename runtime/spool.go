package runtime

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/internal/safefile"
	"github.com/rcc/svfrules/runtime/input"
)

// spool holds a run's output until the run has succeeded, so that w
// receives all of it or nothing (Run). The first spoolMem bytes are kept
// in memory, in chunks outside Go's heap (populated); the rest goes to
// an unnamed temporary file, so that memory stays bounded however large
// the output.
//
// Before, all of it went to the file: on the 300 k-episode files of
// bench/run.sh (12 MB of output) that was some 200 writes during the
// run, and, after the last episode, on one core while nothing else ran,
// reading it back 32 KB at a time to hand it to w, then closing the file
// (the kernel dropping its pages): 10 ms and more of a 0.2 s run
// (issue 16). In memory, the output is handed over in a few writes of
// whole chunks.
type spool struct {
	dir    string   // opts.TempDir, for messages
	f      *os.File // the file the output past spoolMem goes to
	fw     *bufio.Writer
	closeF func()
	chunks [][]byte // full but the last
	frees  []func()
	mem    int  // bytes in chunks
	limit  int  // the most bytes kept in chunks: spoolMem
	spilt  bool // some output went to f
}

const (
	// spoolChunk is the size of a chunk of the spool's memory.
	spoolChunk = 1 << 20
	// spoolFirstChunk is the size of the first chunk, of Go's heap.
	spoolFirstChunk = 64 << 10
	// spoolMem bounds the output kept in memory; the rest goes to the
	// file. The bench's 300 k-episode evals write 12 to 13 MB of text.
	spoolMem = 32 << 20
)

// newSpool returns a spool whose file goes in dir ("" is the system's
// temporary folder). The file is created when the output first passes
// what memory keeps: creating it and removing it again (an inode of the
// file system allocated and freed) was some 40 us of a 100-row eval's
// 3.3 ms, for a file it never wrote to (issue 16). A folder that cannot
// hold it is said then, and w receives nothing.
func newSpool(dir string) *spool {
	return &spool{dir: dir, closeF: func() {}, limit: spoolMem}
}

// file creates the spool's file the first time it is needed.
func (s *spool) file() error {
	if s.f != nil {
		return nil
	}
	f, cleanup, err := safefile.CreateUnnamed(s.dir, "svfrules-out-*")
	if err != nil {
		return fmt.Errorf(msg.EvalOutSpool, input.TempDir(s.dir), err)
	}
	s.f, s.closeF = f, cleanup
	return nil
}

// Write keeps p (io.Writer); an error is the file's, with what to do.
func (s *spool) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 && s.mem < s.limit {
		var last []byte
		if k := len(s.chunks); k > 0 {
			last = s.chunks[k-1]
		}
		if len(last) == cap(last) {
			if len(s.chunks) == 0 {
				// The first chunk is a small one of Go's heap: a small
				// run's output fits in it, and a populated chunk's
				// region (4 MB put in place) cost it 0.4 ms.
				s.chunks, s.frees = append(s.chunks, make([]byte, 0, spoolFirstChunk)), append(s.frees, func() {})
				continue
			}
			c, free := populated[byte](spoolChunk)
			s.chunks, s.frees = append(s.chunks, c[:0:spoolChunk]), append(s.frees, free)
			continue
		}
		k := copy(last[len(last):min(cap(last), len(last)+s.limit-s.mem)], p)
		s.chunks[len(s.chunks)-1] = last[:len(last)+k]
		s.mem += k
		n += k
		p = p[k:]
	}
	if len(p) == 0 {
		return n, nil
	}
	if s.fw == nil {
		if err := s.file(); err != nil {
			return n, err
		}
		s.fw = bufio.NewWriterSize(s.f, 1<<16)
	}
	s.spilt = true
	m, err := s.fw.Write(p)
	if err != nil {
		err = fmt.Errorf(msg.EvalOutSpoolIO, input.TempDir(s.dir), err)
	}
	return n + m, err
}

// flush writes out what is buffered for the file.
func (s *spool) flush() error {
	if s.fw == nil {
		return nil
	}
	if err := s.fw.Flush(); err != nil {
		return fmt.Errorf(msg.EvalOutSpoolIO, input.TempDir(s.dir), err)
	}
	return nil
}

// reset drops everything written, for a run that starts again.
func (s *spool) reset() error {
	for i := range s.chunks {
		s.chunks[i] = s.chunks[i][:0]
	}
	// The chunks are kept, to be filled again from the first.
	s.chunks = s.chunks[:min(len(s.chunks), 1)]
	for _, free := range s.frees[len(s.chunks):] {
		free()
	}
	s.frees = s.frees[:len(s.chunks)]
	s.mem = 0
	if s.fw != nil {
		s.fw.Reset(s.f)
	}
	if !s.spilt {
		return nil
	}
	s.spilt = false
	if err := s.f.Truncate(0); err != nil {
		return fmt.Errorf(msg.EvalOutSpoolIO, input.TempDir(s.dir), err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf(msg.EvalOutSpoolIO, input.TempDir(s.dir), err)
	}
	return nil
}

// reader returns what was written, from the start, once the run is over.
// Its WriteTo hands the chunks over whole, one write each.
func (s *spool) reader() (io.Reader, error) {
	if err := s.flush(); err != nil {
		return nil, err
	}
	if s.spilt {
		if _, err := s.f.Seek(0, io.SeekStart); err != nil {
			return nil, fmt.Errorf(msg.EvalOutSpoolIO, input.TempDir(s.dir), err)
		}
	}
	return &spoolReader{s: s}, nil
}

// release gives the memory back and closes the file.
func (s *spool) release() {
	for _, free := range s.frees {
		free()
	}
	s.chunks, s.frees = nil, nil
	s.closeF()
}

// spoolReader reads a spool from its start.
type spoolReader struct {
	s     *spool
	chunk int // the chunk being read
	off   int // in it
}

// Read is io.Reader's, for a Wrapper that reads the episodes itself.
func (r *spoolReader) Read(p []byte) (int, error) {
	for r.chunk < len(r.s.chunks) {
		c := r.s.chunks[r.chunk]
		if r.off < len(c) {
			n := copy(p, c[r.off:])
			r.off += n
			return n, nil
		}
		r.chunk, r.off = r.chunk+1, 0
	}
	if !r.s.spilt {
		return 0, io.EOF
	}
	return r.s.f.Read(p)
}

// Seek is io.Seeker's, for a Wrapper that reads the episodes twice (the
// workbook's widths).
func (r *spoolReader) Seek(offset int64, whence int) (int64, error) {
	var pos int64 // where the reader is
	for i := range r.chunk {
		pos += int64(len(r.s.chunks[i]))
	}
	pos += int64(r.off)
	if r.chunk == len(r.s.chunks) && r.s.spilt {
		at, err := r.s.f.Seek(0, io.SeekCurrent)
		if err != nil {
			return 0, err
		}
		pos += at
	}
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += pos
	case io.SeekEnd:
		size := int64(r.s.mem)
		if r.s.spilt {
			end, err := r.s.f.Seek(0, io.SeekEnd)
			if err != nil {
				return 0, err
			}
			size += end
		}
		offset += size
	default:
		return 0, errors.New("spool: Seek: invalid whence")
	}
	if offset < 0 {
		return 0, errors.New("spool: Seek: negative position")
	}
	rest := offset
	r.chunk, r.off = 0, 0
	for r.chunk < len(r.s.chunks) && rest >= int64(len(r.s.chunks[r.chunk])) {
		rest -= int64(len(r.s.chunks[r.chunk]))
		r.chunk++
	}
	if r.chunk < len(r.s.chunks) {
		r.off = int(rest)
		rest = 0
	}
	if r.s.spilt {
		if _, err := r.s.f.Seek(rest, io.SeekStart); err != nil {
			return 0, err
		}
	}
	return offset, nil
}

// WriteTo writes the rest to w: each chunk in one write, then the file.
func (r *spoolReader) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for ; r.chunk < len(r.s.chunks); r.chunk, r.off = r.chunk+1, 0 {
		c := r.s.chunks[r.chunk][r.off:]
		if len(c) == 0 {
			continue
		}
		k, err := w.Write(c)
		n += int64(k)
		if err != nil {
			r.off += k
			return n, err
		}
	}
	if !r.s.spilt {
		return n, nil
	}
	k, err := io.Copy(w, r.s.f)
	return n + k, err
}
