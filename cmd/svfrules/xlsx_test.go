package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXSheet: eval, report and diff --episodes read the sheet --sheet
// names; a sheet that is not there, an old .xls and a macro workbook stop
// the command with exit 2 and one message in Swedish.
func TestXLSXSheet(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Info")
	f.SetCellValue("Info", "A1", "Export 2024")
	f.NewSheet("Data")
	f.SetSheetRow("Data", "A1", &[]any{"Förlopp", "Kod", "Datum"})
	f.SetSheetRow("Data", "A2", &[]any{"E1", "VH310", "2024-01-01"})
	f.SetSheetRow("Data", "A3", &[]any{"E1", "VH350", 45311}) // 2024-01-20
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetCellStyle("Data", "C3", "C3", date)
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	sheets := `den har bladen "Info", "Data"; ange ett av dem med --sheet`
	tests := []struct {
		args   []string
		code   int
		stdout string // a line it has
		stderr string // all of it
	}{
		{args: []string{"eval", "--format", "jsonl", "--sheet", "Data", book}, code: 0,
			stdout: `{"episode":"E1","pathway":"livmoderkroppscancer","reportable":true,"reported_as":"VH3","findings":[],"leadtimes":[{"id":"livkropp_kirurgi","name":"Välgrundad misstanke till start av första behandling, kirurgi","from":"VH310","to":"VH350","days":19,"target":32,"within":true}]}`},
		{args: []string{"eval", "--sheet", "Saknas", book}, code: 2,
			stderr: "svfrules eval: " + book + `: arbetsboken har inget blad som heter "Saknas"; ` + sheets + "\n"},
		{args: []string{"eval", book}, code: 2,
			stderr: "svfrules eval: " + book + `: rubrikraden saknar kolumn för förlopp, kod och datum (hittade "Export 2024"); första raden ska namnge minst kolumnerna förlopp, kod och datum (episode, code och date går också), åtskilda av ; eller , eller tabb (bladet "Info", det första, lästes; arbetsboken har bladen "Info", "Data": ange ett annat med --sheet)` + "\n"},
		{args: []string{"report", "--sheet", "data", book}, code: 0, stdout: "\n| Livmoderkroppscancer (VH3) | "},
		{args: []string{"report", "--sheet", "Saknas", book}, code: 2,
			stderr: "svfrules report: " + book + `: arbetsboken har inget blad som heter "Saknas"; ` + sheets + "\n"},
		// Refused at the header, as for a CSV file (the rows after it
		// are not read: input.TestReadStopsAtHeader), nothing written.
		{args: []string{"report", "--sheet", "Data", "--by", "region", "-o", filepath.Join(dir, "r.md"), book}, code: 2,
			stderr: "svfrules report: --by region: " + book + " har ingen kolumn för region, så rapporten kan inte delas upp efter region. Heter kolumnen något annat i filen, ange den med --column region=RUBRIK och kör igen; annars ta bort region ur --by. Ingen rapport har skrivits.\n"},
		{args: []string{"diff", "10.5", "10.6", "--sheet", "Saknas", "--episodes", book}, code: 2,
			stderr: "svfrules diff: " + book + `: arbetsboken har inget blad som heter "Saknas"; ` + sheets + "\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:len(tt.args)-1], " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, nil, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if tt.stdout != "" && !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout has no line %q:\n%s", tt.stdout, stdout.String())
			}
			if tt.code != 0 && stderr.String() != tt.stderr {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr.String(), tt.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "r.md")); err == nil {
				t.Error("a report was written")
			}
		})
	}
}
