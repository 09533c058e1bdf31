package compiler

import "strings"

// ICD-10 codes in conditions.
//
// A diagnosis in episode data is read the way coders write it: any case
// ("c34.1" is C34.1), with or without the dot ("C341"), with spaces
// around it. Its key is the capital letter and the digits without the
// dot: "C341". A range bound in a rule file is a category ("C76") or a
// subcategory ("D47.4"); its key is formed the same way. A key k lies in
// the range lo–hi when k >= lo and k, cut to the length of hi, <= hi: so
// the category C76 as an upper bound takes in every C76.x, and D47.4 as
// a single code takes in D47.4 (and a finer D47.4x) but not D47 alone
// nor D47.1.

// icdKey returns the key of a diagnosis as written in episode data, or
// false when it is not shaped like an ICD-10 code (a letter, two digits,
// optionally a dot and more digits or letters).
func icdKey(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 3 {
		return "", false
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		switch {
		case i == 0:
			if c < 'A' || c > 'Z' {
				return "", false
			}
		case i <= 2:
			if !isDigit(c) {
				return "", false
			}
		case i == 3 && c == '.':
			if len(s) == 4 {
				return "", false // "C34." has nothing after the dot
			}
			continue
		case isDigit(c) || c >= 'A' && c <= 'Z':
		default:
			return "", false
		}
		b = append(b, c)
	}
	return string(b), true
}

// icdBound returns the key of a range bound as written in a rule file:
// a capital letter and two digits, optionally a dot and one or two
// digits ("C71", "D47.4", "D09.10").
func icdBound(s string) (string, bool) {
	if !isICD10(s) {
		return "", false
	}
	return strings.Replace(s, ".", "", 1), true
}

// icdRange is one range of an icd10_in condition or of a pathway's
// icd10 scope, as keys.
type icdRange struct{ lo, hi string }

// parseICDRange reads "C00-C76", "D09.0-D09.1", "C71" or "D47.4".
func parseICDRange(s string) (icdRange, bool) {
	lo, hi, isRange := strings.Cut(s, "-")
	if !isRange {
		hi = lo
	}
	l, ok1 := icdBound(lo)
	h, ok2 := icdBound(hi)
	if !ok1 || !ok2 || l > h {
		return icdRange{}, false
	}
	return icdRange{l, h}, true
}

// contains reports whether the key k lies in r.
func (r icdRange) contains(k string) bool {
	return k >= r.lo && k[:min(len(k), len(r.hi))] <= r.hi
}

// icdMatcher returns a test of a diagnosis against ranges: false when the
// diagnosis is not an ICD-10 code.
func icdMatcher(ranges []icdRange) func(string) bool {
	return func(v string) bool {
		k, ok := icdKey(v)
		if !ok {
			return false
		}
		for _, r := range ranges {
			if r.contains(k) {
				return true
			}
		}
		return false
	}
}
