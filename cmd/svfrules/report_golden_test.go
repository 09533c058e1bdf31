package main

import (
	"bytes"
	"path/filepath"
	"regexp"
	"testing"
)

var rowsRead = regexp.MustCompile(`"rows_read": \d+`)

// TestReportGolden runs report on the example export in every format, with
// the default suppression and with every cell shown and a breakdown, and
// compares the output with goldens (rewrite with -update-eval). Nothing
// goes to stderr: no rows are rejected and stderr is not a terminal, so
// no progress line either.
func TestReportGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
	}{
		{"report.md", []string{"--format", "markdown"}},
		{"report.csv", []string{"--format", "csv"}},
		{"report.json", []string{"--format", "json"}},
		{"report.html", []string{"--format", "html"}},
		{"report_by.md", []string{"--format", "markdown", "--min-cell", "1", "--by", "agegroup,quarter"}},
		{"report_by.csv", []string{"--format", "csv", "--min-cell", "1", "--by", "agegroup,quarter"}},
		{"report_by.json", []string{"--format", "json", "--min-cell", "1", "--by", "agegroup,quarter"}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append(append([]string{"report"}, tt.args...), episodesDir+"/example.csv")
			if code := run(args, nil, &stdout, &stderr); code != 0 {
				t.Errorf("exit code %d, want 0\n%s", code, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("stderr is not empty:\n%s", stderr.String())
			}
			compareGolden(t, tt.golden, stdout.Bytes())
		})
	}
}

// TestReportVariantsGiveSameReport: every layout and encoding of the
// example gives the same report, byte for byte, but for the rows read
// (JSON Lines has one per episode).
func TestReportVariantsGiveSameReport(t *testing.T) {
	report := func(file, by string) []byte {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"report", "--format", "json", "--min-cell", "1", "--by", by,
			filepath.Join(episodesDir, file)}, nil, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit code %d\n%s", file, code, stderr.String())
		}
		return rowsRead.ReplaceAll(stdout.Bytes(), []byte(`"rows_read": N`))
	}
	// Every dimension, the month apart: with it the four would list 4 356
	// combinations, beyond report.MaxGroups.
	for _, by := range []string{"sex,county,agegroup,quarter", "month"} {
		want := report("example.csv", by)
		for _, v := range []string{"example_bom.csv", "example_cp1252.csv", "example_comma.csv", "example_yyyymmdd.csv",
			"example_crlf.csv", "example_swedish.csv", "example_shuffled.csv", "example.jsonl"} {
			if got := report(v, by); !bytes.Equal(got, want) {
				t.Errorf("%s --by %s: the report differs from example.csv's", v, by)
			}
		}
	}
}
