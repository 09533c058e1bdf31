package compiler

import "math/bits"

// AttrSet is a set of episode attributes (Attributes), one bit each. The
// evaluator skips a rule that reads an attribute its episode's file has
// no column for (Episode.Absent): the rule cannot be checked there, and
// "not known" would otherwise read as a coding error.
type AttrSet uint8

// The attributes as bits of an AttrSet, in the order AttrNames lists them.
const (
	AttrAge AttrSet = 1 << iota
	AttrSex
	AttrCounty
	AttrRegion
	AttrReferringRegion
	AttrDiagnosis
	AttrIntent
)

// AttrNames are the attribute names in bit order of AttrSet.
var AttrNames = [...]string{"age", "sex", "county", "region", "referring_region", "diagnosis", "intent"}

// AttrOf returns the bit of an attribute name, 0 for a name that is not
// an attribute.
func AttrOf(name string) AttrSet {
	for i, n := range AttrNames {
		if n == name {
			return 1 << i
		}
	}
	return 0
}

// Names returns the names of the attributes in s, in bit order.
func (s AttrSet) Names() []string {
	out := make([]string, 0, bits.OnesCount8(uint8(s)))
	for i, n := range AttrNames {
		if s&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// Reads returns the attributes the rule's condition reads (inside known()
// too). It is nil-safe for rules that were not checked.
func (r *Rule) Reads() AttrSet { return reads(r.cond) }

// Reads returns the attributes the lead time's condition reads; 0 when it
// has none.
func (lt *LeadTime) Reads() AttrSet { return reads(lt.cond) }

// reads walks a checked expression for attribute references.
func reads(t *typed) AttrSet {
	if t == nil {
		return 0
	}
	var s AttrSet
	if t.op == "attr" {
		s = AttrOf(t.name)
	}
	for _, a := range t.args {
		s |= reads(a)
	}
	return s
}
