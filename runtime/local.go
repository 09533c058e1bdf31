package runtime

import (
	"bytes"
	"hash/maphash"
)

// Evaluating episodes on the goroutines that parse them.
//
// When a CSV input is parsed in blocks (read_parallel.go), every run of an
// episode in a block except the first and the last is complete: no block
// edge can change it. A streaming run evaluates such episodes at once, on
// the goroutine that parsed them, while they are in its cache, and never
// allocates them: the builder fills one episode again and again. Only the
// first and last runs of a block travel to the collector as episodes.
// Allocating an episode per episode kept the garbage collector running
// for a third of eval's time.
//
// The collector still sees every id, in input order, to find ids that
// come back (then the run starts again, grouping): a block's local
// episodes come to it as one localBlock, with their ids' hashes and
// whether the ids increase.

// localSink is a Sink that takes episodes evaluated on the parsing
// goroutines.
type localSink interface {
	Sink
	// newLocal returns an evaluator for one parsing goroutine.
	newLocal() *localEval
	// takeLocal receives a block's local episodes, in input order among
	// the Sink calls.
	takeLocal(lb *localBlock)
}

// localEval evaluates episodes on one parsing goroutine.
type localEval struct {
	ev     *Evaluator
	render Renderer
	seed   maphash.Seed
	r      EpisodeResult
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

// fusedSink is the Sink of a block parsed with a localEval: it keeps the
// block's first and last runs (copied: the builder fills its one episode
// again) and evaluates the others at once.
type fusedSink struct {
	itemSink
	local *localEval
	lb    *localBlock
	runs  int
	final bool // the flush at the block's end: the last run
}

func (s *fusedSink) Episode(ep *InputEpisode) {
	s.runs++
	if s.runs == 1 || s.final {
		cp := *ep
		cp.Events = append([]InputEvent(nil), ep.Events...)
		s.items = append(s.items, readItem{ep: &cp})
		return
	}
	if s.runs == 2 { // the local episodes go to the sink here
		s.lb.reset()
		s.items = append(s.items, readItem{local: s.lb})
	}
	l := s.local
	evaluateOne(l.ev, ep, &l.r, l.render, &s.lb.out)
	s.lb.tally.add(&l.r)
	s.lb.hashes = append(s.lb.hashes, maphash.String(l.seed, ep.ID))
	s.lb.order.next(ep.ID)
}

// idOrder follows whether ids increase: then none can come back, and
// checking that costs a comparison instead of a lookup in a set of every
// id (random access to a large table, which took a fifth of eval's time
// on a sorted export). Exports are usually sorted by id, as text
// ("E10" < "E9") or as numbers ("E9" < "E10": shorter first).
type idOrder struct {
	first, last    string
	started        bool
	broken         bool // neither order holds any more
	asText, asNums bool // the ids so far increase in that order
}

// next notes id and reports whether the ids still increase.
func (o *idOrder) next(id string) bool {
	return o.follow(&idOrder{first: id, last: id, started: true, asText: true, asNums: true})
}

// follow notes the ids of r, which come after o's, and reports whether
// the ids still increase.
func (o *idOrder) follow(r *idOrder) bool {
	switch {
	case !r.started:
	case o.broken:
	case !o.started:
		*o = *r
	default:
		o.asText = o.asText && r.asText && r.first > o.last
		o.asNums = o.asNums && r.asNums && (len(r.first) > len(o.last) || len(r.first) == len(o.last) && r.first > o.last)
		o.broken = !o.asText && !o.asNums
		o.last = r.last
	}
	return !o.broken
}
