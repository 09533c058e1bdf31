package runtime_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
	"github.com/rcc/svfrules/runtime/output"
)

// TestRunSameInBlocks evaluates CSV inputs on one goroutine and on
// several, in blocks small enough to put edges inside episodes (so that
// most episodes are evaluated while parsing, through the collector's
// input.LocalSink, the rest by the collector), and checks that output and
// summary are the same. (Package input checks that a Local gets the runs
// the one-goroutine reader passes on; this checks the pipeline's side.)
func TestRunSameInBlocks(t *testing.T) {
	inputs := map[string]string{
		// Rejected rows inside episodes (incomplete episodes): first, in
		// the middle, last, every row of one, one whose rows are not
		// adjacent, and a rejected row with another id between two rows
		// of one.
		"incomplete": "episode;code;date\nA;VH310;2024-13-01\nA;VH315;2024-01-16\nA;VH350;2024-02-12\nB;VH310;2024-01-15\nB;VH350;2024-02-12\nC;VH310;2024-02-30\nC;VH3;2024-03-01\nD;VH310;2024-01-15\n",
		"conflict":   "episode;region;code;date\nA;01;VH310;2024-01-15\nA;02;VH315;2024-01-16\nA;01;VH350;x\nA;01;VH350;2024-02-12;\nB;01;VH310;2024-01-15\n",
		"between":    "episode;code;date\nA;VH310;2024-01-15\nB;VH3;2024-01-16\nA;VH350;2024-02-12\n",
		"interleave": "episode;code;date\nA;VH310;2024-01-15\nB;VH310;2024-01-15\nA;VH350;2024-02-32\nB;VH350;2024-02-12\n",
	}
	files, _ := filepath.Glob("../testdata/episodes/*.csv")
	if len(files) == 0 {
		t.Fatal("no CSV examples")
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(name)] = string(data)
	}
	for name, text := range inputs {
		for _, order := range []string{"", "dmy"} {
			in := input.Input{Name: "f", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
			run := func(workers, size int) string {
				var out bytes.Buffer
				sum, err := runtime.Run(latestProgram(t), []input.Input{in}, input.Options{DateOrder: order, BlockSize: size}, workers, output.NewRenderer("jsonl"), &out)
				if err != nil {
					return "error: " + err.Error()
				}
				if sum.RowsRead != sum.RowsEvaluated+sum.RowsIncomplete+sum.RowsRejected+sum.RowsBlank {
					t.Errorf("%s, %d workers: rows read %d, evaluated %d, in incomplete episodes %d, rejected %d, blank %d", name, workers, sum.RowsRead, sum.RowsEvaluated, sum.RowsIncomplete, sum.RowsRejected, sum.RowsBlank)
				}
				js, _ := json.Marshal(sum)
				return out.String() + string(js)
			}
			want := run(1, 0)
			for _, size := range []int{7, 64, 1 << 10} {
				if got := run(3, size); got != want {
					t.Fatalf("%s, date order %q: blocks of %d bytes on 3 goroutines:\n%s\none goroutine:\n%s", name, order, size, got, want)
				}
			}
		}
	}
}
