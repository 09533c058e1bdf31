// Package prefault puts in place, in one system call, the pages of Go's
// heap that a run of svfrules is about to touch for the first time.
//
// On the virtual machine of issue 16 the first touch of a fresh 4 KB
// page cost some 14–17 µs of CPU (a page fault, and the host's work
// behind it), while madvise(MADV_POPULATE_WRITE) puts a page in place
// for some 0.6 µs. A 100-row eval touched some 290 fresh pages of heap
// (and of goroutine stacks, which Go takes from the heap) after the
// runtime had started: a fifth of its 20 ms.
//
// Importing the package is enough: its initialisation calls Heap. It
// imports no more than syscall, so that it comes early among the
// program's initialisations, before those of the packages that fill
// the heap with their tables (unicode, encoding/xml, compress/flate, the
// participle lexer …).
package prefault

// heapBelow and heapAbove bound the room Heap puts in place around the
// heap's newest object: below it, pages of spans already in use that
// their later objects will touch; above it, the room the next spans are
// cut from, lowest address first. A 100-row eval allocates some 1.5 MB
// from the package initialisations on; room never used costs 0.6 µs a
// page, under 0.4 ms for all of it.
const (
	heapBelow = 256 << 10
	heapAbove = 2 << 20
)

func init() { Heap() }
