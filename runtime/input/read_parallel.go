package input

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"math"
	"math/bits"
	"sync"
)

// Reading a CSV input on several cores.
//
// The rows after the header are cut into blocks of whole rows (a row has
// several lines when a quoted value holds line breaks; recordCut finds
// where rows end as the reader does, so no edge falls inside one, and a
// run always starts where a row does); workers
// parse blocks at the same time, each as if its block were a file of its
// own, and the calling goroutine passes the results to the sink in input
// order. The sink then sees exactly the calls the one-goroutine reader
// (eachLine) makes: FuzzReadCSV compares the two with tiny blocks.
//
// A block's parse differs from the one-goroutine parse only at its start:
// there, no run of an episode is open. Rows that a fresh parse rejects are
// rejected for reasons of their own (a bad code or date, too few fields…),
// whatever run is open, so they are rejected the same way. A rejected row
// whose episode id can be read takes part in runs as an accepted row does
// (it makes its episode incomplete, builder.rejectIn), so it may start a
// block's first run and is joined across an edge like any row. A run cannot
// continue across a block edge unless the next block's first run has the
// same episode id; then the rows from the start of the open run to the end
// of that first run are parsed again, in one piece, as the one-goroutine
// reader would have parsed them. That is a few rows at a few edges of a
// large file; a run across many edges is parsed again block by block,
// each row once (see deliver).

// blockSize is the size of the blocks of lines the workers parse, unless
// Options.BlockSize says otherwise. A block of 128 KiB is still in the
// cache when a worker parses it after the read that filled it, and the
// blocks and their output under way take an eighth of the memory that
// blocks of 1 MiB took. What counts is that memory's first touch: a page
// fault per 4 KiB page of fresh memory cost 10-40 µs on the virtual
// machine of issue 16, and the buffers in flight were a tenth of eval's
// page faults with blocks of 256 KiB (a few hundred of some 4 800 on
// the 300 k-episode file), where the blocks themselves, twice as many,
// cost less than that.
const blockSize = 1 << 17

// block is a piece of the input of whole lines, and what parsing it gave.
type block struct {
	buf  []byte // the buffer data is in, reused once the block is passed on
	data []byte // whole lines; the input's last line may lack its line feed
	// firstLine is the line number of data's first line. The cutter sets
	// it for the first block; the worker of any other block counts the
	// lines of its own (lines) and adds them up with those of the block
	// before (prev) once that one is numbered, so that no goroutine
	// counts the lines of the whole input.
	firstLine int
	lines     int
	prev      *block
	numbered  chan struct{} // closed when firstLine and lines are set
	tooLong   bool          // data is empty and stands for one line longer than maxLine
	err       error         // reading stopped with this error after the lines before

	parsed chan struct{} // closed when the fields below are set
	rows   int           // data rows (blank lines are not rows)
	blanks int           // rows of separators only, among rows
	items  []readItem    // what the sink gets, in the one-goroutine order
	// The first, second and last run of an episode in the block: the
	// offset in data and the line number of its first row; -1 when the
	// block has fewer runs.
	firstRunLine              int
	secondRunStart            int
	secondRunLine             int
	lastRunStart, lastRunLine int
	// noID are the rows without an episode id after the block's last
	// row with one (builder.noID at its end): the first run of a block
	// after it that does not continue the open run gets them.
	noID []Rejection
}

// RowCounter is a Sink that takes a block's count of data rows at once.
type RowCounter interface{ DataRows(n int) }

// readItem is one sink call: an episode run, or a rejection when ep is nil.
type readItem struct {
	ep    *Episode
	rej   *Rejection // rare: kept apart so that an item is small
	local any        // what a Local's Done gave for the block (LocalSink)
}

// line is the line of the item's first row; local episodes always come
// after a block's first run.
func (it readItem) line() int {
	switch {
	case it.ep != nil:
		return it.ep.FirstRow
	case it.rej != nil:
		return it.rej.Row
	}
	return math.MaxInt
}

// itemSink keeps the calls of a block's parse as items.
type itemSink struct {
	items  []readItem
	rows   int
	blanks int
}

func (s *itemSink) DataRow()            { s.rows++ }
func (s *itemSink) DataRows(n int)      { s.rows += n }
func (s *itemSink) BlankRows(n int)     { s.blanks += n }
func (s *itemSink) Reject(r Rejection)  { s.items = append(s.items, readItem{rej: &r}) }
func (s *itemSink) Episode(ep *Episode) { s.items = append(s.items, readItem{ep: ep}) }
func (s *itemSink) log() *itemSink      { return s }

