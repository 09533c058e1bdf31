package changes

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// Compare lists the changes from the guide version from to the version
// to. Things are matched by what they are — a pathway by its key (or, when
// the key changed, by its prefixes), a code by its suffix, a table cell by
// pathway and code, a note by code and pathways, rules, lead times and
// tests by id — so moving declarations between or within files changes
// nothing. Conditions are compared in the canonical format, so layout and
// comments do not count either.
//
// The records come in a fixed order: the qualifiers, what concerns no
// single pathway (codes in general, rules of every pathway), each pathway
// in the guide's order (the pathway itself, then by code, then its lead
// times), the tests, and last the guide header, which is metadata of the
// version (Change.Meta); within one pathway and code in the order of
// Kinds.
func Compare(from, to *compiler.Guide) []Change {
	d := &differ{from: from, to: to,
		match: map[*compiler.Pathway]*compiler.Pathway{}, back: map[*compiler.Pathway]*compiler.Pathway{}, rank: map[string]int{}}
	d.matchPathways()
	d.header()
	d.sections()
	d.qualifiers()
	d.pathways()
	d.codes()
	d.rules()
	d.leadTimes()
	d.tests()
	for i := range d.out {
		d.out[i].order.seq = i
	}
	sort.SliceStable(d.out, func(i, j int) bool { return d.out[i].order.less(d.out[j].order) })
	return d.out
}

// sortKey places a change in the listing.
type sortKey struct {
	section  int
	path     int // rank of the (first) pathway
	npath    int // how many pathways
	pathKeys string
	code     int // suffix; -1 for the pathway's own records, 100 for none
	kind     int // position of the id in Kinds
	subject  string
	seq      int
}

func (a sortKey) less(b sortKey) bool {
	switch {
	case a.section != b.section:
		return a.section < b.section
	case a.path != b.path:
		return a.path < b.path
	case a.npath != b.npath:
		return a.npath < b.npath
	case a.pathKeys != b.pathKeys:
		return a.pathKeys < b.pathKeys
	case a.code != b.code:
		return a.code < b.code
	case a.kind != b.kind:
		return a.kind < b.kind
	case a.subject != b.subject:
		return a.subject < b.subject
	}
	return a.seq < b.seq
}

// The sections of the listing, in order: the guide header is metadata
// of the version, listed after the changes.
const (
	secSections = iota
	secQualifiers
	secGeneral
	secPathways
	secTests
	secHeader
)

const noCode = 100

// sectionTitle heads a section that is not about pathways. This
// package's tables are switches: a map at package level is work at every
// start of every command, diff or not (issue 16).
func sectionTitle(section int) string {
	switch section {
	case secHeader:
		return msg.DiffGroupHeader
	case secSections:
		return msg.DiffGroupSections
	case secQualifiers:
		return msg.DiffGroupQualifiers
	case secGeneral:
		return msg.DiffGroupGeneral
	case secTests:
		return msg.DiffGroupTests
	}
	return ""
}

type differ struct {
	from, to *compiler.Guide
	match    map[*compiler.Pathway]*compiler.Pathway // from → to
	back     map[*compiler.Pathway]*compiler.Pathway // to → from
	rank     map[string]int                          // pathway key → place in the listing
	out      []Change
}

// pwRef is a pathway as the listing names it: by its key and name in the
// newer version when it exists there.
type pwRef struct {
	key, name string
	rank      int
	prefixes  []string
}

// matchPathways pairs the pathways of both versions: by key, and then a
// pathway whose key changed by its prefixes. It also ranks them: the newer
// version's order, with removed pathways after their predecessor.
func (d *differ) matchPathways() {
	for _, p := range d.to.Pathways {
		if q := d.from.Pathway(p.Key); q != nil {
			d.match[q], d.back[p] = p, q
		}
	}
	for _, q := range d.from.Pathways {
		if d.match[q] != nil {
			continue
		}
		for _, p := range d.to.Pathways {
			if d.back[p] == nil && sameSet(q.Prefixes, p.Prefixes) {
				d.match[q], d.back[p] = p, q
				break
			}
		}
	}
	for i, p := range d.to.Pathways {
		d.rank[p.Key] = 2*i + 1
	}
	prev := 0
	for _, q := range d.from.Pathways {
		if p := d.match[q]; p != nil {
			prev = d.rank[p.Key]
			continue
		}
		d.rank[q.Key] = prev + 1
	}
}

// ref names a pathway of either version (old tells which).
func (d *differ) ref(p *compiler.Pathway, old bool) pwRef {
	if old {
		if n := d.match[p]; n != nil {
			p = n
		}
	}
	return pwRef{key: p.Key, name: p.Name, rank: d.rank[p.Key], prefixes: p.Prefixes}
}

func (d *differ) refs(ps []*compiler.Pathway, old bool) []pwRef {
	out := make([]pwRef, 0, len(ps))
	for _, p := range ps {
		out = append(out, d.ref(p, old))
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].rank < out[j].rank || out[i].rank == out[j].rank && out[i].key < out[j].key
	})
	return out
}

// add records a change at the level its kind has.
func (d *differ) add(c Change, section int, pws []pwRef, code int) {
	d.addLevel(KindOf(c.ID).Level, c, section, pws, code)
}

// addLevel records a change; pws are the pathways it concerns, code the
// suffix number it is listed under.
func (d *differ) addLevel(l Level, c Change, section int, pws []pwRef, code int) {
	if KindOf(c.ID) == nil {
		panic("changes: unknown change id " + c.ID) // a programming error, caught by the tests
	}
	c.Level = l
	c.Swedish = oneStop(c.Swedish)
	if notInLog(c.ID) || strings.HasPrefix(c.ID, "test-") {
		c.log.skip = true
	} else if c.log.text == "" && c.log.cell == nil {
		c.log.text = c.Swedish
	}
	c.log.text = oneStop(c.log.text)
	c.order = sortKey{section: section, code: code, kind: kindRank.Get()[c.ID], subject: c.Subject}
	if len(pws) > 0 {
		c.order.section = secPathways
		c.order.path, c.order.npath = pws[0].rank, len(pws)
		keys := make([]string, len(pws))
		for i, p := range pws {
			keys[i] = p.key
		}
		c.order.pathKeys = strings.Join(keys, ",")
		if len(pws) == 1 {
			c.Pathway, c.PathwayName = pws[0].key, pws[0].name
			c.group = fmt.Sprintf("%s (%s)", pws[0].name, strings.Join(pws[0].prefixes, "/"))
		} else {
			c.Pathways = keys
			c.group = refNames(pws, "")
		}
	} else {
		c.group = sectionTitle(section)
	}
	d.out = append(d.out, c)
}

// notInLog reports whether id is of a change to the rule files, not to
// the guide: the change log leaves them out (and the tests).
func notInLog(id string) bool {
	switch id {
	case "pathway-key-changed", "rule-renamed", "rule-message-changed", "rule-ref-changed", "leadtime-ref-changed":
		return true
	}
	return false
}

// ---- the guide header and the qualifiers ----

