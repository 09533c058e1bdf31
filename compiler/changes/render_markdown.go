package changes

import (
	"fmt"
	"io"
	"strings"
)

// levelTitlesSv head the levels in the Swedish change log.
var levelTitlesSv = map[Level]string{
	Action: "Kräver ändrad kodning",
	Review: "Att granska",
	Info:   "Redaktionella ändringar",
}

// inChangelog reports whether a change belongs in the guide's change log:
// the version and date are in its title, and the test cases are part of
// the rule files, not of the guide.
func inChangelog(c *Change) bool {
	return c.ID != "guide-version-changed" && c.ID != "guide-date-changed" && !strings.HasPrefix(c.ID, "test-")
}

// WriteMarkdown writes the report as a change log in Swedish, ready to
// paste into the guide's section "Förändringar jämfört med tidigare
// versioner": a title with both versions and dates, a count, and the
// changes, most important first.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Förändringar i version %s (%s) jämfört med version %s (%s)\n\n", r.To.Version, r.To.Date, r.From.Version, r.From.Date)
	var listed []*Change
	tests := 0
	for i := range r.Changes {
		c := &r.Changes[i]
		switch {
		case inChangelog(c):
			listed = append(listed, c)
		case strings.HasPrefix(c.ID, "test-"):
			tests++
		}
	}
	switch {
	case r.Status == Identical:
		b.WriteString("Inga ändringar: regelfilerna är identiska.\n")
	case r.Status == LayoutOnly:
		b.WriteString("Inga innehållsliga ändringar: regelfilerna skiljer sig bara i kommentarer eller layout.\n")
	default:
		var n Count
		for _, c := range listed {
			n = n.add(c.Level)
		}
		fmt.Fprintf(&b, "%s: %d kräver ändrad kodning, %d att granska, %d redaktionella.\n", pluralSv(n.Total(), "ändring", "ändringar"), n.Action, n.Review, n.Info)
		for _, l := range []Level{Action, Review, Info} {
			first := true
			for _, c := range listed {
				if c.Level != l {
					continue
				}
				if first {
					fmt.Fprintf(&b, "\n### %s\n\n", levelTitlesSv[l])
					first = false
				}
				fmt.Fprintf(&b, "- %s%s\n", c.Swedish, textChangeSv(c))
			}
		}
		if tests > 0 {
			fmt.Fprintf(&b, "\nRegelfilernas testfall har %s som inte listas här (se `svfrules diff --format text`).\n", pluralSv(tests, "ändring", "ändringar"))
		}
	}
	if r.Impact != nil {
		writeImpactMarkdown(&b, r)
	}
	if r.WithTextDiff {
		b.WriteString("\n### Radändringar i regelfilerna\n\n")
		if len(r.TextDiff) == 0 {
			b.WriteString("Ingen rad skiljer sig.\n")
		}
		for _, f := range r.TextDiff {
			fmt.Fprintf(&b, "```diff\n%s```\n", f.Unified)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pluralSv(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// textChangeSv adds the words a changed text gained and lost, so the
// log line says what the change is: " Tillagd text: ”…”."
func textChangeSv(c *Change) string {
	if !c.Prose() || c.Old == "" || c.New == "" || c.ID == "guide-notes-changed" {
		return ""
	}
	var ins, del []string
	for _, s := range WordDiff(c.Old, c.New) {
		t := strings.Join(strings.Fields(s.Text), " ")
		switch {
		case t == "":
		case s.Op == Inserted:
			ins = append(ins, sq(t))
		case s.Op == Deleted:
			del = append(del, sq(t))
		}
	}
	out := ""
	if len(ins) > 0 {
		out += " Tillagd text: " + strings.Join(ins, ", ") + "."
	}
	if len(del) > 0 {
		out += " Borttagen text: " + strings.Join(del, ", ") + "."
	}
	return out
}

func writeImpactMarkdown(b *strings.Builder, r *Report) {
	im := r.Impact
	fmt.Fprintf(b, "\n### Påverkan på förlopp\n\n%s: %s (%s, %d avvisade), utvärderade med båda versionerna.\n\n",
		strings.Join(im.Files, ", "), pluralSv(im.Episodes, "förlopp", "förlopp"), pluralSv(im.RowsRead, "rad", "rader"), im.RowsRejected)
	b.WriteString("| Ändring | Får ett fel | Blir av med ett fel | Ändrad rapporterbarhet | Ändrad ledtid |\n")
	b.WriteString("|---|---|---|---|---|\n")
	row := func(label string, e Effect) {
		cell := func(x Episodes) string {
			if x.N == 0 {
				return "0"
			}
			return fmt.Sprintf("%d (%s)", x.N, mdCell(examples(x)))
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", label, cell(e.GainError), cell(e.LoseError), cell(e.Reportability), cell(e.LeadTime))
	}
	for i, e := range im.ByChange {
		if !e.Empty() {
			row(mdCell(changeLabel(&r.Changes[i])), e)
		}
	}
	if !im.Unattributed.Empty() {
		row("Utan listad ändring", im.Unattributed)
	}
	row("**Totalt**", im.Total)
}

// changeLabel names a change in one short phrase: "vl260_kraver_vl244
// (rule-added)", "VN858 (cell-disallowed)".
func changeLabel(c *Change) string {
	what := c.Subject
	if what == "" {
		what = c.Code
	}
	if what == "" {
		what = c.PathwayName
	}
	if what == "" {
		return c.ID
	}
	return what + " (" + c.ID + ")"
}

// mdCell escapes the characters that would end a Markdown table cell.
func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
