package main

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/rcc/svfrules/guide"
	"github.com/rcc/svfrules/internal/msg"
	evalout "github.com/rcc/svfrules/runtime/output"
	"github.com/rcc/svfrules/runtime/report"
)

// formatExtensions are the extensions of -o files and the formats they
// name: a table laid out as data, as commandWrites is a switch, where
// maps were built at every start of svfrules (issue 16).
var formatExtensions = [...]struct{ ext, format string }{
	{".xlsx", "xlsx"}, {".csv", "csv"}, {".json", "json"}, {".jsonl", "jsonl"},
	{".md", "markdown"}, {".markdown", "markdown"}, {".html", "html"}, {".htm", "html"}, {".txt", "text"},
}

// formatByExtension returns the format an -o file's extension names.
func formatByExtension(ext string) (string, bool) {
	for _, e := range formatExtensions {
		if e.ext == ext {
			return e.format, true
		}
	}
	return "", false
}

// writes is what a command writes: its formats, and def, the one
// written when neither --format nor -o's extension names one.
type writes struct {
	formats []string
	def     string
}

// commandWrites returns the formats of command name, if it writes a
// result: the one table all commands' -o and --format are checked
// against (chooseFormat) and completion offers.
func commandWrites(name string) (writes, bool) {
	switch name {
	case "eval":
		return writes{evalout.Formats, "text"}, true
	case "report":
		return writes{report.Formats, "markdown"}, true
	case "check", "test":
		return writes{[]string{"text", "json"}, "text"}, true
	case "table":
		return writes{[]string{"csv", "markdown", "text"}, "text"}, true
	case "guide":
		return writes{guide.Formats, "text"}, true
	case "diff":
		return writes{diffFormats, "text"}, true
	case "explain", "versions":
		return writes{[]string{"text"}, "text"}, true
	}
	return writes{}, false
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

// chooseFormat sets o.format for every command that writes: --format
// when given, else the one -o's extension names, else the command's
// default. A --format the command does not write, a --format that
// contradicts the extension, and an extension that names no format the
// command writes (or none at all: rapport.pdf, fynd.xls) are refused
// before anything is read or written: a file named r.xlsx that holds
// Markdown opens as garbage (or not at all). A file without extension
// takes the format chosen. -o - is standard output.
func (c *cli) chooseFormat(cmd *command, o *options) (int, bool) {
	w, ok := commandWrites(cmd.name)
	if !ok {
		return 0, true
	}
	if o.output == "-" {
		o.output = ""
	}
	ext := strings.ToLower(filepath.Ext(o.output))
	byExt, known := formatByExtension(ext)
	if o.formatGiven {
		// --format CSV is accepted as -o X.CSV is: case does not matter.
		o.format = strings.ToLower(o.format)
		if !slices.Contains(w.formats, o.format) {
			return c.usageError(cmd, msg.UnknownFormat, o.format, cmd.name, writtenFormats(w)), false
		}
	} else {
		o.format = w.def
	}
	switch {
	case ext == "":
		return 0, true
	case !known || !slices.Contains(w.formats, byExt):
		hint := ""
		if ext == ".xls" && slices.Contains(w.formats, "xlsx") {
			hint = " " + msg.FormatXLSHint
		}
		return c.usageError(cmd, msg.FormatExtension, o.output, ext, cmd.name, writtenFormats(w), hint), false
	case o.formatGiven && byExt != o.format:
		return c.usageError(cmd, msg.FormatMismatch, o.output, ext, byExt, o.format), false
	}
	o.format = byExt
	return 0, true
}

// writtenFormats lists a command's formats with their extensions, for
// the messages that refuse a format: "text (.txt), json (.json)".
func writtenFormats(w writes) string {
	parts := make([]string, len(w.formats))
	for i, f := range w.formats {
		var exts []string
		for _, e := range formatExtensions {
			if e.format == f {
				exts = append(exts, e.ext)
			}
		}
		slices.Sort(exts)
		parts[i] = f + " (" + strings.Join(exts, " ") + ")"
	}
	return strings.Join(parts, ", ")
}

// checkCSVDialect reports a --csv-dialect that is not one of csvDialects.
func (c *cli) checkCSVDialect(cmd *command, o *options) (int, bool) {
	if slices.Contains(csvDialects, o.csvDialect) {
		return 0, true
	}
	return c.usageError(cmd, msg.CSVDialectUnknown, o.csvDialect), false
}
