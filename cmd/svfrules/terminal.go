package main

import (
	"io"
	"os"

	"golang.org/x/term"

	"github.com/rcc/svfrules/internal/msg"
)

// isTerminal reports whether w is a terminal (a console on Windows),
// where a progress line that rewrites itself makes sense and a workbook
// does not. A file, a pipe and a device like /dev/null or NUL are not:
// /dev/null is a character device as a terminal is, so the file's mode
// cannot tell them apart; the terminal's own query (TCGETS, or
// GetConsoleMode on Windows) can. Standard output as run wraps it
// (stdoutWriter) and the process's streams as mainCode wraps them
// (pipeStream) are looked through.
func isTerminal(w io.Writer) bool {
	if s, ok := w.(*stdoutWriter); ok {
		w = s.w
	}
	if s, ok := w.(pipeStream); ok {
		w = s.f
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return term.IsTerminal(int(f.Fd()))
}

// refuseToTerminal refuses a binary format (xlsx) without -o when
// standard output is a terminal, before anything is read: the zip would
// fill the screen with bytes and the user would have no workbook.
// Redirected (> fynd.xlsx, | …, > /dev/null) it is written.
func (c *cli) refuseToTerminal(cmd *command, format, output string) (int, bool) {
	if format != "xlsx" || output != "" || !isTerminal(c.stdout) {
		return 0, true
	}
	return c.usageError(cmd, msg.XLSXToTerminal, cmd.name), false
}
