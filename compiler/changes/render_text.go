package changes

import (
	"fmt"
	"io"
	"strings"
)

// WriteText writes the report for people at a terminal: the changes
// grouped by pathway and code, each with its level, id, what changed in
// words, the changed text word by word, and its place in both rule sets.
func WriteText(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Guide %s (%s) → %s (%s)\n", r.From.Version, r.From.Date, r.To.Version, r.To.Date)
	fmt.Fprintf(&b, "  old: %s\n  new: %s\n", r.From.Rules, r.To.Rules)
	b.WriteString(statusLine(r) + "\n")
	group, sub := "", ""
	for i := range r.Changes {
		c := &r.Changes[i]
		if c.group != group {
			group, sub = c.group, ""
			fmt.Fprintf(&b, "\n%s\n", group)
		}
		if s := subgroup(c); s != sub {
			sub = s
			if s != "" {
				fmt.Fprintf(&b, "  %s\n", s)
			}
		}
		fmt.Fprintf(&b, "    %-6s  %s: %s\n", c.Level, c.ID, c.Message)
		const indent = "            "
		for _, l := range detailLines(c) {
			b.WriteString(strings.TrimRight(indent+l, " ") + "\n")
		}
		fmt.Fprintf(&b, "%s%s\n", indent, places(c))
		if r.Impact != nil && i < len(r.Impact.ByChange) && !r.Impact.ByChange[i].Empty() {
			fmt.Fprintf(&b, "%sepisodes: %s\n", indent, effectWords(r.Impact.ByChange[i]))
		}
	}
	if r.Impact != nil {
		writeImpactText(&b, r.Impact)
	}
	if r.WithTextDiff {
		b.WriteString("\nLine diff of the rule files:\n")
		if len(r.TextDiff) == 0 {
			b.WriteString("  (no line differs)\n")
		}
		for _, f := range r.TextDiff {
			b.WriteString(f.Unified)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// statusLine says in one line how the two rule sets compare.
func statusLine(r *Report) string {
	switch r.Status {
	case Identical:
		return "identical: the rule files are the same byte for byte; no changes"
	case LayoutOnly:
		return "no semantic changes; the rule files differ only in comments or layout"
	}
	n := CountLevels(r.Changes)
	return fmt.Sprintf("%s: %d action, %d review, %d info", plural(n.Total(), "change"), n.Action, n.Review, n.Info)
}

// subgroup is the heading of a change within its group: its code, or
// what kind of thing it concerns when it has no code.
func subgroup(c *Change) string {
	switch {
	case c.Code != "":
		return c.Code + " – " + c.CodeName
	case strings.HasPrefix(c.ID, "leadtime-"):
		return "Lead times"
	case strings.HasPrefix(c.ID, "rule-"):
		return "Rules"
	}
	return ""
}

// places says where the change is in both rule sets.
func places(c *Change) string {
	pos := func(s string) string {
		if s == "" {
			return "(none)"
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

// effectWords says an Effect in one line: "2 gain an error (E1, E2); 1
// changes reportability (E3)".
func effectWords(e Effect) string {
	var parts []string
	add := func(x Episodes, one, many string) {
		if x.N == 0 {
			return
		}
		verb := many
		if x.N == 1 {
			verb = one
		}
		parts = append(parts, fmt.Sprintf("%d %s (%s)", x.N, verb, examples(x)))
	}
	add(e.GainError, "gains an error", "gain an error")
	add(e.LoseError, "loses an error", "lose an error")
	add(e.Reportability, "changes reportability", "change reportability")
	add(e.LeadTime, "changes lead time", "change lead time")
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
	line := func(label string, x Episodes) {
		if x.N == 0 {
			fmt.Fprintf(b, "  %-26s 0\n", label)
			return
		}
		fmt.Fprintf(b, "  %-26s %d (%s)\n", label, x.N, examples(x))
	}
	line("gain an error:", im.Total.GainError)
	line("lose an error:", im.Total.LoseError)
	line("change reportability:", im.Total.Reportability)
	line("change lead time:", im.Total.LeadTime)
	if !im.Unattributed.Empty() {
		fmt.Fprintf(b, "  not explained by a listed change: %s\n", effectWords(im.Unattributed))
	}
}

// impactSummary says which episodes were evaluated.
func impactSummary(im *Impact) string {
	return fmt.Sprintf("Episodes in %s: %s (%s, %d rejected), evaluated with both versions",
		strings.Join(im.Files, ", "), plural(im.Episodes, "episode"), plural(im.RowsRead, "row"), im.RowsRejected)
}
