package runtime

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"math/bits"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/rcc/svfrules/runtime/input"
)

// The pipeline's side of evaluating episodes on the goroutines that parse
// them (see input/local.go): the collector is an input.LocalSink, and a
// localEval its input.Local. A block's local episodes come to the
// collector as one localBlock, with their ids' hashes and whether the ids
// increase, so that it still sees every id, in input order, to find ids
// that come back (then the run starts again, grouping).

// localEval evaluates episodes on one parsing goroutine.
type localEval struct {
	ev     *Evaluator
	render Renderer
	seed   idSeed
	r      EpisodeResult
	lb     *localBlock // the block's so far; nil before its first episode
	// newBlock returns an empty localBlock: one the collector took
	// before, when there is one.
	newBlock func() *localBlock
	// quit is set once the pass is known to be wasted (an id came back:
	// the run starts again, grouping); abandon sets it, from here.
	quit    *atomic.Bool
	abandon func()
	seen    hashSet // the block's ids' hashes, once they stop increasing
}

// localBlock is what the local episodes of a block gave.
type localBlock struct {
	out    bytes.Buffer // rendered, in input order
	hashes []uint64     // of their ids, in input order
	order  idOrder      // whether their ids increase
	tally  tally
}

func (lb *localBlock) reset() {
	lb.out.Reset()
	lb.hashes = lb.hashes[:0]
	lb.order = idOrder{}
}

// Episode evaluates ep, renders it and notes its id. An id that comes
// back within the block ends the pass at once: with rows shuffled, that
// is within the first few hundred rows, and evaluating and rendering the
// rest of the blocks under way (every row an episode of its own) cost
// more than grouping the whole input.
func (l *localEval) Episode(ep *input.Episode) {
	if l.lb == nil { // before quitting: Done returns a block
		l.lb = l.newBlock()
	}
	if l.quit.Load() {
		return
	}
	h := idHash(l.seed, ep.ID)
	if !l.lb.order.nextCopy(ep.ID) {
		if l.seen.len == 0 { // the order broke here: note the ids before
			for _, x := range l.lb.hashes {
				l.seen.add(x)
			}
		}
		if !l.seen.add(h) {
			l.abandon()
			return
		}
	}
	evaluateOne(l.ev, ep, &l.r, l.render, &l.lb.out)
	l.lb.tally.add(&l.r)
	l.lb.hashes = append(l.lb.hashes, h)
}

// Done returns the block's *localBlock.
func (l *localEval) Done() any {
	lb := l.lb
	l.lb = nil
	l.seen.reset()
	return lb
}

// hashSet is a set of id hashes, for the ids of one block: open
// addressing in a table that is cleared, not freed, between blocks.
type hashSet struct {
	slots []uint64 // 0 is empty; a hash of 0 is kept as 1
	len   int
}

// add adds h and reports whether it was not there.
func (s *hashSet) add(h uint64) bool {
	if h == 0 {
		h = 1
	}
	if 2*(s.len+1) > len(s.slots) {
		old := s.slots
		s.slots, s.len = make([]uint64, max(1024, 2*len(old))), 0
		for _, x := range old {
			if x != 0 {
				s.add(x)
			}
		}
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return false
		case 0:
			s.slots[i] = h
			s.len++
			return true
		}
	}
}

func (s *hashSet) reset() {
	if s.len > 0 {
		clear(s.slots)
		s.len = 0
	}
}

// idOrder follows whether ids increase: then none can come back, and
// checking that costs a comparison instead of a lookup in a set of every
// id (random access to a large table, which took a fifth of eval's time
// on a sorted export). Exports are usually sorted by id, as text
// ("E10" < "E9") or as numbers ("E9" < "E10": shorter first).
//
// The ids are compared in capitals (foldCompare), as idHash hashes
// them: ids that differ only in case ("e4", "E4") are not in increasing
// order, so the run looks them up and groups the input, where the
// grouper names them (Summary.CaseIDs). An export whose ids are in
// capitals already compares as before; one sorted as text whose ids
// have small letters and one of [\]^_` where another has a letter may
// not increase in capitals, and is then checked by lookups: slower,
// never wrong.
type idOrder struct {
	first, last string
	// lastBuf holds last's bytes for nextCopy, written again at each
	// id; follow clones last when it is there.
	lastBuf        []byte
	started        bool
	broken         bool // neither order holds any more
	asText, asNums bool // the ids so far increase in that order
}

