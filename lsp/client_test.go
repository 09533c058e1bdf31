package lsp

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// client is an editor for the tests: it talks to a Server over pipes with
// the protocol's framing, as VS Code does over the server's stdin and
// stdout, and collects the diagnostics the server publishes.
type client struct {
	t      testing.TB
	conn   *jsonrpc2.Conn
	server *Server
	exit   chan int // the server's exit code once Serve returns
	dir    string   // the guide folder under test

	mu    sync.Mutex
	diags map[protocol.DocumentUri][]published
	note  chan struct{} // a diagnostics notification arrived
	open  map[protocol.DocumentUri]int32
	texts map[string]string // the open files' text, by name
}

// published is one publishDiagnostics notification.
type published struct {
	version *protocol.UInteger
	diags   []protocol.Diagnostic
}

// copyGuide copies the rule files of rules/<version> into a new folder
// named as the version (the lint checks the name) and returns it.
func copyGuide(t testing.TB, version string) string {
	return copyGuideAs(t, version, version)
}

// copyGuideAs copies rules/<version> into a new folder called name.
func copyGuideAs(t testing.TB, version, name string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join("..", "rules", version)
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// startClient starts a server on pipes and initializes it with dir as
// the workspace root.
func startClient(t testing.TB, dir string) *client {
	t.Helper()
	toServerR, toServerW := io.Pipe()
	toClientR, toClientW := io.Pipe()
	c := &client{
		t: t, dir: dir, exit: make(chan int, 1),
		server: NewServer(io.Discard),
		diags:  map[protocol.DocumentUri][]published{},
		note:   make(chan struct{}, 1),
		open:   map[protocol.DocumentUri]int32{},
		texts:  map[string]string{},
	}
	go func() {
		code := c.server.Serve(context.Background(), toServerR, toClientW)
		toClientW.Close()
		toServerR.Close()
		c.exit <- code
	}()
	stream := jsonrpc2.NewBufferedStream(rwc{toClientR, toServerW}, jsonrpc2.VSCodeObjectCodec{})
	c.conn = jsonrpc2.NewConn(context.Background(), stream, jsonrpc2.HandlerWithError(c.handle))
	t.Cleanup(func() { c.conn.Close() })
	root := pathToURI(dir)
	var res protocol.InitializeResult
	c.call(protocol.MethodInitialize, protocol.InitializeParams{RootURI: &root}, &res)
	c.notify(protocol.MethodInitialized, protocol.InitializedParams{})
	return c
}

func (c *client) handle(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	if req.Method != protocol.ServerTextDocumentPublishDiagnostics || req.Params == nil {
		return nil, nil
	}
	var p struct {
		URI         protocol.DocumentUri  `json:"uri"`
		Version     *protocol.UInteger    `json:"version"`
		Diagnostics []protocol.Diagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal(*req.Params, &p); err != nil {
		c.t.Errorf("publishDiagnostics: %v", err)
		return nil, nil
	}
	if p.Diagnostics == nil {
		c.t.Errorf("publishDiagnostics for %s has null diagnostics; clearing needs []", p.URI)
	}
	c.mu.Lock()
	c.diags[p.URI] = append(c.diags[p.URI], published{p.Version, p.Diagnostics})
	c.mu.Unlock()
	select {
	case c.note <- struct{}{}:
	default:
	}
	return nil, nil
}

// call sends a request and decodes its result.
func (c *client) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// uri is the URI of the file name in the guide folder.
func (c *client) uri(name string) protocol.DocumentUri {
	return pathToURI(filepath.Join(c.dir, name))
}

// openFile opens the file name of the folder with its text on disk and
// returns the text.
func (c *client) openFile(name string) string {
	c.t.Helper()
	data, err := os.ReadFile(filepath.Join(c.dir, name))
	if err != nil {
		c.t.Fatal(err)
	}
	uri := c.uri(name)
	c.open[uri] = 1
	c.texts[name] = string(data)
	c.notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri, LanguageID: "svf", Version: 1, Text: string(data),
	}})
	return string(data)
}

// edit replaces the range of the open file name with text and returns
// the document's new version.
func (c *client) edit(name string, r protocol.Range, text string) int32 {
	c.t.Helper()
	uri := c.uri(name)
	c.open[uri]++
	c.texts[name] = applyChange(c.texts[name], protocol.TextDocumentContentChangeEvent{Range: &r, Text: text})
	c.notify(protocol.MethodTextDocumentDidChange, protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: c.open[uri]},
		ContentChanges: []any{protocol.TextDocumentContentChangeEvent{Range: &r, Text: text}},
	})
	return c.open[uri]
}

// diagnostics waits for the diagnostics of the open file name at its
// current version and returns them.
func (c *client) diagnostics(name string) []protocol.Diagnostic {
	c.t.Helper()
	uri := c.uri(name)
	want := protocol.UInteger(c.open[uri])
	deadline := time.After(30 * time.Second)
	for {
		c.mu.Lock()
		list := c.diags[uri]
		for i := len(list) - 1; i >= 0; i-- {
			if v := list[i].version; v != nil && *v == want {
				c.mu.Unlock()
				return list[i].diags
			}
		}
		c.mu.Unlock()
		select {
		case <-c.note:
		case <-deadline:
			c.t.Fatalf("no diagnostics for %s version %d", name, want)
		}
	}
}

// latest returns the last diagnostics published for the file name (open
// or not), and whether any were.
func (c *client) latest(name string) ([]protocol.Diagnostic, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	list := c.diags[c.uri(name)]
	if len(list) == 0 {
		return nil, false
	}
	return list[len(list)-1].diags, true
}

// close shuts the server down as an editor does and returns its exit
// code.
func (c *client) close() int {
	c.t.Helper()
	c.call(protocol.MethodShutdown, nil, nil)
	c.notify(protocol.MethodExit, nil)
	select {
	case code := <-c.exit:
		return code
	case <-time.After(30 * time.Second):
		c.t.Fatal("the server did not exit")
	}
	return -1
}

// rng is a range on one line.
func rng(line, from, to int) protocol.Range {
	return protocol.Range{
		Start: protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(from)},
		End:   protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(to)},
	}
}

// find returns the place (line and character from 0) of the nth (from 0)
// occurrence of s in text.
func find(t testing.TB, text, s string, nth int) protocol.Position {
	t.Helper()
	starts := lineStarts(text)
	off := -1
	for i := 0; i <= nth; i++ {
		k := indexFrom(text, s, off+1)
		if k < 0 {
			t.Fatalf("%q not found %d times", s, nth+1)
		}
		off = k
	}
	return positionOf(text, starts, off)
}

func indexFrom(text, s string, from int) int {
	for i := from; i+len(s) <= len(text); i++ {
		if text[i:i+len(s)] == s {
			return i
		}
	}
	return -1
}
