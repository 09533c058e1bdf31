package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/english"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// TestNoEnglish runs eval, report, diff, check and the other commands end
// to end, on good inputs and broken ones (bad rows and dates, unknown
// codes, a missing column, broken workbooks, unknown flags and values, a
// rule folder with errors), in every format they write, and fails on an
// English word in anything a user reads: standard output, standard error
// and the files -o writes (xlsx read back cell by cell), and on a field's
// id (date, code …) where a rejected row's field is named for people. What is not a
// sentence is allowed, narrowly: JSON field names, what a text quotes
// (ids, codes, file names, flags, see internal/english), and the names of values
// (error, info, …) in --help and usage errors, which say what to type.
func TestNoEnglish(t *testing.T) {
	dir := t.TempDir()
	ep := func(name string) string { return filepath.Join(episodesDir, name) }
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noColumn := write("saknar_datum.csv", "förlopp;kod\nE1;VL210\n")
	badRows := write("fel_rader.csv", "förlopp;kod;datum;kön;län\n"+
		"E1;VL210;2024-02-30;K;01\nE1;VL2;2024-03-01;K;01\nE1;VL250;5/3/2024;X;99\n"+
		"E2;VL210;2024-01-01;K;01\nE2;VQ999;2024-01-05;K;01\nE2;VL250;2023-12-01;K;01\n")
	notZip := write("trasig.xlsx", "PK\x03\x04 inte en zip-fil alls")
	example, err := os.ReadFile(ep("example.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	truncated := write("avkortad.xlsx", string(example[:len(example)/2]))
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	zf, _ := zw.Create("readme.txt")
	zf.Write([]byte("ingen arbetsbok"))
	zw.Close()
	otherZip := write("annan.xlsx", zb.String())
	// An xlsx with a cell name excelize refuses, in English.
	var bb bytes.Buffer
	zw = zip.NewWriter(&bb)
	zr, err := zip.NewReader(bytes.NewReader(example), int64(len(example)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			w.Write([]byte(`<worksheet><sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData></worksheet>`))
			continue
		}
		r, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(r)
		r.Close()
		w.Write(b.Bytes())
	}
	zw.Close()
	badSheet := write("trasigt_blad.xlsx", bb.String())
	// A rule folder with errors: 10.6 with a misspelt keyword, an unknown
	// code, an unknown severity and an unknown attribute.
	rules := filepath.Join(dir, "regler")
	copyDir(t, filepath.Join("..", "..", "rules", "10.6"), rules)
	regler := filepath.Join(rules, "regler.svf")
	src, err := os.ReadFile(regler)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(src), "severity error", "severity fatal", 1)
	broken = strings.Replace(broken, "when has(XX60) and not has(XX44)", "when has(XX61) and not has(XX44) and kommun == \"x\"", 1)
	broken += "\nrule trasig \"Trasig\" {\n  severity error\n  mesage \"x\"\n}\n"
	if err := os.WriteFile(regler, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	out := func(name string) string { return filepath.Join(dir, "ut", name) }
	os.MkdirAll(filepath.Join(dir, "ut"), 0o755)

	type tc struct {
		args  []string
		files []string // what -o wrote, read back by extension
		help  bool     // --help or a usage error: value names allowed
	}
	var cases []tc
	add := func(help bool, args ...string) { cases = append(cases, tc{args: args, help: help}) }
	addOut := func(args ...string) {
		o := out(strings.Join(args[:2], "_") + "_" + filepath.Base(args[len(args)-1]))
		o = strings.TrimSuffix(o, filepath.Ext(o)) + "." + extOf(args)
		cases = append(cases, tc{args: append(args, "-o", o), files: []string{o}})
	}
	for _, in := range []string{ep("example.csv"), ep("incomplete.csv"), ep("broken.csv"), badRows, ep("example.xlsx")} {
		for _, f := range []string{"text", "csv", "json", "jsonl"} {
			add(false, "eval", "--format", f, in)
		}
		addOut("eval", "--format", "xlsx", in)
		for _, f := range []string{"markdown", "html", "csv", "json"} {
			add(false, "report", "--format", f, in)
		}
		addOut("report", "--format", "xlsx", in)
	}
	add(false, "eval", "--csv-dialect", "rfc4180", "--format", "csv", ep("incomplete.csv"))
	add(false, "report", "--by", "sex,region", ep("example.csv"))
	for _, in := range []string{noColumn, notZip, truncated, otherZip, badSheet, filepath.Join(dir, "finns_inte.csv"), dir} {
		add(false, "eval", in)
		add(false, "report", in)
	}
	for _, f := range []string{"text", "markdown", "html", "json"} {
		add(false, "diff", "--format", f, "10.5", "10.6")
		add(false, "diff", "--format", f, "9.1", "10.6", "--episodes", ep("example.csv"))
		add(false, "diff", "--format", f, "10.5", "10.6", "--episodes", ep("broken.csv"), badRows)
	}
	add(false, "diff", "--text", "10.5", "10.6")
	for _, f := range []string{"text", "json"} {
		add(false, "check", "--format", f)
		add(false, "check", "--format", f, "--rules", rules)
	}
	add(false, "eval", "--rules", rules, ep("example.csv"))
	add(false, "table")
	add(false, "table", "--format", "csv")
	add(false, "table", "--format", "markdown")
	add(false, "versions")
	add(false, "explain", "VL260")
	add(false, "explain", "kod_ej_tillaten")
	add(false, "explain", "VQ999")
	add(false, "test")
	add(false, "--version")
	// Usage errors: unknown flags, values, commands, versions.
	add(true, "eval", "--bogus", ep("example.csv"))
	add(true, "eval", "--formt", "csv", ep("example.csv"))
	add(true, "eval", "--format", "pdf", ep("example.csv"))
	add(true, "eval", "--severity", "fatal", ep("example.csv"))
	add(true, "eval")
	add(true, "eval", "--column", "kommun=Kommun", ep("example.csv"))
	add(true, "eval", "--column", "intent=Saknas", ep("example.csv"))
	add(true, "eval", "--encoding", "latin9", ep("example.csv"))
	add(true, "eval", "-o", out("fel.xlsx"), "--format", "csv", ep("example.csv"))
	add(true, "report", "--by", "kommun", ep("example.csv"))
	add(true, "report", "--by", "sex,sex", ep("example.csv"))
	add(true, "report", "--min-cell", "0", ep("example.csv"))
	add(true, "report", "--csv-dialect", "semikolon", ep("example.csv"))
	add(true, "diff", "10.5")
	add(true, "diff", "10.5", "11.0")
	add(true, "diff", "--level", "all", "10.5", "10.6")
	add(true, "diff", "--bogus", "10.5", "10.6")
	add(true, "table", "--bogus")
	add(true, "table", "--format", "xlsx")
	add(true, "check", "--bogus")
	add(true, "check", "--guide", "11.0")
	add(true, "explain")
	add(true, "guide", "--bogus")
	add(true, "nonexist")
	add(true, "help", "nonexist")
	add(true)
	for _, cmd := range commands() {
		add(true, cmd.name, "--help")
		add(true, "help", cmd.name)
	}
	add(true, "--help")

	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			run(c.args, strings.NewReader(""), &stdout, &stderr)
			outputs := map[string][]string{"stderr": {stderr.String()}}
			if stdout.Len() > 0 {
				outputs["stdout"] = texts(t, stdout.Bytes(), formatOf(c.args), slices.Contains(c.args, "rfc4180"))
			}
			if slices.Contains(c.args, "--text") {
				// diff --text ends with the rule files' lines as they are
				// written (their comments are the quality group's own).
				text, _, _ := strings.Cut(outputs["stdout"][0], msg.DiffLineDiffIntro)
				outputs["stdout"] = []string{text + msg.DiffLineDiffIntro}
			}
			for _, f := range c.files {
				b, err := os.ReadFile(f)
				if err != nil {
					continue // refused: stderr says why
				}
				outputs[filepath.Base(f)] = texts(t, b, strings.TrimPrefix(filepath.Ext(f), "."), false)
			}
			for where, ts := range outputs {
				for _, text := range ts {
					find := english.OutputWords
					if c.help || strings.HasPrefix(text, "{ ") {
						find = english.Words
					}
					for _, line := range strings.Split(text, "\n") {
						line = strings.ReplaceAll(line, `\_`, "_") // Markdown's escape
						// Before isRuleSource, which passes a line that
						// starts with an attribute (a cell "age").
						if ids := english.FieldIDs(line, fieldIDs); len(ids) > 0 {
							t.Errorf("%s: field id (%s) where its Swedish name belongs: %s", where, strings.Join(ids, ", "), line)
						}
						if isRuleSource(line) {
							continue
						}
						if w := find(ruleExpr.ReplaceAllString(line, " ")); len(w) > 0 {
							t.Errorf("%s: English (%s): %s", where, strings.Join(w, ", "), line)
						}
					}
				}
			}
		})
	}
}

