package runtime

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sync"
	"unsafe"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime/input"
)

// Grouping the runs of each episode, when an episode's rows are not
// adjacent (Run's second pass).
//
// Every episode of the input is in memory until the input is read, so it
// is kept in compact records, not as input.Episode values (which took
// about 0.9 KB per episode): an episode is a groupRec of 60 bytes, its
// attributes indexes into one table of the distinct values, its id in a
// chunk of ids, its events eventRecs of 16 bytes (the code as a number,
// the date as days, the place as file index and row) linked from the
// last to the first, all in chunks without pointers. The input.Episode a
// renderer sees is filled from them again when the episode is evaluated,
// one per worker.
//
// A run (adjacent rows of one episode) comes either as an input.Episode
// (Sink.Episode: the first and last runs of a CSV block, and every run of
// the other readers) or, for the runs inside a CSV block, already turned
// into a pendingRun on the goroutine that parsed the block (groupLocal):
// the merge that is left for the collector's goroutine is a lookup of
// the id and appending the events.

// eventRec is one event of a grouped episode.
type eventRec struct {
	prev uint32 // index+1 of the episode's event before this one, 0 for its first
	row  uint32 // the row's line number
	// packed holds the date (compiler.Day plus dateBias), the code's
	// number (codeKey, or an index of grouper.others) and the index of
	// the input in grouper.files, in dateBits, codeBits and the rest.
	packed uint64
}

const (
	dateBits = 20 // days from 1535 to 3405: the readers take years 1900 to 2999
	codeBits = 20
	fileBits = 64 - dateBits - codeBits
	dateBias = 1 << (dateBits - 1)
	// noCode is the code of an eventRec whose code grouper.add must
	// number from the event as read (pendingRun.text).
	noCode = 1<<codeBits - 1
)

func (e *eventRec) date() compiler.Day {
	return compiler.Day(int64(e.packed&(1<<dateBits-1)) - dateBias)
}
func (e *eventRec) code() uint32 { return uint32(e.packed >> dateBits & (1<<codeBits - 1)) }
func (e *eventRec) file() uint32 { return uint32(e.packed >> (dateBits + codeBits)) }

// setCode and setFile set the code and the file (both 0 before).
func (e *eventRec) setCode(k uint32) { e.packed = e.packed&^(noCode<<dateBits) | uint64(k)<<dateBits }
func (e *eventRec) setFile(f uint32) { e.packed |= uint64(f) << (dateBits + codeBits) }

// packDate packs d with code k (noCode when it is not known yet); ok is
// false for a date the readers never give.
func packDate(d compiler.Day, k uint32) (packed uint64, ok bool) {
	x := int64(d) + dateBias
	if x < 0 || x >= 1<<dateBits {
		return 0, false
	}
	return uint64(x) | uint64(k)<<dateBits, true
}

// groupRec is one grouped episode. Its attributes are indexes into
// grouper.vals (0 is no value), in the order of the attrNames. It holds
// no pointer (the id is where keepID put it), so that the collector
// neither scans the grouped episodes nor slows writing them. It is 64
// bytes, a cache line, and the chunks it is in are aligned to one: the
// lookup of an id then reads one line of the record, which holds the id
// itself when it is short (idRef).
type groupRec struct {
	id       idRef
	last     uint32 // index+1 of its last event, 0 when it has none
	file     uint32 // index in grouper.files of the input of its first run
	firstRow uint32
	rows     uint32
	attrs    [numGroupAttrs]uint32
	age      int32 // the readers take ages up to 130
	hasAge   bool
	absent   compiler.AttrSet
	rejected bool // it has rejected rows: grouper.rejected has them
}

// idRef is an id of n bytes: in b itself when n <= idInline (most ids
// are a dozen characters or fewer), else bytes off to off+n of
// grouper.idChunks[chunk], with chunk and off in b (idRef.far). Kept
// in the record, a short id is compared without another read far away
// in memory, which with the rows of an episode not adjacent was a
// third wait in each lookup.
type idRef struct {
	n uint32
	b [idInline]byte
}

// idInline is the longest id an idRef holds itself.
const idInline = 12

// far returns the chunk and offset of an id longer than idInline.
func (r *idRef) far() (chunk, off uint32) {
	return binary.LittleEndian.Uint32(r.b[0:4]), binary.LittleEndian.Uint32(r.b[4:8])
}

// The attributes of a groupRec, in the order conflicts are looked for.
const (
	attrRegion = iota
	attrSex
	attrCounty
	attrReferring
	attrDiagnosis
	attrIntent
	numGroupAttrs
)

// attrNames name the attributes in conflict messages.
var attrNames = [numGroupAttrs]string{"region", "sex", "county", "referring_region", "diagnosis", "intent"}

