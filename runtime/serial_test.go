package runtime_test

import (
	"bytes"
	"io"
	goruntime "runtime"
	"strings"
	"testing"

	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// goroutineRenderer notes the goroutine each episode is rendered on.
type goroutineRenderer struct{ ids map[string]bool }

func (g *goroutineRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	g.ids[goroutineID()] = true
	buf.WriteString(r.In.ID + "\n")
}

// goroutineID is the number of the calling goroutine, from its stack's
// first line ("goroutine 7 [running]:").
func goroutineID() string {
	var b [64]byte
	s := string(b[:goruntime.Stack(b[:], false)])
	return strings.Fields(s)[1]
}

// TestRunOneWorkerSerial: with one worker, Run evaluates and renders on
// the calling goroutine, starting none (a small input's start-up, issue
// 16), streaming and grouping alike; the output is in input order.
func TestRunOneWorkerSerial(t *testing.T) {
	for name, text := range map[string]string{
		"adjacent": "episode;code;date\nA;VH310;2024-01-15\nA;VH350;2024-02-12\nB;VH310;2024-01-15\n",
		"grouped":  "episode;code;date\nA;VH310;2024-01-15\nB;VH310;2024-01-15\nA;VH350;2024-02-12\n",
	} {
		in := input.Input{Name: "f", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
		r := &goroutineRenderer{ids: map[string]bool{}}
		var out bytes.Buffer
		if _, err := runtime.Run(latestProgram(t), []input.Input{in}, input.Options{}, 1, r, &out); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if me := goroutineID(); len(r.ids) != 1 || !r.ids[me] {
			t.Errorf("%s: rendered on goroutines %v, want only the caller's (%s)", name, r.ids, me)
		}
		if out.String() != "A\nB\n" {
			t.Errorf("%s: output %q, want %q", name, out.String(), "A\nB\n")
		}
	}
}
