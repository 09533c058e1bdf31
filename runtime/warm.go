package runtime

// hugePage is the size of a huge page on amd64 and arm64 (Linux).
const hugePage = 2 << 20

// warmHeapMax bounds the heap room warmHeap puts in place: a streaming
// eval of 300 k episodes (82 MB) touched some 12 MB of fresh heap; a
// larger input's heap grows past it as before.
const warmHeapMax = 16 << 20

// warmSize is the heap room to put in place before reading an input of
// size bytes (-1: unknown): a sixth of it, in whole huge pages, at most
// warmHeapMax; none below two huge pages (an input under 24 MB), where
// putting room in place that a small run never uses would cost more
// than the pages it saves (start-up on a small file is a few ms).
func warmSize(size int64) int {
	n := min(size/6, warmHeapMax) &^ (hugePage - 1)
	if n < 2*hugePage {
		return 0
	}
	return int(n)
}
