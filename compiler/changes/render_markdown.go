package changes

import (
	"fmt"
	"io"
	"strings"

	"github.com/rcc/svfrules/internal/msg"
)

// WriteMarkdown writes the report as the guide's change log, ready to
// paste into its section "Förändringar jämfört med tidigare versioner":
// per version a date heading and flat bullets in the guide's style
// (ChangeLog), newest first; with --text, the line diff after it. The
// header, the tests and the effect on episodes are not part of it.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	versions := r.Log
	if versions == nil {
		versions = []VersionLog{{Side: r.To, Status: r.Status, Lines: ChangeLog(r.Changes)}}
	}
	for i, v := range versions {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "## %s\n\n", v.Side.LogDate())
		switch {
		case len(v.Lines) > 0:
			for _, l := range v.Lines {
				fmt.Fprintf(&b, "- %s\n", l)
			}
		case v.Status == Identical:
			b.WriteString(msg.LogIdentical + "\n")
		case r.Hidden > 0 && v.Status == Changed:
			b.WriteString(msg.LogAllHidden + "\n")
		default:
			b.WriteString(msg.LogNoChange + "\n")
		}
	}
	if r.WithTextDiff {
		b.WriteString("\n### " + msg.DiffLineDiffTitle + "\n\n")
		if len(r.TextDiff) == 0 {
			b.WriteString(msg.DiffNoLineDiffers + "\n")
		}
		for _, f := range r.TextDiff {
			fmt.Fprintf(&b, "```diff\n%s```\n", f.Unified)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
