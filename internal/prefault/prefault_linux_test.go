//go:build linux

package prefault

import (
	"syscall"
	"testing"
	"unsafe"
)

func TestMappingOf(t *testing.T) {
	maps := []byte(`00400000-004ac000 r-xp 00000000 fe:00 10891147                           /tmp/m
0058f000-0059a000 rw-p 0018f000 fe:00 10891147                           /tmp/m
2b593c000000-2b593f400000 ---p 00000000 00:00 0 
2b593f400000-2b593f800000 rw-p 00000000 00:00 0 
2b593f800000-2b5940000000 ---p 00000000 00:00 0 
7fff9f86c000-7fff9f88d000 rw-p 00000000 00:00 0                          [stack]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]`)
	tests := []struct {
		name   string
		maps   []byte
		addr   uintptr
		lo, hi uintptr
		ok     bool
	}{
		{"heap", maps, 0x2b593f628000, 0x2b593f400000, 0x2b593f800000, true},
		{"first byte", maps, 0x2b593f400000, 0x2b593f400000, 0x2b593f800000, true},
		{"reserved", maps, 0x2b593f800000, 0x2b593f800000, 0x2b5940000000, false},
		{"text", maps, 0x400100, 0x400000, 0x4ac000, false},
		{"data", maps, 0x590000, 0x58f000, 0x59a000, true},
		{"last line without newline", maps, 0xffffffffff600010, 0xffffffffff600000, 0xffffffffff601000, false},
		{"nowhere", maps, 0x1000, 0, 0, false},
		{"empty", nil, 0x1000, 0, 0, false},
		{"damaged", []byte("zz-2b\n2b593f400000 rw-p\n-\n2b593f400000-"), 0x2b593f400000, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi, ok := mappingOf(tt.maps, tt.addr)
			if ok != tt.ok || (tt.ok && (lo != tt.lo || hi != tt.hi)) {
				t.Errorf("mappingOf(%#x) = %#x, %#x, %v, want %#x, %#x, %v", tt.addr, lo, hi, ok, tt.lo, tt.hi, tt.ok)
			}
		})
	}
}

func TestPopulateRange(t *testing.T) {
	const lo, hi = 0x2b593f400000, 0x2b593f800000
	tests := []struct {
		name       string
		addr       uintptr
		start, end uintptr
	}{
		{"middle", lo + 0x100010, lo + 0xc0000, lo + 0x100010 + heapAbove},
		{"end of the mapping", lo + 0x228010, lo + 0x1e8000, hi},
		{"near the start", lo + 0x1000, lo, lo + 0x1000 + heapAbove},
		{"near the end", hi - 0x100, (hi - 0x100 - heapBelow) &^ 4095, hi},
		{"low address", 0x100, 0, 0x100 + heapAbove},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, h := uintptr(lo), uintptr(hi)
			if tt.addr < lo {
				l, h = 0, 1<<40
			}
			start, end := populateRange(tt.addr, l, h)
			if start != tt.start || end != tt.end {
				t.Errorf("populateRange(top %#x) = %#x–%#x, want %#x–%#x", tt.addr, start, end, tt.start, tt.end)
			}
		})
	}
}

// TestPopulate: populate puts the pages of a fresh mapping in place.
func TestPopulate(t *testing.T) {
	const size = 64 << 12
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Munmap(mem)
	lo := uintptr(unsafe.Pointer(&mem[0]))
	if n := resident(t, lo, lo+size); n != 0 {
		t.Fatalf("%d pages of a fresh mapping resident", n)
	}
	if !populate(lo+4096, lo+size-4096) {
		t.Skip("the kernel does not know MADV_POPULATE_WRITE (Linux 5.14)")
	}
	if n := resident(t, lo+4096, lo+size-4096); n != size/4096-2 {
		t.Errorf("%d of %d pages resident", n, size/4096-2)
	}
	if resident(t, lo, lo+4096) != 0 || resident(t, lo+size-4096, lo+size) != 0 {
		t.Error("pages outside the range put in place")
	}
}

// TestHeap: after Heap, the pages above the highest page of the heap in
// place are, for half of heapAbove (the heap may grow meanwhile), or up
// to the end of its mapping.
func TestHeap(t *testing.T) {
	lo, hi, ok := heapMapping()
	if !ok {
		t.Fatal("no writable mapping holds the heap")
	}
	top, ok := highestResident(lo, hi)
	if !ok {
		t.Fatal("mincore failed")
	}
	if top == hi {
		t.Skipf("the heap's mapping %#x–%#x is full", lo, hi)
	}
	Heap()
	end := min(hi, top+heapAbove/2) &^ 4095
	if n := resident(t, top, end); n != (end-top)/4096 {
		t.Errorf("%d of %d pages %#x–%#x resident after Heap", n, (end-top)/4096, top, end)
	}
}

// resident counts the resident pages of lo–hi.
func resident(t *testing.T, lo, hi uintptr) uintptr {
	t.Helper()
	vec := make([]byte, (hi-lo+4095)/4096)
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, lo, hi-lo, uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
		t.Fatalf("mincore: %v", e)
	}
	var n uintptr
	for _, v := range vec {
		n += uintptr(v & 1)
	}
	return n
}
