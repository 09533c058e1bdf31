// Package runtime evaluates episodes against a compiled guide version:
// it finds each episode's pathway, applies the rules, computes the lead
// times, and runs the test cases written in the rule files.
package runtime

import (
	"slices"
	"sort"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
)

// Evaluator applies one compiled guide version to episodes. It holds no
// per-episode state, so one Evaluator may serve several goroutines.
type Evaluator struct {
	Program *compiler.Program
}

// NewEvaluator returns an evaluator for p.
func NewEvaluator(p *compiler.Program) *Evaluator { return &Evaluator{Program: p} }

// Result is what evaluating one episode gives.
type Result struct {
	// Pathway is the episode's pathway, or nil when none of its codes has
	// a prefix the guide knows.
	Pathway *compiler.Pathway
	// ReportedAs is the prefix the episode is reported under (the closing
	// code's prefix), "" when it is not reportable.
	ReportedAs string
	// Reportable: a start code and exactly one closing code.
	Reportable bool
	Findings   []Finding
	LeadTimes  []LeadTime
	// LocalLeadTimes are the lead times marked local (times between
	// intermediate steps). They are not part of the national measure:
	// the output formats and the report's national tables do not read
	// them.
	LocalLeadTimes []LeadTime
	// Duplicates are the indexes (into Episode.Events, ascending) of the
	// events that repeat an earlier event of the episode: the same code
	// on the same date, one measuring point exported twice. The
	// evaluation leaves them out (a closing code on two rows is one
	// closing code), and the finding DuplicateRule names them; readers
	// that count the episode's codes themselves skip them too.
	Duplicates []int
	// Incomplete: a row of the episode was rejected
	// (input.Episode.Rejected), so it was not evaluated. Pathway is nil,
	// Reportable false, and there are no findings or lead times: any of
	// them could change with the missing row.
	Incomplete bool

	// fired is Evaluate's scratch for the rules that found something
	// (PathwayProgram.Fire).
	fired []int
	// kept and view are Evaluate's scratch for an episode with
	// duplicates: the indexes of the events it evaluates, and those
	// events.
	kept []int
	view []compiler.Event
}

// IsDuplicate reports whether event i repeats an earlier event of the
// episode (see Duplicates).
func (res *Result) IsDuplicate(i int) bool {
	for _, d := range res.Duplicates {
		if d == i {
			return true
		}
	}
	return false
}

// incomplete makes res the result of an incomplete episode.
func (res *Result) incomplete() {
	res.Pathway, res.ReportedAs, res.Reportable = nil, "", false
	res.Findings = res.Findings[:0]
	res.LeadTimes = res.LeadTimes[:0]
	res.LocalLeadTimes = res.LocalLeadTimes[:0]
	res.Duplicates = res.Duplicates[:0]
	res.Incomplete = true
}

// Finding is one rule that found something in the episode.
type Finding struct {
	Rule *compiler.Rule
	// Events are the indexes (into Episode.Events) of the codes the
	// finding is about: the episode's codes in the sets its condition uses.
	Events []int
}

// LeadTime is one lead time computed for the episode.
type LeadTime struct {
	Def      *compiler.LeadTime
	From, To int // event indexes
	Days     int
	// Within is nil when the lead time has no target.
	Within *bool
}

// Evaluate evaluates ep into res, reusing res's slices. An event that
// repeats an earlier one (same code, same date) is left out of the
// evaluation and named by the finding DuplicateRule; the indexes of the
// findings and lead times are into ep.Events all the same.
func (ev *Evaluator) Evaluate(ep *compiler.Episode, res *Result) {
	res.Duplicates = duplicates(ep.Events, res.Duplicates[:0])
	if len(res.Duplicates) == 0 {
		ev.evaluate(ep, res)
		return
	}
	res.kept, res.view = res.kept[:0], res.view[:0]
	next := 0 // in res.Duplicates
	for i, e := range ep.Events {
		if next < len(res.Duplicates) && res.Duplicates[next] == i {
			next++
			continue
		}
		res.kept = append(res.kept, i)
		res.view = append(res.view, e)
	}
	view := *ep
	view.Events = res.view
	ev.evaluate(&view, res)
	for _, f := range res.Findings {
		for j, k := range f.Events {
			f.Events[j] = res.kept[k]
		}
	}
	for _, lts := range [][]LeadTime{res.LeadTimes, res.LocalLeadTimes} {
		for j := range lts {
			lts[j].From, lts[j].To = res.kept[lts[j].From], res.kept[lts[j].To]
		}
	}
	// The finding names every row of each repeated event: the first and
	// its repeats, in input order.
	f := Finding{Rule: DuplicateRule}
	for i, e := range ep.Events {
		if slices.ContainsFunc(res.Duplicates, func(d int) bool { return ep.Events[d] == e }) {
			f.Events = append(f.Events, i)
		}
	}
	res.Findings = append(res.Findings, f)
}

