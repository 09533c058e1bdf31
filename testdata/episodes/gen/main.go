// Command gen derives the variants of the example episode file from
// testdata/episodes/example.csv itself, so that they cannot drift from it:
// the same rows in other encodings (BOM, Windows-1252), separators, date
// forms, line ends, column names and orders, row orders, as JSON Lines, and
// a copy with broken rows for the reader's error handling.
//
// Run it from the repository root after editing example.csv:
//
//	go run ./testdata/episodes/gen
//
// gen_test.go fails when the committed variants differ from what gen writes.
package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// header is the column order of example.csv.
var header = []string{"episode", "region", "age", "sex", "county", "referring_region", "diagnosis", "intent", "code", "date"}

// The columns of header, by index.
const (
	colEpisode = iota
	colRegion
	colAge
	colSex
	colCounty
	colReferringRegion
	colDiagnosis
	colIntent
	colCode
	colDate
	nCols
)

// swedishHeader names the columns with the Swedish aliases, by the index
// of the column in header.
var swedishHeader = []string{"förlopp", "region", "ålder", "kön", "län", "remitterande_region", "diagnos", "avsikt", "kod", "datum"}

// swedishOrder is the column order of example_swedish.csv, as indexes
// into header.
var swedishOrder = []int{colEpisode, colDate, colCode, colAge, colSex, colCounty, colRegion, colReferringRegion, colDiagnosis, colIntent}

// brokenLines are the rows of broken.csv that a reader must reject, each
// with what is wrong with it. Every one is followed by a whole episode of
// good rows.
var brokenLines = []string{
	"FEL-01;01;60;K;01;;;;VG910;2024-02-30",        // no such date
	"FEL-02;01;60;K;01;;;;;2024-03-01",             // no code
	"FEL-03;01;60;K;01;;;;VG910",                   // 9 fields
	"FEL-04;01;60;K;01;;;;VG910;2024-03-01;VG915",  // 11 fields
	"FEL-05;01;femtio;K;01;;;;VG910;2024-03-01",    // age not a number
	"FEL-06;01;60;K;01;;;okänd;VG910;2024-03-01",   // intent neither kur nor pal
	";01;60;K;01;;;;VG910;2024-03-01",              // no episode id
	"FEL-08;01;60;K;Stockholm;;;;VG910;2024-03-01", // county not a county code
}

// brokenPrefix is how many rows of example.csv start broken.csv.
const brokenPrefix = 20

// shuffleSeed seeds the deterministic shuffle of example_shuffled.csv.
const shuffleSeed = 20241105

