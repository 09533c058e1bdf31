package main

import (
	"bytes"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime"
)

func generate(t *testing.T, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Generate(&b, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDeterministic checks that the same flags give the same bytes, and
// that every row has the ten fields of the header.
func TestDeterministic(t *testing.T) {
	opt := Options{Episodes: 1000, Seed: 1}
	a, b := generate(t, opt), generate(t, opt)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
	if c := generate(t, Options{Episodes: 1000, Seed: 2}); bytes.Equal(a, c) {
		t.Error("seeds 1 and 2 give the same file")
	}
	lines := strings.Split(strings.TrimSuffix(string(a), "\n"), "\n")
	if lines[0]+"\n" != Header {
		t.Errorf("header %q", lines[0])
	}
	for i, l := range lines {
		if n := strings.Count(l, ";") + 1; n != 10 {
			t.Fatalf("line %d has %d fields: %q", i+1, n, l)
		}
	}
	rows, eps := len(lines)-1, 0
	for i := 1; i < len(lines); i++ {
		if i == 1 || episodeID(lines[i]) != episodeID(lines[i-1]) {
			eps++
		}
	}
	if eps != 1000 {
		t.Errorf("%d runs of adjacent rows, want 1000 episodes", eps)
	}
	if avg := float64(rows) / float64(eps); avg < 5.5 || avg > 6.5 {
		t.Errorf("%.2f rows per episode, want about 6", avg)
	}
}

func episodeID(line string) string { return line[:strings.IndexByte(line, ';')] }

// TestShuffle checks that -shuffle gives the same rows in another order,
// deterministically, with most episodes' rows not adjacent.
func TestShuffle(t *testing.T) {
	plain := generate(t, Options{Episodes: 1000, Seed: 1})
	opt := Options{Episodes: 1000, Seed: 1, Shuffle: true, Window: 1000}
	shuffled := generate(t, opt)
	if !bytes.Equal(shuffled, generate(t, opt)) {
		t.Fatal("two shuffled runs with the same seed differ")
	}
	if bytes.Equal(plain, shuffled) {
		t.Fatal("-shuffle changed nothing")
	}
	sorted := func(b []byte) []string {
		l := strings.Split(string(b), "\n")
		sort.Strings(l)
		return l
	}
	if a, b := sorted(plain), sorted(shuffled); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatal("the shuffled file has other rows")
	}
	lines := strings.Split(strings.TrimSuffix(string(shuffled), "\n"), "\n")[1:]
	adjacent := 0
	for i := 1; i < len(lines); i++ {
		if episodeID(lines[i]) == episodeID(lines[i-1]) {
			adjacent++
		}
	}
	if adjacent > len(lines)/100 {
		t.Errorf("%d of %d rows follow a row of the same episode", adjacent, len(lines))
	}
}

// TestRealistic evaluates a generated file with the embedded guide: about
// 5 % of the episodes should have an error finding, and every kind of
// mistake should show up.
func TestRealistic(t *testing.T) {
	const n = 20000
	data := generate(t, Options{Episodes: n, Seed: 7})
	g, diags, _ := compiler.Load(rules.FS(), rules.Latest(), "rules/"+rules.Latest())
	if g == nil {
		t.Fatal(diags)
	}
	p := compiler.Compile(g)
	ev := runtime.NewEvaluator(p)
	var res runtime.Result
	withError, episodes := 0, 0
	byRule := map[string]int{}
	ep := &compiler.Episode{}
	flush := func() {
		if len(ep.Events) == 0 {
			return
		}
		episodes++
		ev.Evaluate(ep, &res)
		hasErr := false
		for _, f := range res.Findings {
			byRule[f.Rule.ID]++
			if f.Rule.Severity == compiler.SevError {
				hasErr = true
			}
		}
		if hasErr {
			withError++
		}
		ep.Events = ep.Events[:0]
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")[1:]
	for i, l := range lines {
		f := strings.Split(l, ";")
		if i > 0 && f[0] != episodeID(lines[i-1]) {
			flush()
		}
		age, err := strconv.Atoi(f[2])
		if err != nil || age < 10 || age > 95 {
			t.Fatalf("row %d: age %q", i+2, f[2])
		}
		*ep = compiler.Episode{Events: ep.Events, Region: f[1], Age: age, HasAge: true, Sex: f[3], County: f[4],
			ReferringRegion: f[5], Diagnosis: f[6], Intent: f[7]}
		code, ok := p.CodeOf(f[8])
		day, ok2 := compiler.ParseDay(f[9])
		if !ok || !ok2 {
			t.Fatalf("row %d: code %q date %q", i+2, f[8], f[9])
		}
		ep.Events = append(ep.Events, compiler.Event{Code: code, Date: day})
	}
	flush()
	if episodes != n {
		t.Fatalf("%d episodes, want %d", episodes, n)
	}
	share := float64(withError) / n
	t.Logf("%.1f %% of episodes with an error finding; findings by rule: %v", 100*share, byRule)
	if share < 0.03 || share > 0.08 {
		t.Errorf("%.1f %% of episodes have an error finding, want about 5 %%", 100*share)
	}
	for _, id := range []string{"okand_kod", "kod_ej_tillaten", "koder_fran_flera_forlopp", "startkod_saknas",
		"flera_avslutskoder", "avslutskod_saknas", "avslut_fore_start", "under_18_ar",
		"remitterande_region_saknas", "vxx90_med_avslutskod", "kur_vid_palliativ_intention",
		"vl260_kraver_vl244", "cup_organspecifik_diagnos", "tva_prefix_avslutskoden_styr"} {
		if byRule[id] == 0 {
			t.Errorf("no episode makes rule %s fire", id)
		}
	}
}
