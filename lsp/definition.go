package lsp

import (
	"path/filepath"
	"sort"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// folderText is one rule file of a folder as the editor has it now.
type folderText struct {
	name string
	uri  protocol.DocumentUri
	text string
}

// texts returns the rule files of the folder of the open document d:
// open documents' text, else the text of the last check (the file on
// disk), in name order.
func (s *Server) texts(d *document, snap *snapshot) []folderText {
	dir := filepath.Dir(d.path)
	s.mu.Lock()
	byName := map[string]folderText{}
	for _, o := range s.docs {
		if filepath.Dir(o.path) == dir {
			n := filepath.Base(o.path)
			byName[n] = folderText{name: n, uri: o.uri, text: o.text}
		}
	}
	s.mu.Unlock()
	if snap != nil {
		for n, sf := range snap.files {
			if _, ok := byName[n]; !ok {
				byName[n] = folderText{name: n, uri: pathToURI(filepath.Join(dir, n)), text: string(sf.text)}
			}
		}
	}
	out := make([]folderText, 0, len(byName))
	for _, t := range byName {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// occurrences returns the places in the folder's files that refer to
// what r refers to; decl says whether the declaration counts.
func (s *Server) occurrences(r ref, d *document, snap *snapshot, decl bool) []protocol.Location {
	if r.kind == refNone {
		return nil
	}
	var out []protocol.Location
	for _, ft := range s.texts(d, snap) {
		lx := lex(ft.name, ft.text)
		for i := range lx.toks {
			o := lx.classify(i, snap.guide)
			if o.kind != r.kind || o.key() != r.key() || o.decl && !decl {
				continue
			}
			out = append(out, protocol.Location{URI: ft.uri, Range: tokenRange(ft.text, o)})
		}
	}
	return out
}

// definition goes to where a pathway, code, rule, lead time, qualifier
// or test is declared.
func (s *Server) definition(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
	r, _, d, snap, ok := s.refAt(p.TextDocument.URI, p.Position)
	if !ok || snap == nil {
		return nil, nil
	}
	var decls []protocol.Location
	for _, ft := range s.texts(d, snap) {
		lx := lex(ft.name, ft.text)
		for i := range lx.toks {
			if o := lx.classify(i, snap.guide); o.decl && o.kind == r.kind && o.key() == r.key() {
				decls = append(decls, protocol.Location{URI: ft.uri, Range: tokenRange(ft.text, o)})
			}
		}
	}
	if len(decls) == 0 {
		return nil, nil
	}
	return decls, nil
}

// references finds every place that names the same pathway, code (in
// any form: XX44, VXX44, VL244, code 44), rule, lead time, qualifier,
// attribute, function or code set.
func (s *Server) references(_ *glsp.Context, p *protocol.ReferenceParams) ([]protocol.Location, error) {
	r, _, d, snap, ok := s.refAt(p.TextDocument.URI, p.Position)
	if !ok || snap == nil {
		return nil, nil
	}
	return s.occurrences(r, d, snap, p.Context.IncludeDeclaration), nil
}
