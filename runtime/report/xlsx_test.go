package report

import (
	"bytes"
	"encoding/csv"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/rcc/svfrules/internal/workbook"
	"github.com/rcc/svfrules/internal/workbook/workbooktest"
)

// workbookReport is the example export with one row that cannot be read,
// reported with the default protection (cells under 5 hidden).
func workbookReport(t *testing.T) *Report {
	t.Helper()
	data, err := os.ReadFile("../../testdata/episodes/example.csv")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data) + "ZZ-1;01;58;M;04;04;C71.1;;VL210;2024-13-01\n"
	return build(t, text, Options{MinCell: 5})
}

// TestReportWorkbook: the report's workbook has one sheet per table of
// the HTML page, each cell the page's (a hidden cell "–" in both, a
// figure as a number), the rows to correct on a sheet of their own,
// header rows frozen and no formula anywhere.
func TestReportWorkbook(t *testing.T) {
	r := workbookReport(t)
	page := htmlPageOf(r)
	data := []byte(render(t, r, "xlsx"))
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Om rapporten", "Förlopp per vårdförlopp"}
	used := map[string]bool{}
	for _, sec := range page.Sections {
		want = append(want, sheetName(sec.Title, used))
	}
	want = append(want, "Definitioner", "Rader att rätta")
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	// The measures: each row the page's, figures as numbers.
	hidden := 0
	for i, sec := range page.Sections {
		rows, err := f.GetRows(want[2+i], excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if sec.Local {
			// The local lead times' own columns: a recommended time and
			// how many were within it, the pathway; no goal, no group,
			// nothing left out (before: the national sheet's headers).
			wantHead := []string{"Ledtid", "Vårdförlopp", "Rekommenderad tid", "n", "Inom rekommenderad tid", "Andel inom",
				"Medel", "SD", "P10", "Median", "P90"}
			if len(rows) != len(sec.Rows)+1 || !slices.Equal(rows[0], wantHead) {
				t.Errorf("%s: %d rows, header %q; want %d rows, header %q", want[2+i], len(rows), rows[0], len(sec.Rows)+1, wantHead)
				continue
			}
		} else if len(rows) != len(sec.Rows)+1 || rows[0][0] != "Ledtid" || rows[0][2] != "n" {
			t.Errorf("%s: %d rows, header %q; the page has %d", want[2+i], len(rows), rows[0], len(sec.Rows))
			continue
		}
		for j, hr := range sec.Rows {
			cells := []string{hr.Title, hr.Target, hr.N, hr.Within, hr.Share, hr.Met, hr.Mean, hr.SD, hr.P10, hr.Median, hr.P90, hr.Excluded}
			if sec.Local {
				cells = []string{hr.Title, hr.Pathway, hr.Target, hr.N, hr.Within, hr.Share, hr.Mean, hr.SD, hr.P10, hr.Median, hr.P90}
			}
			for k, c := range cells {
				got := ""
				if k < len(rows[j+1]) {
					got = rows[j+1][k]
				}
				if c == Dash {
					hidden++
				}
				if w := rawOf(c); got != w {
					t.Errorf("%s row %d column %d = %q, the page shows %q", want[2+i], j+1, k+1, got, c)
				}
			}
		}
	}
	pathways, _ := f.GetRows("Förlopp per vårdförlopp")
	for j, p := range page.Pathways {
		if got := pathways[j+1][:4]; !slices.Equal(got, []string{p.Label, p.Episodes, p.Reportable, p.WithErrors}) {
			t.Errorf("Förlopp per vårdförlopp row %d = %q, the page shows %q", j+1, got, []string{p.Label, p.Episodes, p.Reportable, p.WithErrors})
		}
		for _, c := range []string{p.Episodes, p.Reportable, p.WithErrors} {
			if c == Dash {
				hidden++
			}
		}
	}
	if hidden == 0 {
		t.Error("no hidden cell in the example: the test proves nothing about protection")
	}
	toCorrect, _ := f.GetRows("Rader att rätta")
	wantRows := [][]string{{"Typ", "Förlopp", "Rad", "Avvisade rader", "Fält", "Orsak"},
		{"ofullständigt förlopp", "ZZ-1", "test.csv:280", "1"},
		{"avvisad rad", "ZZ-1", "test.csv:280", "", "datum", `datumet "2024-13-01" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`}}
	if !equalRows(toCorrect, wantRows) {
		t.Errorf("Rader att rätta:\n got %q\nwant %q", toCorrect, wantRows)
	}
	for _, sheet := range want {
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: the header row is not frozen (%+v, %v)", sheet, panes, err)
		}
		rows, _ := f.GetRows(sheet)
		for i, row := range rows {
			for j := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s!%s has the formula %q", sheet, cell, formula)
				}
			}
		}
	}
	if again := render(t, workbookReport(t), "xlsx"); again != string(data) {
		t.Error("the workbook differs between two runs on the same input")
	}
}

