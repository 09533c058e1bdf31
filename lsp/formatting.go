package lsp

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// formatting formats the whole document as `svfrules fmt` does. The edit
// replaces only the lines that change, so the editor keeps the cursor
// and folds elsewhere. A document with syntax errors is not formatted
// (its diagnostics say why): formatting a partial parse would drop the
// declarations that did not parse.
func (s *Server) formatting(_ *glsp.Context, p *protocol.DocumentFormattingParams) ([]protocol.TextEdit, error) {
	d, _ := s.docIn(p.TextDocument.URI)
	if d == nil {
		return nil, nil
	}
	out, diags := lang.FormatSource(filepath.Base(d.path), []byte(d.text))
	if diags.HasErrors() {
		return nil, fmt.Errorf(msg.LSPFormatSyntaxErrors, filepath.Base(d.path), len(diags))
	}
	return lineEdit(d.text, string(out)), nil
}

// lineEdit is the one edit that turns old into new, covering the lines
// between their common first and last lines; none when they are equal.
func lineEdit(old, new string) []protocol.TextEdit {
	if old == new {
		return []protocol.TextEdit{}
	}
	a := strings.SplitAfter(old, "\n")
	b := strings.SplitAfter(new, "\n")
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	from := len(strings.Join(a[:pre], ""))
	to := len(old) - len(strings.Join(a[len(a)-suf:], ""))
	starts := lineStarts(old)
	return []protocol.TextEdit{{
		Range:   protocol.Range{Start: positionOf(old, starts, from), End: positionOf(old, starts, to)},
		NewText: strings.Join(b[pre:len(b)-suf], ""),
	}}
}
