package main

import (
	"fmt"
	"os"
	"strings"

	svfruntime "github.com/rcc/svfrules/runtime"
)

// checkEncoding checks an --encoding value; it returns the exit code when
// the command must stop.
func (c *cli) checkEncoding(cmd *command, enc string) (int, bool) {
	switch strings.ToLower(enc) {
	case "", "utf-8", "utf8", "windows-1252", "cp1252":
		return 0, true
	}
	return c.usageError(cmd, "unknown --encoding %q; use utf-8 or windows-1252 (leave it out to detect)", enc), false
}

// episodeInputs opens the episode files of eval and report: each must be
// a readable file, and "-" (standard input) may be given once. cleanup
// removes what standard input was spooled to; it returns the exit code
// when the command must stop.
func (c *cli) episodeInputs(cmd *command, files []string) (inputs []svfruntime.Input, cleanup func(), code int, ok bool) {
	var cleanups []func()
	cleanup = func() {
		for _, f := range cleanups {
			f()
		}
	}
	stdinUsed := false
	for _, f := range files {
		if f == "-" {
			if stdinUsed {
				cleanup()
				return nil, nil, c.usageError(cmd, "standard input (-) can be given once"), false
			}
			stdinUsed = true
		} else if info, err := os.Stat(f); err != nil || info.IsDir() {
			cleanup()
			fmt.Fprintf(c.stderr, "svfrules %s: cannot read %s: %s\n", cmd.name, f, describeFileError(err))
			return nil, nil, exitUsage, false
		}
		in, done, err := svfruntime.FileInput(f, c.stdin)
		if err != nil {
			cleanup()
			fmt.Fprintf(c.stderr, "svfrules %s: %v\n", cmd.name, err)
			return nil, nil, exitUsage, false
		}
		cleanups = append(cleanups, done)
		inputs = append(inputs, in)
	}
	return inputs, cleanup, 0, true
}
