//go:build linux

package runtime

import (
	"sync"
	"syscall"
	"unsafe"
)

// populated returns room for n values of T, all zero, and what gives the
// room back once nothing refers to it any more (once); T must hold no
// pointers (the garbage collector does not look into the room).
//
// On Linux the room is mapped outside Go's heap, in huge pages (2 MB)
// when the kernel has them, with its pages in place before it is used.
// What costs is memory's first touch: on the bench's virtual machine of
// issue 16 each fresh 4 KB page cost about 14 µs (a page fault, and the
// host's own work behind it), and still 7 µs when mapped in place with
// MAP_POPULATE, which was 120 ms for 64 MB; in huge pages mapped in place
// 64 MB took 9 ms. Grouping 300 k shuffled episodes keeps some 55 MB of
// records here. Rooms are cut from regions of regionSize, so that small
// ones (a chunk of id hashes is 128 KB) share huge pages; a region is
// unmapped when all its rooms are given back. Where huge pages are off,
// the pages are 4 KB ones in place, as with MAP_POPULATE; where mapping
// fails, the room is an ordinary slice.
func populated[T any](n int) (s []T, release func()) {
	var zero T
	size := int(unsafe.Sizeof(zero)) * n
	if size <= 0 {
		return make([]T, n), func() {}
	}
	p, release := arena.take(size)
	if p == nil {
		return make([]T, n), func() {}
	}
	return unsafe.Slice((*T)(p), n), release
}

const (
	// regionSize is the size of the regions rooms are cut from; a room
	// of more than half of it gets a region of its own (a grouper's
	// table, which is given back when it grows, so its room is not kept).
	regionSize = 4 << 20
	// roomAlign aligns rooms to a cache line.
	roomAlign = 64
)

// arena hands out room from the current region.
var arena roomArena

type roomArena struct {
	mu  sync.Mutex
	cur *region // nil when none
}

// region is a mapping rooms are cut from.
type region struct {
	mapping []byte // as mmap returned it, for munmap
	mem     []byte // its part aligned to a huge page, rooms are cut from it
	off     int    // mem[:off] is taken
	rooms   int    // rooms not given back
}

// take returns size bytes of zero room and what gives them back, or nil
// when no memory could be mapped.
func (a *roomArena) take(size int) (unsafe.Pointer, func()) {
	a.mu.Lock()
	defer a.mu.Unlock()
	var r *region
	switch {
	case size > regionSize/2:
		r = newRegion((size + hugePage - 1) &^ (hugePage - 1))
	case a.cur != nil && a.cur.off+size <= len(a.cur.mem):
		r = a.cur
	default:
		// The region replaced stays mapped until its rooms are back
		// (give); one without rooms is never current, give unmaps it.
		r = newRegion(regionSize)
		if r != nil {
			a.cur = r
		}
	}
	if r == nil {
		return nil, nil
	}
	p := unsafe.Pointer(&r.mem[r.off])
	r.off = (r.off + size + roomAlign - 1) &^ (roomAlign - 1)
	r.rooms++
	var once sync.Once
	return p, func() { once.Do(func() { a.give(r) }) }
}

// give takes a room of r back; r is unmapped once all its rooms are back
// (the current region too: the next room maps a new one).
func (a *roomArena) give(r *region) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if r.rooms--; r.rooms > 0 {
		return
	}
	if a.cur == r {
		a.cur = nil
	}
	r.unmap()
}

func (r *region) unmap() { syscall.Munmap(r.mapping) }

// newRegion maps a region of size bytes (a multiple of hugePage), nil
// when it cannot.
func newRegion(size int) *region {
	// Mapped a huge page larger, so that an aligned part of size is in it.
	m, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE,
		syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil
	}
	skip := int(-uintptr(unsafe.Pointer(unsafe.SliceData(m))) & (hugePage - 1))
	mem := m[skip : skip+size : skip+size]
	// Both may fail (huge pages off, a kernel before 5.14): the pages
	// are then 4 KB ones, and put in place here, by touching them.
	_ = syscall.Madvise(mem, madvHugepage)
	if syscall.Madvise(mem, madvPopulateWrite) != nil {
		for i := 0; i < len(mem); i += 4096 {
			mem[i] = 0
		}
	}
	return &region{mapping: m, mem: mem}
}

// The madvise advice syscall does not name (linux/mman.h).
const (
	madvHugepage      = 14
	madvPopulateWrite = 23
)