const (
	groupShift = 12 // groupRecs per chunk: 1 << groupShift
	eventShift = 15 // eventRecs per chunk
	// codeKeys is the number of codes a reader can pass (V, two letters
	// or digits, two digits: the RawCodes); a RawCode past them, which
	// only a caller other than the readers makes, is numbered after
	// them.
	codeKeys = 36 * 36 * 100
	// maxGrouped bounds the episodes, events and row numbers of a
	// grouped input: they are 32-bit numbers. (The inputs are bounded
	// by fileBits, the codes by codeBits.)
	maxGrouped = math.MaxUint32 - 1
)

// grouper keeps the grouped episodes of one run, in the order their
// first rows were read.
type grouper struct {
	seed   idSeed
	table  []uint64 // open addressing: hash<<32 | index+1 of the group; 0 is empty
	groups [][]groupRec
	n      int // groups
	events [][]eventRec
	nev    int // events
	// files are the inputs' names, with their indexes.
	files   []string
	fileIdx map[string]uint32
	// vals are the attribute values (vals[0] is ""), valIdx their
	// indexes; the parsing goroutines add to them (valCache), under
	// valMu, while the input is read.
	valMu  sync.Mutex
	vals   []string
	valIdx map[string]uint32
	// oneVals numbers the values of the runs that come as input.Episode,
	// oneCodes holds the codes they had.
	oneVals  valCache
	oneCodes codeSet
	// codes are the codes by codeKey, by prefix (meetCode: nil and not
	// met until an event has them); otherCodes the RawCodes past
	// codeKeys, numbered from codeKeys on, others their numbers.
	codes      [codeKeys / 100]*codePrefix
	otherCodes []compiler.RawCode
	others     map[compiler.RawCode]uint32
	// prog is the program the grouped episodes are evaluated with, nil
	// for none; otherIDs are its CodeIDs of otherCodes (see codePrefix).
	prog     *compiler.Program
	otherIDs []compiler.CodeID
	// rejected are the rejected rows of the groups that have some, in the
	// order input.Episode.Rejected has them.
	rejected map[uint32][]input.Rejection
	// reject passes on a rejected row (the collector's Reject).
	reject func(input.Rejection)
	// header is a file's own header of a field's column, "" for none
	// (the collector's header), so a rejected row names it as the
	// readers' rejections do.
	header func(file, field string) string
	err    error // the input is too large to group; the rest is dropped
	// one is the block of a run that comes as an input.Episode.
	one groupBlock
	// idChunks hold the ids (see keepID); the last one is filled.
	idChunks [][]byte
	// warmed is what warm read, kept so that the reads are not left out.
	warmed uint64
	// caseIDs are the groups whose ids differ only in case (the earlier
	// group, the later), in the order the later ones were first read:
	// they stay two episodes, and the summary names them (CaseIDs).
	caseIDs [][2]uint32
	// merged is set when a run joined an episode read before: the rows
	// of an episode were not adjacent.
	merged bool
	// releases give back the room of the chunks of groups and events
	// (populated), once the run is over (release).
	releases []func()
	// releaseTable gives back the room of table (populated; nil for the
	// first table, an ordinary slice).
	releaseTable func()
}

// release gives back the room of the chunks of groups and events; the
// grouper is not used after.
func (g *grouper) release() {
	for _, r := range g.releases {
		r()
	}
	if g.releaseTable != nil {
		g.releaseTable()
	}
	g.releases, g.groups, g.events, g.table, g.releaseTable = nil, nil, nil, nil, nil
}

// newGrouper returns an empty grouper; its reject is set by the caller.
func newGrouper(seed idSeed) *grouper {
	g := &grouper{seed: seed, table: make([]uint64, 1<<10), fileIdx: map[string]uint32{},
		vals: []string{""}, valIdx: map[string]uint32{"": 0},
		others: map[compiler.RawCode]uint32{}, rejected: map[uint32][]input.Rejection{}}
	g.oneVals.g = g
	return g
}

// valCacheSize is the size of valCache's cache; a value is looked for in
// valCacheWays entries from its slot on.
const (
	valCacheBits = 10
	valCacheSize = 1 << valCacheBits
	valCacheWays = 4
)

// valEntry is an entry of valCache: a string, by where its bytes are,
// and its index in grouper.vals.
type valEntry struct {
	p   *byte
	n   int
	idx uint32
}

// valCache numbers attribute values by g.vals for one goroutine. The
// readers share one string for a value that repeats, so most values are
// found in a small cache by where their bytes are instead of hashing
// them; only a value the cache misses is looked up in g.valIdx, under
// g.valMu. The cache keeps the strings it names alive, so an address
// cannot come back with other bytes.
//
// A value is looked for in its slot (cached), then in the few entries
// after it (miss): an input's hundred or so values took one slot each,
// and as many values as that have a dozen pairs that share a slot;
// where two of the ones every run has did, they took it from each other
// run after run, each time a lookup in valIdx under the lock: some
// 200 M instructions of a shuffled 300 k-episode eval, or none, as
// the values' addresses fell (issue 16).
//
// The runs parsed on other goroutines are numbered there, by g.vals
// itself: numbered by a dictionary of their block's, they were looked up
// again on the goroutine all runs go through, six values a run.
type valCache struct {
	g      *grouper
	e      [valCacheSize]valEntry
	looked int // the values looked up in valIdx (miss)
}

