package report

import (
	"fmt"
	"sort"
)

// Small-cell protection.
//
// A cell with fewer lead times than --min-cell is hidden (primary
// suppression): it shows no n, no within, no share and no statistics. But
// the report also publishes totals, and the hidden figures could be
// worked out from them. What a reader knows:
//
//   - the tree of each group: the all-pathways cell is the sum of the
//     pathway totals, a pathway total the sum of its definitions with a
//     target, for n and for within alike;
//   - bounds: 0 ≤ within ≤ n (every cell of every pathway with lead-time
//     definitions is listed, held by the input or not, so a listed cell
//     is not known to hold anyone);
//   - across groups, the pathway summary: a pathway's lead times, over all
//     groups and definitions (those without a target too), are at most its
//     reportable episodes (an episode has at most one lead time) less
//     those the left-out counts show to have none (reportableWithout) —
//     at most 1 when it has none: the pathway table hides that 0 like a
//     small count and the audit of counts makes sure it could be 1; and a
//     finding whose episodes hold all the lead times of some groups (as
//     under_18_ar those of the age group 0–17) bounds those the same way.
//
// A reader who knows all this must not be able to pin down any hidden
// cell's n, its within, or its share (within/n: "all within target" and
// "all over target" are outcomes too). Zero cells are exempt: a cell with
// no lead time holds nobody's outcome.
//
// The audit. The hidden figures are pinned exactly when no other table
// fits what is published. So for every hidden cell the audit looks for a
// different table that fits: it moves one lead time between hidden cells
// (from one definition to another, keeping every visible total), swaps a
// within for an over-target lead time between two hidden cells, turns a
// lead time within target into one over it where no visible total counts
// within, or adds or removes one where no visible total counts it and the
// counts of the pathway summary allow. A move that changes the cell's n, its within
// and its share (each, not necessarily the same move) shows that the
// reader cannot know them. Each move keeps every published figure and
// bound, so this only ever errs towards hiding more.
//
// Hiding more. While some hidden cell is not protected, one more cell is
// hidden, the first rule that applies, and the audit runs again:
//
//  1. a hidden total anywhere whose hidden parts hold no lead time (it is
//     the sum of visible cells, and gives nothing to move): its visible
//     part with the smallest n;
//  2. going up from the cell: its visible sibling under the same total
//     with the smallest n; with none, that total if it is visible, else
//     the same one level up — except under the all-pathways cell, which
//     goes before the other pathways' totals (it is only their sum);
//  3. at the top of its group (everything above the cell hidden): a
//     definition of the same pathway that can give a lead time and is
//     not yet hidden up to its top — under the cell, in another group, or
//     without a target — hidden with the totals above it, so that lead
//     times can come and go; the smallest n first.
//
// When nothing is left to hide, the cell stays as it is (suppressAll
// returns it): then a count of the pathway summary equals the lead times
// it bounds, and all of them are in hidden cells that cannot give one up
// (a pathway with one episode in all). protectCounts (counts.go) hides
// that count of reportable episodes and the findings that bound them, so
// the reader no longer has the bound.
//
// Everything runs over the cells in report order and picks the smallest
// n with ties broken by that order, so the same table hides the same
// cells.

// complementary switches complementary suppression on. Only tests switch
// it off, to show that the proof test finds the leaks it prevents.
var complementary = true

// suppress returns the cells of keys that show no figures.
func suppress(a *aggregate, keys []cellKey, minCell int) map[cellKey]bool {
	hidden, _ := suppressAll(a, keys, minCell)
	return hidden
}

