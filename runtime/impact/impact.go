// Package impact evaluates episode files with two guide versions and says
// what the changes between them do to the episodes: which gain or lose an
// error or warning, change reportability, or go between within and over a
// lead-time target, per change (where a change can be tied to the
// difference) and in total. Only such flips of a verdict count: a lead
// time that is longer or shorter but on the same side of its target is no
// difference.
package impact

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/compiler/changes"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// outcome is what one version says about one episode, reduced to what
// the comparison needs.
type outcome struct {
	pathway    string
	findings   []string // ids of the rules with an error or warning finding, sorted
	reportable bool
	reportedAs string
	// verdicts are the lead times with a target, within it or over it,
	// sorted: what the lead-time measure counts.
	verdicts []verdict
	leadIDs  []string // the ids of every lead time that applies
}

type verdict struct {
	id     string
	within bool
}

func compareVerdicts(a, b verdict) int {
	if c := strings.Compare(a.id, b.id); c != 0 {
		return c
	}
	switch {
	case a.within == b.within:
		return 0
	case b.within:
		return -1
	}
	return 1
}

// set makes o what res says, reusing o's slices.
func (o *outcome) set(res *runtime.Result) {
	o.pathway, o.reportable, o.reportedAs = "", res.Reportable, res.ReportedAs
	if res.Pathway != nil {
		o.pathway = res.Pathway.Key
	}
	o.findings, o.verdicts, o.leadIDs = o.findings[:0], o.verdicts[:0], o.leadIDs[:0]
	for _, f := range res.Findings {
		if f.Rule.Severity != compiler.SevInfo {
			o.findings = append(o.findings, f.Rule.ID)
		}
	}
	slices.Sort(o.findings)
	for _, lt := range res.LeadTimes {
		o.leadIDs = append(o.leadIDs, lt.Def.ID)
		if lt.Within != nil { // else no target: nothing to be within
			o.verdicts = append(o.verdicts, verdict{lt.Def.ID, *lt.Within})
		}
	}
	slices.SortFunc(o.verdicts, compareVerdicts)
}

// episode is one input episode with both versions' outcomes.
type episode struct {
	id       string
	codes    []string // the event codes as read
	old, new *outcome
}

// comparer is a runtime.Renderer that runtime.Run calls with each
// episode evaluated by the new version: it evaluates the episode with
// the old version too, compares the two outcomes, and writes a record of
// how they differ, for the episodes that differ (see writeRecord). The
// episodes are read, and their compact form made, once for both
// versions; no episode is kept, and Run puts the records in input order
// (and drops those of a pass it starts again).
type comparer struct {
	old *runtime.Evaluator
	a   *attributor
	// states are the comparers' scratch, one per goroutine at a time:
	// Episode is called from several at once.
	states sync.Pool
}

// compareState is what comparing one episode needs, reused.
type compareState struct {
	ep       compiler.Episode
	res      runtime.Result
	old, new outcome
	codes    []string
	changes  []changeBits
}

// changeBits is what change i explains of an episode's differences.
type changeBits struct {
	i    int
	bits byte
}

// The bits of a record: what differs (gained finding, lost finding,
// reportability, lead-time verdict).
const (
	bitGain byte = 1 << iota
	bitLose
	bitReport
	bitLead
)

func bitsOf(gain, lose, report, lead bool) byte {
	var b byte
	for i, x := range []bool{gain, lose, report, lead} {
		if x {
			b |= 1 << i
		}
	}
	return b
}

func (c *comparer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	if r.Result.Incomplete {
		// A row was rejected: neither version judged the episode, so no
		// change of verdict can be told (runtime.Result.Incomplete).
		return
	}
	st, _ := c.states.Get().(*compareState)
	if st == nil {
		st = &compareState{}
	}
	defer c.states.Put(st)
	c.old.EvaluateInput(r.In, &st.ep, &st.res)
	st.old.set(&st.res)
	st.new.set(&r.Result)
	o, n := &st.old, &st.new
	if slices.Equal(o.findings, n.findings) && o.reportable == n.reportable && o.reportedAs == n.reportedAs &&
		slices.Equal(o.verdicts, n.verdicts) {
		return // the usual case, told without allocating
	}
	st.codes = st.codes[:0]
	for _, e := range r.In.Events {
		st.codes = append(st.codes, e.Code.String())
	}
	ep := &episode{id: r.In.ID, codes: st.codes, old: o, new: n}
	d := delta{gained: minus(n.findings, o.findings), lost: minus(o.findings, n.findings),
		report:    o.reportable != n.reportable || o.reportedAs != n.reportedAs,
		leadTimes: !slices.Equal(o.verdicts, n.verdicts)}
	if d.empty() {
		return
	}
	total := bitsOf(len(d.gained) > 0, len(d.lost) > 0, d.report, d.leadTimes)
	var explained byte
	st.changes = st.changes[:0]
	for i := range c.a.cs {
		if b := bitsOf(c.a.explains(&c.a.cs[i], ep, d)); b != 0 {
			st.changes = append(st.changes, changeBits{i, b})
			explained |= b
		}
	}
	writeRecord(buf, ep.id, total, total&^explained, st.changes)
}

