package compiler

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// checker collects diagnostics while it builds the model.
type checker struct {
	g     *Guide
	src   *lang.LineIndex
	diags lang.Diagnostics
}

func pos(p lexer.Position) lang.Pos {
	return lang.Pos{File: p.Filename, Line: p.Line, Column: p.Column}
}

// errorf reports an error at p, underlining width characters.
func (c *checker) errorf(p lang.Pos, width int, detail, format string, args ...any) {
	c.diags = append(c.diags, &lang.Diagnostic{
		Severity: lang.Error, Summary: fmt.Sprintf(format, args...), Detail: detail, Pos: p, Width: width,
	})
}

// at finds the nth (from 0) occurrence of word as a whole token on the
// line of p, at or after p's column, so a diagnostic can point at the value
// rather than at the keyword that introduces it. It falls back to p.
func (c *checker) at(p lang.Pos, word string, nth int) lang.Pos {
	line, ok := c.src.Line(p.File, p.Line)
	if !ok {
		return p
	}
	runes := []rune(line)
	w := []rune(word)
	isWord := func(r rune) bool {
		return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	for i := max(p.Column-1, 0); i+len(w) <= len(runes); i++ {
		if string(runes[i:i+len(w)]) != word {
			continue
		}
		if i > 0 && isWord(runes[i-1]) || i+len(w) < len(runes) && isWord(runes[i+len(w)]) {
			continue
		}
		if nth == 0 {
			return lang.Pos{File: p.File, Line: p.Line, Column: i + 1}
		}
		nth--
	}
	return p
}

// find returns the position of the first occurrence of text on the line
// of p at or after p's column, or p when there is none.
func (c *checker) find(p lang.Pos, text string) lang.Pos {
	line, ok := c.src.Line(p.File, p.Line)
	if !ok {
		return p
	}
	runes := []rune(line)
	from := min(max(p.Column-1, 0), len(runes))
	if i := strings.Index(string(runes[from:]), text); i >= 0 {
		return lang.Pos{File: p.File, Line: p.Line, Column: from + utf8.RuneCountInString(string(runes[from:])[:i]) + 1}
	}
	return p
}

func width(s string) int { return utf8.RuneCountInString(s) }

// once reports a property given a second time in one block: the second
// would silently win, which hides a slip.
type once struct {
	c    *checker
	seen map[string]lang.Pos
}

func (c *checker) once() *once { return &once{c: c, seen: map[string]lang.Pos{}} }

// first reports whether this is the first `name` property in the block.
func (o *once) first(name string, p lang.Pos) bool {
	if prev, dup := o.seen[name]; dup {
		o.c.errorf(p, width(name), fmt.Sprintf(msg.PropertyTwiceDetail, prev.Line), msg.PropertyTwice, name)
		return false
	}
	o.seen[name] = p
	return true
}

func validDate(s string) bool {
	if !isDateShape(s) {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// Check resolves names across the files of one guide version and checks
// them. It reports every problem it finds; the model is usable only when
// the diagnostics hold no error.
func Check(files []*lang.File, src lang.Sources) (*Guide, lang.Diagnostics) {
	c := &checker{
		g: &Guide{
			Files:      src,
			qualifiers: map[string]*Qualifier{},
			pathways:   map[string]*Pathway{},
			byPrefix:   map[string]*Pathway{},
			codes:      map[int]*Code{},
			rules:      map[string]*Rule{},
			leadTimes:  map[string]*LeadTime{},
		},
		src: lang.NewLineIndex(src),
	}
	// Declarations refer to each other in any order and across files, so
	// collect the names first (headers, qualifiers, pathways), then the
	// things that use them.
	var guides []*lang.Guide
	for _, f := range files {
		for _, d := range f.Decls {
			switch {
			case d.Guide != nil:
				guides = append(guides, d.Guide)
			case d.Qualifier != nil:
				c.qualifier(d.Qualifier)
			case d.Pathway != nil:
				c.pathway(d.Pathway)
			}
		}
	}
	c.header(guides, files)
	for _, f := range files {
		for _, d := range f.Decls {
			if d.Code != nil {
				c.code(d.Code)
			}
		}
	}
	var sections []*lang.Section
	for _, f := range files {
		for _, d := range f.Decls {
			if d.Section != nil {
				sections = append(sections, d.Section)
			}
		}
	}
	c.sections(sections)
	for _, f := range files {
		for _, d := range f.Decls {
			switch {
			case d.Rule != nil:
				c.rule(d.Rule)
			case d.LeadTime != nil:
				c.leadTime(d.LeadTime)
			}
		}
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if d.Test != nil {
				c.test(d.Test)
			}
		}
	}
	c.diags.Sort()
	return c.g, c.diags
}

func (c *checker) header(guides []*lang.Guide, files []*lang.File) {
	if len(guides) == 0 {
		p := lang.Pos{}
		if len(files) > 0 {
			p.File = files[0].Name
			p.Line, p.Column = 1, 1
		}
		c.errorf(p, 1, msg.HeaderMissingDetail, msg.HeaderMissing)
		return
	}
	for _, extra := range guides[1:] {
		c.errorf(pos(extra.Pos), 5, fmt.Sprintf(msg.HeaderTwiceDetail, pos(guides[0].Pos)), msg.HeaderTwice)
	}
	h := guides[0]
	g := c.g
	g.Pos = pos(h.Pos)
	g.Version = (&lang.Text{String: &h.Version}).Value()
	g.VersionPos = c.at(g.Pos, h.Version, 0)
	if !isVersion(g.Version) {
		c.errorf(c.at(g.Pos, h.Version, 0), width(h.Version), msg.HeaderBadVersionDetail, msg.HeaderBadVersion, h.Version)
	}
	seen := c.once()
	for _, p := range h.Props {
		pp := pos(p.Pos)
		switch {
		case p.Date != nil && !seen.first("date", pp), p.Title != nil && !seen.first("title", pp):
		case p.Date != nil:
			if !validDate(*p.Date) {
				c.errorf(c.at(pp, *p.Date, 0), width(*p.Date), msg.NotADateDetail, msg.NotADate, *p.Date)
			}
			g.Date = *p.Date
		case p.Title != nil:
			g.Title = p.Title.Value()
		case p.Source != nil:
			g.Sources = append(g.Sources, p.Source.Value())
			g.SourcePos = append(g.SourcePos, pos(p.Source.Pos))
		case p.Note != nil:
			g.Notes = append(g.Notes, p.Note.Value())
		case p.ChangeLog != nil:
			c.changeLog(pp, p.ChangeLog)
		}
	}
	g.Places = seen.seen
	if g.Date == "" {
		c.errorf(g.Pos, 5, msg.HeaderNoDateDetail, msg.HeaderNoDate)
	}
	if g.Title == "" {
		c.errorf(g.Pos, 5, msg.HeaderNoTitleDetail, msg.HeaderNoTitle)
	}
}

func (c *checker) qualifier(q *lang.Qualifier) {
	p := c.at(pos(q.Pos), q.Name, 0)
	if old, dup := c.g.qualifiers[q.Name]; dup {
		c.errorf(p, width(q.Name), fmt.Sprintf(msg.FirstAt, old.Pos), msg.QualifierTwice, q.Name)
		return
	}
	nq := &Qualifier{Name: q.Name, Legend: q.Legend.Value(), Pos: p}
	c.g.qualifiers[q.Name] = nq
	c.g.Qualifiers = append(c.g.Qualifiers, nq)
}

func (c *checker) pathway(d *lang.Pathway) {
	p := c.at(pos(d.Pos), d.Key, 0)
	if old, dup := c.g.pathways[d.Key]; dup {
		c.errorf(p, width(d.Key), fmt.Sprintf(msg.PathwayTwiceDetail, old.Pos), msg.PathwayTwice, d.Key)
		return
	}
	if !isIdentKey(d.Key) {
		c.errorf(p, width(d.Key), msg.PathwayKeyCaseDetail, msg.PathwayKeyCase, d.Key)
	}
	pw := &Pathway{Index: len(c.g.Pathways), Key: d.Key, Name: d.Name.Value(), Pos: p}
	for _, prop := range d.Props {
		pp := pos(prop.Pos)
		for _, pre := range prop.Prefixes {
			if other, dup := c.g.byPrefix[pre]; dup {
				c.errorf(c.at(pp, pre, 0), 3, msg.PrefixTakenDetail, msg.PrefixTaken, pre, other.Key, other.Pos)
				continue
			}
			c.g.byPrefix[pre] = pw
			pw.Prefixes = append(pw.Prefixes, pre)
		}
		for _, t := range prop.ICD10 {
			v := t.Value()
			if !isICD10(v) {
				c.errorf(pos(t.Pos), width(v)+2, msg.NotICD10Detail, msg.NotICD10, v)
			}
			pw.ICD10 = append(pw.ICD10, v)
		}
	}
	if len(pw.Prefixes) == 0 {
		c.errorf(p, width(d.Key), msg.PathwayNoPrefixDetail, msg.PathwayNoPrefix, d.Key)
	}
	if len(pw.Prefixes) > 2 {
		c.errorf(p, width(d.Key), msg.PathwayTooManyPrefixesDetail, msg.PathwayTooManyPrefixes, d.Key, len(pw.Prefixes))
	}
	c.g.pathways[d.Key] = pw
	c.g.Pathways = append(c.g.Pathways, pw)
}

func (c *checker) pathwayKeys() []string {
	keys := make([]string, len(c.g.Pathways))
	for i, p := range c.g.Pathways {
		keys[i] = p.Key
	}
	return keys
}

// lookupPathway resolves a pathway key used at p, reporting it when unknown.
func (c *checker) lookupPathway(key string, p lang.Pos) *Pathway {
	if pw := c.g.pathways[key]; pw != nil {
		return pw
	}
	c.errorf(p, width(key), orElse(lang.DidYouMean(key, c.pathwayKeys()), msg.UndeclaredPathwayDetail), msg.UndeclaredPathway, key)
	return nil
}

func (c *checker) code(d *lang.Code) {
	p := c.at(pos(d.Pos), d.Suffix, 0)
	if !isSuffix(d.Suffix) {
		c.errorf(p, width(d.Suffix), msg.CodeNotTwoDigitsDetail, msg.CodeNotTwoDigits, d.Suffix)
		return
	}
	n, _ := strconv.Atoi(d.Suffix)
	if old, dup := c.g.codes[n]; dup {
		c.errorf(p, 2, fmt.Sprintf(msg.CodeTwiceDetail, old.Pos), msg.CodeTwice, d.Suffix)
		return
	}
	code := &Code{Suffix: d.Suffix, Num: n, Name: d.Name.Value(), Pos: p}
	var kindSeen, scopeSeen bool
	var table *lang.Table
	seen := c.once()
	for _, prop := range d.Props {
		pp := pos(prop.Pos)
		switch {
		case prop.Kind != nil && !seen.first("kind", pp), prop.Scope != nil && !seen.first("scope", pp),
			prop.Description != nil && !seen.first("description", pp):
		case prop.Kind != nil:
			kindSeen = true
			k := indexOf(KindNames, *prop.Kind)
			if k < 0 {
				c.errorf(c.at(pp, *prop.Kind, 0), width(*prop.Kind), hint(*prop.Kind, KindNames), msg.UnknownKind, *prop.Kind)
				continue
			}
			code.Kind = Kind(k)
		case prop.Scope != nil:
			scopeSeen = true
			switch *prop.Scope {
			case "table":
				code.Table = true
			case "every":
			default:
				c.errorf(c.at(pp, *prop.Scope, 0), width(*prop.Scope), hint(*prop.Scope, []string{"table", "every"}), msg.UnknownScope, *prop.Scope)
			}
		case prop.Description != nil:
			code.Description = prop.Description.Value()
		case prop.LocalName != nil:
			c.localName(code, prop.LocalName)
		case prop.Table != nil:
			if table != nil {
				c.errorf(pos(prop.Table.Pos), 5, fmt.Sprintf(msg.CodeTwoTablesDetail, pos(table.Pos)), msg.CodeTwoTables, d.Suffix)
				continue
			}
			table = prop.Table
		case prop.Note != nil:
			c.note(code, prop.Note, table == nil)
		}
	}
	code.Places = seen.seen
	if !kindSeen {
		c.errorf(p, 2, fmt.Sprintf(msg.CodeNoKindDetail, quoteAll(KindNames)), msg.CodeNoKind, d.Suffix)
	}
	switch {
	case !scopeSeen:
		c.errorf(p, 2, msg.CodeNoScopeDetail, msg.CodeNoScope, d.Suffix)
	case code.Table && table == nil:
		c.errorf(p, 2, msg.CodeNoTableDetail, msg.CodeNoTable, d.Suffix)
	case !code.Table && table != nil:
		c.errorf(pos(table.Pos), 5, msg.CodeTableNotUsedDetail, msg.CodeTableNotUsed, d.Suffix)
	}
	if code.Table && table != nil {
		c.table(code, table)
	}
	if table == nil {
		// Without a table there is nothing for a note to stand before.
		for _, n := range code.Notes {
			n.BeforeTable = false
		}
	}
	c.g.codes[n] = code
	c.g.Codes = append(c.g.Codes, code)
}

func (c *checker) localName(code *Code, ln *lang.LocalName) {
	p := c.at(pos(ln.Pos), ln.Code, 0)
	if strings.HasPrefix(ln.Code, "XX") || strings.HasPrefix(ln.Code, "VXX") {
		c.errorf(p, width(ln.Code), fmt.Sprintf(msg.LocalNameGenericDetail, code.Suffix), msg.LocalNameGeneric, ln.Code)
		return
	}
	pre, suf := ln.Code[:3], ln.Code[3:]
	if suf != code.Suffix {
		c.errorf(p, 5, fmt.Sprintf(msg.LocalNameOtherCodeDetail, code.Suffix, code.Suffix), msg.LocalNameOtherCode, ln.Code, code.Suffix)
		return
	}
	if c.g.byPrefix[pre] == nil {
		c.errorf(p, 5, orElse(c.codeWithPrefix(pre, suf), msg.NoSuchPrefixDetail), msg.NoSuchPrefix, pre)
		return
	}
	code.LocalNames = append(code.LocalNames, LocalName{Code: ln.Code, Name: ln.Name.Value(), Pos: p})
}

// codeWithPrefix is the did-you-mean for a code whose prefix no pathway
// has: the whole code with the closest prefix, since the diagnostic marks
// the whole code and the language server's fix replaces what it marks.
func (c *checker) codeWithPrefix(pre, suffix string) string {
	if s := lang.Suggest(pre, c.prefixes()); s != "" && s != pre {
		return fmt.Sprintf(msg.DidYouMean, s+suffix)
	}
	return ""
}

func (c *checker) prefixes() []string {
	var ps []string
	for _, p := range c.g.Pathways {
		ps = append(ps, p.Prefixes...)
	}
	return ps
}

func (c *checker) table(code *Code, t *lang.Table) {
	code.Cells = make([]Cell, len(c.g.Pathways))
	seen := make([]lang.Pos, len(c.g.Pathways))
	unknownRows := 0
	for _, row := range t.Rows {
		rp := pos(row.Pos)
		pw := c.lookupPathway(row.Pathway, rp)
		if pw == nil {
			unknownRows++
			continue
		}
		if seen[pw.Index].Line != 0 {
			c.errorf(rp, width(row.Pathway), fmt.Sprintf(msg.TableRowTwiceDetail, seen[pw.Index].Line), msg.TableRowTwice, row.Pathway, code.Suffix)
			continue
		}
		seen[pw.Index] = rp
		cell := Cell{Allowed: row.Mark == "x", Pos: rp}
		if row.Qualifier != nil {
			q := c.g.qualifiers[*row.Qualifier]
			if q == nil {
				var names []string
				for _, q := range c.g.Qualifiers {
					names = append(names, q.Name)
				}
				detail := lang.DidYouMean(*row.Qualifier, names)
				if detail == "" {
					detail = fmt.Sprintf(msg.UndefinedQualifierDetail, *row.Qualifier, quoteAll(names))
				}
				c.errorf(c.at(rp, *row.Qualifier, 0), width(*row.Qualifier), detail, msg.UndefinedQualifier, *row.Qualifier)
			} else if !cell.Allowed {
				c.errorf(c.at(rp, *row.Qualifier, 0), width(*row.Qualifier), msg.QualifierUnmarkedDetail, msg.QualifierUnmarked)
			}
			cell.Qualifier = q
		}
		code.Cells[pw.Index] = cell
	}
	var missing []string
	for i, p := range c.g.Pathways {
		if seen[i].Line == 0 {
			missing = append(missing, p.Key)
		}
	}
	// A misspelt key is already reported as unknown; reporting the pathway
	// it was meant to be as missing would say the same thing twice.
	if len(missing) > unknownRows {
		c.errorf(pos(t.Pos), 5, fmt.Sprintf(msg.TableMissesPathwaysDetail, strings.Join(missing, ", ")),
			msg.TableMissesPathways, code.Suffix, len(missing))
	}
}

func (c *checker) note(code *Code, n *lang.Note, beforeTable bool) {
	np := pos(n.Pos)
	note := &Note{Code: code, Heading: n.Heading.Value(), Text: n.Text.Value(), BeforeTable: beforeTable, Pos: np}
	for i, key := range n.Pathways {
		kp := c.at(np, key, countBefore(n.Pathways, i))
		if pw := c.lookupPathway(key, kp); pw != nil {
			note.Pathways = append(note.Pathways, pw)
			note.PathwayPos = append(note.PathwayPos, kp)
		}
	}
	code.Notes = append(code.Notes, note)
}

// countBefore counts earlier occurrences of list[i] in list, so that the
// right occurrence on the line is underlined.
func countBefore(list []string, i int) int {
	n := 0
	for _, s := range list[:i] {
		if s == list[i] {
			n++
		}
	}
	return n
}

func (c *checker) rule(d *lang.Rule) {
	p := c.at(pos(d.Pos), d.ID, 0)
	if old, dup := c.g.rules[d.ID]; dup {
		c.errorf(p, width(d.ID), fmt.Sprintf(msg.RuleTwiceDetail, old.Pos), msg.RuleTwice, d.ID)
		return
	}
	r := &Rule{ID: d.ID, Name: d.Name.Value(), Pos: p}
	sevSeen := false
	seen := c.once()
	for _, prop := range d.Props {
		pp := pos(prop.Pos)
		switch {
		case prop.Severity != nil && !seen.first("severity", pp), prop.Message != nil && !seen.first("message", pp),
			prop.Ref != nil && !seen.first("ref", pp), prop.When != nil && !seen.first("when", pp),
			prop.Pathways != nil && !seen.first("pathway", pp):
		case prop.Severity != nil:
			sevSeen = true
			s := indexOf(SeverityNames, *prop.Severity)
			if s < 0 {
				c.errorf(c.at(pp, *prop.Severity, 0), width(*prop.Severity), hint(*prop.Severity, SeverityNames), msg.UnknownSeverity, *prop.Severity)
				continue
			}
			r.Severity = Severity(s)
		case prop.Pathways != nil:
			for i, key := range prop.Pathways {
				if pw := c.lookupPathway(key, c.at(pp, key, countBefore(prop.Pathways, i))); pw != nil {
					r.Pathways = append(r.Pathways, pw)
				}
			}
		case prop.Message != nil:
			r.Message = prop.Message.Value()
		case prop.Ref != nil:
			r.Ref = prop.Ref.Value()
		case prop.When != nil:
			r.When = prop.When
		}
	}
	r.Places = seen.seen
	if !sevSeen {
		c.errorf(p, width(d.ID), msg.RuleNoSeverityDetail, msg.RuleNoSeverity, d.ID)
	}
	if r.Message == "" {
		c.errorf(p, width(d.ID), msg.RuleNoMessageDetail, msg.RuleNoMessage, d.ID)
	}
	if r.When == nil {
		c.errorf(p, width(d.ID), msg.RuleNoConditionDetail, msg.RuleNoCondition, d.ID)
	} else {
		tc := &typeChecker{c: c, pathways: r.Pathways}
		r.cond = tc.expect(r.When, tBool, msg.WhatRuleCondition)
		r.Mentions = tc.mentions
	}
	c.g.sourceOfRule(r)
	c.g.rules[d.ID] = r
	c.g.Rules = append(c.g.Rules, r)
}

func (c *checker) leadTime(d *lang.LeadTime) {
	p := c.at(pos(d.Pos), d.ID, 0)
	if old, dup := c.g.leadTimes[d.ID]; dup {
		c.errorf(p, width(d.ID), fmt.Sprintf(msg.FirstAt, old.Pos), msg.LeadTimeTwice, d.ID)
		return
	}
	lt := &LeadTime{ID: d.ID, Pos: p}
	var targetSeen bool
	var fromPos lang.Pos
	var toPos []lang.Pos
	seen := c.once()
	for _, prop := range d.Props {
		pp := pos(prop.Pos)
		switch {
		case prop.Pathway != nil && !seen.first("pathway", pp), prop.Name != nil && !seen.first("name", pp),
			prop.From != nil && !seen.first("from", pp), prop.To != nil && !seen.first("to", pp),
			prop.When != nil && !seen.first("when", pp), prop.Target != nil && !seen.first("target", pp),
			prop.Ref != nil && !seen.first("ref", pp):
		case prop.Pathway != nil:
			lt.Pathway = c.lookupPathway(*prop.Pathway, c.at(pp, *prop.Pathway, 0))
		case prop.Name != nil:
			lt.Name = prop.Name.Value()
		case prop.Local:
			if !seen.first("local", pp) {
				continue
			}
			lt.Local = true
		case prop.From != nil:
			lt.From, fromPos = *prop.From, c.at(pp, *prop.From, 0)
			lt.FromOcc = occurrenceOf(prop.FromOcc)
		case prop.To != nil:
			lt.ToOcc = occurrenceOf(prop.ToOcc)
			for i, code := range prop.To {
				lt.To = append(lt.To, code)
				toPos = append(toPos, c.at(pp, code, countBefore(prop.To, i)))
			}
		case prop.When != nil:
			lt.When = prop.When
		case prop.Target != nil:
			targetSeen = true
			if prop.Target.Days != nil {
				lt.HasTarget = true
				lt.Target, _ = strconv.Atoi(*prop.Target.Days)
			}
		case prop.Ref != nil:
			lt.Ref = prop.Ref.Value()
			lt.Section, lt.Quotes = splitRef(lt.Ref)
		}
	}
	lt.Places = seen.seen
	if lt.Pathway == nil && !c.hasErrorOn(p.File, d.Pos.Line, d.EndPos.Line) {
		c.errorf(p, width(d.ID), msg.LeadTimeNoPathwayDetail, msg.LeadTimeNoPathway, d.ID)
	}
	if lt.Name == "" {
		c.errorf(p, width(d.ID), msg.LeadTimeNoNameDetail, msg.LeadTimeNoName, d.ID)
	}
	if !targetSeen {
		c.errorf(p, width(d.ID), msg.LeadTimeNoTargetDetail, msg.LeadTimeNoTarget, d.ID)
	}
	if lt.From == "" {
		c.errorf(p, width(d.ID), msg.LeadTimeNoFromDetail, msg.LeadTimeNoFrom, d.ID)
	} else if lt.Pathway != nil {
		c.leadTimeCode(lt, lt.From, fromPos, false)
	}
	if len(lt.To) == 0 {
		c.errorf(p, width(d.ID), msg.LeadTimeNoToDetail, msg.LeadTimeNoTo, d.ID)
	} else if lt.Pathway != nil {
		for i, code := range lt.To {
			c.leadTimeCode(lt, code, toPos[i], true)
		}
	}
	if !lt.Local && (lt.FromOcc != OccDefault || lt.ToOcc != OccDefault) {
		c.errorf(p, width(d.ID), msg.LeadTimeNationalOccurrenceDetail, msg.LeadTimeNationalOccurrence, d.ID)
	}
	if lt.When != nil {
		tc := &typeChecker{c: c, pathways: []*Pathway{lt.Pathway}}
		if lt.Pathway == nil {
			tc.pathways = []*Pathway{} // reported above; no second error
		}
		lt.cond = tc.expect(lt.When, tBool, msg.WhatLeadTimeCondition)
		lt.Mentions = tc.mentions
	}
	c.g.leadTimes[d.ID] = lt
	if lt.Local {
		c.g.LocalLeadTimes = append(c.g.LocalLeadTimes, lt)
	} else {
		c.g.LeadTimes = append(c.g.LeadTimes, lt)
	}
}

// occurrenceOf reads `first` or `last` before a lead time's codes.
func occurrenceOf(s *string) Occurrence {
	switch {
	case s == nil:
		return OccDefault
	case *s == "first":
		return OccFirst
	}
	return OccLast
}

// hasErrorOn reports whether an error was already reported inside the
// lines, so one slip does not produce a cascade.
func (c *checker) hasErrorOn(file string, from, to int) bool {
	for _, d := range c.diags {
		if d.Pos.File == file && d.Pos.Line >= from && d.Pos.Line <= to {
			return true
		}
	}
	return false
}

// leadTimeCode checks a lead time's from or to code: the guide has it, it
// belongs to the lead time's pathway, its table allows it there, and a to
// code closes the pathway.
func (c *checker) leadTimeCode(lt *LeadTime, written string, p lang.Pos, isTo bool) {
	code := c.resolveCode(written, p)
	if code == nil {
		return
	}
	pw := lt.Pathway
	if pre := written[:len(written)-2]; pre != "XX" && pre != "VXX" && c.g.byPrefix[pre] != pw {
		c.errorf(p, width(written), fmt.Sprintf(msg.CodeOfOtherPathwayDetail, pw.Prefixes[0], code.Suffix, code.Suffix), msg.CodeOfOtherPathway, written, pw.Key)
		return
	}
	if ok, _ := c.g.Allowed(pw, code); !ok {
		c.errorf(p, width(written), fmt.Sprintf(msg.CodeNotAllowedDetail, code.Suffix, pw.Key), msg.CodeNotAllowed, code.Suffix, code.Name, pw.Key)
		return
	}
	occ := lt.FromOcc
	if isTo {
		occ = lt.ToOcc
	}
	switch {
	case lt.Local && occ == OccDefault && isTo && !code.Kind.Closing():
		c.errorf(p, width(written), fmt.Sprintf(msg.LocalToNotClosingDetail, written, written), msg.LocalToNotClosing, code.Suffix, code.Name)
	case lt.Local && occ == OccDefault && !isTo && code.Kind != KindStart:
		c.errorf(p, width(written), fmt.Sprintf(msg.LocalFromNotStartDetail, written, written), msg.LocalFromNotStart, code.Suffix, code.Name)
	case lt.Local:
	case isTo && !code.Kind.Closing():
		c.errorf(p, width(written), msg.NationalToNotClosingDetail, msg.NationalToNotClosing, code.Suffix, code.Name)
	case !isTo && code.Kind != KindStart:
		c.errorf(p, width(written), msg.NationalFromNotStartDetail, msg.NationalFromNotStart, code.Suffix, code.Name)
	}
}

// resolveCode resolves a code as written (XX44, VXX44 or VL244) to the
// guide's code for its suffix, reporting unknown suffixes and prefixes.
func (c *checker) resolveCode(written string, p lang.Pos) *Code {
	pre, suf := written[:len(written)-2], written[len(written)-2:]
	n, _ := strconv.Atoi(suf)
	if pre != "XX" && pre != "VXX" && c.g.byPrefix[pre] == nil {
		c.errorf(p, width(written), orElse(c.codeWithPrefix(pre, suf), msg.NoSuchPrefixDetail), msg.NoSuchPrefixIn, pre, written)
		return nil
	}
	code := c.g.codes[n]
	if code == nil {
		var known []string
		for _, k := range c.g.Codes {
			known = append(known, pre+k.Suffix)
		}
		sort.Strings(known)
		c.errorf(p, width(written), orElse(lang.DidYouMean(written, known), msg.NoSuchCodeDetail), msg.NoSuchCode, written)
		return nil
	}
	return code
}

// testAttrs are the attributes a test episode can have, made on first
// use.
var testAttrs = lazy.Value[map[string]bool]{New: func() map[string]bool {
	return map[string]bool{"age": true, "sex": true, "county": true, "region": true, "referring_region": true, "diagnosis": true, "intent": true}
}}

func (c *checker) test(d *lang.Test) {
	p := c.at(pos(d.Pos), d.ID, 0)
	for _, t := range c.g.Tests {
		if t.ID == d.ID {
			c.errorf(p, width(d.ID), fmt.Sprintf(msg.FirstAt, t.Pos), msg.TestTwice, d.ID)
			return
		}
	}
	t := &Test{ID: d.ID, Pos: p}
	expects := 0
	seen := c.once()
	for _, prop := range d.Props {
		pp := pos(prop.Pos)
		switch {
		case prop.Attr != nil:
			a := prop.Attr
			if !testAttrs.Get()[a.Name] {
				c.errorf(pp, width(a.Name), hint(a.Name, sortedKeys(testAttrs.Get())), msg.UnknownAttribute, a.Name)
				continue
			}
			ta := TestAttr{Name: a.Name}
			if a.Number != nil {
				ta.Value, ta.IsNum = *a.Number, true
				ta.Number, _ = strconv.Atoi(*a.Number)
			} else {
				ta.Value = (&lang.Text{String: a.String}).Value()
			}
			if (a.Name == "age") != ta.IsNum {
				if ta.IsNum {
					c.errorf(c.at(pp, ta.Value, 0), width(ta.Value), fmt.Sprintf(msg.AttrNotNumberDetail, a.Name, ta.Value), msg.AttrNotNumber, a.Name)
				} else {
					c.errorf(pp, width(a.Name), msg.AgeNotNumberDetail, msg.AgeNotNumber)
				}
				continue
			}
			t.Attrs = append(t.Attrs, ta)
		case prop.Event != nil:
			e := prop.Event
			if !validDate(e.Date) {
				c.errorf(c.at(pp, e.Date, 0), width(e.Date), msg.NotADateDetail, msg.NotADate, e.Date)
			}
			t.Events = append(t.Events, TestEvent{Code: e.Code, Date: e.Date, Pos: pp})
		case prop.Expect != nil:
			expects++
			if prop.Expect.Findings != nil || prop.Expect.NoFindings {
				if !seen.first("expect findings", pp) {
					continue
				}
			}
			if x, ok := c.expectation(prop.Expect, pp); ok {
				t.Expect = append(t.Expect, x)
			}
		}
	}
	if expects == 0 {
		c.errorf(p, width(d.ID), msg.TestExpectsNothingDetail, msg.TestExpectsNothing, d.ID)
	}
	c.g.Tests = append(c.g.Tests, t)
}

func (c *checker) expectation(e *lang.Expect, p lang.Pos) (Expectation, bool) {
	line, _ := c.src.Line(p.File, p.Line)
	x := Expectation{Pos: p, Line: strings.TrimSpace(line)}
	switch {
	case e.Findings != nil:
		x.Kind = ExpectFindings
		ok := true
		for i, id := range e.Findings {
			if c.g.rules[id] == nil && id == DuplicateRuleID {
				// Not a misspelling: svfrules' own notice, which a case is
				// not judged on (a doubled code counts once).
				c.errorf(c.at(p, id, countBefore(e.Findings, i)), width(id), msg.TestDuplicateRuleDetail, msg.TestDuplicateRule, id)
				ok = false
			} else if c.g.rules[id] == nil {
				c.errorf(c.at(p, id, countBefore(e.Findings, i)), width(id), orElse(hint(id, c.ruleIDs()), msg.UnknownRuleDetail), msg.UnknownRule, id)
				ok = false
			}
		}
		x.IDs = append([]string(nil), e.Findings...)
		sort.Strings(x.IDs)
		return x, ok
	case e.NoFindings:
		x.Kind = ExpectFindings
	case e.LeadTime != nil:
		x.Kind, x.ID = ExpectLeadTime, e.LeadTime.ID
		x.Days, _ = strconv.Atoi(e.LeadTime.Days)
		return x, c.knownLeadTime(x.ID, p)
	case e.NoLeadTime != nil:
		x.Kind, x.ID = ExpectNoLeadTime, *e.NoLeadTime
		return x, c.knownLeadTime(x.ID, p)
	case e.NoLeadTimes:
		x.Kind = ExpectNoLeadTimes
	case e.Reportable:
		x.Kind, x.Bool = ExpectReportable, true
	case e.Unreportable:
		x.Kind, x.Bool = ExpectReportable, false
	case e.ReportedAs != nil:
		x.Kind, x.ID = ExpectReportedAs, *e.ReportedAs
		if c.g.byPrefix[x.ID] == nil {
			c.errorf(c.at(p, x.ID, 0), 3, orElse(lang.DidYouMean(x.ID, c.prefixes()), msg.NoSuchPrefixDetail), msg.NoSuchPrefix, x.ID)
			return x, false
		}
	}
	return x, true
}

func (c *checker) knownLeadTime(id string, p lang.Pos) bool {
	if c.g.leadTimes[id] != nil {
		return true
	}
	var ids []string
	for _, lt := range c.g.LeadTimes {
		ids = append(ids, lt.ID)
	}
	c.errorf(c.at(p, id, 0), width(id), orElse(hint(id, ids), msg.UnknownLeadTimeDetail), msg.UnknownLeadTime, id)
	return false
}

func (c *checker) ruleIDs() []string {
	ids := make([]string, len(c.g.Rules))
	for i, r := range c.g.Rules {
		ids[i] = r.ID
	}
	return ids
}

// hint is a did-you-mean, or the list of valid words when nothing is close.
func hint(word string, valid []string) string {
	if dym := lang.DidYouMean(word, valid); dym != "" {
		return dym
	}
	if len(valid) > 12 || len(valid) == 0 {
		return ""
	}
	return fmt.Sprintf(msg.OneOf, quoteAll(valid))
}

// quoteAll lists words of the language for a detail: each in
// backquotes, as the rule files write them.
func quoteAll(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "`" + w + "`"
	}
	return strings.Join(q, ", ")
}

// orElse is hint when there is one, otherwise what to do in general.
func orElse(hint, general string) string {
	if hint != "" {
		return hint
	}
	return general
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
