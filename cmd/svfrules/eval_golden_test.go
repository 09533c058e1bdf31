package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var updateEval = flag.Bool("update-eval", false, "rewrite testdata/episodes/golden/*")

const episodesDir = "../../testdata/episodes"

// TestEvalGolden runs eval on the example export, and on incomplete.csv
// (episodes with rejected rows: one whose VXX10 row has a bad date, one
// all of whose rows are rejected), in every format and compares stdout,
// stderr (the summary) and the exit code with goldens.
func TestEvalGolden(t *testing.T) {
	for _, name := range []string{"example", "incomplete"} {
		for _, format := range []string{"text", "jsonl", "csv", "json"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				code := run([]string{"eval", "--format", format, episodesDir + "/" + name + ".csv"}, nil, &stdout, &stderr)
				if code != 1 {
					t.Errorf("exit code %d, want 1 (error findings, rejected rows)\n%s", code, stderr.String())
				}
				compareGolden(t, name+"."+format, stdout.Bytes())
				compareGolden(t, name+"."+format+".stderr", stderr.Bytes())
			})
		}
	}
}

func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(episodesDir, "golden", name)
	if *updateEval {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/svfrules -run TestEvalGolden -update-eval)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n%s", name, unifiedDiff(path, "got", string(want), string(got)))
	}
}

// TestEvalVariantsGiveSameFindings evaluates every layout and encoding of
// the example (BOM, Windows-1252, comma, YYYYMMDD, CRLF, Swedish headers,
// rows out of order, JSON Lines) and requires the same episodes, findings,
// codes and lead times as the plain file; only file:row references differ.
func TestEvalVariantsGiveSameFindings(t *testing.T) {
	want := evalJSONL(t, "example.csv")
	for _, v := range []string{"example_bom.csv", "example_cp1252.csv", "example_comma.csv", "example_yyyymmdd.csv",
		"example_crlf.csv", "example_swedish.csv", "example_shuffled.csv", "example.jsonl"} {
		t.Run(v, func(t *testing.T) {
			got := evalJSONL(t, v)
			if len(got) != len(want) {
				t.Fatalf("%d episodes, want %d", len(got), len(want))
			}
			for id, w := range want {
				if g := got[id]; g != w {
					t.Errorf("episode %s:\n got %s\nwant %s", id, g, w)
				}
			}
		})
	}
}

// TestEvalVariantsMatchGoldens: the variants whose rows stand on the same
// lines as in the plain file (BOM, Windows-1252, comma, YYYYMMDD, CRLF,
// Swedish headers, the xlsx workbook) give, in every format, the golden
// output of the plain file byte for byte, but for the file name.
func TestEvalVariantsMatchGoldens(t *testing.T) {
	for _, v := range []string{"example_bom.csv", "example_cp1252.csv", "example_comma.csv", "example_yyyymmdd.csv",
		"example_crlf.csv", "example_swedish.csv", "example.xlsx"} {
		for _, format := range []string{"text", "jsonl", "csv", "json"} {
			t.Run(v+"/"+format, func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				code := run([]string{"eval", "--format", format, episodesDir + "/" + v}, nil, &stdout, &stderr)
				if code != 1 {
					t.Errorf("exit code %d, want 1\n%s", code, stderr.String())
				}
				for _, out := range []struct {
					golden string
					got    []byte
				}{{"example." + format, stdout.Bytes()}, {"example." + format + ".stderr", stderr.Bytes()}} {
					want, err := os.ReadFile(filepath.Join(episodesDir, "golden", out.golden))
					if err != nil {
						t.Fatal(err)
					}
					want = bytes.ReplaceAll(want, []byte("/example.csv"), []byte("/"+v))
					got := out.got
					if v == "example_swedish.csv" { // its headers differ, as the summary says
						want, got = withoutColumns(want), withoutColumns(got)
					}
					if !bytes.Equal(got, want) {
						t.Errorf("differs from golden %s:\n%s", out.golden, unifiedDiff(out.golden, "got", string(want), string(out.got)))
					}
				}
			})
		}
	}
}

// withoutColumns drops the summary's list of columns (text: its line;
// json: the "columns" array), which names the headers as written.
func withoutColumns(b []byte) []byte {
	var out [][]byte
	skip := false
	for _, line := range bytes.SplitAfter(b, []byte("\n")) {
		switch {
		case bytes.HasPrefix(line, []byte("  kolumner i ")):
			continue
		case bytes.Equal(line, []byte("    \"columns\": [\n")):
			skip = true
			continue
		case skip && bytes.Equal(line, []byte("    ],\n")):
			skip = false
			continue
		case skip:
			continue
		}
		out = append(out, line)
	}
	return bytes.Join(out, nil)
}

