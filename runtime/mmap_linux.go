package runtime

import (
	"io"
	"os"
	"syscall"
)

// openFile opens an episode file. A regular file is mapped into memory,
// so that the parsing goroutines read its blocks where they are instead
// of copying them out of the kernel (the copying took a tenth of eval's
// time); the pages of blocks passed on are given back, so a large file
// does not stay in memory. Anything else is read as usual.
func openFile(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 || st.Size() != int64(int(st.Size())) {
		return f, nil
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		return f, nil
	}
	_ = syscall.Madvise(data, syscall.MADV_SEQUENTIAL)
	return &mappedFile{memReader: memReader{data: data}, f: f}, nil
}

// mappedFile is a file mapped into memory; it is a memoryInput.
type mappedFile struct {
	memReader
	f        *os.File
	released int // bytes given back, a multiple of the page size
}

func (m *mappedFile) release(offset int) {
	end := offset &^ (os.Getpagesize() - 1)
	if end > m.released {
		_ = syscall.Madvise(m.data[m.released:end], syscall.MADV_DONTNEED)
		m.released = end
	}
}

// Stat describes the file, as os.File.Stat does.
func (m *mappedFile) Stat() (os.FileInfo, error) { return m.f.Stat() }

func (m *mappedFile) Close() error {
	err := syscall.Munmap(m.data)
	m.data = nil
	if cerr := m.f.Close(); err == nil {
		err = cerr
	}
	return err
}
