package report

// suppress decides which cells show no outcome, returning the reason per
// hidden cell.
//
// Primary: a cell with fewer lead times than minCell.
//
// Complementary: within one group the cells add up — a pathway's total is
// the sum of its definitions with a target, the all-pathways cell the sum
// of the pathway totals — so a visible total minus its visible parts would
// give the numerator of the hidden parts. n is shown for every cell, so
// the hidden parts a visible total reveals together must be safe: none,
// or at least two with n > 0 and together at least minCell lead times.
// When they are not, more cells are hidden:
//
//   - a visible pathway total: its visible definition with the smallest n;
//   - the visible all-pathways cell (it reveals the hidden definitions of
//     the hidden pathway totals): the visible pathway total with the
//     smallest n together with its smallest visible definition; when no
//     pathway total is left, the all-pathways cell itself.
//
// Groups of --by have no totals across them, so there are no other sums.
// Definitions without a target are in no total. A reader who runs the
// report twice, with and without --by, can still subtract one from the
// other: suppression protects one report, as in any published table.
func suppress(a *aggregate, keys []cellKey, minCell int) map[cellKey]string {
	hidden := map[cellKey]string{}
	for _, k := range keys {
		if a.cells[k].n < minCell {
			hidden[k] = SuppressedSmall
		}
	}
	// Collect each group's tree: pathway totals and their definitions.
	type tree struct {
		all    *cellKey
		totals []cellKey
		leaves map[int][]cellKey // by pathway
	}
	trees := map[string]*tree{}
	var order []string
	treeOf := func(group string) *tree {
		t := trees[group]
		if t == nil {
			t = &tree{leaves: map[int][]cellKey{}}
			trees[group] = t
			order = append(order, group)
		}
		return t
	}
	for _, k := range keys {
		switch k.level {
		case LevelAll:
			kk := k
			treeOf(k.group).all = &kk
		case LevelPathway:
			t := treeOf(k.group)
			t.totals = append(t.totals, k)
		case LevelLeadTime:
			if a.guide.LeadTimes[k.def].HasTarget {
				t := treeOf(k.group)
				t.leaves[k.pathway] = append(t.leaves[k.pathway], k)
			}
		}
	}
	n := func(k cellKey) int { return a.cells[k].n }
	safe := func(ks []cellKey) bool {
		count, sum := 0, 0
		for _, k := range ks {
			if n(k) > 0 {
				count++
				sum += n(k)
			}
		}
		return count == 0 || (count >= 2 && sum >= minCell)
	}
	hiddenLeaves := func(t *tree, pathway int) []cellKey {
		var hs []cellKey
		for _, k := range t.leaves[pathway] {
			if hidden[k] != "" {
				hs = append(hs, k)
			}
		}
		return hs
	}
	smallestVisible := func(ks []cellKey) (cellKey, bool) {
		var best cellKey
		found := false
		for _, k := range ks {
			if hidden[k] == "" && n(k) > 0 && (!found || n(k) < n(best)) {
				best, found = k, true
			}
		}
		return best, found
	}
	for _, group := range order {
		t := trees[group]
		for changed := true; changed; {
			changed = false
			for _, total := range t.totals {
				if hidden[total] != "" || safe(hiddenLeaves(t, total.pathway)) {
					continue
				}
				if k, ok := smallestVisible(t.leaves[total.pathway]); ok {
					hidden[k] = SuppressedComplementary
				} else {
					hidden[total] = SuppressedComplementary
				}
				changed = true
			}
			if t.all == nil || hidden[*t.all] != "" {
				continue
			}
			var revealed []cellKey
			for _, total := range t.totals {
				if hidden[total] != "" {
					revealed = append(revealed, hiddenLeaves(t, total.pathway)...)
				}
			}
			if safe(revealed) {
				continue
			}
			if total, ok := smallestVisible(t.totals); ok {
				hidden[total] = SuppressedComplementary
				if k, ok := smallestVisible(t.leaves[total.pathway]); ok {
					hidden[k] = SuppressedComplementary
				}
			} else {
				hidden[*t.all] = SuppressedComplementary
			}
			changed = true
		}
	}
	return hidden
}
