package lsp

import (
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// TestAcceptance is issue 15's list, in one session on a copy of
// rules/10.6, as an editor would go through it.
func TestAcceptance(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	text := c.openFile("behandling.svf")
	wantDiags(t, "10.6", c.diagnostics("behandling.svf"))

	// A diagnostic at an unknown code, and its clearing.
	rules := c.openFile("regler.svf")
	c.replace("regler.svf", &rules, "when has(XX60) and not has(XX44)", "when has(XX61) and not has(XX44)")
	c.wantCompiler("unknown code", "regler.svf", c.diagnostics("regler.svf"), "114:11-114:15 1")
	c.replace("regler.svf", &rules, "when has(XX61)", "when has(XX60)")
	wantDiags(t, "cleared", c.diagnostics("regler.svf"))

	// Hover on XX44 names "Behandlingsbeslut efter utökad utredning".
	if h, _ := c.hoverAt("regler.svf", rules, "XX44)", 0); !strings.HasPrefix(h, "**Kod 44 – Behandlingsbeslut efter utökad utredning**") {
		t.Errorf("hover on XX44: %q", h)
	}

	// Completion offers hjarntumorer in a table that lacks it.
	c.replace("behandling.svf", &text, "    hjarntumorer                 - # guiden: \"Hjärtumörer\"\n", "    hj\n")
	if got := labels(c.complete("behandling.svf", text, "    hj", 0)); !slices.Contains(got, "hjarntumorer") {
		t.Errorf("completion in the table: %q", got)
	}
	c.replace("behandling.svf", &text, "    hj\n", "    hjarntumorer                 - # guiden: \"Hjärtumörer\"\n")

	// Definition of a pathway key: its declaration in guide.svf.
	var defs []protocol.Location
	c.call(protocol.MethodTextDocumentDefinition, protocol.DefinitionParams{TextDocumentPositionParams: c.at("behandling.svf", pos(t, text, "hjarntumorer", 0))}, &defs)
	if got := locs(defs); !slices.Equal(got, []string{"guide.svf 43:8-43:20"}) {
		t.Errorf("definition: %q", got)
	}

	// Formatting edits.
	c.replace("behandling.svf", &text, "  kind treatment\n", "kind    treatment\n")
	var edits []protocol.TextEdit
	c.call(protocol.MethodTextDocumentFormatting, protocol.DocumentFormattingParams{TextDocument: protocol.TextDocumentIdentifier{URI: c.uri("behandling.svf")}}, &edits)
	if len(edits) != 1 || edits[0].NewText != "  kind treatment\n" {
		t.Errorf("formatting: %+v", edits)
	}

	// Document symbols.
	var syms []protocol.DocumentSymbol
	c.call(protocol.MethodTextDocumentDocumentSymbol, protocol.DocumentSymbolParams{TextDocument: protocol.TextDocumentIdentifier{URI: c.uri("behandling.svf")}}, &syms)
	if len(syms) != 7 || syms[0].Name != "code 50" {
		t.Errorf("symbols: %d, first %+v", len(syms), syms)
	}

	// A clean exit after shutdown.
	if code := c.close(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}
