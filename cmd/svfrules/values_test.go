package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rcc/svfrules/internal/msg"
)

// excelExport is the example as Swedish Excel saves it (see
// testdata/episodes/README.md): Windows-1252, CRLF, Swedish headers,
// dates with times and day first, sex as 1/2, codes without their
// leading zero, blank rows and a total row.
const excelExport = "example_excel.csv"

// TestEvalExcelExportGolden: the Excel-saved export, read with
// --date-order dmy, in every output format, against its goldens. Only
// the total row is rejected, so the exit code is 1.
func TestEvalExcelExportGolden(t *testing.T) {
	for _, format := range []string{"text", "jsonl", "csv", "json"} {
		t.Run(format, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"eval", "--date-order", "dmy", "--format", format, episodesDir + "/" + excelExport}, nil, &stdout, &stderr)
			if code != 1 {
				t.Errorf("exit code %d, want 1 (the total row is rejected)\n%s", code, stderr.String())
			}
			compareGolden(t, "example_excel."+format, stdout.Bytes())
			compareGolden(t, "example_excel."+format+".stderr", stderr.Bytes())
		})
	}
}

// TestEvalExcelExportSameAsPlain: the Excel-saved export gives the
// example's episodes, findings and lead times (date-times and day-first
// dates give the same days), and its summary accounts for every row:
// 278 evaluated, 6 blank, 1 rejected (the total row, whose message the
// text golden shows).
func TestEvalExcelExportSameAsPlain(t *testing.T) {
	want := evalJSONL(t, "example.csv")
	var stdout, stderr bytes.Buffer
	code := run([]string{"eval", "--date-order", "dmy", "--format", "jsonl", filepath.Join(episodesDir, excelExport)}, nil, &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", code, stderr.String())
	}
	got := episodeLines(t, excelExport, &stdout)
	if len(got) != len(want) {
		t.Fatalf("%d episodes, want %d", len(got), len(want))
	}
	for id, w := range want {
		if g := got[id]; g != w {
			t.Errorf("episode %s:\n got %s\nwant %s", id, g, w)
		}
	}
	for _, line := range []string{
		"  rader lästa: 285 (utvärderade 278, avvisade 1)\n",
		"  tomma rader som hoppades över: 6 (rader med bara avgränsare; de ingår i raderna lästa)\n",
	} {
		if !strings.Contains(stderr.String(), line) {
			t.Errorf("stderr lacks %q:\n%s", line, stderr.String())
		}
	}
}

// TestEvalDayFirstNeedsFlag: without --date-order the day-first dates of
// the export are rejected, each with a message that names the flag; a
// wrong value of the flag is a usage error.
func TestEvalDayFirstNeedsFlag(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"eval", "--format", "json", filepath.Join(episodesDir, excelExport)}, nil, &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", code, stderr.String())
	}
	var doc struct {
		Summary struct {
			Rejected []struct {
				Field  string `json:"field"`
				Reason string `json:"reason"`
			} `json:"rejected"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	dates := 0
	for _, r := range doc.Summary.Rejected {
		if r.Field == "date" {
			dates++
			if !strings.Contains(r.Reason, "--date-order dmy") {
				t.Errorf("message does not name the flag: %s", r.Reason)
			}
		}
	}
	if dates != 111 { // two of the five date forms of 278 rows
		t.Errorf("%d dates rejected, want 111", dates)
	}

	stdout.Reset()
	stderr.Reset()
	code = run([]string{"eval", "--date-order", "mdy", filepath.Join(episodesDir, excelExport)}, nil, &stdout, &stderr)
	if code != 2 || !strings.Contains(stderr.String(), `okänd --date-order "mdy"; ange dmy (dagen först: 7/3/2024 är 7 mars) eller ymd (bara år först, standard)`) {
		t.Errorf("exit code %d, stderr:\n%s", code, stderr.String())
	}
}

// TestReportExcelExportGroups: report --by sex,county on the Excel-saved
// export has one group per real value (no 2 beside K, no 1 beside 01):
// the very report of the plain example.
func TestReportExcelExportGroups(t *testing.T) {
	report := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		run(append([]string{"report", "--format", "csv", "--csv-dialect", "rfc4180", "--by", "sex,county"}, args...), nil, &stdout, &stderr)
		return stdout.String()
	}
	want := report(filepath.Join(episodesDir, "example.csv"))
	got := report("--date-order", "dmy", filepath.Join(episodesDir, excelExport))
	// The export's total row is rejected, and listed to correct in
	// columns of its own; the measures are the same.
	totalRow := "\nrejected," + strings.Repeat(",", 21) + "../../testdata/episodes/example_excel.csv:286,,,\"raden är en summarad (Totalt/Summa), inte data; ta bort den ur exporten\"," + msg.ReportCSVRejectedDo + "\n"
	if g, ok := strings.CutSuffix(got, totalRow); ok {
		got = strings.ReplaceAll(g+"\n", ",,,,,,\n", "\n")
		got = strings.Replace(got, ",episode,place,rejected_rows,field,reason,what_to_do\n", "\n", 1)
	}
	if got != want || !strings.Contains(got, "\npathway,livmoderkroppscancer,Livmoderkroppscancer,,,,K,01,5,3,60.0,") {
		t.Errorf("report of %s differs from the plain example's:\n%s", excelExport, unifiedDiff("example.csv", excelExport, want, got))
	}
}

// TestEvalRegionCodesCompare: region and referring region are normalised
// alike, so VXX91 with referring region 01 in region 1 (Excel dropped the
// zero) is the same region, and 12 against 1 is another one.
func TestEvalRegionCodesCompare(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "r.csv")
	data := "förlopp;region;remitterande region;län;ålder;kod;datum\n" +
		"A;1;01;3;58;VK010;2024-01-01\nA;1;01;3;58;VK091;2024-01-08\nA;1;01;3;58;VK050;2024-01-31\n" +
		"B;1;12;3;58;VK010;2024-01-01\nB;1;12;3;58;VK091;2024-01-08\nB;1;12;3;58;VK050;2024-01-31\n"
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"eval", "--format", "jsonl", file}, nil, &stdout, &stderr)
	if code != 1 {
		t.Fatalf("exit code %d, want 1\n%s", code, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"rule":"vxx91_remitterande_region_samma"`) || strings.Contains(lines[1], `"findings":[{`) {
		t.Errorf("want the same-region finding for A only:\n%s", stdout.String())
	}
}

