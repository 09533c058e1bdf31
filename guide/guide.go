// Package guide renders the coding guide from a checked rule set: the
// title page, the version table, the guide's sections and chapters, every
// code with its description, table, legends and "Förtydliganden eller
// avvikelser", and the change log, in the guide's order and words. It
// reads only the compiler's model; it never evaluates episodes.
//
// Build turns the model into a Doc, a flat list of blocks in reading
// order; one file per format (text.go, markdown.go, html.go) writes it.
// The text format mirrors the plain-text guide the project transcribes,
// so that the round-trip test can compare the two.
package guide

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
)

// Formats are the output formats, in the order the help lists them.
var Formats = []string{"html", "markdown", "text"}

// BlockKind says what a block is.
type BlockKind int

// The kinds of blocks.
const (
	Title        BlockKind = iota // the guide's title (Text)
	Subtitle                      // a line under the title (Text)
	Chapter                       // a chapter or section heading (Text)
	CodeHeading                   // "VXX44 – Behandlingsbeslut efter utökad utredning" (Text)
	Heading                       // a heading within a code: "Förtydliganden eller avvikelser" (Text)
	DateHeading                   // a change-log entry's date (Text)
	NoteHeading                   // the heading of a pathway's note (Text)
	Paragraphs                    // text from the rule files: paragraphs split by blank lines, lists kept (Text)
	CodeTable                     // a code's table (Rows: mark, pathway name with qualifier)
	Legend                        // a qualifier's legend under a table: "kur: …" (Text)
	PrefixList                    // "Kodernas uppbyggnad": prefixes and names (Rows)
	VersionTable                  // the version table (Rows: date, description)
	LeadTimes                     // a pathway's lead times (Rows: name, from, to, target)
	Notice                        // svfrules' own remark, not the guide's words (Text)
)

// Block is one element of the rendered guide.
type Block struct {
	Kind BlockKind
	Text string
	Rows [][]string
}

// Doc is the guide as blocks in reading order.
type Doc struct {
	Title  string // for the HTML page's <title>
	Blocks []Block
}

// History is what the renderer knows of the versions up to the one it
// renders: their checked headers, oldest first, the rendered one last.
// OneFolder says the rules came from a folder on disk (--rules), so
// there is no history beyond the folder itself.
type History struct {
	Versions  []*compiler.Guide
	OneFolder bool
}

// Options choose what Build renders.
type Options struct {
	// Pathway, when not nil, makes the per-diagnosis guide: only that
	// pathway's rows, notes and lead times, with its prefixes in place of
	// XX.
	Pathway *compiler.Pathway
	History History
}

// builder collects the blocks.
type builder struct {
	g   *compiler.Guide
	p   *compiler.Pathway // nil for the joint guide
	out []Block
}

func (b *builder) add(k BlockKind, text string) { b.out = append(b.out, Block{Kind: k, Text: text}) }

func (b *builder) notice(text string) { b.add(Notice, msg.GuideNoticeLabel+" "+text) }

// Build renders g as a Doc.
func Build(g *compiler.Guide, opts Options) *Doc {
	b := &builder{g: g, p: opts.Pathway}
	b.add(Title, g.Title)
	b.add(Subtitle, fmt.Sprintf(msg.GuideVersionLine, g.Date, g.Version))
	if b.p != nil {
		b.add(Subtitle, fmt.Sprintf(msg.GuidePathwayLine, b.p.Name, b.p.PrefixLabel()))
	}
	if reconstructed(g) {
		b.notice(fmt.Sprintf(msg.GuideReconstructed, g.Version))
	}
	b.versionTable(opts.History)
	if len(g.Sections) == 0 {
		b.notice(fmt.Sprintf(msg.GuideNoSections, g.Version))
		for _, grp := range kindGroups(g) {
			b.chapter(fmt.Sprintf(msg.GuideKindHeading, grp.words), "", false, grp.codes)
		}
	} else {
		for _, s := range g.Sections {
			b.chapter(s.Heading, s.Text, s.Pathways, s.Codes)
		}
	}
	if b.p != nil {
		b.leadTimes()
	}
	b.changeLog(opts.History)
	title := g.Title + " " + g.Version
	if b.p != nil {
		title += " – " + b.p.Name
	}
	return &Doc{Title: title, Blocks: b.out}
}

// reconstructed reports whether the header says the version was
// reconstructed from a later guide's change log rather than transcribed.
func reconstructed(g *compiler.Guide) bool {
	for _, s := range g.Sources {
		if strings.HasPrefix(s, "Rekonstruerad") {
			return true
		}
	}
	return false
}

// versionTable lists the versions the rule folders have, oldest first as
// the guide does, up to the rendered one.
func (b *builder) versionTable(h History) {
	b.add(Chapter, msg.GuideVersionsHeading)
	rows := [][]string{{msg.GuideVersionsDate, msg.GuideVersionsWhat}}
	for _, v := range versionsUpTo(h, b.g) {
		rows = append(rows, []string{v.Date, fmt.Sprintf(msg.GuideVersionsRow, v.Version)})
	}
	b.out = append(b.out, Block{Kind: VersionTable, Rows: rows})
	b.historyNotice(h)
}

