//go:build unix

package main

import (
	"os"
	"syscall"
)

// inode is the inode number and link count of info's file.
func inode(info os.FileInfo) (ino, nlink uint64) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino), uint64(st.Nlink)
	}
	return 0, 0
}