func (d *differ) header() {
	f, t := d.from, d.to
	field := func(id, old, new, sv string) {
		key := strings.TrimSuffix(strings.TrimPrefix(id, "guide-"), "-changed")
		if old != new {
			d.add(Change{ID: id, Old: old, New: new, Swedish: sv,
				OldPos: place(f.Places, key, f.Pos), NewPos: place(t.Places, key, t.Pos)}, secHeader, nil, noCode)
		}
	}
	field("guide-version-changed", f.Version, t.Version,
		fmt.Sprintf(msg.SvVersionChanged, f.Version, t.Version))
	field("guide-date-changed", f.Date, t.Date,
		fmt.Sprintf(msg.SvDateChanged, f.Date, t.Date))
	field("guide-title-changed", f.Title, t.Title,
		fmt.Sprintf(msg.SvTitleChanged, sq(t.Title)))
	field("guide-sources-changed", strings.Join(f.Sources, "\n"), strings.Join(t.Sources, "\n"),
		msg.SvSourcesChanged)
	var oldLog, newLog string
	if f.ChangeLog != nil {
		oldLog = f.ChangeLog.Date + "\n" + f.ChangeLog.Text
	}
	if t.ChangeLog != nil {
		newLog = t.ChangeLog.Date + "\n" + t.ChangeLog.Text
	}
	field("guide-changelog-changed", oldLog, newLog,
		msg.DiffChangeLogChanged)
	field("guide-notes-changed", strings.Join(f.Notes, "\n\n"), strings.Join(t.Notes, "\n\n"),
		msg.SvNotesChanged)
}

// sections compares the guide's text outside the codes, section by
// heading, when both versions have sections: a folder without them (the
// versions before 10.6 today) has not transcribed that text, which is no
// change of the guide.
func (d *differ) sections() {
	if len(d.from.Sections) == 0 || len(d.to.Sections) == 0 {
		return
	}
	olds := map[string]*compiler.Section{}
	for _, s := range d.from.Sections {
		olds[s.Heading] = s
	}
	news := map[string]*compiler.Section{}
	for _, s := range d.to.Sections {
		news[s.Heading] = s
	}
	for _, o := range d.from.Sections {
		n := news[o.Heading]
		switch {
		case n == nil:
			d.add(Change{ID: "section-removed", Subject: o.Heading, Old: o.Text, OldPos: o.Pos,
				Swedish: fmt.Sprintf(msg.DiffSectionRemoved, o.Heading)}, secSections, nil, noCode)
		case n.Text != o.Text:
			c := Change{ID: "section-changed", Subject: n.Heading, Old: o.Text, New: n.Text, OldPos: o.Pos, NewPos: n.Pos,
				Swedish: fmt.Sprintf(msg.DiffSectionChanged, n.Heading)}
			c.log.text = editedLine(fmt.Sprintf(msg.LogSectionAdded, n.Heading, "%s"), fmt.Sprintf(msg.LogSectionRemoved, n.Heading, "%s"),
				fmt.Sprintf(msg.LogSectionChanged, n.Heading, "%s", "%s"), o.Text, n.Text)
			d.add(c, secSections, nil, noCode)
		}
	}
	for _, n := range d.to.Sections {
		if olds[n.Heading] == nil {
			d.add(Change{ID: "section-added", Subject: n.Heading, New: n.Text, NewPos: n.Pos,
				Swedish: fmt.Sprintf(msg.DiffSectionAdded, n.Heading)}, secSections, nil, noCode)
		}
	}
}

func (d *differ) qualifiers() {
	for _, q := range d.from.Qualifiers {
		n := d.to.Qualifier(q.Name)
		switch {
		case n == nil:
			d.add(Change{ID: "qualifier-removed", Subject: q.Name, Old: q.Legend, OldPos: q.Pos,
				Swedish: fmt.Sprintf(msg.SvQualifierRemoved, q.Name, sq(q.Legend))}, secQualifiers, nil, noCode)
		case n.Legend != q.Legend:
			d.add(Change{ID: "qualifier-legend-changed", Subject: q.Name, Old: q.Legend, New: n.Legend, OldPos: q.Pos, NewPos: n.Pos,
				Swedish: fmt.Sprintf(msg.SvQualifierLegend, q.Name, sq(n.Legend))}, secQualifiers, nil, noCode)
		}
	}
	for _, n := range d.to.Qualifiers {
		if d.from.Qualifier(n.Name) == nil {
			d.add(Change{ID: "qualifier-added", Subject: n.Name, New: n.Legend, NewPos: n.Pos,
				Swedish: fmt.Sprintf(msg.SvQualifierAdded, n.Name, sq(n.Legend))}, secQualifiers, nil, noCode)
		}
	}
}

// ---- pathways ----

func (d *differ) pathways() {
	for _, q := range d.from.Pathways {
		p := d.match[q]
		if p == nil {
			d.add(Change{ID: "pathway-removed", Old: pathwayWords(q), OldPos: q.Pos,
				Swedish: fmt.Sprintf(msg.SvPathwayRemoved, q.Name, q.PrefixLabel())}, secPathways, []pwRef{d.ref(q, true)}, -1)
			continue
		}
		where := []pwRef{d.ref(p, false)}
		if q.Key != p.Key {
			d.add(Change{ID: "pathway-key-changed", Old: q.Key, New: p.Key, OldPos: q.Pos, NewPos: p.Pos,
				Swedish: fmt.Sprintf(msg.SvPathwayKey, p.Name, q.Key, p.Key)}, secPathways, where, -1)
		}
		if q.Name != p.Name {
			d.add(Change{ID: "pathway-renamed", Old: q.Name, New: p.Name, OldPos: q.Pos, NewPos: p.Pos,
				Swedish: fmt.Sprintf(msg.SvPathwayRenamed, sq(q.Name), sq(p.Name))}, secPathways, where, -1)
		}
		if !sameSet(q.Prefixes, p.Prefixes) {
			d.add(Change{ID: "pathway-prefix-changed", Old: q.PrefixLabel(), New: p.PrefixLabel(), OldPos: q.Pos, NewPos: p.Pos,
				Swedish: fmt.Sprintf(msg.SvPathwayPrefix, p.Name, q.PrefixLabel(), p.PrefixLabel())}, secPathways, where, -1)
		}
		if !sameSet(q.ICD10, p.ICD10) {
			o, n := listOr(q.ICD10, "inga"), listOr(p.ICD10, "inga")
			d.add(Change{ID: "pathway-icd10-changed", Old: o, New: n, OldPos: q.Pos, NewPos: p.Pos,
				Swedish: fmt.Sprintf(msg.SvPathwayICD10, p.Name, listOr(q.ICD10, "inga"), listOr(p.ICD10, "inga"))}, secPathways, where, -1)
		}
	}
	for _, p := range d.to.Pathways {
		if d.back[p] != nil {
			continue
		}
		codes := allowedCodes(d.to, p)
		d.add(Change{ID: "pathway-added", New: pathwayWords(p) + "; koder " + codes, NewPos: p.Pos,
			Swedish: fmt.Sprintf(msg.SvPathwayAdded, p.Name, p.PrefixLabel(), codes)}, secPathways, []pwRef{d.ref(p, false)}, -1)
	}
}

