package input

import "strings"

// Evaluating episodes on the goroutines that parse them.
//
// When a CSV input is parsed in blocks (read_parallel.go), every run of an
// episode in a block except the first and the last is complete: no block
// edge can change it. A sink that implements LocalSink (the pipeline's
// collector) has such runs evaluated at once, on the goroutine that parsed
// them, while they are in its cache, and never allocated: the builder
// fills one episode again and again. Only the first and last runs of a
// block travel to the sink as episodes. Allocating an episode per episode
// kept the garbage collector running for a third of eval's time.
//
// The reader knows nothing of evaluation: it hands the runs to a Local
// and passes what the Local's Done returns to the sink, in the place of
// those runs in the input order.

// LocalSink is a Sink that takes episodes evaluated on the parsing
// goroutines.
type LocalSink interface {
	Sink
	// NewLocal returns what evaluates episodes on one parsing goroutine,
	// or nil to have every run passed to Episode.
	NewLocal() Local
	// TakeLocal receives what a Local's Done returned for a block, in
	// input order among the Sink calls.
	TakeLocal(done any)
}

// Local evaluates the runs of episodes that lie inside one block, on the
// goroutine that parses the block. One Local serves one goroutine.
type Local interface {
	// Episode receives a complete run. The reader fills ep again after
	// the call, its id's bytes too, so neither may be kept: an id kept
	// is copied (strings.Clone).
	Episode(ep *Episode)
	// Done ends the block: it returns what the block's runs gave, which
	// reaches LocalSink.TakeLocal, and starts afresh.
	Done() any
}

// fusedSink is the Sink of a block parsed with a Local: it keeps the
// block's first and last runs (copied: the builder fills its one episode
// again) and hands the others to the Local.
type fusedSink struct {
	itemSink
	local Local
	runs  int
	at    int  // the index in items of the Local's item, -1 before the second run
	final bool // the flush at the block's end: the last run
}

func (s *fusedSink) Episode(ep *Episode) {
	s.runs++
	if s.runs == 1 || s.final {
		cp := *ep
		cp.ID = strings.Clone(ep.ID)              // the builder makes the next id in its bytes (newID)
		cp.Events = make([]Event, len(ep.Events)) // no spare capacity, as other runs
		copy(cp.Events, ep.Events)
		s.items = append(s.items, readItem{ep: &cp})
		return
	}
	if s.runs == 2 { // what the Local gives goes to the sink here
		s.at = len(s.items)
		s.items = append(s.items, readItem{})
	}
	s.local.Episode(ep)
}