// suppressAll is suppress that also returns the hidden cells nothing more
// could protect (the limit above), for the tests.
//
// Hiding more never takes a move away, so a group whose hidden cells are
// all protected stays so; only the groups where a cell was hidden since
// are audited again.
func suppressAll(a *aggregate, keys []cellKey, minCell int) (map[cellKey]bool, []cellKey) {
	s := newSuppressor(a, keys, minCell)
	for i := range s.cells {
		// A cell without lead times is hidden like a small one (unless
		// --min-cell 1 asks for every figure): "0" would tell the
		// reader which rows are empty, and the small ones are the rest.
		if n := s.cells[i].n; n < minCell && (n > 0 || minCell > 1) {
			s.hide(i)
		}
	}
	var given []cellKey
	if complementary {
		for len(s.queue) > 0 {
			g := s.queue[0]
			s.queue = s.queue[1:]
			s.dirty[g] = false
			for c := s.unprotected(g); c >= 0; c = s.unprotected(g) {
				if !s.hideMore(c) {
					s.givenUp[c] = true
				}
			}
		}
		for i := range s.cells {
			if s.givenUp[i] {
				given = append(given, s.cells[i].key)
			}
		}
	}
	hidden := map[cellKey]bool{}
	for i := range s.cells {
		if s.hid[i] {
			hidden[s.cells[i].key] = true
		}
	}
	return hidden, given
}

// sCell is a cell as the audit sees it.
type sCell struct {
	key    cellKey
	group  int // index in suppressor.groups
	n, w   int
	lo     int  // the least n a reader knows it has
	target bool // it has a within: a definition with a target, or a total
	leaf   bool
	// parent is the total the cell adds into within its group, -1 for
	// none (the all-pathways cell, definitions without a target).
	parent   int
	children []int
	// chain is the cell and the totals it adds into, up to the top of its
	// group.
	chain []int
	// pools are the bounds a definition is in; sig names the set.
	pools []int
	sig   string
}

type suppressor struct {
	cells   []sCell
	hid     []bool
	givenUp []bool
	// isFree: a hidden definition with every total above it hidden, so
	// its lead times can come and go without changing a visible figure
	// of its group. It only ever turns true.
	isFree []bool
	// groups are the cells of each group in report order: all of them,
	// and the definitions with a target.
	groups []struct{ cells, targets []int }
	// dirty groups have a cell hidden since their last audit; queue
	// lists them in the order they became dirty.
	dirty []bool
	queue []int
	// byPathway are the definitions of each pathway, in report order.
	byPathway map[int][]int
	// Bounds: counts of the pathway table that are at least the number of
	// lead times in a set of definitions (a pathway's reportable episodes
	// bound all its definitions; a finding whose episodes make up whole
	// cells, as under_18_ar the age group 0–17, bounds those). slack is
	// the count minus those lead times: how many could be added without
	// contradicting the table.
	slack []int
	// givers count the free definitions that can give a lead time: per
	// pathway and set of bounds, and those with a target per pathway and
	// group; sigPools are the bounds of each set.
	givers   map[int]map[string]int
	giversIn map[[2]int]int
	sigPools map[string][]int
	seen     []int // scratch of unprotected
}