// duplicates appends to dst the indexes of the events that equal an
// earlier one. Episodes have a handful of events, where comparing each
// pair is cheapest; a long one is looked up in a map.
func duplicates(events []compiler.Event, dst []int) []int {
	if len(events) > 64 {
		seen := make(map[compiler.Event]bool, len(events))
		for i, e := range events {
			if seen[e] {
				dst = append(dst, i)
			}
			seen[e] = true
		}
		return dst
	}
	for i := 1; i < len(events); i++ {
		for j := 0; j < i; j++ {
			if events[j] == events[i] {
				dst = append(dst, i)
				break
			}
		}
	}
	return dst
}

func (ev *Evaluator) evaluate(ep *compiler.Episode, res *Result) {
	p := ev.Program
	res.Pathway, res.ReportedAs, res.Reportable, res.Incomplete = nil, "", false, false
	res.Findings = res.Findings[:0]
	res.LeadTimes = res.LeadTimes[:0]
	res.LocalLeadTimes = res.LocalLeadTimes[:0]

	pw := ev.classify(ep)
	if pw < 0 {
		f := Finding{Rule: UnknownPathwayRule}
		for i := range ep.Events {
			f.Events = append(f.Events, i)
		}
		res.Findings = append(res.Findings, f)
		return
	}
	prog := p.Pathway(pw)
	res.Pathway = prog.Pathway
	// For the conditions (ep is filled anew for each episode), and
	// reportability, which counts the pathway's own start and closing
	// codes.
	starts, closings, closeAt := prog.Prepare(ep)
	res.Reportable = starts > 0 && closings == 1
	if res.Reportable {
		res.ReportedAs = p.Prefixes[compiler.PrefixOf(ep.Events[closeAt].Code)]
	}

	// A rule reading an attribute the file has no column for cannot be
	// checked (the summary says so once, Summary.Unchecked).
	res.fired = prog.Fire(ep, res.fired[:0])
	for _, i := range res.fired {
		r := &prog.Rules[i]
		f := Finding{Rule: r.Rule}
		for j, e := range ep.Events {
			if r.Involved.Has(e.Code) {
				f.Events = append(f.Events, j)
			}
		}
		res.Findings = append(res.Findings, f)
	}

	ev.localLeadTimes(ep, prog, closings, closeAt, res)

	// A lead time needs exactly one closing code: with two, which one ends
	// the pathway is unknown, and the rules report it.
	if closings != 1 {
		return
	}
	for i := range prog.LeadTimes {
		lt := &prog.LeadTimes[i]
		if !lt.To.Has(ep.Events[closeAt].Code) {
			continue
		}
		from := FirstIn(ep, lt.From)
		if from < 0 || (lt.Cond != nil && !lt.Cond(ep)) {
			continue
		}
		days := int(ep.Events[closeAt].Date - ep.Events[from].Date)
		if days < 0 {
			continue // closing before start: an error finding, never a negative lead time
		}
		r := LeadTime{Def: lt.LeadTime, From: from, To: closeAt, Days: days}
		if lt.LeadTime.HasTarget {
			within := days <= lt.LeadTime.Target
			r.Within = &within
		}
		res.LeadTimes = append(res.LeadTimes, r)
	}
}

