package lsp

import (
	"path/filepath"
	"sort"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rcc/svfrules/lang"
)

// symbol is one declaration of a file as the outline shows it.
type symbol struct {
	name, detail string
	kind         protocol.SymbolKind
	start, end   lexer.Position // the declaration's first and last character
	nameAt       lexer.Position // its keyword
	nameLen      int            // the keyword's length; 0: select the word after it (the name)
	children     []symbol
}

// symbolsOf lists the declarations of a parsed file (partial when it has
// syntax errors: what parsed is listed).
func symbolsOf(f *lang.File) []symbol {
	var out []symbol
	for _, d := range f.Decls {
		switch {
		case d.Guide != nil:
			g := d.Guide
			out = append(out, symbol{name: "guide " + g.Version, kind: protocol.SymbolKindNamespace, start: g.Pos, end: g.EndPos, nameAt: g.Pos})
		case d.Qualifier != nil:
			q := d.Qualifier
			out = append(out, symbol{name: q.Name, detail: textOf(q.Legend), kind: protocol.SymbolKindConstant, start: q.Pos, end: q.Pos, nameAt: q.Pos})
		case d.Pathway != nil:
			p := d.Pathway
			out = append(out, symbol{name: p.Key, detail: textOf(p.Name), kind: protocol.SymbolKindModule, start: p.Pos, end: p.EndPos, nameAt: p.Pos})
		case d.Code != nil:
			c := d.Code
			sym := symbol{name: "code " + c.Suffix, detail: textOf(c.Name), kind: protocol.SymbolKindEnum, start: c.Pos, end: c.EndPos, nameAt: c.Pos}
			for _, pr := range c.Props {
				switch {
				case pr.Table != nil:
					sym.children = append(sym.children, symbol{name: "table", kind: protocol.SymbolKindArray, start: pr.Table.Pos, end: pr.Table.EndPos, nameAt: pr.Table.Pos, nameLen: len("table")})
				case pr.Note != nil:
					name := "note"
					if len(pr.Note.Pathways) > 0 {
						name += " for " + strings.Join(pr.Note.Pathways, ", ")
					}
					sym.children = append(sym.children, symbol{name: name, detail: textOf(pr.Note.Heading), kind: protocol.SymbolKindString, start: pr.Note.Pos, end: pr.Note.Pos, nameAt: pr.Note.Pos, nameLen: len("note")})
				}
			}
			out = append(out, sym)
		case d.Rule != nil:
			r := d.Rule
			out = append(out, symbol{name: r.ID, detail: textOf(r.Name), kind: protocol.SymbolKindFunction, start: r.Pos, end: r.EndPos, nameAt: r.Pos})
		case d.LeadTime != nil:
			lt := d.LeadTime
			detail := ""
			for _, pr := range lt.Props {
				if pr.Name != nil {
					detail = textOf(pr.Name)
				}
			}
			out = append(out, symbol{name: lt.ID, detail: detail, kind: protocol.SymbolKindEvent, start: lt.Pos, end: lt.EndPos, nameAt: lt.Pos})
		case d.Section != nil:
			sc := d.Section
			out = append(out, symbol{name: textOf(sc.Heading), detail: "section", kind: protocol.SymbolKindNamespace, start: sc.Pos, end: sc.EndPos, nameAt: sc.Pos, nameLen: len("section")})
		case d.Test != nil:
			t := d.Test
			out = append(out, symbol{name: t.ID, kind: protocol.SymbolKindMethod, start: t.Pos, end: t.EndPos, nameAt: t.Pos})
		}
	}
	return out
}

