package report

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// countingCollector counts the Episode calls of a run.
type countingCollector struct {
	*Collector
	calls atomic.Int64
}

func (c *countingCollector) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	c.calls.Add(1)
	c.Collector.Episode(buf, r)
}

// knownAnswers is a constructed data set whose figures are worked out by
// hand (docs/report.md shows the same numbers):
//
//   - endometrium surgery (target 32): days 4, 8, …, 40: 8 of 10 within,
//     80.0 % (the goal, met); mean 22, sd 12.1106; type 7: p10 = 4 + 0.9·4
//     = 7.6, median 22, p90 = 36 + 0.1·4 = 36.4;
//   - endometrium radiation/drugs (target 39): 30 35 39 40 41 50 60: 3 of
//     7, 42.9 %; mean 42.1429, sd 9.9571; p10 = 30 + 0.6·5 = 33, median
//     40, p90 = 50 + 0.4·10 = 54;
//   - brain tumour high grade, radiation (target 48): 10 20 30 48 49: 4 of
//     5 (48 ≤ 48), 80 %; mean 31.4, sd 17.1406; p10 = 10 + 0.4·10 = 14,
//     median 30, p90 = 48 + 0.6·1 = 48.6;
//   - brain tumour low grade, watchful waiting (no target): 5 6 7 8 100:
//     no share; mean 25.2, sd 41.8294, p10 5.4, median 7, p90 63.2;
//   - left out: one endometrium episode with two closing codes (VH350 and
//     VH352: out of both definitions, once in the totals) and one closed
//     (VH358) before its start.
func knownAnswers() []episode {
	var eps []episode
	for i := 1; i <= 10; i++ {
		eps = append(eps, closed(fmt.Sprintf("K%02d", i), "VH3", "50", 4*i))
	}
	for i, d := range []int{30, 35, 39, 40, 41, 50, 60} {
		code := "52"
		if i%2 == 1 {
			code = "54"
		}
		eps = append(eps, closed(fmt.Sprintf("S%02d", i), "VH3", code, d))
	}
	for i, d := range []int{10, 20, 30, 48, 49} {
		eps = append(eps, closed(fmt.Sprintf("H%02d", i), "VL2", "54", d))
	}
	for i, d := range []int{5, 6, 7, 8, 100} {
		eps = append(eps, closed(fmt.Sprintf("L%02d", i), "VL2", "60", d, "44"))
	}
	two := closed("TWO", "VH3", "50", 20)
	two.codes = append(two.codes, codeAt{"VH352", 25})
	eps = append(eps, two, closed("BEFORE", "VH3", "58", -5))
	return eps
}

// knownAnswerLines are the measures with every count shown (--min-cell
// 1): every definition of the two pathways, those without a lead time
// with n 0. knownAnswerHidden are the same with the default limit: the
// definitions without lead times are hidden like small cells, and so is
// a visible sibling of theirs under a visible total (brain tumours' 5
// lead times to radiation or drugs, endometrial cancer's 7), else the
// total less the visible ones would show them empty; every left-out
// count is under 5 (1, or 0) and hidden.
var knownAnswerLines = []string{
	"all: n=22 within=15 share=68.2 met=false mean=- sd=- p10=- median=- p90=- excluded=2 flera_avslutskoder=1 avslut_fore_start=1",
	"pathway hjarntumorer: n=5 within=4 share=80.0 met=true mean=- sd=- p10=- median=- p90=- excluded=0",
	"leadtime hjarntumorer hjarn_hog_ingen_atgard: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
	"leadtime hjarntumorer hjarn_hog_behandling: n=5 within=4 share=80.0 met=true mean=31.4 sd=17.1 p10=14.0 median=30.0 p90=48.6 excluded=0",
	"leadtime hjarntumorer hjarn_lag_ingen_atgard: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
	"leadtime hjarntumorer hjarn_lag_behandling: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
	"leadtime hjarntumorer hjarn_lag_exspektans: n=5 within=- share=- met=- mean=25.2 sd=41.8 p10=5.4 median=7.0 p90=63.2 excluded=0",
	"pathway livmoderkroppscancer: n=17 within=11 share=64.7 met=false mean=- sd=- p10=- median=- p90=- excluded=2 flera_avslutskoder=1 avslut_fore_start=1",
	"leadtime livmoderkroppscancer livkropp_kirurgi: n=10 within=8 share=80.0 met=true mean=22.0 sd=12.1 p10=7.6 median=22.0 p90=36.4 excluded=1 flera_avslutskoder=1",
	"leadtime livmoderkroppscancer livkropp_stral_lakemedel: n=7 within=3 share=42.9 met=false mean=42.1 sd=10.0 p10=33.0 median=40.0 p90=54.0 excluded=1 flera_avslutskoder=1",
	"leadtime livmoderkroppscancer livkropp_palliativ: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=1 avslut_fore_start=1",
}

