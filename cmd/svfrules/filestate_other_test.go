//go:build !unix

package main

import "os"

// inode is not known here.
func inode(os.FileInfo) (ino, nlink uint64) { return 0, 0 }
