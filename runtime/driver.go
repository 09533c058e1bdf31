package runtime

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"github.com/rcc/svfrules/internal/msg"
	"io"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/runtime/input"
)

// EpisodeResult is one evaluated episode with the input it came from.
type EpisodeResult struct {
	In      *input.Episode
	Episode compiler.Episode
	Result  Result
}

// Renderer writes evaluated episodes in one output format. Episode is
// called from several goroutines at once, each with its own buffer, not
// in input order; r, its input episode and its events are only valid
// during the call (they are filled again for the next episode, the id's
// bytes too), so a renderer that keeps anything copies it (an id with
// strings.Clone).
type Renderer interface {
	Episode(buf *bytes.Buffer, r *EpisodeResult)
}

// UnknownPathwayKey is the key Summary.EpisodesByPathway counts the
// episodes under that have no pathway (none of their codes has a prefix
// of the guide).
const UnknownPathwayKey = "(okänt)"

// Wrapper is implemented by renderers whose output needs text around the
// episodes (a header, or the summary of a JSON document): Run hands it
// the episodes' output, in input order, once the run has succeeded.
type Wrapper interface {
	Wrap(sum *Summary, episodes io.Reader, w io.Writer) error
}

// Summary accounts for every input row and counts the results.
type Summary struct {
	Guide         string `json:"guide"`
	RowsRead      int    `json:"rows_read"`
	RowsEvaluated int    `json:"rows_evaluated"`
	RowsRejected  int    `json:"rows_rejected"`
	// RowsBlank counts rows of nothing but separators and spaces (an
	// empty row of a sheet, as Excel saves it), which are skipped; they
	// are rows read too, beside the evaluated, incomplete and rejected
	// ones. Left out of JSON when 0.
	RowsBlank int `json:"rows_blank,omitempty"`
	// RowsDateOrder counts the rejected rows whose date is written day
	// first (29/1/2024), which --date-order dmy reads; the summary ends
	// with what to do. Left out of JSON when 0.
	RowsDateOrder int `json:"rows_date_order,omitempty"`
	// EventsEvaluated counts the events (code and date) of the evaluated
	// rows: as many as the rows in CSV, more in JSON Lines, whose rows
	// (lines) are episodes.
	EventsEvaluated int `json:"events_evaluated"`
	// RowsIncomplete counts the accepted rows of incomplete episodes
	// (episodes with a rejected row), which are not evaluated either:
	// RowsRead = RowsEvaluated + RowsIncomplete + RowsRejected + RowsBlank.
	RowsIncomplete int `json:"rows_incomplete"`
	// Episodes counts every episode, incomplete ones too.
	Episodes int `json:"episodes"`
	// EpisodesIncomplete counts the episodes that had a rejected row
	// (input.Episode.Rejected): they have no findings or lead times and
	// are not reportable, as the missing rows could change any of them.
	EpisodesIncomplete int            `json:"episodes_incomplete"`
	EpisodesWithErrors int            `json:"episodes_with_errors"`
	Reportable         int            `json:"reportable"`
	FindingsByRule     map[string]int `json:"findings_by_rule"`
	EpisodesByPathway  map[string]int `json:"episodes_by_pathway"`
	// Names are what people read for the keys of FindingsByRule and
	// EpisodesByPathway: a rule's name with its id beside it, a
	// pathway's name with its prefix (both of which explain takes).
	Names    map[string]string `json:"-"`
	Rejected []input.Rejection `json:"rejected"`
	// Grouped is true when an episode's rows were not adjacent and the run
	// grouped the whole input in memory instead of streaming it.
	Grouped bool `json:"grouped"`
	// Columns says, per input, which header was read as which field and
	// which headers were not used.
	Columns []input.FileColumns `json:"columns"`
	// Unchecked are the rules that were not evaluated for some inputs'
	// episodes: those inputs have no column for an attribute they read.
	Unchecked []UncheckedRule `json:"unchecked_rules"`
	// Lists are the lists to act on, when the renderer is a Lister that
	// wants them; else nil.
	Lists *Lists `json:"lists,omitempty"`
	// CaseIDs are the episode ids that differ only in case ("e4" and
	// "E4"), with the first row of each, in the order the later id was
	// first read. They are two episodes, as written: whether they are
	// one cannot be told from the export, so svfrules' own notice
	// CaseIDsNotice names them for the user to check. Left out of JSON
	// when there are none.
	CaseIDs []CaseIDs `json:"ids_differing_in_case,omitempty"`
}

