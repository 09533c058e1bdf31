package output

import (
	"strings"
	"testing"

	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// TestBlankRowsInTheirFormatsWords: the summary says what a skipped
// blank row was in the inputs' format: separators only in a CSV file,
// no value in a workbook (before, a workbook's were "rader med bara
// avgränsare", a CSV notion).
func TestBlankRowsInTheirFormatsWords(t *testing.T) {
	csv := input.FileColumns{File: "a.csv"}
	sheet := input.FileColumns{File: "b.xlsx", Workbook: true}
	jsonl := input.FileColumns{File: "c.jsonl", JSONL: true}
	for _, c := range []struct {
		inputs []input.FileColumns
		want   string
	}{
		{[]input.FileColumns{csv}, "  tomma rader som hoppades över: 3 (rader med bara avgränsare; de ingår i raderna lästa)\n"},
		{[]input.FileColumns{sheet, jsonl}, "  tomma rader som hoppades över: 3 (rader utan något värde i arbetsboken; de ingår i raderna lästa)\n"},
		{[]input.FileColumns{csv, sheet}, "  tomma rader som hoppades över: 3 (rader med bara avgränsare i en CSV-fil eller utan något värde i en arbetsbok; de ingår i raderna lästa)\n"},
	} {
		var b strings.Builder
		WriteSummaryText(&b, &runtime.Summary{Guide: "10.6", RowsRead: 3, RowsBlank: 3, Columns: c.inputs})
		lines := strings.SplitAfter(b.String(), "\n")
		if len(lines) < 3 || lines[2] != c.want {
			t.Errorf("inputs %v:\n got %q\nwant %q", c.inputs, b.String(), c.want)
		}
	}
}