// clone returns a reader with c's header (separator, columns) and its
// own buffers, parsing into b.
func (c *csvReader) clone(b *builder) *csvReader {
	d := &csvReader{name: c.name, enc: c.enc, b: b, col: c.col, core: c.core, attrCols: c.attrCols,
		groups: c.groups, plan: c.plan, fixed: c.fixed, tail: c.tail, ncol: c.ncol, names: c.names}
	d.sp.setSep(c.sp.sep)
	b.dmy, b.absent, b.headers = c.b.dmy, c.b.absent, c.b.headers
	return d
}

// parseLines parses data, whole lines from line firstLine on, with a
// fresh builder into sink, noting where runs start in blk (when not nil).
func (c *csvReader) parseLines(data []byte, firstLine int, sink Sink, blk *block) {
	c.restart(sink)
	c.feed(data, firstLine, blk)
	if f, ok := sink.(*fusedSink); ok {
		f.final = true
		c.b.flush()
		if f.at >= 0 {
			f.items[f.at].local = f.local.Done()
		}
		return
	}
	c.b.flush()
}

// restart makes c parse as at the start of a block, into sink: no run is
// open.
func (c *csvReader) restart(sink Sink) {
	b := c.b
	b.sink, b.cur, b.events, b.noID = sink, nil, b.events[:0], nil
	c.last.ok, c.last.fast = false, false
	c.rec.first = 0
}

// feed parses data, whole rows from line firstLine on, after what c
// parsed before, noting where runs start in blk (when not nil). The run
// open at the end stays open; a row of several lines open at the end is
// ended (data ends where a row ends, see recordCut, unless the input
// ends there).
//
// A run starts on a line that starts a row: the line just read, or one
// of the lines of a row of several lines that turned out not to be one
// (csvReader.backtrack), all of them lines from the start of the row of
// several lines open before the line just read. So feed keeps the
// offsets of those lines.
func (c *csvReader) feed(data []byte, firstLine int, blk *block) {
	b := c.b
	b.noteStarts, b.started = blk != nil, b.started[:0]
	defer func() { b.noteStarts = false }()
	var offs []int // offs[i] is where line base+i starts
	base := firstLine
	runs := 0 // runs started in data
	// note records in blk the runs started since it last ran.
	note := func() {
		for _, row := range b.started {
			start := offs[row-base]
			runs++
			switch runs {
			case 1:
				blk.firstRunLine = row
			case 2:
				blk.secondRunStart, blk.secondRunLine = start, row
			}
			blk.lastRunStart, blk.lastRunLine = start, row
		}
		b.started = b.started[:0]
	}
	no := firstLine - 1 // the line's number
	for pos := 0; pos < len(data); {
		// Most rows take the short cut, which starts no run and opens
		// no row of several lines: nothing to note (csvReader.line).
		// fastLines takes them in a loop of its own, without the
		// variables note shares, and stops at a line it does not take;
		// it is not called while no row is kept for the short cut (rows
		// not in episode order, keepNewRun).
		var line []byte
		var next int
		if c.rec.first == 0 && c.last.fast {
			if pos, no, line, next = c.fastLines(data, pos, no); pos == len(data) {
				break
			}
		} else {
			line, next = cutLine(data, pos)
		}
		start := pos
		pos = next
		no++
		tooLong := false
		if len(line) > maxLine {
			line, tooLong = nil, true
		}
		if c.rec.first == 0 {
			offs, base = offs[:0], no
		}
		offs = append(offs, start)
		c.notFast(line, tooLong, no)
		note()
	}
	c.finish()
	note()
}

// cutLine returns the line of data that starts at pos, and where the next
// one starts, as lineReader.next cuts lines (a line feed ends a line, a
// carriage return before it is dropped, the last line may have none),
// here where all of data is in memory, without the calls and the tests
// for reading more: next was 2 % of the 7-column eval's CPU (issue 16).
func cutLine(data []byte, pos int) (line []byte, next int) {
	line, next = data[pos:], len(data)
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line, next = line[:i], pos+i+1
	}
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, next
}

