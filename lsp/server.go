// Package lsp is the language server of the rule language (`svfrules
// lsp`): it speaks the Language Server Protocol over a stream (standard
// input and output) and gives an editor what `svfrules check`, `test`
// and `fmt` give on the command line, as the author types: diagnostics
// for the whole guide folder, hover, completion, go to definition, find
// references, symbols, formatting and "did you mean" fixes.
//
// The protocol's types come from github.com/tliron/glsp (LSP 3.16), the
// JSON-RPC connection from github.com/sourcegraph/jsonrpc2. The server
// does its own dispatch so that it can serve any stream (tests drive it
// over pipes), recover from a panic in a handler without dropping the
// session, and end with the exit code the protocol asks for.
//
// One job per file: server.go (connection, lifecycle), documents.go
// (open documents, positions), folder.go (a guide folder and its check),
// diagnostics.go, hover.go, completion.go, definition.go (definition and
// references), symbols.go, formatting.go, codeaction.go; tokens.go finds
// what a word in the source refers to.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"sync"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rcc/svfrules/internal/msg"
)

// Server is one language-server session.
type Server struct {
	log io.Writer // messages for the person who starts the server (the editor's log)

	mu       sync.Mutex
	docs     map[protocol.DocumentUri]*document
	folders  map[string]*folder // by absolute path
	roots    []string           // workspace folders
	dirty    map[string]bool    // folders whose check is out of date
	wake     chan struct{}      // a folder became dirty
	shutdown bool               // a shutdown request came
	panics   int                // handler panics recovered

	conn    *jsonrpc2.Conn
	handler protocol.Handler
	checked func(dir string) // called after each check, for tests
}

// NewServer returns a server that logs to log.
func NewServer(log io.Writer) *Server {
	s := &Server{
		log:     log,
		docs:    map[protocol.DocumentUri]*document{},
		folders: map[string]*folder{},
		dirty:   map[string]bool{},
		wake:    make(chan struct{}, 1),
	}
	s.handler = protocol.Handler{
		Initialize:                      s.initialize,
		Initialized:                     s.initialized,
		Shutdown:                        s.shutdownRequest,
		SetTrace:                        func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:             s.didOpen,
		TextDocumentDidChange:           s.didChange,
		TextDocumentDidClose:            s.didClose,
		TextDocumentDidSave:             s.didSave,
		TextDocumentHover:               s.hover,
		TextDocumentCompletion:          s.completion,
		TextDocumentDefinition:          s.definition,
		TextDocumentReferences:          s.references,
		TextDocumentDocumentSymbol:      s.documentSymbol,
		WorkspaceSymbol:                 s.workspaceSymbol,
		TextDocumentFormatting:          s.formatting,
		TextDocumentCodeAction:          s.codeAction,
		WorkspaceDidChangeWatchedFiles:  s.didChangeWatchedFiles,
		WorkspaceDidChangeConfiguration: func(*glsp.Context, *protocol.DidChangeConfigurationParams) error { return nil },
	}
	return s
}

// Serve runs the session on r and w until the client sends exit or closes
// the stream. It returns the exit code the protocol asks for: 0 after
// shutdown and exit, 1 when the stream ended without them.
func (s *Server) Serve(ctx context.Context, r io.Reader, w io.Writer) int {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stream := jsonrpc2.NewBufferedStream(rwc{r, w}, jsonrpc2.VSCodeObjectCodec{})
	conn := jsonrpc2.NewConn(ctx, stream, jsonrpc2.HandlerWithError(s.handle))
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.checkLoop(ctx)
	}()
	select {
	case <-conn.DisconnectNotify():
	case <-ctx.Done():
		conn.Close()
	}
	cancel()
	<-done
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return 0
	}
	return 1
}

// rwc joins a reader and a writer into the stream the connection needs.
type rwc struct {
	io.Reader
	io.Writer
}

// Close closes what of the two can be closed.
func (c rwc) Close() error {
	var err error
	if cl, ok := c.Reader.(io.Closer); ok {
		err = cl.Close()
	}
	if cl, ok := c.Writer.(io.Closer); ok {
		if e := cl.Close(); err == nil {
			err = e
		}
	}
	return err
}

// handle dispatches one message. A panic in a handler is answered as an
// internal error and logged with its stack; the session goes on, since
// losing the editor's server over one bad request is worse than one
// missing answer.
func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.mu.Lock()
			s.panics++
			s.mu.Unlock()
			fmt.Fprintf(s.log, msg.LSPInternalError+"\n%s\n", req.Method, r, debug.Stack())
			result, err = nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf(msg.LSPInternalError, req.Method, r)}
		}
	}()
	if req.Method == protocol.MethodExit {
		// The protocol: exit ends the server, with 0 only after shutdown.
		return nil, conn.Close()
	}
	gctx := &glsp.Context{
		Method: req.Method,
		Notify: func(method string, params any) { _ = conn.Notify(ctx, method, params) },
		Call:   func(method string, params any, result any) { _ = conn.Call(ctx, method, params, result) },
	}
	if req.Params != nil {
		gctx.Params = *req.Params
	} else {
		gctx.Params = json.RawMessage("null")
	}
	r, validMethod, validParams, err := s.handler.Handle(gctx)
	switch {
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: fmt.Sprintf(msg.LSPUnknownMethod, req.Method)}
	case !validParams:
		m := fmt.Sprintf(msg.LSPBadParams, req.Method)
		if err != nil {
			m += ": " + err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: m}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
	}
	return r, nil
}

func (s *Server) initialize(_ *glsp.Context, p *protocol.InitializeParams) (any, error) {
	var roots []string
	for _, f := range p.WorkspaceFolders {
		if path := uriToPath(f.URI); path != "" {
			roots = append(roots, path)
		}
	}
	if len(roots) == 0 && p.RootURI != nil {
		if path := uriToPath(*p.RootURI); path != "" {
			roots = append(roots, path)
		}
	}
	if len(roots) == 0 && p.RootPath != nil && *p.RootPath != "" {
		roots = append(roots, filepath.Clean(*p.RootPath))
	}
	s.mu.Lock()
	s.roots = roots
	s.mu.Unlock()

	yes := true
	sync := protocol.TextDocumentSyncKindIncremental
	name := "svfrules"
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync: protocol.TextDocumentSyncOptions{
				OpenClose: &yes,
				Change:    &sync,
				Save:      true,
			},
			HoverProvider: true,
			CompletionProvider: &protocol.CompletionOptions{
				TriggerCharacters: []string{" ", "(", ","},
			},
			DefinitionProvider:         true,
			ReferencesProvider:         true,
			DocumentSymbolProvider:     true,
			WorkspaceSymbolProvider:    true,
			DocumentFormattingProvider: true,
			CodeActionProvider: protocol.CodeActionOptions{
				CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix},
			},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: name},
	}, nil
}

// initialized checks the workspace folders that are guide folders (hold
// .svf files), so their diagnostics show before a file is opened.
func (s *Server) initialized(*glsp.Context, *protocol.InitializedParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.roots {
		if hasRuleFiles(r) {
			s.markDirty(r)
		}
	}
	return nil
}

func (s *Server) shutdownRequest(*glsp.Context) error {
	s.mu.Lock()
	s.shutdown = true
	s.mu.Unlock()
	return nil
}

// Panics returns how many handler panics the server has recovered from.
func (s *Server) Panics() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.panics
}