// valSlot is the slot of valCache.e where a value whose bytes are at p
// is looked for first. By every bit of the address: short values are
// allocated a few bytes apart in one block (Go's tiny allocator), and a
// slot by the address without its low three bits (as before) gave
// values side by side one slot.
func valSlot(p *byte) uint64 {
	return uint64(uintptr(unsafe.Pointer(p))) * 0x9E3779B97F4A7C15 >> (64 - valCacheBits)
}

// cached returns the index of attribute value s in g.vals when its slot
// has it; else ok is false, for miss. It calls nothing, so that it is
// inlined where the runs' values are numbered (groupBlock.add): a call
// per value, six a run, was a third of the instructions of numbering
// them (issue 16). The empty
// value (0) needs no test of its own: its bytes are nowhere (nil), and
// the entry of nil is found empty ({nil, 0, 0}) unless a value took it,
// when miss gives 0.
func (c *valCache) cached(s string) (idx uint32, ok bool) {
	p := unsafe.StringData(s)
	e := &c.e[valSlot(p)]
	return e.idx, e.p == p && e.n == len(s)
}

// miss returns the index of attribute value s in g.vals, adding it, for
// a value its slot does not have (cached): from the entries after the
// slot, else from g.valIdx. A value looked up there takes the first
// free entry from its slot on, else its slot's.
func (c *valCache) miss(s string) uint32 {
	if s == "" {
		return 0 // not kept: its entry may be another value's
	}
	p := unsafe.StringData(s)
	i := valSlot(p)
	free := -1
	for k := range valCacheWays {
		e := &c.e[(i+uint64(k))%valCacheSize]
		if e.p == p && e.n == len(s) {
			return e.idx
		}
		if free < 0 && e.p == nil {
			free = k
		}
	}
	c.looked++
	g := c.g
	g.valMu.Lock()
	idx, ok := g.valIdx[s]
	if !ok {
		idx = uint32(len(g.vals))
		g.vals = append(g.vals, s)
		g.valIdx[s] = idx
	}
	g.valMu.Unlock()
	if free < 0 {
		free = 0 // the slot's own entry: the others stay
	}
	c.e[(i+uint64(free))%valCacheSize] = valEntry{p, len(s), idx}
	return idx
}

// valString returns value idx while the input is read (g.vals may grow
// on another goroutine then).
func (g *grouper) valString(idx uint32) string {
	g.valMu.Lock()
	defer g.valMu.Unlock()
	return g.vals[idx]
}

// file returns the index of input name in g.files, adding it.
func (g *grouper) file(name string) uint32 {
	if n := len(g.files); n > 0 && g.files[n-1] == name {
		return uint32(n - 1)
	}
	idx, ok := g.fileIdx[name]
	if !ok {
		idx = uint32(len(g.files))
		g.files = append(g.files, name)
		g.fileIdx[name] = idx
	}
	return idx
}

// codeKey is a code's number among the codes the readers pass: its
// RawCode, which numbers them from 0 to codeKeys-1. ok is false for a
// RawCode past them, which only a caller other than the readers makes.
func codeKey(c compiler.RawCode) (key uint32, ok bool) { return uint32(c), c < codeKeys }

// code returns the number of a code that has no codeKey, adding it to
// g.otherCodes.
func (g *grouper) code(c compiler.RawCode) uint32 {
	k, ok := g.others[c]
	if !ok {
		k = uint32(codeKeys + len(g.otherCodes))
		g.otherCodes = append(g.otherCodes, c)
		g.otherIDs = append(g.otherIDs, g.codeID(c))
		g.others[c] = k
	}
	return k
}

// codePrefix is the codes of one prefix met (meetCode), by their two
// digits: whether they were met and their CodeID in grouper.prog, which
// the evaluation of every grouped event needs (Program.IDOf, which
// toEpisode would look up again for each event).
type codePrefix struct {
	met [100]bool
	id  [100]compiler.CodeID
}

// codeID is code c's CodeID in g.prog, as toEpisode gives it; 0 without
// a program.
func (g *grouper) codeID(c compiler.RawCode) compiler.CodeID {
	if g.prog == nil {
		return 0
	}
	return g.prog.IDOf(c)
}

