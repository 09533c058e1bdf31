package compiler

import (
	"testing"

	"github.com/rcc/svfrules/rules"
)

// BenchmarkCompile10_6 measures what every command pays before it can
// evaluate a single episode: reading, parsing and checking the embedded
// 10.6 rule files (Load) and lowering the model to a Program (Compile).
// The goal is under 20 ms per op so that the CLI starts instantly.
func BenchmarkCompile10_6(b *testing.B) {
	const version = "10.6"
	fsys := rules.FS()
	b.ReportAllocs()
	for b.Loop() {
		g, diags, _ := Load(fsys, version, "rules/"+version)
		if g == nil || len(diags) > 0 {
			b.Fatalf("rules/%s does not compile cleanly: %v", version, diags)
		}
		if Compile(g) == nil {
			b.Fatal("Compile returned nil")
		}
	}
}
