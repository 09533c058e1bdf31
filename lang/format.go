package lang

import (
	"bytes"
	"math"
	"strings"
	"unicode/utf8"
)

// propNodes turns a block's properties into its child nodes.
func propNodes[P any](props []P, toNode func(P) *node) []*node {
	out := make([]*node, 0, len(props))
	for _, p := range props {
		out = append(out, toNode(p))
	}
	return out
}

// Format prints a parsed file in the canonical format (see "Canonical
// format" in docs/language.md), putting back the comments and the
// blank lines the grammar elides.
//
// The AST only keeps the position of line-level elements, so comments are
// placed by source line:
//   - a comment on a line before an element is printed on its own line
//     just before that element, at the element's indentation;
//   - a comment on the last line of an element (or of a block's `{` or `}`
//     line) is printed after it as a trailing comment, unless the next
//     element starts on that same line, in which case it goes with that one;
//   - a comment inside an element that spans several lines (a list or an
//     expression broken over lines) is printed on its own line before the
//     element, so that comments keep their order;
//   - comments before a closing `}` stay inside the block, and comments
//     after the last declaration end the file.
//
// Comments are only ever taken from the front of the file's comment list,
// so none is dropped and their order never changes.
func Format(f *File) []byte {
	p := &printer{comments: f.Comments, noBlank: true}
	decls := make([]*node, 0, len(f.Decls))
	for _, d := range f.Decls {
		if n := declNode(d); n != nil {
			decls = append(decls, n)
		}
	}
	p.nodes(decls, 0, math.MaxInt)
	p.flush(math.MaxInt, math.MaxInt, 0)
	return p.buf.Bytes()
}

