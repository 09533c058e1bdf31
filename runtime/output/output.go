// Package output writes eval's results in its formats (text, jsonl, csv,
// json, xlsx), one file per format behind the runtime.Renderer contract,
// and the summary for people; it never reads or evaluates.
package output

import (
	"bytes"
	"strconv"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/runtime"
)

// Formats are the output formats of eval.
var Formats = []string{"text", "jsonl", "csv", "json", "xlsx"}

// Options are what a renderer may need besides the results.
type Options struct {
	// Guide names the pathways in the workbook's Per vårdförlopp sheet;
	// nil shows their keys.
	Guide *compiler.Guide
	// CSVDialect is the csv format's form: "excel" (the default) or
	// "rfc4180".
	CSVDialect string
}

// NewRenderer returns the renderer of a format (one of Formats) with
// no options.
func NewRenderer(format string) runtime.Renderer { return New(format, Options{}) }

// New returns the renderer of a format (one of Formats).
func New(format string, o Options) runtime.Renderer {
	switch format {
	case "jsonl":
		return jsonlRenderer{}
	case "csv":
		return csvRenderer{excel: o.CSVDialect != "rfc4180"}
	case "json":
		return jsonRenderer{}
	case "xlsx":
		return xlsxRenderer{guide: o.Guide}
	}
	return textRenderer{}
}

// findingRow is the input row a finding points at: the row of its first
// code, or the episode's first row when it names no code.
func findingRow(r *runtime.EpisodeResult, f *runtime.Finding) int {
	if len(f.Events) > 0 {
		return r.In.Events[f.Events[0]].Row
	}
	return r.In.FirstRow
}

// findingFile is the input findingRow is in: with an episode grouped
// from several files, its codes' rows can be in different ones.
func findingFile(r *runtime.EpisodeResult, f *runtime.Finding) string {
	if len(f.Events) > 0 {
		return r.In.EventFile(f.Events[0])
	}
	return r.In.File
}

// samePlace reports whether a finding's events a and b are on one row
// of one file: a JSON Lines record lists several events on its line. A
// place is then named once, after the codes on it ("VL254, VL254
// (dup.jsonl:1)"), and json's inputs list it once: the line twice would
// tell the reader nothing the codes do not, and its events are told
// apart by their codes, not by their places.
func samePlace(r *runtime.EpisodeResult, a, b int) bool {
	return r.In.Events[a].Row == r.In.Events[b].Row && r.In.Events[a].File == r.In.Events[b].File
}

// findingInput is the input place a finding points at, file:row.
func findingInput(r *runtime.EpisodeResult, f *runtime.Finding) string {
	return findingFile(r, f) + ":" + strconv.Itoa(findingRow(r, f))
}

// The writers below put text into an episode's buffer without fmt: the
// renderers run for every episode, and formatting through fmt allocated
// more than the rest of eval.

// writeInt writes n in decimal.
func writeInt(buf *bytes.Buffer, n int) {
	var digits [20]byte
	buf.Write(strconv.AppendInt(digits[:0], int64(n), 10))
}

// writePlace writes file:row.
func writePlace(buf *bytes.Buffer, file string, row int) {
	buf.WriteString(file)
	buf.WriteByte(':')
	writeInt(buf, row)
}

// writeLineCol writes the :line:column of a place in the rule files,
// as lang.Pos.String writes it after the file name (nothing when the
// place has no line).
func writeLineCol(buf *bytes.Buffer, p lang.Pos) {
	if p.Line != 0 {
		buf.WriteByte(':')
		writeInt(buf, p.Line)
		buf.WriteByte(':')
		writeInt(buf, p.Column)
	}
}

// writeCode writes a code's text ("VL260") without allocating.
func writeCode(buf *bytes.Buffer, c compiler.RawCode) {
	var b [8]byte
	buf.Write(c.Append(b[:0]))
}

func findingCodes(r *runtime.EpisodeResult, f *runtime.Finding) []string {
	codes := make([]string, len(f.Events))
	for i, e := range f.Events {
		codes[i] = r.In.Events[e].Code.String()
	}
	return codes
}