// CaseIDs are two episode ids that differ only in case: the one read
// first, then the other.
type CaseIDs [2]EpisodePlace

// EpisodePlace is an episode's id and its first row.
type EpisodePlace struct {
	ID   string `json:"episode"`
	File string `json:"file"`
	Row  int    `json:"row"`
}

// CaseIDsNotice is the id of svfrules' own notice of episode ids that
// differ only in case (Summary.CaseIDs), which explain takes.
const CaseIDsNotice = "id_skiftlage"

// HasErrors reports whether any episode had an error finding or any row
// was rejected.
func (s *Summary) HasErrors() bool { return s.EpisodesWithErrors > 0 || s.RowsRejected > 0 }

// Run evaluates inputs with the compiled program and writes each episode,
// in input order, through render to w. It streams when every episode's
// rows are adjacent (memory independent of input size); when an episode
// id comes back after other episodes, it starts again and groups the
// whole input by id, so results never depend on row order.
//
// Output goes to w only when the run succeeds; a restart never leaves
// half an output behind, because w receives it from a temporary file in
// opts.TempDir, which has no name (see safefile.CreateUnnamed).
//
// workers goroutines evaluate; with one, the calling goroutine does all
// the work, which is quicker for a small input.
func Run(p *compiler.Program, inputs []input.Input, opts input.Options, workers int, render Renderer, w io.Writer) (*Summary, error) {
	if workers < 1 {
		workers = 1
	}
	sp := newSpool(opts.TempDir)
	defer sp.release()

	// The streaming pass's collector setting is kept until the output
	// is handed over: restoring the usual target started a collection at
	// once (the heap had grown since the last one), on the run's serial
	// tail (Wrap): 1.7 ms of wall time on the 7-column 300 k file
	// (GODEBUG=gctrace=1). Restored when Run returns, the collection
	// starts at the caller's next allocation, or never when the process
	// ends first, as eval's does (issue 16).
	restoreGC := streamGC()
	defer restoreGC()
	sum, err := runOnce(p, inputs, opts, workers, render, sp, false)
	if errors.Is(err, errNotAdjacent) {
		restoreGC()
		if err := sp.reset(); err != nil {
			return nil, err
		}
		// The collector keeps its usual target while grouping: the
		// grouped episodes are outside Go's heap (populated), and what
		// is left of it is some 7 MB live on the shuffled 300 k file.
		// At half the usual growth (GOGC=50, when the records were in
		// the heap) it collected 16 times instead of 10 there, for a
		// tenth of the run's CPU, with the same peak (81 MB, 84 at 100).
		sum, err = runOnce(p, inputs, opts, workers, render, sp, true)
	}
	if err != nil {
		return nil, err
	}
	out, err := sp.reader()
	if err != nil {
		return nil, err
	}
	if ch, ok := render.(ReadChecker); ok {
		if err := ch.CheckRead(sum); err != nil {
			return nil, err
		}
	}
	if wr, ok := render.(Wrapper); ok {
		err = wr.Wrap(sum, out, w)
	} else {
		_, err = io.Copy(w, out)
	}
	if err != nil {
		return nil, fmt.Errorf(msg.EvalOutWrite, err)
	}
	return sum, nil
}

var errNotAdjacent = errors.New("rows of an episode are not adjacent")

const batchSize = 512

type batch struct {
	seq      int
	episodes []*input.Episode
	// grouped: the batch is the grouped episodes lo to hi-1 (grouper
	// indexes) instead of episodes.
	grouped bool
	lo, hi  uint32
	out     bytes.Buffer
	tally   tally
}

