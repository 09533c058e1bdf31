package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// frame writes JSON-RPC messages with the protocol's headers, as an
// editor writes them to the server's standard input.
func frame(msgs ...string) string {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	return b.String()
}

const (
	lspInitialize  = `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}`
	lspInitialized = `{"jsonrpc":"2.0","method":"initialized","params":{}}`
	lspShutdown    = `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`
	lspExit        = `{"jsonrpc":"2.0","method":"exit"}`
)

// svfrules lsp speaks the protocol on stdin and stdout: initialize,
// shutdown and exit end it with exit code 0; a stream that ends without
// them gives 1, as the protocol asks. The features are tested in package
// lsp, driven over pipes.
func TestLSPCommand(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   []string
		stderr   string
		noStderr bool
	}{
		{name: "clean exit", args: []string{"lsp"}, stdin: frame(lspInitialize, lspInitialized, lspShutdown, lspExit), code: 0,
			stdout: []string{`"textDocumentSync":{"openClose":true,"change":2`, `"serverInfo":{"name":"svfrules"}`, `{"id":2,"result":null,"jsonrpc":"2.0"}`}, noStderr: true},
		{name: "no exit", args: []string{"lsp"}, stdin: frame(lspInitialize, lspInitialized), code: 1, noStderr: true},
		{name: "exit without shutdown", args: []string{"lsp"}, stdin: frame(lspInitialize, lspExit), code: 1, noStderr: true},
		{name: "argument", args: []string{"lsp", "extra"}, code: 2, stderr: `svfrules lsp: oväntat argument "extra"`},
		{name: "help", args: []string{"lsp", "--help"}, code: 0, stdout: []string{"Användning: svfrules lsp", "docs/editors.md"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.stdin), &stdout, &stderr)
			if code != tc.code {
				t.Errorf("exit code %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			for _, s := range tc.stdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout.String())
				}
			}
			if tc.stderr != "" && !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr.String())
			}
			if tc.noStderr && stderr.Len() > 0 {
				t.Errorf("stderr: %s", stderr.String())
			}
		})
	}
}
