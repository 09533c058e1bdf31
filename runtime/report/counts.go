package report

import (
	"errors"
	"sort"
)

// Small counts outside the lead-time cells.
//
// Besides the lead-time cells (suppress.go) the report publishes counts of
// episodes: the input's episodes, reportable episodes and episodes with
// errors ("Underlag"), the same per pathway ("Förlopp per vårdförlopp")
// with the pathway's most frequent findings, and per lead-time cell the
// lead times left out, by reason ("undantagna"). The same rule holds for
// them: no count from 1 to min-cell − 1 is shown, and no hidden count can
// be worked out from what is shown.
//
//   - A finding is listed only with at least min-cell episodes.
//   - Any other count from 1 to min-cell − 1 is hidden (primary). A pathway
//     whose number of episodes is hidden shows none of its counts: its
//     reportable episodes and those with errors would be parts of a hidden
//     whole ("0 with errors" of a hidden number is an outcome too).
//   - The input's rejected rows and incomplete episodes are shown as they
//     are: the report lists each of them after the tables (the rows to
//     correct), so their number is known to the reader, and the audit
//     takes them as known (slot.known) and hides other counts instead.
//   - The pathway table lists every pathway of the guide (and "okänt
//     vårdförlopp"), whether the input holds it or not, and hides a 0
//     like a small count (primaryZero): a row of dashes then holds 0 to
//     min-cell − 1 episodes, and which pathways the input holds does not
//     show. The input's counts ("Underlag") show a 0: it is nobody's
//     count, and a visible 0 beside a hidden count is part of what the
//     audit below takes into account.
//   - A shown count less another it holds is a count too (episodes less
//     reportable ones: those not reportable; less those with errors;
//     reportable ones or episodes less the lead times): an implicit slot
//     (slot.implicit), protected when from 1 to min-cell − 1.
//
// The audit. Every published count is a slot; the hidden ones are the
// unknowns of an integer program over what a reader knows:
//
//   - the input's episodes, reportable episodes and episodes with errors
//     are the sums of the pathways'; a pathway has at least no episode
//     (every pathway is listed, so a row is not known to hold anyone),
//     its reportable episodes and those with errors are at most its
//     episodes, at least its listed findings (those of severity error for
//     the episodes with errors), and its reportable episodes at least its
//     lead times that the lead-time tables show (shownLeads; not the true
//     number, which the hidden cells keep); the input has at least as many
//     rows as episodes;
//   - per group and reason, the all-pathways cell's left-out lead times
//     are the sum of the pathway totals', and a pathway total's at most
//     the sum of its definitions' and at least each of them (an episode
//     with two closing codes counts for each definition, once in a
//     total); a listed reason has at least one;
//   - over the groups, the left-out lead times of a pathway for two
//     closing codes are at most its episodes that are not reportable and
//     at most its findings of that rule, and those for a closing code
//     before the start at most its reportable episodes without a lead
//     time — each taken into account where the data satisfy it (a reader
//     may guess it; where it does not hold, no reader can rely on it).
//
// For each hidden count with a value above 0, and each hidden 0 that must
// be able to be more (slot.zero: the pathway table's), the solver looks
// for a table that fits all that with a different value (either side of
// the true one); for a pathway whose number of episodes is hidden (and
// above 0), also with other shares of reportable episodes and of
// episodes with errors. When none
// exists (or the search is too long) one more count is hidden: the
// visible count with the smallest value in a relation with the pinned
// one, ties to the first; with none, in a relation with a hidden count in
// one with it, and so on outwards. Hiding more only takes knowledge away,
// so this ends with every hidden count protected, or with nothing left to
// hide in reach (givenUp; TestSuppressionProof finds no such count).
//
// Local lead times (local.go) need no audit: every local definition has a
// row, no total is made of them, and a row is hidden whenever it has
// fewer lead times than min-cell, 0 included, so a hidden row's n can be
// anything from 0 to min-cell − 1.