// fieldIDs are the fields' ids as json names them. Where a text names a
// rejected row's field (a list's Fält, "file:row: fält: …") people read
// the Swedish name instead (datum, kod …; english.FieldIDs). region is
// left out: it is the Swedish name too.
var fieldIDs = func() []string {
	ids := []string{"episode", "code", "date"}
	for _, a := range compiler.AttrNames {
		if a != "region" {
			ids = append(ids, a)
		}
	}
	return ids
}()

// isRuleSource: line quotes a statement of a rule file (a test case's
// lines in diff, "+ expect no findings"): it starts, after a diff's
// + or -, with a keyword of the rule language or an attribute.
func isRuleSource(line string) bool {
	f := strings.Fields(strings.TrimLeft(strings.TrimSpace(line), "+- "))
	return len(f) > 0 && (slices.Contains(lang.Keywords, f[0]) || slices.Contains(compiler.AttrNames[:], f[0]))
}

// ruleExpr is what a text quotes of the rule language: a condition
// (has(XX60) and not has(XX44)) or a lead time's definition (from XX10
// to first XX50). A lone end (first XX40) or code set (via closing) is
// no longer exempt: report and explain said "first XX15" and "via
// closing" to people, and that exemption hid it.
var ruleExpr = func() *regexp.Regexp {
	return regexp.MustCompile(`(\b(and|or|not)\s+)*\b\w+\([^()]*\)(\s+(and|or)\s+(not\s+)?\w+\([^()]*\))*` +
		`|\b(local\s+)?from\s+((first|last)\s+)?[A-Z]{2}\d\d\s+to\s+((first|last)\s+)?[A-Z]{2}\d\d(,\s*[A-Z]{2}\d\d)*(\s+when\b)?` +
		"")
}()

