package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime"
)

// dir is the folder of example.csv, seen from this package's folder.
const dir = ".."

// TestGeneratedFilesUpToDate regenerates the variants into a temporary
// folder and checks that the committed files are byte-identical.
func TestGeneratedFilesUpToDate(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(dir, "example.csv"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := generate(src)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	for _, name := range sortedNames(files) {
		if err := os.WriteFile(filepath.Join(tmp, name), files[name], 0o644); err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(tmp, name))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%v (run: go run ./testdata/episodes/gen)", err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("testdata/episodes/%s differs from what gen writes from example.csv (run: go run ./testdata/episodes/gen)", name)
		}
	}
}

// TestGenerateRejectsNonCanonical checks that gen refuses an example it
// could not reproduce byte for byte.
func TestGenerateRejectsNonCanonical(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(dir, "example.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string][]byte{
		"crlf":          bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n")),
		"no newline":    bytes.TrimSuffix(src, []byte("\n")),
		"bad header":    bytes.Replace(src, []byte("episode;"), []byte("id;"), 1),
		"not adjacent":  append(append([]byte(nil), src...), bytes.SplitAfter(src, []byte("\n"))[1]...),
		"short row":     append(append([]byte(nil), src...), "X;01\n"...),
		"attr mismatch": append(append([]byte(nil), src...), "X;01;50;K;01;;;;VG910;2024-01-01\nX;01;51;K;01;;;;VG925;2024-01-02\n"...),
	} {
		if _, err := generate(bad); err == nil {
			t.Errorf("%s: generate accepted it", name)
		}
	}
}

