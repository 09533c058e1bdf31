package main

import (
	"context"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lsp"
)

var lspCommand = &command{
	name:    "lsp",
	summary: msg.LSPCommandSummary,
	usage:   "",
	help:    msg.LSPCommandHelp,
	run:     runLSP,
}

// runLSP serves the Language Server Protocol on standard input and
// output until the editor ends the session; the log goes to stderr.
func runLSP(c *cli, cmd *command, args []string) int {
	startupDone()
	_, rest, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(rest) > 0 {
		return c.usageError(cmd, msg.LSPUnexpectedArgument, rest[0])
	}
	return lsp.NewServer(c.stderr).Serve(context.Background(), c.stdin, c.stdout)
}
