package report

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
//   - bounds: 0 ≤ within ≤ n, and a listed cell with no excluded lead
//     times has n ≥ 1 (it would not be listed otherwise);
//   - across groups, the pathway summary: a pathway's lead times, over all
//     groups and definitions (those without a target too), are at most its
//     reportable episodes (an episode has at most one lead time).
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
// pathway summary allows. A move that changes the cell's n, its within
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
//     the same one level up;
//  3. at the top of its group (everything above the cell hidden): a
//     definition of the same pathway that can give a lead time and is
//     not yet hidden up to its top — under the cell, in another group, or
//     without a target — hidden with the totals above it, so that lead
//     times can come and go; the smallest n first.
//
// When nothing is left to hide, the cell stays as it is: then every
// reportable episode of the pathway has a lead time and all of them are in
// hidden cells that cannot move (a pathway with one episode in all): the
// pathway summary's count of reportable episodes gives their number, but
// never their outcome (docs/report.md says so).
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
func suppressAll(a *aggregate, keys []cellKey, minCell int) (map[cellKey]bool, []cellKey) {
	hidden := map[cellKey]bool{}
	for _, k := range keys {
		if a.cells[k].n < minCell {
			hidden[k] = true
		}
	}
	if !complementary {
		return hidden, nil
	}
	s := newSuppressor(a, keys, hidden)
	for {
		c := s.unprotected()
		if c < 0 {
			break
		}
		if !s.hideMore(c) {
			s.givenUp[c] = true
		}
	}
	var given []cellKey
	for i := range s.cells {
		if s.givenUp[i] {
			given = append(given, s.cells[i].key)
		}
	}
	return hidden, given
}

// sCell is a cell as the audit sees it.
type sCell struct {
	key    cellKey
	n, w   int
	lo     int  // the least n a reader knows it has
	target bool // it has a within: a definition with a target, or a total
	leaf   bool
	// parent is the total the cell adds into within its group, -1 for
	// none (the all-pathways cell, definitions without a target).
	parent   int
	children []int
}

type suppressor struct {
	cells   []sCell
	hidden  map[cellKey]bool
	givenUp map[int]bool
	// leaves are the definition cells, in report order; byGroup the target
	// definitions of each group.
	leaves  []int
	byGroup map[string][]int
	// slack is, per pathway, its reportable episodes minus its lead times:
	// how many lead times could be added without contradicting the
	// pathway summary.
	slack map[int]int
}

func newSuppressor(a *aggregate, keys []cellKey, hidden map[cellKey]bool) *suppressor {
	s := &suppressor{hidden: hidden, givenUp: map[int]bool{}, byGroup: map[string][]int{}, slack: map[int]int{}}
	index := map[cellKey]int{}
	for _, k := range keys {
		c := a.cells[k]
		excluded := 0
		for _, n := range c.excluded {
			excluded += n
		}
		sc := sCell{key: k, n: c.n, w: c.within, parent: -1, target: true, leaf: k.level == LevelLeadTime}
		if sc.leaf {
			sc.target = a.guide.LeadTimes[k.def].HasTarget
		}
		if excluded == 0 && c.n > 0 {
			sc.lo = 1
		}
		index[k] = len(s.cells)
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
			s.leaves = append(s.leaves, i)
			s.slack[c.key.pathway] -= c.n
			if c.target {
				s.byGroup[c.key.group] = append(s.byGroup[c.key.group], i)
			}
		}
	}
	for p := range s.slack {
		if pa := a.pathways[p]; pa != nil {
			s.slack[p] += pa.reportable
		}
	}
	return s
}

func (s *suppressor) isHidden(i int) bool { return s.hidden[s.cells[i].key] }

func (s *suppressor) hide(i int) { s.hidden[s.cells[i].key] = true }

// chain is the cell and the totals it adds into, up to the top of its
// group.
func (s *suppressor) chain(i int) []int {
	var ch []int
	for ; i >= 0; i = s.cells[i].parent {
		ch = append(ch, i)
	}
	return ch
}