// slot is one published count.
type slot struct {
	value  int
	lo     int // the least value a reader knows it has
	hidden bool
	// known: the reader knows the value from elsewhere (the rows to
	// correct list every rejected row and incomplete episode; a count
	// the Underlag line leaves out is 0), so it is never hidden and
	// hiding it would protect nothing.
	known bool
	// zero: a hidden value of 0 must be protected too (it must be able
	// to be more): a count hidden so that it no longer bounds lead-time
	// cells suppress gave up on, which are hidden with no lead time as
	// well as with a few, and an inclusion row, whose 0 is hidden like a
	// small count.
	zero bool
	// dark: known to the audit, yet not shown (a cell's 0 left-out
	// lead times, hidden like a small count but not audited).
	dark bool
	// implicit: a count the report does not print but a reader gets by
	// subtracting two it does (a pathway's episodes less its reportable
	// ones: those not reportable). Always an unknown of the audit;
	// free when its value needs no protection (0 or at least
	// min-cell), so it is not asked.
	implicit, free bool
}

// countAudit is the table of published counts and what relates them.
type countAudit struct {
	slots []slot
	cons  []constraint // over slot indices
	// shares are (part, whole) pairs whose ratio a hidden whole protects.
	shares [][2]int
	// block: hiding the key hides the values too (a pathway's episodes
	// and its other counts).
	block map[int][]int
	// byslot lists the constraints of each slot.
	byslot map[int][]int
	// givenUp are pinned slots with nothing left to hide.
	givenUp []int
}

// auditCounts switches the audit of counts on; only a test switches it
// off, to show that the proof test finds what it prevents.
var auditCounts = true

// auditBudget bounds one search of the audit; a longer search counts as
// pinned, and more is hidden.
const auditBudget = 20_000

func (ca *countAudit) add(value, lo int) int {
	ca.slots = append(ca.slots, slot{value: value, lo: lo})
	return len(ca.slots) - 1
}

// relate adds Σ coef·slot + c (= 0 when eq, else ≤ 0) if it holds for the
// true values; false when it does not (then the reader cannot know it).
func (ca *countAudit) relate(slots, coefs []int, c int, eq bool) bool {
	s := c
	for i, x := range slots {
		s += coefs[i] * ca.slots[x].value
	}
	if s > 0 || (eq && s != 0) {
		return false
	}
	ca.cons = append(ca.cons, constraint{vars: append([]int(nil), slots...), coefs: append([]int(nil), coefs...), c: c, eq: eq})
	return true
}

// known adds a count the reader knows (slot.known).
func (ca *countAudit) known(value int) int {
	ca.slots = append(ca.slots, slot{value: value, lo: value, known: true})
	return len(ca.slots) - 1
}

func (ca *countAudit) hide(i int) {
	if ca.slots[i].hidden || ca.slots[i].known {
		return
	}
	ca.slots[i].hidden = true
	for _, j := range ca.block[i] {
		ca.hide(j)
	}
}

// difference adds the implicit count a − b (b a slot, or the known
// count bKnown when b < 0): what a reader gets by subtracting a count
// shown from another that holds it. When it is from 1 to minCell − 1 it
// is protected like a hidden count (the audit then hides a or b, or
// more, until it cannot be worked out); otherwise it is an unknown
// that is not asked.
func (ca *countAudit) difference(a, b, bKnown, minCell int) int {
	v := ca.slots[a].value - bKnown
	if b >= 0 {
		v = ca.slots[a].value - ca.slots[b].value
	}
	d := ca.add(v, 0)
	ca.slots[d].hidden, ca.slots[d].implicit = true, true
	ca.slots[d].free = v < 1 || v >= minCell
	if b >= 0 {
		ca.relate([]int{a, b, d}, []int{1, -1, -1}, 0, true)
	} else {
		ca.relate([]int{a, d}, []int{1, -1}, -bKnown, true)
	}
	return d
}

// primary hides every count from 1 to minCell − 1 of slots.
func (ca *countAudit) primary(minCell int, slots ...int) {
	for _, i := range slots {
		if v := ca.slots[i].value; v >= 1 && v < minCell {
			ca.hide(i)
		}
	}
}

// primaryZero hides every count from 0 to minCell − 1 of slots (with
// minCell 1 nothing): counts of a table that lists every row whether it
// holds anyone or not, where a 0 shown beside a hidden count would tell
// that the hidden one holds somebody. Their hidden 0s are protected as
// the other hidden counts are (slot.zero).
func (ca *countAudit) primaryZero(minCell int, slots ...int) {
	for _, i := range slots {
		ca.slots[i].zero = true
		if minCell > 1 && ca.slots[i].value < minCell {
			ca.hide(i)
		}
	}
}

