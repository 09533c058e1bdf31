package changes

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDocsListEveryID: docs/diff.md's table of ids is Kinds, row for row,
// so the documented ids, levels and meanings are the ones the code uses.
func TestDocsListEveryID(t *testing.T) {
	data, err := os.ReadFile("../../docs/diff.md")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, k := range Kinds {
		l := k.Level.String()
		if k.Levels != "" {
			l = k.Levels
		}
		if k.Meta {
			l = "metadata"
		}
		want = append(want, fmt.Sprintf("| `%s` | %s | %s |", k.ID, l, k.Doc))
	}
	var got []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "| `") && KindOf(strings.Trim(strings.SplitN(line, "|", 3)[1], " `")) != nil {
			got = append(got, line)
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("docs/diff.md's table of ids differs from Kinds; it should read:\n%s", strings.Join(want, "\n"))
	}
}