// meetCode looks up code k's CodeID (k < codeKeys) when an event first
// has it. An input has a few hundred codes: making all 129 600 a reader
// can pass at once touched 2.7 MB of fresh memory (a page fault per 4 KB,
// some 500 of a shuffled eval's 5 400), which the collector then scanned
// at every collection. A code is met once per parsing goroutine (see
// codeSet), not once per event.
func (g *grouper) meetCode(k uint32) {
	pre := &g.codes[k/100]
	if *pre == nil {
		*pre = new(codePrefix)
	}
	if met := &(*pre).met[k%100]; !*met {
		*met = true
		(*pre).id[k%100] = g.codeID(compiler.RawCode(k))
	}
}

// codeSet is the codes (by codeKey) one goroutine has put in a
// groupBlock. A block lists the codes it is the first to have
// (groupBlock.met), and those are all addBlock meets (meetCode): a test
// of a bit here, where memory is near, instead of a look at the code's
// text among the grouper's, on the goroutine all runs go through, for
// every event.
type codeSet [codeKeys / 64]uint64

// groupBlock is runs of episodes made ready to be grouped, in input
// order: the runs inside one CSV block (groupLocal), or one run that came
// as an input.Episode. Runs are small (a block holds some 20 000 of them
// when every row is a run of its own, and several blocks are in flight):
// their attribute values are indexes into grouper.vals (valCache), their
// events eventRecs (without their file and links) in events.
type groupBlock struct {
	file   string // the input its runs are in
	runs   []pendingRun
	events []eventRec
	ids    []byte              // the runs' ids
	rejs   [][]input.Rejection // the runs' rejected rows (pendingRun.rej)
	texts  [][]input.Event     // events as read (pendingRun.text)
	met    []uint32            // the codes of its events no block of its goroutine had before (codeSet)
}

// pendingRun is one run of a groupBlock. It holds no pointer, as
// groupRec.
type pendingRun struct {
	id0, id1       uint32 // its id is the block's ids[id0:id1]
	hash           uint64 // of id
	firstRow, rows int
	vals           [numGroupAttrs]uint32 // indexes in grouper.vals
	age            int32
	hasAge         bool
	absent         compiler.AttrSet
	ev0, ev1       uint32 // its events are the block's events[ev0:ev1]
	// rej and text are the index+1 of its rejected rows in the block's
	// rejs, and of its events as read in texts (kept only when one of
	// them needs its text, see add); 0 when none.
	rej, text int32
}

// unknown marks an eventRec's row that grouper.add refuses (see
// groupBlock.add).
const unknown = math.MaxUint32

func (b *groupBlock) reset() {
	// runs hold no pointer (pendingRun): clearing them, some 300 KB a
	// block on the goroutine all blocks go through, let nothing go.
	clear(b.rejs)
	clear(b.texts)
	b.runs, b.events, b.ids, b.rejs, b.texts, b.met = b.runs[:0], b.events[:0], b.ids[:0], b.rejs[:0], b.texts[:0], b.met[:0]
	b.file = ""
}

// add appends run ep to b (which holds runs of ep.File only). It keeps
// none of ep's slices but its Rejected, which the reader never reuses.
// Attribute values are numbered by vc, codes by codeKey (which needs
// nothing of the grouper), so that the parsing goroutines do it. An event whose code has no codeKey is
// marked noCode and the run's events are kept as read, for the merge to
// number the code; one whose row number is past maxGrouped, or whose
// date the readers never give, has its row marked unknown, for the
// merge to refuse.
func (b *groupBlock) add(ep *input.Episode, seed idSeed, vc *valCache, seen *codeSet) {
	b.file = ep.File
	// The run is written where it is kept: built on the stack and
	// copied there, its 80 bytes were stored twice, and the second
	// store waited on a cache line not yet read (a block's runs are
	// some 1.6 MB when every row is a run of its own).
	b.runs = append(b.runs, pendingRun{})
	run := &b.runs[len(b.runs)-1]
	run.id0, run.hash, run.firstRow, run.rows = uint32(len(b.ids)), idHash(seed, ep.ID), ep.FirstRow, ep.Rows
	run.age, run.hasAge, run.absent, run.ev0 = int32(ep.Age), ep.HasAge, ep.Absent, uint32(len(b.events))
	b.ids = append(b.ids, ep.ID...)
	run.id1 = uint32(len(b.ids))
	// Each value by cached, inlined, and miss only when the cache does
	// not have it: a loop over the six values (an array of them) cost
	// more than the calls it saved.
	vals := &run.vals
	var ok bool
	if vals[attrRegion], ok = vc.cached(ep.Region); !ok {
		vals[attrRegion] = vc.miss(ep.Region)
	}
	if vals[attrSex], ok = vc.cached(ep.Sex); !ok {
		vals[attrSex] = vc.miss(ep.Sex)
	}
	if vals[attrCounty], ok = vc.cached(ep.County); !ok {
		vals[attrCounty] = vc.miss(ep.County)
	}
	if vals[attrReferring], ok = vc.cached(ep.ReferringRegion); !ok {
		vals[attrReferring] = vc.miss(ep.ReferringRegion)
	}
	if vals[attrDiagnosis], ok = vc.cached(ep.Diagnosis); !ok {
		vals[attrDiagnosis] = vc.miss(ep.Diagnosis)
	}
	if vals[attrIntent], ok = vc.cached(ep.Intent); !ok {
		vals[attrIntent] = vc.miss(ep.Intent)
	}
	needText := false
	for _, e := range ep.Events {
		k, ok := codeKey(e.Code)
		if !ok {
			needText, k = true, noCode
		} else if w, bit := &seen[k/64], uint64(1)<<(k%64); *w&bit == 0 {
			*w |= bit
			b.met = append(b.met, k)
		}
		packed, okDate := packDate(e.Date, k)
		row := uint32(e.Row)
		if e.Row < 0 || int64(e.Row) > maxGrouped || !okDate {
			row = unknown
		}
		b.events = append(b.events, eventRec{row: row, packed: packed})
	}
	run.ev1 = uint32(len(b.events))
	if needText { // rare: the reader fills ep.Events again
		b.texts = append(b.texts, slices.Clone(ep.Events))
		run.text = int32(len(b.texts))
	}
	if ep.Rejected != nil {
		b.rejs = append(b.rejs, ep.Rejected)
		run.rej = int32(len(b.rejs))
	}
}

