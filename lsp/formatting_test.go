package lsp

import (
	"context"
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// applyEdits applies non-overlapping edits to text, last first.
func applyEdits(text string, edits []protocol.TextEdit) string {
	slices.SortFunc(edits, func(a, b protocol.TextEdit) int {
		starts := lineStarts(text)
		return offsetOf(text, starts, b.Range.Start) - offsetOf(text, starts, a.Range.Start)
	})
	for _, e := range edits {
		starts := lineStarts(text)
		from, to := offsetOf(text, starts, e.Range.Start), offsetOf(text, starts, e.Range.End)
		text = text[:from] + e.NewText + text[to:]
	}
	return text
}

func TestFormatting(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	orig := c.openFile("guide.svf")
	format := func() ([]protocol.TextEdit, error) {
		var edits []protocol.TextEdit
		err := c.conn.Call(context.Background(), protocol.MethodTextDocumentFormatting, protocol.DocumentFormattingParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: c.uri("guide.svf")}}, &edits)
		return edits, err
	}
	// 10.6 is formatted: no edits.
	if edits, err := format(); err != nil || edits == nil || len(edits) != 0 {
		t.Fatalf("formatted file: edits %+v, err %v; want []", edits, err)
	}
	// A badly indented, spaced property: one edit of that line puts it right.
	text := orig
	c.replace("guide.svf", &text, "  prefix VL2\n", "prefix    VL2\n")
	edits, err := format()
	if err != nil {
		t.Fatal(err)
	}
	p := find(t, text, "prefix    VL2", 0)
	want := []protocol.TextEdit{{Range: protocol.Range{Start: protocol.Position{Line: p.Line}, End: protocol.Position{Line: p.Line + 1}}, NewText: "  prefix VL2\n"}}
	if !slices.Equal(edits, want) {
		t.Errorf("edits %+v, want %+v", edits, want)
	}
	if got := applyEdits(text, edits); got != orig {
		t.Errorf("after the edits the text is not the formatted one")
	}
	// A syntax error: no edits, and a message that says why.
	c.replace("guide.svf", &text, "prefix    VL2", "prefix VL2 {")
	edits, err = format()
	if err == nil || !strings.Contains(err.Error(), "guide.svf formateras inte: filen har 1 syntaxfel") || len(edits) != 0 {
		t.Errorf("syntax error: edits %+v, err %v", edits, err)
	}
}

func TestCodeActionDidYouMean(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	text := c.openFile("behandling.svf")
	c.replace("behandling.svf", &text, "    hjarntumorer                 - # guiden: \"Hjärtumörer\"", "    hjarntumorr                  - # guiden: \"Hjärtumörer\"")
	ds := c.diagnostics("behandling.svf")
	c.wantCompiler("misspelt pathway", "behandling.svf", ds, "24:4-24:15 1")
	// The editor shows the compiler's Swedish: the summary, then the hint.
	if want := "okänt vårdförlopp \"hjarntumorr\"\nmenade du \"hjarntumorer\"?"; ds[0].Message != want {
		t.Errorf("message %q, want %q", ds[0].Message, want)
	}
	var actions []protocol.CodeAction
	c.call(protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: c.uri("behandling.svf")},
		Range:        ds[0].Range,
		Context:      protocol.CodeActionContext{Diagnostics: ds},
	}, &actions)
	if len(actions) != 1 {
		t.Fatalf("actions: %+v", actions)
	}
	a := actions[0]
	edits := a.Edit.Changes[c.uri("behandling.svf")]
	if a.Title != `Byt till "hjarntumorer"` || a.Kind == nil || *a.Kind != protocol.CodeActionKindQuickFix ||
		!slices.Equal(edits, []protocol.TextEdit{{Range: rng(24, 4, 15), NewText: "hjarntumorer"}}) {
		t.Errorf("action %+v, edits %+v", a, edits)
	}
	// Applied, the file checks clean again.
	c.edit("behandling.svf", edits[0].Range, edits[0].NewText)
	wantDiags(t, "fixed", c.diagnostics("behandling.svf"))
}
