package changes

import (
	"fmt"
	"io"
	"strings"

	"github.com/rcc/svfrules/internal/msg"
)

// WriteText writes the report for people at a terminal, in Swedish: the
// changes grouped by pathway and code, each with its level, its line (the
// rule's id beside its name), its id for lookup, the changed text word by
// word and its place in both rule sets; then the header's records, which
// are not changes, one line each.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, msg.DiffTitle+"\n", r.From.Version, r.From.Date, r.To.Version, r.To.Date)
	fmt.Fprintf(&b, "  "+msg.DiffOld+"\n  "+msg.DiffNew+"\n", r.From.Rules, r.To.Rules)
	b.WriteString(statusLine(r) + "\n")
	if r.Hidden > 0 {
		fmt.Fprintf(&b, msg.DiffHidden+"\n", r.Hidden)
	}
	group, sub := "", ""
	for i := range r.Changes {
		c := &r.Changes[i]
		if c.group != group {
			group, sub = c.group, ""
			fmt.Fprintf(&b, "\n%s\n", group)
		}
		const indent = "             "
		if c.Meta() {
			fmt.Fprintf(&b, "    %s [%s]\n", c.Swedish, c.ID)
			continue
		}
		if s := subgroup(c); s != sub {
			sub = s
			if s != "" {
				fmt.Fprintf(&b, "  %s\n", s)
			}
		}
		fmt.Fprintf(&b, "    %-7s  %s [%s]\n", levelWord(c.Level), c.Swedish, c.ID)
		for _, l := range detailLines(c) {
			b.WriteString(strings.TrimRight(indent+l, " ") + "\n")
		}
		fmt.Fprintf(&b, "%s%s\n", indent, places(c))
		if r.Impact != nil && i < len(r.Impact.ByChange) && !r.Impact.ByChange[i].Empty() {
			fmt.Fprintf(&b, indent+msg.DiffEpisodesOf+"\n", effectWords(r.Impact.ByChange[i]))
		}
	}
	if r.Impact != nil {
		writeImpactText(&b, r.Impact)
	}
	if r.WithTextDiff {
		b.WriteString("\n" + msg.DiffLineDiffIntro + "\n")
		if len(r.TextDiff) == 0 {
			b.WriteString(msg.DiffNoLineDiffersText + "\n")
		}
		for _, f := range r.TextDiff {
			b.WriteString(f.Unified)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// levelWord is a level's short Swedish word.
func levelWord(l Level) string {
	return [...]string{Info: msg.DiffLevelInfo, Review: msg.DiffLevelReview, Action: msg.DiffLevelAction}[l]
}

// statusLine says in one line how the two rule sets compare.
func statusLine(r *Report) string {
	switch r.Status {
	case Identical:
		return msg.DiffStatusIdentical
	case LayoutOnly:
		return msg.DiffStatusLayout
	case MetadataOnly:
		return msg.DiffStatusMeta
	}
	n := CountLevels(r.Changes)
	if n.Total() == 1 {
		return fmt.Sprintf(msg.DiffCountsOne, n.Action, n.Review, n.Info)
	}
	return fmt.Sprintf(msg.DiffCounts, n.Total(), n.Action, n.Review, n.Info)
}

// subgroup is the heading of a change within its group: its code, or
// what kind of thing it concerns when it has no code.
func subgroup(c *Change) string {
	switch {
	case c.Code != "":
		return c.Code + " – " + c.CodeName
	case strings.HasPrefix(c.ID, "leadtime-"):
		return msg.DiffSubLeadTimes
	case strings.HasPrefix(c.ID, "rule-"):
		return msg.DiffSubRules
	}
	return ""
}

// places says where the change is in both rule sets.
func places(c *Change) string {
	pos := func(s string) string {
		if s == "" {
			return msg.DiffNone
		}
		return s
	}
	return pos(c.OldPos.String()) + " → " + pos(c.NewPos.String())
}

// detailLines are the lines after a change's message: running text word
// by word ([-deleted-]{+inserted+}), other values of several lines as
// removed and added lines.
func detailLines(c *Change) []string {
	switch {
	case c.Prose() && c.Old == "":
		return prefixLines("+ ", c.New)
	case c.Prose() && c.New == "":
		return prefixLines("- ", c.Old)
	case c.Prose():
		var b strings.Builder
		for _, s := range WordDiff(c.Old, c.New) {
			switch s.Op {
			case Deleted:
				b.WriteString(markSpan("[-", s.Text, "-]"))
			case Inserted:
				b.WriteString(markSpan("{+", s.Text, "+}"))
			default:
				b.WriteString(s.Text)
			}
		}
		return strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	case strings.Contains(c.Old, "\n") || strings.Contains(c.New, "\n"):
		return lineChanges(c.Old, c.New)
	}
	return nil
}

// markSpan puts marks around a span's words, keeping the white space
// after them outside, so that line breaks stay where they were.
func markSpan(open, s, close string) string {
	t := strings.TrimRight(s, " \t\n")
	return open + t + close + s[len(t):]
}

func prefixLines(p, s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		out = append(out, p+l)
	}
	return out
}

// lineChanges lists the lines only in old ("- ") and only in new ("+ ").
func lineChanges(old, new string) []string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	inOld, inNew := in(old), in(new)
	var out []string
	for _, l := range strings.Split(old, "\n") {
		if old != "" && !inNew[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(new, "\n") {
		if new != "" && !inOld[l] {
			out = append(out, "+ "+l)
		}
	}
	return out
}

// effectWords says an Effect in one line: "2 får ett fel eller en
// varning (E1, E2); 1 ändrad rapporterbarhet (E3)".
func effectWords(e Effect) string {
	var parts []string
	add := func(x Episodes, what string) {
		if x.N > 0 {
			parts = append(parts, fmt.Sprintf("%d %s (%s)", x.N, what, examples(x)))
		}
	}
	add(e.GainFinding, msg.DiffGainFinding)
	add(e.LoseFinding, msg.DiffLoseFinding)
	add(e.Reportability, msg.DiffReportability)
	add(e.LeadTimeVerdict, msg.DiffLeadTimeVerdict)
	return strings.Join(parts, "; ")
}

func examples(x Episodes) string {
	s := strings.Join(x.Examples, ", ")
	if x.N > len(x.Examples) {
		s += ", …"
	}
	return s
}

func writeImpactText(b *strings.Builder, im *Impact) {
	fmt.Fprintf(b, "\n%s\n", impactSummary(im))
	if im.Incomplete > 0 {
		// In eval's words: these episodes are not among those compared.
		fmt.Fprintf(b, msg.SummaryIncomplete, msg.Int(im.Incomplete))
	}
	line := func(label string, x Episodes) {
		label += ":"
		if x.N == 0 {
			fmt.Fprintf(b, "  %-42s 0\n", label)
			return
		}
		fmt.Fprintf(b, "  %-42s %d (%s)\n", label, x.N, examples(x))
	}
	line(msg.DiffGainFinding, im.Total.GainFinding)
	line(msg.DiffLoseFinding, im.Total.LoseFinding)
	line(msg.DiffReportability, im.Total.Reportability)
	line(msg.DiffLeadTimeVerdict, im.Total.LeadTimeVerdict)
	if !im.Unattributed.Empty() {
		fmt.Fprintf(b, "  %s: %s\n", msg.DiffUnattributed, effectWords(im.Unattributed))
	}
	if len(im.Rejected) > 0 {
		// As eval lists them, after a blank line.
		b.WriteString("\n")
		fmt.Fprintf(b, msg.TextRejectedHead, msg.Int(len(im.Rejected)))
		for _, r := range im.Rejected {
			fmt.Fprintf(b, "  %s\n", r.Text)
		}
	}
}

// impactSummary says which episodes were evaluated.
func impactSummary(im *Impact) string {
	return fmt.Sprintf(msg.DiffEpisodesSummary, strings.Join(im.Files, ", "), im.Episodes, im.RowsRead, im.RowsRejected)
}