// collector is the Sink of one run: it counts rows, keeps rejections,
// cuts episodes into batches (streaming) or groups them (grouping mode).
type collector struct {
	sum      *Summary
	grouping bool
	seed     idSeed
	seen     map[uint64]struct{} // hashes of ids already emitted (streaming)
	// While the ids increase, their hashes are only kept in hashes, to
	// fill seen with if an id comes out of order; in chunks, so that
	// keeping millions of them never copies them.
	ordered idOrder
	hashes  [][]uint64
	// releases give back the room of hashes' chunks once the pass is
	// over (see populated).
	releases []func()
	failed   bool
	// stop cancels the read with errNotAdjacent once failed, so the
	// streaming pass does not read the rest of a large input it must redo.
	stop context.CancelCauseFunc
	// refused is the renderer's error about an input's columns
	// (ColumnChecker), which ends the run.
	refused error
	// quit is set when the pass failed, here or on a parsing goroutine
	// that found an id come back within its block (localEval): then the
	// parsing goroutines stop evaluating, and the pass fails even if the
	// reader has read everything.
	quit atomic.Bool

	cur  *batch
	free chan *batch // batches written out, to be used again
	seq  int
	send func(*batch) // to the evaluating goroutines
	// direct hands an evaluated batch to the writer; prog and render are
	// for evaluating on the parsing goroutines (input.LocalSink).
	direct func(*batch)
	prog   *compiler.Program
	render Renderer
	ev     *Evaluator // for the runs before a local block (TakeLocal)
	// localFree holds the localBlocks taken, for the parsing goroutines
	// to fill again.
	localFree chan *localBlock

	// lists, when the renderer wants them, gathers Summary.Lists.
	lists *listBuilder

	// grp gathers the episodes in grouping mode; groupFree holds the
	// groupBlocks taken, for the parsing goroutines to fill again.
	grp       *grouper
	groupFree chan *groupBlock
}

// DataRow counts a row read (input.Sink).
func (c *collector) DataRow() { c.sum.RowsRead++ }

// DataRows counts a block's rows read at once (input.RowCounter).
func (c *collector) DataRows(n int) { c.sum.RowsRead += n }

// BlankRows counts rows of separators only (input.BlankSink).
func (c *collector) BlankRows(n int) { c.sum.RowsBlank += n }

// Columns notes how an input's header was read (input.ColumnSink), and
// stops the run when the renderer refuses the columns (ColumnChecker).
func (c *collector) Columns(fc input.FileColumns) {
	c.sum.Columns = append(c.sum.Columns, fc)
	if ch, ok := c.render.(ColumnChecker); ok && c.refused == nil {
		if err := ch.CheckColumns(fc); err != nil {
			c.refused = err
			c.stop(err)
		}
	}
}

// ColumnChecker is implemented by renderers that cannot do their work
// without some columns (report --by region needs a region column): Run
// asks it about each input's header as soon as it is read, and on an
// error stops reading (a large export is not read to the end for a
// report that cannot be made) and returns that error.
type ColumnChecker interface {
	CheckColumns(fc input.FileColumns) error
}

// ReadChecker is implemented by renderers that can tell only once every
// input is read whether they can do their work (report --by county on
// JSON Lines, which has no header: the key is missing when no line has
// it). Run asks it before anything is written, and returns its error.
type ReadChecker interface {
	CheckRead(sum *Summary) error
}

// header is file's own header of field's column as Columns was told,
// "" when there is none (JSON Lines). The list is one entry per file.
func (c *collector) header(file, field string) string {
	for i := len(c.sum.Columns) - 1; i >= 0; i-- {
		if fc := &c.sum.Columns[i]; fc.File == file {
			for _, u := range fc.Columns {
				if u.Field == field {
					return u.Header
				}
			}
			return ""
		}
	}
	return ""
}

// Reject keeps a rejected row (input.Sink).
func (c *collector) Reject(r input.Rejection) {
	c.sum.RowsRejected++
	if r.DateOrder {
		c.sum.RowsDateOrder++
	}
	c.sum.Rejected = append(c.sum.Rejected, r)
}

