package lsp

import (
	"fmt"
	"regexp"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
)

// didYouMean finds the compiler's suggestion in a diagnostic's message:
// a quoted word ending a line with a question mark (did you mean "X"?),
// whatever the words before it.
var didYouMean = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`(?m)"([^"\n]+)"\?$`) }}

// codeAction offers, for each diagnostic with a "did you mean"
// suggestion, the fix that puts the suggestion in place of the word.
func (s *Server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	actions := []protocol.CodeAction{}
	kind := protocol.CodeActionKindQuickFix
	yes := true
	for _, d := range p.Context.Diagnostics {
		m := didYouMean.Get().FindStringSubmatch(d.Message)
		if m == nil || d.Range.Start.Line != d.Range.End.Line {
			continue
		}
		actions = append(actions, protocol.CodeAction{
			Title:       fmt.Sprintf(msg.LSPFixDidYouMean, m[1]),
			Kind:        &kind,
			Diagnostics: []protocol.Diagnostic{d},
			IsPreferred: &yes,
			Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{
				p.TextDocument.URI: {{Range: d.Range, NewText: m[1]}},
			}},
		})
	}
	return actions, nil
}