// free: the definition and every total above it are hidden, so its lead
// times can come and go without changing a visible figure of its group.
func (s *suppressor) free(i int) bool {
	for _, c := range s.chain(i) {
		if !s.isHidden(c) {
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

// Which of a cell's figures some move changes.
const (
	movesN = 1 << iota
	movesWithin
	movesShare
)

// unprotected returns the first hidden cell (with lead times) whose n,
// within or share no move changes, or -1.
func (s *suppressor) unprotected() int {
	seen := make([]int, len(s.cells))
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

	// Moves inside a group, between two hidden definitions with a target:
	// the totals below the one they share change, and must be hidden.
	for _, g := range s.groupOrder() {
		ls := s.byGroup[g]
		for _, x := range ls {
			if !s.isHidden(x) {
				continue
			}
			for _, y := range ls {
				if y == x || !s.isHidden(y) {
					continue
				}
				px, py := []int{x}, []int{y}
				samePathway := s.cells[x].key.pathway == s.cells[y].key.pathway
				if !samePathway {
					tx, ty := s.cells[x].parent, s.cells[y].parent
					if tx < 0 || ty < 0 || !s.isHidden(tx) || !s.isHidden(ty) {
						continue
					}
					px, py = append(px, tx), append(py, ty)
				}
				// One lead time from x to y; y's pathway gains one.
				if samePathway || s.slack[s.cells[y].key.pathway] >= 1 {
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
	}

	// Moves of free definitions: whole chains change, up to the top of
	// the group, and the pathway's count of lead times with them.
	type pathwayGroup struct {
		pathway int
		group   string
	}
	givers := map[int]int{}            // per pathway, free definitions that can give one
	giversIn := map[pathwayGroup]int{} // per pathway and group, those with a target
	pkey := func(i int) pathwayGroup { return pathwayGroup{s.cells[i].key.pathway, s.cells[i].key.group} }
	canGiveAny := func(ch []int) bool {
		return s.canGive(ch, unitWithin) || s.canGive(ch, unitOver) || s.canGive(ch, unitPlain)
	}
	var free []int
	for _, i := range s.leaves {
		if !s.isHidden(i) || !s.free(i) {
			continue
		}
		free = append(free, i)
		ch := s.chain(i)
		if canGiveAny(ch) {
			givers[s.cells[i].key.pathway]++
			if s.cells[i].target {
				giversIn[pkey(i)]++
			}
		}
	}
	for _, i := range free {
		c := &s.cells[i]
		ch := s.chain(i)
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
		// Added, from the pathway's slack or from a free definition of the
		// same pathway outside this group's tree.
		others := givers[c.key.pathway]
		if c.target {
			others -= giversIn[pkey(i)] // they share this group's totals
		} else if canGiveAny(ch) {
			others-- // itself
		}
		if s.slack[c.key.pathway] >= 1 || others > 0 {
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

	for i := range s.cells {
		c := &s.cells[i]
		if !s.isHidden(i) || c.n == 0 || s.givenUp[i] {
			continue
		}
		need := movesN
		if c.target {
			need |= movesWithin | movesShare
		}
		if seen[i]&need != need {
			return i
		}
	}
	return -1
}

// groupOrder lists the groups in the order of their first definition.
func (s *suppressor) groupOrder() []string {
	var order []string
	seen := map[string]bool{}
	for _, i := range s.leaves {
		if g := s.cells[i].key.group; !seen[g] {
			seen[g] = true
			order = append(order, g)
		}
	}
	return order
}

// smallestVisible returns the visible cell of cs with the smallest n.
func (s *suppressor) smallestVisible(cs []int) (int, bool) {
	best := -1
	for _, i := range cs {
		if !s.isHidden(i) && (best < 0 || s.cells[i].n < s.cells[best].n) {
			best = i
		}
	}
	return best, best >= 0
}

// hideMore hides one more cell (or one more definition with its totals)
// to protect cell c, by the rules above; false when nothing is left.
func (s *suppressor) hideMore(c int) bool {
	// 1. A hidden total that is the sum of visible cells (anywhere: it
	// gives its siblings nothing to move with).
	for i := range s.cells {
		cs := s.cells[i].children
		if !s.isHidden(i) || len(cs) == 0 {
			continue
		}
		hiddenN := 0
		for _, k := range cs {
			if s.isHidden(k) {
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
	// 2. Going up: a visible sibling, else the total if visible.
	for i := c; s.cells[i].parent >= 0; i = s.cells[i].parent {
		p := s.cells[i].parent
		if k, ok := s.smallestVisible(s.cells[p].children); ok {
			s.hide(k)
			return true
		}
		if !s.isHidden(p) {
			s.hide(p)
			return true
		}
	}
	// 3. At the top: another chain of the same pathway that can give a
	// lead time.
	mine := map[int]bool{}
	var pathways []int
	s.collect(c, mine, &pathways)
	best := -1
	for _, p := range pathways {
		for _, i := range s.leaves {
			l := &s.cells[i]
			if l.key.pathway != p || s.free(i) || l.n-1 < l.lo {
				continue
			}
			// Under c it is a way for c's lead times to come and go; in
			// c's group but not under c it would need c's pathway to have
			// room for one more lead time, and it has none.
			if !mine[i] && l.target && s.underSameTop(i, c) {
				continue
			}
			if best < 0 || l.n < s.cells[best].n {
				best = i
			}
		}
		if best >= 0 {
			for _, k := range s.chain(best) {
				s.hide(k)
			}
			return true
		}
	}
	return false
}

// collect gathers the definitions in c's subtree and their pathways.
func (s *suppressor) collect(c int, mine map[int]bool, pathways *[]int) {
	if s.cells[c].leaf {
		mine[c] = true
		p := s.cells[c].key.pathway
		for _, q := range *pathways {
			if q == p {
				return
			}
		}
		*pathways = append(*pathways, p)
		return
	}
	for _, k := range s.cells[c].children {
		s.collect(k, mine, pathways)
	}
}

// underSameTop: definition i is in the tree of the group c belongs to,
// so its lead times cannot reach c from outside that tree.
func (s *suppressor) underSameTop(i, c int) bool {
	ci, cc := s.chain(i), s.chain(c)
	return ci[len(ci)-1] == cc[len(cc)-1]
}
