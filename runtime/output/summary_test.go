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

// TestSummaryThousands: counts of a national export read as Swedish
// writes them, grouped by three with a no-break space (before:
// "rader lästa: 912345"); the counts by rule stay right-aligned.
func TestSummaryThousands(t *testing.T) {
	s := &runtime.Summary{Guide: "10.6", RowsRead: 912345, RowsEvaluated: 912000, RowsRejected: 345, EventsEvaluated: 912000, Episodes: 150000,
		EpisodesWithErrors: 1234, Reportable: 148766, FindingsByRule: map[string]int{"a": 1234, "b": 7},
		Names: map[string]string{"a": "Regel A (a)", "b": "Regel B (b)"}}
	var b strings.Builder
	WriteSummaryText(&b, s)
	want := strings.ReplaceAll("Sammanfattning, kodningsvägledning 10.6:\n"+
		"  rader lästa: 912_345 (utvärderade 912_000, avvisade 345)\n"+
		"  förlopp: 150_000, med fel: 1_234, rapporterbara: 148_766\n"+
		"  fynd per regel:\n"+
		"     1_234  Regel A (a)\n"+
		"         7  Regel B (b)\n", "_", "\u00a0")
	if b.String() != want {
		t.Errorf("summary:\n got %q\nwant %q", b.String(), want)
	}
}

// writeCounter counts the writes made to it.
type writeCounter struct {
	strings.Builder
	writes int
}

func (w *writeCounter) Write(p []byte) (int, error) {
	w.writes++
	return w.Builder.Write(p)
}

// TestSummaryOneWrite: the summary reaches standard error in one write,
// not a system call per line.
func TestSummaryOneWrite(t *testing.T) {
	s := &runtime.Summary{Guide: "10.6", RowsRead: 5, RowsEvaluated: 5, EventsEvaluated: 5, Episodes: 2,
		FindingsByRule: map[string]int{"a": 1}, EpisodesByPathway: map[string]int{"VC0": 2},
		Names: map[string]string{"a": "Regel A (a)", "VC0": "Lungcancer (VC0)"}}
	var w writeCounter
	WriteSummaryText(&w, s)
	if w.writes != 1 || strings.Count(w.String(), "\n") < 5 {
		t.Errorf("%d writes of %d lines, want 1 write of them all:\n%s", w.writes, strings.Count(w.String(), "\n"), w.String())
	}
}
