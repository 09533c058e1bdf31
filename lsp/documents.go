package lsp

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// document is the text of a file the editor has open, which wins over
// the file on disk until it is closed (unsaved edits are what the author
// sees, so they are what the checks must see).
type document struct {
	uri     protocol.DocumentUri
	path    string // absolute, in the OS's form
	version int32
	text    string
}

// lineStarts returns the byte offset of the start of every line of text.
func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineOf returns line n (from 0) of text without its line ending, and
// its byte offset; ok is false past the last line.
func lineOf(text string, starts []int, n int) (line string, off int, ok bool) {
	if n < 0 || n >= len(starts) {
		return "", 0, false
	}
	end := len(text)
	if n+1 < len(starts) {
		end = starts[n+1] - 1
	}
	return strings.TrimSuffix(text[starts[n]:end], "\r"), starts[n], true
}

// offsetOf converts an LSP position (line from 0, character in UTF-16
// code units, the protocol's default) to a byte offset in text. A
// position past the end of its line is the end of the line, and past the
// last line the end of the text, as the protocol asks.
func offsetOf(text string, starts []int, p protocol.Position) int {
	line, off, ok := lineOf(text, starts, int(p.Line))
	if !ok {
		return len(text)
	}
	units := 0
	for i, r := range line {
		if units >= int(p.Character) {
			return off + i
		}
		units += utf16Len(r)
	}
	return off + len(line)
}

// positionOf converts a byte offset of text to an LSP position.
func positionOf(text string, starts []int, offset int) protocol.Position {
	offset = min(max(offset, 0), len(text))
	// The last line start at or before offset.
	lo, hi := 0, len(starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if starts[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	units := 0
	for _, r := range text[starts[lo]:offset] {
		units += utf16Len(r)
	}
	return protocol.Position{Line: protocol.UInteger(lo), Character: protocol.UInteger(units)}
}

// runeColumnToUnits converts a column counted in characters from 1 (the
// compiler's) on line to UTF-16 code units from 0 (the protocol's).
func runeColumnToUnits(line string, col int) int {
	units, n := 0, 1
	for _, r := range line {
		if n >= col {
			break
		}
		units += utf16Len(r)
		n++
	}
	if col > n { // past the end of the line
		units += col - n
	}
	return units
}

// unitsToRuneColumn converts UTF-16 code units from 0 on line to a
// column counted in characters from 1.
func unitsToRuneColumn(line string, units int) int {
	col, u := 1, 0
	for _, r := range line {
		if u >= units {
			return col
		}
		u += utf16Len(r)
		col++
	}
	return col
}

func utf16Len(r rune) int {
	if r == utf8.RuneError {
		return 1
	}
	return len(utf16.Encode([]rune{r}))
}

// applyChange applies one content change to text.
func applyChange(text string, change any) string {
	switch c := change.(type) {
	case protocol.TextDocumentContentChangeEventWhole:
		return c.Text
	case protocol.TextDocumentContentChangeEvent:
		if c.Range == nil {
			return c.Text
		}
		starts := lineStarts(text)
		from := offsetOf(text, starts, c.Range.Start)
		to := offsetOf(text, starts, c.Range.End)
		if to < from {
			from, to = to, from
		}
		return text[:from] + c.Text + text[to:]
	}
	return text
}

// uriToPath turns a file URI into an absolute path of the OS, or "" when
// the URI is not a file's (an unsaved buffer, a remote file).
func uriToPath(uri protocol.DocumentUri) string {
	u, err := url.Parse(string(uri))
	if err != nil || u.Scheme != "file" {
		return ""
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		// file:///c:/Users/… has the path /c:/Users/…; a share
		// (file://server/share/…) keeps its host.
		if len(p) >= 3 && p[0] == '/' && p[2] == ':' {
			p = p[1:]
		} else if u.Host != "" {
			p = "//" + u.Host + p
		}
	}
	if p == "" {
		return ""
	}
	return filepath.Clean(filepath.FromSlash(p))
}

// pathToURI turns an absolute path into a file URI.
func pathToURI(path string) protocol.DocumentUri {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // c:/Users/… on Windows
	}
	u := url.URL{Scheme: "file", Path: p}
	return protocol.DocumentUri(u.String())
}

func (s *Server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	path := uriToPath(p.TextDocument.URI)
	if path == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[p.TextDocument.URI] = &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, text: p.TextDocument.Text}
	s.markDirty(filepath.Dir(path))
	return nil
}

func (s *Server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	for _, c := range p.ContentChanges {
		d.text = applyChange(d.text, c)
	}
	d.version = p.TextDocument.Version
	s.markDirty(filepath.Dir(d.path))
	return nil
}

// didClose hands the file back to the disk: the folder is checked again
// with the saved text.
func (s *Server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[p.TextDocument.URI]; d != nil {
		delete(s.docs, p.TextDocument.URI)
		s.markDirty(filepath.Dir(d.path))
	}
	return nil
}

// didSave needs nothing: the open text was checked already.
func (s *Server) didSave(*glsp.Context, *protocol.DidSaveTextDocumentParams) error { return nil }

// didChangeWatchedFiles checks again the folders of rule files changed
// on disk by another program (git checkout, another editor).
func (s *Server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range p.Changes {
		if path := uriToPath(c.URI); path != "" {
			if dir := filepath.Dir(path); s.folders[dir] != nil {
				s.markDirty(dir)
			}
		}
	}
	return nil
}

// docIn returns the open document at uri and its folder's last check,
// or nils.
func (s *Server) docIn(uri protocol.DocumentUri) (*document, *snapshot) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return nil, nil
	}
	cp := *d
	var snap *snapshot
	if f := s.folders[filepath.Dir(d.path)]; f != nil {
		snap = f.snap
	}
	return &cp, snap
}
