package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// source of the diagnostics, as editors show it beside the message.
const diagSource = "svfrules"

// testFailure is the diagnostic of a failing test case at p.
func testFailure(id string, failures []string, p lang.Pos) *lang.Diagnostic {
	return &lang.Diagnostic{
		Severity: lang.Error,
		Summary:  fmt.Sprintf(msg.LSPTestFailed, id),
		Detail:   strings.Join(failures, "\n"),
		Pos:      p,
		Width:    len([]rune(id)),
	}
}

// publish sends the diagnostics of a check: for every file whose
// diagnostics changed (which clears those that were fixed), then for
// every open document of the folder, with the version checked, so the
// editor can drop stale ones.
func (s *Server) publish(ctx context.Context, conn *jsonrpc2.Conn, f *folder, snap *snapshot, open map[string]overlay) {
	if conn == nil {
		return
	}
	byFile := map[string][]protocol.Diagnostic{}
	for _, d := range snap.diags {
		name := d.Pos.File
		if _, ok := snap.files[name]; !ok && !contains(snap.names, name) {
			// About the folder, not one file (too many files): shown on
			// every open document of the folder.
			for o := range open {
				byFile[o] = append(byFile[o], toProtocol(d, nil))
			}
			continue
		}
		byFile[name] = append(byFile[name], toProtocol(d, snap.files[name]))
	}
	names := map[string]bool{}
	for _, n := range snap.names {
		names[n] = true
	}
	for n := range f.shown {
		names[n] = true
	}
	for n := range open {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	// Open documents last: a client that has the diagnostics of the
	// document it edits has those of the other files of the same check.
	sort.Slice(sorted, func(i, j int) bool {
		_, oi := open[sorted[i]]
		_, oj := open[sorted[j]]
		if oi != oj {
			return oj
		}
		return sorted[i] < sorted[j]
	})
	for _, name := range sorted {
		ds := byFile[name]
		if ds == nil {
			ds = []protocol.Diagnostic{} // clears the file's diagnostics
		}
		key, _ := json.Marshal(ds)
		o, isOpen := open[name]
		if !isOpen && f.shown[name] == string(key) {
			continue
		}
		if len(ds) == 0 {
			delete(f.shown, name)
		} else {
			f.shown[name] = string(key)
		}
		params := protocol.PublishDiagnosticsParams{URI: pathToURI(filepath.Join(f.dir, name)), Diagnostics: ds}
		if isOpen {
			params.URI = protocol.DocumentUri(o.uri)
			v := protocol.UInteger(o.version)
			params.Version = &v
		}
		_ = conn.Notify(ctx, protocol.ServerTextDocumentPublishDiagnostics, params)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// toProtocol converts a compiler diagnostic to the protocol's: the range
// from its place and width (characters on one line) in UTF-16 units, the
// message its summary, with the detail (what to do, did you mean) below.
func toProtocol(d *lang.Diagnostic, sf *source) protocol.Diagnostic {
	sev := protocol.DiagnosticSeverityError
	if d.Severity == lang.Warning {
		sev = protocol.DiagnosticSeverityWarning
	}
	src := diagSource
	message := d.Summary
	if d.Detail != "" {
		message += "\n" + d.Detail
	}
	return protocol.Diagnostic{
		Range:    diagRange(d, sf),
		Severity: &sev,
		Source:   &src,
		Message:  message,
	}
}

// diagRange is the range a diagnostic underlines. A diagnostic about a
// whole file (no line) marks the file's first character.
func diagRange(d *lang.Diagnostic, sf *source) protocol.Range {
	if d.Pos.Line < 1 {
		return protocol.Range{}
	}
	line := ""
	if sf != nil {
		line, _, _ = lineOf(string(sf.text), sf.starts, d.Pos.Line-1)
	}
	col := max(d.Pos.Column, 1)
	width := max(d.Width, 1)
	ln := protocol.UInteger(d.Pos.Line - 1)
	return protocol.Range{
		Start: protocol.Position{Line: ln, Character: protocol.UInteger(runeColumnToUnits(line, col))},
		End:   protocol.Position{Line: ln, Character: protocol.UInteger(runeColumnToUnits(line, col+width))},
	}
}