// Episode takes a run of an episode (input.Sink).
func (c *collector) Episode(ep *input.Episode) {
	if c.quitting() {
		return
	}
	if c.grouping {
		c.grp.addEpisode(ep)
		return
	}
	// A run with the id of the run just before it cannot come from this
	// reader (it merges adjacent rows); a run whose id was seen earlier
	// means the input is not sorted by episode.
	h := idHash(c.seed, ep.ID)
	if !c.newIDs(c.ordered.next(ep.ID), h) {
		return
	}
	c.enqueue(ep)
}

// newIDs notes the hashes of ids that follow the ones before; inOrder
// says whether all ids so far increase. It reports whether none of them
// came before, else the streaming pass fails.
func (c *collector) newIDs(inOrder bool, hashes ...uint64) bool {
	if inOrder {
		c.keepHashes(hashes)
		return true
	}
	if c.hashes != nil { // the first id out of order: look back
		for _, chunk := range c.hashes {
			for _, x := range chunk {
				c.seen[x] = struct{}{}
			}
		}
		c.hashes = nil
	}
	for _, h := range hashes {
		if _, dup := c.seen[h]; dup {
			c.abandon()
			c.failed = true
			return false
		}
		c.seen[h] = struct{}{}
	}
	return true
}

// abandon fails the streaming pass: an id came back. Safe to call from
// any goroutine.
func (c *collector) abandon() {
	c.quit.Store(true)
	c.stop(errNotAdjacent)
}

// quitting reports whether the pass failed, noting it in c.failed.
func (c *collector) quitting() bool {
	if !c.failed && c.quit.Load() {
		c.failed = true
	}
	return c.failed
}

// hashChunk is the number of id hashes in a chunk of collector.hashes
// after the first, which holds firstHashChunk.
const hashChunk = 1 << 14

// firstHashChunk is the number of id hashes in the first chunk: a plain
// slice of Go's heap, whose pages are touched only as hashes fill them.
// A small input's few hashes then do not map a region of populated room
// and put its 4 MB in place (two huge pages zeroed), some 0.3 ms of a
// 100-row eval's start-up of 20 ms (issue 16); an input of more
// episodes than this goes on in populated chunks.
const firstHashChunk = 1 << 12

// keepHashes appends hs to c.hashes.
func (c *collector) keepHashes(hs []uint64) {
	for len(hs) > 0 {
		n := len(c.hashes)
		if n == 0 {
			c.hashes = append(c.hashes, make([]uint64, 0, firstHashChunk))
			n++
		} else if len(c.hashes[n-1]) == cap(c.hashes[n-1]) {
			// Mapped with its pages in place (populated): the hashes
			// are 8 bytes an episode of fresh memory, a page fault per
			// 4 KB on first touch otherwise.
			chunk, release := populated[uint64](hashChunk)
			c.hashes, c.releases = append(c.hashes, chunk[:0:hashChunk]), append(c.releases, release)
			n++
		}
		last := &c.hashes[n-1]
		k := min(len(hs), cap(*last)-len(*last))
		*last = append(*last, hs[:k]...)
		hs = hs[k:]
	}
}

// NewLocal gives a parsing goroutine what it needs to evaluate episodes,
// or, when grouping (episodes are evaluated once all are read), to make
// the runs ready to be grouped; see input.LocalSink.
func (c *collector) NewLocal() input.Local {
	if c.grouping {
		return &groupLocal{seed: c.grp.seed, vals: &valCache{g: c.grp}, codes: new(codeSet), newBlock: c.newGroupBlock}
	}
	return &localEval{ev: NewEvaluator(c.prog), render: c.render, seed: c.seed, newBlock: c.newLocalBlock,
		quit: &c.quit, abandon: c.abandon}
}

// newLocalBlock returns an empty localBlock, one taken before if there is
// one: allocating fresh ones per block made the garbage collector run.
func (c *collector) newLocalBlock() *localBlock {
	var lb *localBlock
	select {
	case lb = <-c.localFree:
	default:
		lb = &localBlock{}
	}
	lb.tally.lists.on = c.lists != nil
	return lb
}