// TestShuffledNotAdjacent checks that no two rows of one episode are
// next to each other in example_shuffled.csv, and that it has the same
// rows as example.csv.
func TestShuffledNotAdjacent(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(dir, "example.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := parse(src)
	if err != nil {
		t.Fatal(err)
	}
	shuffled, err := shuffle(rows)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for i, r := range shuffled {
		count[strings.Join(r, ";")]++
		if i > 0 && shuffled[i-1][colEpisode] == r[colEpisode] {
			t.Errorf("rows %d and %d are both of %s", i, i+1, r[colEpisode])
		}
	}
	for _, r := range rows {
		count[strings.Join(r, ";")]--
	}
	for r, n := range count {
		if n != 0 {
			t.Errorf("row %q: %+d in the shuffled file", r, n)
		}
	}
}

// exampleFindings is what the evaluator finds in each episode of
// example.csv: the ids of the rules that fire, then the lead times as
// "id days within|over|none". README.md says the same in words.
var exampleFindings = map[string]string{
	"KS-24-0001":  "| hjarn_hog_behandling 41 within",
	"SÖS-24-0001": "| livkropp_kirurgi 28 within",
	"SÖS-24-0002": "|",
	"DS-24-0001":  "|",
	"KS-24-0002":  "|",
	"SÖS-24-0003": "|",
	"KS-24-0003":  "| hjarn_hog_behandling 58 over",
	"SÖS-24-0004": "|",
	"KS-24-0004":  "|",
	"SÖS-24-0005": "| livkropp_kirurgi 41 over",
	"KS-24-0005":  "| hjarn_hog_ingen_atgard 33 within",
	"KS-24-0006":  "|",
	"SÖS-24-0006": "avslut_fore_start |",
	"SÖS-24-0007": "|",
	"DS-24-0002":  "|",
	"KS-24-0007":  "|",
	"SÖS-24-0008": "| livkropp_stral_lakemedel 35 within",
	"DS-24-0003":  "|",
	"SÖS-24-0009": "okand_kod |",
	"KS-24-0008":  "| hjarn_lag_behandling 104 over",
	"KS-24-0009":  "kur_vid_palliativ_intention |",
	"KS-24-0010":  "remitterande_region_saknas |",
	"KS-24-0011":  "vxx90_med_avslutskod |",
	"KS-24-0012":  "| hjarn_lag_exspektans 24 none",
	"SÖS-24-0010": "startkod_saknas |",
	"SÖS-24-0011": "| livkropp_stral_lakemedel 52 over",
	"DS-24-0004":  "flera_avslutskoder |",
	"KS-24-0013":  "|",
	"KS-24-0014":  "vl260_kraver_vl244 |",
	"KS-24-0015":  "|",
	"SÖS-24-0012": "koder_fran_flera_forlopp |",
	"SÖS-24-0013": "|",
	"KS-24-0016":  "|",
	"SÖS-24-0014": "| livkropp_palliativ 20 within",
	"SÖS-24-0015": "|",
	"KS-24-0017":  "cup_organspecifik_diagnos |",
	"KS-24-0018":  "|",
	"SÖS-24-0016": "|",
	"KS-24-0019":  "|", // age 16, lymphoma: the sources state the age limit only for VL2 and VH3
	"KS-24-0020":  "kod_ej_tillaten |",
	"DS-24-0005":  "|",
	"KS-24-0021":  "tva_prefix_avslutskoden_styr |",
	"KS-24-0022":  "| hjarn_lag_ingen_atgard 60 within",
	"KS-24-0023":  "|",
	"SÖS-24-0017": "| livkropp_palliativ 31 over",
	"DS-24-0006":  "|",
	"SÖS-24-0018": "|",
	"SÖS-24-0019": "|",
	"DS-24-0007":  "|",
	"KS-24-0024":  "|",
	"SÖS-24-0020": "|",
	"KS-24-0025":  "|",
	"SÖS-24-0021": "avslutskod_saknas |",
}

// TestExampleFindings evaluates example.csv with the embedded guide and
// checks that every episode shows what it is in the example for. It reads
// the file with encoding/csv, not with svfrules' reader: it is about the
// content, the reader has tests of its own.
func TestExampleFindings(t *testing.T) {
	g, diags, _ := compiler.Load(rules.FS(), rules.Latest(), "rules/"+rules.Latest())
	if g == nil {
		t.Fatal(diags)
	}
	p := compiler.Compile(g)
	f, err := os.Open(filepath.Join(dir, "example.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	eps := map[string]*compiler.Episode{}
	for i, rec := range recs[1:] {
		ep := eps[rec[colEpisode]]
		if ep == nil {
			ep = &compiler.Episode{Region: rec[colRegion], Sex: rec[colSex], County: rec[colCounty],
				ReferringRegion: rec[colReferringRegion], Diagnosis: rec[colDiagnosis], Intent: rec[colIntent]}
			ep.Age, err = strconv.Atoi(rec[colAge])
			ep.HasAge = err == nil
			eps[rec[colEpisode]] = ep
			order = append(order, rec[colEpisode])
		}
		code, ok := p.CodeOf(rec[colCode])
		day, ok2 := compiler.ParseDay(rec[colDate])
		if !ok || !ok2 {
			t.Fatalf("line %d: bad code or date", i+2)
		}
		ep.Events = append(ep.Events, compiler.Event{Code: code, Date: day})
	}
	if len(order) != len(exampleFindings) {
		t.Errorf("example.csv has %d episodes, the test lists %d", len(order), len(exampleFindings))
	}
	ev := runtime.NewEvaluator(p)
	var res runtime.Result
	for _, id := range order {
		ev.Evaluate(eps[id], &res)
		got := strings.Join(res.SortedRuleIDs(), " ") + " |"
		for _, lt := range res.LeadTimes {
			w := "none"
			if lt.Within != nil && *lt.Within {
				w = "within"
			} else if lt.Within != nil {
				w = "over"
			}
			got += fmt.Sprintf(" %s %d %s", lt.Def.ID, lt.Days, w)
		}
		got = strings.TrimSpace(got)
		want, ok := exampleFindings[id]
		if !ok {
			t.Errorf("%s: not listed in the test", id)
		} else if got != want {
			t.Errorf("%s:\n got %q\nwant %q", id, got, want)
		}
	}
}