// run hides more until every hidden count is protected.
func (ca *countAudit) run() {
	ca.byslot = map[int][]int{}
	for k, c := range ca.cons {
		for _, v := range c.vars {
			ca.byslot[v] = append(ca.byslot[v], k)
		}
	}
	given := map[int]bool{}
	for complementary && auditCounts {
		pinned := ca.firstPinned(given)
		if pinned < 0 {
			break
		}
		if k, ok := ca.nextToHide(pinned); ok {
			ca.hide(k)
		} else {
			given[pinned] = true
			ca.givenUp = append(ca.givenUp, pinned)
		}
	}
}

// nextToHide is the visible slot with the smallest value in a relation
// with slot i; with none, in a relation with a hidden slot in one with
// i, and so on outwards (a pin can come from afar: the input's totals
// pin the sum of two hidden pathways' counts).
func (ca *countAudit) nextToHide(i int) (int, bool) {
	seen := map[int]bool{i: true}
	frontier := []int{i}
	for len(frontier) > 0 {
		best := -1
		var next []int
		for _, f := range frontier {
			for _, k := range ca.byslot[f] {
				for _, v := range ca.cons[k].vars {
					if ca.slots[v].known {
						continue // a constant to the reader
					}
					if !ca.slots[v].hidden {
						if best < 0 || ca.slots[v].value < ca.slots[best].value ||
							(ca.slots[v].value == ca.slots[best].value && v < best) {
							best = v
						}
					} else if !seen[v] {
						seen[v] = true
						next = append(next, v)
					}
				}
			}
		}
		if best >= 0 {
			return best, true
		}
		sort.Ints(next)
		frontier = next
	}
	return -1, false
}