// newGroupBlock returns an empty groupBlock, one taken before if there
// is one.
func (c *collector) newGroupBlock() *groupBlock {
	select {
	case b := <-c.groupFree:
		return b
	default:
		return &groupBlock{}
	}
}

// TakeLocal takes a block's episodes evaluated on a parsing goroutine (a
// *localBlock, from localEval.Done): their output goes to the writer in
// its place in the input order. When grouping, it takes a block's runs
// (a *groupBlock, from groupLocal.Done) and groups them.
func (c *collector) TakeLocal(done any) {
	if gb, ok := done.(*groupBlock); ok {
		c.grp.addBlock(gb)
		gb.reset()
		select {
		case c.groupFree <- gb:
		default:
		}
		return
	}
	lb := done.(*localBlock)
	defer func() {
		lb.reset()
		select {
		case c.localFree <- lb:
		default:
		}
	}()
	if c.quitting() || !c.newIDs(c.ordered.follow(&lb.order), lb.hashes...) {
		return
	}
	if c.cur != nil {
		// The runs before the block (those at block edges, a few) are
		// evaluated here: handing them to a worker and back cost more
		// than evaluating them.
		if c.ev == nil {
			c.ev = NewEvaluator(c.prog)
		}
		evaluateBatch(c.ev, c.cur, c.render)
		c.direct(c.cur)
		c.cur = nil
	}
	b := c.newBatch()
	// Swapping buffers hands the output over without copying it; the
	// block gets the batch's empty ones.
	b.out, lb.out = lb.out, b.out
	b.tally, lb.tally = lb.tally, b.tally
	c.direct(b)
}