// rawOf is the cell's raw value for a figure of the page.
func rawOf(s string) string {
	switch v := cellValue(s).(type) {
	case int:
		return strconv.Itoa(v)
	case workbook.Decimal:
		return strconv.FormatFloat(float64(v), 'f', -1, 64)
	case workbook.Percent:
		return strconv.FormatFloat(float64(v), 'f', -1, 64)
	}
	return s
}

// equalRows compares rows as excelize reads them (trailing empty cells
// left out) with want.
func equalRows(got, want [][]string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !slices.Equal(got[i], want[i]) {
			return false
		}
	}
	return true
}

// TestReportWorkbookOpensInLibreOffice converts the report's workbook
// with LibreOffice: it opens, and the hidden cells are "–" there too.
func TestReportWorkbookOpensInLibreOffice(t *testing.T) {
	sheets := workbooktest.ConvertWithLibreOffice(t, []byte(render(t, workbookReport(t), "xlsx")))
	if !strings.Contains(sheets["Förlopp per vårdförlopp"], "Akuta leukemier (VN4/VN6);–;–;–;") {
		t.Errorf("LibreOffice's Förlopp per vårdförlopp:\n%s", sheets["Förlopp per vårdförlopp"])
	}
	if !strings.Contains(sheets["Rader att rätta"], "avvisad rad;ZZ-1;test.csv:280;;datum;") {
		t.Errorf("LibreOffice's Rader att rätta:\n%s", sheets["Rader att rätta"])
	}
}

// TestReportCSVExcel: the report's csv in the excel dialect opens in
// Swedish Excel with a double-click: a byte order mark, semicolons, CRLF,
// Swedish headers, decimal commas; a value from the data that would be a
// formula starts with an apostrophe.
func TestReportCSVExcel(t *testing.T) {
	r := build(t, hostileData(), Options{MinCell: 1, By: []string{"region"}})
	for i := range r.Measures {
		for j := range r.Measures[i].Group {
			r.Measures[i].Group[j].Value = formulaRegion
		}
	}
	var b bytes.Buffer
	if err := Write(&b, r, "csv"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	head := "\uFEFFnivå;vårdförlopp;vårdförlopp (namn);ledtid;ledtid (namn);mål (dagar);region;n;inom mål;andel inom mål (%);nationellt mål (%);målet nått;medel;standardavvikelse;p10;median;p90;undantagna;undantagna per orsak;skyddad cell\r\n"
	if !strings.HasPrefix(out, head) {
		t.Fatalf("csv starts %q, want %q", out[:min(len(out), len(head))], head)
	}
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	decimal := false
	for _, cells := range recs[1:] {
		if cells[0] != "lokal ledtid" && cells[0] != "inga ledtider" && cells[6] != "'"+formulaRegion {
			t.Errorf("region %q: the formula is not neutralised", cells[6])
		}
		if strings.Contains(cells[9], ".") || strings.Contains(cells[12], ".") {
			t.Errorf("row %q has a decimal point", cells)
		}
		decimal = decimal || strings.Contains(cells[12], ",")
		if cells[19] != "ja" && cells[19] != "nej" {
			t.Errorf("skyddad cell %q, want ja or nej", cells[19])
		}
	}
	if !decimal {
		t.Errorf("no mean with a decimal comma:\n%s", out)
	}
}
