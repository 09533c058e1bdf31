package runtime

import (
	"bytes"
	"hash/maphash"

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
	seed   maphash.Seed
	r      EpisodeResult
	lb     *localBlock // the block's so far; nil before its first episode
	// newBlock returns an empty localBlock: one the collector took
	// before, when there is one.
	newBlock func() *localBlock
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

// Episode evaluates ep, renders it and notes its id.
func (l *localEval) Episode(ep *input.Episode) {
	if l.lb == nil {
		l.lb = l.newBlock()
	}
	evaluateOne(l.ev, ep, &l.r, l.render, &l.lb.out)
	l.lb.tally.add(&l.r)
	l.lb.hashes = append(l.lb.hashes, maphash.String(l.seed, ep.ID))
	l.lb.order.next(ep.ID)
}

// Done returns the block's *localBlock.
func (l *localEval) Done() any {
	lb := l.lb
	l.lb = nil
	return lb
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