func runOnce(p *compiler.Program, inputs []input.Input, opts input.Options, workers int, render Renderer, sp *spool, grouping bool) (*Summary, error) {
	sum := &Summary{Guide: p.Guide.Version, FindingsByRule: map[string]int{}, EpisodesByPathway: map[string]int{}, Names: map[string]string{}, Grouped: grouping}
	var lists *listBuilder
	if l, ok := render.(Lister); ok && l.WantsLists() {
		sum.Lists = &Lists{OverTarget: []OverTarget{}, Incomplete: []IncompleteEpisode{}, ByRule: []RuleEpisodes{}}
		lists = &listBuilder{lists: sum.Lists, byRule: map[*compiler.Rule]*ruleChunks{}}
	}
	ev := NewEvaluator(p)
	seed := newIDSeed()
	var grp *grouper // grouping mode
	if grouping {
		grp = newGrouper(seed)
		grp.prog = p
		defer grp.release() // nothing refers to its records once the run is over
	}

	// Workers evaluate and render batches; the writer puts them back in
	// input order, so the output does not depend on scheduling. With one
	// worker both are done on this goroutine as the batches come
	// (serial): for a small input the goroutines' start and hand-offs
	// (threads woken, one started) cost more than the work (a 100-row
	// eval, issue 16); the output is the same.
	serial := workers == 1
	todo := make(chan *batch, workers*2)
	done := make(chan *batch, workers*2)
	free := make(chan *batch, workers*4)
	var writeErr error
	pending := map[int]*batch{}
	next := 0
	write := func(b *batch) {
		pending[b.seq] = b
		for {
			nb, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if writeErr == nil {
				_, writeErr = sp.Write(nb.out.Bytes())
			}
			account(sum, p.Guide.Pathways, nb)
			if lists != nil {
				lists.account(&nb.tally.lists)
			}
			// Reusing batches saves growing an output buffer for
			// every 512 episodes, which kept the collector busy.
			nb.out.Reset()
			select {
			case free <- nb:
			default:
			}
		}
	}
	var in input.Episode // a grouped episode, filled again for each (serial)
	evaluate := func(b *batch, in *input.Episode) {
		if b.grouped {
			evaluateGrouped(ev, grp, b, render, in)
		} else {
			evaluateBatch(ev, b, render)
		}
	}
	send := func(b *batch) { todo <- b }
	direct := func(b *batch) { done <- b }
	var wg sync.WaitGroup
	writerDone := make(chan struct{})
	if serial {
		send = func(b *batch) { evaluate(b, &in); write(b) }
		direct = write
	} else {
		for i := 0; i < workers; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var in input.Episode
				for b := range todo {
					evaluate(b, &in)
					done <- b
				}
			}()
		}
		go func() {
			defer close(writerDone)
			for b := range done {
				write(b)
			}
		}()
	}

	col := &collector{sum: sum, grouping: grouping, seed: seed, seen: map[uint64]struct{}{},
		send: send, free: free,
		direct: direct, prog: p, render: render, lists: lists,
		localFree: make(chan *localBlock, 4*workers+4)}
	defer func() { // nothing refers to the hashes once the pass is over
		for _, r := range col.releases {
			r()
		}
	}()
	if grouping {
		col.grp, grp.reject, grp.header = grp, col.Reject, col.header
		col.groupFree = make(chan *groupBlock, 4*workers+4)
	}
	ctx, stop := context.WithCancelCause(context.Background())
	defer stop(nil)
	col.stop = stop
	var readErr error
	warmed := false // the heap is warmed once, for the first input whose size is known
	for _, in := range inputs {
		if col.quitting() || col.refused != nil {
			break
		}
		rc, err := in.Open()
		if err != nil {
			readErr = fmt.Errorf(msg.EvalCannotOpen, in.Name, err)
			break
		}
		if !warmed && !grouping { // the grouping pass has the streaming pass's heap
			if s, ok := rc.(interface{ Size() int64 }); ok {
				warmHeap(warmSize(s.Size()))
				warmed = true
			}
		}
		// Once rows prove not adjacent this pass is wasted: stop reading.
		readOpts := opts
		if readOpts.Workers == 0 || serial { // serial: its write is not safe from other goroutines
			readOpts.Workers = workers
		}
		err = input.Read(ctx, in.Name, rc, readOpts, col)
		rc.Close()
		if err != nil {
			readErr = err
			break
		}
	}
	if grouping {
		// The blocks the runs came in are not needed any more; the
		// grouped episodes are all that is kept while they are evaluated.
		col.groupFree = nil
		readErr = cmp.Or(readErr, col.grp.err)
	}
	if grouping && readErr == nil {
		made := 0 // batches made for the grouped episodes
		for lo := 0; lo < col.grp.n; lo += batchSize {
			var b *batch
			if made < cap(free) || serial {
				b = col.newBatch()
				made++
			} else {
				// All the batches are ready at once: a new one was made
				// whenever the writer had not yet given one back (329 of
				// the shuffled 300 k file's 586, each growing an output
				// buffer anew: 10.7 MB, a third of what the run
				// allocates). Once as many are under way as free holds
				// (the writer drops none then), the next waits for one.
				b = col.numberBatch(<-free)
			}
			b.grouped, b.lo, b.hi = true, uint32(lo), uint32(min(lo+batchSize, col.grp.n))
			send(b)
		}
	}
	if col.cur != nil && !col.quitting() && readErr == nil {
		send(col.cur)
	}
	close(todo)
	wg.Wait()
	close(done)
	if !serial {
		<-writerDone
	}
	if writeErr == nil {
		writeErr = sp.flush()
	}
	switch {
	case col.refused != nil:
		return nil, col.refused
	case col.quitting():
		return nil, errNotAdjacent
	case readErr != nil:
		return nil, readErr
	case writeErr != nil:
		return nil, writeErr // the spool's, with what to do
	}
	if grouping {
		sum.CaseIDs = col.grp.caseIDPairs()
		// Ids that differ only in case are grouped (idHash) though the
		// rows of each may be adjacent: the summary says rows were not
		// adjacent only when an id had rows apart.
		sum.Grouped = col.grp.merged || len(sum.CaseIDs) == 0
	}
	sum.Unchecked = uncheckedRules(p, sum.Columns)
	if lists != nil {
		lists.finish()
	}
	// Rejections come in input order, except those of grouping; sort them
	// by input file (in the order given) and row.
	fileOrder := map[string]int{}
	for i, in := range inputs {
		if _, ok := fileOrder[in.Name]; !ok {
			fileOrder[in.Name] = i
		}
	}
	sort.SliceStable(sum.Rejected, func(i, j int) bool {
		a, b := sum.Rejected[i], sum.Rejected[j]
		if fa, fb := fileOrder[a.File], fileOrder[b.File]; fa != fb {
			return fa < fb
		}
		return a.Row < b.Row
	})
	return sum, nil
}

