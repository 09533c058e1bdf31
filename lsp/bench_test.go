package lsp

import (
	"testing"
	"time"
)

// BenchmarkDiagnosticsAfterChange measures what the author waits for:
// from an edit of regler.svf sent over the pipe to the diagnostics of the
// whole 10.6 folder received (check, test cases, publishing), one edit
// per iteration, alternating an unknown code and its fix. The goal is
// under 50 ms. On a shared machine the time per edit is mostly waiting
// for a core, so the benchmark also reports the CPU time the process
// (client and server) spent per edit, cpu-ms/op.
//
//	go test ./lsp -run '^$' -bench DiagnosticsAfterChange -benchtime 200x
func BenchmarkDiagnosticsAfterChange(b *testing.B) {
	c := startClient(b, copyGuide(b, "10.6"))
	text := c.openFile("regler.svf")
	c.diagnostics("regler.svf")
	p := find(b, text, "when has(unknown)", 0)
	p.Character += uint32(len("when has("))
	r := rng(int(p.Line), int(p.Character), int(p.Character)+len("unknown"))
	words := []string{"XX47", "unknown"}
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		w := words[i%2]
		c.edit("regler.svf", r, w)
		r.End.Character = r.Start.Character + uint32(len(w))
		ds := c.diagnostics("regler.svf")
		if (i%2 == 0) != (len(ds) == 1) {
			b.Fatalf("edit %d: %d diagnostics", i, len(ds))
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
