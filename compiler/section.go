package compiler

import (
	"strconv"
	"strings"
)

// splitRef parts a ref into the guide section it names (the ref without
// its quotations, tidied) and the quotations, the guide's own words.
func splitRef(ref string) (section string, quotes []string) {
	quotes, s := cutQuotations(ref)
	s = strings.ReplaceAll(s, "()", "")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, " ,", ",")
	s = strings.ReplaceAll(s, " ;", ";")
	s = strings.ReplaceAll(s, " )", ")")
	return strings.Trim(s, " ;,:"), quotes
}

// sourceOfRule fills r's Section, Quotes and GuideNotes from its ref. It
// runs after the header and the codes are checked, so the version and
// the notes are known.
func (g *Guide) sourceOfRule(r *Rule) {
	if r.Ref == "" {
		return
	}
	sec, quotes := splitRef(r.Ref)
	r.Quotes = quotes
	r.Section = sec
	if !strings.HasPrefix(strings.ToLower(sec), "vårdförloppsbeskrivning") && g.Version != "" {
		r.Section = "Kodningsvägledning " + g.Version + ", " + sec
	}
	if !strings.Contains(r.Ref, "Förtydliganden eller avvikelser") {
		return
	}
	lower := strings.ToLower(r.Ref)
	seen := map[*Note]bool{}
	for _, d := range codesInRef(r.Ref) {
		n, _ := strconv.Atoi(d)
		code := g.codes[n]
		if code == nil {
			continue
		}
		for _, note := range code.Notes {
			if !seen[note] && r.cites(note, lower) {
				seen[note] = true
				r.GuideNotes = append(r.GuideNotes, note)
			}
		}
	}
}

// cites reports whether the rule's ref (lower case) cites note: a general
// note for a rule of every pathway, a note of one of the rule's pathways,
// or a note whose heading or pathway the ref names.
func (r *Rule) cites(note *Note, lowerRef string) bool {
	if len(note.Pathways) == 0 {
		return len(r.Pathways) == 0
	}
	if note.Heading != "" && strings.Contains(lowerRef, strings.ToLower(note.Heading)) {
		return true
	}
	for _, p := range note.Pathways {
		if strings.Contains(lowerRef, strings.ToLower(p.Name)) {
			return true
		}
		for _, q := range r.Pathways {
			if p == q {
				return true
			}
		}
	}
	return false
}

// Label is the rule as people read it: its name with the id beside it
// for lookup ("Avslut före start (avslut_fore_start)"), or the id alone
// when the rule has no name.
func (r *Rule) Label() string {
	if r.Name == "" {
		return r.ID
	}
	return r.Name + " (" + r.ID + ")"
}
