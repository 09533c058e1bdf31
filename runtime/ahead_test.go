package runtime

import (
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime/input"
)

// TestCompileAhead: the first batch an Evaluator sees has the pathways of
// its episodes compiled before any is evaluated, and no other; an
// incomplete episode's pathway is not compiled for it (it is not
// evaluated); later batches compile what they need as they go.
func TestCompileAhead(t *testing.T) {
	g, diags, _ := compiler.LoadEmbeddedModel(rules.Latest())
	if g == nil {
		t.Fatalf("guide: %v", diags)
	}
	p := compiler.Compile(g)
	ev := NewEvaluator(p)
	index := func(key string) int {
		for _, pw := range g.Pathways {
			if pw.Key == key {
				return pw.Index
			}
		}
		t.Fatalf("no pathway %s", key)
		return -1
	}
	code := func(key, suffix string) string { return g.Pathways[index(key)].Prefixes[0] + suffix }
	ep := func(id string, codes ...string) *input.Episode {
		e := &input.Episode{ID: id}
		for i, c := range codes {
			e.Events = append(e.Events, input.Event{Code: c, Date: compiler.Day(19000 + i), Row: 2 + i})
		}
		return e
	}
	incomplete := ep("E4", code("prostatacancer", "10"))
	incomplete.Rejected = []input.Rejection{{Row: 9, Reason: "x"}}
	first := []*input.Episode{
		ep("E1", code("lungcancer", "10"), code("lungcancer", "50")),
		ep("E2", code("brostcancer", "10")),
		ep("E3", code("lungcancer", "10")),
		incomplete,
	}
	ev.compileAhead(first)
	for _, pw := range g.Pathways {
		want := pw.Key == "lungcancer" || pw.Key == "brostcancer"
		if got := p.Compiled(pw.Index); got != want {
			t.Errorf("after the first batch, %s compiled %v, want %v", pw.Key, got, want)
		}
	}
	ev.compileAhead([]*input.Episode{ep("E5", code("hudmelanom", "10")), ep("E6", code("analcancer", "10"))})
	if p.Compiled(index("hudmelanom")) || p.Compiled(index("analcancer")) {
		t.Error("a second batch had its pathways compiled ahead")
	}
}
