//go:build unix

package main

import (
	"os"
	"syscall"
)

// streamFile returns a copy of the descriptor of f (standard output or
// error), for pipeStream: Go ends the program on a write to a closed pipe
// only on descriptors 1 and 2. Where the descriptor cannot be copied
// (it is closed), f itself.
func streamFile(f *os.File) *os.File {
	fd, err := syscall.Dup(int(f.Fd()))
	if err != nil {
		return f
	}
	syscall.CloseOnExec(fd)
	return os.NewFile(uintptr(fd), f.Name())
}
