package compiler

import "math/bits"

// ruleCheck is what Fire tests of one rule before (or instead of) its
// closures, side by side with the pathway's other rules in one slice:
// most conditions of the guide are a conjunction of has(S), not has(S),
// count(S) compared with 0 or 1 and first/last(S) compared with another
// first/last or a date, which a prepared episode (Prepare) answers with
// bits and its sets' first and last days. Calling a rule's closures,
// each a load from somewhere else in memory and an indirect call, was
// two thirds of the evaluator's own time (issue 16).
type ruleCheck struct {
	// need: as CompiledRule.need (a disjunction; 0: none).
	need uint32
	// The episode's Prepare bits must match: (hasSets & hasMask) ==
	// hasWant and (multiSets & multiMask) == multiWant.
	hasMask, hasWant     uint32
	multiMask, multiWant uint32
	reads                AttrSet
	// dated: the condition compares date (below) too.
	dated bool
	// exact: the tests above are the whole condition; otherwise they are
	// only what it needs, and its closure decides.
	exact bool
	date  dateCmp
}

// dateCmp is first/last(S) compared with first/last(T) or a date, S and
// T two of Prepare's sets (whose bits hasMask requires).
type dateCmp struct {
	op           uint8 // opEq …
	a, b         uint8 // the sets' bit numbers
	aLast, bLast bool  // last(S) rather than first(S)
	bLit         bool  // compared with lit instead of T
	lit          Day
}

// holds reports whether the comparison holds on ep, which is prepared
// with the dates of both sets (PathwayProgram.dated).
func (d *dateCmp) holds(ep *Episode) bool {
	a := ep.firstDay[d.a]
	if d.aLast {
		a = ep.lastDay[d.a]
	}
	b := d.lit
	switch {
	case d.bLit:
	case d.bLast:
		b = ep.lastDay[d.b]
	default:
		b = ep.firstDay[d.b]
	}
	return compare(int(d.op), a, b)
}

// Fire appends to dst the indexes of the pathway's rules whose
// condition holds on ep and returns it, leaving out the rules that read
// an attribute ep's input has no column for (Episode.Absent; see
// CompiledRule.Reads). ep need not be prepared for the pathway
// (Prepare), but is looked at much quicker when it is: the usual
// conditions are then decided by bits without running their closures,
// and the others only run when the bits allow them to hold.
func (pp *PathwayProgram) Fire(ep *Episode, dst []int) []int {
	absent := ep.Absent
	if ep.prepared != pp {
		for i := range pp.Rules {
			if pp.Rules[i].Reads&absent == 0 && pp.Rules[i].Cond(ep) {
				dst = append(dst, i)
			}
		}
		return dst
	}
	has, multi := uint32(ep.hasSets), uint32(ep.multiSets)
	for i := range pp.checks {
		c := &pp.checks[i]
		if c.reads&absent != 0 || (c.need != 0 && has&c.need == 0) ||
			has&c.hasMask != c.hasWant || multi&c.multiMask != c.multiWant {
			continue
		}
		if c.dated && !c.date.holds(ep) {
			continue
		}
		if !c.exact && !pp.Rules[i].Cond(ep) {
			continue
		}
		dst = append(dst, i)
	}
	return dst
}

// conjuncts appends to conj the parts of t that are not conjunctions
// themselves (t itself when it is not one), in order.
func conjuncts(t *typed, conj []*typed) []*typed {
	if t.op != "and" {
		return append(conj, t)
	}
	for _, a := range t.args {
		conj = conjuncts(a, conj)
	}
	return conj
}

// check compiles what Fire tests of condition t (see ruleCheck). It
// must run before the pathway's inSets are built: it may add sets.
func (lw *lowerer) check(t *typed, need uint64, reads AttrSet) ruleCheck {
	c := ruleCheck{need: uint32(need), reads: reads, exact: true}
	// The conjuncts go in an array on the stack: a closure that appended
	// them to a slice of its own was half of check's instructions (73 k
	// of 155 k compiling 8 pathways, issue 16).
	var buf [16]*typed
	for _, a := range conjuncts(t, buf[:0]) {
		if !lw.conjunct(&c, a) {
			c.exact = false
		}
	}
	if c.dated {
		lw.pp.dated |= 1 << c.date.a
		if !c.date.bLit {
			lw.pp.dated |= 1 << c.date.b
		}
	}
	return c
}

