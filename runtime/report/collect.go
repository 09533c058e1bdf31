package report

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"sync"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
)

// Collector gathers what the report needs from evaluated episodes. Use it
// as both the Renderer and the writer of runtime.Run:
//
//	c := report.NewCollector(prog, opts)
//	sum, err := runtime.Run(prog, inputs, readOpts, workers, c, io.Discard)
//	rep := c.Report(sum)
//
// Episode encodes each episode into a small binary record in the run's
// output instead of adding it to totals directly: Run may evaluate part of
// the input twice (it restarts in grouping mode when an episode's rows are
// not adjacent), and only the output of the pass that succeeds reaches
// Wrap, in input order. So the figures count every episode once and never
// depend on how the workers were scheduled.
type Collector struct {
	prog *compiler.Program
	opts Options
	// defIndex numbers the lead-time definitions by their place in the
	// guide; read-only while episodes are evaluated.
	defIndex map[*compiler.LeadTime]int
	agg      *aggregate
	// localIndex numbers the local lead times (Guide.LocalLeadTimes);
	// localAcc adds them up by that number (local.go).
	localIndex map[*compiler.LeadTime]int
	localAcc   map[int]*localAcc
	// byAttrs are the attributes the --by dimensions read; seen, when
	// there are any, holds per input the ones some episode has a value
	// for (file → *atomic.Uint32), for CheckRead.
	byAttrs compiler.AttrSet
	seen    sync.Map
}

// NewCollector returns a collector for episodes evaluated with p.
func NewCollector(p *compiler.Program, opts Options) *Collector {
	c := &Collector{prog: p, opts: opts, defIndex: map[*compiler.LeadTime]int{}}
	for i, lt := range p.Guide.LeadTimes {
		c.defIndex[lt] = i
	}
	for _, d := range opts.By {
		a, _ := byAttr(d)
		c.byAttrs |= a
	}
	c.localIndex = map[*compiler.LeadTime]int{}
	for i, lt := range p.Guide.LocalLeadTimes {
		c.localIndex[lt] = i
	}
	return c
}

// Kinds of an item of a record: a measured lead time, or a lead time left
// out and why.
const (
	itemLeadTime byte = iota
	itemTwoClosings
	itemCloseBefore
	itemFromAbsent
)

// itemReason is the reason an item of kind k leaves a lead time out (""
// for an item that does not). This package's tables are switches and
// its errors constants: a map or errors.New at package level is work at
// every start of every command, report or not (issue 16).
func itemReason(k byte) string {
	switch k {
	case itemTwoClosings:
		return ExcludedTwoClosings
	case itemCloseBefore:
		return ExcludedCloseBefore
	case itemFromAbsent:
		return ExcludedFromCodeAbsent
	}
	return ""
}

// record is what one episode contributes to the report.
type record struct {
	pathway    int // index in the guide, -1 for none
	reportable bool
	hasError   bool
	rules      []string
	region     string
	county     string
	sex        string
	age        int // -1 when unknown
	items      []item
	local      []localItem
	// closed is the closing code's date of a reportable episode: the
	// period of the inclusion measure.
	closed compiler.Day
}

// item is one lead time of an episode, measured or left out.
type item struct {
	def  int // index in Guide.LeadTimes
	kind byte
	days int
	date compiler.Day // the closing code's date: the period of the measure
}

// Episode writes the episode's record into buf. It is called from several
// goroutines at once and only reads the program.
// WantsLists asks Run for the incomplete episodes (runtime.Lister): the
// report lists them, with the rejected rows, for the user to correct.
func (c *Collector) WantsLists() bool { return true }

func (c *Collector) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	if c.byAttrs != 0 {
		c.see(r.In)
	}
	if r.Result.Incomplete {
		// Not evaluated (a row was rejected): left out of the measure
		// and of the pathways, counted from the summary (build.go).
		return
	}
	rec := record{pathway: -1, age: -1, region: r.In.Region, county: r.In.County, sex: r.In.Sex}
	if r.In.HasAge {
		rec.age = r.In.Age
	}
	res := &r.Result
	rec.reportable = res.Reportable
	if res.Reportable {
		if i := runtime.FirstIn(&r.Episode, c.prog.Closing); i >= 0 {
			rec.closed = r.Episode.Events[i].Date
		}
	}
	for _, f := range res.Findings {
		rec.rules = append(rec.rules, f.Rule.ID)
		if f.Rule.Severity == compiler.SevError {
			rec.hasError = true
		}
	}
	if res.Pathway != nil {
		rec.pathway = res.Pathway.Index
		if res.Reportable {
			for _, lt := range res.LeadTimes {
				rec.items = append(rec.items, item{def: c.defIndex[lt.Def], kind: itemLeadTime,
					days: lt.Days, date: r.Episode.Events[lt.To].Date})
			}
		}
		rec.items = c.leftOut(r, rec.items)
		rec.local = c.localItems(res, rec.local)
	}
	var b []byte
	b = binary.AppendUvarint(b, uint64(rec.pathway+1))
	var flags byte
	if rec.reportable {
		flags |= 1
	}
	if rec.hasError {
		flags |= 2
	}
	b = append(b, flags)
	b = binary.AppendUvarint(b, uint64(len(rec.rules)))
	for _, id := range rec.rules {
		b = appendString(b, id)
	}
	b = appendString(b, rec.region)
	b = appendString(b, rec.county)
	b = appendString(b, rec.sex)
	b = binary.AppendUvarint(b, uint64(rec.age+1))
	b = binary.AppendVarint(b, int64(rec.closed))
	b = binary.AppendUvarint(b, uint64(len(rec.items)))
	for _, it := range rec.items {
		b = binary.AppendUvarint(b, uint64(it.def))
		b = append(b, it.kind)
		b = binary.AppendUvarint(b, uint64(it.days))
		b = binary.AppendVarint(b, int64(it.date))
	}
	b = binary.AppendUvarint(b, uint64(len(rec.local)))
	for _, it := range rec.local {
		b = binary.AppendUvarint(b, uint64(it.def))
		b = binary.AppendUvarint(b, uint64(it.days))
	}
	var head [binary.MaxVarintLen64]byte
	buf.Write(binary.AppendUvarint(head[:0], uint64(len(b))))
	buf.Write(b)
}