func newSuppressor(a *aggregate, keys []cellKey, minCell int) *suppressor {
	s := &suppressor{byPathway: map[int][]int{}, givers: map[int]map[string]int{}, giversIn: map[[2]int]int{}, sigPools: map[string][]int{}}
	index := map[cellKey]int{}
	groupIndex := map[string]int{}
	for _, k := range keys {
		c := a.cells[k]
		g, ok := groupIndex[k.group]
		if !ok {
			g = len(s.groups)
			groupIndex[k.group] = g
			s.groups = append(s.groups, struct{ cells, targets []int }{})
		}
		sc := sCell{key: k, group: g, n: c.n, w: c.within, parent: -1, target: true, leaf: k.level == LevelLeadTime}
		if sc.leaf {
			sc.target = a.guide.LeadTimes[k.def].HasTarget
		}
		// lo stays 0: every cell is listed (allKeys), with lead times
		// or not, so a listed cell is not known to hold one.
		index[k] = len(s.cells)
		s.groups[g].cells = append(s.groups[g].cells, len(s.cells))
		s.cells = append(s.cells, sc)
	}
	for i := range s.cells {
		c := &s.cells[i]
		var up cellKey
		switch {
		case c.leaf && c.target:
			up = cellKey{LevelPathway, c.key.pathway, -1, c.key.group}
		case c.key.level == LevelPathway:
			up = cellKey{LevelAll, -1, -1, c.key.group}
		}
		if p, ok := index[up]; ok && up.level != "" {
			c.parent = p
			s.cells[p].children = append(s.cells[p].children, i)
		}
		if c.leaf {
			s.byPathway[c.key.pathway] = append(s.byPathway[c.key.pathway], i)
			if c.target {
				s.groups[c.group].targets = append(s.groups[c.group].targets, i)
			}
		}
	}
	for i := range s.cells {
		for j := i; j >= 0; j = s.cells[j].parent {
			s.cells[i].chain = append(s.cells[i].chain, j)
		}
	}
	s.addBounds(a, minCell)
	s.hid = make([]bool, len(s.cells))
	s.givenUp = make([]bool, len(s.cells))
	s.isFree = make([]bool, len(s.cells))
	s.dirty = make([]bool, len(s.groups))
	s.seen = make([]int, len(s.cells))
	return s
}

// addBounds finds the counts of the pathway table that bound the lead
// times of definitions: per pathway its reportable episodes, and each
// finding whose episodes hold all the lead times of some groups (groups
// without lead times count as held: that only hides more).
func (s *suppressor) addBounds(a *aggregate, minCell int) {
	var pathways []int
	for p := range s.byPathway {
		pathways = append(pathways, p)
	}
	sort.Ints(pathways)
	add := func(members []int, bound int) {
		id := len(s.slack)
		slack := bound
		for _, m := range members {
			slack -= s.cells[m].n
			s.cells[m].pools = append(s.cells[m].pools, id)
		}
		s.slack = append(s.slack, slack)
	}
	for _, p := range pathways {
		pa := a.pathways[p]
		if pa == nil {
			continue
		}
		leaves := s.byPathway[p]
		bound := pa.reportable - reportableWithout(a, p, s.cells, leaves)
		if pa.reportable == 0 && minCell > 1 {
			// The pathway table lists every pathway of the guide and
			// hides a 0 like a small count, and the audit of counts
			// (counts.go) hides more until that 0 could be 1: a reader
			// cannot rule out one reportable episode, so one lead time.
			// Taking the 0 as known would pin every cell of a pathway
			// the input does not hold to 0 (nothing could move into
			// them), and then hide every total in vain.
			bound = 1
		}
		add(leaves, bound)
		// The inclusion cells that can hold a group's lead times
		// (inclusion.go) bound the group's definitions.
		for _, gk := range a.sortedGroups() {
			bound, ok := a.inclusionBounds(p, gk)
			if !ok || !inclusionLeadBounds {
				continue
			}
			var members []int
			n := 0
			for _, l := range leaves {
				if s.cells[l].key.group == gk {
					members = append(members, l)
					n += s.cells[l].n
				}
			}
			if len(members) > 0 && bound >= n {
				add(members, bound)
			}
		}
		var rules []string
		for r := range pa.findings {
			rules = append(rules, r)
		}
		sort.Strings(rules)
		for _, r := range rules {
			var members []int
			held := false
			for _, l := range leaves {
				pg := pathwayGroup{p, s.cells[l].key.group}
				if a.findingLeads[findingGroup{p, r, pg.group}] == a.leads[pg] {
					members = append(members, l)
					held = held || a.leads[pg] > 0
				}
			}
			if held {
				add(members, pa.findings[r])
			}
		}
	}
	for i := range s.cells {
		c := &s.cells[i]
		c.sig = fmt.Sprint(c.pools)
		s.sigPools[c.sig] = c.pools
	}
}

