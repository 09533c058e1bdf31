package safefile

import (
	"errors"
	"os"
	"syscall"
)

// reserve allocates the blocks for size bytes of f without changing its
// size or content (fallocate with FALLOC_FL_KEEP_SIZE), so that writing
// them later cannot find the disk full. A file system that cannot do it
// is no error: the copy then extends the file before overwriting it.
func reserve(f *os.File, size int64) error {
	const keepSize = 0x1 // FALLOC_FL_KEEP_SIZE
	if size == 0 {
		return nil
	}
	err := syscall.Fallocate(int(f.Fd()), keepSize, 0, size)
	if errors.Is(err, syscall.EOPNOTSUPP) || errors.Is(err, syscall.ENOSYS) || errors.Is(err, syscall.EINVAL) {
		return nil
	}
	return err
}
