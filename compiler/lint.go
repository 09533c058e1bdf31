package compiler

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// Lint looks for what compiles but is almost certainly not meant, in a
// checked guide (g must come from Check without errors): a rule or lead
// time the tables make impossible or inevitable, a rule without tests, a
// header that names another version than its folder, a note on an empty
// table cell. folder is the name of the folder the rule files were read
// from ("10.6"); the version check is skipped when it is not a version
// number. Every finding is a lang.Warning: the rules still compile.
//
// Load runs the lint on every guide it checks, so `svfrules check`, the
// language server and every other command see the warnings in the
// diagnostics list.
func Lint(g *Guide, folder string) lang.Diagnostics {
	l := &linter{g: g, src: lang.NewLineIndex(g.Files)}
	// The passes are independent; each adds its warnings.
	l.impossibleConditions()
	l.untestedRules()
	l.header(folder)
	l.notesOnEmptyCells()
	l.diags.Sort()
	return l.diags
}

// CanFireIn lists the pathways of r (every pathway, for a rule that names
// none) in which the tables do not decide that r's condition is false: the
// pathways where an episode coded as the tables allow can get its finding.
// It is the lint's reading of the tables (impossibleConditions), so explain
// and check agree; an episode with a code the tables leave empty may still
// get the finding elsewhere, beside kod_ej_tillaten.
func (g *Guide) CanFireIn(r *Rule) []*Pathway {
	pws := r.Pathways
	if len(pws) == 0 {
		pws = g.Pathways
	}
	if r.cond == nil {
		return pws
	}
	l := &linter{g: g, src: lang.NewLineIndex(g.Files)}
	var can []*Pathway
	for _, pw := range pws {
		if v, rs := l.boolOf(r.cond, pw); v == triFalse && len(rs) > 0 {
			continue
		}
		can = append(can, pw)
	}
	return can
}

type linter struct {
	g     *Guide
	src   *lang.LineIndex
	diags lang.Diagnostics
}

func (l *linter) warn(p lang.Pos, width int, detail, summary string) {
	l.diags = append(l.diags, &lang.Diagnostic{Severity: lang.Warning, Summary: summary, Detail: detail, Pos: p, Width: max(width, 1)})
}

// tokenWidth is the length of the word (letters, digits, _) written at p,
// or 1.
func (l *linter) tokenWidth(p lang.Pos) int {
	line, ok := l.src.Line(p.File, p.Line)
	if !ok {
		return 1
	}
	runes := []rune(line)
	n := 0
	for i := p.Column - 1; i >= 0 && i < len(runes); i++ {
		r := runes[i]
		if r != '_' && !(r >= '0' && r <= '9') && !(r >= 'a' && r <= 'z') && !(r >= 'A' && r <= 'Z') {
			break
		}
		n++
	}
	return max(n, 1)
}

// --- conditions the tables decide ----------------------------------------

// tri is a condition's value for every episode coded as the tables say:
// false, true, or depending on the episode.
type tri int

const (
	triUnknown tri = iota
	triFalse
	triTrue
)

// reason is a code set of a condition that is empty in a pathway coded as
// its tables say, with where it is written.
type reason struct {
	pos   lang.Pos
	width int
	text  string
}

// value is a number or date of a condition for every correctly coded
// episode: unknown, absent (first() of an empty set), or the constant n.
type value struct {
	kind    int // valUnknown, valAbsent, valConst
	n       int
	reasons []reason
}

const (
	valUnknown = iota
	valAbsent
	valConst
)

