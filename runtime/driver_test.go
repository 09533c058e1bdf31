package runtime

import (
	"bytes"
	"context"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	goruntime "runtime"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime/input"
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
	sum, err := Run(compiler.Compile(g), []input.Input{in.input()}, input.Options{BlockSize: 16 << 10}, 2, NewRenderer("jsonl"), &out)
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

func TestCopyTrimSuffix(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""}, {",\n", ""}, {"a,\n", "a"}, {"a,\nb,\n", "a,\nb"}, {"ab", "ab"}, {"a", "a"},
		{strings.Repeat("x", 70000) + ",\n", strings.Repeat("x", 70000)},
	} {
		var out bytes.Buffer
		// One byte at a time splits the suffix across reads.
		wrote, err := copyTrimSuffix(&out, io.LimitReader(oneByte{strings.NewReader(tc.in)}, 1<<30), []byte(",\n"))
		if err != nil || out.String() != tc.want || wrote != (tc.want != "") {
			t.Errorf("copyTrimSuffix(%q) = %q, %v, %v", tc.in[:min(len(tc.in), 10)], out.String()[:min(out.Len(), 10)], wrote, err)
		}
	}
}

type oneByte struct{ r io.Reader }

func (o oneByte) Read(p []byte) (int, error) { return o.r.Read(p[:min(len(p), 1)]) }

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
		sum, err := Run(p, []input.Input{in}, input.Options{}, goruntime.GOMAXPROCS(0), NewRenderer(cmpOr(os.Getenv("SVF_RUN_FORMAT"), "jsonl")), io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		rows = sum.RowsRead
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(rows)/float64(b.N), "ns/row")
}

// TestCollectorFindsIDsThatComeBack: an id seen before fails the
// streaming pass, whether the ids so far were in order (as text, as
// numbers) or not; ids that do not come back never fail it.
func TestCollectorFindsIDsThatComeBack(t *testing.T) {
	cases := []struct {
		ids  string
		fail bool
	}{
		{"A B C D", false},
		{"E1 E2 E10 E11", false},       // numbers: shorter first
		{"E1 E10 E11 E2", false},       // text order
		{"E2 E1 E3 E10 E9", false},     // no order at all, no repeat
		{"E1 E2 E3 E2", true},          // back, while in order until then
		{"E1 E10 E2 E3 E10", true},     // back after the order broke
		{"B A C B", true},              // back after the order broke at once
		{"S9 S10 S11 S12 S9", true},    // numbers, then back to the first
		{"X", false},                   // one id
		{"A1 B1 A2 B2 C1 C2 A1", true}, // text order breaks, then back
	}
	for _, c := range cases {
		ctx, stop := context.WithCancelCause(context.Background())
		col := &collector{sum: &Summary{}, seed: maphash.MakeSeed(), seen: map[uint64]struct{}{}, send: func(*batch) {}, stop: stop}
		for _, id := range strings.Fields(c.ids) {
			col.Episode(&input.Episode{ID: id})
		}
		if stopped := context.Cause(ctx) == errNotAdjacent; col.failed != c.fail || stopped != c.fail {
			t.Errorf("%s: failed %v, read stopped %v, want %v", c.ids, col.failed, stopped, c.fail)
		}
		stop(nil)
	}
}

// TestCollectorKeepsEveryHash: the hashes kept while ids increase fill
// several chunks; an id from any of them that comes back after the order
// breaks fails the streaming pass, and a new id does not.
func TestCollectorKeepsEveryHash(t *testing.T) {
	const n = 3*hashChunk + 5
	for _, c := range []struct {
		back string
		fail bool
	}{
		{"E0000000", true}, {fmt.Sprintf("E%07d", hashChunk), true}, {fmt.Sprintf("E%07d", n-1), true},
		{"D", false}, {"E0000000x", false},
	} {
		col := &collector{sum: &Summary{}, seed: maphash.MakeSeed(), seen: map[uint64]struct{}{}, send: func(*batch) {}, stop: func(error) {}}
		for i := range n {
			col.Episode(&input.Episode{ID: fmt.Sprintf("E%07d", i)})
		}
		col.Episode(&input.Episode{ID: "A"}) // breaks the order
		col.Episode(&input.Episode{ID: c.back})
		if col.failed != c.fail {
			t.Errorf("%s after %d ids: failed %v, want %v", c.back, n, col.failed, c.fail)
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
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
		sum, err := Run(compiler.Compile(g), []input.Input{in}, input.Options{BlockSize: 40}, workers, NewRenderer("jsonl"), io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(sum.EpisodesByPathway) != fmt.Sprint(want) || sum.Episodes != 5 || sum.RowsEvaluated != 7 {
			t.Errorf("%d workers: %d episodes, %d rows, by pathway %v, want 5, 7, %v", workers, sum.Episodes, sum.RowsEvaluated, sum.EpisodesByPathway, want)
		}
	}
}

// episodeSink keeps every episode a reader passes on.
type episodeSink struct{ eps []*input.Episode }

func (s *episodeSink) DataRow()                  {}
func (s *episodeSink) Reject(input.Rejection)    {}
func (s *episodeSink) Episode(ep *input.Episode) { s.eps = append(s.eps, ep) }

// BenchmarkEvaluate evaluates the episodes of the file named by
// $SVF_EVAL_BENCH (e.g. one written by testdata/synth; without it the
// example export), read beforehand, with guide 10.6 on one goroutine:
// the evaluator's own cost per episode, without reading, rendering or
// scheduling.
func BenchmarkEvaluate(b *testing.B) {
	g, diags, _ := compiler.Load(rules.FS(), "10.6", "rules/10.6")
	if g == nil {
		b.Fatal(diags)
	}
	p := compiler.Compile(g)
	name := cmpOr(os.Getenv("SVF_EVAL_BENCH"), "../testdata/episodes/example.csv")
	data, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	var s episodeSink
	if err := input.Read(context.Background(), name, bytes.NewReader(data), input.Options{}, &s); err != nil {
		b.Fatal(err)
	}
	ev := NewEvaluator(p)
	var r EpisodeResult
	findings := 0
	for b.Loop() {
		findings = 0
		for _, in := range s.eps {
			r.In = in
			toEpisode(p, in, &r.Episode)
			ev.Evaluate(&r.Episode, &r.Result)
			findings += len(r.Result.Findings)
		}
	}
	if findings == 0 {
		b.Fatal("no findings: the data has typical mistakes")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(len(s.eps))/float64(b.N), "ns/episode")
}
