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
	"fmt"
	"github.com/rcc/svfrules/internal/msg"
	"io"
	"slices"
	"sort"
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
	// verdicts are the lead times with a target as "id:within" or
	// "id:over", sorted: what the lead-time measure counts.
	verdicts []string
	leadIDs  []string // the ids of every lead time that applies
}

type key struct {
	file     string
	firstRow int
	id       string
}

// episode is one input episode with both versions' outcomes.
type episode struct {
	key
	codes    []string // the event codes as read
	old, new *outcome
}

// collector is a runtime.Renderer that writes nothing and keeps each
// episode's outcome. Episode is called from several goroutines and not in
// input order, so outcomes are kept by key under a lock.
type collector struct {
	mu       sync.Mutex
	episodes map[key]*episode
	old      bool // which version this run evaluates
}

func (c *collector) Episode(_ *bytes.Buffer, r *runtime.EpisodeResult) {
	if r.Result.Incomplete {
		// A row was rejected: neither version judged the episode, so no
		// change of verdict can be told (runtime.Result.Incomplete).
		return
	}
	o := &outcome{reportable: r.Result.Reportable, reportedAs: r.Result.ReportedAs}
	if r.Result.Pathway != nil {
		o.pathway = r.Result.Pathway.Key
	}
	for _, f := range r.Result.Findings {
		if f.Rule.Severity != compiler.SevInfo {
			o.findings = append(o.findings, f.Rule.ID)
		}
	}
	sort.Strings(o.findings)
	for _, lt := range r.Result.LeadTimes {
		o.leadIDs = append(o.leadIDs, lt.Def.ID)
		if lt.Within == nil {
			continue // no target: nothing to be within
		}
		v := ":over"
		if *lt.Within {
			v = ":within"
		}
		o.verdicts = append(o.verdicts, lt.Def.ID+v)
	}
	sort.Strings(o.verdicts)
	k := key{r.In.File, r.In.FirstRow, r.In.ID}
	c.mu.Lock()
	defer c.mu.Unlock()
	ep := c.episodes[k]
	if ep == nil {
		ep = &episode{key: k}
		c.episodes[k] = ep
	}
	// When the rows of an episode are not adjacent, runtime.Run starts
	// again and groups them, after the first pass has delivered some
	// episodes in part; the later call, with all of the episode's events,
	// replaces the earlier.
	ep.codes = ep.codes[:0]
	for _, e := range r.In.Events {
		ep.codes = append(ep.codes, e.Code)
	}
	if c.old {
		ep.old = o
	} else {
		ep.new = o
	}
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
	var unchecked runtime.Summary
	col := &collector{episodes: map[key]*episode{}}
	im := &changes.Impact{ByChange: make([]changes.Effect, len(cs))}
	for _, in := range inputs {
		im.Files = append(im.Files, in.Name)
	}
	for _, side := range []struct {
		p   *compiler.Program
		old bool
	}{{from, true}, {to, false}} {
		col.old = side.old
		sum, err := runtime.Run(side.p, inputs, opts, workers, col, io.Discard)
		if err != nil {
			return nil, nil, err
		}
		if !side.old { // the new version's first
			unchecked.Columns = sum.Columns
			unchecked.Unchecked = append(sum.Unchecked, unchecked.Unchecked...)
		} else {
			unchecked.Unchecked = sum.Unchecked
		}
		// Episodes are those compared: incomplete ones are not.
		im.Episodes, im.RowsRead, im.RowsRejected = sum.Episodes-sum.EpisodesIncomplete, sum.RowsRead, sum.RowsRejected
	}
	eps, err := inInputOrder(col.episodes, im.Files)
	if err != nil {
		return nil, nil, err
	}
	a := newAttributor(from.Guide, to.Guide, cs)
	for _, ep := range eps {
		a.episode(ep, im)
	}
	// A rule of both versions is named once.
	seen := map[string]bool{}
	kept := unchecked.Unchecked[:0:0]
	for _, u := range unchecked.Unchecked {
		if !seen[u.Rule] {
			seen[u.Rule] = true
			kept = append(kept, u)
		}
	}
	unchecked.Unchecked = kept
	return im, &unchecked, nil
}

// inInputOrder sorts the episodes by input file (in the order given) and
// first row, and checks that both versions saw every one.
func inInputOrder(m map[key]*episode, files []string) ([]*episode, error) {
	order := map[string]int{}
	for i, f := range files {
		if _, ok := order[f]; !ok {
			order[f] = i
		}
	}
	eps := make([]*episode, 0, len(m))
	for _, ep := range m {
		if ep.old == nil || ep.new == nil {
			return nil, fmt.Errorf(msg.ImpactOneVersion, ep.file, ep.firstRow, ep.id)
		}
		eps = append(eps, ep)
	}
	sort.Slice(eps, func(i, j int) bool {
		a, b := eps[i], eps[j]
		if order[a.file] != order[b.file] {
			return order[a.file] < order[b.file]
		}
		if a.firstRow != b.firstRow {
			return a.firstRow < b.firstRow
		}
		return a.id < b.id
	})
	return eps, nil
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

func (a *attributor) episode(ep *episode, im *changes.Impact) {
	o, n := ep.old, ep.new
	d := delta{gained: minus(n.findings, o.findings), lost: minus(o.findings, n.findings),
		report:    o.reportable != n.reportable || o.reportedAs != n.reportedAs,
		leadTimes: !slices.Equal(o.verdicts, n.verdicts)}
	if d.empty() {
		return
	}
	count(&im.Total, ep.id, len(d.gained) > 0, len(d.lost) > 0, d.report, d.leadTimes)
	var explained [4]bool
	for i := range a.cs {
		g, l, r, t := a.explains(&a.cs[i], ep, d)
		count(&im.ByChange[i], ep.id, g, l, r, t)
		for j, x := range []bool{g, l, r, t} {
			explained[j] = explained[j] || x
		}
	}
	count(&im.Unattributed, ep.id, len(d.gained) > 0 && !explained[0], len(d.lost) > 0 && !explained[1],
		d.report && !explained[2], d.leadTimes && !explained[3])
}

func count(e *changes.Effect, id string, gain, lose, report, lead bool) {
	if gain {
		e.GainFinding.Add(id)
	}
	if lose {
		e.LoseFinding.Add(id)
	}
	if report {
		e.Reportability.Add(id)
	}
	if lead {
		e.LeadTimeVerdict.Add(id)
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