// leftOut appends the definitions whose lead time the episode would have
// but for an error that makes it unreliable. The evaluator computes no
// lead time then; the episode is counted here so nothing is dropped
// silently:
//   - two or more closing codes (with a start code): the pathway's end is
//     unknown; the episode counts for each definition one of its closing
//     codes belongs to, dated by the latest of those codes;
//   - one closing code dated before the definition's from-code;
//   - reportable, but the from-code is missing (not possible with from
//     XX10, which reportability requires; possible with one prefix's
//     start code in a two-prefix pathway).
func (c *Collector) leftOut(r *runtime.EpisodeResult, items []item) []item {
	res := &r.Result
	ep := &r.Episode
	pp := c.prog.Pathway(res.Pathway.Index)
	starts := 0
	var closings []int
	for i, e := range ep.Events {
		// A row that repeats another is counted once, as the evaluator does.
		if !pp.Own.Has(e.Code) || res.IsDuplicate(i) {
			continue
		}
		switch {
		case c.prog.Start.Has(e.Code):
			starts++
		case c.prog.Closing.Has(e.Code):
			closings = append(closings, i)
		}
	}
	if starts == 0 || len(closings) == 0 {
		return items
	}
	for i := range pp.LeadTimes {
		lt := &pp.LeadTimes[i]
		matched := -1
		for _, ci := range closings {
			if lt.To.Has(ep.Events[ci].Code) && (matched < 0 || ep.Events[ci].Date > ep.Events[matched].Date) {
				matched = ci
			}
		}
		if matched < 0 || (lt.Cond != nil && !lt.Cond(ep)) {
			continue
		}
		it := item{def: c.defIndex[lt.LeadTime], date: ep.Events[matched].Date}
		if len(closings) > 1 {
			it.kind = itemTwoClosings
			items = append(items, it)
			continue
		}
		if !res.Reportable || hasLeadTime(res, lt.LeadTime) {
			continue
		}
		from := runtime.FirstIn(ep, lt.From)
		switch {
		case from < 0:
			it.kind = itemFromAbsent
		case ep.Events[from].Date > ep.Events[matched].Date:
			it.kind = itemCloseBefore
		default:
			continue // the evaluator's reason is not one of ours: leave it to the findings
		}
		items = append(items, it)
	}
	return items
}

func hasLeadTime(res *runtime.Result, def *compiler.LeadTime) bool {
	for _, lt := range res.LeadTimes {
		if lt.Def == def {
			return true
		}
	}
	return false
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Wrap reads the records of the successful pass, in input order, and adds
// them up. It writes nothing to w: the report is written by Write.
func (c *Collector) Wrap(sum *runtime.Summary, records io.Reader, w io.Writer) error {
	c.agg = newAggregate(c.prog.Guide, c.opts)
	c.localAcc = nil
	br := bufio.NewReaderSize(records, 1<<16)
	var payload []byte
	var rec record
	for {
		n, err := binary.ReadUvarint(br)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf(msg.ReportSpoolRead, err)
		}
		if uint64(cap(payload)) < n {
			payload = make([]byte, n)
		}
		payload = payload[:n]
		if _, err := io.ReadFull(br, payload); err != nil {
			return fmt.Errorf(msg.ReportSpoolRead, err)
		}
		if err := decode(payload, &rec); err != nil {
			return err
		}
		c.agg.add(&rec)
		c.addLocal(&rec)
	}
}

// errBadRecord: the temporary file of records does not hold what was
// written to it (the disk or another program changed it).
const errBadRecord = constError(msg.ReportSpoolBad)

// decode reads a record written by Episode, reusing rec's slices.
func decode(b []byte, rec *record) error {
	d := decoder{b: b}
	rec.pathway = int(d.uvarint()) - 1
	flags := d.byte()
	rec.reportable, rec.hasError = flags&1 != 0, flags&2 != 0
	rec.rules = rec.rules[:0]
	for n := d.uvarint(); n > 0 && d.err == nil; n-- {
		rec.rules = append(rec.rules, d.string())
	}
	rec.region, rec.county, rec.sex = d.string(), d.string(), d.string()
	rec.age = int(d.uvarint()) - 1
	rec.closed = compiler.Day(d.varint())
	rec.items = rec.items[:0]
	for n := d.uvarint(); n > 0 && d.err == nil; n-- {
		it := item{def: int(d.uvarint()), kind: d.byte(), days: int(d.uvarint())}
		it.date = compiler.Day(d.varint())
		rec.items = append(rec.items, it)
	}
	rec.local = rec.local[:0]
	for n := d.uvarint(); n > 0 && d.err == nil; n-- {
		rec.local = append(rec.local, localItem{def: int(d.uvarint()), days: int(d.uvarint())})
	}
	if d.err != nil || len(d.b) != 0 {
		return errBadRecord
	}
	return nil
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err, d.b = errBadRecord, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err, d.b = errBadRecord, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.err = errBadRecord
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) string() string {
	n := d.uvarint()
	if uint64(len(d.b)) < n {
		d.err, d.b = errBadRecord, nil
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}