// extOf is the file extension of the format args give with --format.
func extOf(args []string) string {
	if f := formatOf(args); f != "markdown" {
		return f
	}
	return "md"
}

// formatOf is the value of --format in args, else "text".
func formatOf(args []string) string {
	for i, a := range args {
		if a == "--format" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return "text"
}

var (
	styleOrScript = regexp.MustCompile(`(?s)<(style|script)\b.*?</(style|script)>`)
	tag           = regexp.MustCompile(`(?s)<[^>]*>`)
)

// texts are the pieces of out a user reads, by format: CSV cells, JSON
// string values, HTML text outside tags, styles and scripts, every cell
// of every sheet of a workbook; else the text. What is for programs (JSON
// values, --csv-dialect rfc4180's cells without its header of field
// names) has "{ "
// before it, so that names of values (error, info) are allowed in it as
// the data they are.
func texts(t *testing.T, out []byte, format string, rfc4180 bool) []string {
	t.Helper()
	switch format {
	case "csv":
		text := strings.TrimPrefix(string(out), "\uFEFF")
		r := csv.NewReader(strings.NewReader(text))
		r.FieldsPerRecord = -1
		r.LazyQuotes = true
		if first, _, _ := strings.Cut(text, "\n"); strings.Count(first, ";") > strings.Count(first, ",") {
			r.Comma = ';'
		}
		recs, err := r.ReadAll()
		if err != nil {
			return []string{string(out)}
		}
		var cells []string
		for i, rec := range recs {
			for _, c := range rec {
				if rfc4180 {
					// rfc4180, for programs: the header is field names
					// and the values are data, as in JSON.
					if i == 0 {
						continue
					}
					c = "{ " + c
				}
				cells = append(cells, c)
			}
		}
		return cells
	case "json", "jsonl":
		var vals []string
		dec := json.NewDecoder(bytes.NewReader(out))
		for {
			var v any
			if err := dec.Decode(&v); err != nil {
				break
			}
			jsonStrings(v, &vals)
		}
		return vals
	case "html":
		s := styleOrScript.ReplaceAllString(string(out), " ")
		return []string{html.UnescapeString(tag.ReplaceAllString(s, "\n"))}
	case "xlsx":
		f, err := excelize.OpenReader(bytes.NewReader(out))
		if err != nil {
			t.Errorf("the workbook written cannot be opened: %v (%d bytes: %.40q)", err, len(out), out)
			return nil
		}
		defer f.Close()
		var cells []string
		for _, sh := range f.GetSheetList() {
			cells = append(cells, sh)
			rows, err := f.GetRows(sh)
			if err != nil {
				t.Errorf("sheet %s: %v", sh, err)
			}
			for _, row := range rows {
				cells = append(cells, row...)
			}
		}
		return cells
	}
	return []string{string(out)}
}

// jsonStrings appends the string values in v to out, each after "{ "
// (see texts).
func jsonStrings(v any, out *[]string) {
	switch v := v.(type) {
	case string:
		*out = append(*out, "{ "+v)
	case []any:
		for _, e := range v {
			jsonStrings(e, out)
		}
	case map[string]any:
		for _, e := range v {
			jsonStrings(e, out)
		}
	}
}

// copyDir copies the files of from into to.
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
