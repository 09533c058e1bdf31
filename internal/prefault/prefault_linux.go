//go:build linux

package prefault

import (
	"syscall"
	"unsafe"
)

// madvPopulateWrite is MADV_POPULATE_WRITE (Linux 5.14): the pages of
// the range are put in place, writable, as if written to. Older kernels
// refuse it (EINVAL), and the pages then come one fault at a time as
// before.
const madvPopulateWrite = 23

// probe is an object of the heap, which tells Heap where the heap is.
var probe *[16]byte

// Heap puts in place the room of Go's heap around the highest page of
// it in place (the heap's newest spans, as Go cuts spans from the
// lowest free address): heapBelow below it and heapAbove above, within
// the mapping of the heap (Go maps its heap in steps of 4 MB, the rest
// of an arena reserved without access, which the advice must not
// reach). Pages already in place are left as they are. Where
// /proc/self/maps cannot be read, or the kernel does not know the
// advice, it does nothing.
func Heap() {
	lo, hi, ok := heapMapping()
	if !ok {
		return
	}
	top, ok := highestResident(lo, hi)
	if !ok {
		return
	}
	populate(populateRange(top, lo, hi))
}

// heapMapping returns the bounds of the mapping that holds the heap.
func heapMapping() (lo, hi uintptr, ok bool) {
	probe = new([16]byte)
	addr := uintptr(unsafe.Pointer(probe))
	probe = nil
	maps, ok := readMaps()
	if !ok {
		return 0, 0, false
	}
	return mappingOf(maps, addr)
}

// highestResident returns the end of the highest page of lo–hi that is
// in place (mincore), lo when none is.
func highestResident(lo, hi uintptr) (uintptr, bool) {
	lo &^= 4095
	vec := make([]byte, (hi-lo+4095)/4096)
	if len(vec) == 0 {
		return lo, true
	}
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, lo, hi-lo, uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
		return 0, false
	}
	for i := len(vec) - 1; i >= 0; i-- {
		if vec[i]&1 != 0 {
			return lo + uintptr(i+1)*4096, true
		}
	}
	return lo, true
}

// populateRange is the part of the mapping lo–hi that Heap puts in
// place around top, in whole pages.
func populateRange(top, lo, hi uintptr) (start, end uintptr) {
	start = max(lo, top-min(top, heapBelow)) &^ 4095
	end = min(hi, top+heapAbove)
	return start, end
}

// populate puts the pages of start–end in place; it reports whether the
// kernel did.
func populate(start, end uintptr) bool {
	if end <= start {
		return false
	}
	// By address: the range is no Go object, and the call keeps none.
	_, _, e := syscall.Syscall(syscall.SYS_MADVISE, start, end-start, madvPopulateWrite)
	return e == 0
}

// mappingOf returns the bounds of the mapping of maps (the text of
// /proc/self/maps) that holds addr, when it can be read and written.
func mappingOf(maps []byte, addr uintptr) (lo, hi uintptr, ok bool) {
	// Each line: "lo-hi perms offset dev inode path", lo and hi in hex.
	for len(maps) > 0 {
		line := maps
		maps = nil
		for i, c := range line {
			if c == '\n' {
				line, maps = line[:i], line[i+1:]
				break
			}
		}
		l, rest, ok1 := hex(line)
		if !ok1 || len(rest) == 0 || rest[0] != '-' {
			continue
		}
		h, rest, ok2 := hex(rest[1:])
		if !ok2 || len(rest) < 3 || rest[0] != ' ' {
			continue
		}
		if l <= addr && addr < h {
			return l, h, rest[1] == 'r' && rest[2] == 'w'
		}
	}
	return 0, 0, false
}

// hex reads the hexadecimal number (of at most 16 digits) at the start
// of b; ok is false when b does not start with a digit.
func hex(b []byte) (n uintptr, rest []byte, ok bool) {
	i := 0
	for ; i < len(b) && i < 16; i++ {
		c := b[i]
		switch {
		case '0' <= c && c <= '9':
			n = n<<4 | uintptr(c-'0')
		case 'a' <= c && c <= 'f':
			n = n<<4 | uintptr(c-'a'+10)
		default:
			return n, b[i:], i > 0
		}
	}
	return n, b[i:], i > 0
}

// readMaps reads /proc/self/maps with the system calls themselves (os
// would make the package's initialisation wait for its own).
func readMaps() ([]byte, bool) {
	fd, err := syscall.Open("/proc/self/maps", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, false
	}
	defer syscall.Close(fd)
	buf := make([]byte, 0, 8<<10)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return nil, false
		case n == 0:
			return buf, true
		}
		buf = buf[:len(buf)+n]
	}
}