// FormatSource parses src and formats it. When the source has syntax
// errors it returns nil and the diagnostics: formatting a partial AST would
// silently drop the declarations that did not parse.
//
// The file keeps its byte order mark and its line endings: a rule file
// saved by a Windows editor (BOM, CRLF) is written back the same way, so
// that formatting changes only what it formats, not every line.
func FormatSource(name string, src []byte) ([]byte, Diagnostics) {
	f, diags := Parse(name, src)
	if diags.HasErrors() {
		return nil, diags
	}
	out := Format(f)
	if crlf(src) {
		out = bytes.ReplaceAll(bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	if bytes.HasPrefix(src, bom) {
		out = append(append([]byte(nil), bom...), out...)
	}
	return out, diags
}

// bom is UTF-8's byte order mark, which Windows editors put first.
var bom = []byte("\uFEFF")

// crlf reports whether src ends its first line with CR LF: the file's
// line endings are Windows'.
func crlf(src []byte) bool {
	i := bytes.IndexByte(src, '\n')
	return i > 0 && src[i-1] == '\r'
}

// node is one line-level element ready to print: a property, a table row,
// or a declaration. Building these first lets one printer handle comments
// and blank lines for every kind of element alike.
type node struct {
	// start and last are the source lines of the element's first and last
	// known tokens (for a block, of its header up to `{`).
	start, last int
	// text is the element as printed, without indentation of its first
	// line; text blocks inside it carry their own indentation.
	text string
	// block marks an element with a `{ … }` body.
	block    bool
	children []*node
	// end is the source line of the closing `}`.
	end int
}

type printer struct {
	buf      bytes.Buffer
	comments []Comment
	next     int  // index of the first comment not yet printed
	prevLine int  // source line of the last printed item
	noBlank  bool // at file start or right after `{`: no blank line here
}

func indent(depth int) string { return strings.Repeat("  ", depth) }

// nodes prints a sequence of siblings; after is the source line of what
// follows them (the parent's `}`), for trailing comments.
func (p *printer) nodes(ns []*node, depth, after int) {
	for i, n := range ns {
		next := after
		if i+1 < len(ns) {
			next = ns[i+1].start
		}
		p.node(n, depth, next)
	}
}

// node prints one element; next is the source line where the following
// element (or closing brace) starts.
func (p *printer) node(n *node, depth, next int) {
	p.flush(n.last, n.start, depth)
	p.gap(n.start)
	p.buf.WriteString(indent(depth))
	p.buf.WriteString(n.text)
	if !n.block {
		p.trailing(n.last, next)
		p.buf.WriteByte('\n')
		p.done(n.last)
		return
	}
	p.buf.WriteString(" {")
	first := n.end
	if len(n.children) > 0 {
		first = n.children[0].start
	}
	p.trailing(n.last, first)
	p.buf.WriteByte('\n')
	p.done(n.last)
	p.noBlank = true
	p.nodes(n.children, depth+1, n.end)
	p.flush(n.end, n.end, depth+1)
	p.buf.WriteString(indent(depth))
	p.buf.WriteByte('}')
	p.trailing(n.end, next)
	p.buf.WriteByte('\n')
	p.done(n.end)
}

// done records that an item ending on source line l has been printed.
func (p *printer) done(l int) {
	p.prevLine = max(p.prevLine, l)
	p.noBlank = false
}

// gap writes one blank line when the source has at least one between the
// previous item and an item starting on line l. Runs of blank lines thus
// collapse to one, and none appear at file start or after `{`.
func (p *printer) gap(l int) {
	if !p.noBlank && l > p.prevLine+1 {
		p.buf.WriteByte('\n')
	}
}

// flush prints, each on its own line, the comments on lines before
// `before`. A comment inside a multi-line element (at or after its start
// line) counts as being on the start line, so it sticks to the element
// rather than getting a blank line of its own.
func (p *printer) flush(before, start, depth int) {
	for p.next < len(p.comments) && p.comments[p.next].Pos.Line < before {
		c := p.comments[p.next]
		l := min(c.Pos.Line, start)
		p.gap(l)
		p.buf.WriteString(indent(depth))
		p.buf.WriteString(c.Text)
		p.buf.WriteByte('\n')
		p.done(l)
		p.next++
	}
}

// trailing appends the next comment to the current line if it sits on
// source line last and nothing else follows on that line; a comment runs to
// the end of its line, so it belongs after the last element there.
func (p *printer) trailing(last, next int) {
	if next <= last || p.next >= len(p.comments) || p.comments[p.next].Pos.Line != last {
		return
	}
	p.buf.WriteByte(' ')
	p.buf.WriteString(p.comments[p.next].Text)
	p.next++
}

// ---- building nodes ----

func declNode(d *Decl) *node {
	switch {
	case d.Guide != nil:
		g := d.Guide
		n := blockNode(g.Pos.Line, g.Pos.Line, g.EndPos.Line, "guide "+quoteRaw(g.Version))
		n.children = propNodes(g.Props, guideProp)
		return n
	case d.Qualifier != nil:
		q := d.Qualifier
		return &node{
			start: q.Pos.Line,
			last:  max(q.Pos.Line, textEnd(q.Legend)),
			text:  "qualifier " + q.Name + " " + text(q.Legend, 0),
		}
	case d.Pathway != nil:
		pw := d.Pathway
		n := blockNode(pw.Pos.Line, textEnd(pw.Name), pw.EndPos.Line, "pathway "+pw.Key+" "+text(pw.Name, 0))
		n.children = propNodes(pw.Props, pathwayProp)
		return n
	case d.Code != nil:
		c := d.Code
		n := blockNode(c.Pos.Line, textEnd(c.Name), c.EndPos.Line, "code "+c.Suffix+" "+text(c.Name, 0))
		n.children = propNodes(c.Props, codeProp)
		return n
	case d.Rule != nil:
		r := d.Rule
		header := "rule " + r.ID
		if r.Name != nil {
			header += " " + text(r.Name, 0)
		}
		n := blockNode(r.Pos.Line, max(r.Pos.Line, textEnd(r.Name)), r.EndPos.Line, header)
		n.children = propNodes(r.Props, ruleProp)
		return n
	case d.LeadTime != nil:
		lt := d.LeadTime
		n := blockNode(lt.Pos.Line, lt.Pos.Line, lt.EndPos.Line, "leadtime "+lt.ID)
		n.children = propNodes(lt.Props, leadTimeProp)
		return n
	case d.Test != nil:
		t := d.Test
		n := blockNode(t.Pos.Line, t.Pos.Line, t.EndPos.Line, "test "+t.ID)
		n.children = propNodes(t.Props, testProp)
		return n
	case d.Section != nil:
		sc := d.Section
		n := blockNode(sc.Pos.Line, textEnd(sc.Heading), sc.EndPos.Line, "section "+text(sc.Heading, 0))
		n.children = propNodes(sc.Props, sectionProp)
		return n
	}
	return nil
}

func blockNode(start, last, end int, header string) *node {
	return &node{start: start, last: max(start, last), end: max(start, last, end), text: header, block: true}
}

// leaf makes a one-element node; parts are the texts in it, whose ends
// bound its last line.
func leaf(line int, s string, parts ...*Text) *node {
	last := line
	for _, t := range parts {
		last = max(last, textEnd(t))
	}
	return &node{start: line, last: last, text: s}
}

func guideProp(pr *GuideProp) *node {
	switch {
	case pr.Date != nil:
		return leaf(pr.Pos.Line, "date "+*pr.Date)
	case pr.Title != nil:
		return leaf(pr.Pos.Line, "title "+text(pr.Title, 1), pr.Title)
	case pr.Source != nil:
		return leaf(pr.Pos.Line, "source "+text(pr.Source, 1), pr.Source)
	case pr.Note != nil:
		return leaf(pr.Pos.Line, "note "+text(pr.Note, 1), pr.Note)
	case pr.ChangeLog != nil:
		return leaf(pr.Pos.Line, "changelog "+pr.ChangeLog.Date+" "+text(pr.ChangeLog.Text, 1), pr.ChangeLog.Text)
	}
	return leaf(pr.Pos.Line, "")
}

func sectionProp(pr *SectionProp) *node {
	switch {
	case pr.Text != nil:
		return leaf(pr.Pos.Line, "text "+text(pr.Text, 1), pr.Text)
	case pr.Pathways:
		return leaf(pr.Pos.Line, "pathways")
	}
	return leaf(pr.Pos.Line, "codes "+strings.Join(pr.Codes, ", "))
}

func pathwayProp(pr *PathwayProp) *node {
	if len(pr.ICD10) > 0 {
		parts := make([]string, len(pr.ICD10))
		for i, t := range pr.ICD10 {
			parts[i] = text(t, 1)
		}
		return leaf(pr.Pos.Line, "icd10 "+strings.Join(parts, ", "), pr.ICD10...)
	}
	return leaf(pr.Pos.Line, "prefix "+strings.Join(pr.Prefixes, ", "))
}

func codeProp(pr *CodeProp) *node {
	switch {
	case pr.Kind != nil:
		return leaf(pr.Pos.Line, "kind "+*pr.Kind)
	case pr.Scope != nil:
		return leaf(pr.Pos.Line, "scope "+*pr.Scope)
	case pr.Description != nil:
		return leaf(pr.Pos.Line, "description "+text(pr.Description, 1), pr.Description)
	case pr.LocalName != nil:
		return leaf(pr.Pos.Line, "name "+pr.LocalName.Code+" "+text(pr.LocalName.Name, 1), pr.LocalName.Name)
	case pr.Table != nil:
		return tableNode(pr.Table)
	case pr.Note != nil:
		nt := pr.Note
		var b strings.Builder
		b.WriteString("note")
		if len(nt.Pathways) > 0 {
			b.WriteString(" for ")
			b.WriteString(strings.Join(nt.Pathways, ", "))
		}
		if nt.Heading != nil {
			b.WriteString(" heading ")
			b.WriteString(text(nt.Heading, 1))
		}
		b.WriteString(" ")
		b.WriteString(text(nt.Text, 1))
		return leaf(pr.Pos.Line, b.String(), nt.Heading, nt.Text)
	}
	return leaf(pr.Pos.Line, "")
}

// tableNode aligns the marks one space after the longest pathway key.
func tableNode(t *Table) *node {
	n := blockNode(t.Pos.Line, t.Pos.Line, t.EndPos.Line, "table")
	width := 0
	for _, r := range t.Rows {
		width = max(width, utf8.RuneCountInString(r.Pathway))
	}
	for _, r := range t.Rows {
		s := r.Pathway + strings.Repeat(" ", width-utf8.RuneCountInString(r.Pathway)) + " " + r.Mark
		if r.Qualifier != nil {
			s += " (" + *r.Qualifier + ")"
		}
		n.children = append(n.children, leaf(r.Pos.Line, s))
	}
	return n
}

func ruleProp(pr *RuleProp) *node {
	switch {
	case pr.Severity != nil:
		return leaf(pr.Pos.Line, "severity "+*pr.Severity)
	case len(pr.Pathways) > 0:
		return leaf(pr.Pos.Line, "pathway "+strings.Join(pr.Pathways, ", "))
	case pr.Message != nil:
		return leaf(pr.Pos.Line, "message "+text(pr.Message, 1), pr.Message)
	case pr.Ref != nil:
		return leaf(pr.Pos.Line, "ref "+text(pr.Ref, 1), pr.Ref)
	case pr.When != nil:
		return whenNode(pr.Pos.Line, pr.When)
	}
	return leaf(pr.Pos.Line, "")
}

func whenNode(line int, e *Expr) *node {
	n := leaf(line, "when "+exprString(e))
	n.last = max(n.last, exprEnd(e))
	return n
}

// occurrence is a lead time's `first `/`last ` before its codes, or "".
func occurrence(occ *string) string {
	if occ == nil {
		return ""
	}
	return *occ + " "
}

func leadTimeProp(pr *LeadTimeProp) *node {
	switch {
	case pr.Pathway != nil:
		return leaf(pr.Pos.Line, "pathway "+*pr.Pathway)
	case pr.Name != nil:
		return leaf(pr.Pos.Line, "name "+text(pr.Name, 1), pr.Name)
	case pr.Local:
		return leaf(pr.Pos.Line, "local")
	case pr.From != nil:
		return leaf(pr.Pos.Line, "from "+occurrence(pr.FromOcc)+*pr.From)
	case len(pr.To) > 0:
		return leaf(pr.Pos.Line, "to "+occurrence(pr.ToOcc)+strings.Join(pr.To, ", "))
	case pr.When != nil:
		return whenNode(pr.Pos.Line, pr.When)
	case pr.Target != nil:
		if pr.Target.Days != nil {
			return leaf(pr.Pos.Line, "target "+*pr.Target.Days+" days")
		}
		return leaf(pr.Pos.Line, "target none")
	case pr.Ref != nil:
		return leaf(pr.Pos.Line, "ref "+text(pr.Ref, 1), pr.Ref)
	}
	return leaf(pr.Pos.Line, "")
}

func testProp(pr *TestProp) *node {
	switch {
	case pr.Event != nil:
		return leaf(pr.Pos.Line, "event "+pr.Event.Code+" "+pr.Event.Date)
	case pr.Expect != nil:
		return leaf(pr.Pos.Line, "expect "+expectString(pr.Expect))
	case pr.Attr != nil:
		a := pr.Attr
		switch {
		case a.Number != nil:
			return leaf(pr.Pos.Line, a.Name+" "+*a.Number)
		case a.String != nil:
			return leaf(pr.Pos.Line, a.Name+" "+quoteRaw(*a.String))
		}
		return leaf(pr.Pos.Line, a.Name)
	}
	return leaf(pr.Pos.Line, "")
}

func expectString(e *Expect) string {
	switch {
	case len(e.Findings) > 0:
		return "findings " + strings.Join(e.Findings, ", ")
	case e.NoFindings:
		return "no findings" // rule-file syntax
	case e.LeadTime != nil:
		return "leadtime " + e.LeadTime.ID + " days " + e.LeadTime.Days
	case e.NoLeadTime != nil:
		return "no leadtime " + *e.NoLeadTime // rule-file syntax
	case e.NoLeadTimes:
		return "no leadtimes" // rule-file syntax
	case e.Reportable:
		return "reportable"
	case e.Unreportable:
		return "not reportable" // rule-file syntax
	case e.ReportedAs != nil:
		return "reported_as " + *e.ReportedAs
	}
	return ""
}

// ---- texts ----

// text prints a Text whose property sits at the given depth: a one-line
// string re-quoted, or a """ block whose value lines and closing quotes are
// indented one level deeper than the property.
func text(t *Text, depth int) string {
	if t == nil {
		return `""`
	}
	if t.Block == nil {
		return Quote(t.Value())
	}
	in := indent(depth + 1)
	var b strings.Builder
	b.WriteString(`"""` + "\n")
	if v := t.Value(); v != "" {
		for _, l := range strings.Split(v, "\n") {
			if l != "" {
				b.WriteString(in)
				b.WriteString(l)
			}
			b.WriteByte('\n')
		}
	}
	b.WriteString(in + `"""`)
	return b.String()
}

// textEnd is the source line of the last character of t: a text block may
// span many lines.
func textEnd(t *Text) int {
	if t == nil {
		return 0
	}
	raw := ""
	switch {
	case t.Block != nil:
		raw = *t.Block
	case t.String != nil:
		raw = *t.String
	}
	return t.Pos.Line + strings.Count(raw, "\n")
}

// quoteRaw re-quotes a "…" token canonically.
func quoteRaw(raw string) string {
	if len(raw) < 2 {
		return Quote(raw)
	}
	return Quote(unquote(raw))
}

// ---- expressions ----

// FormatExpr prints a condition in the canonical format, as the formatter
// prints it after `when`. Two conditions that differ only in spacing,
// line breaks or comments print the same, so comparing the results
// compares what the conditions say as written (parentheses included).
func FormatExpr(e *Expr) string { return exprString(e) }

func exprString(e *Expr) string {
	var b strings.Builder
	writeExpr(&b, e)
	return b.String()
}

func writeExpr(b *strings.Builder, e *Expr) {
	if e == nil {
		return
	}
	writeAnd(b, e.Left)
	for _, r := range e.Right {
		b.WriteString(" or ")
		writeAnd(b, r)
	}
}

func writeAnd(b *strings.Builder, e *AndExpr) {
	if e == nil {
		return
	}
	writeNot(b, e.Left)
	for _, r := range e.Right {
		b.WriteString(" and ")
		writeNot(b, r)
	}
}

func writeNot(b *strings.Builder, e *NotExpr) {
	for e != nil && e.Not != nil {
		b.WriteString("not ")
		e = e.Not
	}
	if e == nil || e.Cmp == nil {
		return
	}
	c := e.Cmp
	writeOperand(b, c.Left)
	switch {
	case c.Op != "":
		b.WriteString(" " + c.Op + " ")
		writeOperand(b, c.Right)
	case len(c.In) > 0:
		b.WriteString(" in [")
		for i, o := range c.In {
			if i > 0 {
				b.WriteString(", ")
			}
			writeOperand(b, o)
		}
		b.WriteByte(']')
	}
}

func writeOperand(b *strings.Builder, o *Operand) {
	if o == nil {
		return
	}
	switch {
	case o.Code != nil:
		b.WriteString(*o.Code)
	case o.Date != nil:
		b.WriteString(*o.Date)
	case o.Number != nil:
		b.WriteString(*o.Number)
	case o.String != nil:
		b.WriteString(quoteRaw(*o.String))
	case o.Bool != nil:
		b.WriteString(*o.Bool)
	case o.Call != nil:
		b.WriteString(o.Call.Func + "(")
		for i, a := range o.Call.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			writeExpr(b, a)
		}
		b.WriteByte(')')
	case o.Name != nil:
		b.WriteString(*o.Name)
	case o.Paren != nil:
		b.WriteByte('(')
		writeExpr(b, o.Paren)
		b.WriteByte(')')
	}
}

// exprEnd is the last source line holding a token of e whose position the
// AST records; closing `)` and `]` have none, so a comment after one that
// sits alone on a later line is printed before the next element instead.
func exprEnd(e *Expr) int {
	if e == nil {
		return 0
	}
	l := e.Pos.Line
	l = max(l, andEnd(e.Left))
	for _, r := range e.Right {
		l = max(l, andEnd(r))
	}
	return l
}

func andEnd(e *AndExpr) int {
	if e == nil {
		return 0
	}
	l := max(e.Pos.Line, notEnd(e.Left))
	for _, r := range e.Right {
		l = max(l, notEnd(r))
	}
	return l
}

func notEnd(e *NotExpr) int {
	l := 0
	for e != nil {
		l = max(l, e.Pos.Line)
		if e.Cmp != nil {
			c := e.Cmp
			l = max(l, c.Pos.Line, operandEnd(c.Left), operandEnd(c.Right))
			for _, o := range c.In {
				l = max(l, operandEnd(o))
			}
		}
		e = e.Not
	}
	return l
}

func operandEnd(o *Operand) int {
	if o == nil {
		return 0
	}
	l := o.Pos.Line
	switch {
	case o.Call != nil:
		l = max(l, o.Call.Pos.Line)
		for _, a := range o.Call.Args {
			l = max(l, exprEnd(a))
		}
	case o.Paren != nil:
		l = max(l, exprEnd(o.Paren))
	}
	return l
}