// localLeadTimes computes the pathway's local lead times: from the
// occurrence of a code its definition names to another, or to the one
// closing code. An open pathway has them too; a negative time (the steps
// in the other order) is none.
func (ev *Evaluator) localLeadTimes(ep *compiler.Episode, prog *compiler.PathwayProgram, closings, closeAt int, res *Result) {
	for i := range prog.LocalLeadTimes {
		lt := &prog.LocalLeadTimes[i]
		from := occurrenceIn(ep, lt.From, lt.LeadTime.FromOcc)
		to := -1
		if lt.LeadTime.ToOcc == compiler.OccDefault {
			if closings == 1 && lt.To.Has(ep.Events[closeAt].Code) {
				to = closeAt
			}
		} else {
			to = occurrenceIn(ep, lt.To, lt.LeadTime.ToOcc)
		}
		if from < 0 || to < 0 || (lt.Cond != nil && !lt.Cond(ep)) {
			continue
		}
		days := int(ep.Events[to].Date - ep.Events[from].Date)
		if days < 0 {
			continue
		}
		r := LeadTime{Def: lt.LeadTime, From: from, To: to, Days: days}
		if lt.LeadTime.HasTarget {
			within := days <= lt.LeadTime.Target
			r.Within = &within
		}
		res.LocalLeadTimes = append(res.LocalLeadTimes, r)
	}
}

// occurrenceIn returns the event of a code in s that occ names, or -1:
// the latest for OccLast (the last in input order among equal dates), the
// earliest otherwise.
func occurrenceIn(ep *compiler.Episode, s compiler.CodeSet, occ compiler.Occurrence) int {
	if occ != compiler.OccLast {
		return FirstIn(ep, s)
	}
	best := -1
	for i, e := range ep.Events {
		if s.Has(e.Code) && (best < 0 || e.Date >= ep.Events[best].Date) {
			best = i
		}
	}
	return best
}

// FirstIn returns the index of the earliest event whose code is in s
// (the first in input order among equal dates), or -1: the event a lead
// time is measured from.
func FirstIn(ep *compiler.Episode, s compiler.CodeSet) int {
	best := -1
	for i, e := range ep.Events {
		if s.Has(e.Code) && (best < 0 || e.Date < ep.Events[best].Date) {
			best = i
		}
	}
	return best
}

// classify finds the episode's pathway: the prefix of its closing code
// decides (the guide: "Det är avslutskoden som styr vilken diagnos som
// rapporteras"); without one, its start code; without that, the prefix
// most of its codes have (the earliest on a tie). It returns the pathway
// index, or -1 when no code has a known prefix.
func (ev *Evaluator) classify(ep *compiler.Episode) int {
	p := ev.Program
	if i := FirstIn(ep, p.Closing); i >= 0 {
		return p.PrefixPathway[compiler.PrefixOf(ep.Events[i].Code)]
	}
	if i := FirstIn(ep, p.Start); i >= 0 {
		return p.PrefixPathway[compiler.PrefixOf(ep.Events[i].Code)]
	}
	var counts [256]int
	best, bestN := -1, 0
	for _, e := range ep.Events {
		pre := compiler.PrefixOf(e.Code)
		if pre == 0 || pre >= len(counts) {
			continue
		}
		counts[pre]++
		if counts[pre] > bestN {
			best, bestN = pre, counts[pre]
		}
	}
	if best < 0 {
		return -1
	}
	return p.PrefixPathway[best]
}

// SortedRuleIDs returns the ids of the findings, sorted.
func (r *Result) SortedRuleIDs() []string {
	ids := make([]string, len(r.Findings))
	for i, f := range r.Findings {
		ids[i] = f.Rule.ID
	}
	sort.Strings(ids)
	return ids
}

// DuplicateRule is the finding for an episode with an event on several
// rows (see Result.Duplicates). A warning: the rows are counted once,
// so no verdict of the guide rests on them, but the export (or the
// patient system) has the event twice.
var DuplicateRule = &compiler.Rule{
	ID:       compiler.DuplicateRuleID,
	Name:     msg.ExplainDuplicateName,
	Section:  msg.DuplicateSection,
	Severity: compiler.SevWarning,
	Message:  msg.DuplicateMessage,
	Ref:      msg.DuplicateRef,
}

// UnknownPathwayRule is the finding for an episode none of whose codes
// has a prefix of the guide: no pathway, so no rule of the files applies.
var UnknownPathwayRule = &compiler.Rule{
	ID:       "forlopp_okant",
	Name:     msg.ExplainUnknownPathwayName,
	Section:  msg.UnknownPathwaySection,
	Severity: compiler.SevError,
	Message:  "Inget av förloppets koder har ett prefix som finns i kodningsvägledningen, så vårdförloppet kan inte bestämmas. Kontrollera koderna.",
	Ref:      "Kodernas uppbyggnad",
}