// conjunct adds conjunct t of a condition to c, and reports whether c
// now decides it; if not, c is left requiring nothing t does not.
func (lw *lowerer) conjunct(c *ruleCheck, t *typed) bool {
	bit := func(args []*typed) (uint32, bool) {
		b, ok := lw.setBit(lw.unionOf(args, nil))
		return uint32(b), ok
	}
	// require adds that the bits of has and multi under hm and mm are
	// hw and mw, unless that contradicts what c requires already (the
	// condition is then never true, and its closure says so).
	require := func(hm, hw, mm, mw uint32) bool {
		if c.hasWant&hm != hw&c.hasMask || c.multiWant&mm != mw&c.multiMask {
			return false
		}
		c.hasMask, c.hasWant = c.hasMask|hm, c.hasWant|hw
		c.multiMask, c.multiWant = c.multiMask|mm, c.multiWant|mw
		return true
	}
	switch {
	case t.op == "lit" && t.num == 1: // true
		return true
	case t.op == "call" && t.fn == "has":
		if b, ok := bit(t.args); ok {
			return require(b, b, 0, 0)
		}
	case t.op == "not" && t.args[0].op == "call" && t.args[0].fn == "has":
		if b, ok := bit(t.args[0].args); ok {
			return require(b, 0, 0, 0)
		}
	case t.op == "call" && t.fn == "known":
		if a := t.args[0]; a.op == "call" && (a.fn == "first" || a.fn == "last") {
			if b, ok := bit(a.args); ok {
				return require(b, b, 0, 0)
			}
		}
	case t.op == "cmp":
		l, r := t.args[0], t.args[1]
		if l.op == "call" && l.fn == "count" && r.op == "lit" && (r.num == 0 || r.num == 1) {
			b, ok := bit(l.args)
			if !ok {
				return false
			}
			switch o := cmpOp(t.cmp); {
			case r.num == 0 && (o == opEq || o == opLe):
				return require(b, 0, 0, 0)
			case r.num == 0 && (o == opNe || o == opGt), r.num == 1 && o == opGe:
				return require(b, b, 0, 0)
			case r.num == 0 && o == opGe:
				return true
			case r.num == 1 && o == opEq:
				return require(b, b, b, 0)
			case r.num == 1 && o == opLt:
				return require(b, 0, 0, 0)
			case r.num == 1 && o == opLe:
				return require(0, 0, b, 0)
			case r.num == 1 && o == opGt:
				return require(b, b, b, b)
			}
			return false // count(S) < 0, count(S) != 1
		}
		if l.op == "call" && l.fn == "count" && t.cmp == ">" && r.op == "call" && r.fn == "prefixes" {
			// count(S) > prefixes(S): two codes of S (of one prefix); the
			// closure decides.
			b, ok := bit(l.args)
			if rb, rok := bit(r.args); ok && rok && b == rb {
				require(b, b, b, b)
			}
			return false
		}
		if l.typ == tDate && !c.dated {
			return lw.dateConjunct(c, l, r, t.cmp, require)
		}
	}
	return false
}

// dateConjunct adds first/last(S) op first/last(T) or a date to c.
func (lw *lowerer) dateConjunct(c *ruleCheck, l, r *typed, op string, require func(hm, hw, mm, mw uint32) bool) bool {
	side := func(t *typed) (bit uint8, last, ok bool) {
		if t.op != "call" || (t.fn != "first" && t.fn != "last") {
			return 0, false, false
		}
		b, ok := lw.setBit(lw.unionOf(t.args, nil))
		if !ok {
			return 0, false, false
		}
		return uint8(bits.TrailingZeros64(b)), t.fn == "last", true
	}
	a, aLast, ok := side(l)
	if !ok {
		return false
	}
	d := dateCmp{op: uint8(cmpOp(op)), a: a, aLast: aLast}
	if r.op == "lit" {
		d.bLit, d.lit, d.b = true, r.day, a
	} else if d.b, d.bLast, ok = side(r); !ok {
		return false
	}
	// A missing date makes the comparison false: both sets must hold a
	// code.
	need := uint32(1)<<d.a | uint32(1)<<d.b
	if !require(need, need, 0, 0) {
		return false
	}
	c.dated, c.date = true, d
	return true
}
