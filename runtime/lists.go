package runtime

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"

	"github.com/rcc/svfrules/compiler"
)

// Lister is a Renderer that shows the lists to act on (Summary.Lists):
// Run collects them only for such a renderer, since they grow with the
// findings, and a machine format (jsonl) has every episode's findings and
// lead times already.
type Lister interface {
	Renderer
	// WantsLists reports whether Run should fill Summary.Lists.
	WantsLists() bool
}

// Lists are what a coordinator works from: the lead times over their
// target, the incomplete episodes, and each rule's episodes. They are the
// user's own rows, not published aggregates: nothing in them is
// suppressed.
type Lists struct {
	// OverTarget are the lead times longer than their target, in input
	// order.
	OverTarget []OverTarget `json:"over_target"`
	// Incomplete are the episodes with a rejected row, in input order.
	Incomplete []IncompleteEpisode `json:"incomplete"`
	// ByRule are the rules that found something, the rule with the most
	// episodes first (then by id), each with its episodes in input order.
	ByRule []RuleEpisodes `json:"by_rule"`
}

// OverTarget is one lead time longer than its target.
type OverTarget struct {
	Episode string `json:"episode"`
	// Pathway is the pathway's key; PathwayName its name; PathwayLabel
	// the name with the prefix beside it, as the lists show it
	// (compiler.Pathway.Label; json has the key and the name).
	Pathway      string `json:"pathway"`
	PathwayName  string `json:"pathway_name"`
	PathwayLabel string `json:"-"`
	// ReportedAs is the prefix the episode is reported under, as
	// Result.ReportedAs.
	ReportedAs string       `json:"reported_as"`
	LeadTime   string       `json:"leadtime"` // the definition's id
	Name       string       `json:"name"`
	From       string       `json:"from"` // the codes
	To         string       `json:"to"`
	FromDate   compiler.Day `json:"-"` // in JSON as YYYY-MM-DD
	ToDate     compiler.Day `json:"-"`
	Days       int          `json:"days"`
	Target     int          `json:"target"`
	// File:Row is the closing code's place, FromFile:FromRow the
	// start's: an episode grouped from several inputs can have them in
	// different files.
	File     string `json:"file"`
	FromFile string `json:"from_file"`
	FromRow  int    `json:"from_row"`
	Row      int    `json:"row"`
}

// MarshalJSON writes the dates as YYYY-MM-DD.
func (o OverTarget) MarshalJSON() ([]byte, error) {
	type plain OverTarget
	return json.Marshal(struct {
		plain
		FromDate string `json:"from_date"`
		ToDate   string `json:"to_date"`
	}{plain(o), o.FromDate.String(), o.ToDate.String()})
}

// IncompleteEpisode is an episode that was not evaluated because rows of
// it were rejected.
type IncompleteEpisode struct {
	Episode  string `json:"episode"`
	File     string `json:"file"`
	FirstRow int    `json:"first_row"`
	// Rejected is the number of the episode's rejected rows, and
	// RejectedRows their places (file:row), in input order: a rejected
	// row without an id names no episode itself. Summary.Rejected has
	// the rows, with their reasons, among every other rejected row.
	Rejected     int      `json:"rejected"`
	RejectedRows []string `json:"rejected_rows"`
}

// RuleEpisodes is a rule and the episodes it found something in.
type RuleEpisodes struct {
	Rule     *compiler.Rule `json:"-"`
	ID       string         `json:"rule"`
	Episodes []string       `json:"episodes"`
}

// listTally is what one batch adds to the lists. The episode ids are
// kept in one byte slice, so that collecting them costs no allocation per
// finding on the evaluating goroutines (the ids are only valid during
// the renderer's call).
type listTally struct {
	on         bool
	ids        []byte
	over       []overItem
	incomplete []incompleteItem
	byRule     []ruleItem
}

type span struct{ from, to int32 }

type overItem struct {
	id         span
	pathway    *compiler.Pathway
	reportedAs string
	def        *compiler.LeadTime
	from, to   string
	fromDate   compiler.Day
	toDate     compiler.Day
	days, row  int
	fromRow    int
	file       string
	fromFile   string
	targetDays int
}

type incompleteItem struct {
	id       span
	file     string
	firstRow int
	rejected []string // file:row
}

type ruleItem struct {
	rule *compiler.Rule
	id   span
}

// keepID appends id to the tally's ids.
func (l *listTally) keepID(id string) span {
	from := len(l.ids)
	l.ids = append(l.ids, id...)
	return span{int32(from), int32(len(l.ids))}
}

