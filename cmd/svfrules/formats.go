package main

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/rcc/svfrules/internal/msg"
)

// formatByExtension is the format an -o file's extension names.
var formatByExtension = map[string]string{
	".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".jsonl": "jsonl",
	".md": "markdown", ".html": "html", ".htm": "html", ".txt": "text",
}

// csvDialects are the values of --csv-dialect.
var csvDialects = []string{"excel", "rfc4180"}

// registerOutput registers the flags on the form of the output that
// eval and report share.
func (o *options) registerOutput(cmd string, fs *pflag.FlagSet) {
	switch cmd {
	case "eval", "report", "table":
		fs.StringVar(&o.csvDialect, "csv-dialect", "excel", msg.FlagCSVDialect)
	}
}

// chooseFormat returns the output format: --format when given, else the
// one -o's extension names, else def. A --format that contradicts the
// extension, or an extension naming a format the command does not write,
// is refused before anything is read or written: a file named r.xlsx that
// holds Markdown opens as garbage (or not at all).
func (c *cli) chooseFormat(cmd *command, o *options, def string, allowed []string) (string, int, bool) {
	ext := strings.ToLower(filepath.Ext(o.output))
	byExt, known := formatByExtension[ext]
	if o.formatGiven {
		// --format CSV is accepted as -o X.CSV is: case does not matter.
		o.format = strings.ToLower(o.format)
		if code, ok := c.checkFormat(cmd, o.format, allowed...); !ok {
			return "", code, false
		}
		if known && byExt != o.format {
			return "", c.usageError(cmd, msg.FormatMismatch, o.output, ext, byExt, o.format), false
		}
		return o.format, 0, true
	}
	if !known {
		return def, 0, true
	}
	if !slices.Contains(allowed, byExt) {
		var exts []string
		for e, f := range formatByExtension {
			if slices.Contains(allowed, f) {
				exts = append(exts, e)
			}
		}
		slices.Sort(exts)
		return "", c.usageError(cmd, msg.FormatExtension, o.output, ext, cmd.name, strings.Join(exts, " ")), false
	}
	return byExt, 0, true
}

// checkCSVDialect reports a --csv-dialect that is not one of csvDialects.
func (c *cli) checkCSVDialect(cmd *command, o *options) (int, bool) {
	if slices.Contains(csvDialects, o.csvDialect) {
		return 0, true
	}
	return c.usageError(cmd, msg.CSVDialectUnknown, o.csvDialect), false
}