// reportableWithout is how many of pathway p's reportable episodes a
// reader knows to have no lead time: those left out for a closing code
// before the from-code (or a missing from-code), counted over the groups
// in the pathway totals or in a definition without a target (the most of
// these; only where the counts allow it, as the audit of counts.go
// takes them into account).
func reportableWithout(a *aggregate, p int, cells []sCell, leaves []int) int {
	pa := a.pathways[p]
	room := pa.reportable
	for _, l := range leaves {
		room -= cells[l].n
	}
	most := 0
	for _, r := range []string{ExcludedCloseBefore, ExcludedFromCodeAbsent} {
		sums := map[int]int{} // by definition, -1 for the totals
		for k, c := range a.cells {
			if k.pathway != p || c.excluded[r] == 0 {
				continue
			}
			switch {
			case k.level == LevelPathway:
				sums[-1] += c.excluded[r]
			case k.level == LevelLeadTime && !a.guide.LeadTimes[k.def].HasTarget:
				sums[k.def] += c.excluded[r]
			}
		}
		for _, n := range sums {
			if n <= room && n > most {
				most = n
			}
		}
	}
	return most
}

// room: every bound of definition y allows one more lead time.
func (s *suppressor) room(y int) bool {
	for _, q := range s.cells[y].pools {
		if s.slack[q] < 1 {
			return false
		}
	}
	return true
}

// full returns the bounds of definition y that allow no more lead times.
func (s *suppressor) full(y int) []int {
	var fs []int
	for _, q := range s.cells[y].pools {
		if s.slack[q] < 1 {
			fs = append(fs, q)
		}
	}
	return fs
}

func includes(pools, need []int) bool {
	for _, q := range need {
		found := false
		for _, p := range pools {
			found = found || p == q
		}
		if !found {
			return false
		}
	}
	return true
}

// canReceive: a lead time can be added to free definition y, from no
// one (its bounds allow it) or from a free definition of the same
// pathway outside y's group tree whose bounds include y's full ones.
func (s *suppressor) canReceive(y int) bool {
	c := &s.cells[y]
	need := s.full(y)
	if len(need) == 0 {
		return true
	}
	for sig, n := range s.givers[c.key.pathway] {
		if sig == c.sig {
			if c.target {
				n -= s.giversIn[[2]int{c.key.pathway, c.group}] // they share this group's totals
			} else if s.canGiveAny(c.chain) {
				n-- // itself
			}
		}
		if n > 0 && includes(s.sigPools[sig], need) {
			return true
		}
	}
	return false
}

// hide hides cell i, marks its group for the audit, and counts the
// definitions that turn free.
func (s *suppressor) hide(i int) {
	if s.hid[i] {
		return
	}
	s.hid[i] = true
	if g := s.cells[i].group; !s.dirty[g] {
		s.dirty[g] = true
		s.queue = append(s.queue, g)
	}
	var under []int
	switch {
	case s.cells[i].leaf:
		under = []int{i}
	case s.cells[i].key.level == LevelPathway:
		under = s.cells[i].children
	default:
		under = s.groups[s.cells[i].group].targets
	}
	for _, l := range under {
		if s.isFree[l] || !s.allHidden(s.cells[l].chain) {
			continue
		}
		s.isFree[l] = true
		if s.canGiveAny(s.cells[l].chain) {
			p := s.cells[l].key.pathway
			if s.givers[p] == nil {
				s.givers[p] = map[string]int{}
			}
			s.givers[p][s.cells[l].sig]++
			if s.cells[l].target {
				s.giversIn[[2]int{p, s.cells[l].group}]++
			}
		}
	}
}

func (s *suppressor) allHidden(cs []int) bool {
	for _, c := range cs {
		if !s.hid[c] {
			return false
		}
	}
	return true
}

// Unit kinds of a move: a lead time within target, over target, or of a
// definition without a target (neither).
const (
	unitWithin = iota
	unitOver
	unitPlain
)