// writeRecord writes what differs in one episode: its id (length and
// bytes), the bits of the total and of what no change explains, the
// number of changes that explain some of it and, for each, its index
// and bits.
func writeRecord(buf *bytes.Buffer, id string, total, unattributed byte, cs []changeBits) {
	buf.Write(binary.AppendUvarint(nil, uint64(len(id))))
	buf.WriteString(id)
	buf.WriteByte(total)
	buf.WriteByte(unattributed)
	buf.Write(binary.AppendUvarint(nil, uint64(len(cs))))
	for _, c := range cs {
		buf.Write(binary.AppendUvarint(nil, uint64(c.i)))
		buf.WriteByte(c.bits)
	}
}

// countRecords counts the records of data (from writeRecord, in input
// order) into im.
func countRecords(data []byte, im *changes.Impact) error {
	r := bytes.NewReader(data)
	bad := errors.New("impact: a record is cut short")
	for r.Len() > 0 {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > uint64(r.Len()) {
			return bad
		}
		idb := make([]byte, n)
		r.Read(idb)
		id := string(idb)
		total, err1 := r.ReadByte()
		unattributed, err2 := r.ReadByte()
		k, err3 := binary.ReadUvarint(r)
		if err := errors.Join(err1, err2, err3); err != nil {
			return bad
		}
		count(&im.Total, id, total)
		count(&im.Unattributed, id, unattributed)
		for ; k > 0; k-- {
			i, err := binary.ReadUvarint(r)
			b, err2 := r.ReadByte()
			if err != nil || err2 != nil || i >= uint64(len(im.ByChange)) {
				return bad
			}
			count(&im.ByChange[i], id, b)
		}
	}
	return nil
}

// Evaluate reads the inputs with both compiled versions and compares each
// episode's outcomes. cs are the changes from `from` to `to`
// (changes.Compare); the result's ByChange is parallel to them.
func Evaluate(from, to *compiler.Program, cs []changes.Change, inputs []input.Input, opts input.Options, workers int) (*changes.Impact, error) {
	im, _, err := EvaluateUnchecked(from, to, cs, inputs, opts, workers)
	return im, err
}

// EvaluateUnchecked is Evaluate, and also returns the rules of either
// version that were not evaluated for some inputs' episodes for want of a
// column (runtime.Summary.Unchecked): the comparison says nothing about
// them there. The new version's come first, then the old one's others.
func EvaluateUnchecked(from, to *compiler.Program, cs []changes.Change, inputs []input.Input, opts input.Options, workers int) (*changes.Impact, *runtime.Summary, error) {
	im := &changes.Impact{ByChange: make([]changes.Effect, len(cs))}
	for _, in := range inputs {
		im.Files = append(im.Files, in.Name)
	}
	// One run, with the new version; the comparer evaluates each
	// episode with the old one as well.
	c := &comparer{old: runtime.NewEvaluator(from), a: newAttributor(from.Guide, to.Guide, cs)}
	var records bytes.Buffer
	sum, err := runtime.Run(to, inputs, opts, workers, c, &records)
	if err != nil {
		return nil, nil, err
	}
	if err := countRecords(records.Bytes(), im); err != nil {
		return nil, nil, err
	}
	// Episodes are those compared: incomplete ones are not.
	im.Episodes, im.RowsRead, im.RowsRejected = sum.Episodes-sum.EpisodesIncomplete, sum.RowsRead, sum.RowsRejected
	// The rest are accounted for, as eval accounts for them: the
	// episodes not judged and the rows that could not be read, in eval's
	// words (rejected rows only: no good row's text is kept).
	im.Incomplete = sum.EpisodesIncomplete
	for _, r := range sum.Rejected {
		im.Rejected = append(im.Rejected, changes.RejectedRow{Episode: r.Episode, File: r.File, Row: r.Row, Field: r.Field,
			Reason: r.Reason, FieldText: r.FieldText(), Text: r.String()})
	}
	// A rule of both versions is named once, the new version's first.
	unchecked := runtime.Summary{Columns: sum.Columns, CaseIDs: sum.CaseIDs}
	seen := map[string]bool{}
	for _, u := range append(sum.Unchecked, runtime.UncheckedRules(from, sum.Columns)...) {
		if !seen[u.Rule] {
			seen[u.Rule] = true
			unchecked.Unchecked = append(unchecked.Unchecked, u)
		}
	}
	return im, &unchecked, nil
}

