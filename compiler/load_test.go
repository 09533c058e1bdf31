package compiler

import (
	"bytes"
	"testing"

	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
)

// loadEmbedded compiles an embedded version or fails the test, printing
// the diagnostics as a user would see them.
func loadEmbedded(t testing.TB, version string) *Guide {
	t.Helper()
	g, diags, src := Load(rules.FS(), version, "rules/"+version)
	if len(diags) > 0 || g == nil {
		var b bytes.Buffer
		lang.WriteText(&b, diags, src)
		t.Fatalf("rules/%s does not compile cleanly:\n%s", version, b.String())
	}
	return g
}

func TestEmbeddedVersionsCompileWithoutDiagnostics(t *testing.T) {
	for _, v := range rules.Versions() {
		t.Run(v, func(t *testing.T) {
			g := loadEmbedded(t, v)
			if g.Version != v {
				t.Errorf("folder %s holds guide version %q", v, g.Version)
			}
			Compile(g)
		})
	}
}