// addEpisode merges a run that comes as an input.Episode; the grouper
// keeps nothing of ep but its strings and Rejected.
func (g *grouper) addEpisode(ep *input.Episode) {
	g.one.add(ep, g.seed, &g.oneVals, &g.oneCodes)
	g.addBlock(&g.one)
	g.one.reset()
}

// addBlock merges the runs of b, in input order.
func (g *grouper) addBlock(b *groupBlock) {
	if len(b.runs) == 0 {
		return
	}
	fi := g.file(b.file)
	if fi >= 1<<fileBits {
		g.tooLarge(b.file)
		return
	}
	for _, k := range b.met {
		g.meetCode(k)
	}
	for i := range b.runs {
		if i%warmRuns == 0 {
			g.warm(b, b.runs[i:min(i+warmRuns, len(b.runs))])
		}
		g.add(b, &b.runs[i], fi)
	}
}

// warmRuns is how many runs warm reads ahead of the merge.
const warmRuns = 16

// warm reads, for each of runs (of b), the table slot where its id's
// lookup starts and, when that slot's hash matches, the group's record
// (and the first byte of its id when the record does not hold it), and
// drops what it read. With the rows of an episode not adjacent, each
// lookup is two or three reads far apart in memory, each waiting for the
// one before; made here for several runs
// at once, they wait together, and the lookups that follow find them in
// the cache. It changes nothing (the slots read may be taken by the
// lookups that follow: then they were only warmed in vain).
func (g *grouper) warm(b *groupBlock, runs []pendingRun) {
	mask := uint64(len(g.table) - 1)
	var idxs [warmRuns]uint32
	n := 0
	for i := range runs { // the slots: independent reads
		tag := runs[i].hash >> 32
		if s := g.table[tag&mask]; s != 0 && s>>32 == tag {
			idxs[n] = uint32(s) - 1
			n++
		}
	}
	var acc uint64
	for _, idx := range idxs[:n] { // the records, and the ids kept apart
		if ref := &g.rec(idx).id; ref.n > idInline {
			chunk, off := ref.far()
			acc += uint64(g.idChunks[chunk][off])
		} else {
			acc += uint64(ref.n)
		}
	}
	g.warmed += acc
}

// headerOf is file's header of field's column, "" when unknown.
func (g *grouper) headerOf(file, field string) string {
	if g.header == nil {
		return ""
	}
	return g.header(file, field)
}

// tooLarge stops grouping: the input is too large to group in memory.
func (g *grouper) tooLarge(file string) {
	g.err = fmt.Errorf(msg.GroupTooLarge, file, int64(maxGrouped))
}

