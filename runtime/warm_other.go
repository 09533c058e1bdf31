//go:build !linux

package runtime

// warmHeap does nothing here (see warm_linux.go).
func warmHeap(size int) {}