func (b *builder) historyNotice(h History) {
	vs := versionsUpTo(h, b.g)
	if h.OneFolder || len(vs) == 0 {
		b.notice(msg.GuideOneFolder)
		return
	}
	b.notice(fmt.Sprintf(msg.GuideOlderVersions, vs[0].Version))
}

// versionsUpTo returns the history's versions up to and including g (g
// itself when the history is empty).
func versionsUpTo(h History, g *compiler.Guide) []*compiler.Guide {
	if h.OneFolder || len(h.Versions) == 0 {
		return []*compiler.Guide{g}
	}
	var out []*compiler.Guide
	for _, v := range h.Versions {
		out = append(out, v)
		if v.Version == g.Version {
			break
		}
	}
	return out
}

// changeLog prints each version's entry, newest first, under the date the
// change log gives it.
func (b *builder) changeLog(h History) {
	b.add(Chapter, msg.GuideChangesHeading)
	vs := versionsUpTo(h, b.g)
	for i := len(vs) - 1; i >= 0; i-- {
		v := vs[i]
		if v.ChangeLog == nil {
			b.add(DateHeading, v.Date)
			b.notice(fmt.Sprintf(msg.GuideNoChangeLog, v.Version))
			continue
		}
		b.add(DateHeading, v.ChangeLog.Date)
		b.add(Paragraphs, v.ChangeLog.Text)
	}
	b.historyNotice(h)
}

// kindGroup is a group of codes of one kind, for folders without sections.
type kindGroup struct {
	words string
	codes []*compiler.Code
}

// kindGroups orders the codes as the guide's chapters do: by kind, the
// voluntary codes with a table before those every pathway may use, in
// declaration order within a group.
func kindGroups(g *compiler.Guide) []kindGroup {
	var out []kindGroup
	for k := compiler.KindStart; k <= compiler.KindVoluntary; k++ {
		for _, table := range []bool{true, false} {
			grp := kindGroup{words: k.Describe()}
			if k == compiler.KindVoluntary && !table {
				grp.words = msg.GuideKindEverywhere
			}
			for _, c := range g.Codes {
				if c.Kind == k && c.Table == table {
					grp.codes = append(grp.codes, c)
				}
			}
			if len(grp.codes) > 0 {
				if k != compiler.KindVoluntary && len(out) > 0 && out[len(out)-1].words == grp.words {
					out[len(out)-1].codes = append(out[len(out)-1].codes, grp.codes...)
					continue
				}
				out = append(out, grp)
			}
		}
	}
	return out
}

// chapter renders one section: its heading and text, the pathway list if
// it has it, then its codes. In a per-diagnosis guide a chapter whose
// codes are all left out is left out.
func (b *builder) chapter(heading, text string, pathways bool, codes []*compiler.Code) {
	var shown []*compiler.Code
	for _, c := range codes {
		if b.shows(c) {
			shown = append(shown, c)
		}
	}
	if len(codes) > 0 && len(shown) == 0 && text == "" {
		return
	}
	b.add(Chapter, heading)
	if text != "" {
		b.add(Paragraphs, b.local(text))
	}
	if pathways {
		var rows [][]string
		for _, p := range b.g.Pathways {
			if b.p == nil || p == b.p {
				rows = append(rows, []string{p.PrefixLabel(), p.Name})
			}
		}
		b.out = append(b.out, Block{Kind: PrefixList, Rows: rows})
	}
	for _, c := range shown {
		b.code(c)
	}
}

// shows reports whether the code belongs in the guide: always in the
// joint guide; in a per-diagnosis guide when the pathway may use it or a
// note is about the pathway.
func (b *builder) shows(c *compiler.Code) bool {
	if b.p == nil {
		return true
	}
	if ok, _ := b.g.Allowed(b.p, c); ok {
		return true
	}
	for _, n := range c.Notes {
		if b.about(n) {
			return true
		}
	}
	return false
}

// about reports whether a pathway note is about the rendered pathway
// (always, in the joint guide).
func (b *builder) about(n *compiler.Note) bool {
	if b.p == nil {
		return true
	}
	for _, p := range n.Pathways {
		if p == b.p {
			return true
		}
	}
	return false
}

// codeLabel is the code as the heading writes it: VXX44, or the
// pathway's codes (VL244, VN444/VN644).
func (b *builder) codeLabel(c *compiler.Code) string {
	if b.p == nil {
		return "VXX" + c.Suffix
	}
	parts := make([]string, len(b.p.Prefixes))
	for i, pre := range b.p.Prefixes {
		parts[i] = pre + c.Suffix
	}
	return strings.Join(parts, "/")
}

