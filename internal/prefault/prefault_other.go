//go:build !linux

package prefault

// Heap does nothing here: the pages of the heap come as they are first
// touched.
func Heap() {}