// next notes id and reports whether the ids still increase.
func (o *idOrder) next(id string) bool {
	return o.follow(&idOrder{first: id, last: id, started: true, asText: true, asNums: true})
}

// nextCopy is next for an id whose bytes the reader uses again after
// the call (input.Local): the order keeps copies, the first id cloned,
// the last in a buffer of its own (an allocation per id would be the
// fresh memory the reader no longer takes for ids).
func (o *idOrder) nextCopy(id string) bool {
	if o.started && !o.broken {
		// What next and follow do for one id after others, without
		// building an idOrder for it, and comparing once: this runs for
		// every episode.
		c := foldCompare(id, o.last)
		o.asText = o.asText && c > 0
		o.asNums = o.asNums && (len(id) > len(o.last) || len(id) == len(o.last) && c > 0)
		o.broken = !o.asText && !o.asNums
		o.lastBuf = append(o.lastBuf[:0], id...)
		o.last = unsafe.String(unsafe.SliceData(o.lastBuf), len(o.lastBuf))
		return !o.broken
	}
	first := !o.started
	ok := o.next(id)
	if first {
		o.first = strings.Clone(id)
	}
	o.lastBuf = append(o.lastBuf[:0], id...)
	o.last = unsafe.String(unsafe.SliceData(o.lastBuf), len(o.lastBuf))
	return ok
}

// follow notes the ids of r, which come after o's, and reports whether
// the ids still increase.
func (o *idOrder) follow(r *idOrder) bool {
	switch {
	case !r.started:
	case o.broken:
	case !o.started:
		*o = *r
		o.lastBuf = nil
		if r.lastBuf != nil { // r writes its last id again (nextCopy)
			o.last = strings.Clone(r.last)
		}
	default:
		o.asText = o.asText && r.asText && foldCompare(r.first, o.last) > 0
		o.asNums = o.asNums && r.asNums && (len(r.first) > len(o.last) || len(r.first) == len(o.last) && foldCompare(r.first, o.last) > 0)
		o.broken = !o.asText && !o.asNums
		o.last = r.last
		if r.lastBuf != nil {
			o.last = strings.Clone(r.last)
		}
	}
	return !o.broken
}

// idSeed is what idHash hashes with: a maphash seed, for long ids, and
// keys made from it, for short ones (mixID). It is random for each run.
type idSeed struct {
	seed       maphash.Seed
	k0, k1, k2 uint64
}

// newIDSeed returns a random idSeed.
func newIDSeed() idSeed {
	s := maphash.MakeSeed()
	return idSeed{seed: s, k0: maphash.String(s, "k0"), k1: maphash.String(s, "k1"), k2: maphash.String(s, "k2")}
}

// idHash hashes an episode id in capitals, so that ids that differ only
// in case ("e4", "E4") have one hash: the run sees them as an id that
// came back and groups the input, where the grouper tells them apart
// and names them (grouper.add). An id without small letters, as most
// exports write them, is hashed as it is (hashCapitals).
//
// An id of up to 16 bytes (most are a dozen or fewer) is read as two
// words, put in capitals in them and mixed there (mixID): through
// foldWords and maphash.String (three calls, and aeshash's set-up for a
// few bytes) it took some 150 instructions, which every run of a grouped
// input pays, 260 M of the 7.7 G of a shuffled 300 k-episode eval
// (issue 16).
func idHash(seed idSeed, id string) uint64 {
	if n := len(id); n <= 16 {
		if a, b := idWords(id); (a|b)&highBits == 0 { // ASCII
			// A small letter has bit 0x20, which its capital has not;
			// foldBytes marks it with 0x80.
			return mixID(seed, a&^(foldBytes(a)>>2), b&^(foldBytes(b)>>2), n)
		}
	} else if !foldWords(id) {
		return maphash.String(seed.seed, id)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c >= utf8.RuneSelf {
			return hashCapitals(seed, strings.ToUpper(id))
		}
		if 'a' <= c && c <= 'z' {
			var buf [64]byte
			// A non-ASCII letter further on has its capital too, as
			// foldCompare takes it ("s0ö" is "S0Ö").
			if len(id) > len(buf) || strings.ContainsFunc(id[i+1:], func(r rune) bool { return r >= utf8.RuneSelf }) {
				return hashCapitals(seed, strings.ToUpper(id))
			}
			b := buf[:len(id)]
			for j := range len(id) {
				b[j] = upperASCII(id[j])
			}
			return hashCapitals(seed, unsafe.String(&b[0], len(b)))
		}
	}
	return hashCapitals(seed, id)
}

