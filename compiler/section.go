package compiler

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// quoted is a quotation in a ref, with the colon that introduces it.
var quoted = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?::\s*)?"([^"]*)"`) })

// splitRef parts a ref into the guide section it names (the ref without
// its quotations, tidied) and the quotations, the guide's own words.
func splitRef(ref string) (section string, quotes []string) {
	for _, m := range quoted().FindAllStringSubmatch(ref, -1) {
		quotes = append(quotes, m[1])
	}
	s := quoted().ReplaceAllString(ref, "")
	s = strings.ReplaceAll(s, "()", "")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, " ,", ",")
	s = strings.ReplaceAll(s, " ;", ";")
	s = strings.ReplaceAll(s, " )", ")")
	return strings.Trim(s, " ;,:"), quotes
}

// codeInRef is a code the way refs write it: VXX60.
var codeInRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`VXX([0-9]{2})`) })

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
	for _, m := range codeInRef().FindAllStringSubmatch(r.Ref, -1) {
		n, _ := strconv.Atoi(m[1])
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
