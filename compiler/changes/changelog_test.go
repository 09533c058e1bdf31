package changes

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
)

// guideCode finds the codes a change-log line names: VXX60, VJ144.
var guideCode = regexp.MustCompile(`\bV(?:XX|[A-Z][0-9])[0-9]{2}\b`)

// quoted is a quotation in a change-log line.
var quoted = regexp.MustCompile(`”[^”]*”`)

// TestChangeLogAsGuide: the change log diff writes between consecutive
// embedded versions has the guide's own entry's bullets (the header's
// `changelog`, word for word from 10.6's section "Förändringar jämfört
// med tidigare versioner"): as many lines, each naming the same codes.
// 9.3 to 10.2 are left out: their entries reword texts whose earlier
// wording the change log does not give, so the rule files cannot show
// them; 9.2's entry names no code.
func TestChangeLogAsGuide(t *testing.T) {
	for _, tc := range []struct{ from, to string }{
		{"9.2", "9.3"}, {"10.2", "10.3"}, {"10.3", "10.4"}, {"10.4", "10.5"}, {"10.5", "10.6"},
	} {
		t.Run(tc.from+"-"+tc.to, func(t *testing.T) {
			from, diags, _ := compiler.Load(rules.FS(), tc.from, "rules/"+tc.from)
			if from == nil {
				t.Fatal(diags)
			}
			to, diags, _ := compiler.Load(rules.FS(), tc.to, "rules/"+tc.to)
			if to == nil {
				t.Fatal(diags)
			}
			if to.ChangeLog == nil {
				t.Fatalf("%s has no changelog entry in its header", tc.to)
			}
			var guide []string
			for _, l := range strings.Split(to.ChangeLog.Text, "\n") {
				if b, ok := strings.CutPrefix(strings.TrimSpace(l), "- "); ok {
					guide = append(guide, b)
				}
			}
			got := ChangeLog(Compare(from, to))
			codes := func(lines []string) []string {
				var out []string
				for _, l := range lines {
					// The codes a line is about, not those in a quoted text.
					cs := guideCode.FindAllString(quoted.ReplaceAllString(l, ""), -1)
					slices.Sort(cs)
					out = append(out, strings.Join(slices.Compact(cs), " "))
				}
				slices.Sort(out)
				return out
			}
			if g, w := codes(got), codes(guide); !slices.Equal(g, w) {
				t.Errorf("codes per line %q, the guide's %q\nours:\n- %s\nthe guide's:\n- %s", g, w, strings.Join(got, "\n- "), strings.Join(guide, "\n- "))
			}
		})
	}
}