func pathwayWords(p *compiler.Pathway) string {
	return fmt.Sprintf("%s (%s)", p.Name, p.PrefixLabel())
}

// allowedCodes lists the codes a pathway may use, by suffix: "10, 50 (kur), 90".
func allowedCodes(g *compiler.Guide, p *compiler.Pathway) string {
	var out []string
	for _, c := range byNum(g.Codes) {
		if ok, q := g.Allowed(p, c); ok {
			s := c.Suffix
			if q != nil {
				s += " (" + q.Name + ")"
			}
			out = append(out, s)
		}
	}
	return listOr(out, "inga")
}

func byNum(cs []*compiler.Code) []*compiler.Code {
	out := append([]*compiler.Code(nil), cs...)
	sort.Slice(out, func(i, j int) bool { return out[i].Num < out[j].Num })
	return out
}

// ---- codes ----

// codeOf writes a code with a pathway's prefixes: VN858, or VN450/VN650.
func codeOf(prefixes []string, suffix string) string {
	parts := make([]string, len(prefixes))
	for i, p := range prefixes {
		parts[i] = p + suffix
	}
	return strings.Join(parts, "/")
}

// title is how a code is headed in the Swedish change log: "VXX58 –
// Start av första behandling, palliativ".
func title(c *compiler.Code) string { return "VXX" + c.Suffix + " – " + c.Name }

func (d *differ) codes() {
	for _, oc := range byNum(d.from.Codes) {
		nc := d.to.Code(oc.Num)
		if nc == nil {
			d.add(Change{ID: "code-removed", Code: "VXX" + oc.Suffix, Suffix: oc.Suffix, CodeName: oc.Name,
				Old: codeWords(d.from, oc), OldPos: oc.Pos,
				Swedish: fmt.Sprintf(msg.SvCodeRemoved, title(oc))}, secGeneral, nil, oc.Num)
			d.notes(oc, nil)
			continue
		}
		d.code(oc, nc)
	}
	for _, nc := range byNum(d.to.Codes) {
		if d.from.Code(nc.Num) != nil {
			continue
		}
		l := Review
		if nc.Kind == compiler.KindStart || nc.Kind == compiler.KindMandatory {
			l = Action
		}
		d.addLevel(l, Change{ID: "code-added", Code: "VXX" + nc.Suffix, Suffix: nc.Suffix, CodeName: nc.Name,
			New: codeWords(d.to, nc), NewPos: nc.Pos,
			Swedish: fmt.Sprintf(msg.SvCodeAdded, title(nc), nc.Kind.Describe(), whereAllowedSv(d.to, nc))}, secGeneral, nil, nc.Num)
		d.notes(nil, nc)
	}
}

// codeWords describes a code: "VXX44 Namn; slag; för a och b".
func codeWords(g *compiler.Guide, c *compiler.Code) string {
	return fmt.Sprintf("VXX%s %s; %s; %s", c.Suffix, c.Name, c.Kind.Describe(), whereAllowedSv(g, c))
}

func whereAllowedSv(g *compiler.Guide, c *compiler.Code) string {
	if !c.Table {
		return "i samtliga förlopp"
	}
	names := allowedIn(g, c)
	for i, n := range names {
		names[i] = lowerName(n)
	}
	if len(names) == 0 {
		return "för inget förlopp"
	}
	return "för " + andList(names)
}

func allowedIn(g *compiler.Guide, c *compiler.Code) []string {
	var names []string
	for _, p := range g.Pathways {
		if ok, q := g.Allowed(p, c); ok {
			n := p.Name
			if q != nil {
				n += " (" + q.Name + ")"
			}
			names = append(names, n)
		}
	}
	return names
}

func (d *differ) code(oc, nc *compiler.Code) {
	gen := Change{Code: "VXX" + nc.Suffix, Suffix: nc.Suffix, CodeName: nc.Name, OldPos: oc.Pos, NewPos: nc.Pos}
	at := func(c Change, id string) Change { c.ID = id; return c }
	if oc.Name != nc.Name {
		c := at(gen, "code-renamed")
		c.Old, c.New = oc.Name, nc.Name
		c.Swedish = fmt.Sprintf(msg.SvCodeRenamed, title(nc), sq(oc.Name))
		d.add(c, secGeneral, nil, nc.Num)
	}
	if oc.Kind != nc.Kind {
		c := at(gen, "code-kind-changed")
		c.OldPos, c.NewPos = place(oc.Places, "kind", oc.Pos), place(nc.Places, "kind", nc.Pos)
		c.Old, c.New = fmt.Sprintf("%s (%s)", oc.Kind.Describe(), oc.Kind), fmt.Sprintf("%s (%s)", nc.Kind.Describe(), nc.Kind)
		c.Swedish = fmt.Sprintf(msg.SvCodeKind, title(nc), oc.Kind.Describe(), nc.Kind.Describe())
		c.log.text = fmt.Sprintf(msg.LogKindMoved, title(nc), kindHeading(oc.Kind), kindHeading(nc.Kind))
		d.addLevel(d.kindLevel(nc.Suffix, oc.Kind, nc.Kind), c, secGeneral, nil, nc.Num)
	}
	if oc.Description != nc.Description {
		c := at(gen, "code-description-changed")
		c.OldPos, c.NewPos = place(oc.Places, "description", oc.Pos), place(nc.Places, "description", nc.Pos)
		c.Old, c.New = oc.Description, nc.Description
		c.Swedish = fmt.Sprintf("%s: beskrivningen %s.", title(nc), changedVerbSv(oc.Description, nc.Description, "en"))
		c.log.key = "desc:" + nc.Suffix
		c.log.text = editedLine(fmt.Sprintf(msg.LogDescriptionAdded, title(nc), "%s"), fmt.Sprintf(msg.LogDescriptionRemoved, title(nc), "%s"),
			fmt.Sprintf(msg.LogDescriptionChanged, title(nc), "%s", "%s"), oc.Description, nc.Description)
		d.add(c, secGeneral, nil, nc.Num)
	}
	if oc.Table != nc.Table {
		c := at(gen, "code-scope-changed")
		c.OldPos, c.NewPos = place(oc.Places, "scope", oc.Pos), place(nc.Places, "scope", nc.Pos)
		c.Old, c.New = scopeWords(oc), scopeWords(nc)
		if nc.Table {
			c.Swedish = fmt.Sprintf(msg.SvCodeScopeTable, title(nc))
		} else {
			c.Swedish = fmt.Sprintf(msg.SvCodeScopeEvery, title(nc))
		}
		d.add(c, secGeneral, nil, nc.Num)
	}
	d.localNames(oc, nc)
	d.cells(oc, nc)
	d.notes(oc, nc)
}