// fastLines takes the lines of data from pos on the short cut (fast)
// while it takes them, the line before pos being line no. It returns
// where the first line it does not take starts (len(data) when it took
// them all), the number of the line before that one, and that line and
// where the next starts, as cutLine cuts them: the line has been tried
// and goes the longer way (notFast).
func (c *csvReader) fastLines(data []byte, pos, no int) (stop, before int, line []byte, next int) {
	// A row that takes the short cut is the kept row's template (its
	// first n bytes) and, in a file whose columns after it are not
	// read, a few bytes more: such a line is tried before it is cut, by
	// a look for the line feed right after the template or (columns not
	// read) among the eight bytes after it, and not again once cut when
	// it was the line (tried, its length). Had the line ended within the
	// template, the line feed would be where its code or date is, and
	// the short cut takes neither with one (see fastRow).
	for pos < len(data) {
		tried := -1
		switch n := len(c.last.tmpl); {
		case pos+n >= len(data):
		case data[pos+n] == '\n':
			if c.fast(data[pos:pos+n], no+1) {
				pos, no = pos+n+1, no+1
				continue
			}
			tried = n
		case c.fixed == len(c.plan)-1 && pos+n+8 <= len(data):
			m := zeroBytes(binary.LittleEndian.Uint64(data[pos+n:]) ^ (ones * '\n'))
			if m == 0 {
				break
			}
			end := pos + n + bits.TrailingZeros64(m)/8
			l := data[pos:end]
			if k := len(l); k > 0 && l[k-1] == '\r' {
				l = l[:k-1]
			}
			if c.fast(l, no+1) {
				pos, no = end+1, no+1
				continue
			}
			tried = len(l)
		}
		line, next = cutLine(data, pos)
		if len(line) > maxLine || len(line) == tried || !c.fast(line, no+1) {
			return pos, no, line, next
		}
		pos, no = next, no+1
	}
	return pos, no, nil, pos
}

// oneBlock reports whether lr's whole input, by its size, fits in one
// block of about size bytes (0: blockSize).
func oneBlock(lr *lineReader, size int) bool {
	if size <= 0 {
		size = blockSize
	}
	return lr.size >= 0 && lr.size <= int64(size)
}

// readCSVParallel reads the rows after the header with workers
// goroutines, in blocks of about size bytes (0: blockSize), as eachLine
// does with one.
func (c *csvReader) readCSVParallel(ctx context.Context, lr *lineReader, workers, size int) error {
	if size <= 0 {
		size = blockSize
	}
	quit := make(chan struct{})
	todo := make(chan *block, workers)
	// A block ahead per worker keeps the workers busy; more blocks
	// under way only take more fresh memory (see blockSize).
	ordered := make(chan *block, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := c.clone(newBuilder(c.name, nil))
			defer releaseBuilder(w.b)
			var local Local
			if ls, ok := c.b.sink.(LocalSink); ok {
				local = ls.NewLocal()
			}
			// With local evaluation, no episode outlives its call to
			// the sink unless the sink copies it: one is enough.
			w.b.oneEpisode = local != nil
			for blk := range todo {
				fused := fusedSink{itemSink: itemSink{items: blk.items[:0]}, local: local, at: -1}
				var sink interface {
					Sink
					log() *itemSink
				} = &fused.itemSink
				if local != nil {
					sink = &fused
				}
				blk.number()
				blk.firstRunLine, blk.secondRunStart, blk.lastRunStart = -1, -1, -1
				if blk.tooLong {
					w.b.sink = sink
					w.row(nil, true, blk.firstLine)
				} else {
					w.parseLines(blk.data, blk.firstLine, sink, blk)
				}
				blk.items, blk.rows, blk.blanks = sink.log().items, sink.log().rows, sink.log().blanks
				blk.noID, w.b.noID = w.b.noID, nil
				close(blk.parsed)
			}
		}()
	}
	// Blocks come back once they are passed on, with their buffers (the
	// lines read, the items, the local episodes' output and id hashes):
	// allocating fresh ones per block made the garbage collector run all
	// the time.
	free := make(chan *block, 3*workers+2)
	get := func(size int) *block {
		select {
		case old := <-free:
			if cap(old.buf) >= size {
				clear(old.items) // let the episodes go
				*old = block{buf: old.buf[:0], items: old.items[:0]}
				return old
			}
		default:
		}
		return &block{buf: make([]byte, 0, size)}
	}
	go func() {
		defer close(todo)
		defer close(ordered)
		var prev *block
		emit := func(blk *block) bool {
			if ctx.Err() != nil {
				return false
			}
			blk.parsed, blk.numbered, blk.prev = make(chan struct{}), make(chan struct{}), prev
			if prev == nil {
				blk.firstLine = lr.no + 1
			}
			prev = blk
			select {
			case ordered <- blk:
			case <-quit:
				return false
			}
			if blk.err == nil {
				todo <- blk
			} else {
				close(blk.parsed)
			}
			return true
		}
		cutBlocks(lr, size, c.recordCut, get, emit)
	}()
	err := c.deliver(ordered, free)
	close(quit)
	for range ordered { // let the cutter see quit and stop
	}
	wg.Wait()
	return err
}