// add merges run (of b, in input fi) into the episode with the same id.
// A run whose attributes contradict the episode's is rejected row by
// row: which value is right cannot be known.
func (g *grouper) add(b *groupBlock, run *pendingRun, fi uint32) {
	if g.err != nil {
		return
	}
	evs := b.events[run.ev0:run.ev1]
	id := b.ids[run.id0:run.id1]
	if int64(g.n) >= maxGrouped || int64(g.nev)+int64(len(evs)) > maxGrouped ||
		run.firstRow < 0 || int64(run.firstRow) > maxGrouped || run.rows < 0 || int64(run.rows) > maxGrouped {
		g.tooLarge(b.file)
		return
	}
	attrs := run.vals
	var rejected []input.Rejection
	if run.rej > 0 {
		rejected = b.rejs[run.rej-1]
	}
	idx, found, other := g.lookup(run.hash, id)
	if !found {
		idx = g.newGroup(run.hash)
		if other != 0 { // rare: ids that differ only in case
			g.caseIDs = append(g.caseIDs, [2]uint32{other - 1, idx})
		}
		r := g.rec(idx)
		*r = groupRec{file: fi, firstRow: uint32(run.firstRow), rows: uint32(run.rows), attrs: attrs,
			age: run.age, hasAge: run.hasAge, absent: run.absent}
		g.keepID(&r.id, id)
		if rejected != nil {
			r.rejected = true
			g.rejected[idx] = rejected
		}
		g.appendEvents(r, b, run, fi)
		return
	}
	g.merged = true
	r := g.rec(idx)
	// Most runs agree with the episode: that is seen here, without a call
	// of conflict (not inlined) for each run merged.
	var field, was, is string
	if !sameAttrs(&attrs, &r.attrs) || r.hasAge && run.hasAge && r.age != run.age {
		field, was, is = g.conflict(r, &attrs, run) // not every difference is a conflict
	}
	if field != "" {
		// The rows are missing from the episode: it is incomplete. Its
		// rejected rows are listed in row order, with the run's own.
		rej := g.rejected[idx]
		from := len(rej)
		rej = append(rej, rejected...)
		var last uint32
		for _, e := range evs {
			if e.row == last {
				continue // a JSON Lines row has several events: reject it once
			}
			if e.row == unknown {
				g.tooLarge(b.file)
				return
			}
			last = e.row
			x := input.Rejection{File: b.file, Row: int(e.row), Field: field, Header: g.headerOf(b.file, field), Episode: string(id),
				Reason: fmt.Sprintf(msg.GroupConflict, id, input.FieldName(field), is, was, g.files[r.file], r.firstRow, input.FieldName(field))}
			g.reject(x)
			rej = append(rej, x)
		}
		slices.SortStableFunc(rej[from:], func(a, b input.Rejection) int { return a.Row - b.Row })
		g.rejected[idx], r.rejected = rej, true
		return
	}
	if int64(r.rows)+int64(run.rows) > maxGrouped {
		g.tooLarge(b.file)
		return
	}
	if rejected != nil {
		g.rejected[idx] = append(g.rejected[idx], rejected...)
		r.rejected = true
	}
	if !sameAttrs(&attrs, &r.attrs) {
		for i, a := range attrs { // fill what the episode has no value for
			if r.attrs[i] == 0 {
				r.attrs[i] = a
			}
		}
	}
	if !r.hasAge && run.hasAge {
		r.age, r.hasAge = run.age, true
	}
	r.absent &= run.absent // an attribute one of its inputs has is there
	r.rows += uint32(run.rows)
	g.appendEvents(r, b, run, fi)
}

// conflict returns the first attribute on which the episode r and the
// run (with attribute indexes attrs) both have a value and differ, with
// the episode's value and the run's. add calls it only for a run whose
// values or age are not the episode's (most agree, and are compared at
// once there); a value one of them lacks is no conflict.
func (g *grouper) conflict(r *groupRec, attrs *[numGroupAttrs]uint32, run *pendingRun) (field, was, is string) {
	for i, a := range attrs {
		if a != 0 && r.attrs[i] != 0 && a != r.attrs[i] {
			return attrNames[i], g.valString(r.attrs[i]), g.valString(a)
		}
	}
	if r.hasAge && run.hasAge && r.age != run.age {
		return "age", fmt.Sprint(r.age), fmt.Sprint(run.age)
	}
	return "", "", ""
}

// sameAttrs reports whether a and b are the same values, without a
// branch per value or a call (comparing the arrays with != called
// memequal).
func sameAttrs(a, b *[numGroupAttrs]uint32) bool {
	var _ [numGroupAttrs - 6]struct{} // it compares six
	var _ [6 - numGroupAttrs]struct{}
	return (a[0]^b[0])|(a[1]^b[1])|(a[2]^b[2])|(a[3]^b[3])|(a[4]^b[4])|(a[5]^b[5]) == 0
}

// idArena is the size of the chunks keepID copies ids into.
const idArena = 64 << 10

// keepID sets ref to id: in ref itself when it is short, else copied
// into a chunk of the grouper's: the reader's ids share chunks of their
// own, most of which would be kept for the one id of a new episode in
// them; a string allocated per id takes its size rounded up, and a
// header; and a reference without a pointer keeps the grouped episodes
// out of the collector's way. An id longer than a sixteenth of a chunk
// gets a chunk of its own.
func (g *grouper) keepID(ref *idRef, id []byte) {
	ref.n = uint32(len(id))
	if len(id) <= idInline {
		copy(ref.b[:], id)
		return
	}
	n := len(g.idChunks)
	if n == 0 || len(id) > cap(g.idChunks[n-1])-len(g.idChunks[n-1]) {
		g.idChunks = append(g.idChunks, make([]byte, 0, max(idArena, len(id))))
		n++
	}
	c := &g.idChunks[n-1]
	off := len(*c)
	*c = append(*c, id...)
	binary.LittleEndian.PutUint32(ref.b[0:4], uint32(n-1))
	binary.LittleEndian.PutUint32(ref.b[4:8], uint32(off))
}

