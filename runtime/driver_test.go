package runtime

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime/input"
)

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
		col := &collector{sum: &Summary{}, seed: newIDSeed(), seen: map[uint64]struct{}{}, send: func(*batch) {}, stop: stop}
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
// several chunks (the first smaller than the others); an id from any of them that comes back after the order
// breaks fails the streaming pass, and a new id does not.
func TestCollectorKeepsEveryHash(t *testing.T) {
	const n = 3*hashChunk + 5
	for _, c := range []struct {
		back string
		fail bool
	}{
		{"E0000000", true}, {fmt.Sprintf("E%07d", firstHashChunk-1), true}, {fmt.Sprintf("E%07d", firstHashChunk), true},
		{fmt.Sprintf("E%07d", firstHashChunk+hashChunk), true}, {fmt.Sprintf("E%07d", n-1), true},
		{"D", false}, {"E0000000x", false},
	} {
		col := &collector{sum: &Summary{}, seed: newIDSeed(), seen: map[uint64]struct{}{}, send: func(*batch) {}, stop: func(error) {}}
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
	name := cmp.Or(os.Getenv("SVF_EVAL_BENCH"), "../testdata/episodes/example.csv")
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

// TestGroupKeepsEachEventsFile: runs of one episode from several inputs
// are merged, and each event still names its own input, whichever order
// the files come back in.
func TestGroupKeepsEachEventsFile(t *testing.T) {
	runs := []input.Episode{
		{File: "p1.csv", ID: "A", Events: []input.Event{{Code: rawCode("VL210"), Row: 2}, {Code: rawCode("VL222"), Row: 3}}},
		{File: "p2.csv", ID: "A", Events: []input.Event{{Code: rawCode("VL250"), Row: 3}}},
		{File: "p1.csv", ID: "A", Events: []input.Event{{Code: rawCode("VL260"), Row: 9}}},
		{File: "p3.csv", ID: "A", Events: []input.Event{{Code: rawCode("VL273"), Row: 2}}},
		{File: "p2.csv", ID: "A", Events: []input.Event{{Code: rawCode("VL271"), Row: 7}}},
	}
	want := []string{"p1.csv:2", "p1.csv:3", "p2.csv:3", "p1.csv:9", "p3.csv:2", "p2.csv:7"}
	grp := newGrouper(newIDSeed())
	col := &collector{sum: &Summary{}, grouping: true, grp: grp}
	for i := range runs {
		col.Episode(&runs[i])
	}
	if grp.n != 1 {
		t.Fatalf("%d episodes, want 1", grp.n)
	}
	var g input.Episode
	grp.episode(0, &g)
	var got []string
	for i, e := range g.Events {
		got = append(got, fmt.Sprintf("%s:%d", g.EventFile(i), e.Row))
	}
	if !slices.Equal(got, want) {
		t.Errorf("places %v, want %v", got, want)
	}
}