func main() {
	dir := flag.String("dir", "testdata/episodes", "the folder with example.csv; the variants are written there")
	flag.Parse()
	src, err := os.ReadFile(filepath.Join(*dir, "example.csv"))
	if err == nil {
		var files map[string][]byte
		files, err = generate(src)
		for _, name := range sortedNames(files) {
			if err != nil {
				break
			}
			err = os.WriteFile(filepath.Join(*dir, name), files[name], 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// generate returns every variant of the example, by file name, from the
// content of example.csv.
func generate(src []byte) (map[string][]byte, error) {
	rows, err := parse(src)
	if err != nil {
		return nil, fmt.Errorf("example.csv: %w", err)
	}
	eps, err := episodes(rows)
	if err != nil {
		return nil, fmt.Errorf("example.csv: %w", err)
	}
	files := map[string][]byte{}

	plain := writeCSV(header, rows, ";", "\n")
	if !bytes.Equal(plain, src) {
		return nil, errors.New("example.csv is not in canonical form (UTF-8 without BOM, ';', LF line ends, a final newline, no quotes)")
	}
	files["example_bom.csv"] = append([]byte("\ufeff"), plain...)

	cp, err := charmap.Windows1252.NewEncoder().Bytes(plain)
	if err != nil {
		return nil, fmt.Errorf("example_cp1252.csv: %w", err)
	}
	files["example_cp1252.csv"] = cp

	for _, r := range rows {
		for _, f := range r {
			if strings.Contains(f, ",") {
				return nil, fmt.Errorf("example_comma.csv: field %q holds a comma", f)
			}
		}
	}
	files["example_comma.csv"] = writeCSV(header, rows, ",", "\n")
	files["example_crlf.csv"] = writeCSV(header, rows, ";", "\r\n")

	compact := make([][]string, len(rows))
	for i, r := range rows {
		c := append([]string(nil), r...)
		c[colDate] = strings.ReplaceAll(c[colDate], "-", "")
		compact[i] = c
	}
	files["example_yyyymmdd.csv"] = writeCSV(header, compact, ";", "\n")

	files["example_swedish.csv"] = writeCSV(permute(swedishHeader, swedishOrder), permuteAll(rows, swedishOrder), ";", "\n")

	shuffled, err := shuffle(rows)
	if err != nil {
		return nil, fmt.Errorf("example_shuffled.csv: %w", err)
	}
	files["example_shuffled.csv"] = writeCSV(header, shuffled, ";", "\n")

	jsonl, err := writeJSONL(eps)
	if err != nil {
		return nil, fmt.Errorf("example.jsonl: %w", err)
	}
	files["example.jsonl"] = jsonl

	files["broken.csv"] = writeBroken(rows, eps)

	excel, err := charmap.Windows1252.NewEncoder().Bytes(writeExcel(eps))
	if err != nil {
		return nil, fmt.Errorf("example_excel.csv: %w", err)
	}
	files["example_excel.csv"] = excel

	book, err := writeXLSX(rows)
	if err != nil {
		return nil, fmt.Errorf("example.xlsx: %w", err)
	}
	files["example.xlsx"] = book
	return files, nil
}

// writeXLSX writes the example as an Excel workbook, as a coordinator's
// sheet holds it: one sheet, "Förlopp", with the columns of example.csv;
// ids, codes, sex, diagnosis and intent as text; ages as numbers; region,
// county and referring region as numbers shown with two digits (format
// "00", so 1 shows as 01); dates as serial numbers in Excel's short date
// format (14). The ZIP's parts are written in name order, so the file is
// the same bytes on every run (excelize writes them in map order).
func writeXLSX(rows [][]string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	f.ZipWriter = func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}} }
	const sheet = "Förlopp"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return nil, err
	}
	twoDigits := "00"
	code, err := f.NewStyle(&excelize.Style{CustomNumFmt: &twoDigits})
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return nil, err
	}
	for i, r := range rows {
		cells := make([]any, len(r))
		for c, v := range r {
			cells[c] = v
			if v == "" {
				continue
			}
			switch c {
			case colAge:
				n, err := strconv.Atoi(v)
				if err != nil {
					return nil, fmt.Errorf("row %d: age %q", i+2, v)
				}
				cells[c] = n
			case colRegion, colCounty, colReferringRegion:
				n, err := strconv.Atoi(v)
				if err != nil {
					return nil, fmt.Errorf("row %d: county code %q", i+2, v)
				}
				cells[c] = excelize.Cell{StyleID: code, Value: n}
			case colDate:
				t, err := time.Parse("2006-01-02", v)
				if err != nil {
					return nil, fmt.Errorf("row %d: date %q", i+2, v)
				}
				// Serial 25569 is 1970-01-01 (the 1900 date system).
				cells[c] = excelize.Cell{StyleID: date, Value: t.Unix()/86400 + 25569}
			}
		}
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return nil, err
		}
		if err := sw.SetRow(cell, cells); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// sortedZip is an excelize.ZipWriter that writes the parts in name
// order when it is closed.
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	z.parts[name] = b
	return b, nil
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("sortedZip: AddFS is not used") }