// number sets the block's line numbers (see block.firstLine).
func (blk *block) number() {
	if blk.tooLong {
		blk.lines = 1
	} else {
		blk.lines = bytes.Count(blk.data, []byte{'\n'})
	}
	if p := blk.prev; p != nil {
		<-p.numbered
		blk.firstLine = p.firstLine + p.lines
		blk.prev = nil
	}
	close(blk.numbered)
}

// cutBlocks reads the rest of lr and cuts it into blocks of whole rows
// of about blockSize bytes each, passing each to emit until it returns
// false; cut says where the whole rows of some data end (a row can have
// several lines). A line longer than maxLine becomes a block of its own,
// without its content; lines before a read error are passed on, then a
// block with the error. Each block has a buffer of its own, from get.
// The blocks are not numbered here (block.number): cutting looks at the
// end of each block only, unless quotes are near it (see
// csvReader.recordCut), and reading is the one pass over the input on
// this goroutine.
func cutBlocks(lr *lineReader, blockSize int, cut func([]byte) int, get func(size int) *block, emit func(*block) bool) {
	carry := append([]byte(nil), lr.buf[lr.pos:lr.end]...) // a partial row
	readErr := lr.err
	// What lr has read already can be many blocks long.
	for len(carry) > blockSize {
		n := cut(carry[:blockSize])
		if n == 0 {
			break
		}
		blk := get(n)
		blk.buf = append(blk.buf, carry[:n]...)
		blk.data = blk.buf
		if !emit(blk) {
			return
		}
		carry = carry[n:]
	}
	for {
		blk := get(max(blockSize, 2*len(carry)))
		buf := append(blk.buf, carry...)
		for len(buf) < cap(buf) && readErr == nil {
			var n int
			n, readErr = lr.r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
		}
		n := 0
		if readErr == nil {
			n = cut(buf)
		}
		switch {
		case readErr == io.EOF:
			if len(buf) > 0 { // the last line may lack its line feed
				blk.buf, blk.data = buf, buf
				emit(blk)
			}
			return
		case readErr != nil:
			// The lines before the error are read; a partial line is not.
			i := bytes.LastIndexByte(buf, '\n')
			blk.buf, blk.data = buf, buf[:i+1]
			if i >= 0 && !emit(blk) {
				return
			}
			emit(&block{err: readErr})
			return
		case n == 0 && len(buf) > maxLine && bytes.IndexByte(buf, '\n') < 0:
			carry, readErr = skipLine(lr.r)
			if !emit(&block{tooLong: true}) {
				return
			}
		case n == 0:
			// A long line, or a row of several lines: read on, with a
			// larger buffer. A row takes at most maxLine bytes.
			carry = append(carry[:0], buf...)
		default:
			carry = append(carry[:0], buf[n:]...)
			blk.buf, blk.data = buf, buf[:n]
			if !emit(blk) {
				return
			}
		}
	}
}

// skipLine reads r up to and including the next line feed, and returns
// what it read after it and the error that ended reading, if any.
func skipLine(r io.Reader) ([]byte, error) {
	buf := make([]byte, bufSize)
	for {
		n, err := r.Read(buf)
		if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
			return append([]byte(nil), buf[i+1:n]...), err
		}
		if err != nil {
			return nil, err
		}
	}
}