// id returns the bytes of the id *ref (which are never written again;
// a short one is in *ref, so ref must point into a record).
func (g *grouper) id(ref *idRef) []byte {
	if ref.n <= idInline {
		return ref.b[:ref.n:ref.n]
	}
	chunk, off := ref.far()
	return g.idChunks[chunk][off : off+ref.n : off+ref.n]
}

// rec returns group idx.
func (g *grouper) rec(idx uint32) *groupRec {
	return &g.groups[idx>>groupShift][idx&(1<<groupShift-1)]
}

// event returns event idx.
func (g *grouper) event(idx uint32) *eventRec {
	return &g.events[idx>>eventShift][idx&(1<<eventShift-1)]
}

// appendEvents appends the events of run (of b, in input fi) to r's
// events, linking each to the one before. An event marked by
// groupBlock.add is dealt with here: its code numbered, or the grouping
// refused. This is the only pass over a run's events on the collector's
// goroutine.
func (g *grouper) appendEvents(r *groupRec, b *groupBlock, run *pendingRun, fi uint32) {
	for i, e := range b.events[run.ev0:run.ev1] {
		if e.row == unknown {
			g.tooLarge(b.file)
			return
		}
		if e.code() == noCode {
			k := g.code(b.texts[run.text-1][i].Code)
			if k >= noCode {
				g.tooLarge(b.file)
				return
			}
			e.setCode(k)
		}
		if g.nev&(1<<eventShift-1) == 0 {
			chunk, release := populated[eventRec](1 << eventShift)
			g.events, g.releases = append(g.events, chunk), append(g.releases, release)
		}
		e.prev = r.last
		e.setFile(fi)
		*g.event(uint32(g.nev)) = e
		g.nev++
		r.last = uint32(g.nev)
	}
}

// lookup finds the group of id, whose hash is h (idHash). When there is
// none, other is the index+1 of a group whose id differs from id only in
// case (idHash gives both one hash, so it is on the way), 0 when none is.
func (g *grouper) lookup(h uint64, id []byte) (idx uint32, found bool, other uint32) {
	mask := uint64(len(g.table) - 1)
	tag := h >> 32
	for i := tag & mask; ; i = (i + 1) & mask {
		s := g.table[i]
		if s == 0 {
			return 0, false, other
		}
		if s>>32 != tag {
			continue
		}
		if ref := &g.rec(uint32(s) - 1).id; g.isID(ref, id) {
			return uint32(s) - 1, true, 0
		} else if other == 0 && bytes.EqualFold(g.id(ref), id) {
			other = uint32(s)
		}
	}
}

// isID reports whether *ref (in a record) is id. An id of 8 to idInline
// bytes, most of them, is compared as its first and last eight bytes:
// the call of memequal for its few bytes was a fifth of lookup's
// instructions, for every run of a grouped input (issue 16).
func (g *grouper) isID(ref *idRef, id []byte) bool {
	n := len(id)
	if ref.n != uint32(n) {
		return false
	}
	if n >= 8 && n <= idInline {
		le := binary.LittleEndian
		return le.Uint64(ref.b[:8]) == le.Uint64(id) && le.Uint64(ref.b[n-8:n]) == le.Uint64(id[n-8:])
	}
	return string(g.id(ref)) == string(id)
}

// newGroup adds a group whose id has hash h (not in the table) and
// returns its index.
func (g *grouper) newGroup(h uint64) uint32 {
	if 4*(g.n+1) > 3*len(g.table) {
		g.grow()
	}
	idx := uint32(g.n)
	if g.n&(1<<groupShift-1) == 0 {
		chunk, release := populated[groupRec](1 << groupShift)
		g.groups, g.releases = append(g.groups, chunk), append(g.releases, release)
	}
	g.n++
	g.place(h>>32<<32 | uint64(idx+1))
	return idx
}

// place puts slot s (hash<<32 | index+1) in the table.
func (g *grouper) place(s uint64) {
	mask := uint64(len(g.table) - 1)
	i := s >> 32 & mask
	for g.table[i] != 0 {
		i = (i + 1) & mask
	}
	g.table[i] = s
}

// grow doubles the table. Slots keep the upper half of their id's hash,
// which is where they go, so no id is hashed again.
func (g *grouper) grow() {
	old, releaseOld := g.table, g.releaseTable
	g.table, g.releaseTable = populated[uint64](2 * len(old))
	for _, s := range old {
		if s != 0 {
			g.place(s)
		}
	}
	if releaseOld != nil {
		releaseOld()
	}
}