func textOf(t *lang.Text) string {
	if t == nil {
		return ""
	}
	return firstLine(t.Value())
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// protocolPos converts a parser position (line and character from 1) of
// text to the protocol's.
func protocolPos(text string, starts []int, p lexer.Position) protocol.Position {
	line, _, _ := lineOf(text, starts, max(p.Line-1, 0))
	return protocol.Position{Line: protocol.UInteger(max(p.Line-1, 0)), Character: protocol.UInteger(runeColumnToUnits(line, p.Column))}
}

// documentSymbol returns the outline: declarations, and a code's table
// and notes inside it. The range runs from the keyword to the closing
// brace; the selection is the keyword, where the name follows.
func (s *Server) documentSymbol(_ *glsp.Context, p *protocol.DocumentSymbolParams) (any, error) {
	d, _ := s.docIn(p.TextDocument.URI)
	if d == nil {
		return nil, nil
	}
	f, _ := lang.Parse(filepath.Base(d.path), []byte(d.text))
	starts := lineStarts(d.text)
	lx := lex(d.path, d.text)
	var conv func([]symbol) []protocol.DocumentSymbol
	conv = func(syms []symbol) []protocol.DocumentSymbol {
		out := []protocol.DocumentSymbol{}
		for _, sym := range syms {
			end := sym.end // participle's EndPos is past the closing brace
			if sym.end.Line == sym.start.Line && sym.end.Column == sym.start.Column {
				end = lexer.Position{Line: sym.start.Line + 1, Column: 1} // a one-line declaration
			}
			sel := sym.nameAt
			selEnd := sel
			selEnd.Column += sym.nameLen
			if sym.nameLen == 0 {
				sel, selEnd = nameAfter(lx, sym.nameAt)
			}
			ds := protocol.DocumentSymbol{
				Name:           sym.name,
				Kind:           sym.kind,
				Range:          protocol.Range{Start: protocolPos(d.text, starts, sym.start), End: protocolPos(d.text, starts, end)},
				SelectionRange: protocol.Range{Start: protocolPos(d.text, starts, sel), End: protocolPos(d.text, starts, selEnd)},
			}
			if sym.detail != "" {
				detail := sym.detail
				ds.Detail = &detail
			}
			if len(sym.children) > 0 {
				ds.Children = conv(sym.children)
			}
			out = append(out, ds)
		}
		return out
	}
	return conv(symbolsOf(f)), nil
}

// workspaceSymbol finds declarations of every checked folder whose name
// or title holds the query (case does not matter).
func (s *Server) workspaceSymbol(_ *glsp.Context, p *protocol.WorkspaceSymbolParams) ([]protocol.SymbolInformation, error) {
	s.mu.Lock()
	var snaps []*snapshot
	for _, f := range s.folders {
		if f.snap != nil {
			snaps = append(snaps, f.snap)
		}
	}
	s.mu.Unlock()
	sort.Slice(snaps, func(i, j int) bool { return snaps[i].dir < snaps[j].dir })
	q := strings.ToLower(p.Query)
	out := []protocol.SymbolInformation{}
	for _, snap := range snaps {
		for _, name := range snap.names {
			sf := snap.files[name]
			if sf == nil {
				continue
			}
			text := string(sf.text)
			uri := pathToURI(filepath.Join(snap.dir, name))
			for _, sym := range symbolsOf(sf.file) {
				if q != "" && !strings.Contains(strings.ToLower(sym.name), q) && !strings.Contains(strings.ToLower(sym.detail), q) {
					continue
				}
				pos := protocolPos(text, sf.starts, sym.start)
				out = append(out, protocol.SymbolInformation{
					Name: sym.name, Kind: sym.kind,
					Location: protocol.Location{URI: uri, Range: protocol.Range{Start: pos, End: pos}},
				})
			}
		}
	}
	return out, nil
}

// nameAfter returns the start and end of the word after the keyword at
// p (the declared name), or of the keyword when there is none.
func nameAfter(lx *lexed, p lexer.Position) (lexer.Position, lexer.Position) {
	i := lx.at(p.Line, p.Column)
	if i < 0 {
		return p, p
	}
	if i+1 < len(lx.toks) && lx.toks[i+1].Pos.Line == p.Line {
		i++
	}
	t := lx.toks[i]
	start := lexer.Position{Line: t.Pos.Line, Column: t.Pos.Column}
	end := start
	end.Column += len([]rune(t.Text))
	return start, end
}