// deliver passes the parsed blocks to the sink in input order, joining
// runs of one episode that a block edge cut in two.
//
// The run open at a block's end is kept as its block's parse gave it,
// with its lines (tail). When the next block's first run continues it,
// its lines are parsed again by a reader of its own (again), which then
// keeps the run open and goes on parsing its rows block by block, each
// once, until the run ends: a run across many blocks (one episode of
// 200 MB) costs time and memory in proportion to its rows.
func (c *csvReader) deliver(ordered <-chan *block, free chan<- *block) error {
	sink := c.b.sink
	var (
		open     *Episode // the last run so far, not passed on yet
		tail     []byte   // the lines from open's first row on
		tailLine int
		// live: the last run is open in again's builder instead, its
		// rows parsed up to the end of the blocks passed on.
		live bool
		// noID: rows without an episode id after the last row with one,
		// in blocks passed on; the next run gets them unless it
		// continues the open run (builder.rejectNoID).
		noID []Rejection
	)
	again := c.clone(newBuilder(c.name, nil)) // for parsing edges again
	defer releaseBuilder(again.b)
	pass := func(items []readItem) {
		for _, it := range items {
			switch {
			case it.ep != nil:
				sink.Episode(it.ep)
			case it.rej != nil:
				sink.Reject(*it.rej)
			default:
				sink.(LocalSink).TakeLocal(it.local)
			}
		}
	}
	// againTo parses data with again into a log whose items it passes on
	// (rows of the block being delivered) or drops (rows passed on before).
	var againLog itemSink
	againTo := func(data []byte, firstLine int, passOn bool) {
		againLog.items = againLog.items[:0]
		again.b.sink = &againLog
		again.feed(data, firstLine, nil)
		if passOn {
			pass(againLog.items)
		}
	}
	// markOpen adds the rows without an id among items (before a
	// block's first run, parsed by the block's worker only) to the open
	// run's rows: they may be its own.
	markOpen := func(items []readItem) {
		for _, it := range items {
			if it.rej == nil || !it.rej.NoID() {
				continue
			}
			switch {
			case live:
				again.b.cur.Rejected = append(again.b.cur.Rejected, *it.rej)
			case open != nil:
				open.Rejected = append(open.Rejected, *it.rej)
			}
		}
	}
	closeOpen := func() { // passes the last run on
		if live {
			againLog.items = againLog.items[:0]
			again.b.sink = &againLog
			again.b.flush()
			again.b.noID = nil // the blocks' own noID say what follows
			pass(againLog.items)
			live = false
		} else if open != nil {
			sink.Episode(open)
		}
		open = nil
	}
	var done *block // the block before, passed on: its buffers can be reused
	for blk := range ordered {
		<-blk.parsed
		if done != nil {
			select {
			case free <- done:
			default:
			}
		}
		done = blk
		if blk.err != nil {
			closeOpen()
			return readError(c.name, blk.err)
		}
		if rc, ok := sink.(RowCounter); ok {
			rc.DataRows(blk.rows)
		} else {
			for range blk.rows {
				sink.DataRow()
			}
		}
		if bs, ok := sink.(BlankSink); ok && blk.blanks > 0 {
			bs.BlankRows(blk.blanks)
		}
		items := blk.items
		if blk.firstRunLine < 0 { // rejections only: the last run stays open
			pass(items)
			noID = append(noID, blk.noID...)
			if !live { // a live run's reader sees the rows itself
				markOpen(items)
			}
			switch {
			case live && blk.tooLong:
				again.b.sink = &againLog
				again.row(nil, true, blk.firstLine)
			case live:
				againTo(blk.data, blk.firstLine, false)
			case open == nil:
			case blk.tooLong:
				// A line that any parse rejects keeps the line numbers
				// of tail right; its rejection, again, is not passed on.
				tail = append(tail, "\x00\n"...)
			default:
				tail = append(tail, blk.data...)
			}
			continue
		}
		first := 0 // index of the first run
		for items[first].ep == nil {
			first++
		}
		openID := ""
		switch {
		case live:
			openID = again.b.cur.ID
		case open != nil:
			openID = open.ID
		}
		if (live || open != nil) && items[first].ep.ID == openID {
			// The last run goes on in this block: parse it again, from
			// its start if that is not done yet, up to where the
			// block's second run starts. Rows before this block were
			// parsed as they are now, and their rejections have been
			// passed on.
			if !live {
				again.restart(nil)
				// The rows without an id before the run are not in
				// tail: the run gets them again when it starts.
				for _, r := range open.Rejected {
					if r.Row >= open.FirstRow {
						break
					}
					again.b.noID = append(again.b.noID, r)
				}
				againTo(tail, tailLine, false)
				live, open = true, nil
			}
			end := len(blk.data)
			if blk.secondRunStart >= 0 {
				end = blk.secondRunStart
			}
			againTo(blk.data[:end], blk.firstLine, true)
			noID = noID[:0] // they were inside the open run
			if blk.secondRunStart < 0 {
				noID = append(noID, blk.noID...)
				continue
			}
			closeOpen()
			items = items[first+1:]
		} else {
			// Rows before the block's first run were rejected whatever
			// run was open; the first run closes the open one.
			k := 0
			for items[k].line() < blk.firstRunLine {
				k++
			}
			pass(items[:k])
			markOpen(items[:k])
			closeOpen()
			if len(noID) > 0 { // rows without an id before the first run
				ep := items[first].ep
				ep.Rejected = append(append([]Rejection(nil), noID...), ep.Rejected...)
				noID = noID[:0]
			}
			items = items[k:]
		}
		noID = append(noID, blk.noID...)
		// The block's last run is its last item, and may go on.
		pass(items[:len(items)-1])
		open = items[len(items)-1].ep
		tail = append(tail[:0], blk.data[blk.lastRunStart:]...)
		tailLine = blk.lastRunLine
	}
	closeOpen()
	return nil
}
