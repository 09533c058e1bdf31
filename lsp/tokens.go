package lsp

import (
	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/lang"
)

// refKind says what a word of the source refers to.
type refKind int

// The kinds of things a word can refer to.
const (
	refNone      refKind = iota
	refPathway           // a pathway key, or one of its prefixes
	refCode              // a code (XX44, VXX44, VL244) or the suffix of `code 44`
	refRule              // a rule id
	refLeadTime          // a lead-time id
	refTest              // a test id
	refQualifier         // a table qualifier
	refAttr              // an episode attribute (age, diagnosis …)
	refFunc              // a function of conditions (has, count …)
	refSet               // a named code set (closing, unknown …)
)

// ref is what one token refers to.
type ref struct {
	kind refKind
	// name identifies the thing: the pathway key, the code as written
	// (the suffix for `code 44`), the id, the attribute's name.
	name string
	tok  lang.Token
	decl bool // the token is where the thing is declared
}

// key is the identity of the thing referred to, the same for every way
// of writing it: a code is its suffix (XX44, VXX44, VL244 and `code 44`
// are all code 44).
func (r ref) key() string {
	if r.kind == refCode && len(r.name) >= 2 {
		return r.name[len(r.name)-2:]
	}
	return r.name
}

// lexed is a file's tokens with, for each, the first token of its line
// and the kind of block it is in ("" at top level, else the keyword that
// opened the block: guide, pathway, code, table, rule, leadtime, test).
type lexed struct {
	toks  []lang.Token
	head  []int    // index of the first token of the token's line
	block []string // the innermost block around the token
}

// lex tokenises text (comments left out) and works out the lines and
// blocks.
func lex(name, text string) *lexed {
	all := lang.Tokens(name, []byte(text))
	lx := &lexed{toks: make([]lang.Token, 0, len(all))}
	for _, t := range all {
		if t.Kind != lang.TokenComment {
			lx.toks = append(lx.toks, t)
		}
	}
	lx.head = make([]int, len(lx.toks))
	lx.block = make([]string, len(lx.toks))
	var stack []string
	h := 0
	for i, t := range lx.toks {
		if i == 0 || t.Pos.Line != lx.toks[i-1].Pos.Line {
			h = i
		}
		lx.head[i] = h
		if len(stack) > 0 {
			lx.block[i] = stack[len(stack)-1]
		}
		if t.Kind != lang.TokenOp {
			continue
		}
		switch t.Text {
		case "{":
			stack = append(stack, lx.toks[h].Text)
		case "}":
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	return lx
}

// at returns the index of the token at or just before the character col
// (from 1) of line (from 1), or -1: a cursor right after a word is on it.
func (lx *lexed) at(line, col int) int {
	best := -1
	for i, t := range lx.toks {
		if t.Pos.Line > line || t.Pos.Line == line && t.Pos.Column > col {
			break
		}
		end := t.Pos.Column + len([]rune(t.Text))
		if t.Pos.Line == line && col <= end {
			best = i
		}
	}
	if best >= 0 && best+1 < len(lx.toks) {
		// Between two tokens that touch (has|(), the one that starts here.
		n := lx.toks[best+1]
		if n.Pos.Line == line && n.Pos.Column == col {
			best++
		}
	}
	return best
}

// text returns the text of token i, or "" outside the file.
func (lx *lexed) text(i int) string {
	if i < 0 || i >= len(lx.toks) {
		return ""
	}
	return lx.toks[i].Text
}

// declKinds.Get() maps the keywords that declare a named thing to its kind.
var declKinds = lazy.Value[map[string]refKind]{New: func() map[string]refKind {
	return map[string]refKind{
		"pathway": refPathway, "rule": refRule, "leadtime": refLeadTime, "test": refTest, "qualifier": refQualifier,
	}
}}

// classify says what token i refers to; g (may be nil) resolves prefixes.
func (lx *lexed) classify(i int, g *compiler.Guide) ref {
	if i < 0 || i >= len(lx.toks) {
		return ref{}
	}
	t := lx.toks[i]
	h := lx.head[i]
	head := lx.toks[h].Text
	block := lx.block[i]
	r := ref{tok: t, name: t.Text}
	switch t.Kind {
	case lang.TokenCode:
		r.kind = refCode
		return r
	case lang.TokenPrefix:
		if g != nil {
			if p := g.PathwayByPrefix(t.Text); p != nil {
				r.kind, r.name = refPathway, p.Key
				r.decl = false
				return r
			}
		}
		return ref{}
	case lang.TokenNumber:
		switch {
		case block == "" && head == "code" && i == h+1:
			r.kind, r.decl = refCode, true
			return r
		case block == "section" && head == "codes" && i > h:
			r.kind = refCode // the codes a chapter of the guide holds
			return r
		}
		return ref{}
	case lang.TokenIdent:
	default:
		return ref{}
	}
	prev := lx.text(i - 1)
	switch block {
	case "":
		if k, ok := declKinds.Get()[head]; ok && i == h+1 {
			r.kind, r.decl = k, true
			return r
		}
	case "table":
		if i == h {
			r.kind = refPathway
		} else if prev == "(" {
			r.kind = refQualifier
		}
		return r
	case "code":
		if head == "note" && i > h && t.Text != "for" && t.Text != "heading" {
			r.kind = refPathway
		}
		return r
	case "test":
		switch {
		case head == "expect":
			for j := h; j < i; j++ {
				if lx.toks[j].Text == "findings" {
					r.kind = refRule
					return r
				}
			}
			if prev == "leadtime" {
				r.kind = refLeadTime
			}
		case i == h && compiler.AttrOf(t.Text) != 0:
			r.kind = refAttr
		}
		return r
	case "rule", "leadtime":
		if head == "pathway" && i > h {
			r.kind = refPathway
			return r
		}
		if propKeywords.Get()[block][head] && head != "when" {
			return ref{}
		}
		// A condition, on its `when` line or continued on the next.
		switch {
		case lx.text(i+1) == "(":
			if _, ok := compiler.Functions.Get()[t.Text]; ok {
				r.kind = refFunc
			}
		case prev == "(" && lx.text(i-2) == "qualified":
			r.kind = refQualifier
		case compiler.AttrOf(t.Text) != 0:
			r.kind = refAttr
		default:
			if _, ok := compiler.CodeSets.Get()[t.Text]; ok {
				r.kind = refSet
			}
		}
		return r
	}
	return ref{}
}

// propKeywords.Get() are the property keywords of each kind of block, for
// completion at the start of a line and to tell a property line from a
// condition continued from the line before.
var propKeywords = lazy.Value[map[string]map[string]bool]{New: func() map[string]map[string]bool {
	return map[string]map[string]bool{
		"":         set("guide", "section", "qualifier", "pathway", "code", "rule", "leadtime", "test"),
		"guide":    set("date", "title", "source", "note", "changelog"),
		"section":  set("text", "pathways", "codes"),
		"pathway":  set("prefix", "icd10"),
		"code":     set("kind", "scope", "description", "name", "table", "note"),
		"rule":     set("severity", "pathway", "message", "ref", "when"),
		"leadtime": set("pathway", "name", "local", "from", "to", "when", "target", "ref"),
		"test":     set("event", "expect", "age", "sex", "county", "region", "referring_region", "diagnosis", "intent"),
	}
}}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
