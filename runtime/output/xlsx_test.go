package output_test

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/workbook/workbooktest"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
	"github.com/rcc/svfrules/runtime/output"
)

// workbookInput has a finding with two codes on two rows (B), a lead
// time over its target for an episode whose id starts with = (a formula,
// if a spreadsheet ran it), and an incomplete episode (C).
const workbookInput = "episode;code;date\n" +
	"=SUM(A1);VH310;2024-01-01\n=SUM(A1);VH350;2024-03-01\n" +
	"B;VH310;2024-01-02\nB;VH350;2024-01-20\nB;VH352;2024-01-25\n" +
	"C;VH310;2024-13-01\nC;VH350;2024-02-01\n" +
	"+D;VH350;2024-01-01\n"

// evalWorkbook evaluates text with guide 10.6 into a workbook.
func evalWorkbook(t *testing.T, text string, workers int) []byte {
	t.Helper()
	g, diags, _ := compiler.Load(rules.FS(), "10.6", "rules/10.6")
	if g == nil {
		t.Fatal(diags)
	}
	in := input.Input{Name: "in.csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
	var out bytes.Buffer
	if _, err := runtime.Run(compiler.Compile(g), []input.Input{in}, input.Options{}, workers, output.New("xlsx", output.Options{Guide: g}), &out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestWorkbook reads eval's workbook back: the sheets in order, their
// headers, a finding with every code's row, the lead time over target
// with its dates as dates, the incomplete episode and its rejected row,
// the counts by rule and pathway; every header row frozen, with an
// autofilter over the sheet; no formula anywhere, though ids start with
// = and +; and the same bytes every time.
func TestWorkbook(t *testing.T) {
	data := evalWorkbook(t, workbookInput, 1)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string][][]string{
		"Sammanfattning": nil, // checked below
		"Fynd": {
			{"Förlopp", "Vårdförlopp", "Allvarlighetsgrad", "Meddelande", "Koder (fil:rad)", "Regel", "Regel-id", "Rad", "Avsnitt i vägledningen"},
			{"B", "Livmoderkroppscancer (VH3)", "fel", "Förloppet har mer än en avslutskod. Det ska finnas exakt en avslutskod, antingen för start av behandling eller för avslut av annan orsak.", "VH350 (in.csv:5), VH352 (in.csv:6)", "Flera avslutskoder", "flera_avslutskoder", "5", "Kodningsvägledning 10.6, Användning av KVÅ-kodning för uppföljning av SVF; vårdförloppsbeskrivningarna: Obligatorisk kod för avslut"},
			{"+D", "Livmoderkroppscancer (VH3)", "fel", "Förloppet saknar VXX10 – Beslut välgrundad misstanke. Mätningen förutsätter att varje förlopp startas med VXX10.", "in.csv:9", "Startkod saknas", "startkod_saknas", "9", "Kodningsvägledning 10.6, Användning av KVÅ-kodning för uppföljning av SVF; VXX10 – Beslut välgrundad misstanke"},
		},
		"Ofullständiga, avvisade rader": {
			{"Typ", "Förlopp", "Fil", "Rad", "Fält", "Orsak"},
			{"ofullständigt förlopp", "C", "in.csv", "7", "", "en rad avvisades (in.csv:7), så förloppet bedöms inte (inga fynd, inga ledtider); rätta raden (listad nedan) och kör igen"},
			{"avvisad rad", "C", "in.csv", "7", "datum", `datumet "2024-13-01" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
		},
		"Ledtider över mål": {
			{"Förlopp", "Vårdförlopp", "Ledtid", "Ledtid-id", "Från kod", "Från datum", "Till kod", "Till datum", "Dagar", "Mål (dagar)", "Över målet (dagar)", "Fil", "Rad"},
			{`=SUM(A1)`, "Livmoderkroppscancer (VH3)", "Välgrundad misstanke till start av första behandling, kirurgi", "livkropp_kirurgi", "VH310", "2024-01-01", "VH350", "2024-03-01", "60", "32", "28", "in.csv", "3"},
		},
		"Per regel": {
			{"Regel", "Regel-id", "Allvarlighetsgrad", "Meddelande", "Antal förlopp", "Förlopp"},
			{"Flera avslutskoder", "flera_avslutskoder", "fel", "Förloppet har mer än en avslutskod. Det ska finnas exakt en avslutskod, antingen för start av behandling eller för avslut av annan orsak.", "1", "B"},
			{"Startkod saknas", "startkod_saknas", "fel", "Förloppet saknar VXX10 – Beslut välgrundad misstanke. Mätningen förutsätter att varje förlopp startas med VXX10.", "1", "+D"},
		},
		"Per vårdförlopp": {
			{"Vårdförlopp", "Antal förlopp", "Förlopp med fynd", "Ledtider över mål"},
			{"Livmoderkroppscancer (VH3)", "3", "2", "1"},
		},
	}
	sheets := f.GetSheetList()
	if wantSheets := []string{"Sammanfattning", "Fynd", "Ofullständiga, avvisade rader", "Ledtider över mål", "Per regel", "Per vårdförlopp"}; !slices.Equal(sheets, wantSheets) {
		t.Fatalf("sheets %q, want %q", sheets, wantSheets)
	}
	for _, sheet := range sheets {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if w := want[sheet]; w != nil && !equalRows(rows, w) {
			t.Errorf("%s:\n got %q\nwant %q", sheet, rows, w)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v (%v), want the header row frozen", sheet, panes, err)
		}
		if last, _ := excelize.CoordinatesToCellName(len(rows[0]), len(rows)); !hasAutoFilter(t, data, sheet, "A1:"+last) {
			t.Errorf("%s: no autofilter over A1:%s", sheet, last)
		}
		for r, row := range rows {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s!%s has the formula %q", sheet, cell, formula)
				}
			}
		}
	}
	summary, _ := f.GetRows("Sammanfattning")
	for _, line := range [][]string{{"Uppgift", "Värde"}, {"Kodningsvägledning, version", "10.6"}, {"Rader lästa", "8"}, {"Rader avvisade", "1"},
		{"Förlopp", "4"}, {"Ofullständiga förlopp (bedöms inte)", "1"}, {"Fynd", "2"}, {"Ledtider över mål", "1"},
		// A rule the input lacks a column for, in the text summary's
		// words: by name, the attribute in Swedish (not "under_18_ar: age").
		{"Regel som inte kunde kontrolleras (kolumn saknas)", "Patient under 18 år (under_18_ar): kolumn för ålder (ange --column ålder=RUBRIK om den har en annan rubrik) (in.csv)"}} {
		if !slices.ContainsFunc(summary, func(r []string) bool { return slices.Equal(r, line) }) {
			t.Errorf("Sammanfattning lacks %q:\n%q", line, summary)
		}
	}
	// The dates are dates: numbers shown in the format yyyy-mm-dd.
	for _, cell := range []string{"F2", "H2"} {
		raw, _ := f.GetCellValue("Ledtider över mål", cell, excelize.Options{RawCellValue: true})
		style, _ := f.GetCellStyle("Ledtider över mål", cell)
		st, err := f.GetStyle(style)
		if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
			t.Errorf("Ledtider över mål!%s: style %+v (%v), want the number format yyyy-mm-dd", cell, st, err)
		}
		if day, err := excelize.ExcelDateToTime(parseFloat(t, raw), false); err != nil || day.Before(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("Ledtider över mål!%s = %q, not a date in 2024", cell, raw)
		}
	}
	// No part of the package has a formula element.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if b := readZip(t, zf); bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
			t.Errorf("%s has a formula element", zf.Name)
		}
	}
	for _, workers := range []int{1, 3} {
		if again := evalWorkbook(t, workbookInput, workers); !bytes.Equal(again, data) {
			t.Errorf("%d workers: the workbook differs from the first run's", workers)
		}
	}
}

// equalRows compares rows as excelize reads them (trailing empty cells
// left out) with want.
func equalRows(got, want [][]string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		w := want[i]
		for len(w) > 0 && w[len(w)-1] == "" {
			w = w[:len(w)-1]
		}
		if !slices.Equal(got[i], w) {
			return false
		}
	}
	return true
}

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	var f float64
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("%q is not a day number", s)
		}
		f = f*10 + float64(c-'0')
	}
	return f
}

func readZip(t *testing.T, zf *zip.File) []byte {
	t.Helper()
	rc, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// hasAutoFilter reports whether the sheet's XML has an autofilter over
// ref.
func hasAutoFilter(t *testing.T, data []byte, sheet, ref string) bool {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	idx, _ := f.GetSheetIndex(sheet)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet"+itoa(idx+1)+".xml" {
			return bytes.Contains(readZip(t, zf), []byte(`<autoFilter ref="`+ref+`"`))
		}
	}
	return false
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestWorkbookOpensInLibreOffice converts the workbook to CSV with
// LibreOffice (headless; package libreoffice-calc-nogui): a real
// spreadsheet program opens it, sees the finding, and shows the id that
// starts with = as the text it is. Without LibreOffice it is skipped,
// except in CI (CI set), where it fails.
func TestWorkbookOpensInLibreOffice(t *testing.T) {
	sheets := workbooktest.ConvertWithLibreOffice(t, evalWorkbook(t, workbookInput, 1))
	for sheet, want := range map[string]string{
		"Fynd":              "B;Livmoderkroppscancer (VH3);fel;",
		"Ledtider över mål": "=SUM(A1);Livmoderkroppscancer (VH3);Välgrundad misstanke till start av första behandling, kirurgi;livkropp_kirurgi;VH310;2024-01-01;VH350;2024-03-01;60;32;28;in.csv;3",
	} {
		if !strings.Contains(sheets[sheet], want) {
			t.Errorf("LibreOffice's %s lacks %q:\n%s", sheet, want, sheets[sheet])
		}
	}
}

// TestWorkbookCaseIDs: the Sammanfattning names each pair of episode ids
// that differ only in case with their first rows, as the text summary
// does; none when there are none.
func TestWorkbookCaseIDs(t *testing.T) {
	for _, c := range []struct {
		text string
		want [][]string
	}{
		{"episode;code;date\ne4;VH310;2024-01-01\nE4;VH310;2024-01-02\nab;VH310;2024-01-01\nAB;VH310;2024-01-01\n",
			[][]string{{"Förlopps-id som skiljer sig bara i stora och små bokstäver (id_skiftlage)", "e4 (in.csv:2) och E4 (in.csv:3)"},
				{"Förlopps-id som skiljer sig bara i stora och små bokstäver (id_skiftlage)", "ab (in.csv:4) och AB (in.csv:5)"}}},
		{"episode;code;date\ne4;VH310;2024-01-01\nE5;VH310;2024-01-02\n", nil},
	} {
		got := summaryRows(t, c.text, func(what string) bool { return strings.Contains(what, "id_skiftlage") })
		if !equalRows(got, c.want) {
			t.Errorf("Sammanfattning's pairs %q, want %q", got, c.want)
		}
	}
}

// TestWorkbookIncompleteNamesRows: a rejected row without an id has an
// empty Förlopp cell, so the incomplete episode's reason names the rows
// (file:row), which a filter on the episode would otherwise hide.
func TestWorkbookIncompleteNamesRows(t *testing.T) {
	data := evalWorkbook(t, "episode;code;date\nA;VH310;2024-01-02\n;VH315;2024-01-03\nA;VH350;2024-13-20\nB;VH310;2024-01-02\n", 1)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Ofullständiga, avvisade rader")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Typ", "Förlopp", "Fil", "Rad", "Fält", "Orsak"},
		{"ofullständigt förlopp", "A", "in.csv", "2", "", "2 rader avvisades (in.csv:3, in.csv:4), så förloppet bedöms inte (inga fynd, inga ledtider); rätta raderna (listade nedan) och kör igen"},
		{"avvisad rad", "", "in.csv", "3", "förlopp", "förlopps-id:t är tomt; varje rad behöver ett. Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: skriv förloppets id på raden (på alla förloppets rader, även om exporten bara skriver det på den första) och kör igen"},
		{"avvisad rad", "A", "in.csv", "4", "datum", `datumet "2024-13-20" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
	}
	if !equalRows(rows, want) {
		t.Errorf("got %q\nwant %q", rows, want)
	}
}

// TestWorkbookNotes: the Sammanfattning repeats the text summary's notes
// that say a verdict may change or a column was not read (rows grouped
// in memory, a row without an id there, a column not read, a date in day
// order), so a coordinator who opens only the workbook is told too; an
// input without them gets none.
func TestWorkbookNotes(t *testing.T) {
	for _, c := range []struct {
		text string
		want [][]string
	}{
		{"episode;code;date;Kommentar\nA-1;VH310;2024-01-02;x\nB-2;VH310;2024-01-03;y\n;VH310;2024-01-05;z\nA-1;VH320;2024-01-07;w\nC;VH310;3/2/2024;q\n",
			[][]string{
				{"Att observera", "raderna för ett förlopp låg inte i följd; hela filen grupperades i minnet"},
				{"Att observera", "rader utan förlopps-id: 1. Förloppen närmast dem i filen bedöms inte, men eftersom ett förlopps rader inte ligger i följd kan en sådan rad höra till vilket förlopp som helst: fynden för de andra förloppen kan ändras när id:t är ifyllt; fyll i det och kör igen"},
				{"Att observera", "in.csv: kolumnen Kommentar används inte (ange --column FÄLT=Kommentar om den ska läsas)"},
				{"Att observera", "ange --date-order dmy: 1 rad avvisades för datumordningen (datum som 29/1/2024 med dagen först läses bara så)"},
			}},
		{"episode;code;date\nA-1;VH310;2024-01-02\nA-1;VH320;2024-01-07\n", nil},
	} {
		got := summaryRows(t, c.text, func(what string) bool { return what == "Att observera" })
		if !equalRows(got, c.want) {
			t.Errorf("Sammanfattning's notes\n%q\nwant\n%q", got, c.want)
		}
	}
}

// summaryRows returns the rows of eval's Sammanfattning for text whose
// first cell keep accepts.
func summaryRows(t *testing.T, text string, keep func(what string) bool) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(evalWorkbook(t, text, 1)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	summary, _ := f.GetRows("Sammanfattning")
	var got [][]string
	for _, r := range summary {
		if len(r) > 0 && keep(r[0]) {
			got = append(got, r)
		}
	}
	return got
}