// newBatch returns an empty batch, the next in input order.
func (c *collector) newBatch() *batch {
	var b *batch
	select {
	case b = <-c.free:
	default:
		b = &batch{}
	}
	return c.numberBatch(b)
}

// numberBatch makes b, empty, the next batch in input order.
func (c *collector) numberBatch(b *batch) *batch {
	b.seq = c.seq
	c.seq++
	b.tally.lists.on = c.lists != nil
	return b
}

// enqueue adds an episode to the current batch and hands full batches to
// the workers.
func (c *collector) enqueue(ep *input.Episode) {
	if c.cur == nil {
		c.cur = c.newBatch()
	}
	c.cur.episodes = append(c.cur.episodes, ep)
	if len(c.cur.episodes) == batchSize {
		c.send(c.cur)
		c.cur = nil
	}
}

// evaluateGrouped evaluates the grouped episodes of b, filling in with
// each in turn.
func evaluateGrouped(ev *Evaluator, g *grouper, b *batch, render Renderer, in *input.Episode) {
	var (
		r EpisodeResult
		w chainWalk
	)
	for lo := b.lo; lo < b.hi; lo += chainWays {
		n := int(min(b.hi-lo, chainWays))
		w.walk(g, lo, n)
		for j := range n {
			r.In = in
			if ev.Program == g.prog {
				// The events' CodeIDs come with the records: the
				// evaluation needs no IDOf of each event's code.
				g.fill(lo+uint32(j), w.evs[j], in, &r.Episode)
				episodeAttrs(in, &r.Episode)
				ev.evaluateEpisode(in, &r.Episode, &r.Result)
			} else {
				g.fill(lo+uint32(j), w.evs[j], in, nil)
				ev.EvaluateInput(in, &r.Episode, &r.Result)
			}
			render.Episode(&b.out, &r)
			b.tally.add(&r)
		}
	}
	b.grouped = false
}

func evaluateBatch(ev *Evaluator, b *batch, render Renderer) {
	var r EpisodeResult
	for _, in := range b.episodes {
		evaluateOne(ev, in, &r, render, &b.out)
		b.tally.add(&r)
	}
	clear(b.episodes) // let the input go
	b.episodes = b.episodes[:0]
}

// evaluateOne evaluates in into r and renders it to out.
func evaluateOne(ev *Evaluator, in *input.Episode, r *EpisodeResult, render Renderer, out *bytes.Buffer) {
	r.In = in
	ev.EvaluateInput(in, &r.Episode, &r.Result)
	render.Episode(out, r)
}

// EvaluateInput evaluates the episode in as read into res, filling ep
// with its compact form (both reused). An incomplete episode (one with a
// rejected row) is not evaluated: its result is empty and marked
// Incomplete. A Renderer that evaluates its episodes with a second
// version (diff --episodes) calls it with that version's Evaluator.
func (ev *Evaluator) EvaluateInput(in *input.Episode, ep *compiler.Episode, res *Result) {
	toEpisode(ev.Program, in, ep)
	ev.evaluateEpisode(in, ep, res)
}

// evaluateEpisode is EvaluateInput once ep is filled from in.
func (ev *Evaluator) evaluateEpisode(in *input.Episode, ep *compiler.Episode, res *Result) {
	if in.Rejected != nil {
		res.incomplete()
	} else {
		ev.Evaluate(ep, res)
	}
}