func (z *sortedZip) Close() error {
	zw := zip.NewWriter(z.w)
	names := make([]string, 0, len(z.parts))
	for n := range z.parts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			return err
		}
		if _, err := w.Write(z.parts[n].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// excelHeader names the columns of example_excel.csv as a coordinator's
// sheet might, in the order of header.
var excelHeader = []string{"Förlopp", "Region", "Ålder", "Kön", "Län", "Remitterande region", "Diagnos", "Avsikt", "Kod", "Datum"}

// writeExcel writes the example as Swedish Excel saves a sheet that was
// typed or pasted into: text to be encoded in Windows-1252, CRLF line
// ends, ";", Swedish headers; region, county and referring region
// without their leading zero (Excel took them for numbers); sex as K/M
// in some episodes and 1/2 (the national registers' coding) in others,
// mixed within a few; some ages as "58 år"; dates in five forms, with a
// time (2024-01-08 00:00:00, 2024-01-08T00:00), day first (8/1/2024,
// 8.1.2024, which need --date-order dmy) or plain; a blank row (only
// separators) after every tenth episode and one inside an episode; and a
// total row at the bottom. Read with --date-order dmy it gives the
// example's episodes, findings and lead times, and the total row is
// rejected.
func writeExcel(eps []episode) []byte {
	const eol = "\r\n"
	blank := strings.Repeat(";", nCols-1) + eol
	var b bytes.Buffer
	b.WriteString(strings.Join(excelHeader, ";") + eol)
	n := 0 // data rows written
	for i, ep := range eps {
		for j, r := range ep.rows {
			f := append([]string(nil), r...)
			for _, c := range []int{colRegion, colCounty, colReferringRegion} {
				f[c] = strings.TrimPrefix(f[c], "0")
			}
			if i%2 == 1 || i%6 == 0 && j%2 == 1 {
				f[colSex] = map[string]string{"M": "1", "K": "2"}[f[colSex]]
			}
			if i%4 == 3 && f[colAge] != "" {
				f[colAge] += " år"
			}
			f[colDate] = excelDate(f[colDate], n)
			b.WriteString(strings.Join(f, ";") + eol)
			n++
			if i == 4 && j == 1 {
				b.WriteString(blank)
			}
		}
		if i%10 == 9 {
			b.WriteString(blank)
		}
	}
	b.WriteString("Totalt" + strings.Repeat(";", nCols-1) + strconv.Itoa(n) + eol)
	return b.Bytes()
}

// excelDate writes a YYYY-MM-DD date in one of five forms, by k.
func excelDate(d string, k int) string {
	y, m, day := d[0:4], strings.TrimPrefix(d[5:7], "0"), strings.TrimPrefix(d[8:10], "0")
	switch k % 5 {
	case 0:
		return d + " 00:00:00"
	case 1:
		return day + "/" + m + "/" + y
	case 2:
		return d + "T00:00"
	case 3:
		return day + "." + m + "." + y
	}
	return d
}

// parse reads example.csv strictly: the header as above, ten fields per
// row, ';' between them, nothing quoted.
func parse(src []byte) ([][]string, error) {
	text := string(src)
	if !strings.HasSuffix(text, "\n") {
		return nil, errors.New("no final newline")
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if lines[0] != strings.Join(header, ";") {
		return nil, fmt.Errorf("line 1: header is %q, want %q", lines[0], strings.Join(header, ";"))
	}
	var rows [][]string
	for i, l := range lines[1:] {
		f := strings.Split(l, ";")
		if len(f) != nCols {
			return nil, fmt.Errorf("line %d: %d fields, want %d", i+2, len(f), nCols)
		}
		if strings.ContainsAny(l, "\"\r") {
			return nil, fmt.Errorf("line %d: quotes or carriage return", i+2)
		}
		rows = append(rows, f)
	}
	return rows, nil
}

// episode is one episode of the example: the rows of one id.
type episode struct {
	rows [][]string
}

// episodes groups rows into episodes. The example keeps the rows of an
// episode adjacent, with the same attributes on every row.
func episodes(rows [][]string) ([]episode, error) {
	var eps []episode
	seen := map[string]bool{}
	for i, r := range rows {
		id := r[colEpisode]
		if n := len(eps); n > 0 && eps[n-1].rows[0][colEpisode] == id {
			first := eps[n-1].rows[0]
			for c := colRegion; c <= colIntent; c++ {
				if r[c] != first[c] {
					return nil, fmt.Errorf("line %d: %s differs from the episode's first row", i+2, header[c])
				}
			}
			eps[n-1].rows = append(eps[n-1].rows, r)
			continue
		}
		if seen[id] {
			return nil, fmt.Errorf("line %d: rows of episode %s are not adjacent", i+2, id)
		}
		seen[id] = true
		eps = append(eps, episode{rows: [][]string{r}})
	}
	return eps, nil
}

func writeCSV(head []string, rows [][]string, sep, eol string) []byte {
	var b bytes.Buffer
	b.WriteString(strings.Join(head, sep))
	b.WriteString(eol)
	for _, r := range rows {
		b.WriteString(strings.Join(r, sep))
		b.WriteString(eol)
	}
	return b.Bytes()
}

func permute(r []string, order []int) []string {
	out := make([]string, len(order))
	for i, c := range order {
		out[i] = r[c]
	}
	return out
}

func permuteAll(rows [][]string, order []int) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = permute(r, order)
	}
	return out
}