// impossibleConditions reports rules whose condition cannot hold, or
// must hold, in a pathway they apply to, and lead times whose condition
// cannot hold in their pathway, when the pathway's tables decide it: the
// condition needs a code the table leaves empty there (a rule requiring
// VF422 where the table of 22 is empty for NET). An episode that has such
// a code breaks kod_ej_tillaten; the lint asks about the episodes that
// follow the tables.
func (l *linter) impossibleConditions() {
	for _, r := range l.g.Rules {
		if r.cond == nil {
			continue
		}
		general := len(r.Pathways) == 0
		pws := r.Pathways
		if general {
			pws = l.g.Pathways
		}
		var never []reason // for a general rule: the first pathway's reason
		neverAll := general && len(pws) > 0
		for _, pw := range pws {
			v, rs := l.boolOf(r.cond, pw)
			switch {
			case len(rs) == 0 || v == triUnknown:
				neverAll = false
			case v == triTrue:
				neverAll = false
				l.warn(rs[0].pos, rs[0].width, msg.LintRuleAlwaysFiresDetail, fmt.Sprintf(msg.LintRuleAlwaysFires, r.ID, pw.Name, pw.Key, rs[0].text))
			case general:
				if never == nil {
					never = rs
				}
			default:
				l.warn(rs[0].pos, rs[0].width, msg.LintRuleNeverFiresDetail, fmt.Sprintf(msg.LintRuleNeverFires, r.ID, pw.Name, pw.Key, rs[0].text))
			}
		}
		if neverAll && never != nil {
			l.warn(never[0].pos, never[0].width, msg.LintRuleNeverFiresDetail, fmt.Sprintf(msg.LintRuleNeverFiresAnywhere, r.ID, never[0].text))
		}
	}
	for _, lts := range [][]*LeadTime{l.g.LeadTimes, l.g.LocalLeadTimes} {
		for _, lt := range lts {
			if lt.cond == nil || lt.Pathway == nil {
				continue
			}
			if v, rs := l.boolOf(lt.cond, lt.Pathway); v == triFalse && len(rs) > 0 {
				l.warn(rs[0].pos, rs[0].width, msg.LintLeadTimeNeverAppliesDetail,
					fmt.Sprintf(msg.LintLeadTimeNeverApplies, lt.ID, lt.Pathway.Name, lt.Pathway.Key, rs[0].text))
			}
		}
	}
}

// boolOf evaluates a condition for pathway pw as far as the tables decide
// it, with the empty code sets that decided it.
func (l *linter) boolOf(t *typed, pw *Pathway) (tri, []reason) {
	switch t.op {
	case "lit":
		if t.num == 1 {
			return triTrue, nil
		}
		return triFalse, nil
	case "not":
		v, rs := l.boolOf(t.args[0], pw)
		switch v {
		case triTrue:
			return triFalse, rs
		case triFalse:
			return triTrue, rs
		}
		return triUnknown, nil
	case "and", "or":
		// and is false as soon as one side is; or is true as soon as one
		// side is. The deciding side's reasons are the reasons.
		decisive, other := triFalse, triTrue
		if t.op == "or" {
			decisive, other = triTrue, triFalse
		}
		all := true
		var rs []reason
		for _, a := range t.args {
			v, ars := l.boolOf(a, pw)
			if v == decisive {
				return decisive, ars
			}
			if v != other {
				all = false
			}
			rs = append(rs, ars...)
		}
		if all {
			return other, rs
		}
		return triUnknown, nil
	case "cmp":
		return l.cmpOf(t, pw)
	case "in":
		if v := l.valueOf(t.args[0], pw); v.kind == valAbsent {
			return triFalse, v.reasons
		}
	case "call":
		switch t.fn {
		case "has":
			if rs, empty := l.allEmpty(t.args, pw); empty {
				return triFalse, rs
			}
		case "known":
			if v := l.valueOf(t.args[0], pw); v.kind == valAbsent {
				return triFalse, v.reasons
			}
		}
	}
	return triUnknown, nil
}

// cmpOf evaluates a comparison: false when a side is absent (as the
// evaluator does), decided when both sides are constants.
func (l *linter) cmpOf(t *typed, pw *Pathway) (tri, []reason) {
	a, b := t.args[0], t.args[1]
	if a.typ == tBool {
		va, ra := l.boolOf(a, pw)
		vb, rb := l.boolOf(b, pw)
		if va == triUnknown || vb == triUnknown || len(ra)+len(rb) == 0 {
			return triUnknown, nil
		}
		if (va == vb) == (t.cmp == "==") {
			return triTrue, append(ra, rb...)
		}
		return triFalse, append(ra, rb...)
	}
	va, vb := l.valueOf(a, pw), l.valueOf(b, pw)
	switch {
	case va.kind == valAbsent:
		return triFalse, va.reasons
	case vb.kind == valAbsent:
		return triFalse, vb.reasons
	case va.kind == valConst && vb.kind == valConst && len(va.reasons)+len(vb.reasons) > 0:
		rs := append(append([]reason(nil), va.reasons...), vb.reasons...)
		if compare(cmpOp(t.cmp), va.n, vb.n) {
			return triTrue, rs
		}
		return triFalse, rs
	}
	return triUnknown, nil
}