// chainWays is how many groups' events chainWalk reads at once.
const chainWays = 8

// chainWalk reads the events of several groups. A group's events are
// linked from the last to the first, and scattered over the events of
// the whole input: each read waits for the one before. Walking the
// chains of several groups in turn, one link of each at a time, lets
// those waits overlap.
type chainWalk struct {
	evs [chainWays][]eventRec // each group's events, the last first
}

// walk reads the events of groups lo to lo+n-1 (n at most chainWays)
// into w.evs[0:n].
func (w *chainWalk) walk(g *grouper, lo uint32, n int) {
	var cur [chainWays]uint32
	for j := range n {
		w.evs[j] = w.evs[j][:0]
		cur[j] = g.rec(lo + uint32(j)).last
	}
	for more := true; more; {
		more = false
		for j := range n {
			if k := cur[j]; k != 0 {
				e := g.event(k - 1)
				w.evs[j] = append(w.evs[j], *e)
				cur[j] = e.prev
				more = true
			}
		}
	}
}

// fill fills in with group idx, whose events, the last first, are recs;
// with ep (not nil), it also fills ep's events as toEpisode would with
// g.prog (compactEvents).
func (g *grouper) fill(idx uint32, recs []eventRec, in *input.Episode, ep *compiler.Episode) {
	r := g.rec(idx)
	in.File, in.Files = g.files[r.file], in.Files[:0]
	if id := g.id(&r.id); len(id) > 0 {
		in.ID = unsafe.String(&id[0], len(id))
	} else {
		in.ID = ""
	}
	in.Region, in.Sex, in.County = g.vals[r.attrs[attrRegion]], g.vals[r.attrs[attrSex]], g.vals[r.attrs[attrCounty]]
	in.ReferringRegion, in.Diagnosis, in.Intent = g.vals[r.attrs[attrReferring]], g.vals[r.attrs[attrDiagnosis]], g.vals[r.attrs[attrIntent]]
	in.Age, in.HasAge = int(r.age), r.hasAge
	in.FirstRow, in.Rows, in.Absent = int(r.firstRow), int(r.rows), r.absent
	in.Rejected = nil
	if r.rejected {
		in.Rejected = g.rejected[idx]
	}
	evs := in.Events[:0]
	if ep != nil {
		ep.Events = ep.Events[:0]
	}
	for i := len(recs) - 1; i >= 0; i-- {
		e := &recs[i]
		k, date := e.code(), e.date()
		var code compiler.RawCode
		var id compiler.CodeID
		if k < codeKeys {
			code, id = compiler.RawCode(k), g.codes[k/100].id[k%100]
		} else {
			code, id = g.otherCodes[k-codeKeys], g.otherIDs[k-codeKeys]
		}
		// File holds the index in g.files until the events are in order.
		evs = append(evs, input.Event{Code: code, Date: date, Row: int(e.row), File: int32(e.file())})
		if ep != nil {
			ep.Events = append(ep.Events, compiler.Event{Code: id, Date: date})
		}
	}
	var files []uint32 // the indexes of in.Files
	for i := range evs {
		f := uint32(evs[i].File)
		if f == r.file {
			evs[i].File = 0
			continue
		}
		j := slices.Index(files, f)
		if j < 0 {
			files = append(files, f)
			in.Files = append(in.Files, g.files[f])
			j = len(files) - 1
		}
		evs[i].File = int32(j + 1)
	}
	in.Events = evs
}

// groupLocal makes the runs inside a CSV block ready to be grouped, on
// the goroutine that parses the block (an input.Local, when grouping):
// the reader then allocates no episode for them, and the collector's
// goroutine only merges them.
type groupLocal struct {
	seed  idSeed
	vals  *valCache
	codes *codeSet // the codes of the blocks made here
	blk   *groupBlock
	// newBlock returns an empty groupBlock, one the collector took
	// before if there is one.
	newBlock func() *groupBlock
}

// Episode takes a run; the reader fills ep again after the call.
func (l *groupLocal) Episode(ep *input.Episode) {
	if l.blk == nil {
		l.blk = l.newBlock()
	}
	l.blk.add(ep, l.seed, l.vals, l.codes)
}

// Done returns the block's *groupBlock.
func (l *groupLocal) Done() any {
	b := l.blk
	l.blk = nil
	return b
}

// caseIDPairs returns the ids that differ only in case (g.caseIDs) with
// the first row of each.
func (g *grouper) caseIDPairs() []CaseIDs {
	var out []CaseIDs
	for _, p := range g.caseIDs {
		var pair CaseIDs
		for i, idx := range p {
			r := g.rec(idx)
			pair[i] = EpisodePlace{ID: string(g.id(&r.id)), File: g.files[r.file], Row: int(r.firstRow)}
		}
		out = append(out, pair)
	}
	return out
}