// kindHeading is the guide's chapter heading for a kind of code, as the
// change log names it when a code moves (2022-11-01).
func kindHeading(k compiler.Kind) string {
	switch k {
	case compiler.KindStart:
		return msg.HeadingStart
	case compiler.KindMandatory:
		return msg.HeadingMandatory
	case compiler.KindTreatment:
		return msg.HeadingTreatment
	case compiler.KindOtherReason:
		return msg.HeadingOtherReason
	case compiler.KindVoluntary:
		return msg.HeadingVoluntary
	}
	return ""
}

// kindLevel is the level of a code's kind change: action when it changes
// what coders must code (a start or mandatory code is one no longer, or
// now) or a verdict on some episode — the code starts or closes pathways
// where it did not (which decides reportability and lead times), or a
// condition of either version reads a code set the code enters or
// leaves. A kind nothing reads is review: 73 moving between the two
// kinds of closing code in 2022 changed a heading, and the rules that
// name the treatment codes name XX73 beside them (has(treatment, XX73)).
func (d *differ) kindLevel(suffix string, old, new compiler.Kind) Level {
	must := func(k compiler.Kind) bool { return k == compiler.KindStart || k == compiler.KindMandatory }
	if must(old) || must(new) || old.Closing() != new.Closing() {
		return Action
	}
	k := kindRead{suffix: suffix, old: old, new: new}
	for _, g := range []*compiler.Guide{d.from, d.to} {
		for _, r := range g.Rules {
			if k.expr(r.When) {
				return Action
			}
		}
		for _, lt := range allLeadTimes(g) {
			if k.expr(lt.When) {
				return Action
			}
		}
	}
	return Review
}

// kindRead finds, in a condition, a code set that holds a code of one
// kind and not of the other (compiler.InKindSet), where it decides something: not
// as an argument of a function that takes the union of its arguments
// (has, count, first, last) beside the code itself, written generally
// (has(treatment, XX73)), since the union is then the same either way.
type kindRead struct {
	suffix   string
	old, new compiler.Kind
}

// unionFunc reports whether function fn takes the union of its code-set
// arguments.
func unionFunc(fn string) bool {
	switch fn {
	case "has", "count", "first", "last":
		return true
	}
	return false
}

func (k kindRead) differs(name string) bool {
	old, known := compiler.InKindSet(name, k.old)
	now, _ := compiler.InKindSet(name, k.new)
	return known && old != now
}

func (k kindRead) expr(e *lang.Expr) bool {
	if e == nil {
		return false
	}
	for _, a := range append([]*lang.AndExpr{e.Left}, e.Right...) {
		for _, n := range append([]*lang.NotExpr{a.Left}, a.Right...) {
			for n != nil && n.Not != nil {
				n = n.Not
			}
			if n == nil || n.Cmp == nil {
				continue
			}
			for _, o := range append([]*lang.Operand{n.Cmp.Left, n.Cmp.Right}, n.Cmp.In...) {
				if k.operand(o) {
					return true
				}
			}
		}
	}
	return false
}

func (k kindRead) operand(o *lang.Operand) bool {
	switch {
	case o == nil:
		return false
	case o.Name != nil:
		return k.differs(*o.Name)
	case o.Paren != nil:
		return k.expr(o.Paren)
	case o.Call == nil:
		return false
	}
	covered := false
	if unionFunc(o.Call.Func) {
		for _, a := range o.Call.Args {
			if c := bareOperand(a); c != nil && c.Code != nil {
				if m := codePattern.Get().FindStringSubmatch(*c.Code); m != nil && (m[1] == "XX" || m[1] == "VXX") && m[2] == k.suffix {
					covered = true
				}
			}
		}
	}
	for _, a := range o.Call.Args {
		if c := bareOperand(a); covered && c != nil && c.Name != nil {
			continue
		}
		if k.expr(a) {
			return true
		}
	}
	return false
}

// bareOperand is the operand an expression consists of, or nil when it
// is more than one operand.
func bareOperand(e *lang.Expr) *lang.Operand {
	if e == nil || len(e.Right) > 0 || len(e.Left.Right) > 0 || e.Left.Left.Cmp == nil {
		return nil
	}
	c := e.Left.Left.Cmp
	if c.Op != "" || len(c.In) > 0 {
		return nil
	}
	return c.Left
}

func scopeWords(c *compiler.Code) string {
	if c.Table {
		return msg.DiffScopeTable
	}
	return msg.DiffScopeEvery
}

// changedVerbSv is tillagd/borttagen/ändrad with the ending of the noun's
// gender ("en": beskrivningen, "et": förtydligandet).
func changedVerbSv(old, new, gender string) string {
	words := map[string][3]string{"en": {"tillagd", "borttagen", "ändrad"}, "et": {"tillagt", "borttaget", "ändrat"}}[gender]
	switch {
	case old == "":
		return words[0]
	case new == "":
		return words[1]
	}
	return words[2]
}

func (d *differ) localNames(oc, nc *compiler.Code) {
	olds := map[string]compiler.LocalName{}
	for _, ln := range oc.LocalNames {
		olds[ln.Code] = ln
	}
	news := map[string]compiler.LocalName{}
	for _, ln := range nc.LocalNames {
		news[ln.Code] = ln
	}
	where := func(g *compiler.Guide, code string, old bool) []pwRef {
		if p := g.PathwayByPrefix(code[:3]); p != nil {
			return []pwRef{d.ref(p, old)}
		}
		return nil
	}
	for _, ln := range oc.LocalNames {
		n, ok := news[ln.Code]
		base := Change{Code: ln.Code, Suffix: nc.Suffix, CodeName: ln.Name, OldPos: ln.Pos}
		switch {
		case !ok:
			base.ID, base.Old = "local-name-removed", ln.Name
			base.Swedish = fmt.Sprintf(msg.SvLocalNameRemoved, ln.Code, sq(ln.Name), sq(nc.Name))
			d.add(base, secGeneral, where(d.from, ln.Code, true), nc.Num)
		case n.Name != ln.Name:
			base.ID, base.Old, base.New, base.NewPos, base.CodeName = "local-name-changed", ln.Name, n.Name, n.Pos, n.Name
			base.Swedish = fmt.Sprintf(msg.SvLocalNameChanged, ln.Code, n.Name, sq(ln.Name))
			d.add(base, secGeneral, where(d.to, ln.Code, false), nc.Num)
		}
	}
	for _, n := range nc.LocalNames {
		if _, ok := olds[n.Code]; ok {
			continue
		}
		d.add(Change{ID: "local-name-added", Code: n.Code, Suffix: nc.Suffix, CodeName: n.Name, New: n.Name, NewPos: n.Pos,
			Swedish: fmt.Sprintf(msg.SvLocalNameAdded, n.Code, n.Name)}, secGeneral, where(d.to, n.Code, false), nc.Num)
	}
}

// cellWords says a cell in words: "tillåten", "tillåten (kur)", "inte
// tillåten".
func cellWords(ok bool, q *compiler.Qualifier) string {
	switch {
	case !ok:
		return msg.DiffCellNotAllowed
	case q != nil:
		return msg.DiffCellAllowed + " (" + q.Name + ")"
	}
	return msg.DiffCellAllowed
}