// add notes what r adds to the lists.
func (l *listTally) add(r *EpisodeResult) {
	if r.Result.Incomplete {
		rows := make([]string, len(r.In.Rejected))
		for i, rej := range r.In.Rejected {
			rows[i] = rej.File + ":" + strconv.Itoa(rej.Row)
		}
		l.incomplete = append(l.incomplete, incompleteItem{id: l.keepID(r.In.ID), file: r.In.File, firstRow: r.In.FirstRow, rejected: rows})
		return
	}
	var id span
	kept := false
	keep := func() span {
		if !kept {
			id, kept = l.keepID(r.In.ID), true
		}
		return id
	}
	for _, lt := range r.Result.LeadTimes {
		if lt.Within == nil || *lt.Within {
			continue
		}
		from, to := r.In.Events[lt.From], r.In.Events[lt.To]
		l.over = append(l.over, overItem{id: keep(), pathway: r.Result.Pathway, reportedAs: r.Result.ReportedAs, def: lt.Def, from: from.Code.String(), to: to.Code.String(),
			fromDate: from.Date, toDate: to.Date, days: lt.Days, targetDays: lt.Def.Target, file: r.In.EventFile(lt.To), fromFile: r.In.EventFile(lt.From), fromRow: from.Row, row: to.Row})
	}
findings:
	for i, f := range r.Result.Findings {
		for _, g := range r.Result.Findings[:i] {
			if g.Rule == f.Rule {
				continue findings // the episode is listed under its rule once
			}
		}
		l.byRule = append(l.byRule, ruleItem{rule: f.Rule, id: keep()})
	}
}

// listBuilder gathers the batches' lists, in input order, into the
// summary's. The lists grow on the writing goroutine while the run goes
// on, so that nothing is left to copy once it has ended: joining pieces
// at the end copied the lists (a few MB of fresh memory) while nothing
// else ran, and so added to the run's time as a whole (issue 16).
type listBuilder struct {
	lists      *Lists
	over       growList[OverTarget]
	incomplete growList[IncompleteEpisode]
	byRule     map[*compiler.Rule]*ruleChunks
	labels     map[*compiler.Pathway]string // see label
}

// ruleChunks are a rule's episodes so far.
type ruleChunks struct {
	re  RuleEpisodes
	ids growList[string]
}

// growList is a list that doubles its room when full. Appending to a
// slice copied a large list over and over (by a quarter at a time once
// large, with the collector's write barriers); doubling copies each
// item once on average.
type growList[T any] struct{ items []T }

// add appends v.
func (c *growList[T]) add(v T) {
	if len(c.items) == cap(c.items) {
		c.items = slices.Grow(c.items, max(64, len(c.items)))
	}
	c.items = append(c.items, v)
}

// join returns the list appended to dst: the list itself when dst is
// empty and the list is not (dst stays when both are, so that an empty
// list is [] in JSON, not null).
func (c *growList[T]) join(dst []T) []T {
	if len(dst) == 0 && len(c.items) > 0 {
		return c.items
	}
	return append(dst, c.items...)
}

// account moves a batch's lists into the builder and clears them.
func (b *listBuilder) account(l *listTally) {
	// One string holds the batch's ids; the lists take pieces of it.
	ids := string(l.ids)
	id := func(s span) string { return ids[s.from:s.to] }
	for _, o := range l.over {
		ot := OverTarget{Episode: id(o.id), ReportedAs: o.reportedAs, LeadTime: o.def.ID, Name: o.def.Name, From: o.from, To: o.to,
			FromDate: o.fromDate, ToDate: o.toDate, Days: o.days, Target: o.targetDays, File: o.file, FromFile: o.fromFile, FromRow: o.fromRow, Row: o.row}
		if o.pathway != nil {
			ot.Pathway, ot.PathwayName, ot.PathwayLabel = o.pathway.Key, o.pathway.Name, b.label(o.pathway)
		}
		b.over.add(ot)
	}
	for _, in := range l.incomplete {
		b.incomplete.add(IncompleteEpisode{Episode: id(in.id), File: in.file, FirstRow: in.firstRow, Rejected: len(in.rejected), RejectedRows: in.rejected})
	}
	for _, r := range l.byRule {
		rc := b.byRule[r.rule]
		if rc == nil {
			rc = &ruleChunks{re: RuleEpisodes{Rule: r.rule, ID: r.rule.ID}}
			b.byRule[r.rule] = rc
		}
		rc.ids.add(id(r.id))
	}
	l.ids, l.over, l.incomplete, l.byRule = l.ids[:0], l.over[:0], l.incomplete[:0], l.byRule[:0]
}

// label returns p.Label(), made once per pathway: a string per lead
// time over target was fresh memory for each.
func (b *listBuilder) label(p *compiler.Pathway) string {
	s, ok := b.labels[p]
	if !ok {
		s = p.Label()
		if b.labels == nil {
			b.labels = map[*compiler.Pathway]string{}
		}
		b.labels[p] = s
	}
	return s
}

// finish joins the lists and puts the rules in order: most episodes
// first, then by id.
func (b *listBuilder) finish() {
	b.lists.OverTarget = b.over.join(b.lists.OverTarget)
	b.lists.Incomplete = b.incomplete.join(b.lists.Incomplete)
	for _, rc := range b.byRule {
		rc.re.Episodes = rc.ids.join(rc.re.Episodes)
		b.lists.ByRule = append(b.lists.ByRule, rc.re)
	}
	slices.SortFunc(b.lists.ByRule, func(x, y RuleEpisodes) int {
		return cmp.Or(cmp.Compare(len(y.Episodes), len(x.Episodes)), cmp.Compare(x.ID, y.ID))
	})
}
