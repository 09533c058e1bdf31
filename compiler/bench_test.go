package compiler

import (
	"testing"

	"github.com/rcc/svfrules/rules"
)

// BenchmarkCompile10_6 measures the whole way from text to program:
// reading, parsing and checking the embedded 10.6 rule files (Load) and
// lowering every pathway (Compile, CompileAll), as `check` and the
// language server do on rule files. eval and report no longer pay it:
// they decode the checked model generated at build time and compile
// the pathways they meet (README, Performance).
func BenchmarkCompile10_6(b *testing.B) {
	const version = "10.6"
	fsys := rules.FS()
	b.ReportAllocs()
	for b.Loop() {
		g, diags, _ := Load(fsys, version, "rules/"+version)
		if g == nil || len(diags) > 0 {
			b.Fatalf("rules/%s does not compile cleanly: %v", version, diags)
		}
		if Compile(g).CompileAll() == nil {
			b.Fatal("Compile returned nil")
		}
	}
}