var (
	inputRef  = regexp.MustCompile(`"input":"[^"]*"`)
	inputRefs = regexp.MustCompile(`"inputs":\[[^\]]*\]`)
)

// evalJSONL evaluates a file and returns each episode's JSON line by id,
// with file:row references removed and codes of a finding sorted (rows
// out of order list same-day codes in another order).
func evalJSONL(t *testing.T, file string) map[string]string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	run([]string{"eval", "--format", "jsonl", filepath.Join(episodesDir, file)}, nil, &stdout, &stderr)
	if strings.Contains(stderr.String(), "avvisade 0") == false {
		t.Fatalf("%s: rows were rejected:\n%s", file, stderr.String())
	}
	return episodeLines(t, file, &stdout)
}

// episodeLines are eval's jsonl lines by episode, made comparable across
// inputs: the input references blanked and the codes of a finding sorted
// (codes of one day come in row order, which variants may change).
func episodeLines(t *testing.T, file string, r io.Reader) map[string]string {
	t.Helper()
	out := map[string]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var ep struct {
			Episode  string `json:"episode"`
			Findings []struct {
				Codes []string `json:"codes"`
			} `json:"findings"`
		}
		line := sc.Text()
		if err := json.Unmarshal([]byte(line), &ep); err != nil {
			t.Fatalf("%s: bad JSON line %q: %v", file, line, err)
		}
		if strings.HasPrefix(line, `{"rejected":`) {
			continue // a rejected row of no episode, after the episodes
		}
		line = inputRef.ReplaceAllString(line, `"input":""`)
		line = inputRefs.ReplaceAllString(line, `"inputs":[]`)
		for _, f := range ep.Findings {
			if len(f.Codes) > 1 {
				orig, _ := json.Marshal(f.Codes)
				sorted, _ := json.Marshal(slices.Sorted(slices.Values(f.Codes)))
				line = strings.Replace(line, string(orig), string(sorted), 1)
			}
		}
		out[ep.Episode] = line
	}
	return out
}

// TestEvalBrokenRowsAccountedFor: every row of a file with broken rows is
// either evaluated or rejected with file:row, field and reason, and the
// summary's counts add up.
func TestEvalBrokenRowsAccountedFor(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"eval", "--format", "json", episodesDir + "/broken.csv"}, nil, &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", code, stderr.String())
	}
	var doc struct {
		Summary struct {
			RowsRead       int `json:"rows_read"`
			RowsEvaluated  int `json:"rows_evaluated"`
			RowsIncomplete int `json:"rows_incomplete"`
			RowsRejected   int `json:"rows_rejected"`
			Rejected       []struct {
				File   string `json:"file"`
				Row    int    `json:"row"`
				Field  string `json:"field"`
				Reason string `json:"reason"`
			} `json:"rejected"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Summary
	data, _ := os.ReadFile(episodesDir + "/broken.csv")
	lines := 0
	for _, l := range strings.Split(strings.TrimRight(string(data), "\n"), "\n")[1:] {
		if strings.TrimSpace(l) != "" {
			lines++
		}
	}
	if s.RowsRead != lines || s.RowsRead != s.RowsEvaluated+s.RowsIncomplete+s.RowsRejected || s.RowsRejected != len(s.Rejected) {
		t.Errorf("rows: file has %d data lines; read %d = evaluated %d + in incomplete episodes %d + rejected %d (listed %d)",
			lines, s.RowsRead, s.RowsEvaluated, s.RowsIncomplete, s.RowsRejected, len(s.Rejected))
	}
	for _, r := range s.Rejected {
		if r.File == "" || r.Row < 2 || r.Reason == "" {
			t.Errorf("rejection without place or reason: %+v", r)
		}
	}
}

// TestEvalDeterministic: the same input gives byte-identical output, run
// after run, adjacent or not (the workers' scheduling must not show).
func TestEvalDeterministic(t *testing.T) {
	for _, f := range []string{"example.csv", "example_shuffled.csv"} {
		var first []byte
		for i := 0; i < 5; i++ {
			var stdout, stderr bytes.Buffer
			run([]string{"eval", "--format", "json", episodesDir + "/" + f}, nil, &stdout, &stderr)
			if i == 0 {
				first = stdout.Bytes()
			} else if !bytes.Equal(first, stdout.Bytes()) {
				t.Fatalf("%s: run %d differs from run 1", f, i+1)
			}
		}
	}
}
