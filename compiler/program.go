package compiler

import (
	"math/bits"
	"strings"
)

// Day is a calendar day, counted from 1970-01-01. Lead times are
// differences of Days.
type Day int32

// ParseDay parses YYYY-MM-DD or YYYYMMDD without allocating.
func ParseDay(s string) (Day, bool) {
	var y, m, d int
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, m, d = atoi(s[0:4]), atoi(s[5:7]), atoi(s[8:10])
	case len(s) == 8:
		y, m, d = atoi(s[0:4]), atoi(s[4:6]), atoi(s[6:8])
	default:
		return 0, false
	}
	if y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return civilToDays(y, m, d), true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilToDays is Howard Hinnant's days_from_civil.
func civilToDays(y, m, d int) Day {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// String formats the day as YYYY-MM-DD.
func (d Day) String() string {
	z := int(d) + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	b := []byte("0000-00-00")
	put := func(at, v, n int) {
		for i := n - 1; i >= 0; i-- {
			b[at+i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, y, 4)
	put(5, m, 2)
	put(8, dd, 2)
	return string(b)
}

// CodeID identifies a code: prefix index × 100 + suffix. Prefix index 0
// stands for every prefix the guide does not have.
type CodeID uint16

// Event is one coded event of an episode.
type Event struct {
	Code CodeID
	Date Day
}

// Episode is one pathway for one patient, in the compact form the
// compiled rules read. Absent text attributes are "".
type Episode struct {
	Events          []Event
	Age             int
	HasAge          bool
	Sex             string
	County          string
	Region          string
	ReferringRegion string
	Diagnosis       string
	Intent          string
}

// CodeSet is a set of CodeIDs as a bitset.
type CodeSet []uint64

// Has reports whether id is in the set.
func (s CodeSet) Has(id CodeID) bool { return s[id>>6]&(1<<(id&63)) != 0 }

func (s CodeSet) add(id CodeID) { s[id>>6] |= 1 << (id & 63) }
func (s CodeSet) union(o CodeSet) {
	for i := range s {
		s[i] |= o[i]
	}
}
func (s CodeSet) empty() bool {
	for _, w := range s {
		if w != 0 {
			return false
		}
	}
	return true
}

// Len is the number of codes in the set.
func (s CodeSet) Len() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// Program is a guide version compiled for evaluation: codes are small
// integers, code sets are bitsets and conditions are closures, so nothing
// on the evaluator's hot path looks up a string.
type Program struct {
	Guide *Guide
	// Prefixes by prefix index; Prefixes[0] is "" (unknown prefix).
	Prefixes []string
	// PrefixPathway maps a prefix index to its pathway's index (-1 for 0).
	PrefixPathway []int
	// Pathways holds the compiled rules and lead times per pathway, by
	// Pathway.Index.
	Pathways []*PathwayProgram
	// Closing is every closing code of every pathway; Start every start code.
	Closing, Start CodeSet
	// Unknown is every code the guide version does not have.
	Unknown CodeSet

	prefixIndex [26 * 36]uint8 // by the prefix's 2nd and 3rd character
	words       int
	defined     [100]*Code
}

// PathwayProgram is what applies to episodes of one pathway.
type PathwayProgram struct {
	Pathway   *Pathway
	Rules     []CompiledRule
	LeadTimes []CompiledLeadTime
	// Own is every defined code with one of the pathway's prefixes.
	Own CodeSet
}

// CompiledRule is a rule ready to run on an episode of one pathway.
type CompiledRule struct {
	Rule *Rule
	// Cond reports whether the rule finds something in the episode.
	Cond func(*Episode) bool
	// Involved are the codes the condition looks at: the finding names the
	// episode's codes in this set.
	Involved CodeSet
}

// CompiledLeadTime is a lead time ready to compute for one pathway.
type CompiledLeadTime struct {
	LeadTime *LeadTime
	From, To CodeSet
	// Cond reports whether the definition applies (nil: always).
	Cond func(*Episode) bool
}

// CodeOf parses a code as written in episode data ("VL260"). ok is false
// when the text is not shaped like a KVÅ code of the SVF kind (V, two
// letters or digits, two digits); a well-formed code with a prefix the
// guide does not have gets prefix index 0.
func (p *Program) CodeOf(s string) (id CodeID, ok bool) {
	if len(s) != 5 || s[0] != 'V' || !isDigit(s[3]) || !isDigit(s[4]) {
		return 0, false
	}
	a, b := s[1], s[2]
	if a < 'A' || a > 'Z' {
		return 0, false
	}
	var bi int
	switch {
	case b >= '0' && b <= '9':
		bi = int(b - '0')
	case b >= 'A' && b <= 'Z':
		bi = 10 + int(b-'A')
	default:
		return 0, false
	}
	idx := p.prefixIndex[int(a-'A')*36+bi]
	return CodeID(int(idx)*100 + int(s[3]-'0')*10 + int(s[4]-'0')), true
}

// CodeString writes a CodeID back as text; an unknown prefix shows as V??.
func (p *Program) CodeString(id CodeID) string {
	pre := p.Prefixes[int(id)/100]
	if pre == "" {
		pre = "V??"
	}
	n := int(id) % 100
	return pre + string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

// PrefixOf returns the prefix index of id.
func PrefixOf(id CodeID) int { return int(id) / 100 }

// SuffixOf returns the two-digit number of id.
func SuffixOf(id CodeID) int { return int(id) % 100 }

// CodeDef returns the guide's code for id's suffix, or nil.
func (p *Program) CodeDef(id CodeID) *Code { return p.defined[SuffixOf(id)] }

func (p *Program) newSet() CodeSet { return make(CodeSet, p.words) }

func (p *Program) id(prefix, suffix int) CodeID { return CodeID(prefix*100 + suffix) }

// Compile builds the Program of a checked guide. The guide must have been
// checked without errors.
func Compile(g *Guide) *Program {
	p := &Program{Guide: g, Prefixes: []string{""}, PrefixPathway: []int{-1}}
	for _, pw := range g.Pathways {
		for _, pre := range pw.Prefixes {
			idx := len(p.Prefixes)
			p.Prefixes = append(p.Prefixes, pre)
			p.PrefixPathway = append(p.PrefixPathway, pw.Index)
			a, b := pre[1], pre[2]
			bi := int(b - '0')
			if b >= 'A' {
				bi = 10 + int(b-'A')
			}
			p.prefixIndex[int(a-'A')*36+bi] = uint8(idx)
		}
	}
	p.words = (len(p.Prefixes)*100 + 63) / 64
	for _, c := range g.Codes {
		p.defined[c.Num] = c
	}
	p.Closing, p.Start, p.Unknown = p.newSet(), p.newSet(), p.newSet()
	for pre := range p.Prefixes {
		for s := 0; s < 100; s++ {
			id := p.id(pre, s)
			c := p.defined[s]
			switch {
			case pre == 0 || c == nil:
				p.Unknown.add(id)
			case c.Kind.Closing():
				p.Closing.add(id)
			case c.Kind == KindStart:
				p.Start.add(id)
			}
		}
	}
	for _, pw := range g.Pathways {
		pp := &PathwayProgram{Pathway: pw, Own: p.own(pw)}
		for _, r := range g.Rules {
			if !r.AppliesTo(pw) {
				continue
			}
			involved := p.newSet()
			pp.Rules = append(pp.Rules, CompiledRule{Rule: r, Cond: p.lowerBool(r.cond, pw, involved), Involved: involved})
		}
		for _, lt := range g.LeadTimes {
			if lt.Pathway != pw {
				continue
			}
			clt := CompiledLeadTime{LeadTime: lt, From: p.codeSet(lt.From, pw), To: p.newSet()}
			for _, to := range lt.To {
				clt.To.union(p.codeSet(to, pw))
			}
			if lt.cond != nil {
				clt.Cond = p.lowerBool(lt.cond, pw, p.newSet())
			}
			pp.LeadTimes = append(pp.LeadTimes, clt)
		}
		p.Pathways = append(p.Pathways, pp)
	}
	return p
}

// prefixIndexes returns the prefix indexes of pathway pw.
func (p *Program) prefixIndexes(pw *Pathway) []int {
	var out []int
	for i, pi := range p.PrefixPathway {
		if pi == pw.Index {
			out = append(out, i)
		}
	}
	return out
}

func (p *Program) own(pw *Pathway) CodeSet {
	s := p.newSet()
	for _, pre := range p.prefixIndexes(pw) {
		for _, c := range p.Guide.Codes {
			s.add(p.id(pre, c.Num))
		}
	}
	return s
}

// codeSet resolves a code as written (XX44 or VL244) for pathway pw.
func (p *Program) codeSet(written string, pw *Pathway) CodeSet {
	s := p.newSet()
	pre, suf := written[:len(written)-2], atoi(written[len(written)-2:])
	if pre == "XX" || pre == "VXX" {
		for _, pi := range p.prefixIndexes(pw) {
			s.add(p.id(pi, suf))
		}
		return s
	}
	for i, x := range p.Prefixes {
		if x == pre {
			s.add(p.id(i, suf))
		}
	}
	return s
}

// namedSet builds a named code set for pathway pw.
func (p *Program) namedSet(name string, pw *Pathway) CodeSet {
	s := p.newSet()
	own := p.prefixIndexes(pw)
	ownCodes := func(keep func(*Code) bool) {
		for _, pi := range own {
			for _, c := range p.Guide.Codes {
				if keep(c) {
					s.add(p.id(pi, c.Num))
				}
			}
		}
	}
	switch name {
	case "start":
		ownCodes(func(c *Code) bool { return c.Kind == KindStart })
	case "mandatory":
		ownCodes(func(c *Code) bool { return c.Kind == KindMandatory })
	case "treatment":
		ownCodes(func(c *Code) bool { return c.Kind == KindTreatment })
	case "other_reason":
		ownCodes(func(c *Code) bool { return c.Kind == KindOtherReason })
	case "closing":
		ownCodes(func(c *Code) bool { return c.Kind.Closing() })
	case "voluntary":
		ownCodes(func(c *Code) bool { return c.Kind == KindVoluntary })
	case "disallowed":
		ownCodes(func(c *Code) bool { ok, _ := p.Guide.Allowed(pw, c); return !ok })
	case "codes":
		for i := range s {
			s[i] = ^uint64(0)
		}
	case "unknown":
		s.union(p.Unknown)
	case "foreign":
		for pi := 1; pi < len(p.Prefixes); pi++ {
			if p.PrefixPathway[pi] == pw.Index {
				continue
			}
			for _, c := range p.Guide.Codes {
				s.add(p.id(pi, c.Num))
			}
		}
	}
	return s
}

// setOf resolves a typed code-set operand for pw, adding it to involved.
func (p *Program) setOf(t *typed, pw *Pathway, involved CodeSet) CodeSet {
	var s CodeSet
	switch t.op {
	case "code":
		written := "XX" + t.code.Suffix
		if t.pre != "" {
			written = t.pre + t.code.Suffix
		}
		s = p.codeSet(written, pw)
	case "set":
		s = p.namedSet(t.name, pw)
	case "qual":
		s = p.newSet()
		for _, pi := range p.prefixIndexes(pw) {
			for _, c := range p.Guide.Codes {
				if ok, q := p.Guide.Allowed(pw, c); ok && q == t.qual {
					s.add(p.id(pi, c.Num))
				}
			}
		}
	}
	if t.name != "codes" {
		involved.union(s)
	}
	return s
}

func (p *Program) unionOf(args []*typed, pw *Pathway, involved CodeSet) CodeSet {
	s := p.newSet()
	for _, a := range args {
		s.union(p.setOf(a, pw, involved))
	}
	return s
}

// Value closures: the bool result says whether the value is present.
type (
	numFn  func(*Episode) (int, bool)
	strFn  func(*Episode) (string, bool)
	dayFn  func(*Episode) (Day, bool)
	boolFn func(*Episode) bool
)

func (p *Program) lowerBool(t *typed, pw *Pathway, involved CodeSet) boolFn {
	switch t.op {
	case "lit":
		v := t.num == 1
		return func(*Episode) bool { return v }
	case "and":
		fs := p.lowerBools(t.args, pw, involved)
		return func(e *Episode) bool {
			for _, f := range fs {
				if !f(e) {
					return false
				}
			}
			return true
		}
	case "or":
		fs := p.lowerBools(t.args, pw, involved)
		return func(e *Episode) bool {
			for _, f := range fs {
				if f(e) {
					return true
				}
			}
			return false
		}
	case "not":
		f := p.lowerBool(t.args[0], pw, involved)
		return func(e *Episode) bool { return !f(e) }
	case "cmp":
		return p.lowerCmp(t, pw, involved)
	case "in":
		return p.lowerIn(t, pw, involved)
	case "call":
		switch t.fn {
		case "has":
			s := p.unionOf(t.args, pw, involved)
			return func(e *Episode) bool {
				for _, ev := range e.Events {
					if s.Has(ev.Code) {
						return true
					}
				}
				return false
			}
		case "known":
			a := t.args[0]
			switch a.typ {
			case tNumber:
				f := p.lowerNum(a, pw, involved)
				return func(e *Episode) bool { _, ok := f(e); return ok }
			case tDate:
				f := p.lowerDay(a, pw, involved)
				return func(e *Episode) bool { _, ok := f(e); return ok }
			default:
				f := p.lowerStr(a, pw, involved)
				return func(e *Episode) bool { _, ok := f(e); return ok }
			}
		case "icd10_in":
			f := p.lowerStr(t.args[0], pw, involved)
			var ranges [][2]string
			for _, a := range t.args[1:] {
				lo, hi, isRange := strings.Cut(a.str, "-")
				if !isRange {
					hi = lo
				}
				ranges = append(ranges, [2]string{lo, hi})
			}
			return func(e *Episode) bool {
				v, ok := f(e)
				if !ok || len(v) < 3 {
					return false
				}
				cat := v[:3]
				for _, r := range ranges {
					if cat >= r[0] && cat <= r[1] {
						return true
					}
				}
				return false
			}
		}
	}
	panic("compiler: unlowerable boolean " + t.op + " " + t.fn) // the type checker rules this out
}

func (p *Program) lowerBools(ts []*typed, pw *Pathway, involved CodeSet) []boolFn {
	fs := make([]boolFn, len(ts))
	for i, t := range ts {
		fs[i] = p.lowerBool(t, pw, involved)
	}
	return fs
}

// cmpFn builds a comparison closure with the operator fixed ahead of time.
func cmpFn[T int | Day | string](op string, l, r func(*Episode) (T, bool)) boolFn {
	switch op {
	case "==":
		return func(e *Episode) bool { a, ok1 := l(e); b, ok2 := r(e); return ok1 && ok2 && a == b }
	case "!=":
		return func(e *Episode) bool { a, ok1 := l(e); b, ok2 := r(e); return ok1 && ok2 && a != b }
	case "<":
		return func(e *Episode) bool { a, ok1 := l(e); b, ok2 := r(e); return ok1 && ok2 && a < b }
	case "<=":
		return func(e *Episode) bool { a, ok1 := l(e); b, ok2 := r(e); return ok1 && ok2 && a <= b }
	case ">":
		return func(e *Episode) bool { a, ok1 := l(e); b, ok2 := r(e); return ok1 && ok2 && a > b }
	}
	return func(e *Episode) bool { a, ok1 := l(e); b, ok2 := r(e); return ok1 && ok2 && a >= b }
}

// lowerCmp compiles a comparison. A missing value makes every comparison
// false, so rules say known(x) where absence matters.
func (p *Program) lowerCmp(t *typed, pw *Pathway, involved CodeSet) boolFn {
	l, r := t.args[0], t.args[1]
	switch l.typ {
	case tNumber:
		return cmpFn[int](t.cmp, p.lowerNum(l, pw, involved), p.lowerNum(r, pw, involved))
	case tDate:
		return cmpFn[Day](t.cmp, p.lowerDay(l, pw, involved), p.lowerDay(r, pw, involved))
	case tString:
		return cmpFn[string](t.cmp, p.lowerStr(l, pw, involved), p.lowerStr(r, pw, involved))
	}
	lf, rf := p.lowerBool(l, pw, involved), p.lowerBool(r, pw, involved)
	if t.cmp == "==" {
		return func(e *Episode) bool { return lf(e) == rf(e) }
	}
	return func(e *Episode) bool { return lf(e) != rf(e) }
}

func (p *Program) lowerIn(t *typed, pw *Pathway, involved CodeSet) boolFn {
	l := t.args[0]
	if l.typ == tNumber {
		var items []int
		for _, a := range t.args[1:] {
			items = append(items, a.num)
		}
		return inFn(p.lowerNum(l, pw, involved), items)
	}
	var items []string
	for _, a := range t.args[1:] {
		items = append(items, a.str)
	}
	return inFn(p.lowerStr(l, pw, involved), items)
}

// inFn tests a value against a list of literals; a missing value is in no list.
func inFn[T int | string](f func(*Episode) (T, bool), items []T) boolFn {
	return func(e *Episode) bool {
		v, ok := f(e)
		if !ok {
			return false
		}
		for _, x := range items {
			if v == x {
				return true
			}
		}
		return false
	}
}

func (p *Program) lowerNum(t *typed, pw *Pathway, involved CodeSet) numFn {
	switch t.op {
	case "lit":
		v := t.num
		return func(*Episode) (int, bool) { return v, true }
	case "attr": // only age is a number
		return func(e *Episode) (int, bool) { return e.Age, e.HasAge }
	case "call":
		switch t.fn {
		case "count":
			s := p.unionOf(t.args, pw, involved)
			return func(e *Episode) (int, bool) {
				n := 0
				for _, ev := range e.Events {
					if s.Has(ev.Code) {
						n++
					}
				}
				return n, true
			}
		case "prefixes":
			s := p.unionOf(t.args, pw, involved)
			return func(e *Episode) (int, bool) {
				var seen [4]int
				n := 0
				for _, ev := range e.Events {
					if !s.Has(ev.Code) {
						continue
					}
					pre, dup := PrefixOf(ev.Code), false
					for _, x := range seen[:min(n, len(seen))] {
						dup = dup || x == pre
					}
					if !dup {
						if n < len(seen) {
							seen[n] = pre
						}
						n++
					}
				}
				return n, true
			}
		case "days":
			a, b := p.lowerDay(t.args[0], pw, involved), p.lowerDay(t.args[1], pw, involved)
			return func(e *Episode) (int, bool) {
				x, ok1 := a(e)
				y, ok2 := b(e)
				return int(y - x), ok1 && ok2
			}
		}
	}
	panic("compiler: unlowerable number " + t.op + " " + t.fn)
}

func (p *Program) lowerDay(t *typed, pw *Pathway, involved CodeSet) dayFn {
	switch t.op {
	case "lit":
		v := t.day
		return func(*Episode) (Day, bool) { return v, true }
	case "call":
		s := p.unionOf(t.args, pw, involved)
		if t.fn == "first" {
			return func(e *Episode) (Day, bool) {
				var best Day
				found := false
				for _, ev := range e.Events {
					if s.Has(ev.Code) && (!found || ev.Date < best) {
						best, found = ev.Date, true
					}
				}
				return best, found
			}
		}
		return func(e *Episode) (Day, bool) {
			var best Day
			found := false
			for _, ev := range e.Events {
				if s.Has(ev.Code) && (!found || ev.Date > best) {
					best, found = ev.Date, true
				}
			}
			return best, found
		}
	}
	panic("compiler: unlowerable date " + t.op)
}

func (p *Program) lowerStr(t *typed, pw *Pathway, involved CodeSet) strFn {
	if t.op == "lit" {
		v := t.str
		return func(*Episode) (string, bool) { return v, true }
	}
	var get func(*Episode) string
	switch t.name {
	case "sex":
		get = func(e *Episode) string { return e.Sex }
	case "county":
		get = func(e *Episode) string { return e.County }
	case "region":
		get = func(e *Episode) string { return e.Region }
	case "referring_region":
		get = func(e *Episode) string { return e.ReferringRegion }
	case "diagnosis":
		get = func(e *Episode) string { return e.Diagnosis }
	case "intent":
		get = func(e *Episode) string { return e.Intent }
	default:
		panic("compiler: unknown text attribute " + t.name)
	}
	return func(e *Episode) (string, bool) { v := get(e); return v, v != "" }
}
