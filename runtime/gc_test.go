package runtime

import (
	"bytes"
	"io"
	"math"
	gort "runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime/input"
)

// gcSettings returns the collector's target and memory limit.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(-1)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// withoutGCEnv runs f with no GOGC or GOMEMLIMIT of the user's (UserGC)
// and the target at 77 %, and restores everything after.
func withoutGCEnv(t *testing.T, f func()) {
	defer func(was bool) { UserGC = was }(UserGC)
	UserGC = false
	prevPercent := debug.SetGCPercent(77)
	prevLimit := debug.SetMemoryLimit(math.MaxInt64)
	defer func() {
		debug.SetGCPercent(prevPercent)
		debug.SetMemoryLimit(prevLimit)
	}()
	f()
}

// TestStreamGC: while streaming the collector waits for streamHeap, and
// its settings come back after; with GOGC set by the user nothing
// changes.
func TestStreamGC(t *testing.T) {
	withoutGCEnv(t, func() {
		restore := streamGC()
		if p, l := gcSettings(); p != -1 || l != streamHeap {
			t.Errorf("while streaming: GOGC %d, limit %d; want -1, %d", p, l, streamHeap)
		}
		restore()
		if p, l := gcSettings(); p != 77 || l != math.MaxInt64 {
			t.Errorf("after: GOGC %d, limit %d; want 77, MaxInt64", p, l)
		}
		restore() // twice is harmless
		if p, _ := gcSettings(); p != 77 {
			t.Errorf("after a second restore: GOGC %d, want 77", p)
		}

		// Two passes at once: the settings come back after the last.
		r1, r2 := streamGC(), streamGC()
		r1()
		r1()
		if p, _ := gcSettings(); p != -1 {
			t.Errorf("one of two passes ended: GOGC %d, want -1", p)
		}
		r2()
		if p, l := gcSettings(); p != 77 || l != math.MaxInt64 {
			t.Errorf("both ended: GOGC %d, limit %d; want 77, MaxInt64", p, l)
		}

		UserGC = true
		defer func() { UserGC = false }()
		restore = streamGC()
		if p, l := gcSettings(); p != 77 || l != math.MaxInt64 {
			t.Errorf("with GOGC set: GOGC %d, limit %d; want 77, MaxInt64 unchanged", p, l)
		}
		restore()
	})
}

// TestStreamGCLargeHeap: a collection that finds more than half of
// streamHeap live brings the usual target back at once, so a large live
// heap is not collected over and over at the limit.
func TestStreamGCLargeHeap(t *testing.T) {
	withoutGCEnv(t, func() {
		restore := streamGC()
		defer restore()
		live := make([]byte, streamHeap/2+8<<20)
		for deadline := time.Now().Add(5 * time.Second); ; {
			gort.GC() // the sentinel's finalizer runs after the collection
			time.Sleep(10 * time.Millisecond)
			if p, _ := gcSettings(); p == 77 {
				break
			}
			if time.Now().After(deadline) {
				p, l := gcSettings()
				t.Fatalf("with %d MB live: GOGC %d, limit %d; want the usual 77 back", len(live)>>20, p, l)
			}
		}
		if _, l := gcSettings(); l != math.MaxInt64 {
			t.Errorf("limit %d, want MaxInt64 back", l)
		}
		gort.KeepAlive(live)
	})
}

// gcWrapper is a Renderer that notes, when Run hands it the output
// (Wrap), how many streaming passes hold streamGC's setting.
type gcWrapper struct{ streaming int }

func (*gcWrapper) Episode(buf *bytes.Buffer, r *EpisodeResult) { buf.WriteString(r.In.ID + "\n") }

func (g *gcWrapper) Wrap(_ *Summary, episodes io.Reader, w io.Writer) error {
	streamMu.Lock()
	g.streaming = streaming
	streamMu.Unlock()
	_, err := io.Copy(w, episodes)
	return err
}

// TestRunKeepsStreamGCUntilHandedOver: the streaming pass holds its
// setting (streamGC) while the output is handed over (restoring the
// usual target there started a collection on the run's serial tail),
// and lets it go once Run returns. The grouping pass runs with the usual
// target, as before. (Whether the setting is still in force depends on
// the heap, see gcWatch: in a package's tests it can be large.)
func TestRunKeepsStreamGCUntilHandedOver(t *testing.T) {
	g, diags, _ := compiler.Load(rules.FS(), "10.6", "rules/10.6")
	if g == nil {
		t.Fatal(diags)
	}
	p := compiler.Compile(g)
	for _, c := range []struct {
		name, rows string
		streaming  int
		wantOutput string
	}{
		{"adjacent", "E1;VB210;2024-01-02\nE1;VB250;2024-01-09\nE2;VB210;2024-02-01\n", 1, "E1\nE2\n"},
		{"not adjacent", "E1;VB210;2024-01-02\nE2;VB210;2024-02-01\nE1;VB250;2024-01-09\n", 0, "E1\nE2\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			withoutGCEnv(t, func() {
				text := "episode;code;date\n" + c.rows
				in := input.Input{Name: "in.csv", Open: func() (io.ReadCloser, error) {
					return io.NopCloser(strings.NewReader(text)), nil
				}}
				var out bytes.Buffer
				r := &gcWrapper{}
				if _, err := Run(p, []input.Input{in}, input.Options{TempDir: t.TempDir()}, 2, r, &out); err != nil {
					t.Fatal(err)
				}
				if out.String() != c.wantOutput {
					t.Errorf("output %q, want %q", out.String(), c.wantOutput)
				}
				if r.streaming != c.streaming {
					t.Errorf("%d streaming passes hold the setting during Wrap, want %d", r.streaming, c.streaming)
				}
				streamMu.Lock()
				after := streaming
				streamMu.Unlock()
				if p, _ := gcSettings(); after != 0 || p != 77 {
					t.Errorf("after Run: %d streaming passes, GOGC %d; want 0, 77 back", after, p)
				}
			})
		})
	}
}