// valueOf evaluates a number or date as far as the tables decide it.
func (l *linter) valueOf(t *typed, pw *Pathway) value {
	switch t.op {
	case "lit":
		switch t.typ {
		case tNumber:
			return value{kind: valConst, n: t.num}
		case tDate:
			return value{kind: valConst, n: int(t.day)}
		}
	case "call":
		switch t.fn {
		case "count", "prefixes":
			if rs, empty := l.allEmpty(t.args, pw); empty {
				return value{kind: valConst, n: 0, reasons: rs}
			}
		case "first", "last":
			if rs, empty := l.allEmpty(t.args, pw); empty {
				return value{kind: valAbsent, reasons: rs}
			}
		case "days":
			for _, a := range t.args {
				if v := l.valueOf(a, pw); v.kind == valAbsent {
					return v
				}
			}
		}
	}
	return value{}
}

// allEmpty reports whether every code set of args is empty in pw for an
// episode coded as the tables say, with the reasons.
func (l *linter) allEmpty(args []*typed, pw *Pathway) ([]reason, bool) {
	var rs []reason
	for _, a := range args {
		r, empty := l.emptySet(a, pw)
		if !empty {
			return nil, false
		}
		rs = append(rs, r)
	}
	return rs, len(rs) > 0
}

// emptySet reports whether the code set t holds no code an episode of pw
// coded as the tables say can have.
func (l *linter) emptySet(t *typed, pw *Pathway) (reason, bool) {
	switch t.op {
	case "code":
		written := ""
		switch {
		case t.pre == "":
			written = pw.Prefixes[0] + t.code.Suffix
		case l.g.byPrefix[t.pre] == pw:
			written = t.pre + t.code.Suffix
		default: // another pathway's code: not the table's business
			return reason{}, false
		}
		if ok, _ := l.g.Allowed(pw, t.code); ok {
			return reason{}, false
		}
		return reason{pos: t.pos, width: l.tokenWidth(t.pos), text: fmt.Sprintf(msg.LintReasonCode, written, t.code.Suffix)}, true
	case "set":
		// The other named sets (codes, unknown, disallowed, foreign) are
		// about episodes that do not follow the tables, which is what
		// their rules find.
		if _, known := InKindSet(t.name, KindStart); !known {
			return reason{}, false
		}
		for _, c := range l.g.Codes {
			if ok, _ := l.g.Allowed(pw, c); ok && inKindSet(t.name, c.Kind) {
				return reason{}, false
			}
		}
		return reason{pos: t.pos, width: l.tokenWidth(t.pos), text: fmt.Sprintf(msg.LintReasonSet, t.name)}, true
	case "qual":
		for _, c := range l.g.Codes {
			if ok, q := l.g.Allowed(pw, c); ok && q == t.qual {
				return reason{}, false
			}
		}
		return reason{pos: t.pos, width: l.tokenWidth(t.pos), text: fmt.Sprintf(msg.LintReasonQualifier, t.qual.Name)}, true
	}
	return reason{}, false
}

// --- tests ------------------------------------------------------------------

// untestedRules reports rules without a test that shows them firing
// (`expect findings` naming the rule) or one that shows them quiet (an
// episode of a pathway the rule applies to whose expected findings leave
// the rule out): a rule whose condition was never run on an example may
// fire on every episode, or on none.
func (l *linter) untestedRules() {
	fires := map[string]bool{}
	quiet := map[*Rule]bool{}
	for _, t := range l.g.Tests {
		var findings *Expectation
		for i := range t.Expect {
			if t.Expect[i].Kind == ExpectFindings {
				findings = &t.Expect[i]
			}
		}
		if findings == nil {
			continue // the test does not say which rules fire
		}
		named := map[string]bool{}
		for _, id := range findings.IDs {
			named[id] = true
			fires[id] = true
		}
		pws := l.testPathways(t)
		for _, r := range l.g.Rules {
			if named[r.ID] || quiet[r] {
				continue
			}
			for _, pw := range pws {
				if r.AppliesTo(pw) {
					quiet[r] = true
					break
				}
			}
		}
	}
	for _, r := range l.g.Rules {
		w := len(r.ID)
		switch {
		case !fires[r.ID] && !quiet[r]:
			l.warn(r.Pos, w, fmt.Sprintf(msg.LintRuleUntestedDetail, r.ID), fmt.Sprintf(msg.LintRuleUntested, r.ID))
		case !fires[r.ID]:
			l.warn(r.Pos, w, fmt.Sprintf(msg.LintRuleNoFiringTestDetail, r.ID), fmt.Sprintf(msg.LintRuleNoFiringTest, r.ID))
		case !quiet[r]:
			l.warn(r.Pos, w, msg.LintRuleNoQuietTestDetail, fmt.Sprintf(msg.LintRuleNoQuietTest, r.ID))
		}
	}
}