var knownAnswerHidden = []string{
	"all: n=22 within=15 share=68.2 met=false mean=- sd=- p10=- median=- p90=- excluded=-",
	"pathway hjarntumorer: n=5 within=4 share=80.0 met=true mean=- sd=- p10=- median=- p90=- excluded=-",
	"leadtime hjarntumorer hjarn_hog_ingen_atgard: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
	"leadtime hjarntumorer hjarn_hog_behandling: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
	"leadtime hjarntumorer hjarn_lag_ingen_atgard: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
	"leadtime hjarntumorer hjarn_lag_behandling: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
	"leadtime hjarntumorer hjarn_lag_exspektans: n=5 within=- share=- met=- mean=25.2 sd=41.8 p10=5.4 median=7.0 p90=63.2 excluded=-",
	"pathway livmoderkroppscancer: n=17 within=11 share=64.7 met=false mean=- sd=- p10=- median=- p90=- excluded=-",
	"leadtime livmoderkroppscancer livkropp_kirurgi: n=10 within=8 share=80.0 met=true mean=22.0 sd=12.1 p10=7.6 median=22.0 p90=36.4 excluded=-",
	"leadtime livmoderkroppscancer livkropp_stral_lakemedel: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
	"leadtime livmoderkroppscancer livkropp_palliativ: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=- suppressed",
}

func TestKnownAnswers(t *testing.T) {
	diffLines(t, lines(build(t, csvOf(knownAnswers()), Options{MinCell: 1})), knownAnswerLines)
	r := build(t, csvOf(knownAnswers()), Options{MinCell: DefaultMinCell})
	diffLines(t, lines(r), knownAnswerHidden)

	// 19 endometrial episodes with 18 reportable would say that one is
	// not (and 18 reportable beside 17 lead times with a target that one
	// has none); hiding those, the input's 29 episodes less the brain
	// tumours' 10 would give them again, so every count of the pathway
	// table and the input's episodes go (TestNoSmallDifferenceShown).
	if in := r.Input; countText(in.Episodes) != "–" || countText(in.Reportable) != "–" || countText(in.RowsRead) != "64" || countText(in.RowsRejected) != "0" {
		t.Errorf("input counts %+v, want 64 rows, 0 rejected, episodes and reportable hidden", r.Input)
	}
	var got []string
	for _, ps := range r.Pathways {
		got = append(got, fmt.Sprintf("%s %s %s %s %s", ps.Pathway, countText(ps.Episodes), countText(ps.Reportable), countText(ps.WithErrors), findingsText(ps.Findings)))
	}
	// Every pathway of the guide is listed, each hidden.
	var wantRows []string
	for _, ps := range r.Pathways {
		wantRows = append(wantRows, ps.Pathway+" – – – ")
	}
	if len(wantRows) != 31 || strings.Join(got, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("pathway summaries\n got: %q\nwant: %q", got, wantRows)
	}
	if d := smallDifferences(r.Pathways, r.Input, r.Measures, DefaultMinCell); len(d) > 0 {
		t.Errorf("small differences shown: %s", strings.Join(d, "; "))
	}
}

// TestOrderDoesNotMatter: the rows in a random order (no episode's rows
// adjacent, so the run restarts and groups in memory) and the episodes in
// another order give the same report, byte for byte, in every format.
func TestOrderDoesNotMatter(t *testing.T) {
	eps := knownAnswers()
	text := csvOf(eps)
	rows := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	rng := rand.New(rand.NewSource(5))
	body := rows[1:]
	rng.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
	shuffled := strings.Join(rows, "\n") + "\n"

	rng.Shuffle(len(eps), func(i, j int) { eps[i], eps[j] = eps[j], eps[i] })
	reordered := csvOf(eps)

	base := build(t, text, Options{MinCell: DefaultMinCell, By: []string{"sex"}})
	for name, variant := range map[string]string{"rows shuffled": shuffled, "episodes reordered": reordered} {
		r, sum := buildSum(t, variant, Options{MinCell: DefaultMinCell, By: []string{"sex"}})
		if want := name == "rows shuffled"; sum.Grouped != want {
			t.Errorf("%s: run grouped in memory = %v, want %v", name, sum.Grouped, want)
		}
		for _, f := range Formats {
			if a, b := render(t, base, f), render(t, r, f); a != b {
				t.Errorf("%s: %s output differs from the sorted input's", name, f)
			}
		}
	}
}

