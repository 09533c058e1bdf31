package lsp

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// completion offers the words that may stand at the cursor: pathway keys
// in tables (and every row still missing, in one go), after `pathway` and
// `note for`; codes, code sets, attributes, functions and keywords in
// conditions; qualifiers in cells and qualified(); severities, kinds,
// rule and lead-time ids, expectations; the properties of the block, or
// the declarations at top level.
func (s *Server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	d, snap := s.docIn(p.TextDocument.URI)
	if d == nil {
		return nil, nil
	}
	var g *compiler.Guide
	if snap != nil {
		g = snap.guide
	}
	starts := lineStarts(d.text)
	cursor := offsetOf(d.text, starts, p.Position)
	before := d.text[:cursor]

	// Nothing inside a comment, a string or a text block: a quote that
	// does not close before the cursor lexes as an invalid token.
	line := int(p.Position.Line) + 1
	raw := lang.Tokens(d.path, []byte(before))
	if n := len(raw); n > 0 && raw[n-1].Kind == lang.TokenComment && raw[n-1].Offset+len(raw[n-1].Text) == len(before) {
		return []protocol.CompletionItem{}, nil
	}
	for _, t := range raw {
		if t.Kind == lang.TokenInvalid && t.Text == `"` && (strings.HasPrefix(before[t.Offset:], `"""`) || t.Pos.Line == line) {
			return []protocol.CompletionItem{}, nil
		}
	}

	lx := lex(d.path, before)
	// The word being typed, if the cursor is at its end.
	n := len(lx.toks)
	if n > 0 {
		t := lx.toks[n-1]
		if t.Offset+len(t.Text) == len(before) && (t.Kind == lang.TokenIdent || t.Kind == lang.TokenCode || t.Kind == lang.TokenPrefix || t.Kind == lang.TokenNumber) {
			n--
		}
	}
	var onLine []lang.Token // tokens of the cursor's line before the word
	for i := n - 1; i >= 0 && lx.toks[i].Pos.Line == line; i-- {
		onLine = append([]lang.Token{lx.toks[i]}, onLine...)
	}
	block := blockAfter(lx.toks[:n])
	c := &completer{g: g, items: []protocol.CompletionItem{}}
	c.offer(block, onLine, d, starts, p.Position)
	return c.items, nil
}

