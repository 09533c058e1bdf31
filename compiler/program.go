package compiler

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/rcc/svfrules/internal/pair"
)

// Day is a calendar day, counted from 1970-01-01. Lead times are
// differences of Days.
type Day int32

// FirstYear and LastYear bound the years ParseDay reads; the episode
// readers name them when they reject a real date outside them.
const FirstYear, LastYear = 1900, 2999

// ParseDay parses YYYY-MM-DD or YYYYMMDD without allocating.
func ParseDay(s string) (Day, bool) {
	var y, m, d int
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, m, d = Digits(s[0:4]), Digits(s[5:7]), Digits(s[8:10])
	case len(s) == 8:
		y, m, d = Digits(s[0:4]), Digits(s[4:6]), Digits(s[6:8])
	default:
		return 0, false
	}
	if y < FirstYear || y > LastYear || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return civilToDays(y, m, d), true
}

// Digits is the number s writes in decimal digits, -1 if s has another
// character (0 for ""). The readers use it too, so a date's parts are
// read one way.
func Digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilToDays is Howard Hinnant's days_from_civil.
func civilToDays(y, m, d int) Day {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// String formats the day as YYYY-MM-DD.
func (d Day) String() string {
	var b [10]byte
	return string(d.Append(b[:0]))
}

// Append appends the day to b as String formats it. The text list of
// lead times over target writes two days a line, and String's
// allocation was half of a line's instructions there (issue 16).
func (d Day) Append(b []byte) []byte {
	z := int(d) + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	n := len(b)
	b = append(b, "0000-00-00"...)
	putDigits(b[n:n+4], y)
	putDigits(b[n+5:n+7], m)
	putDigits(b[n+8:n+10], dd)
	return b
}

// putDigits writes the last len(b) decimal digits of v into b.
func putDigits(b []byte, v int) {
	for i := len(b) - 1; i >= 0; i-- {
		b[i] = byte('0' + v%10)
		v /= 10
	}
}

// CodeID identifies a code: prefix index × 100 + suffix. Prefix index 0
// stands for every prefix the guide does not have.
type CodeID uint16

// Event is one coded event of an episode.
type Event struct {
	Code CodeID
	Date Day
}

// Episode is one pathway for one patient, in the compact form the
// compiled rules read. Absent text attributes are "".
type Episode struct {
	Events          []Event
	Age             int
	HasAge          bool
	Sex             string
	County          string
	Region          string
	ReferringRegion string
	Diagnosis       string
	Intent          string
	// Absent are the attributes the episode's input has no column for:
	// rules that read one are not evaluated (CompiledRule.Reads). Values
	// that are merely empty are not absent.
	Absent AttrSet

	// Set by PathwayProgram.Prepare: of the code sets the pathway's
	// conditions read, those that hold a code of the episode, and those
	// that hold two or more.
	prepared  *PathwayProgram
	hasSets   uint64
	multiSets uint64
	// firstDay and lastDay are the earliest and latest day of the
	// episode's codes in each set of PathwayProgram.dated that it has a
	// code of (see Fire).
	firstDay, lastDay [maxPrepared]Day
}

// CodeSet is a set of CodeIDs as a bitset.
type CodeSet []uint64

// Has reports whether id is in the set.
func (s CodeSet) Has(id CodeID) bool { return s[id>>6]&(1<<(id&63)) != 0 }

func (s CodeSet) add(id CodeID) { s[id>>6] |= 1 << (id & 63) }

// CodeUnion is the union of some code sets, kept as the sets themselves.
// A rule's involved codes are those of the sets its condition reads,
// which the pathway's conditions share: a set of its own for each rule,
// filled by unions as its condition was compiled, was some 18 of the 45
// sets a pathway made, for a test that runs only when a rule finds
// something (issue 16).
type CodeUnion []CodeSet

// Has reports whether id is in one of the sets.
func (ss CodeUnion) Has(id CodeID) bool {
	for _, s := range ss {
		if s.Has(id) {
			return true
		}
	}
	return false
}

// add adds s to the union (nothing when ss is nil), unless it is there.
func (ss *CodeUnion) add(s CodeSet) {
	if ss == nil {
		return
	}
	for _, x := range *ss {
		if unsafe.SliceData(x) == unsafe.SliceData(s) {
			return
		}
	}
	*ss = append(*ss, s)
}

// orBits100 adds to s the codes of a prefix from bit off on: lo's bits
// are its codes 0 to 63, hi's (36 bits) 64 to 99.
func (s CodeSet) orBits100(off int, lo, hi uint64) {
	w, b := off>>6, uint(off&63)
	s[w] |= lo << b
	if w+1 < len(s) {
		s[w+1] |= lo>>1>>(63-b) | hi<<b // lo's bits past the word (none for b == 0)
	}
	if b > 28 && w+2 < len(s) {
		s[w+2] |= hi >> (64 - b)
	}
}

func (s CodeSet) union(o CodeSet) {
	for i := range s {
		s[i] |= o[i]
	}
}

// Len is the number of codes in the set.
func (s CodeSet) Len() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// Program is a guide version compiled for evaluation: codes are small
// integers, code sets are bitsets and conditions are closures, so nothing
// on the evaluator's hot path looks up a string.
type Program struct {
	Guide *Guide
	// Prefixes by prefix index; Prefixes[0] is "" (unknown prefix).
	Prefixes []string
	// PrefixPathway maps a prefix index to its pathway's index (-1 for 0).
	PrefixPathway []int
	// pathways holds the compiled rules and lead times per pathway, by
	// Pathway.Index, each compiled when first asked for (Pathway).
	pathways *lazyPathways
	// Closing is every closing code of every pathway; Start every start code.
	Closing, Start CodeSet
	// Unknown is every code the guide version does not have.
	Unknown CodeSet

	prefixIndex [26 * 36]uint8 // by the prefix's 2nd and 3rd character
	words       int
	defined     [100]*Code
	slab        []uint64 // what newSet cuts sets from
	// prefixesOf are the prefix indexes of each pathway, by its Index.
	prefixesOf [][]int
	// kindBits are the numbers (bits100) of the guide's codes of each
	// Kind, of the closing kinds (closingKinds) and of all (allKinds).
	kindBits [allKinds + 1][2]uint64
	// reads are the attributes each rule of the guide reads (Rule.Reads),
	// by its index in Guide.Rules: the same for every pathway.
	reads []AttrSet
	// startClosing is Start and Closing mixed into the fingerprint of a
	// pathway's code entries (rowsFingerprint), which they are part of.
	startClosing uint64
	// rowTable is the table of code entries of the embedded version of
	// the guide's name (see rowtable.go), "" when there is none.
	rowTable string
}

// PathwayProgram is what applies to episodes of one pathway.
type PathwayProgram struct {
	Pathway   *Pathway
	Rules     []CompiledRule
	LeadTimes []CompiledLeadTime
	// LocalLeadTimes are the pathway's lead times marked local
	// (Guide.LocalLeadTimes).
	LocalLeadTimes []CompiledLeadTime
	// Own is every defined code with one of the pathway's prefixes.
	Own CodeSet

	// The code sets that has() and count() compared with 0 or 1 read in
	// the pathway's conditions, at most maxPrepared (the codes are tested
	// against any others), and for each code the sets it is in (bit i
	// for sets[i]), whether it is one of the pathway's own start codes
	// (ownStart) or closing codes (ownClosing): codeBits(id). Most
	// prefixes' codes are in the same sets (the codes of other pathways,
	// all of them foreign), so a prefix's 100 entries are a row of rows
	// shared with the others (rowOf, by prefix index): a few rows instead
	// of one entry per CodeID (7 000 in 10.6), which was 28 KB per
	// pathway, too much for the processor's caches to keep all 30
	// (issue 16).
	sets  []CodeSet
	rowOf []uint8
	rows  []uint64
	// checks are what Fire tests of each rule, by the index in Rules.
	checks []ruleCheck
	// dated are the sets (bits of Prepare) whose first and last days
	// Prepare notes, for checks that compare them.
	dated uint32
}

// maxPrepared is the most code sets of a pathway that Prepare finds for
// all its conditions at once. A pathway of 10.6 reads 12 to 15; the
// table of Prepare has an entry of this many bits for every CodeID (7 000
// in 10.6) in every pathway, built at every start, so its width is what
// start-up pays (32 bits: 0.4 MB for 10.6's 30 pathways).
const maxPrepared = 32

// Program.kindBits' entries after the kinds'.
const (
	closingKinds = int(KindVoluntary) + 1 + iota
	allKinds
)

// Bits of a PathwayProgram's code entries above the sets' (codeBits).
const (
	ownStart   = 1 << 32
	ownClosing = 1 << 33
)

// codeBits is the entry of id: the sets of Prepare it is in, ownStart,
// ownClosing.
func (pp *PathwayProgram) codeBits(id CodeID) uint64 {
	pre := PrefixOf(id)
	return pp.rows[int(pp.rowOf[pre])*100+int(id)-pre*100]
}

// Prepare finds, for all the pathway's conditions at once, which of the
// sets they read hold one code of ep and which two or more: has(S) and
// count(S) == 1 are then bits to test instead of a look through the
// events. The evaluator prepares every episode; on an episode not
// prepared for their pathway, conditions look through its events.
// Prepare again after changing the events.
//
// It also counts, in the same look through the events, the episode's
// codes that are the pathway's own start codes and own closing codes,
// and gives the index of the last of the latter (-1 if none): what
// decides whether the episode is reportable.
func (pp *PathwayProgram) Prepare(ep *Episode) (starts, closings, closeAt int) {
	var in, multi uint64
	closeAt = -1
	for j, e := range ep.Events {
		x := pp.codeBits(e.Code)
		sets := uint32(x)
		for d := sets & pp.dated; d != 0; d &= d - 1 {
			i := bits.TrailingZeros32(d)
			switch {
			case in&(1<<i) == 0:
				ep.firstDay[i], ep.lastDay[i] = e.Date, e.Date
			case e.Date < ep.firstDay[i]:
				ep.firstDay[i] = e.Date
			case e.Date > ep.lastDay[i]:
				ep.lastDay[i] = e.Date
			}
		}
		multi |= in & uint64(sets)
		in |= uint64(sets)
		if x&(ownStart|ownClosing) != 0 {
			if x&ownStart != 0 {
				starts++
			} else {
				closings++
				closeAt = j
			}
		}
	}
	ep.prepared, ep.hasSets, ep.multiSets = pp, in, multi
	return starts, closings, closeAt
}

// setBit returns the bit of s among the sets of Prepare (lw.pp's),
// adding it; ok is false when there are maxPrepared others.
func (lw *lowerer) setBit(s CodeSet) (bit uint64, ok bool) {
	pp := lw.pp
	// The sets are distinct, and most are asked for as the very set
	// (lowerer.setOf gives one set per operand): looked for by address
	// first, as comparing a set of 110 words with each of 30 others was
	// a tenth of compiling a pathway (issue 16).
	for i, x := range pp.sets { // a loop of its own: IndexFunc's closure was a third of setBit
		if &x[0] == &s[0] {
			return 1 << i, true
		}
	}
	// An equal set elsewhere (a union built for other arguments) is
	// looked for among those of the same fingerprint: the words of two
	// sets, mostly zeros, were compared up to the first that differs,
	// with each set kept, for every new set (issue 16).
	fp := fingerprint(s)
	for j, x := range pp.sets {
		if lw.prints[j] == fp && slices.Equal(x, s) {
			return 1 << j, true
		}
	}
	if len(pp.sets) == maxPrepared {
		return 0, false
	}
	if pp.sets == nil {
		pp.sets, lw.prints = make([]CodeSet, 0, maxPrepared), make([]uint64, 0, maxPrepared)
	}
	pp.sets, lw.prints = append(pp.sets, s), append(lw.prints, fp)
	return 1 << (len(pp.sets) - 1), true
}

// fingerprint folds the words of s into one: equal sets have equal
// fingerprints.
func fingerprint(s CodeSet) uint64 {
	var h uint64
	for _, w := range s {
		h = bits.RotateLeft64(h, 7) ^ w
	}
	return h
}

// CompiledRule is a rule ready to run on an episode of one pathway.
type CompiledRule struct {
	Rule *Rule
	// Cond reports whether the rule finds something in the episode. It
	// is quicker on an episode prepared for the pathway (Prepare), and
	// right on any episode that is not prepared for it, or was prepared
	// for it since its events last changed.
	Cond func(*Episode) bool
	// Involved are the codes the condition looks at: the finding names the
	// episode's codes in these sets.
	Involved CodeUnion
	// Reads are the attributes the condition reads (Rule.Reads), so that
	// the evaluator can skip the rule where one is absent with one AND.
	Reads AttrSet

	// pp and need: the condition can only hold on an episode that has a
	// code in one of the sets of pp (see Prepare) whose bits are in need
	// (0: no such sets are known), so that Skip tells a rule that cannot
	// find anything with one AND instead of running its closures.
	pp   *PathwayProgram
	need uint64
}

// Skip reports whether the rule's condition is false on ep without
// running it: ep is prepared for the rule's pathway (Prepare) and has no
// code in any of the sets the condition needs one of. Most rules of a
// pathway are about codes most episodes do not have ("has(XX91) and
// …"). False means nothing: the condition must then be run.
func (r *CompiledRule) Skip(ep *Episode) bool {
	return r.need != 0 && ep.prepared == r.pp && ep.hasSets&r.need == 0
}

// CompiledLeadTime is a lead time ready to compute for one pathway.
type CompiledLeadTime struct {
	LeadTime *LeadTime
	From, To CodeSet
	// Cond reports whether the definition applies (nil: always); see
	// CompiledRule.Cond.
	Cond func(*Episode) bool
}

// CodeOf parses a code as written in episode data ("VL260"). ok is false
// when the text is not shaped like a KVÅ code of the SVF kind (V, two
// letters or digits, two digits); a well-formed code with a prefix the
// guide does not have gets prefix index 0.
func (p *Program) CodeOf(s string) (id CodeID, ok bool) {
	if len(s) != 5 {
		return 0, false
	}
	// By a table, not by a test whether the third character is a
	// letter or a digit: that branch went one way or the other from
	// code to code (VP910, VC010). (The evaluation of episodes read
	// from data numbers codes with IDOf instead.)
	a, b := codeChar[s[1]], codeChar[s[2]]
	d3, d4 := s[3]-'0', s[4]-'0'
	if s[0] != 'V' || a <= 10 || b == 0 || d3 > 9 || d4 > 9 {
		return 0, false
	}
	idx := p.prefixIndex[int(a-11)*36+int(b-1)]
	return CodeID(int(idx)*100 + int(d3)*10 + int(d4)), true
}

// codeChar is, for the second and third characters of a code, one more
// than their value as a digit of base 36 (digits 1 to 10, capital
// letters 11 to 36), and 0 for any other byte.
// (A literal: no code runs for it at start-up.)
var codeChar = [256]uint8{
	'0': 1, '1': 2, '2': 3, '3': 4, '4': 5, '5': 6, '6': 7, '7': 8, '8': 9, '9': 10,
	'A': 11, 'B': 12, 'C': 13, 'D': 14, 'E': 15, 'F': 16, 'G': 17, 'H': 18, 'I': 19, 'J': 20,
	'K': 21, 'L': 22, 'M': 23, 'N': 24, 'O': 25, 'P': 26, 'Q': 27, 'R': 28, 'S': 29, 'T': 30,
	'U': 31, 'V': 32, 'W': 33, 'X': 34, 'Y': 35, 'Z': 36,
}

// CodeString writes a CodeID back as text; an unknown prefix shows as V??.
func (p *Program) CodeString(id CodeID) string {
	pre := p.Prefixes[int(id)/100]
	if pre == "" {
		pre = "V??"
	}
	n := int(id) % 100
	return pre + string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

// PrefixOf returns the prefix index of id.
func PrefixOf(id CodeID) int { return int(id) / 100 }

// SuffixOf returns the two-digit number of id.
func SuffixOf(id CodeID) int { return int(id) % 100 }

// CodeDef returns the guide's code for id's suffix, or nil.
func (p *Program) CodeDef(id CodeID) *Code { return p.defined[SuffixOf(id)] }

// newSet returns an empty set. Compile makes a few thousand (two or three
// per rule and pathway): they are cut from shared blocks, with a
// capacity of their length so that no append reaches the next.
func (p *Program) newSet() CodeSet {
	if len(p.slab) < p.words {
		p.slab = make([]uint64, p.words*32)
		// Written first: Go does not clear memory fresh from the
		// system, and a set's first add reads its word, which maps the
		// zero page, then writes it, a second fault that copies the page
		// and flushes it from the other processor's TLB (an interrupt
		// there): an eighth of compiling a pathway in perf (issue 16).
		clear(p.slab)
	}
	s := CodeSet(p.slab[:p.words:p.words])
	p.slab = p.slab[p.words:]
	return s
}

func (p *Program) id(prefix, suffix int) CodeID { return CodeID(prefix*100 + suffix) }

// Compile builds the Program of a checked guide. The guide must have been
// checked without errors. Its pathways are compiled when first asked for
// (Program.Pathway; CompileAll compiles them all).
func Compile(g *Guide) *Program {
	n := 1 // the prefixes, made at their size (growing them was a quarter of Compile)
	maxIndex := -1
	for _, pw := range g.Pathways {
		n += len(pw.Prefixes)
		maxIndex = max(maxIndex, pw.Index)
	}
	p := &Program{Guide: g, Prefixes: make([]string, 1, n), PrefixPathway: make([]int, 1, n),
		rowTable: embeddedRowTable(g.Version)}
	p.PrefixPathway[0] = -1
	// A pathway's prefix indexes follow each other: each pathway's list
	// is cut from one block of all of them.
	all := make([]int, n)
	p.prefixesOf = make([][]int, max(len(g.Pathways), maxIndex+1))
	for _, pw := range g.Pathways {
		first := len(p.Prefixes)
		for _, pre := range pw.Prefixes {
			idx := len(p.Prefixes)
			all[idx] = idx
			p.Prefixes = append(p.Prefixes, pre)
			p.PrefixPathway = append(p.PrefixPathway, pw.Index)
			a, b := pre[1], pre[2]
			bi := int(b - '0')
			if b >= 'A' {
				bi = 10 + int(b-'A')
			}
			p.prefixIndex[int(a-'A')*36+bi] = uint8(idx)
		}
		if own := all[first:len(p.Prefixes):len(p.Prefixes)]; p.prefixesOf[pw.Index] == nil {
			p.prefixesOf[pw.Index] = own
		} else { // two pathways of one Index: not in a checked guide
			p.prefixesOf[pw.Index] = append(p.prefixesOf[pw.Index], own...)
		}
	}
	p.words = (len(p.Prefixes)*100 + 63) / 64
	for _, c := range g.Codes { // every pattern in one pass
		w, bit := c.Num/64, uint64(1)<<(c.Num%64)
		if int(c.Kind) >= 0 && int(c.Kind) < closingKinds {
			p.kindBits[c.Kind][w] |= bit
		}
		if c.Kind.Closing() {
			p.kindBits[closingKinds][w] |= bit
		}
		p.kindBits[allKinds][w] |= bit
	}
	p.reads = make([]AttrSet, len(g.Rules))
	for k, r := range g.Rules {
		p.reads[k] = r.Reads()
	}
	for _, c := range g.Codes {
		p.defined[c.Num] = c
	}
	// Every prefix but 0 has the same hundred codes: their bits are
	// worked out once and put under each prefix a word at a time (code
	// by code, 7 000 for 10.6, it was 2 % of a 100-row eval's
	// instructions, issue 16). Prefix 0's codes are all unknown.
	var unknown, closing, start [2]uint64 // bits 0-63, then 64-99
	for n := 0; n < 100; n++ {
		bit := &unknown[n/64]
		switch c := p.defined[n]; {
		case c == nil:
		case c.Kind.Closing():
			bit = &closing[n/64]
		case c.Kind == KindStart:
			bit = &start[n/64]
		default:
			continue
		}
		*bit |= 1 << (n % 64)
	}
	p.Closing, p.Start, p.Unknown = p.newSet(), p.newSet(), p.newSet()
	p.Unknown.orBits100(0, ^uint64(0), 1<<36-1)
	for pre := 1; pre < len(p.Prefixes); pre++ {
		p.Unknown.orBits100(pre*100, unknown[0], unknown[1])
		p.Closing.orBits100(pre*100, closing[0], closing[1])
		p.Start.orBits100(pre*100, start[0], start[1])
	}
	p.startClosing = mixSet(mixSet(uint64(len(p.Prefixes)), p.Start), p.Closing)
	// The pathways are compiled apart, when first asked for (Pathway):
	// they share nothing but the guide and p, which they read.
	p.pathways = &lazyPathways{progs: make([]atomic.Pointer[PathwayProgram], len(g.Pathways)),
		compiling: make([]sync.Mutex, len(g.Pathways))}
	return p
}

// lazyPathways are a Program's compiled pathways, each compiled the first
// time it is asked for: a small export has episodes of a few pathways,
// and compiling all 30 was most of what a 100-row eval did after loading
// the guide (issue 16).
type lazyPathways struct {
	progs []atomic.Pointer[PathwayProgram]
	// compiling[i] is held while pathway i is compiled, so that it is
	// compiled once; two pathways may be compiled at the same time.
	compiling []sync.Mutex
	mu        sync.Mutex // guards slabs and lowerers
	// slabs are what the pathways' sets are cut from (newSet), one
	// taken by each compilation under way: with one for all, a
	// compilation held it (and every other waited) from start to end.
	slabs [][]uint64
	// lowerers are the lowerers released by the compilations done, for
	// the next to take (newLowerer).
	lowerers []*lowerer
}

// RuleReads is Rule.Reads of the guide's rule with index k in
// Guide.Rules, worked out once, when p was compiled.
func (p *Program) RuleReads(k int) AttrSet { return p.reads[k] }

// Pathway returns the compiled rules and lead times of the pathway with
// Pathway.Index i, compiling them on the first call. It may be called
// from several goroutines at once.
func (p *Program) Pathway(i int) *PathwayProgram {
	if pp := p.pathways.progs[i].Load(); pp != nil {
		return pp
	}
	return p.compileOnce(i)
}

func (p *Program) compileOnce(i int) *PathwayProgram {
	lp := p.pathways
	lp.compiling[i].Lock()
	defer lp.compiling[i].Unlock()
	if pp := lp.progs[i].Load(); pp != nil {
		return pp // compiled by another goroutine meanwhile
	}
	// The pathway takes its sets from a copy of p of its own (newSet),
	// so that p is only read, cutting them from a block left by the
	// pathways compiled before: a pathway uses some 35 sets, and a block
	// of its own for each (128 sets, 53 KB for 10.6) was a third of a
	// 100-row eval's memory, each new page of it a page fault (issue 16).
	// A block is used by one compilation at a time; there are as many as
	// ever ran at once.
	own := *p
	own.slab = nil
	lp.mu.Lock()
	if n := len(lp.slabs); n > 0 {
		own.slab, lp.slabs = lp.slabs[n-1], lp.slabs[:n-1]
	}
	lp.mu.Unlock()
	pp := own.compilePathway(p.Guide.Pathways[i])
	if !p.loadRows(pp, i) {
		p.buildRows(pp)
	}
	lp.progs[i].Store(pp)
	lp.mu.Lock()
	lp.slabs = append(lp.slabs, own.slab)
	lp.mu.Unlock()
	return pp
}

// CompileAll compiles every pathway of p that is not compiled yet, on
// two goroutines when there are two processors, and returns p: for
// commands that use them all (check, which makes sure each builds), or
// evaluate so much that the order does not matter.
func (p *Program) CompileAll() *Program {
	all := make([]int, len(p.pathways.progs))
	for i := range all {
		all[i] = i
	}
	p.CompilePathways(all)
	return p
}

// CompilePathways compiles the pathways of p with the Pathway.Index of
// idx that are not compiled yet, two at a time when there are two
// processors: for the pathways of the first episodes, which every
// evaluation of them waits for.
func (p *Program) CompilePathways(idx []int) {
	var next atomic.Int64
	pair.Run(func() {
		for {
			k := int(next.Add(1)) - 1
			if k >= len(idx) {
				return
			}
			p.Pathway(idx[k])
		}
	})
}

// compilePathway compiles the rules and lead times of pathway pw.
func (p *Program) compilePathway(pw *Pathway) *PathwayProgram {
	g := p.Guide
	pp := &PathwayProgram{Pathway: pw, Own: p.own(pw), Rules: make([]CompiledRule, 0, len(g.Rules))}
	lw := p.newLowerer(pw, pp)
	// The rules' involved sets are cut from one block, four for each
	// rule (a rule of 10.6 reads up to four sets; one that reads more
	// has its own): growing each rule's from nothing was 200 of the
	// allocations of compiling 8 pathways (issue 16).
	block := make(CodeUnion, 4*len(g.Rules))
	for k, r := range g.Rules {
		if !r.AppliesTo(pw) {
			continue
		}
		involved := block[:0:4]
		cond := lw.lowerBool(r.cond, &involved)
		if len(involved) <= 4 {
			involved = involved[:len(involved):len(involved)]
			block = block[len(involved):]
		}
		pp.Rules = append(pp.Rules, CompiledRule{Rule: r, Cond: cond, Involved: involved, Reads: p.reads[k],
			pp: pp, need: lw.need(r.cond)})
	}
	compileLeadTimes := func(lts []*LeadTime) []CompiledLeadTime {
		var out []CompiledLeadTime
		for _, lt := range lts {
			if lt.Pathway != pw {
				continue
			}
			clt := CompiledLeadTime{LeadTime: lt, From: p.codeSet(lt.From, pw), To: p.newSet()}
			for _, to := range lt.To {
				clt.To.union(p.codeSet(to, pw))
			}
			if lt.cond != nil {
				clt.Cond = lw.lowerBool(lt.cond, nil) // a lead time names no codes
			}
			out = append(out, clt)
		}
		return out
	}
	pp.checks = make([]ruleCheck, len(pp.Rules))
	for i, r := range pp.Rules {
		pp.checks[i] = lw.check(r.Rule.cond, r.need, r.Reads)
	}
	pp.LeadTimes = compileLeadTimes(g.LeadTimes)
	pp.LocalLeadTimes = compileLeadTimes(g.LocalLeadTimes)
	lw.release()
	return pp
}

// buildRows builds pp's code entries (codeBits). A prefix's row is
// decided by the 100 bits of its codes in each of pp's sets and in the
// pathway's own start and closing codes: prefixes whose bits are all
// equal (most: the other pathways' prefixes) share a row, which is
// built once. Building every code's entry from every set's bits, then
// comparing each prefix's row with the rows kept, was a sixth of
// compiling a pathway (issue 16). It runs when the generated form has no
// entry for the pathway's sets (loadRows): for go generate itself, and
// for guides that are not embedded or differ from the embedded one.
func (p *Program) buildRows(pp *PathwayProgram) {
	// A prefix's signature: its 100 bits of each set, two words a set,
	// then those of its own start codes and its own closing codes.
	n := len(pp.sets)
	width := 2*n + 4
	sigs := make([]uint64, 0, 4*width) // the distinct signatures, in the order of rows (most pathways have 3)
	var buf [2*maxPrepared + 4]uint64
	sig := buf[:width]
	pp.rowOf = make([]uint8, len(p.Prefixes))
	for pre := range p.Prefixes {
		w, b := pre*100>>6, uint(pre*100&63)
		c := (63 - b) & 63 // as in window100
		for i, set := range pp.sets {
			if w+2 >= len(set) {
				sig[2*i], sig[2*i+1] = window100End(set, 64*w+int(b))
				continue
			}
			sig[2*i], sig[2*i+1] = window3(set[w:w+3:w+3], b, c)
		}
		own0, own1 := window100(pp.Own, w, b)
		start0, start1 := window100(p.Start, w, b)
		closing0, closing1 := window100(p.Closing, w, b)
		sig[2*n], sig[2*n+1] = own0&start0, own1&start1
		sig[2*n+2], sig[2*n+3] = own0&^start0&closing0, own1&^start1&closing1
		r := 0
		for r*width < len(sigs) && !slices.Equal(sigs[r*width:(r+1)*width], sig) {
			r++
		}
		if r*width == len(sigs) {
			sigs = append(sigs, sig...)
			var row [100]uint64
			for i := range n + 2 {
				bit := uint64(1) << i
				switch i {
				case n:
					bit = ownStart
				case n + 1:
					bit = ownClosing
				}
				for k, word := range sig[2*i : 2*i+2] {
					for ; word != 0; word &= word - 1 {
						row[k*64+bits.TrailingZeros64(word)] |= bit
					}
				}
			}
			pp.rows = append(pp.rows, row[:]...)
		}
		pp.rowOf[pre] = uint8(r)
	}
	pp.rows = slices.Clip(pp.rows)
}

// window100 returns the 100 bits of s from bit 64*w+b on (b < 64), the
// first 64 and the 36 after them: a prefix's codes in s. Read from three
// words at once where s has them, as buildRows reads a window of every
// set for every prefix (a tenth of a 100-row eval's instructions when
// each word was read through bitsAt, issue 16).
func window100(s CodeSet, w int, b uint) (lo, hi uint64) {
	if w+2 >= len(s) {
		return window100End(s, 64*w+int(b))
	}
	b &= 63
	return window3(s[w:w+3:w+3], b, (63-b)&63)
}

// window3 is window100 of the three words x, with c = 63 - b: x<<1<<c
// is x<<(64-b), and 0 for b == 0. It inlines, so that buildRows' loop
// over the sets calls nothing where s has the words (window100, with
// its test for the end of s, does not).
func window3(x []uint64, b, c uint) (lo, hi uint64) {
	return x[0]>>b | x[1]<<1<<c, (x[1]>>b | x[2]<<1<<c) & (1<<36 - 1)
}

// window100End is window100 near the end of s, apart so that window100
// inlines.
func window100End(s CodeSet, off int) (lo, hi uint64) {
	return bitsAt(s, off), bitsAt(s, off+64) & (1<<36 - 1)
}

// bitsAt returns the 64 bits of s from bit off on (0 past its end).
func bitsAt(s CodeSet, off int) uint64 {
	w, b := off>>6, uint(off&63)
	if w >= len(s) {
		return 0
	}
	x := s[w] >> b
	if b > 0 && w+1 < len(s) {
		x |= s[w+1] << (64 - b)
	}
	return x
}

// lowerer compiles the conditions of one pathway into closures.
type lowerer struct {
	*Program
	pw *Pathway
	pp *PathwayProgram
	// prints are the fingerprints of pp.sets (setBit).
	prints []uint64
	// sets are the code sets of the pathway's operands, unions those of
	// their unions built so far: a pathway's rules read a dozen sets
	// between them, and building each anew for every mention was most
	// of Compile's work and memory (issue 16). A set here is shared by
	// the closures that read it and never changed.
	// A pathway has a dozen or two operands: a slice looked through
	// compares a few strings, where a map hashed all of an operand's.
	sets   []operandSet
	unions map[string]CodeSet // by the operands' setKeys joined with |
	// byNode are the same sets by the typed node and by its first
	// argument's slot (for a union): compiling a rule asks for each
	// operand's set three or four times (the closures, need, check), and
	// a pointer hashes in a few instructions where an operand's strings,
	// and a union's key built by joining them, cost a fifth of Compile
	// (issue 16). Equal operands at other nodes still find one set in
	// sets.
	byNode ptrSets
}

// operandSet is the set of an operand of a pathway's conditions.
type operandSet struct {
	operand
	set CodeSet
}

// newLowerer returns the lowerer of pw's rules into pp, with the tables
// of one that a pathway compiled before released (release) when there
// is one: made anew for each pathway (the operands' slice, the unions'
// map, byNode grown nine times), they were 36 KB and 29 allocations of
// the 1.1 MB and 1 880 of a 100-row eval, which compiles 8 pathways,
// each new page of it a page fault (issue 16).
func (p *Program) newLowerer(pw *Pathway, pp *PathwayProgram) *lowerer {
	var lw *lowerer
	if lp := p.pathways; lp != nil {
		lp.mu.Lock()
		if n := len(lp.lowerers); n > 0 {
			lw, lp.lowerers = lp.lowerers[n-1], lp.lowerers[:n-1]
		}
		lp.mu.Unlock()
	}
	if lw == nil {
		lw = &lowerer{sets: make([]operandSet, 0, 32), unions: map[string]CodeSet{}}
	}
	lw.Program, lw.pw, lw.pp = p, pw, pp
	return lw
}

// release empties lw's tables and keeps lw for the next pathway
// compiled. Nothing compiled refers to lw or its tables: the closures
// hold the sets themselves, which are cut from the slabs (newSet).
func (lw *lowerer) release() {
	lp := lw.pathways
	clear(lw.sets[:cap(lw.sets)])
	lw.sets = lw.sets[:0]
	clear(lw.unions)
	lw.byNode.reset()
	lw.Program, lw.pw, lw.pp, lw.prints = nil, nil, nil, nil
	if lp == nil {
		return
	}
	lp.mu.Lock()
	lp.lowerers = append(lp.lowerers, lw)
	lp.mu.Unlock()
}

// has returns the closure of has(s), or of not has(s) when negated.
func (lw *lowerer) has(s CodeSet, negated bool) boolFn {
	bit, ok := lw.setBit(s)
	pp := lw.pp
	switch {
	case !ok && negated:
		return func(e *Episode) bool { return !hasCode(e, s) }
	case !ok:
		return func(e *Episode) bool { return hasCode(e, s) }
	case negated:
		return func(e *Episode) bool {
			if e.prepared == pp {
				return e.hasSets&bit == 0
			}
			return !hasCode(e, s)
		}
	}
	return func(e *Episode) bool {
		if e.prepared == pp {
			return e.hasSets&bit != 0
		}
		return hasCode(e, s)
	}
}

// need returns the bits of Prepare's sets of which an episode must have
// a code in one for t to hold (a disjunction), or 0 when no such sets are
// known: has(S) needs S; first(S), last(S), and a count or prefixes of S
// compared so that it is at least 1, need S too (a missing date makes a
// comparison false); a conjunction needs what one of its parts needs, a
// disjunction what each of its parts needs. A set that gets no bit (the
// pathway's conditions read maxPrepared others) needs nothing.
func (lw *lowerer) need(t *typed) uint64 {
	bitOf := func(args []*typed) uint64 {
		bit, ok := lw.setBit(lw.unionOf(args, nil))
		if !ok {
			return 0
		}
		return bit
	}
	switch t.op {
	case "and":
		for _, a := range t.args {
			if n := lw.need(a); n != 0 {
				return n
			}
		}
		return 0
	case "or":
		var n uint64
		for _, a := range t.args {
			m := lw.need(a)
			if m == 0 {
				return 0
			}
			n |= m
		}
		return n
	case "call":
		switch t.fn {
		case "has":
			return bitOf(t.args)
		case "known":
			return lw.needValue(t.args[0])
		}
	case "cmp":
		l, r := t.args[0], t.args[1]
		counted := l.op == "call" && (l.fn == "count" || l.fn == "prefixes")
		if counted && r.op == "lit" {
			// count(S) > c, >= c+1 or == c+1 for c >= 0: at least one.
			if (t.cmp == ">" && r.num >= 0) || ((t.cmp == ">=" || t.cmp == "==") && r.num >= 1) {
				return bitOf(l.args)
			}
			return 0
		}
		if counted && t.cmp == ">" && r.op == "call" && (r.fn == "count" || r.fn == "prefixes") {
			// count(S) > prefixes(T): more than a count, which is never
			// below 0.
			return bitOf(l.args)
		}
		if l.typ == tDate || l.typ == tNumber {
			if n := lw.needValue(l); n != 0 {
				return n
			}
			return lw.needValue(r)
		}
	}
	return 0
}

// needValue is need for a value that is missing unless an episode has a
// code of some sets: first(S) and last(S) need S, days(a, b) what a or b
// needs.
func (lw *lowerer) needValue(t *typed) uint64 {
	if t.op != "call" {
		return 0
	}
	switch t.fn {
	case "first", "last":
		bit, ok := lw.setBit(lw.unionOf(t.args, nil))
		if !ok {
			return 0
		}
		return bit
	case "days":
		if n := lw.needValue(t.args[0]); n != 0 {
			return n
		}
		return lw.needValue(t.args[1])
	}
	return 0
}

// prefixIndexes returns the prefix indexes of pathway pw (listed once,
// by Compile). The caller must not change them.
func (p *Program) prefixIndexes(pw *Pathway) []int { return p.prefixesOf[pw.Index] }

// bits100 are the numbers (0-99) of the guide's codes that keep, as the
// 100 bits of a prefix (orBits100).
func (p *Program) bits100(keep func(*Code) bool) (lo, hi uint64) {
	for _, c := range p.Guide.Codes {
		if keep(c) {
			if c.Num < 64 {
				lo |= 1 << c.Num
			} else {
				hi |= 1 << (c.Num - 64)
			}
		}
	}
	return lo, hi
}

// ownSet returns the set of the codes with the numbers of lo and hi
// (bits100) under each of pw's prefixes. Building a pathway's sets a
// prefix at a time instead of code by code took a pathway's own and
// named sets from 1 000-2 000 instructions each to a hundred (issue 16);
// TestNamedSets compares them with the code-by-code construction.
func (p *Program) ownSet(pw *Pathway, lo, hi uint64) CodeSet {
	s := p.newSet()
	for _, pi := range p.prefixIndexes(pw) {
		s.orBits100(pi*100, lo, hi)
	}
	return s
}

func (p *Program) own(pw *Pathway) CodeSet {
	return p.ownSet(pw, p.kindBits[allKinds][0], p.kindBits[allKinds][1])
}

// codeSet resolves a code as written (XX44 or VL244) for pathway pw.
func (p *Program) codeSet(written string, pw *Pathway) CodeSet {
	pre := written[:len(written)-2]
	if pre == "XX" || pre == "VXX" {
		pre = ""
	}
	return p.codeSetOf(pre, Digits(written[len(written)-2:]), pw)
}

// codeSetOf is the set of the code with prefix pre and number suf: under
// each of pw's prefixes when pre is "" (XX), else under pre.
func (p *Program) codeSetOf(pre string, suf int, pw *Pathway) CodeSet {
	s := p.newSet()
	if pre == "" {
		for _, pi := range p.prefixIndexes(pw) {
			s.add(p.id(pi, suf))
		}
		return s
	}
	for i, x := range p.Prefixes {
		if x == pre {
			s.add(p.id(i, suf))
		}
	}
	return s
}

// namedSet builds a named code set for pathway pw.
func (p *Program) namedSet(name string, pw *Pathway) CodeSet {
	switch name {
	case "start", "mandatory", "treatment", "other_reason", "voluntary", "closing":
		k := p.kindBits[closingKinds]
		if name != "closing" {
			k = p.kindBits[kindIndex(name)]
		}
		return p.ownSet(pw, k[0], k[1])
	case "disallowed":
		lo, hi := p.bits100(func(c *Code) bool { ok, _ := p.Guide.Allowed(pw, c); return !ok })
		return p.ownSet(pw, lo, hi)
	}
	s := p.newSet()
	switch name {
	case "codes":
		for i := range s {
			s[i] = ^uint64(0)
		}
	case "unknown":
		s.union(p.Unknown)
	case "foreign":
		// The guide's codes under the other pathways' prefixes: what is
		// not Unknown (prefix 0, and the numbers the guide does not
		// have), but the pathway's own, word by word. Adding them one
		// by one, some 8 000 for 10.6, was a third of a pathway's sets
		// (issue 16); TestForeignSet checks it against that.
		own := p.own(pw)
		for i := range s {
			s[i] = ^p.Unknown[i] &^ own[i]
		}
		if tail := len(p.Prefixes) * 100 % 64; tail != 0 {
			s[len(s)-1] &= 1<<tail - 1 // no bits past the last prefix
		}
	}
	return s
}

// kindIndex is the Kind of a kind's set name (KindNames).
func kindIndex(name string) Kind {
	for k, n := range KindNames {
		if n == name {
			return Kind(k)
		}
	}
	return -1
}

// operand identifies a typed code-set operand among those of one
// pathway: equal operands resolve to equal sets. It is a map key that
// costs no allocation, as setOf runs for every operand of every rule in
// every pathway.
type operand struct {
	op         string // code, set or qual
	pre, value string // a code's written prefix ("" for XX) and suffix; a set's name
	qual       *Qualifier
}

func operandOf(t *typed) operand {
	switch t.op {
	case "code":
		return operand{op: t.op, pre: t.pre, value: t.code.Suffix}
	case "set":
		return operand{op: t.op, value: t.name}
	case "qual":
		return operand{op: t.op, qual: t.qual}
	}
	return operand{op: t.op} // resolves to the empty set, as resolve does
}

// setKey names a typed code-set operand as text, for the key of a union.
func setKey(t *typed) string {
	switch t.op {
	case "code":
		if t.pre != "" {
			return "c" + t.pre + t.code.Suffix
		}
		return "cXX" + t.code.Suffix
	case "set":
		return "s" + t.name
	case "qual":
		return "q" + t.qual.Name
	}
	return "?" + t.op
}

// setOf resolves a typed code-set operand for pw, adding it to involved
// (unless nil). The set is lw's: it must not be changed.
func (lw *lowerer) setOf(t *typed, involved *CodeUnion) CodeSet {
	s, ok := lw.byNode.get(unsafe.Pointer(t))
	if !ok {
		s = lw.operandSet(t)
		lw.byNode.put(unsafe.Pointer(t), s)
	}
	if t.name != "codes" {
		involved.add(s)
	}
	return s
}

// operandSet returns the set of operand t, resolving it the first time
// the pathway's conditions name it.
func (lw *lowerer) operandSet(t *typed) CodeSet {
	key := operandOf(t)
	for i := range lw.sets {
		// Field by field, the cheapest first, without the call that ==
		// on the struct makes.
		if o := &lw.sets[i].operand; o.qual == key.qual && len(o.value) == len(key.value) &&
			o.value == key.value && o.pre == key.pre && o.op == key.op {
			return lw.sets[i].set
		}
	}
	s := lw.resolve(t)
	lw.sets = append(lw.sets, operandSet{key, s})
	return s
}

// resolve builds the set of a typed code-set operand for pw.
func (lw *lowerer) resolve(t *typed) CodeSet {
	var s CodeSet
	switch t.op {
	case "code":
		s = lw.codeSetOf(t.pre, Digits(t.code.Suffix), lw.pw)
	case "set":
		s = lw.namedSet(t.name, lw.pw)
	case "qual":
		lo, hi := lw.bits100(func(c *Code) bool { ok, q := lw.Guide.Allowed(lw.pw, c); return ok && q == t.qual })
		s = lw.ownSet(lw.pw, lo, hi)
	default:
		s = lw.newSet()
	}
	return s
}

// unionOf is the union of the code-set operands args, adding each to
// involved. The set is lw's: it must not be changed.
func (lw *lowerer) unionOf(args []*typed, involved *CodeUnion) CodeSet {
	if len(args) == 1 {
		return lw.setOf(args[0], involved)
	}
	if s, ok := lw.byNode.get(unsafe.Pointer(&args[0])); ok {
		for _, a := range args {
			lw.setOf(a, involved)
		}
		return s
	}
	keys := make([]string, len(args))
	sets := make([]CodeSet, len(args))
	for i, a := range args {
		keys[i], sets[i] = setKey(a), lw.setOf(a, involved)
	}
	key := strings.Join(keys, "|")
	s, ok := lw.unions[key]
	if !ok {
		s = lw.newSet()
		for _, x := range sets {
			s.union(x)
		}
		lw.unions[key] = s
	}
	lw.byNode.put(unsafe.Pointer(&args[0]), s)
	return s
}

// Value closures: the bool result says whether the value is present.
type (
	numFn  func(*Episode) (int, bool)
	strFn  func(*Episode) (string, bool)
	dayFn  func(*Episode) (Day, bool)
	boolFn func(*Episode) bool
)

func (lw *lowerer) lowerBool(t *typed, involved *CodeUnion) boolFn {
	switch t.op {
	case "lit":
		v := t.num == 1
		return func(*Episode) bool { return v }
	case "and":
		fs := lw.lowerBools(t.args, involved)
		if len(fs) == 2 { // the usual case, without a loop
			a, b := fs[0], fs[1]
			return func(e *Episode) bool { return a(e) && b(e) }
		}
		return func(e *Episode) bool {
			for _, f := range fs {
				if !f(e) {
					return false
				}
			}
			return true
		}
	case "or":
		fs := lw.lowerBools(t.args, involved)
		if len(fs) == 2 {
			a, b := fs[0], fs[1]
			return func(e *Episode) bool { return a(e) || b(e) }
		}
		return func(e *Episode) bool {
			for _, f := range fs {
				if f(e) {
					return true
				}
			}
			return false
		}
	case "not":
		if a := t.args[0]; a.op == "call" && a.fn == "has" { // one closure for not has(S)
			return lw.has(lw.unionOf(a.args, involved), true)
		}
		f := lw.lowerBool(t.args[0], involved)
		return func(e *Episode) bool { return !f(e) }
	case "cmp":
		return lw.lowerCmp(t, involved)
	case "in":
		return lw.lowerIn(t, involved)
	case "call":
		switch t.fn {
		case "has":
			return lw.has(lw.unionOf(t.args, involved), false)
		case "known":
			a := t.args[0]
			switch a.typ {
			case tNumber:
				f := lw.lowerNum(a, involved)
				return func(e *Episode) bool { _, ok := f(e); return ok }
			case tDate:
				f := lw.lowerDay(a, involved)
				return func(e *Episode) bool { _, ok := f(e); return ok }
			default:
				f := lw.lowerStr(a, involved)
				return func(e *Episode) bool { _, ok := f(e); return ok }
			}
		case "icd10_in", "icd10_scope":
			f := lw.lowerStr(t.args[0], involved)
			var ranges []icdRange
			if t.fn == "icd10_in" {
				for _, a := range t.args[1:] {
					r, _ := parseICDRange(a.str) // checked by the type checker
					ranges = append(ranges, r)
				}
			} else {
				for _, code := range lw.pw.ICD10 {
					r, _ := parseICDRange(code) // checked with the pathway
					ranges = append(ranges, r)
				}
			}
			match := icdMatcher(ranges)
			return func(e *Episode) bool {
				v, ok := f(e)
				return ok && match(v)
			}
		}
	}
	panic("compiler: unlowerable boolean " + t.op + " " + t.fn) // the type checker rules this out
}

// hasCode reports whether an event of e has a code in s.
func hasCode(e *Episode, s CodeSet) bool {
	for _, ev := range e.Events {
		if s.Has(ev.Code) {
			return true
		}
	}
	return false
}

func (lw *lowerer) lowerBools(ts []*typed, involved *CodeUnion) []boolFn {
	fs := make([]boolFn, len(ts))
	for i, t := range ts {
		fs[i] = lw.lowerBool(t, involved)
	}
	return fs
}

// countCmp compiles count(S) compared with c, 0 or 1. Such a comparison
// only needs to know whether S holds no code, one, or more (so that a
// count of two stands for every count above one), which a prepared
// episode has as bits.
func (lw *lowerer) countCmp(op string, count *typed, c int, involved *CodeUnion) boolFn {
	o, loop := cmpOp(op), lw.lowerNum(count, involved)
	bit, ok := lw.setBit(lw.unionOf(count.args, involved))
	if !ok {
		return cmpConstFn(op, loop, c)
	}
	pp := lw.pp
	return func(e *Episode) bool {
		var n int
		switch {
		case e.prepared != pp:
			n, _ = loop(e)
		case e.multiSets&bit != 0:
			n = 2
		case e.hasSets&bit != 0:
			n = 1
		}
		return compare(o, n, c)
	}
}

// Comparison operators, decided when a condition is compiled.
const (
	opEq = iota
	opNe
	opLt
	opLe
	opGt
	opGe
)

// cmpOp is the comparison operator written op (opEq for one that is
// not, which the type checker rules out). A switch, not a map: the map
// was made at every start of every command, and looked up each time a
// comparison is compiled (issue 16).
func cmpOp(op string) int {
	switch op {
	case "!=":
		return opNe
	case "<":
		return opLt
	case "<=":
		return opLe
	case ">":
		return opGt
	case ">=":
		return opGe
	}
	return opEq
}

// compare applies the comparison op to a and b.
func compare[T int | Day | string](op int, a, b T) bool {
	switch op {
	case opEq:
		return a == b
	case opNe:
		return a != b
	case opLt:
		return a < b
	case opLe:
		return a <= b
	case opGt:
		return a > b
	}
	return a >= b
}

// cmpFn builds a comparison closure: false unless both values are there.
func cmpFn[T int | Day | string](op string, l, r func(*Episode) (T, bool)) boolFn {
	o := cmpOp(op)
	return func(e *Episode) bool { a, ok1 := l(e); b, ok2 := r(e); return ok1 && ok2 && compare(o, a, b) }
}

// cmpConstFn is cmpFn with a literal on the right, which needs no closure
// of its own: "age < 18", "count(start) > 1".
func cmpConstFn[T int | Day | string](op string, l func(*Episode) (T, bool), c T) boolFn {
	o := cmpOp(op)
	return func(e *Episode) bool { a, ok := l(e); return ok && compare(o, a, c) }
}

// lowerCmp compiles a comparison. A missing value makes every comparison
// false, so rules say known(x) where absence matters.
func (lw *lowerer) lowerCmp(t *typed, involved *CodeUnion) boolFn {
	l, r := t.args[0], t.args[1]
	lit := r.op == "lit"
	if lit && l.op == "call" && l.fn == "count" && (r.num == 0 || r.num == 1) {
		return lw.countCmp(t.cmp, l, r.num, involved)
	}
	switch {
	case l.typ == tNumber && lit:
		return cmpConstFn(t.cmp, lw.lowerNum(l, involved), r.num)
	case l.typ == tNumber:
		return cmpFn[int](t.cmp, lw.lowerNum(l, involved), lw.lowerNum(r, involved))
	case l.typ == tDate && lit:
		return cmpConstFn(t.cmp, lw.lowerDay(l, involved), r.day)
	case l.typ == tDate:
		return cmpFn[Day](t.cmp, lw.lowerDay(l, involved), lw.lowerDay(r, involved))
	case l.typ == tString && lit:
		return cmpConstFn(t.cmp, lw.lowerStr(l, involved), r.str)
	case l.typ == tString:
		return cmpFn[string](t.cmp, lw.lowerStr(l, involved), lw.lowerStr(r, involved))
	}
	lf, rf := lw.lowerBool(l, involved), lw.lowerBool(r, involved)
	if t.cmp == "==" {
		return func(e *Episode) bool { return lf(e) == rf(e) }
	}
	return func(e *Episode) bool { return lf(e) != rf(e) }
}

func (lw *lowerer) lowerIn(t *typed, involved *CodeUnion) boolFn {
	l := t.args[0]
	if l.typ == tNumber {
		var items []int
		for _, a := range t.args[1:] {
			items = append(items, a.num)
		}
		return inFn(lw.lowerNum(l, involved), items)
	}
	var items []string
	for _, a := range t.args[1:] {
		items = append(items, a.str)
	}
	return inFn(lw.lowerStr(l, involved), items)
}

// inFn tests a value against a list of literals; a missing value is in no list.
func inFn[T int | string](f func(*Episode) (T, bool), items []T) boolFn {
	return func(e *Episode) bool {
		v, ok := f(e)
		if !ok {
			return false
		}
		for _, x := range items {
			if v == x {
				return true
			}
		}
		return false
	}
}

func (lw *lowerer) lowerNum(t *typed, involved *CodeUnion) numFn {
	switch t.op {
	case "lit":
		v := t.num
		return func(*Episode) (int, bool) { return v, true }
	case "attr": // only age is a number
		return func(e *Episode) (int, bool) { return e.Age, e.HasAge }
	case "call":
		switch t.fn {
		case "count":
			s := lw.unionOf(t.args, involved)
			return func(e *Episode) (int, bool) {
				n := 0
				for _, ev := range e.Events {
					if s.Has(ev.Code) {
						n++
					}
				}
				return n, true
			}
		case "prefixes":
			s := lw.unionOf(t.args, involved)
			return func(e *Episode) (int, bool) {
				var seen [4]int
				n := 0
				for _, ev := range e.Events {
					if !s.Has(ev.Code) {
						continue
					}
					pre, dup := PrefixOf(ev.Code), false
					for _, x := range seen[:min(n, len(seen))] {
						dup = dup || x == pre
					}
					if !dup {
						if n < len(seen) {
							seen[n] = pre
						}
						n++
					}
				}
				return n, true
			}
		case "days":
			a, b := lw.lowerDay(t.args[0], involved), lw.lowerDay(t.args[1], involved)
			return func(e *Episode) (int, bool) {
				x, ok1 := a(e)
				y, ok2 := b(e)
				return int(y - x), ok1 && ok2
			}
		}
	}
	panic("compiler: unlowerable number " + t.op + " " + t.fn) // for developers: a bug
}

func (lw *lowerer) lowerDay(t *typed, involved *CodeUnion) dayFn {
	switch t.op {
	case "lit":
		v := t.day
		return func(*Episode) (Day, bool) { return v, true }
	case "call":
		s := lw.unionOf(t.args, involved)
		if t.fn == "first" {
			return func(e *Episode) (Day, bool) {
				var best Day
				found := false
				for _, ev := range e.Events {
					if s.Has(ev.Code) && (!found || ev.Date < best) {
						best, found = ev.Date, true
					}
				}
				return best, found
			}
		}
		return func(e *Episode) (Day, bool) {
			var best Day
			found := false
			for _, ev := range e.Events {
				if s.Has(ev.Code) && (!found || ev.Date > best) {
					best, found = ev.Date, true
				}
			}
			return best, found
		}
	}
	panic("compiler: unlowerable date " + t.op)
}

func (lw *lowerer) lowerStr(t *typed, involved *CodeUnion) strFn {
	if t.op == "lit" {
		v := t.str
		return func(*Episode) (string, bool) { return v, true }
	}
	// One closure per attribute, not a getter inside a closure: each call
	// costs.
	switch t.name {
	case "sex":
		return func(e *Episode) (string, bool) { return e.Sex, e.Sex != "" }
	case "county":
		return func(e *Episode) (string, bool) { return e.County, e.County != "" }
	case "region":
		return func(e *Episode) (string, bool) { return e.Region, e.Region != "" }
	case "referring_region":
		return func(e *Episode) (string, bool) { return e.ReferringRegion, e.ReferringRegion != "" }
	case "diagnosis":
		return func(e *Episode) (string, bool) { return e.Diagnosis, e.Diagnosis != "" }
	case "intent":
		return func(e *Episode) (string, bool) { return e.Intent, e.Intent != "" }
	}
	panic("compiler: unknown text attribute " + t.name) // for developers: a bug
}
