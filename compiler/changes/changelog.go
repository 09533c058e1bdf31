package changes

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
)

// logInfo is how a change enters the guide's change log (ChangeLog): one
// entry per guide change, so that a note and the rule it brought, or the
// cells one code gained, are one line.
type logInfo struct {
	// skip: not part of the guide (the rule files' tests, keys, rule
	// messages and references) or metadata.
	skip bool
	// key: changes with the same key are one entry; "" is an entry of
	// its own.
	key string
	// joins are the keys of entries a rule's change belongs to when one
	// of them is in the log: the notes its ref cites, the note or the
	// description of its code and pathways.
	joins []string
	// text is the entry's line when the change leads its entry.
	text string
	// cell is set for a table cell allowed or disallowed: the entry
	// names every cell of its key.
	cell *logCell
}

// logCell is one table cell for the change log.
type logCell struct {
	code, name     string // the pathway's code and its (local) name: VJ144, …
	general, title string // VXX44, and "VXX44 – Name"
	pathway        string // the pathway's name, as written mid-sentence
	closing        bool
	qual           string
	allowed        bool
}

// ChangeLog is the guide's change log for the changes cs (from Compare,
// possibly filtered): one line per guide change, in the guide's style —
// "VXX60 – Start av första behandling, beslut om exspektans: förtydligande
// för hjärntumörer inlagt: ”…”", "Ny kod: VJ144 – … (prostatacancer)." —
// with concrete codes and without the rule files' ids, paths or tests.
// The guide header (Change.Meta) is not part of it. A note and the rule
// built on it are one line: the note's, since the guide prints the note.
// The lines have no leading "- ".
func ChangeLog(cs []Change) []string {
	type entry struct {
		lead  *Change
		cells []logCell
	}
	var order []*entry
	byKey := map[string]*entry{}
	keys := map[string]bool{}
	for i := range cs {
		c := &cs[i]
		if !c.log.skip && !c.Meta() && len(c.log.joins) == 0 && c.log.key != "" {
			keys[c.log.key] = true
		}
	}
	for i := range cs {
		c := &cs[i]
		if c.log.skip || c.Meta() {
			continue
		}
		key := c.log.key
		for _, j := range c.log.joins {
			if keys[j] {
				key = j
				break
			}
		}
		e := byKey[key]
		if e == nil || key == "" {
			e = &entry{}
			order = append(order, e)
			if key != "" {
				byKey[key] = e
			}
		}
		switch {
		case c.log.cell != nil && key == c.log.key:
			e.cells = append(e.cells, *c.log.cell)
		case e.lead == nil && key == c.log.key:
			e.lead = c
		}
	}
	var out []string
	for _, e := range order {
		switch {
		case len(e.cells) > 0:
			out = append(out, cellsLine(e.cells))
		case e.lead != nil:
			out = append(out, e.lead.log.text)
		}
	}
	return out
}

// cellsLine says the cells one code gained or lost, as the guide does:
// "Ny kod: VJ144 – … (prostatacancer)." for one pathway, "VXX60 – …:
// kryss tillagt för a, b och c." for several.
func cellsLine(cells []logCell) string {
	c := cells[0]
	names := make([]string, len(cells))
	for i, x := range cells {
		names[i] = x.pathway
	}
	switch {
	case c.allowed && len(cells) == 1:
		return fmt.Sprintf(msg.LogNewCode, c.code, c.name, c.pathway+qualSuffix(c.qual))
	case c.allowed:
		return fmt.Sprintf(msg.LogCellsAllowed, c.title, qualSuffix(c.qual), andList(names))
	case c.closing:
		return fmt.Sprintf(msg.LogClosingRemoved, c.title, andList(names))
	}
	return fmt.Sprintf(msg.LogCellsRemoved, c.title, andList(names))
}

func qualSuffix(q string) string {
	if q == "" {
		return ""
	}
	return ", " + q
}

// andList joins words the Swedish way: "a, b och c".
func andList(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " och " + xs[len(xs)-1]
}

// lowerName writes a pathway's name as it stands mid-sentence:
// "hjärntumörer", "lymfom och KLL", but "KLL" as it is (a word whose
// second letter is a capital is an abbreviation).
func lowerName(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// quoteText quotes a text of the rule files on one line, the way the
// guide quotes: ”…”.
func quoteText(s string) string { return sq(strings.Join(strings.Fields(s), " ")) }

// endSentence ends s with a full stop unless it ends with one already,
// inside a quotation or not (”… behandlingsbeslut.”, not ”….”.).
func endSentence(s string) string {
	t := strings.TrimSuffix(s, "”")
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") {
		return s
	}
	return s + "."
}

// textEdits are the words a text gained and lost, each run quoted:
// ”when the patient …”, without the commas and spaces around them.
func textEdits(old, new string) (ins, del []string) {
	for _, s := range WordDiff(old, new) {
		t := strings.Trim(strings.Join(strings.Fields(s.Text), " "), " ,;:")
		switch {
		case t == "":
		case s.Op == Inserted:
			ins = append(ins, sq(t))
		case s.Op == Deleted:
			del = append(del, sq(t))
		}
	}
	return ins, del
}

// editedLine says how a text changed, after the words that say where
// ("VJ160 – …: förtydligande text tillagd (prostatacancer)"): the added
// and removed words.
func editedLine(added, removed, changed, old, new string) string {
	ins, del := textEdits(old, new)
	switch {
	case len(del) == 0 && len(ins) > 0:
		return endSentence(fmt.Sprintf(added, strings.Join(ins, ", ")))
	case len(ins) == 0 && len(del) > 0:
		return endSentence(fmt.Sprintf(removed, strings.Join(del, ", ")))
	}
	return endSentence(fmt.Sprintf(changed, strings.Join(ins, ", "), strings.Join(del, ", ")))
}

// noteKey is the change-log key of a code's note for pathways.
func noteKey(suffix string, keys []string) string {
	k := append([]string(nil), keys...)
	sort.Strings(k)
	return "note:" + suffix + ":" + strings.Join(k, ",")
}

// ruleJoins are the entries a rule's change belongs to: the notes its ref
// cites, and the note or description of its code and pathways.
func ruleJoins(r *compiler.Rule, suffix string, refs []pwRef) []string {
	var out []string
	for _, n := range r.GuideNotes {
		var keys []string
		for _, p := range n.Pathways {
			keys = append(keys, p.Key)
		}
		out = append(out, noteKey(n.Code.Suffix, keys))
	}
	if suffix != "" {
		keys := make([]string, len(refs))
		for i, p := range refs {
			keys[i] = p.key
		}
		out = append(out, noteKey(suffix, keys))
		if len(refs) == 0 {
			out = append(out, "desc:"+suffix)
		}
	}
	return out
}

// ruleLabel names a rule for people: its Swedish name, else its message.
func ruleLabel(r *compiler.Rule) string {
	if r.Name != "" {
		return r.Name
	}
	return strings.Join(strings.Fields(r.Message), " ")
}

// pathwaysSv says the pathways a rule or note concerns mid-sentence:
// " för hjärntumörer", or "" for every pathway.
func pathwaysSv(refs []pwRef) string {
	if len(refs) == 0 {
		return ""
	}
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = lowerName(r.name)
	}
	return " för " + andList(names)
}
