package runtime_test

import (
	"bytes"
	"io"
	goruntime "runtime"
	"strconv"
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

// idRenderer writes each episode's id on a line.
type idRenderer struct{}

func (idRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	buf.WriteString(r.In.ID + "\n")
}

// TestRunGroupedBatchesInOrder: the grouped episodes of an input whose
// rows are not adjacent come out in the order of their first rows with
// any number of workers, over many more batches than are under way at
// once (Run waits for a batch written out before it makes more).
func TestRunGroupedBatchesInOrder(t *testing.T) {
	const episodes = 20_000 // some 40 batches
	var text, want strings.Builder
	text.WriteString("episode;code;date\n")
	for round, code := range []string{"VH310", "VH350"} {
		for i := range episodes {
			id := "E" + strconv.Itoa(i*7919%episodes) // first rows not in id order
			text.WriteString(id + ";" + code + ";2024-01-1" + strconv.Itoa(round) + "\n")
			if round == 0 {
				want.WriteString(id + "\n")
			}
		}
	}
	for _, workers := range []int{1, 2, 3, 8} {
		in := input.Input{Name: "f", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text.String())), nil }}
		var out bytes.Buffer
		sum, err := runtime.Run(latestProgram(t), []input.Input{in}, input.Options{}, workers, idRenderer{}, &out)
		if err != nil {
			t.Fatalf("%d workers: %v", workers, err)
		}
		if !sum.Grouped || out.String() != want.String() {
			t.Errorf("%d workers: grouped %v, output not the ids in the order of their first rows", workers, sum.Grouped)
		}
	}
}