// TestRestartCountsOnce: when a row of an early episode comes back after
// more than two batches of episodes, the run has already evaluated those
// batches when it restarts in grouping mode; each episode must still be
// counted once.
func TestRestartCountsOnce(t *testing.T) {
	var eps []episode
	for i := 0; i < 1200; i++ {
		eps = append(eps, closed(fmt.Sprintf("E%04d", i), "VH3", "50", 10+i%40))
	}
	adjacent := eps
	adjacent[0].codes = append(adjacent[0].codes, codeAt{"VH315", 1})
	want, sum := buildSum(t, csvOf(adjacent), Options{MinCell: DefaultMinCell})
	if sum.Grouped {
		t.Fatal("adjacent rows were grouped in memory")
	}
	// The same rows with E0000's VH315 row moved to the end.
	text := csvOf(adjacent)
	rows := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	late := rows[3] // E0000: VH310, VH350, VH315
	if !strings.Contains(late, "VH315") {
		t.Fatalf("row 3 is %q", late)
	}
	rows = append(append(rows[:3:3], rows[4:]...), late)
	p := program(t)
	c := &countingCollector{Collector: NewCollector(p, Options{MinCell: DefaultMinCell})}
	text = strings.Join(rows, "\n") + "\n"
	in := input.Input{Name: "late.csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
	sum, err := runtime.Run(p, []input.Input{in}, input.Options{}, 2, c, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Grouped {
		t.Fatal("the run did not restart in grouping mode")
	}
	// Proof that the test tests something: the first pass evaluated
	// episodes that the second evaluated again.
	if n := c.calls.Load(); n <= 1200 {
		t.Fatalf("Episode was called %d times; the test needs the first pass to evaluate some episodes", n)
	}
	got := c.Report(sum)
	diffLines(t, lines(got), lines(want))
	// The input's episodes are hidden (beside endometrial cancer's 1 200
	// they would say that every other pathway is empty), and so are the
	// lead-time cells (all in one definition, beside empty ones): the
	// pathway's row and the run's summary count.
	at := slices.IndexFunc(got.Pathways, func(ps PathwaySummary) bool { return ps.Pathway == "livmoderkroppscancer" })
	if at < 0 || got.Pathways[at].Episodes == nil || *got.Pathways[at].Episodes != 1200 || sum.Episodes != 1200 {
		t.Errorf("pathway episodes and the summary's, want 1200 each: %d, %+v", sum.Episodes, got.Pathways)
	}
}

// TestFromCodeMissing: a definition whose from-code is one prefix's start
// code (here VN410, acute leukaemia, which also starts with VN610) leaves
// out a reportable episode started with the other prefix, and says why.
// The embedded rules always start at XX10 and never hit this.
func TestFromCodeMissing(t *testing.T) {
	dir := t.TempDir()
	src := rules.FS()
	entries, err := fs.ReadDir(src, rules.Latest())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(src, rules.Latest()+"/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "ledtider.svf" {
			data = append(data, []byte(`
leadtime leukemi_test {
  pathway akuta_leukemier
  name "Test: VN410 till läkemedel"
  from VN410
  to XX52
  target 30 days
  ref "test"
}
`)...)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	g, diags, _ := compiler.Load(os.DirFS(dir), ".", "r")
	if g == nil {
		t.Fatalf("changed rules do not compile: %v", diags)
	}
	p := compiler.Compile(g)
	text := csvOf([]episode{
		closed("VN4", "VN4", "52", 20),
		closed("VN6", "VN6", "52", 40),
	})
	in := input.Input{Name: "t.csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
	c := NewCollector(p, Options{MinCell: 1})
	sum, err := runtime.Run(p, []input.Input{in}, input.Options{}, 1, c, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	diffLines(t, lines(c.Report(sum)), []string{
		"all: n=1 within=1 share=100.0 met=true mean=- sd=- p10=- median=- p90=- excluded=1 fran_kod_saknas=1",
		"pathway akuta_leukemier: n=1 within=1 share=100.0 met=true mean=- sd=- p10=- median=- p90=- excluded=1 fran_kod_saknas=1",
		"leadtime akuta_leukemier leukemi_test: n=1 within=1 share=100.0 met=true mean=20.0 sd=- p10=20.0 median=20.0 p90=20.0 excluded=1 fran_kod_saknas=1",
		// Every pathway with definitions is listed, held or not.
		"pathway hjarntumorer: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
		"leadtime hjarntumorer hjarn_hog_ingen_atgard: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
		"leadtime hjarntumorer hjarn_hog_behandling: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
		"leadtime hjarntumorer hjarn_lag_ingen_atgard: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
		"leadtime hjarntumorer hjarn_lag_behandling: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
		"leadtime hjarntumorer hjarn_lag_exspektans: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
		"pathway livmoderkroppscancer: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
		"leadtime livmoderkroppscancer livkropp_kirurgi: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
		"leadtime livmoderkroppscancer livkropp_stral_lakemedel: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
		"leadtime livmoderkroppscancer livkropp_palliativ: n=0 within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0",
	})
}