// firstPinned returns the first hidden slot (value above 0, not given up)
// that no other table fitting the published counts changes, or -1.
func (ca *countAudit) firstPinned(given map[int]bool) int {
	// The unknowns: the hidden slots.
	vars := map[int]int{}
	var order []int
	for i, s := range ca.slots {
		if s.hidden {
			vars[i] = len(order)
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		return -1
	}
	p := &ilp{budget: auditBudget}
	hiAll := 1
	for _, s := range ca.slots {
		hiAll += 2*s.value + 1
	}
	for _, i := range order {
		p.lo = append(p.lo, ca.slots[i].lo)
		p.hi = append(p.hi, hiAll)
		p.truth = append(p.truth, ca.slots[i].value)
	}
	for _, c := range ca.cons {
		k := constraint{c: c.c, eq: c.eq}
		for j, s := range c.vars {
			if v, ok := vars[s]; ok {
				k.vars, k.coefs = append(k.vars, v), append(k.coefs, c.coefs[j])
			} else {
				k.c += c.coefs[j] * ca.slots[s].value
			}
		}
		if len(k.vars) > 0 {
			p.cons = append(p.cons, k)
		}
	}
	// The unknowns fall apart into independent parts (the left-out counts
	// of one group and reason, say): a question is solved over its part
	// only, the others kept at their true values.
	parts := p.components()
	found := [][]int{p.truth}
	differs := func(ask func(x []int) bool, extra constraint) bool {
		for _, x := range found {
			if ask(x) {
				return true
			}
		}
		sub, vars := parts.of(p, extra.vars[0])
		q := &ilp{cons: append(append([]constraint(nil), sub.cons...), sub.reindex(extra, vars)), truth: sub.truth, budget: auditBudget}
		y, err := q.solve(sub.lo, sub.hi)
		if errors.Is(err, errSearch) || y == nil {
			return false
		}
		x := append([]int(nil), p.truth...)
		for i, v := range vars {
			x[v] = y[i]
		}
		found = append(found, x)
		return true
	}
	shares := map[int][][2]int{}
	for _, sh := range ca.shares {
		shares[sh[1]] = append(shares[sh[1]], sh)
	}
	for _, i := range order {
		v, t := vars[i], ca.slots[i].value
		if (t == 0 && !ca.slots[i].zero) || given[i] || ca.slots[i].free {
			continue
		}
		// Pinned: no other value either side, sign·(x − t) ≥ 1.
		other := false
		for _, sign := range []int{-1, 1} {
			if differs(func(x []int) bool { return sign*(x[v]-t) >= 1 },
				constraint{vars: []int{v}, coefs: []int{-sign}, c: 1 + sign*t}) {
				other = true
				break
			}
		}
		if !other {
			return i
		}
		// A whole of 0 has no share to protect (none of nobody is an
		// outcome of no one), and part·0 − 0·part ≠ 0 has no solution:
		// asking it would count every empty row as pinned and hide,
		// one by one, every count related to it — on the example, with
		// every pathway of the guide listed, the whole table and the
		// Underlag line. What an empty row must not tell is that it is
		// empty, and whether its 0 could be more is asked above; once
		// it could, it could hold any share as well.
		if t == 0 {
			continue
		}
		for _, sh := range shares[i] {
			pv, ok := vars[sh[0]]
			if !ok {
				continue
			}
			tp := ca.slots[sh[0]].value
			// Another share: part·t − whole·tp ≠ 0.
			other := false
			for _, sign := range []int{-1, 1} {
				if differs(func(x []int) bool { return x[v] > 0 && sign*(x[pv]*t-x[v]*tp) >= 1 },
					constraint{vars: []int{pv, v}, coefs: []int{-sign * t, sign * tp}, c: 1}) {
					other = true
					break
				}
			}
			if !other {
				return i
			}
		}
	}
	return -1
}

// inputTruth are the input's counts before protection.
type inputTruth struct{ rowsRead, rowsRejected, rowsBlank, episodes, reportable, withErrors, incomplete int }

// protectCounts hides the small counts of rep outside the lead-time cells
// (and those that would give them away) and lists only the findings with
// at least minCell episodes. keys are the measures' cells, givenUp the
// lead-time cells suppress could not protect.
func protectCounts(rep *Report, in inputTruth, a *aggregate, keys []cellKey, minCell int, givenUp []cellKey) {
	ca := &countAudit{block: map[int][]int{}}
	read := ca.add(in.rowsRead, 0)
	// The rejected rows and the incomplete episodes are the user's own
	// rows, listed one by one after the tables (Rader att rätta): the
	// reader knows how many, so the Underlag line says it, and the audit
	// hides what they would give away instead of them.
	rejected := ca.known(in.rowsRejected)
	// The Underlag line names blank rows only when there are any: a
	// hidden number is at least 1, and none named is 0, known.
	blank := ca.known(0)
	if in.rowsBlank > 0 {
		blank = ca.add(in.rowsBlank, 1)
	}
	episodes := ca.add(in.episodes, 0)
	reportable := ca.add(in.reportable, 0)
	withErrors := ca.add(in.withErrors, 0)
	incomplete := ca.known(in.incomplete)
	ca.primary(minCell, episodes, reportable, withErrors)
	ca.relate([]int{rejected, read}, []int{1, -1}, 0, false)
	ca.relate([]int{incomplete, rejected}, []int{1, -1}, 0, false) // each has a rejected row
	// The rows read and not rejected are some episode's (or blank): a
	// reader who sees them may know there is at least one episode.
	ca.relate([]int{episodes, incomplete}, []int{-1, -1}, 1, false)
	ca.relate([]int{episodes, read, rejected, blank}, []int{1, -1, 1, 1}, 0, false)

	// Pathways whose lead-time cells suppress gave up on: their counts
	// that bound those lead times are hidden, so that the bound is gone.
	gaveUp := map[string]bool{}
	for _, k := range givenUp {
		if k.pathway >= 0 {
			gaveUp[a.guide.Pathways[k.pathway].Key] = true
		}
	}

	// leads: each pathway's lead times, over all groups and definitions.
	leads := map[int]int{}
	for pg, n := range a.leads {
		leads[pg.pathway] += n
	}
	// What a reader knows of them from the lead-time tables: per group
	// the pathway total where it is shown, else its shown definitions
	// with a target; and the shown definitions without one (an episode
	// has at most one lead time, so their sum is at most the reportable
	// episodes). Taking the true number as known instead, as this once
	// did, is not "knowing more only hides more" when the pathway's
	// cells are hidden: a pathway with one lead time would then be
	// known to have a reportable episode and one with none not, the
	// audit would hide differently, and which it is would show.
	// knownTarget and knownLeads say whether the reader knows all of
	// them (every total shown; and every definition without a target).
	shownLeads := map[int]int{}
	knownTarget, knownLeads := map[int]bool{}, map[int]bool{}
	// allTarget: the reader knows all pathways' lead times with a target
	// (per group the all-pathways cell shown, or every pathway total);
	// allLeads: and those without one.
	allTarget, allLeads := true, true
	{
		type pathwayGroupKey struct {
			p     int
			group string
		}
		totalShown := map[pathwayGroupKey]bool{}
		for i, k := range keys {
			if k.pathway >= 0 {
				knownTarget[k.pathway], knownLeads[k.pathway] = true, true
			}
			if k.level == LevelPathway && !rep.Measures[i].Suppressed {
				totalShown[pathwayGroupKey{k.pathway, k.group}] = true
			}
		}
		allShown := map[string]bool{}
		for i, k := range keys {
			if k.level == LevelAll && !rep.Measures[i].Suppressed {
				allShown[k.group] = true
			}
		}
		for i, k := range keys {
			shown := !rep.Measures[i].Suppressed
			if !shown && k.level == LevelPathway && !allShown[k.group] {
				allTarget = false
			}
			if !shown && k.level == LevelLeadTime && !a.guide.LeadTimes[k.def].HasTarget {
				allLeads = false
			}
			switch {
			case k.level == LevelPathway:
				if shown {
					shownLeads[k.pathway] += a.cells[k].n
				} else {
					knownTarget[k.pathway], knownLeads[k.pathway] = false, false
				}
			case k.level == LevelLeadTime && a.guide.LeadTimes[k.def].HasTarget:
				if shown && !totalShown[pathwayGroupKey{k.pathway, k.group}] {
					shownLeads[k.pathway] += a.cells[k].n
				}
			case k.level == LevelLeadTime:
				if shown {
					shownLeads[k.pathway] += a.cells[k].n
				} else {
					knownLeads[k.pathway] = false
				}
			}
		}
	}
	type rowSlots struct{ e, r, w int }
	rows := make([]rowSlots, len(rep.Pathways))
	pathwayIndex := map[string]int{}
	for _, pw := range a.guide.Pathways {
		pathwayIndex[pw.Key] = pw.Index
	}
	sums := [3][]int{{episodes}, {reportable}, {withErrors}}
	findingSlots := make([][]int, len(rep.Pathways)) // per pathway row, its findings' slots
	for i := range rep.Pathways {
		ps := &rep.Pathways[i]
		p := -1
		if ps.Pathway != "" {
			p = pathwayIndex[ps.Pathway]
		}
		pa := a.pathways[p]
		rs := rowSlots{ca.add(pa.episodes, 0), ca.add(pa.reportable, 0), ca.add(pa.withErrors, 0)}
		rows[i] = rs
		ca.block[rs.e] = []int{rs.r, rs.w}
		ca.shares = append(ca.shares, [2]int{rs.r, rs.e}, [2]int{rs.w, rs.e})
		for k, s := range []int{rs.e, rs.r, rs.w} {
			sums[k] = append(sums[k], s)
		}
		// Every pathway of the guide has a row, so a 0 shown beside a
		// hidden count would tell that the hidden one holds somebody.
		ca.primaryZero(minCell, rs.e, rs.r, rs.w)
		if gaveUp[ps.Pathway] {
			ca.hide(rs.r)
			ca.slots[rs.r].zero = true
			if a.hasInclusion(p) {
				// Its inclusion rows bounded the lead times per
				// region and period, and suppress gave up for them:
				// the episodes go too, as they bound the reportable
				// ones (less those with two closing codes).
				ca.hide(rs.e)
				ca.slots[rs.e].zero = true
			}
		}
		ca.relate([]int{rs.r, rs.e}, []int{1, -1}, 0, false)
		ca.relate([]int{rs.w, rs.e}, []int{1, -1}, 0, false)
		ca.relate([]int{rs.r}, []int{-1}, shownLeads[p], false)
		// The findings: a slot each, listed when shown. Those with fewer
		// than min-cell episodes, after the first TopFindings, or bounding
		// lead times suppress gave up on are hidden from the start.
		fs := make([]int, len(ps.Findings))
		shownFindings := 0
		for j, f := range ps.Findings {
			fs[j] = ca.add(f.Count, 0)
			if f.Count < minCell || shownFindings == TopFindings || (gaveUp[ps.Pathway] && boundsLeadTimes(a, p, f.Rule)) {
				ca.hide(fs[j])
			} else {
				shownFindings++
			}
			ca.relate([]int{fs[j], rs.e}, []int{1, -1}, 0, false)
			if f.Severity == "error" {
				ca.relate([]int{fs[j], rs.w}, []int{1, -1}, 0, false)
			}
		}
		findingSlots[i] = fs
	}
	for k := range sums {
		coefs := []int{1}
		for range sums[k][1:] {
			coefs = append(coefs, -1)
		}
		ca.relate(sums[k], coefs, 0, true)
	}

	// What subtracting one shown count from another gives is a count of
	// patients too: a pathway's episodes less its reportable ones are
	// those not reportable (6 and 5 in a row say 1), less those with
	// errors those without, and its reportable episodes (or episodes)
	// less its lead times those in no lead time of the measure. Each is
	// an implicit count, protected like a hidden one when it is from 1
	// to min-cell − 1; the same for the Underlag line. Only where the
	// reader knows the lead times (every total of the pathway shown, and
	// every definition without a target for all of them).
	withTarget := map[int]int{} // pathway → its lead times with a target
	noTarget := map[int]bool{}  // pathway → it has a definition without one
	for _, k := range keys {
		if k.level == LevelPathway {
			withTarget[k.pathway] += a.cells[k].n
		}
		if k.level == LevelLeadTime && !a.guide.LeadTimes[k.def].HasTarget {
			noTarget[k.pathway] = true
		}
	}
	hasDefs := map[int]bool{}
	for _, k := range keys {
		if k.pathway >= 0 {
			hasDefs[k.pathway] = true
		}
	}
	totalTarget, totalLeads := 0, 0
	for p := range hasDefs {
		totalTarget += withTarget[p]
		totalLeads += leads[p]
	}
	allLeads = allLeads && allTarget
	differences := func(e, r, w int, lts ...int) {
		ca.difference(e, r, 0, minCell)
		ca.difference(e, w, 0, minCell)
		for _, l := range lts {
			ca.difference(r, -1, l, minCell)
			ca.difference(e, -1, l, minCell)
		}
	}
	for i := range rep.Pathways {
		p := -1
		if ps := rep.Pathways[i]; ps.Pathway != "" {
			p = pathwayIndex[ps.Pathway]
		}
		var lts []int
		if hasDefs[p] && knownTarget[p] {
			lts = append(lts, withTarget[p])
		}
		if hasDefs[p] && noTarget[p] && knownLeads[p] {
			lts = append(lts, leads[p])
		}
		differences(rows[i].e, rows[i].r, rows[i].w, lts...)
	}
	var lts []int
	if len(hasDefs) > 0 && allTarget {
		lts = append(lts, totalTarget)
	}
	if len(hasDefs) > 0 && allLeads {
		lts = append(lts, totalLeads)
	}
	differences(episodes, reportable, withErrors, lts...)

	// Left-out lead times, per measure and reason.
	reasons := []string{ExcludedTwoClosings, ExcludedCloseBefore, ExcludedFromCodeAbsent}
	index := map[cellKey]int{}
	for i, k := range keys {
		index[k] = i
	}
	// A cell's reasons are hidden together: the cell then shows neither
	// its count nor which reasons it has (a listed reason has at least
	// one), so a hidden count may be 0.
	excl := make([]map[string]int, len(keys)) // measure → reason → slot
	for i, k := range keys {
		excl[i] = map[string]int{}
		var cell []int
		for _, r := range reasons {
			s := ca.add(a.cells[k].excluded[r], 0)
			excl[i][r] = s
			cell = append(cell, s)
		}
		for _, s := range cell {
			ca.block[s] = cell
		}
		// Every cell is listed (allKeys), so one without lead times is
		// not known to have left-out ones; and a cell with none hides
		// its 0 like a small count, else "–" beside the 0s of the
		// other groups would say that this one has somebody left out.
		// That 0 is not audited: asking for each of thousands of cells
		// whether it could have one costs minutes, and a 0 that can be
		// worked out (a pathway whose every episode is reportable with
		// a lead time has none left out anywhere) says nothing of
		// whether the cell holds anyone.
		// The audit takes the reader to know it (slot.dark), which only
		// hides more of the other counts and keeps the integer programs
		// as small as before the 0s were hidden.
		if a.cells[k].excludedTotal() == 0 {
			if minCell > 1 {
				for _, s := range cell {
					ca.slots[s].known, ca.slots[s].dark = true, true
				}
			}
		} else {
			ca.primary(minCell, cell...)
		}
	}
	// term adds measure i's count of reason r with coef.
	term := func(slots, coefs *[]int, i int, r string, coef int) {
		s := excl[i][r]
		*slots, *coefs = append(*slots, s), append(*coefs, coef)
	}
	type pathwayReason struct {
		pathway int
		reason  string
	}
	overGroups := map[pathwayReason][]int{}             // pathway totals' slots
	overGroupsLeaf := map[pathwayReason]map[int][]int{} // per definition without a target
	for i, k := range keys {
		for _, r := range reasons {
			switch {
			case k.level == LevelAll:
				var ss, cs []int
				term(&ss, &cs, i, r, 1)
				for j, pk := range keys {
					if pk.level == LevelPathway && pk.group == k.group {
						term(&ss, &cs, j, r, -1)
					}
				}
				if len(ss) > 0 {
					ca.relate(ss, cs, 0, true)
				}
			case k.level == LevelPathway:
				var ss, cs []int
				term(&ss, &cs, i, r, 1)
				for j, lk := range keys {
					if lk.level == LevelLeadTime && lk.pathway == k.pathway && lk.group == k.group && a.guide.LeadTimes[lk.def].HasTarget {
						term(&ss, &cs, j, r, -1)
						var s2, c2 []int
						term(&s2, &c2, j, r, 1)
						term(&s2, &c2, i, r, -1)
						if len(s2) > 0 {
							ca.relate(s2, c2, 0, false)
						}
					}
				}
				if len(ss) > 0 {
					ca.relate(ss, cs, 0, false)
				}
				pr := pathwayReason{k.pathway, r}
				overGroups[pr] = append(overGroups[pr], excl[i][r])
			case !a.guide.LeadTimes[k.def].HasTarget:
				pr := pathwayReason{k.pathway, r}
				if overGroupsLeaf[pr] == nil {
					overGroupsLeaf[pr] = map[int][]int{}
				}
				overGroupsLeaf[pr][k.def] = append(overGroupsLeaf[pr][k.def], excl[i][r])
			}
		}
	}
	// Over the groups: what the pathway table bounds.
	rowOf := map[int]rowSlots{}
	for i, ps := range rep.Pathways {
		if ps.Pathway != "" {
			rowOf[pathwayIndex[ps.Pathway]] = rows[i]
		}
	}
	var prs []pathwayReason
	for pr := range overGroups {
		prs = append(prs, pr)
	}
	for pr := range overGroupsLeaf {
		if _, ok := overGroups[pr]; !ok {
			prs = append(prs, pr)
		}
	}
	sort.Slice(prs, func(i, j int) bool {
		if prs[i].pathway != prs[j].pathway {
			return prs[i].pathway < prs[j].pathway
		}
		return prs[i].reason < prs[j].reason
	})
	for _, pr := range prs {
		rs, ok := rowOf[pr.pathway]
		if !ok {
			continue
		}
		sets := [][]int{overGroups[pr]}
		var defs []int
		for d := range overGroupsLeaf[pr] {
			defs = append(defs, d)
		}
		sort.Ints(defs)
		for _, d := range defs {
			sets = append(sets, overGroupsLeaf[pr][d])
		}
		for _, set := range sets {
			if len(set) == 0 {
				continue
			}
			ones := func(extra ...int) []int {
				cs := make([]int, len(set))
				for i := range cs {
					cs[i] = 1
				}
				return append(cs, extra...)
			}
			if pr.reason == ExcludedTwoClosings {
				// Not reportable, and each with the finding's error.
				ca.relate(append(append([]int(nil), set...), rs.e, rs.r), ones(-1, 1), 0, false)
				ca.relate(append(append([]int(nil), set...), rs.w), ones(-1), 0, false)
			} else {
				// Reportable, without this lead time.
				ca.relate(append(append([]int(nil), set...), rs.r), ones(-1), shownLeads[pr.pathway], false)
			}
			for i, ps := range rep.Pathways {
				if ps.Pathway != a.guide.Pathways[pr.pathway].Key {
					continue
				}
				for j, f := range ps.Findings {
					if f.Rule == pr.reason {
						ca.relate(append(append([]int(nil), set...), findingSlots[i][j]), ones(-1), 0, false)
					}
				}
			}
		}
	}

	incPathways := map[int]int{}
	for p, rs := range rowOf {
		incPathways[p] = rs.r
	}
	incSlots := protectInclusion(ca, a, rep.Inclusion, incPathways, minCell)
	if rep.Inclusion != nil {
		// A pathway whose lead-time cells suppress gave up on: its
		// inclusion cells bound those lead times as its reportable
		// episodes do, so they go too.
		for i, row := range rep.Inclusion.Rows {
			if gaveUp[row.Pathway] {
				ca.hide(incSlots[i])
			}
		}
	}

	ca.run()

	if rep.Inclusion != nil {
		for i := range rep.Inclusion.Rows {
			rep.Inclusion.Rows[i].set(ca.slots[incSlots[i]].hidden)
		}
	}
	shown := func(s int) *int {
		if ca.slots[s].hidden || ca.slots[s].dark {
			return nil
		}
		v := ca.slots[s].value
		return &v
	}
	rep.Input.RowsRead, rep.Input.RowsRejected, rep.Input.RowsBlank = shown(read), shown(rejected), shown(blank)
	rep.Input.Episodes, rep.Input.Reportable, rep.Input.WithErrors = shown(episodes), shown(reportable), shown(withErrors)
	rep.Input.Incomplete = shown(incomplete)
	for i := range rep.Pathways {
		ps, rs := &rep.Pathways[i], rows[i]
		ps.Episodes, ps.Reportable, ps.WithErrors = shown(rs.e), shown(rs.r), shown(rs.w)
		listed := []FindingCount{}
		for j, f := range ps.Findings {
			if !ca.slots[findingSlots[i][j]].hidden {
				listed = append(listed, f)
			}
		}
		ps.Findings = listed
	}
	for i := range rep.Measures {
		m := &rep.Measures[i]
		if s := ca.slots[excl[i][reasons[0]]]; s.hidden || s.dark {
			m.Excluded, m.ExcludedBy = nil, []ReasonCount{}
		}
	}
}

// boundsLeadTimes: the episodes of pathway p with finding rule hold all
// the lead times of some group (as suppress's bounds).
func boundsLeadTimes(a *aggregate, p int, rule string) bool {
	for pg, n := range a.leads {
		if pg.pathway == p && n > 0 && a.findingLeads[findingGroup{p, rule, pg.group}] == n {
			return true
		}
	}
	return false
}

// parts are the connected components of an integer program: unknowns
// that share a constraint are in the same part.
type parts struct {
	root []int
	subs map[int]*ilp  // by root, built when first asked
	vars map[int][]int // the unknowns of each part, in order
}

func (p *ilp) components() *parts {
	ps := &parts{root: make([]int, len(p.lo)), subs: map[int]*ilp{}, vars: map[int][]int{}}
	for i := range ps.root {
		ps.root[i] = i
	}
	for _, k := range p.cons {
		for _, v := range k.vars[1:] {
			a, b := ps.find(k.vars[0]), ps.find(v)
			if a != b {
				ps.root[max(a, b)] = min(a, b)
			}
		}
	}
	return ps
}

func (ps *parts) find(v int) int {
	for ps.root[v] != v {
		ps.root[v] = ps.root[ps.root[v]]
		v = ps.root[v]
	}
	return v
}

// of returns the program of v's part, over its unknowns renumbered from 0,
// and those unknowns' numbers in p.
func (ps *parts) of(p *ilp, v int) (*ilp, []int) {
	r := ps.find(v)
	if sub, ok := ps.subs[r]; ok {
		return sub, ps.vars[r]
	}
	var vars []int
	for i := range p.lo {
		if ps.find(i) == r {
			vars = append(vars, i)
		}
	}
	sub := &ilp{}
	for _, u := range vars {
		sub.lo, sub.hi, sub.truth = append(sub.lo, p.lo[u]), append(sub.hi, p.hi[u]), append(sub.truth, p.truth[u])
	}
	for _, k := range p.cons {
		if len(k.vars) > 0 && ps.find(k.vars[0]) == r {
			sub.cons = append(sub.cons, sub.reindex(k, vars))
		}
	}
	ps.subs[r], ps.vars[r] = sub, vars
	return sub, vars
}

// reindex renumbers k's unknowns to their places in vars (all of them
// must be there).
func (p *ilp) reindex(k constraint, vars []int) constraint {
	out := constraint{c: k.c, eq: k.eq, coefs: append([]int(nil), k.coefs...)}
	for _, v := range k.vars {
		i := sort.SearchInts(vars, v)
		out.vars = append(out.vars, i)
	}
	return out
}
