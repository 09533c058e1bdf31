//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// linkCount is the number of hard links of the file info describes.
func linkCount(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepOwner gives the temporary file the target's owner and group, which
// only works as root or for a group the user is in; otherwise the new
// file belongs to the user, as with any editor that saves by renaming.
func keepOwner(f *os.File, info os.FileInfo) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && err != syscall.EINVAL {
		return err
	}
	return nil
}

// writable reports EACCES when the user may not write path (access(2),
// which lets root write anything, as open would).
func writable(path string, _ os.FileInfo) error {
	return syscall.Access(path, 2) // W_OK
}
