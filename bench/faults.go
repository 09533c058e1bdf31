//go:build ignore

// Faults measures what memory costs the first time a process touches
// it, on Linux: 64 MB touched a 4 KB page at a time (writing first, and
// reading before writing, as a map's or a table's first look-up does),
// and 64 MB of huge pages put in place at once (MADV_HUGEPAGE and
// MADV_POPULATE_WRITE, as runtime/populate_linux.go does). The README's
// figures for the bench machine come from it:
//
//	go run bench/faults.go
//
// Each of three rounds maps fresh memory; the first round often finds
// memory the machine has not used since it started, which costs more.
package main

import (
	"fmt"
	"syscall"
	"time"
)

const (
	size          = 64 << 20
	page          = 4096
	hugePage      = 2 << 20
	madvHugepage  = 14
	madvNoHuge    = 15
	madvPopulateW = 23
)

func mapFresh(n int) []byte {
	m, err := syscall.Mmap(-1, 0, n, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		panic(err)
	}
	return m
}

// touch times touching every page of fresh 4 KB pages, reading each
// before writing it when read is true.
func touch(read bool) time.Duration {
	m := mapFresh(size)
	defer syscall.Munmap(m)
	_ = syscall.Madvise(m, madvNoHuge)
	var sink byte
	start := time.Now()
	for i := 0; i < size; i += page {
		if read {
			sink += m[i]
		}
		m[i] = 1 + sink
	}
	return time.Since(start)
}

// populate times putting size bytes of huge pages in place.
func populate() time.Duration {
	m := mapFresh(size + hugePage)
	defer syscall.Munmap(m)
	start := time.Now()
	if err := syscall.Madvise(m, madvHugepage); err != nil {
		panic(err)
	}
	if err := syscall.Madvise(m, madvPopulateW); err != nil {
		panic(err)
	}
	return time.Since(start)
}

func main() {
	perPage := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / (size / page) / 1000 }
	for range 3 {
		w, rw, hp := touch(false), touch(true), populate()
		fmt.Printf("4 KB pages: %.2f µs a page written first, %.2f µs read before written; 64 MB of huge pages put in place: %.1f ms\n",
			perPage(w), perPage(rw), float64(hp.Microseconds())/1000)
	}
}
