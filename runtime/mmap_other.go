//go:build !linux

package runtime

import (
	"io"
	"os"
)

// openFile opens an episode file; only on Linux is it mapped into memory.
func openFile(path string) (io.ReadCloser, error) { return os.Open(path) }
