package lsp

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// pos returns the position of the second character of the nth
// occurrence of word in text.
func pos(t *testing.T, text, word string, nth int) protocol.Position {
	t.Helper()
	p := find(t, text, word, nth)
	p.Character++
	return p
}

// locs writes locations as "file line:char-line:char" (from 0).
func locs(ls []protocol.Location) []string {
	out := []string{}
	for _, l := range ls {
		out = append(out, fmt.Sprintf("%s %d:%d-%d:%d", filepath.Base(uriToPath(l.URI)), l.Range.Start.Line, l.Range.Start.Character, l.Range.End.Line, l.Range.End.Character))
	}
	return out
}

func (c *client) at(name string, p protocol.Position) protocol.TextDocumentPositionParams {
	return protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(name)}, Position: p}
}

func TestDefinition(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	texts := map[string]string{}
	for _, n := range []string{"behandling.svf", "tester.svf", "regler.svf"} {
		texts[n] = c.openFile(n)
	}
	c.diagnostics("regler.svf")
	for _, tc := range []struct {
		file, word string
		nth        int
		want       []string
	}{
		// A pathway key in a table row: its declaration in guide.svf.
		{"behandling.svf", "hjarntumorer", 0, []string{"guide.svf 43:8-43:20"}},
		// A qualifier in a cell, a code in a condition (any form), a rule
		// id in a test, a pathway in a rule.
		{"behandling.svf", "(kur)", 0, []string{"guide.svf 19:10-19:13"}},
		{"regler.svf", "XX60) and", 0, []string{"behandling.svf 332:5-332:7"}},
		{"tester.svf", "VL250 2024", 0, []string{"behandling.svf 10:5-10:7"}},
		// The same words in a string and a comment are text.
		{"regler.svf", "XX60", 0, nil},
		{"tester.svf", "VL250", 0, nil},
		{"tester.svf", "findings okand_kod", 0, nil}, // on "findings": a keyword
		{"regler.svf", "pathway hjarntumorer", 0, nil},
	} {
		var got []protocol.Location
		c.call(protocol.MethodTextDocumentDefinition, protocol.DefinitionParams{TextDocumentPositionParams: c.at(tc.file, pos(t, texts[tc.file], tc.word, tc.nth))}, &got)
		if tc.want == nil {
			tc.want = []string{}
		}
		if l := locs(got); !slices.Equal(l, tc.want) {
			t.Errorf("definition of %q in %s: %q, want %q", tc.word, tc.file, l, tc.want)
		}
	}
	// The rule id after `expect findings` and the pathway after `pathway`.
	for _, tc := range []struct {
		file, before, want string
	}{
		{"tester.svf", "findings o", "regler.svf 10:5-10:14"},
		{"regler.svf", "pathway h", "guide.svf 43:8-43:20"},
	} {
		p := find(t, texts[tc.file], tc.before, 0)
		p.Character += protocol.UInteger(len(tc.before))
		var got []protocol.Location
		c.call(protocol.MethodTextDocumentDefinition, protocol.DefinitionParams{TextDocumentPositionParams: c.at(tc.file, p)}, &got)
		if l := locs(got); !slices.Equal(l, []string{tc.want}) {
			t.Errorf("definition after %q in %s: %q, want %q", tc.before, tc.file, l, tc.want)
		}
	}
}

func TestReferences(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	text := c.openFile("behandling.svf")
	c.diagnostics("behandling.svf")
	refs := func(word string, decl bool) []string {
		var got []protocol.Location
		c.call(protocol.MethodTextDocumentReferences, protocol.ReferenceParams{TextDocumentPositionParams: c.at("behandling.svf", pos(t, text, word, 0)),
			Context: protocol.ReferenceContext{IncludeDeclaration: decl}}, &got)
		return locs(got)
	}
	// The qualifier kur: its declaration, the eight cells, qualified(kur).
	want := []string{"behandling.svf 26:36-26:39", "behandling.svf 38:36-38:39", "behandling.svf 43:36-43:39", "behandling.svf 103:36-103:39",
		"behandling.svf 115:36-115:39", "behandling.svf 120:36-120:39", "behandling.svf 164:36-164:39", "behandling.svf 181:36-181:39",
		"guide.svf 19:10-19:13", "regler.svf 104:21-104:24"}
	if got := refs("(kur)", true); !slices.Equal(got, want) {
		t.Errorf("references of kur:\n%q\nwant\n%q", got, want)
	}
	if got := refs("(kur)", false); !slices.Equal(got, slices.Delete(slices.Clone(want), 8, 9)) {
		t.Errorf("references of kur without the declaration: %q", got)
	}
	// Code 60 in every form: code 60, the chapter's codes list, XX60 in
	// rules and lead times, VL260 in tests; not in text blocks, strings
	// and comments.
	got := refs("60 \"Start", true)
	want = []string{"behandling.svf 332:5-332:7", "kapitel.svf 39:28-39:30", "ledtider.svf 55:5-55:9", "regler.svf 114:11-114:15",
		"tester.svf 267:8-267:13", "tester.svf 276:8-276:13", "tester.svf 916:8-916:13"}
	if !slices.Equal(got, want) {
		t.Errorf("references of code 60:\n%q\nwant\n%q", got, want)
	}
}

func TestSymbols(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	c.openFile("behandling.svf")
	c.diagnostics("behandling.svf")
	var syms []protocol.DocumentSymbol
	c.call(protocol.MethodTextDocumentDocumentSymbol, protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: c.uri("behandling.svf")}}, &syms)
	var names []string
	for _, s := range syms {
		names = append(names, s.Name)
	}
	if want := []string{"code 50", "code 52", "code 54", "code 58", "code 59", "code 60", "code 73"}; !slices.Equal(names, want) {
		t.Errorf("symbols %q, want %q", names, want)
	}
	s := syms[0]
	if s.Detail == nil || *s.Detail != "Start av första behandling, kirurgi" || s.Kind != protocol.SymbolKindEnum ||
		s.Range != (protocol.Range{Start: protocol.Position{Line: 10}, End: protocol.Position{Line: 84, Character: 1}}) ||
		s.SelectionRange != rng(10, 5, 7) {
		t.Errorf("code 50: %+v", s)
	}
	if len(s.Children) != 10 || s.Children[0].Name != "table" || s.Children[1].Name != "note for hjarntumorer" || s.Children[1].Detail == nil || *s.Children[1].Detail != "Hjärtumörer" {
		t.Errorf("code 50's children: %+v", s.Children)
	}

	var ws []protocol.SymbolInformation
	c.call(protocol.MethodWorkspaceSymbol, protocol.WorkspaceSymbolParams{Query: "Kirurgi"}, &ws)
	var found []string
	for _, w := range ws {
		found = append(found, fmt.Sprintf("%s %d %s", w.Name, w.Kind, locs([]protocol.Location{w.Location})[0]))
	}
	want := []string{"code 50 10 behandling.svf 10:0-10:0", "code 22 10 frivilliga.svf 11:0-11:0",
		"livkropp_kirurgi 24 ledtider.svf 65:0-65:0", "livkropp_beslut_till_kirurgi 24 ledtider.svf 205:0-205:0",
		"livkropp_livmoderhals_kirurgi_fel 6 tester.svf 643:0-643:0", "livkropp_endometrium_kirurgi_ok 6 tester.svf 652:0-652:0",
		"livkropp_beslut_till_kirurgi_over 6 tester.svf 1054:0-1054:0"}
	if !slices.Equal(found, want) {
		t.Errorf("workspace symbols for Kirurgi: %q, want %q", found, want)
	}
}
