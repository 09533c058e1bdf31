//go:build !unix

package safefile

import (
	"io/fs"
	"os"
)

// linkCount is 1: the link count is not in os.FileInfo here.
func linkCount(os.FileInfo) uint64 { return 1 }

func keepOwner(*os.File, os.FileInfo) {}

// syncDir does nothing: folders cannot be opened for syncing here.
func syncDir(string) error { return nil }

// writable reports fs.ErrPermission for a read-only file.
func writable(_ string, info os.FileInfo) error {
	if info.Mode().Perm()&0o200 == 0 {
		return fs.ErrPermission
	}
	return nil
}
