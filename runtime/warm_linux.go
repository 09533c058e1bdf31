//go:build linux

package runtime

import (
	gort "runtime"
	"syscall"
	"unsafe"
)

// warmHeap puts size bytes of room in Go's heap in place, in huge pages
// where the kernel has them, and leaves them free for the run's
// allocations. On the bench's virtual machine of issue 16 a fresh 4 KB
// page of the heap cost some 14 µs at its first touch (a page fault and
// the host's work behind it), some 3 500 pages on a 300 k-episode
// eval, a tenth of its CPU; a huge page put in place costs about what
// one 4 KB page does. Go's heap does not ask for huge pages itself (THP
// is "madvise" on most systems), so the room is taken as one large
// object, advised and put in place here, and given back to the heap by
// a collection, which finds nothing else to do this early in a run; the
// heap then uses it for the small objects that follow. Nothing is done
// when the advice fails: the pages are then put in place one by one as
// before.
func warmHeap(size int) {
	if size <= 0 {
		return
	}
	b := make([]byte, size+hugePage)
	skip := int(-uintptr(unsafe.Pointer(unsafe.SliceData(b))) & (hugePage - 1))
	mem := b[skip : skip+size]
	if syscall.Madvise(mem, madvHugepage) == nil {
		_ = syscall.Madvise(mem, madvPopulateWrite)
	}
	gort.KeepAlive(b)
	b, mem = nil, nil
	gort.GC()
}