func qualName(q *compiler.Qualifier) string {
	if q == nil {
		return ""
	}
	return q.Name
}

// cellPos is the table row of a cell, or the code when it has no table.
func cellPos(c *compiler.Code, p *compiler.Pathway) lang.Pos {
	if c.Table {
		return c.Cells[p.Index].Pos
	}
	return c.Pos
}

func (d *differ) cells(oc, nc *compiler.Code) {
	for _, p := range d.to.Pathways {
		q := d.back[p]
		if q == nil {
			continue // a new pathway: its codes are in pathway-added
		}
		oa, oq := d.from.Allowed(q, oc)
		na, nq := d.to.Allowed(p, nc)
		if oa == na && qualName(oq) == qualName(nq) {
			continue
		}
		c := Change{Code: codeOf(p.Prefixes, nc.Suffix), Suffix: nc.Suffix, CodeName: nc.LocalName(p),
			Old: cellWords(oa, oq), New: cellWords(na, nq), OldPos: cellPos(oc, q), NewPos: cellPos(nc, p)}
		if oa != na {
			c.log.cell = &logCell{code: c.Code, name: c.CodeName, general: "VXX" + nc.Suffix, title: title(nc), pathway: lowerName(p.Name),
				closing: nc.Kind.Closing(), qual: qualName(nq), allowed: na}
			c.log.key = fmt.Sprintf("cell:%s:%t:%s", nc.Suffix, na, qualName(nq))
		}
		where := []pwRef{d.ref(p, false)}
		as := ""
		if nc.Kind.Closing() {
			as = "som avslutskod "
		}
		l := KindOf("cell-allowed").Level
		switch {
		case !oa:
			c.ID = "cell-allowed"
			if nc.Kind == compiler.KindStart || nc.Kind == compiler.KindMandatory {
				l = Action
			}
			c.Swedish = fmt.Sprintf(msg.SvCellAllowed, title(nc), as, lowerName(p.Name), qualSv(nq, " med kvalificering "))
		case !na:
			c.ID, l = "cell-disallowed", Action
			c.Swedish = fmt.Sprintf(msg.SvCellDisallowed, title(nc), as, lowerName(p.Name))
		default:
			c.ID, l = "qualifier-changed", Action
			if nq == nil {
				l = Review
			}
			c.Swedish = fmt.Sprintf(msg.SvCellQualifier, title(nc), lowerName(p.Name), qualSvWords(nq), qualSvWords(oq))
		}
		d.addLevel(l, c, secPathways, where, nc.Num)
	}
}

func qualSv(q *compiler.Qualifier, lead string) string {
	if q == nil {
		return ""
	}
	return fmt.Sprintf("%s%s, %s", lead, q.Name, sq(q.Legend))
}

func qualSvWords(q *compiler.Qualifier) string {
	if q == nil {
		return "utan kvalificering"
	}
	return qualSv(q, "med kvalificering ")
}

// ---- notes ----

type noteSide struct {
	n    *compiler.Note
	refs []pwRef
	key  string // the pathways' keys
	used bool
}

func (d *differ) noteSides(c *compiler.Code, old bool) []*noteSide {
	if c == nil {
		return nil
	}
	var out []*noteSide
	for _, n := range c.Notes {
		refs := d.refs(n.Pathways, old)
		keys := make([]string, len(refs))
		for i, r := range refs {
			keys[i] = r.key
		}
		out = append(out, &noteSide{n: n, refs: refs, key: strings.Join(keys, ",")})
	}
	return out
}

// notes pairs the notes of one code: the same pathways and text are
// unchanged; the same pathways otherwise in order are a changed note; the
// same text for other pathways moved; the rest are added or removed.
func (d *differ) notes(oc, nc *compiler.Code) {
	olds, news := d.noteSides(oc, true), d.noteSides(nc, false)
	pair := func(same func(o, n *noteSide) bool, found func(o, n *noteSide)) {
		for _, o := range olds {
			if o.used {
				continue
			}
			for _, n := range news {
				if !n.used && same(o, n) {
					o.used, n.used = true, true
					found(o, n)
					break
				}
			}
		}
	}
	sameText := func(o, n *noteSide) bool { return o.n.Heading == n.n.Heading && o.n.Text == n.n.Text }
	pair(func(o, n *noteSide) bool { return o.key == n.key && sameText(o, n) }, func(o, n *noteSide) {})
	changed := func(o, n *noteSide) {
		c := d.noteChange("note-changed", nc, n, o.n.Pos, n.n.Pos)
		l := Review
		if o.n.Text != n.n.Text {
			c.Old, c.New = o.n.Text, n.n.Text
			c.Swedish += msg.SvNoteChangedEnd
			// The guide writes a changed note of one pathway with the
			// pathway's code (VJ160), and names the pathway after.
			where, head := "", title(nc)
			if len(n.refs) > 0 {
				where = " (" + strings.TrimPrefix(pathwaysSv(n.refs), " för ") + ")"
			}
			if len(n.refs) == 1 {
				head = c.Code + " – " + c.CodeName
			}
			c.log.text = editedLine(fmt.Sprintf(msg.LogNoteTextAdded, head, where, "%s"), fmt.Sprintf(msg.LogNoteTextRemoved, head, where, "%s"),
				fmt.Sprintf(msg.LogNoteTextChanged, head, where, "%s", "%s"), o.n.Text, n.n.Text)
		} else {
			l = Info
			c.Old, c.New = o.n.Heading, n.n.Heading
			c.Swedish += fmt.Sprintf(msg.SvNoteHeadingSuffix, sq(o.n.Heading), sq(n.n.Heading))
			c.log.text = fmt.Sprintf(msg.LogNoteHeading, title(nc), o.n.Heading, n.n.Heading)
		}
		d.addLevel(l, c, secGeneral, n.refs, nc.Num)
	}
	// A note whose text changed keeps its pathways, and usually its
	// heading: pair by heading first, so that one of several notes of
	// the same pathways is not taken for another.
	pair(func(o, n *noteSide) bool { return o.key == n.key && o.n.Heading == n.n.Heading }, changed)
	pair(func(o, n *noteSide) bool { return o.key == n.key }, changed)
	pair(sameText, func(o, n *noteSide) {
		c := d.noteChange("note-pathways-changed", nc, n, o.n.Pos, n.n.Pos)
		c.Old, c.New = refNamesSv(o.refs, "koden generellt"), refNamesSv(n.refs, "koden generellt")
		c.Swedish = fmt.Sprintf(msg.SvNotePathways, title(nc), headingSv(n.n.Heading),
			refNamesSv(n.refs, "koden generellt"), refNamesSv(o.refs, "koden generellt"))
		d.add(c, secGeneral, n.refs, nc.Num)
	})
	for _, o := range olds {
		if !o.used {
			code := oc
			if nc != nil {
				code = nc
			}
			c := d.noteChange("note-removed", code, o, o.n.Pos, lang.Pos{})
			c.Old = o.n.Text
			c.Swedish += msg.SvNoteRemovedEnd
			c.log.text = endSentence(fmt.Sprintf(msg.LogNoteRemoved, title(code), pathwaysSv(o.refs), quoteText(o.n.Text)))
			d.add(c, secGeneral, o.refs, code.Num)
		}
	}
	for _, n := range news {
		if !n.used {
			c := d.noteChange("note-added", nc, n, lang.Pos{}, n.n.Pos)
			c.New = n.n.Text
			c.Swedish += msg.SvNoteAddedEnd
			c.log.text = endSentence(fmt.Sprintf(msg.LogNoteAdded, title(nc), pathwaysSv(n.refs)+headingSv(n.n.Heading), quoteText(n.n.Text)))
			d.add(c, secGeneral, n.refs, nc.Num)
		}
	}
}