// tally is what the summary counts of some evaluated episodes. It counts
// by pathway index and rule pointer, not by name: a map lookup per
// episode was a tenth of the work left once the rows were parsed.
type tally struct {
	episodes, rows, events, reportable, withErrors int
	incomplete, incompleteRows                     int
	byPathway                                      []int // by Pathway.Index+1; 0 is "no pathway"
	rules                                          []ruleCount
	lists                                          listTally
}

type ruleCount struct {
	rule *compiler.Rule
	n    int
}

func (t *tally) add(r *EpisodeResult) {
	t.episodes++
	if t.lists.on {
		t.lists.add(r)
	}
	if r.Result.Incomplete { // no pathway, findings or lead times
		t.incomplete++
		t.incompleteRows += r.In.Rows
		return
	}
	t.rows += r.In.Rows
	t.events += len(r.In.Events)
	if r.Result.Reportable {
		t.reportable++
	}
	slot := 0
	if r.Result.Pathway != nil {
		slot = r.Result.Pathway.Index + 1
	}
	if slot >= len(t.byPathway) {
		t.byPathway = append(t.byPathway, make([]int, slot+1-len(t.byPathway))...)
	}
	t.byPathway[slot]++
	hasError := false
findings:
	for _, f := range r.Result.Findings {
		hasError = hasError || f.Rule.Severity == compiler.SevError
		for i := range t.rules { // a rule set has a few dozen rules
			if t.rules[i].rule == f.Rule {
				t.rules[i].n++
				continue findings
			}
		}
		t.rules = append(t.rules, ruleCount{f.Rule, 1})
	}
	if hasError {
		t.withErrors++
	}
}

// account adds b's counts to sum and clears them.
func account(sum *Summary, pathways []*compiler.Pathway, b *batch) {
	t := &b.tally
	sum.Episodes += t.episodes
	sum.RowsEvaluated += t.rows
	sum.EventsEvaluated += t.events
	sum.Reportable += t.reportable
	sum.EpisodesWithErrors += t.withErrors
	sum.EpisodesIncomplete += t.incomplete
	sum.RowsIncomplete += t.incompleteRows
	for slot, n := range t.byPathway {
		key := UnknownPathwayKey
		if slot > 0 {
			key = pathways[slot-1].Key
		}
		if n > 0 {
			sum.EpisodesByPathway[key] += n
			if slot > 0 {
				// Named once: making the name for every batch was a string
				// per pathway and batch, fresh memory all of it.
				if _, named := sum.Names[key]; !named {
					sum.Names[key] = pathways[slot-1].Name + " (" + pathways[slot-1].PrefixLabel() + ")"
				}
			}
		}
	}
	for _, rc := range t.rules {
		sum.FindingsByRule[rc.rule.ID] += rc.n
		if _, named := sum.Names[rc.rule.ID]; !named {
			sum.Names[rc.rule.ID] = rc.rule.Label()
		}
	}
	t.episodes, t.rows, t.events, t.reportable, t.withErrors = 0, 0, 0, 0, 0
	t.incomplete, t.incompleteRows = 0, 0
	clear(t.byPathway)
	t.rules = t.rules[:0]
}

// toEpisode converts a read episode into the compact form the compiled
// rules read. Codes were checked for shape by the reader.
func toEpisode(p *compiler.Program, in *input.Episode, ep *compiler.Episode) {
	// Sized once and written by index, not appended to event by event:
	// this runs for every event (issue 16).
	n := len(in.Events)
	evs := slices.Grow(ep.Events[:0], n)[:n]
	for i := range evs {
		e := &in.Events[i]
		evs[i] = compiler.Event{Code: p.IDOf(e.Code), Date: e.Date}
	}
	ep.Events = evs
	episodeAttrs(in, ep)
}

// episodeAttrs fills ep's attributes from in (toEpisode).
func episodeAttrs(in *input.Episode, ep *compiler.Episode) {
	ep.Age, ep.HasAge = in.Age, in.HasAge
	ep.Sex, ep.County, ep.Region = in.Sex, in.County, in.Region
	ep.ReferringRegion, ep.Diagnosis, ep.Intent = in.ReferringRegion, in.Diagnosis, in.Intent
	ep.Absent = in.Absent
}