// canGive: every cell of path can lose one lead time of the kind without
// going below what the reader knows; path[0] is the definition.
func (s *suppressor) canGive(path []int, kind int) bool {
	d := &s.cells[path[0]]
	switch kind {
	case unitWithin:
		if !d.target || d.w < 1 {
			return false
		}
	case unitOver:
		if !d.target || d.n-d.w < 1 {
			return false
		}
	}
	for _, c := range path {
		if s.cells[c].n-1 < s.cells[c].lo {
			return false
		}
	}
	return true
}

func (s *suppressor) canGiveAny(path []int) bool {
	return s.canGive(path, unitWithin) || s.canGive(path, unitOver) || s.canGive(path, unitPlain)
}

// Which of a cell's figures some move changes.
const (
	movesN = 1 << iota
	movesWithin
	movesShare
)

// unprotected returns the first hidden cell of group g (with lead times,
// not given up) whose n, within or share no move changes, or -1.
func (s *suppressor) unprotected(g int) int {
	seen := s.seen
	for _, i := range s.groups[g].cells {
		seen[i] = 0
	}
	note := func(path []int, dn, dw int) {
		for _, i := range path {
			c := &s.cells[i]
			if dn != 0 {
				seen[i] |= movesN
			}
			if dw != 0 && c.target {
				seen[i] |= movesWithin
			}
			if c.target && c.n > 0 && c.n+dn > 0 && (c.w+dw)*c.n != c.w*(c.n+dn) {
				seen[i] |= movesShare
			}
		}
	}
	within := func(kind int) int {
		if kind == unitWithin {
			return 1
		}
		return 0
	}

	// Moves inside the group, between two hidden definitions with a
	// target: the totals below the one they share change, and must be
	// hidden.
	ls := s.groups[g].targets
	for _, x := range ls {
		if !s.hid[x] {
			continue
		}
		for _, y := range ls {
			if y == x || !s.hid[y] {
				continue
			}
			px, py := s.cells[x].chain[:1], s.cells[y].chain[:1]
			samePathway := s.cells[x].key.pathway == s.cells[y].key.pathway
			if !samePathway {
				if len(s.cells[x].chain) < 2 || len(s.cells[y].chain) < 2 {
					continue
				}
				px, py = s.cells[x].chain[:2], s.cells[y].chain[:2]
				if !s.allHidden(px) || !s.allHidden(py) {
					continue
				}
			}
			// One lead time from x to y; y's pathway gains one.
			if samePathway || s.room(y) {
				for _, kind := range []int{unitWithin, unitOver} {
					if s.canGive(px, kind) {
						note(px, -1, -within(kind))
						note(py, +1, +within(kind))
					}
				}
			}
			// A within from x for an over-target one from y.
			if s.cells[x].w >= 1 && s.cells[y].n-s.cells[y].w >= 1 {
				note(px, 0, -1)
				note(py, 0, +1)
			}
		}
	}

	// Moves of free definitions: whole chains change, up to the top of
	// the group, and the pathway's count of lead times with them.
	for _, i := range s.groups[g].cells {
		if !s.isFree[i] {
			continue
		}
		c := &s.cells[i]
		ch := c.chain
		kinds := []int{unitPlain}
		if c.target {
			kinds = []int{unitWithin, unitOver}
		}
		// Removed (the pathway summary allows fewer lead times).
		for _, kind := range kinds {
			if s.canGive(ch, kind) {
				note(ch, -1, -within(kind))
			}
		}
		// Added.
		if s.canReceive(i) {
			for _, kind := range kinds {
				note(ch, +1, +within(kind))
			}
		}
		// No visible total counts within above it: one within becomes one
		// over target, or the other way round.
		if c.target && c.w >= 1 {
			note(ch, 0, -1)
		}
		if c.target && c.n-c.w >= 1 {
			note(ch, 0, +1)
		}
	}

	for _, i := range s.groups[g].cells {
		c := &s.cells[i]
		if !s.hid[i] || s.givenUp[i] {
			continue
		}
		// A cell without lead times holds nobody's outcome: what must
		// not show is that it is empty, so some table must give it a
		// lead time (n must move). That its lead times, if it had any,
		// would all be within target (or all over it) tells nothing of
		// anyone: it has none.
		need := movesN
		if c.target && c.n > 0 {
			need |= movesWithin | movesShare
		}
		if seen[i]&need != need {
			return i
		}
	}
	return -1
}

