package main

import (
	"github.com/rcc/svfrules/internal/msg"

	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rcc/svfrules/runtime/input"
)

// checkEncoding checks an --encoding value; it returns the exit code when
// the command must stop.
func (c *cli) checkEncoding(cmd *command, enc string) (int, bool) {
	switch strings.ToLower(enc) {
	case "", "utf-8", "utf8", "windows-1252", "cp1252":
		return 0, true
	}
	return c.usageError(cmd, msg.UnknownEncoding, enc), false
}

// checkDateOrder checks a --date-order value; it returns the exit code
// when the command must stop.
func (c *cli) checkDateOrder(cmd *command, order string) (int, bool) {
	switch strings.ToLower(order) {
	case "", "ymd", "dmy":
		return 0, true
	}
	return c.usageError(cmd, msg.DateOrder, order), false
}

// readOptions are the reading options of eval, report and diff
// --episodes from their flags, checked before anything is read:
// --encoding and --date-order are known values, --column is parsed, and
// spools go beside -o when it is given (so TMPDIR need not hold a copy
// of the input). It returns the exit code when the command must stop.
func (c *cli) readOptions(cmd *command, o *options) (input.Options, int, bool) {
	if code, ok := c.checkEncoding(cmd, o.encoding); !ok {
		return input.Options{}, code, false
	}
	if code, ok := c.checkDateOrder(cmd, o.dateOrder); !ok {
		return input.Options{}, code, false
	}
	ro := input.Options{Encoding: o.encoding, DateOrder: o.dateOrder, Sheet: o.sheet, TempDir: spoolDir(o.output)}
	cols, err := input.ParseColumns(o.columns)
	if err != nil {
		return ro, c.usageError(cmd, "%v", err), false
	}
	ro.Columns = cols
	return ro, 0, true
}

// episodeInputs opens the episode files of eval and report: each must be
// a readable file, and "-" (standard input) may be given once. Inputs
// that are not regular files are spooled to ro.TempDir; cleanup closes
// the spools. It returns the exit code when the command must stop.
func (c *cli) episodeInputs(cmd *command, files []string, ro input.Options) (inputs []input.Input, cleanup func(), code int, ok bool) {
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
				return nil, nil, c.usageError(cmd, msg.StdinOnce), false
			}
			stdinUsed = true
		} else if info, err := os.Stat(f); err != nil || info.IsDir() {
			cleanup()
			fmt.Fprintf(c.stderr, msg.CannotReadFile+"\n", cmd.name, f, describeFileError(err))
			return nil, nil, exitUsage, false
		}
		in, done, err := ro.FileInput(f, c.stdin)
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

// checkPaths refuses, before anything is read, an output that is one of
// the inputs (it would be overwritten with what is read from it) and an
// input given twice (its rows would be counted twice and its episodes
// merged with themselves). Files are compared as files, so a symbolic
// link, a hard link or another spelling of a path is found too; an
// output that does not exist yet or is no regular file (/dev/null) is no
// conflict. Inputs that cannot be read are left to episodeInputs.
//
// rulesDir is the --rules folder ("" for embedded rules): -o must not be
// one of its files either.
func (c *cli) checkPaths(cmd *command, inputs []string, output, rulesDir string) (int, bool) {
	var outInfo os.FileInfo
	if output != "" {
		if info, err := os.Stat(output); err == nil && info.Mode().IsRegular() {
			outInfo = info
		}
	}
	if outInfo != nil && rulesDir != "" {
		if rf := sameFileIn(rulesDir, outInfo); rf != "" {
			return c.pathError(cmd, msg.OutputIsRuleFile, output, rf), false
		}
	}
	type seen struct {
		path string
		info os.FileInfo
	}
	var earlier []seen
	for _, f := range inputs {
		if f == "-" {
			if outInfo != nil {
				if st, ok := c.stdin.(interface{ Stat() (os.FileInfo, error) }); ok {
					if info, err := st.Stat(); err == nil && os.SameFile(info, outInfo) {
						return c.pathError(cmd, msg.OutputIsStdin, output), false
					}
				}
			}
			continue // given twice: episodeInputs says so
		}
		info, err := os.Stat(f)
		if err != nil {
			continue
		}
		if outInfo != nil && os.SameFile(info, outInfo) {
			return c.pathError(cmd, msg.OutputIsInput, output, f), false
		}
		for _, e := range earlier {
			if e.path == f {
				return c.pathError(cmd, msg.InputTwice, f), false
			}
			if os.SameFile(e.info, info) {
				return c.pathError(cmd, msg.SameFileTwice, e.path, f), false
			}
		}
		earlier = append(earlier, seen{f, info})
	}
	return 0, true
}

// expandGlobs expands the inputs that do not exist as files and hold *, ?
// or [ as patterns (filepath.Glob, sorted), as a Unix shell would: cmd and
// PowerShell on Windows pass export_*.csv on as it is. A pattern that
// matches nothing is an error naming it (exit 2, done); a file matched
// twice is refused later by checkPaths, as one given twice.
func (c *cli) expandGlobs(cmd *command, files []string) (out []string, code int, done bool) {
	for _, f := range files {
		if f == "-" || !strings.ContainsAny(f, "*?[") {
			out = append(out, f)
			continue
		}
		if _, err := os.Lstat(f); err == nil {
			out = append(out, f) // a file whose name has such a character
			continue
		}
		matches, err := filepath.Glob(f)
		if err != nil { // not a pattern: the file that does not exist is reported later
			out = append(out, f)
			continue
		}
		if len(matches) == 0 {
			return nil, c.pathError(cmd, msg.GlobNoMatch, f), true
		}
		sort.Strings(matches)
		out = append(out, matches...)
	}
	return out, 0, false
}

// pathError prints a message about the paths given and returns exit 2.
func (c *cli) pathError(cmd *command, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "svfrules %s: %s\n", cmd.name, fmt.Sprintf(format, args...))
	return exitUsage
}

// sameFileIn is the file below dir that is the same file as info, or
// "". A folder that cannot be read hides nothing: the rules loader says
// what is wrong with it.
func sameFileIn(dir string, info os.FileInfo) string {
	found := ""
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if fi, err := os.Stat(path); err == nil && os.SameFile(fi, info) {
			found = path
			return filepath.SkipAll
		}
		return nil
	})
	return found
}

// spoolDir is the folder for eval's and report's temporary files (the
// spooled output, a copy of standard input): the folder the -o file is
// written in, so that a large output needs no room in TMPDIR as well; ""
// (TMPDIR) without -o or when -o is not a regular file (/dev/null: no
// temporary files in /dev).
func spoolDir(output string) string {
	if output == "" {
		return ""
	}
	// One Lstat decides for an -o that is not a symbolic link (almost
	// every one): EvalSymlinks and Stat looked at each part of the path
	// and at the file again, some tens of µs of a 100-row eval's start
	// (issue 16).
	info, err := os.Lstat(output)
	switch {
	case err != nil: // to be made: beside where it will be
		return filepath.Dir(output)
	case info.Mode()&os.ModeSymlink == 0:
		if !info.Mode().IsRegular() {
			return ""
		}
		return filepath.Dir(output)
	}
	path := output
	if resolved, err := filepath.EvalSymlinks(output); err == nil {
		path = resolved
	}
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return ""
	}
	return filepath.Dir(path)
}
