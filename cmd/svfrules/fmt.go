package main

import (
	"github.com/rcc/svfrules/internal/msg"

	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/safefile"
	"github.com/rcc/svfrules/lang"
)

var fmtCommand = &command{
	name:    "fmt",
	summary: msg.FmtSummary,
	usage:   msg.FmtUsage,
	help:    msg.FmtHelp,
	run:     runFmt,
}

func runFmt(c *cli, cmd *command, args []string) int {
	o, paths, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(paths) == 0 {
		return c.usageError(cmd, msg.FmtNoPath)
	}
	if o.check && o.write {
		return c.usageError(cmd, msg.FmtCheckWrite)
	}
	files, failed := c.collectRuleFiles(paths)
	exit := exitOK
	if failed {
		exit = exitUsage
	}
	for _, name := range files {
		// Only regular files within the size limit (not a FIFO or a link
		// to /dev/zero), as for check.
		src, err := compiler.ReadRuleFile(os.DirFS(filepath.Dir(name)), filepath.Base(name), name)
		if err != nil {
			var d *lang.Diagnostic
			if errors.As(err, &d) {
				lang.WriteText(c.stderr, lang.Diagnostics{d}, nil)
			} else {
				fmt.Fprintf(c.stderr, msg.FmtCannotRead+"\n", name, describeStatError(err))
			}
			exit = exitUsage
			continue
		}
		out, diags := lang.FormatSource(name, src)
		if diags.HasErrors() {
			lang.WriteText(c.stderr, diags, lang.Sources{name: src})
			exit = exitUsage
			continue
		}
		changed := !bytes.Equal(src, out)
		if !o.write && !o.list && !o.diff && !o.check {
			c.stdout.Write(out)
			continue
		}
		if !changed {
			continue
		}
		if o.list || o.check {
			fmt.Fprintln(c.stdout, name)
		}
		if o.diff {
			fmt.Fprint(c.stdout, unifiedDiff(name+" (original)", name+" (formatted)", string(src), string(out)))
		}
		if o.write {
			// Beside the file and renamed over it when complete: a full
			// disk leaves the rule file as it was.
			if err := safefile.WriteFile(name, out); err != nil {
				fmt.Fprintf(c.stderr, "svfrules fmt: %v\n", err)
				exit = exitUsage
			}
		}
		if o.check && exit == exitOK {
			exit = exitFound
		}
	}
	return exit
}

// collectRuleFiles expands folders into their *.svf files, sorted. A
// folder (with its subfolders) of more than compiler.MaxFiles rule files
// is refused.
func (c *cli) collectRuleFiles(paths []string) (files []string, failed bool) {
	seen := map[string]bool{}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(c.stderr, msg.FmtCannotRead+"\n", p, describeStatError(err))
			failed = true
			continue
		}
		if !info.IsDir() {
			seen[p] = true
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, compiler.Ext) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			fmt.Fprintf(c.stderr, msg.FmtCannotRead+"\n", p, err)
			failed = true
		}
		if len(found) > compiler.MaxFiles {
			lang.WriteText(c.stderr, lang.Diagnostics{compiler.TooManyRuleFiles(p, len(found))}, nil)
			failed = true
			continue
		}
		for _, f := range found {
			seen[f] = true
		}
	}
	return sortedStrings(seen), failed
}