// smallestVisible returns the visible cell of cs with the smallest n.
func (s *suppressor) smallestVisible(cs []int) (int, bool) {
	best := -1
	for _, i := range cs {
		if !s.hid[i] && (best < 0 || s.cells[i].n < s.cells[best].n) {
			best = i
		}
	}
	return best, best >= 0
}

// hideMore hides one more cell (or one more definition with its totals)
// to protect cell c, by the rules above; false when nothing is left.
func (s *suppressor) hideMore(c int) bool {
	// 1. A hidden total of the group that is the sum of visible cells.
	for _, i := range s.groups[s.cells[c].group].cells {
		cs := s.cells[i].children
		if !s.hid[i] || len(cs) == 0 {
			continue
		}
		hiddenN := 0
		for _, k := range cs {
			if s.hid[k] {
				hiddenN += s.cells[k].n
			}
		}
		if hiddenN > 0 {
			continue
		}
		if k, ok := s.smallestVisible(cs); ok {
			s.hide(k)
			return true
		}
	}
	// 2. Going up: a visible sibling, else the total if visible. Under
	// the all-pathways cell the total first: the siblings are other
	// pathways' totals, each a figure of its own, where the all-pathways
	// cell is only their sum; and a pathway the input does not hold has
	// its (hidden, empty) total beside the others', which would
	// otherwise take the largest pathway's total with it, and then its
	// definitions, so that a lead time could move to the empty one.
	for i := c; s.cells[i].parent >= 0; i = s.cells[i].parent {
		p := s.cells[i].parent
		if s.cells[p].key.level == LevelAll && !s.hid[p] {
			s.hide(p)
			return true
		}
		if k, ok := s.smallestVisible(s.cells[p].children); ok {
			s.hide(k)
			return true
		}
		if !s.hid[p] {
			s.hide(p)
			return true
		}
	}
	// 3. At the top: a definition of the same pathway that can give a
	// lead time, not yet free.
	mine := map[int]bool{}
	var pathways, reps []int
	s.collect(c, mine, &pathways, &reps)
	top := s.cells[c].chain[len(s.cells[c].chain)-1]
	for k, p := range pathways {
		// Its lead times must be able to come here: it is in every bound
		// that allows no more lead times here.
		need := s.full(reps[k])
		best := -1
		for _, i := range s.byPathway[p] {
			l := &s.cells[i]
			if s.isFree[i] || l.n-1 < l.lo || !includes(l.pools, need) {
				continue
			}
			// Under c it is a way for c's lead times to come and go; in
			// c's group but not under c it would need c's pathway to have
			// room for one more lead time, and it has none.
			if !mine[i] && l.chain[len(l.chain)-1] == top {
				continue
			}
			if best < 0 || l.n < s.cells[best].n {
				best = i
			}
		}
		if best >= 0 {
			for _, k := range s.cells[best].chain {
				s.hide(k)
			}
			return true
		}
	}
	return false
}

// collect gathers the definitions in c's subtree, their pathways, and
// the first definition of each.
func (s *suppressor) collect(c int, mine map[int]bool, pathways, reps *[]int) {
	if s.cells[c].leaf {
		mine[c] = true
		p := s.cells[c].key.pathway
		for _, q := range *pathways {
			if q == p {
				return
			}
		}
		*pathways = append(*pathways, p)
		*reps = append(*reps, c)
		return
	}
	for _, k := range s.cells[c].children {
		s.collect(k, mine, pathways, reps)
	}
}