// attributor ties the differences of an episode to the changes that can
// explain them.
type attributor struct {
	from, to *compiler.Guide
	cs       []changes.Change
	// tableRules are the rules whose findings follow the tables: their
	// conditions use `disallowed` or `qualified(…)`.
	tableRules map[string]bool
}

func newAttributor(from, to *compiler.Guide, cs []changes.Change) *attributor {
	a := &attributor{from: from, to: to, cs: cs, tableRules: map[string]bool{}}
	for _, g := range []*compiler.Guide{from, to} {
		for _, r := range g.Rules {
			for _, m := range r.Mentions {
				if m == "disallowed" || strings.HasPrefix(m, "qualified(") {
					a.tableRules[r.ID] = true
				}
			}
		}
	}
	return a
}

// delta is how one episode's outcomes differ.
type delta struct {
	gained, lost      []string // rule ids
	report, leadTimes bool
}

func (d delta) empty() bool {
	return len(d.gained) == 0 && len(d.lost) == 0 && !d.report && !d.leadTimes
}

func minus(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}

// count counts episode id in the counts of e that bits name.
func count(e *changes.Effect, id string, bits byte) {
	for i, n := range []*changes.Episodes{&e.GainFinding, &e.LoseFinding, &e.Reportability, &e.LeadTimeVerdict} {
		if bits&(1<<i) != 0 {
			n.Add(id)
		}
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func containsAny(xs []string, in func(string) bool) bool {
	for _, x := range xs {
		if in(x) {
			return true
		}
	}
	return false
}

// explains says which of an episode's differences (gained error, lost
// error, reportability, lead time) change c can explain:
//   - a rule's change: its own findings;
//   - a table cell: the table rules' findings on episodes of that pathway
//     with that code;
//   - a code's existence, kind or scope: anything, on episodes with the
//     code;
//   - a pathway's existence or prefix: anything, on its episodes;
//   - a lead time's change: the lead time of episodes it applies to.
//
// Wording, notes, tests and the header change no result.
func (a *attributor) explains(c *changes.Change, ep *episode, d delta) (gain, lose, report, lead bool) {
	switch c.ID {
	case "rule-added", "rule-removed", "rule-changed", "rule-severity-changed", "rule-pathways-changed":
		return contains(d.gained, c.Subject), contains(d.lost, c.Subject), false, false
	case "cell-allowed", "cell-disallowed", "qualifier-changed":
		if !a.onPathway(ep, c.Pathway) || !a.hasCode(ep, c.Pathway, c.Suffix) {
			return
		}
		return containsAny(d.gained, a.isTableRule), containsAny(d.lost, a.isTableRule), false, false
	case "code-added", "code-removed", "code-kind-changed", "code-scope-changed":
		if !containsAny(ep.codes, func(code string) bool { return strings.HasSuffix(code, c.Suffix) }) {
			return
		}
		return len(d.gained) > 0, len(d.lost) > 0, d.report, d.leadTimes
	case "pathway-added", "pathway-removed", "pathway-prefix-changed":
		if !a.onPathway(ep, c.Pathway) {
			return
		}
		return len(d.gained) > 0, len(d.lost) > 0, d.report, d.leadTimes
	case "leadtime-added", "leadtime-removed", "leadtime-target-changed", "leadtime-target-added", "leadtime-target-removed", "leadtime-changed":
		return false, false, false, d.leadTimes && (contains(ep.old.leadIDs, c.Subject) || contains(ep.new.leadIDs, c.Subject))
	}
	return
}

func (a *attributor) isTableRule(id string) bool { return a.tableRules[id] }

// onPathway reports whether either version puts the episode in the
// pathway with key k (a key of either version).
func (a *attributor) onPathway(ep *episode, k string) bool {
	return k != "" && (ep.old.pathway == k || ep.new.pathway == k)
}

// hasCode reports whether the episode has code suffix with one of the
// prefixes pathway k has in either version.
func (a *attributor) hasCode(ep *episode, k, suffix string) bool {
	for _, g := range []*compiler.Guide{a.from, a.to} {
		p := g.Pathway(k)
		if p == nil {
			continue
		}
		for _, pre := range p.Prefixes {
			if contains(ep.codes, pre+suffix) {
				return true
			}
		}
	}
	return false
}
