package runtime_test

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	goruntime "runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
	"github.com/rcc/svfrules/runtime/output"
)

// countingInput opens the same text each time and records how many bytes
// each opening delivered.
type countingInput struct {
	text  string
	reads []int
}

type countingReader struct {
	r io.Reader
	n *int
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += n
	return n, err
}

func (c *countingInput) input() input.Input {
	return input.Input{Name: "in.csv", Open: func() (io.ReadCloser, error) {
		c.reads = append(c.reads, 0)
		return io.NopCloser(countingReader{strings.NewReader(c.text), &c.reads[len(c.reads)-1]}), nil
	}}
}

// TestRunRestartsEarlyWhenRowsAreNotAdjacent: when an episode id comes
// back near the start of a large input, the streaming pass stops there
// instead of reading the rest, and the grouped pass gives the merged
// episode.
func TestRunRestartsEarlyWhenRowsAreNotAdjacent(t *testing.T) {
	var b strings.Builder
	b.WriteString("episode;code;date\nA;VH310;2024-01-01\nB;VH310;2024-01-01\nA;VH350;2024-01-20\n")
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&b, "E%d;VH310;2024-01-01\nE%d;VH350;2024-01-11\n", i, i)
	}
	in := &countingInput{text: b.String()}
	g, _, _ := compiler.Load(rules.FS(), rules.Latest(), "rules")
	var out bytes.Buffer
	// The parsing goroutines read a few blocks ahead; small blocks keep
	// that well under a quarter of this input.
	sum, err := runtime.Run(compiler.Compile(g), []input.Input{in.input()}, input.Options{BlockSize: 16 << 10}, 2, output.NewRenderer("jsonl"), &out)
	if err != nil {
		t.Fatal(err)
	}
	if len(in.reads) != 2 {
		t.Fatalf("input opened %d times, want 2 (stream, then group)", len(in.reads))
	}
	if in.reads[0] > len(in.text)/4 || in.reads[1] != len(in.text) {
		t.Errorf("first pass read %d bytes, second %d, of %d: the first should stop early", in.reads[0], in.reads[1], len(in.text))
	}
	if !sum.Grouped || sum.Episodes != 50002 || sum.RowsRead != sum.RowsEvaluated {
		t.Errorf("summary: grouped %v, episodes %d, rows read %d evaluated %d", sum.Grouped, sum.Episodes, sum.RowsRead, sum.RowsEvaluated)
	}
	first, _, _ := strings.Cut(out.String(), "\n")
	want := `{"episode":"A","pathway":"livmoderkroppscancer","reportable":true,"reported_as":"VH3","findings":[],"leadtimes":[{"id":"livkropp_kirurgi","name":"Välgrundad misstanke till start av första behandling, kirurgi","from":"VH310","to":"VH350","days":19,"target":32,"within":true}]}`
	if first != want {
		t.Errorf("episode A:\n got %s\nwant %s", first, want)
	}
}

// BenchmarkRunFile evaluates the file named by $SVF_RUN_BENCH (e.g. one
// written by testdata/synth) with guide 10.6 and the jsonl renderer, as
// bench/run.sh does; without it the benchmark is skipped. It is there to
// profile the whole pipeline: -cpuprofile works on it, not on the binary.
func BenchmarkRunFile(b *testing.B) {
	name := os.Getenv("SVF_RUN_BENCH")
	if name == "" {
		b.Skip("set SVF_RUN_BENCH to a CSV or JSON Lines file")
	}
	g, diags, _ := compiler.Load(rules.FS(), "10.6", "rules/10.6")
	if g == nil {
		b.Fatal(diags)
	}
	p := compiler.Compile(g)
	in, _, err := input.FileInput(name, nil)
	if err != nil {
		b.Fatal(err)
	}
	var rows int
	for b.Loop() {
		sum, err := runtime.Run(p, []input.Input{in}, input.Options{}, goruntime.GOMAXPROCS(0), output.NewRenderer(cmp.Or(os.Getenv("SVF_RUN_FORMAT"), "jsonl")), io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		rows = sum.RowsRead
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(rows)/float64(b.N), "ns/row")
}

// TestSummaryCountsByPathway: the summary counts episodes by pathway key,
// and an episode none of whose codes has a known prefix as "(okänt)",
// whether it was evaluated while parsing or by the collector.
func TestSummaryCountsByPathway(t *testing.T) {
	text := "episode;code;date\n" +
		"A;VH310;2024-01-01\nA;VH350;2024-01-20\n" +
		"B;VZ910;2024-01-01\n" +
		"C;VH310;2024-01-01\n" +
		"D;VL210;2024-01-01\nD;VL254;2024-02-01\n" +
		"E;VZ910;2024-01-01\n"
	g, _, _ := compiler.Load(rules.FS(), rules.Latest(), "rules")
	in := input.Input{Name: "in.csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
	want := map[string]int{"(okänt)": 2, "livmoderkroppscancer": 2, "hjarntumorer": 1}
	for _, workers := range []int{1, 3} {
		// Blocks of 40 bytes: every episode gets a block edge near it.
		sum, err := runtime.Run(compiler.Compile(g), []input.Input{in}, input.Options{BlockSize: 40}, workers, output.NewRenderer("jsonl"), io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(sum.EpisodesByPathway) != fmt.Sprint(want) || sum.Episodes != 5 || sum.RowsEvaluated != 7 {
			t.Errorf("%d workers: %d episodes, %d rows, by pathway %v, want 5, 7, %v", workers, sum.Episodes, sum.RowsEvaluated, sum.EpisodesByPathway, want)
		}
	}
}

// countingRenderer counts the episodes rendered.
type countingRenderer struct{ n atomic.Int64 }

func (c *countingRenderer) Episode(*bytes.Buffer, *runtime.EpisodeResult) { c.n.Add(1) }

// TestRunDoesNotEvaluateTheWastedPass: with rows shuffled, an id comes
// back within the first rows of a block; the streaming pass stops there,
// instead of evaluating and rendering every row of the blocks under way
// as an episode of its own before the run starts again, grouping.
func TestRunDoesNotEvaluateTheWastedPass(t *testing.T) {
	const n = 4000
	rows := make([]string, 0, 2*n)
	for i := range n {
		rows = append(rows, fmt.Sprintf("E%d;VH310;2024-01-01", i), fmt.Sprintf("E%d;VH350;2024-01-20", i))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	text := "episode;code;date\n" + strings.Join(rows, "\n") + "\n"
	in := input.Input{Name: "in.csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
	g, _, _ := compiler.Load(rules.FS(), rules.Latest(), "rules")
	var r countingRenderer
	sum, err := runtime.Run(compiler.Compile(g), []input.Input{in}, input.Options{BlockSize: 64 << 10}, 2, &r, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Grouped || sum.Episodes != n || sum.RowsEvaluated != 2*n {
		t.Fatalf("grouped %v, %d episodes, %d rows evaluated; want true, %d, %d", sum.Grouped, sum.Episodes, sum.RowsEvaluated, n, 2*n)
	}
	if wasted := r.n.Load() - n; wasted > 1000 {
		t.Errorf("%d episodes rendered in the pass that was thrown away, want a few hundred at most", wasted)
	}
}