// TestDiffEpisodesDateOrder: diff --episodes reads the Excel-saved export
// with --date-order dmy as eval does: every episode, only the total row
// rejected (exit code 1, as eval's for the rejected row).
func TestDiffEpisodesDateOrder(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"diff", "10.5", "10.6", "--date-order", "dmy", "--episodes", filepath.Join(episodesDir, excelExport)}, nil, &stdout, &stderr)
	if code != 1 || !strings.Contains(stdout.String(), ": 53 förlopp (285 rader, 1 avvisade), utvärderade med båda versionerna") {
		t.Errorf("exit code %d\nstdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
	}
}

// TestReportAccountsBlankRows: the report's Underlag line accounts for
// every row of the Excel-saved export: read = the episodes' rows +
// rejected (the total row) + blank.
func TestReportAccountsBlankRows(t *testing.T) {
	var stdout, stderr bytes.Buffer
	run([]string{"report", "--date-order", "dmy", filepath.Join(episodesDir, excelExport)}, nil, &stdout, &stderr)
	want := "Underlag: 285 rader lästa, 1 avvisad, 6 tomma som hoppades över; 53 förlopp, – rapporterbara, 11 med fel."
	if !strings.Contains(stdout.String(), want) {
		t.Errorf("the report has no line\n%s\n--- stdout:\n%s\n--- stderr:\n%s", want, stdout.String(), stderr.String())
	}
}

// TestReportCountsOneIncompleteEpisode: one rejected row with a readable
// id makes one incomplete episode. The report lists both after the
// tables, so the Underlag line counts them as the list does (before, it
// said "– avvisade … Dessutom – ofullständiga förlopp" above a list of
// one row and one episode).
func TestReportCountsOneIncompleteEpisode(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(episodesDir, "example.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if !strings.HasSuffix(lines[4], ";2024-01-15") {
		t.Fatalf("example.csv line 5 changed: %q", lines[4])
	}
	lines[4] = strings.TrimSuffix(lines[4], "2024-01-15") + "2024-02-31"
	file := filepath.Join(t.TempDir(), "p.csv")
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	run([]string{"report", file}, nil, &stdout, &stderr)
	want := "Underlag: 278 rader lästa, 1 avvisad; 52 förlopp, – rapporterbara, 11 med fel. Dessutom 1 ofullständigt förlopp (med en avvisad rad)"
	if !strings.Contains(stdout.String(), want) {
		t.Errorf("the report has no line starting\n%s\n--- stdout:\n%s", want, stdout.String())
	}
}