// noteChange starts the record of a note: its code, and the first words
// of its line ("VXX60 – …: förtydligande för hjärntumörer").
func (d *differ) noteChange(id string, code *compiler.Code, s *noteSide, oldPos, newPos lang.Pos) Change {
	c := Change{ID: id, Suffix: code.Suffix, Subject: s.n.Heading, OldPos: oldPos, NewPos: newPos,
		Code: "VXX" + code.Suffix, CodeName: code.Name}
	keys := make([]string, len(s.refs))
	for i, r := range s.refs {
		keys[i] = r.key
	}
	c.log.key = noteKey(code.Suffix, keys)
	if len(s.refs) == 1 {
		c.Code = codeOf(s.refs[0].prefixes, code.Suffix)
		p := d.to.Pathway(s.refs[0].key)
		if p == nil {
			p = d.from.Pathway(s.refs[0].key) // a removed pathway
		}
		if p != nil {
			c.CodeName = code.LocalName(p)
		}
	}
	sv := "förtydligande"
	if len(s.refs) > 0 {
		sv += pathwaysSv(s.refs)
	}
	c.Swedish = fmt.Sprintf("%s: %s%s", title(code), sv, headingSv(s.n.Heading))
	return c
}

func headingSv(h string) string {
	if h == "" {
		return ""
	}
	return " under rubriken " + sq(h)
}

// refNamesSv lists pathway names as they stand mid-sentence in Swedish
// ("hjärntumörer och lymfom och KLL"), or none when there are none.
func refNamesSv(refs []pwRef, none string) string {
	if len(refs) == 0 {
		return none
	}
	return strings.TrimPrefix(pathwaysSv(refs), " för ")
}

// refNames lists pathway names, or none when there are no pathways.
func refNames(refs []pwRef, none string) string {
	if len(refs) == 0 {
		return none
	}
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = r.name
	}
	return strings.Join(names, ", ")
}

// ---- rules ----