// blockAfter is the innermost block open after toks.
func blockAfter(toks []lang.Token) string {
	var stack []string
	h := 0
	for i, t := range toks {
		if i == 0 || t.Pos.Line != toks[i-1].Pos.Line {
			h = i
		}
		if t.Kind != lang.TokenOp {
			continue
		}
		switch t.Text {
		case "{":
			stack = append(stack, toks[h].Text)
		case "}":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 {
		return ""
	}
	return stack[len(stack)-1]
}

// completer collects the items of one completion.
type completer struct {
	g     *compiler.Guide
	items []protocol.CompletionItem
}

func (c *completer) add(label string, kind protocol.CompletionItemKind, detail, doc string) {
	it := protocol.CompletionItem{Label: label, Kind: &kind}
	if detail != "" {
		it.Detail = &detail
	}
	if doc != "" {
		it.Documentation = protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: doc}
	}
	sortText := fmt.Sprintf("%04d", len(c.items)) // keep the guide's order
	it.SortText = &sortText
	c.items = append(c.items, it)
}

func (c *completer) keywords(words ...string) {
	for _, w := range words {
		c.add(w, protocol.CompletionItemKindKeyword, "", "")
	}
}

func (c *completer) offer(block string, line []lang.Token, d *document, starts []int, at protocol.Position) {
	if len(line) == 0 {
		switch block {
		case "table":
			c.tableRows(d, starts, at)
		case "":
			c.keywords("guide", "section", "qualifier", "pathway", "code", "rule", "leadtime", "test")
		default:
			words := make([]string, 0, len(propKeywords.Get()[block]))
			for w := range propKeywords.Get()[block] {
				words = append(words, w)
			}
			sort.Strings(words)
			for _, w := range words {
				if doc := attrDocs.Get()[w]; doc != "" && block == "test" {
					c.add(w, protocol.CompletionItemKindField, "", doc)
				} else {
					c.keywords(w)
				}
			}
		}
		return
	}
	head := line[0].Text
	last := line[len(line)-1].Text
	switch {
	case block == "table":
		switch {
		case last == "(":
			c.qualifiers()
		case len(line) == 1:
			c.keywords("x", "-")
		}
	case head == "severity" && len(line) == 1:
		c.keywords(compiler.SeverityNames...)
	case head == "kind" && len(line) == 1:
		c.keywords(compiler.KindNames...)
	case head == "scope" && len(line) == 1:
		c.keywords("table", "every")
	case head == "pathway" && (block == "rule" || block == "leadtime"):
		if len(line) == 1 || last == "," {
			c.pathways(nil)
		}
	case head == "note" && block == "code":
		switch {
		case last == "for" || last == "," && len(line) > 2:
			c.pathways(nil)
		case len(line) == 1:
			c.keywords("for", "heading")
		}
	case head == "codes" && block == "section":
		if (len(line) == 1 || last == ",") && c.g != nil {
			for _, code := range c.codesByNumber() {
				c.add(code.Suffix, protocol.CompletionItemKindConstant, code.Name, "")
			}
		}
	case head == "expect" && block == "test":
		c.expect(line)
	case head == "event" && block == "test" && len(line) == 1:
		c.absoluteCodes()
	case (head == "from" || head == "to") && block == "leadtime":
		if len(line) == 1 {
			c.keywords("first", "last")
		}
		if len(line) == 1 || last == "first" || last == "last" || last == "," {
			c.codes()
		}
	case block == "rule" || block == "leadtime":
		if head != "when" && propKeywords.Get()[block][head] {
			return
		}
		c.condition(line)
	}
}

func (c *completer) pathways(skip map[string]bool) {
	if c.g == nil {
		return
	}
	for _, p := range c.g.Pathways {
		if !skip[p.Key] {
			c.add(p.Key, protocol.CompletionItemKindModule, p.Name+" ("+p.PrefixLabel()+")", "")
		}
	}
}

func (c *completer) qualifiers() {
	if c.g == nil {
		return
	}
	for _, q := range c.g.Qualifiers {
		c.add(q.Name, protocol.CompletionItemKindTypeParameter, q.Legend, "")
	}
}

// codesByNumber returns the guide's codes by number (05 … 91).
func (c *completer) codesByNumber() []*compiler.Code {
	codes := slices.Clone(c.g.Codes)
	slices.SortFunc(codes, func(a, b *compiler.Code) int { return a.Num - b.Num })
	return codes
}

// codes offers every code in the form of any pathway (XX44).
func (c *completer) codes() {
	if c.g == nil {
		return
	}
	for _, code := range c.codesByNumber() {
		c.add("XX"+code.Suffix, protocol.CompletionItemKindConstant, code.Name, "")
	}
}

// absoluteCodes offers every pathway's codes (VL244), for test events.
func (c *completer) absoluteCodes() {
	if c.g == nil {
		return
	}
	for _, p := range c.g.Pathways {
		for _, pre := range p.Prefixes {
			for _, code := range c.codesByNumber() {
				c.add(pre+code.Suffix, protocol.CompletionItemKindConstant, code.LocalName(p)+", "+p.Name, "")
			}
		}
	}
}

func (c *completer) expect(line []lang.Token) {
	last := line[len(line)-1].Text
	for _, t := range line {
		if t.Text == "findings" {
			if last == "findings" || last == "," {
				c.rules()
			}
			return
		}
	}
	switch {
	case last == "leadtime":
		c.leadTimes()
	case last == "no":
		c.keywords("findings", "leadtime", "leadtimes")
	case last == "not":
		c.keywords("reportable")
	case last == "reported_as":
		if c.g != nil {
			for _, p := range c.g.Pathways {
				for _, pre := range p.Prefixes {
					c.add(pre, protocol.CompletionItemKindModule, p.Name, "")
				}
			}
		}
	case len(line) == 1:
		c.keywords("findings", "no", "leadtime", "reportable", "not", "reported_as")
	}
}

func (c *completer) rules() {
	if c.g == nil {
		return
	}
	for _, r := range c.g.Rules {
		c.add(r.ID, protocol.CompletionItemKindFunction, r.Name, "")
	}
}

func (c *completer) leadTimes() {
	if c.g == nil {
		return
	}
	for _, list := range [][]*compiler.LeadTime{c.g.LeadTimes, c.g.LocalLeadTimes} {
		for _, lt := range list {
			c.add(lt.ID, protocol.CompletionItemKindEvent, lt.Name, "")
		}
	}
}

// condition offers what a condition can name at this point.
func (c *completer) condition(line []lang.Token) {
	if len(line) >= 2 && line[len(line)-1].Text == "(" && line[len(line)-2].Text == "qualified" {
		c.qualifiers()
		return
	}
	c.codes()
	for _, name := range sortedKeys(setDocs.Get()) {
		c.add(name, protocol.CompletionItemKindEnum, "", setDocs.Get()[name])
	}
	for _, name := range compiler.AttrNames {
		c.add(name, protocol.CompletionItemKindField, "", attrDocs.Get()[name])
	}
	snippet := protocol.InsertTextFormatSnippet
	for _, name := range sortedKeys(funcDocs.Get()) {
		c.add(name, protocol.CompletionItemKindFunction, "", funcDocs.Get()[name])
		it := &c.items[len(c.items)-1]
		insert := name + "($1)"
		it.InsertText = &insert
		it.InsertTextFormat = &snippet
	}
	c.keywords("and", "or", "not", "in", "true", "false")
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// tableRows offers, at the start of a row, the pathways the table does
// not list yet, and one item that writes all of their rows, each with
// the mark to choose (x or -).
func (c *completer) tableRows(d *document, starts []int, at protocol.Position) {
	if c.g == nil {
		return
	}
	listed := listedRows(d, starts, at)
	var missing []*compiler.Pathway
	for _, p := range c.g.Pathways {
		if !listed[p.Key] {
			missing = append(missing, p)
		}
	}
	c.pathways(listed)
	if len(missing) < 2 {
		return
	}
	width := 0
	for _, p := range c.g.Pathways {
		width = max(width, len(p.Key))
	}
	line, _, _ := lineOf(d.text, starts, int(at.Line))
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	var b strings.Builder
	for i, p := range missing {
		if i > 0 {
			b.WriteString("\n" + indent)
		}
		fmt.Fprintf(&b, "%-*s ${%d|x,-|}", width, p.Key, i+1)
	}
	insert := b.String()
	snippet := protocol.InsertTextFormatSnippet
	kind := protocol.CompletionItemKindSnippet
	label := fmt.Sprintf(msg.LSPCompleteMissingRows, len(missing))
	detail := missing[0].Key + " …"
	sortText := "0000"
	c.items = append(c.items, protocol.CompletionItem{Label: label, Kind: &kind, Detail: &detail, InsertText: &insert, InsertTextFormat: &snippet, SortText: &sortText})
}

// listedRows returns the pathway keys of the rows of the table around
// the position at, but for the row at that line.
func listedRows(d *document, starts []int, at protocol.Position) map[string]bool {
	lx := lex(d.path, d.text)
	cursor := offsetOf(d.text, starts, at)
	// The table's opening brace: the last `table {` before the cursor.
	open := -1
	for i, t := range lx.toks {
		if t.Offset >= cursor {
			break
		}
		if t.Text == "{" && lx.toks[lx.head[i]].Text == "table" {
			open = i
		}
	}
	listed := map[string]bool{}
	if open < 0 {
		return listed
	}
	for i := open + 1; i < len(lx.toks); i++ {
		t := lx.toks[i]
		if t.Text == "}" && t.Kind == lang.TokenOp {
			break
		}
		if lx.head[i] == i && t.Kind == lang.TokenIdent && t.Pos.Line != int(at.Line)+1 {
			listed[t.Text] = true
		}
	}
	return listed
}
