package lsp

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// pieces are what the random edits type: the language's words and
// punctuation, half-typed ones, quotes that open strings and text blocks,
// line breaks, characters outside the language, and characters that take
// two UTF-16 units, where positions are easy to get wrong.
var pieces = []string{
	"rule ", "leadtime ", "test ", "pathway ", "code ", "table {", "}", "{", "\n", "\n  ", " ", "(", ")", ",", "[", "]",
	"when has(XX44)", "has(", "XX", "VL2", "VL244", "XX60", "44", "2024-01-01", "expect findings ", "event VL210 2024-01-10",
	"\"", "\"\"\"", "\"\"\"\n  text\n  \"\"\"", "#", "# kommentar\n", "not ", " and ", " or ", "qualified(kur)",
	"hjarntumorer x", "hjarn", "(kur)", "severity error", "message \"å\"", "åäö", "😀", "\t", "==", "<=", "-", "x",
	"icd10_in(diagnosis, \"C71\")", "days(first(start), first(closing)) > 30", "\r\n", "\\", "\\\"",
}

// randomEdits opens three files of a copy of 10.6 and sends n random
// edits (insertions, deletions, replacements, some with positions past
// the end of a line or of the file), with every kind of request between
// them at random places, as a fast typist with a busy editor would. The
// server must never fail a request or drop the session, and its text must
// stay the editor's.
func randomEdits(t testing.TB, seed uint64, n int) {
	c := startClient(t, copyGuide(t, "10.6"))
	r := rand.New(rand.NewPCG(seed, 0x5f3))
	names := []string{"regler.svf", "behandling.svf", "guide.svf"}
	texts := map[string]string{}
	for _, name := range names {
		texts[name] = c.openFile(name)
	}
	ctx := context.Background()
	for i := 0; i < n; i++ {
		name := names[r.IntN(len(names))]
		text := texts[name]
		starts := lineStarts(text)
		from := r.IntN(len(text) + 1)
		to := min(len(text), from+r.IntN(12))
		for from > 0 && !isRuneStart(text, from) {
			from--
		}
		for to < len(text) && !isRuneStart(text, to) {
			to++
		}
		// A place between \r and \n has no position: \r\n ends a line.
		if from > 0 && from < len(text) && text[from-1] == '\r' && text[from] == '\n' {
			from--
		}
		if to > 0 && to < len(text) && text[to-1] == '\r' && text[to] == '\n' {
			to++
		}
		ins := ""
		if r.IntN(4) > 0 {
			ins = pieces[r.IntN(len(pieces))]
		}
		rg := protocol.Range{Start: positionOf(text, starts, from), End: positionOf(text, starts, to)}
		if r.IntN(20) == 0 {
			// Past the end of the line: the protocol says the end of the line.
			rg.End.Character += 50
			to = offsetOf(text, starts, rg.End)
			from = min(from, to)
			rg.Start = positionOf(text, starts, from)
		}
		c.edit(name, rg, ins)
		texts[name] = text[:from] + ins + text[to:]

		if r.IntN(5) == 0 {
			p := protocol.Position{Line: protocol.UInteger(r.IntN(len(starts) + 2)), Character: protocol.UInteger(r.IntN(80))}
			at := c.at(name, p)
			doc := protocol.TextDocumentIdentifier{URI: c.uri(name)}
			var res any
			var err error
			switch r.IntN(8) {
			case 0:
				err = c.conn.Call(ctx, protocol.MethodTextDocumentHover, protocol.HoverParams{TextDocumentPositionParams: at}, &res)
			case 1:
				err = c.conn.Call(ctx, protocol.MethodTextDocumentCompletion, protocol.CompletionParams{TextDocumentPositionParams: at}, &res)
			case 2:
				err = c.conn.Call(ctx, protocol.MethodTextDocumentDefinition, protocol.DefinitionParams{TextDocumentPositionParams: at}, &res)
			case 3:
				err = c.conn.Call(ctx, protocol.MethodTextDocumentReferences, protocol.ReferenceParams{TextDocumentPositionParams: at, Context: protocol.ReferenceContext{IncludeDeclaration: true}}, &res)
			case 4:
				err = c.conn.Call(ctx, protocol.MethodTextDocumentDocumentSymbol, protocol.DocumentSymbolParams{TextDocument: doc}, &res)
			case 5:
				err = c.conn.Call(ctx, protocol.MethodWorkspaceSymbol, protocol.WorkspaceSymbolParams{Query: "a"}, &res)
			case 6:
				// Fails with a message when the file has syntax errors.
				_ = c.conn.Call(ctx, protocol.MethodTextDocumentFormatting, protocol.DocumentFormattingParams{TextDocument: doc}, &res)
			case 7:
				err = c.conn.Call(ctx, protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{TextDocument: doc,
					Context: protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{{Range: protocol.Range{Start: p, End: p}, Message: "x\nmenade du \"y\"?"}}}}, &res)
			}
			if err != nil {
				t.Fatalf("edit %d (seed %d): %v", i, seed, err)
			}
		}
	}
	// The last version is checked, and the server's text is the editor's.
	for _, name := range names {
		c.diagnostics(name)
		d, _ := c.server.docIn(c.uri(name))
		if d == nil || d.text != texts[name] {
			t.Fatalf("seed %d: the server's text of %s is not the editor's", seed, name)
		}
	}
	if p := c.server.Panics(); p != 0 {
		t.Fatalf("seed %d: %d panics", seed, p)
	}
	if code := c.close(); code != 0 {
		t.Fatalf("seed %d: exit code %d", seed, code)
	}
}

func isRuneStart(s string, i int) bool { return i >= len(s) || s[i]&0xC0 != 0x80 }

// TestRandomEdits sends 2000 random edits (300 with -short); FuzzEdits
// runs more seeds for as long as it is given (go test -fuzz FuzzEdits).
func TestRandomEdits(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 300
	}
	start := time.Now()
	randomEdits(t, 1, n)
	t.Logf("%d edits in %v", n, time.Since(start))
}

func FuzzEdits(f *testing.F) {
	f.Add(uint64(2))
	f.Add(uint64(3))
	f.Fuzz(func(t *testing.T, seed uint64) {
		randomEdits(t, seed, 200)
	})
}