// hashCapitals is idHash of an id in capitals (as idHash makes them).
func hashCapitals(seed idSeed, id string) uint64 {
	if len(id) <= 16 {
		a, b := idWords(id)
		return mixID(seed, a, b, len(id))
	}
	return maphash.String(seed.seed, id)
}

// highBits has the high bit of each byte.
const highBits = 0x8080808080808080

// idWords reads an id of up to 16 bytes as two words, as the runtime's
// own hash without AES does: from 8 bytes on the first eight and the
// last eight (which may overlap), from 4 the first four and the last
// four, below that the first, middle and last byte. A small letter is
// at the same place in a word as its capital would be, so foldBytes
// finds it there.
func idWords(id string) (a, b uint64) {
	n := len(id)
	p := unsafe.Slice(unsafe.StringData(id), n) // only read
	le := binary.LittleEndian
	switch {
	case n >= 8:
		return le.Uint64(p), le.Uint64(p[n-8:])
	case n >= 4:
		return uint64(le.Uint32(p)), uint64(le.Uint32(p[n-4:]))
	case n > 0:
		return uint64(p[0]) | uint64(p[n>>1])<<8 | uint64(p[n-1])<<16, 0
	}
	return 0, 0
}

// mixID mixes the words of an id of n bytes (idWords) with the seed's
// keys, as the runtime's hash without AES mixes a key of up to 16
// bytes: two 64-bit products folded to 64 bits.
func mixID(seed idSeed, a, b uint64, n int) uint64 {
	return mix64(seed.k2^uint64(n), mix64(a^seed.k0, b^seed.k1))
}

// mix64 is the 128-bit product of a and b folded to 64 bits.
func mix64(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// foldWords reports whether id (of eight bytes or more) may have a small
// letter or a byte outside ASCII, looking at eight bytes at a time (the
// last eight may overlap the ones before): a byte at a time, the look
// was half of idHash, which every run of a grouped input goes through
// (issue 16).
func foldWords(id string) bool {
	b := unsafe.Slice(unsafe.StringData(id), len(id)) // only read
	odd := foldBytes(binary.LittleEndian.Uint64(b[len(b)-8:]))
	for i := 0; i+8 <= len(b); i += 8 {
		odd |= foldBytes(binary.LittleEndian.Uint64(b[i:]))
	}
	return odd != 0
}

// foldBytes has the high bit set of each byte of w that is a small
// letter or not ASCII (and no other bit). A byte's low seven bits plus
// 0x80-'a' reach 0x80 from 'a' on, plus 0x80-'z'-1 from past 'z'; the
// sums do not carry into the next byte.
func foldBytes(w uint64) uint64 {
	const (
		low7  = 0x7F7F7F7F7F7F7F7F
		high  = 0x8080808080808080
		fromA = 0x0101010101010101 * (0x80 - 'a')
		pastZ = 0x0101010101010101 * (0x80 - 'z' - 1)
	)
	ascii := w & low7
	return (w | (ascii+fromA)&^(ascii+pastZ)) & high
}

// foldCompare compares a and b in capitals, as idHash hashes them. It
// skips their common prefix first: ids that follow each other in an
// export share most of it ("S00000001", "S00000002").
func foldCompare(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	for ; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if x >= utf8.RuneSelf || y >= utf8.RuneSelf {
			return strings.Compare(strings.ToUpper(a), strings.ToUpper(b))
		}
		if x, y = upperASCII(x), upperASCII(y); x != y {
			return int(x) - int(y)
		}
	}
	return len(a) - len(b)
}

func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}