var codePattern = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^(VXX|XX|V[A-Z][0-9])([0-9]{2})$`) }}

// ruleCode is the code a rule is listed under: the first code its
// condition names (XX60 as VL260 for a rule of one pathway), or none.
func (d *differ) ruleCode(g *compiler.Guide, r *compiler.Rule, refs []pwRef) (code, suffix, name string, num int) {
	for _, m := range r.Mentions {
		sm := codePattern.Get().FindStringSubmatch(m)
		if sm == nil {
			continue
		}
		num, _ = strconv.Atoi(sm[2])
		def := g.Code(num)
		if def == nil {
			continue
		}
		name = def.Name
		switch {
		case sm[1] != "XX" && sm[1] != "VXX":
			code = m
			if p := g.PathwayByPrefix(sm[1]); p != nil {
				name = def.LocalName(p)
			}
		case len(refs) == 1:
			code = codeOf(refs[0].prefixes, sm[2])
			if p := d.to.Pathway(refs[0].key); p != nil {
				name = def.LocalName(p)
			}
		default:
			code = "VXX" + sm[2]
		}
		return code, sm[2], name, num
	}
	return "", "", "", noCode
}

var severitySv = []string{msg.SeverityError, msg.SeverityWarning, msg.SeverityInfo}

func ruleWhen(r *compiler.Rule) string { return lang.FormatExpr(r.When) }

func (d *differ) ruleChange(id string, g *compiler.Guide, r *compiler.Rule, old bool) (Change, []pwRef, int) {
	refs := d.refs(r.Pathways, old)
	code, suffix, name, num := d.ruleCode(g, r, refs)
	return Change{ID: id, Subject: r.ID, Code: code, Suffix: suffix, CodeName: name}, refs, num
}

func (d *differ) rules() {
	for _, or := range d.from.Rules {
		nr := d.to.Rule(or.ID)
		if nr == nil {
			c, refs, num := d.ruleChange("rule-removed", d.from, or, true)
			c.Old, c.OldPos = ruleWords(or), or.Pos
			c.log.text = fmt.Sprintf(msg.LogRuleRemoved, sq(ruleLabel(or)), pathwaysSv(refs))
			c.log.joins = ruleJoins(or, c.Suffix, refs)
			c.Swedish = withRuleID(c.log.text, or.ID)
			d.add(c, secGeneral, refs, num)
			continue
		}
		d.rule(or, nr)
	}
	for _, nr := range d.to.Rules {
		if d.from.Rule(nr.ID) != nil {
			continue
		}
		c, refs, num := d.ruleChange("rule-added", d.to, nr, false)
		c.New, c.NewPos = ruleWords(nr), nr.Pos
		c.log.text = endSentence(fmt.Sprintf(msg.LogRuleAdded, severitySv[nr.Severity], pathwaysSv(refs), quoteText(nr.Message)))
		c.log.joins = ruleJoins(nr, c.Suffix, refs)
		c.Swedish = withRuleID(c.log.text, nr.ID)
		d.addLevel(ruleLevel(nr), c, secGeneral, refs, num)
	}
}

// ruleLevel: a rule that reports errors or warnings makes coders act.
func ruleLevel(r *compiler.Rule) Level {
	if r.Severity == compiler.SevInfo {
		return Review
	}
	return Action
}

// ruleWords says a rule's severity, where it applies and when: "fel,
// Hjärntumörer: när has(XX60)".
func ruleWords(r *compiler.Rule) string {
	where := msg.DiffAllPathways
	if len(r.Pathways) > 0 {
		names := make([]string, len(r.Pathways))
		for i, p := range r.Pathways {
			names[i] = p.Name
		}
		where = strings.Join(names, ", ")
	}
	return fmt.Sprintf(msg.DiffRuleWords, severitySv[r.Severity], where, ruleWhen(r))
}

// withRuleID puts a rule's id beside a line that names it, for lookup in
// the rule files: "… (regel vl260_kraver_vl244)".
func withRuleID(line, id string) string {
	line = oneStop(line)
	if t, ok := strings.CutSuffix(line, "."); ok {
		return fmt.Sprintf(msg.DiffRuleID, t, id) + "."
	}
	return fmt.Sprintf(msg.DiffRuleID, line, id)
}

// oneStop ends a sentence that ends with a quotation ending in a full
// stop without a second one: ”… behandlingsbeslut.”, not ”… behandlingsbeslut.”.
func oneStop(s string) string {
	for _, end := range []string{".”.", "!”.", "?”."} {
		if t, ok := strings.CutSuffix(s, end); ok {
			return t + end[:len(end)-1]
		}
	}
	return s
}

func (d *differ) rule(or, nr *compiler.Rule) {
	base, refs, num := d.ruleChange("", d.to, nr, false)
	label := sq(ruleLabel(nr))
	emit := func(id string, l Level, old, new, sv string) {
		c := base
		c.ID, c.Old, c.New, c.Swedish = id, old, new, withRuleID(sv, nr.ID)
		c.log.joins = ruleJoins(nr, c.Suffix, refs)
		c.log.text = sv
		if id == "rule-changed" {
			c.log.text = fmt.Sprintf(msg.LogRuleChanged, label, pathwaysSv(refs), new)
		}
		key := map[string]string{"rule-changed": "when", "rule-severity-changed": "severity", "rule-pathways-changed": "pathway", "rule-renamed": "",
			"rule-message-changed": "message", "rule-ref-changed": "ref"}[id]
		c.OldPos, c.NewPos = place(or.Places, key, or.Pos), place(nr.Places, key, nr.Pos)
		d.addLevel(l, c, secGeneral, refs, num)
	}
	if ow, nw := ruleWhen(or), ruleWhen(nr); ow != nw {
		emit("rule-changed", ruleLevel(nr), ow, nw,
			fmt.Sprintf(msg.SvRuleChanged, label, pathwaysSv(refs), nw, ow))
	}
	if or.Severity != nr.Severity {
		l, verbSv := Review, msg.DiffSeverityLowered
		if nr.Severity < or.Severity {
			l, verbSv = Action, msg.DiffSeverityRaised
		}
		emit("rule-severity-changed", l, or.Severity.String(), nr.Severity.String(),
			fmt.Sprintf(msg.SvRuleSeverity, label, verbSv, severitySv[or.Severity], severitySv[nr.Severity]))
	}
	oldRefs := d.refs(or.Pathways, true)
	if ok, nk := keysOf(oldRefs), keysOf(refs); ok != nk {
		l := Review
		// An empty list is every pathway: that is wider than any list.
		if nk == "" || ok != "" && !subset(refs, oldRefs) {
			l = Action
		}
		on, nn := refNamesSv(oldRefs, msg.DiffAllPathways), refNamesSv(refs, msg.DiffAllPathways)
		emit("rule-pathways-changed", l, on, nn,
			fmt.Sprintf(msg.SvRulePathways, label, refNamesSv(refs, msg.DiffAllPathways), refNamesSv(oldRefs, msg.DiffAllPathways)))
	}
	if or.Name != nr.Name {
		emit("rule-renamed", Info, or.Name, nr.Name,
			fmt.Sprintf(msg.SvRuleRenamed, sq(ruleLabel(or)), sq(ruleLabel(nr))))
	}
	if or.Message != nr.Message {
		emit("rule-message-changed", Info, or.Message, nr.Message,
			fmt.Sprintf(msg.SvRuleMessage, label, sq(nr.Message)))
	}
	if or.Ref != nr.Ref {
		emit("rule-ref-changed", Info, or.Ref, nr.Ref,
			fmt.Sprintf(msg.SvRuleRef, label, sq(nr.Ref)))
	}
}

func keysOf(refs []pwRef) string {
	keys := make([]string, len(refs))
	for i, r := range refs {
		keys[i] = r.key
	}
	sort.Strings(keys)
	return strings.Join(keys, ",")
}

// subset reports whether every pathway of a is in b.
func subset(a, b []pwRef) bool {
	in := map[string]bool{}
	for _, r := range b {
		in[r.key] = true
	}
	for _, r := range a {
		if !in[r.key] {
			return false
		}
	}
	return true
}

// ---- lead times ----

func targetSv(lt *compiler.LeadTime) string {
	if !lt.HasTarget {
		return "inget mål"
	}
	if lt.Target == 1 {
		return "1 kalenderdag"
	}
	return fmt.Sprintf("%d kalenderdagar", lt.Target)
}

// targetSvWords says a target in a sentence: "mål 14 kalenderdagar", "inget mål".
func targetSvWords(lt *compiler.LeadTime) string {
	if !lt.HasTarget {
		return targetSv(lt)
	}
	return "mål " + targetSv(lt)
}

// normCode writes a lead time's code the same way however it was
// written: XX10 for VXX10, and for VL210 when VL2 is the pathway's only
// prefix.
func normCode(written string, p *compiler.Pathway) string {
	pre, suf := written[:len(written)-2], written[len(written)-2:]
	if pre == "VXX" || len(p.Prefixes) == 1 && pre == p.Prefixes[0] {
		return "XX" + suf
	}
	return written
}

// leadTimeDef is a lead time's definition in the canonical form:
// "from XX10 to XX52, XX54 when has(XX44)".
func leadTimeDef(lt *compiler.LeadTime) string {
	to := make([]string, len(lt.To))
	for i, c := range lt.To {
		to[i] = normCode(c, lt.Pathway)
	}
	sort.Strings(to)
	s := "from " + lt.FromOcc.Keyword() + normCode(lt.From, lt.Pathway) + " to " + lt.ToOcc.Keyword() + strings.Join(to, ", ")
	if lt.Local {
		s = "local " + s
	}
	if lt.When != nil {
		s += " when " + lang.FormatExpr(lt.When)
	}
	return s
}

// allLeadTimes are a guide's national and local lead times.
func allLeadTimes(g *compiler.Guide) []*compiler.LeadTime {
	return append(append([]*compiler.LeadTime(nil), g.LeadTimes...), g.LocalLeadTimes...)
}

func leadTimeWords(lt *compiler.LeadTime) string {
	return fmt.Sprintf("%s: %s, %s", lt.Name, leadTimeDef(lt), targetSvWords(lt))
}

func (d *differ) leadTimes() {
	for _, ol := range allLeadTimes(d.from) {
		nl := d.to.LeadTime(ol.ID)
		if nl == nil {
			ref := d.ref(ol.Pathway, true)
			d.add(Change{ID: "leadtime-removed", Subject: ol.ID, Old: leadTimeWords(ol), OldPos: ol.Pos,
				Swedish: fmt.Sprintf(msg.SvLeadTimeRemoved, sq(ol.Name), ref.name)}, secPathways, []pwRef{ref}, noCode)
			continue
		}
		d.leadTime(ol, nl)
	}
	for _, nl := range allLeadTimes(d.to) {
		if d.from.LeadTime(nl.ID) != nil {
			continue
		}
		ref := d.ref(nl.Pathway, false)
		d.add(Change{ID: "leadtime-added", Subject: nl.ID, New: leadTimeWords(nl), NewPos: nl.Pos,
			Swedish: fmt.Sprintf(msg.SvLeadTimeAdded, lowerName(ref.name), sq(nl.Name), targetSvWords(nl))}, secPathways, []pwRef{ref}, noCode)
	}
}

func (d *differ) leadTime(ol, nl *compiler.LeadTime) {
	where := []pwRef{d.ref(nl.Pathway, false)}
	// key is the property the change is about, for its place.
	key := ""
	emit := func(id string, l Level, old, new, sv string) {
		d.addLevel(l, Change{ID: id, Subject: nl.ID, Old: old, New: new, Swedish: sv,
			OldPos: place(ol.Places, key, ol.Pos), NewPos: place(nl.Places, key, nl.Pos)},
			secPathways, where, noCode)
	}
	lead := fmt.Sprintf(msg.SvLeadTime, sq(nl.Name), nl.Pathway.Name)
	key = "target"
	switch {
	case ol.HasTarget && nl.HasTarget && ol.Target != nl.Target:
		l, verbSv := Review, msg.DiffTargetLengthened
		if nl.Target < ol.Target {
			l, verbSv = Action, msg.DiffTargetShortened
		}
		emit("leadtime-target-changed", l, targetSv(ol), targetSv(nl),
			fmt.Sprintf(msg.SvLeadTimeTarget, lead, verbSv, ol.Target, nl.Target))
	case !ol.HasTarget && nl.HasTarget:
		emit("leadtime-target-added", Action, targetSv(ol), targetSv(nl),
			fmt.Sprintf(msg.SvLeadTimeTargetAdded, lead, targetSv(nl)))
	case ol.HasTarget && !nl.HasTarget:
		emit("leadtime-target-removed", Review, targetSv(ol), targetSv(nl),
			fmt.Sprintf(msg.SvLeadTimeTargetRemoved, lead, targetSv(ol)))
	}
	od, nd := leadTimeDef(ol), leadTimeDef(nl)
	if ol.Pathway.Key != nl.Pathway.Key && d.match[ol.Pathway] != nl.Pathway {
		od, nd = ol.Pathway.Name+": "+od, nl.Pathway.Name+": "+nd
	}
	if od != nd {
		key = leadTimeChangedKey(ol, nl)
		emit("leadtime-changed", Review, od, nd,
			fmt.Sprintf(msg.SvLeadTimeChanged, lead, sq(od), sq(nd)))
	}
	if ol.Name != nl.Name {
		key = "name"
		emit("leadtime-renamed", Info, ol.Name, nl.Name,
			fmt.Sprintf(msg.SvLeadTimeRenamed, sq(ol.Name), nl.Pathway.Name, sq(nl.Name)))
	}
	if ol.Ref != nl.Ref {
		key = "ref"
		emit("leadtime-ref-changed", Info, ol.Ref, nl.Ref,
			fmt.Sprintf(msg.SvLeadTimeRef, lead, sq(nl.Ref)))
	}
}

// leadTimeChangedKey is the first property of a lead time's definition
// that differs between the versions: the line a leadtime-changed record
// points at.
func leadTimeChangedKey(ol, nl *compiler.LeadTime) string {
	to := func(lt *compiler.LeadTime) string {
		out := make([]string, len(lt.To))
		for i, c := range lt.To {
			out[i] = normCode(c, lt.Pathway)
		}
		sort.Strings(out)
		return lt.ToOcc.Keyword() + strings.Join(out, ",")
	}
	when := func(lt *compiler.LeadTime) string {
		if lt.When == nil {
			return ""
		}
		return lang.FormatExpr(lt.When)
	}
	switch {
	case ol.FromOcc != nl.FromOcc || normCode(ol.From, ol.Pathway) != normCode(nl.From, nl.Pathway):
		return "from"
	case to(ol) != to(nl):
		return "to"
	case when(ol) != when(nl):
		return "when"
	case ol.Local != nl.Local:
		return "local"
	}
	return "pathway"
}

// ---- tests ----

// testWords writes a test case canonically, one line per attribute
// (sorted), event (as ordered) and expectation (sorted).
func testWords(t *compiler.Test) string {
	var attrs, expects []string
	for _, a := range t.Attrs {
		v := a.Value
		if !a.IsNum {
			v = lang.Quote(v)
		}
		attrs = append(attrs, a.Name+" "+v)
	}
	sort.Strings(attrs)
	lines := attrs
	for _, e := range t.Events {
		lines = append(lines, "event "+e.Code+" "+e.Date)
	}
	for _, x := range t.Expect {
		expects = append(expects, expectWords(x))
	}
	sort.Strings(expects)
	return strings.Join(append(lines, expects...), "\n")
}

func expectWords(x compiler.Expectation) string {
	switch x.Kind {
	case compiler.ExpectFindings:
		if len(x.IDs) == 0 {
			return "expect no findings"
		}
		return "expect findings " + strings.Join(x.IDs, ", ")
	case compiler.ExpectLeadTime:
		return fmt.Sprintf("expect leadtime %s days %d", x.ID, x.Days)
	case compiler.ExpectNoLeadTime:
		return "expect no leadtime " + x.ID
	case compiler.ExpectNoLeadTimes:
		return "expect no leadtimes"
	case compiler.ExpectReportable:
		if x.Bool {
			return "expect reportable"
		}
		return "expect not reportable"
	}
	return "expect reported_as " + x.ID
}

func (d *differ) tests() {
	news := map[string]*compiler.Test{}
	for _, t := range d.to.Tests {
		news[t.ID] = t
	}
	olds := map[string]bool{}
	for _, ot := range d.from.Tests {
		olds[ot.ID] = true
		nt := news[ot.ID]
		switch {
		case nt == nil:
			d.add(Change{ID: "test-removed", Subject: ot.ID, Old: testWords(ot), OldPos: ot.Pos,
				Swedish: fmt.Sprintf(msg.SvTestRemoved, ot.ID)}, secTests, nil, noCode)
		case testWords(ot) != testWords(nt):
			d.add(Change{ID: "test-changed", Subject: nt.ID, Old: testWords(ot), New: testWords(nt), OldPos: ot.Pos, NewPos: nt.Pos,
				Swedish: fmt.Sprintf(msg.SvTestChanged, nt.ID)}, secTests, nil, noCode)
		}
	}
	for _, nt := range d.to.Tests {
		if !olds[nt.ID] {
			d.add(Change{ID: "test-added", Subject: nt.ID, New: testWords(nt), NewPos: nt.Pos,
				Swedish: fmt.Sprintf(msg.SvTestAdded, nt.ID)}, secTests, nil, noCode)
		}
	}
}

// ---- small helpers ----

// place is where property key is written in a declaration (places), or
// the declaration itself (decl) when the property is not written there:
// a change points at the line that changed.
func place(places map[string]lang.Pos, key string, decl lang.Pos) lang.Pos {
	if p, ok := places[key]; ok {
		return p
	}
	return decl
}

// sq quotes Swedish text the way the guide does: ”…”.
func sq(s string) string { return "”" + s + "”" }

func listOr(xs []string, none string) string {
	if len(xs) == 0 {
		return none
	}
	return strings.Join(xs, ", ")
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}