// shuffle returns the rows in a fixed pseudo-random order in which no two
// rows of one episode are next to each other.
func shuffle(rows [][]string) ([][]string, error) {
	out := append([][]string(nil), rows...)
	rng := rand.New(rand.NewPCG(shuffleSeed, 0))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	// Break up the pairs the shuffle left adjacent: swap the second row of
	// a pair with the first row elsewhere such that both fit between their
	// new neighbours.
	same := func(a, b []string) bool { return a[colEpisode] == b[colEpisode] }
	fits := func(r []string, k, skip int) bool { // r at position k, ignoring position skip
		return (k == 0 || k-1 == skip || !same(out[k-1], r)) &&
			(k == len(out)-1 || k+1 == skip || !same(out[k+1], r))
	}
	for i := 1; i < len(out); i++ {
		if !same(out[i-1], out[i]) {
			continue
		}
		for j := range out {
			if j < i-1 || j > i+1 {
				if fits(out[j], i, -1) && fits(out[i], j, -1) {
					out[i], out[j] = out[j], out[i]
					break
				}
			}
		}
	}
	for i := 1; i < len(out); i++ {
		if same(out[i-1], out[i]) {
			return nil, fmt.Errorf("rows %d and %d are of the same episode", i, i+1)
		}
	}
	return out, nil
}

// jsonEpisode is one line of example.jsonl.
type jsonEpisode struct {
	Episode         string      `json:"episode"`
	Region          string      `json:"region,omitempty"`
	Age             *int        `json:"age,omitempty"`
	Sex             string      `json:"sex,omitempty"`
	County          string      `json:"county,omitempty"`
	ReferringRegion string      `json:"referring_region,omitempty"`
	Diagnosis       string      `json:"diagnosis,omitempty"`
	Intent          string      `json:"intent,omitempty"`
	Events          []jsonEvent `json:"events"`
}

type jsonEvent struct {
	Code string `json:"code"`
	Date string `json:"date"`
}

func writeJSONL(eps []episode) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, ep := range eps {
		r := ep.rows[0]
		je := jsonEpisode{
			Episode:         r[colEpisode],
			Region:          r[colRegion],
			Sex:             r[colSex],
			County:          r[colCounty],
			ReferringRegion: r[colReferringRegion],
			Diagnosis:       r[colDiagnosis],
			Intent:          r[colIntent],
		}
		if r[colAge] != "" {
			age, err := strconv.Atoi(r[colAge])
			if err != nil {
				return nil, fmt.Errorf("episode %s: age %q", r[colEpisode], r[colAge])
			}
			je.Age = &age
		}
		for _, er := range ep.rows {
			je.Events = append(je.Events, jsonEvent{Code: er[colCode], Date: er[colDate]})
		}
		if err := enc.Encode(je); err != nil { // Encode ends the line
			return nil, err
		}
	}
	return b.Bytes(), nil
}

// writeBroken writes the first brokenPrefix rows of the example, then each
// broken line followed by the next whole episode of the example.
func writeBroken(rows [][]string, eps []episode) []byte {
	var b bytes.Buffer
	b.WriteString(strings.Join(header, ";") + "\n")
	for _, r := range rows[:brokenPrefix] {
		b.WriteString(strings.Join(r, ";") + "\n")
	}
	// The episodes after the prefix, starting with the rest of one the
	// prefix cut, if any.
	var rest [][][]string
	n := 0
	for _, ep := range eps {
		switch {
		case n+len(ep.rows) <= brokenPrefix:
		case n >= brokenPrefix:
			rest = append(rest, ep.rows)
		default:
			rest = append(rest, ep.rows[brokenPrefix-n:])
		}
		n += len(ep.rows)
	}
	for i, l := range brokenLines {
		b.WriteString(l + "\n")
		for _, r := range rest[i] {
			b.WriteString(strings.Join(r, ";") + "\n")
		}
	}
	return b.Bytes()
}