// genericCode is a code written the generic way in the guide's texts:
// VXX10, and the families VXX5X, VXX6X, VXX7X.
var genericCode = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`\bVXX(\d[\dX])`) }}

// local writes a text of the per-diagnosis guide with the pathway's
// prefixes in place of XX; the joint guide's texts are left as they are.
func (b *builder) local(text string) string {
	if b.p == nil {
		return text
	}
	return genericCode.Get().ReplaceAllStringFunc(text, func(m string) string {
		suffix := m[3:]
		parts := make([]string, len(b.p.Prefixes))
		for i, pre := range b.p.Prefixes {
			parts[i] = pre + suffix
		}
		return strings.Join(parts, "/")
	})
}

// code renders one code: heading, description, the notes written before
// the table, the table with its legends, and the exceptions.
func (b *builder) code(c *compiler.Code) {
	name := c.Name
	if b.p != nil {
		name = c.LocalName(b.p)
	}
	b.add(CodeHeading, b.codeLabel(c)+" – "+name)
	if c.Description != "" {
		b.add(Paragraphs, b.local(c.Description))
	}
	var before, general, specific []*compiler.Note
	for _, n := range c.Notes {
		switch {
		case n.BeforeTable:
			before = append(before, n)
		case len(n.Pathways) == 0:
			general = append(general, n)
		case b.about(n):
			specific = append(specific, n)
		}
	}
	for _, n := range before {
		b.note(n)
	}
	if c.Table {
		b.table(c)
	}
	if len(general)+len(specific) == 0 {
		return
	}
	b.add(Heading, msg.GuideNotesHeading)
	for _, n := range general {
		b.note(n)
	}
	for _, n := range specific {
		b.note(n)
	}
}

// note renders a note: its heading (the guide's own, or the pathways'
// names) and its text.
func (b *builder) note(n *compiler.Note) {
	heading := n.Heading
	if heading == "" && len(n.Pathways) > 0 {
		names := make([]string, len(n.Pathways))
		for i, p := range n.Pathways {
			names[i] = p.Name
		}
		heading = strings.Join(names, ", ")
	}
	if heading != "" {
		b.add(NoteHeading, heading)
	}
	b.add(Paragraphs, b.local(n.Text))
}

// table renders a code's table and, under it, the legends of the
// qualifiers it uses, in order of first use. In a per-diagnosis guide it
// is the pathway's row only, and a code the pathway may not use says so.
func (b *builder) table(c *compiler.Code) {
	var rows [][]string
	var legends []*compiler.Qualifier
	seen := map[*compiler.Qualifier]bool{}
	for _, p := range b.g.Pathways {
		if b.p != nil && p != b.p {
			continue
		}
		cell := c.Cells[p.Index]
		mark, name := "", p.Name
		if cell.Allowed {
			mark = "x"
		}
		if q := cell.Qualifier; q != nil {
			name += " (" + q.Name + ")"
			if !seen[q] {
				seen[q] = true
				legends = append(legends, q)
			}
		}
		rows = append(rows, []string{mark, name})
	}
	b.out = append(b.out, Block{Kind: CodeTable, Rows: rows})
	for _, q := range legends {
		b.add(Legend, q.Name+": "+q.Legend)
	}
	if b.p != nil && !c.Cells[b.p.Index].Allowed {
		b.notice(fmt.Sprintf(msg.GuideNotUsed, b.p.Name))
	}
}

// leadTimes renders the pathway's lead times: the national ones, then the
// local ones between intermediate steps.
func (b *builder) leadTimes() {
	for _, set := range []struct {
		heading string
		lts     []*compiler.LeadTime
	}{{msg.GuideLeadTimesHeading, b.g.LeadTimes}, {msg.GuideLocalLeadTimesHeading, b.g.LocalLeadTimes}} {
		rows := [][]string{strings.Split(msg.GuideLeadTimeColumns, "\t")}
		for _, lt := range set.lts {
			if lt.Pathway != b.p {
				continue
			}
			to := make([]string, len(lt.To))
			for i, t := range lt.To {
				to[i] = b.written(t)
			}
			rows = append(rows, []string{lt.Name, b.written(lt.From), strings.Join(to, ", "), target(lt)})
		}
		if len(rows) == 1 {
			continue
		}
		b.add(Chapter, set.heading)
		b.out = append(b.out, Block{Kind: LeadTimes, Rows: rows})
	}
}

// written is a lead time's code with the pathway's prefixes for XX.
func (b *builder) written(code string) string {
	code = strings.TrimPrefix(code, "V")
	if strings.HasPrefix(code, "XX") {
		return b.codeLabel(&compiler.Code{Suffix: code[2:]})
	}
	return "V" + code
}

// target says a lead time's target in words.
func target(lt *compiler.LeadTime) string {
	switch {
	case !lt.HasTarget:
		return msg.GuideTargetNone
	case lt.Target == 1:
		return msg.GuideTargetDay
	}
	return fmt.Sprintf(msg.GuideTargetDays, lt.Target)
}