// testPathways are the pathways whose prefixes the test's codes have.
func (l *linter) testPathways(t *Test) []*Pathway {
	var out []*Pathway
	seen := map[*Pathway]bool{}
	for _, e := range t.Events {
		if len(e.Code) < 3 {
			continue
		}
		if pw := l.g.byPrefix[e.Code[:len(e.Code)-2]]; pw != nil && !seen[pw] {
			seen[pw] = true
			out = append(out, pw)
		}
	}
	return out
}

// --- the header ---------------------------------------------------------------

// sourceVersion finds "version 10.6" in a source text.
var sourceVersion = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bversion\s+(\d+(?:\.\d+)+)`) }}

// header reports a header whose version is not its folder's name, and a
// source that names another version than the header's, unless it says
// the version was reconstructed from it: both are what a folder copied
// for a new version keeps when the header is not updated.
func (l *linter) header(folder string) {
	g := l.g
	if folder != "" && isVersion(folder) && folder != g.Version {
		l.warn(g.VersionPos, len(g.Version)+2, fmt.Sprintf(msg.LintVersionFolderDetail, folder), fmt.Sprintf(msg.LintVersionFolder, g.Version, folder))
	}
	for i, s := range g.Sources {
		if strings.Contains(strings.ToLower(s), "rekonstruerad") {
			continue
		}
		m := sourceVersion.Get().FindStringSubmatch(s)
		if m == nil || m[1] == g.Version || i >= len(g.SourcePos) {
			continue
		}
		p := g.SourcePos[i]
		if line, ok := l.src.Line(p.File, p.Line); ok {
			runes := []rune(line)
			from := min(max(p.Column-1, 0), len(runes))
			if k := strings.Index(string(runes[from:]), m[1]); k >= 0 {
				p.Column = from + len([]rune(string(runes[from:])[:k])) + 1
			}
		}
		l.warn(p, len([]rune(m[1])), msg.LintSourceVersionDetail, fmt.Sprintf(msg.LintSourceVersion, m[1], g.Version))
	}
}

// --- notes ------------------------------------------------------------------

// notesOnEmptyCells reports a note attached to a pathway whose cell in
// the code's table is empty: the note is under the wrong code or pathway,
// or the cell lost its x. The guide itself explains some empty cells in a
// note (brain tumours under VXX50: "därför saknas kod VL250"); such a
// note names the code it explains, and is not reported.
func (l *linter) notesOnEmptyCells() {
	for _, c := range l.g.Codes {
		if !c.Table {
			continue
		}
		for _, n := range c.Notes {
			for i, pw := range n.Pathways {
				if ok, _ := l.g.Allowed(pw, c); ok || namesCode(n.Text, pw, c) {
					continue
				}
				p := n.Pos
				if i < len(n.PathwayPos) {
					p = n.PathwayPos[i]
				}
				l.warn(p, len(pw.Key), fmt.Sprintf(msg.LintNoteEmptyCellDetail, c.Cells[pw.Index].Pos, pw.Prefixes[0]+c.Suffix),
					fmt.Sprintf(msg.LintNoteEmptyCell, "VXX"+c.Suffix, pw.Name, pw.Key))
			}
		}
	}
}

// namesCode reports whether text names code c with one of pw's prefixes.
func namesCode(text string, pw *Pathway, c *Code) bool {
	for _, pre := range pw.Prefixes {
		if strings.Contains(text, pre+c.Suffix) {
			return true
		}
	}
	return false
}
