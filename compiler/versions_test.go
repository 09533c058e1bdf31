package compiler

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/rcc/svfrules/rules"
)

// versionTable is the guide's own version table (seed 000, lines 10–33)
// for the embedded versions, oldest first, and whether each is transcribed
// from its own document (10.6) or reconstructed from a later change log.
// 10.5 has the table's date; its change-log entry says 2024-02-08 (see
// rules/10.5/guide.svf). A new version is added here, with its change-log
// entry in changeLog.
var versionTable = []struct {
	version, date string
	transcribed   bool
}{
	{"9.0", "2022-01-14", false},
	{"9.1", "2022-04-26", false},
	{"9.2", "2022-08-10", false},
	{"9.3", "2022-11-01", false},
	{"10.0", "2023-03-27", false},
	{"10.1", "2023-03-28", false},
	{"10.2", "2023-08-10", false},
	{"10.3", "2023-10-12", false},
	{"10.4", "2023-12-14", false},
	{"10.5", "2024-02-05", false},
	{"10.6", "2024-11-05", true},
}

// changeLog is what each version changes in the checked model relative to
// the version before it, as the guide's change log records it (seed 000,
// "Förändringar jämfört med tidigare versioner"). The entries of 9.1,
// 10.0, 10.1 and 10.2 reword texts without giving the earlier wording, so
// the reconstruction keeps 10.6's texts there and the model does not
// change, but for the name of 91: the entry of 2022-01-14 (9.0) writes it
// "Patient mottagen från annat landsting/region", and the rename is put
// at 10.0's "Förtydliganden av formuleringar i hela dokumentet". 10.4
// clarified VXX90's description; the rule vxx90_med_avslutskod is older
// (the note under 91), and only its ref changes to the clarified text.
var changeLog = map[string][]string{
	"9.1":  nil,
	"9.2":  {"code 58: cell myeloproliferativ_neoplasia x -> -"},
	"9.3":  {"code 73: kind other_reason -> treatment"},
	"10.0": {"code 91: name changed"},
	"10.1": nil,
	"10.2": nil,
	"10.3": {"code 44: cell prostatacancer - -> x", "code 60: note for prostatacancer changed"},
	"10.4": {"code 90: description changed", "rule vxx90_med_avslutskod changed"},
	"10.5": {"code 50: note for njurcancer added"},
	"10.6": {"code 60: note for hjarntumorer added", "code 74: description changed", "rule vl260_kraver_vl244 added"},
}

// TestVersionsDifferExactlyByTheChangeLog holds the reconstructed versions
// to the change log: the embedded versions are the version table's, with
// its dates, and two consecutive versions differ in pathways, codes, kinds,
// cells, descriptions, notes, rules and lead times by exactly what the
// newer version's entry records, no more and no less.
func TestVersionsDifferExactlyByTheChangeLog(t *testing.T) {
	var want []string
	for _, v := range versionTable {
		want = append(want, v.version)
	}
	if got := rules.Versions(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("embedded versions %v, want %v", got, want)
	}
	guides := map[string]*Guide{}
	for _, v := range versionTable {
		g := loadEmbedded(t, v.version)
		if g.Date != v.date {
			t.Errorf("guide %s has date %s, the version table says %s", v.version, g.Date, v.date)
		}
		guides[v.version] = g
	}
	for i := 1; i < len(versionTable); i++ {
		older, newer := versionTable[i-1].version, versionTable[i].version
		got := modelDiff(guides[older], guides[newer])
		if strings.Join(got, "\n") != strings.Join(changeLog[newer], "\n") {
			t.Errorf("%s -> %s differ by\n  %s\nwant (the change log of %s)\n  %s", older, newer,
				strings.Join(got, "\n  "), newer, strings.Join(changeLog[newer], "\n  "))
		}
	}
}

// TestReconstructedVersionsSaySo requires every reconstructed version to
// open its header with the reconstruction note and to have one note per
// later version up to the transcribed one it was made from, saying what
// was (or could not be) reversed from it; a transcribed version does not
// say it is reconstructed.
func TestReconstructedVersionsSaySo(t *testing.T) {
	for i, v := range versionTable {
		g := loadEmbedded(t, v.version)
		if v.transcribed {
			for _, note := range g.Notes {
				if strings.HasPrefix(note, "Rekonstruerad") {
					t.Errorf("%s is transcribed but its header says it is reconstructed", v.version)
				}
			}
			continue
		}
		if len(g.Notes) == 0 || !strings.HasPrefix(g.Notes[0], "Rekonstruerad, inte transkriberad") {
			t.Errorf("%s: the first header note must say that the version is reconstructed", v.version)
			continue
		}
		for _, later := range versionTable[i+1:] {
			n := 0
			for _, note := range g.Notes {
				if strings.HasPrefix(note, "Återställt jämfört med "+later.version+" ") ||
					strings.HasPrefix(note, "Inget återställt jämfört med "+later.version+" ") {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%s: %d header notes on what was reversed from %s, want 1", v.version, n, later.version)
			}
			if later.transcribed {
				break // the version was reconstructed from this one
			}
		}
	}
}

// modelDiff lists how newer differs from older in what the guide says,
// one line per difference, sorted. Headers (version, date, sources, notes)
// and test cases are not compared.
func modelDiff(older, newer *Guide) []string {
	var d []string
	add := func(format string, args ...any) { d = append(d, fmt.Sprintf(format, args...)) }

	for _, q := range newer.Qualifiers {
		if o := older.Qualifier(q.Name); o == nil {
			add("qualifier %s added", q.Name)
		} else if o.Legend != q.Legend {
			add("qualifier %s changed", q.Name)
		}
	}
	for _, q := range older.Qualifiers {
		if newer.Qualifier(q.Name) == nil {
			add("qualifier %s removed", q.Name)
		}
	}

	for _, p := range newer.Pathways {
		o := older.Pathway(p.Key)
		switch {
		case o == nil:
			add("pathway %s added", p.Key)
		case o.Name != p.Name || o.PrefixLabel() != p.PrefixLabel() || strings.Join(o.ICD10, ",") != strings.Join(p.ICD10, ","):
			add("pathway %s changed", p.Key)
		}
	}
	for _, p := range older.Pathways {
		if newer.Pathway(p.Key) == nil {
			add("pathway %s removed", p.Key)
		}
	}

	for _, c := range newer.Codes {
		o := older.Code(c.Num)
		if o == nil {
			add("code %s added", c.Suffix)
			continue
		}
		if o.Name != c.Name {
			add("code %s: name changed", c.Suffix)
		}
		if o.Kind != c.Kind {
			add("code %s: kind %s -> %s", c.Suffix, o.Kind, c.Kind)
		}
		if o.Description != c.Description {
			add("code %s: description changed", c.Suffix)
		}
		if localNames(o) != localNames(c) {
			add("code %s: local names changed", c.Suffix)
		}
		if o.Table != c.Table {
			add("code %s: scope changed", c.Suffix)
		} else if c.Table {
			for _, p := range newer.Pathways {
				op := older.Pathway(p.Key)
				if op == nil {
					continue
				}
				if a, b := cellString(o.Cells[op.Index]), cellString(c.Cells[p.Index]); a != b {
					add("code %s: cell %s %s -> %s", c.Suffix, p.Key, a, b)
				}
			}
		}
		on, nn := notesByPlace(o), notesByPlace(c)
		for place, text := range nn {
			if old, ok := on[place]; !ok {
				add("code %s: %s added", c.Suffix, place)
			} else if old != text {
				add("code %s: %s changed", c.Suffix, place)
			}
		}
		for place := range on {
			if _, ok := nn[place]; !ok {
				add("code %s: %s removed", c.Suffix, place)
			}
		}
	}
	for _, c := range older.Codes {
		if newer.Code(c.Num) == nil {
			add("code %s removed", c.Suffix)
		}
	}

	orules, nrules := map[string]string{}, map[string]string{}
	for _, r := range older.Rules {
		orules[r.ID] = ruleString(older, r)
	}
	for _, r := range newer.Rules {
		nrules[r.ID] = ruleString(newer, r)
	}
	compareByID(orules, nrules, "rule", add)

	olts, nlts := map[string]string{}, map[string]string{}
	for _, lt := range append(append([]*LeadTime(nil), older.LeadTimes...), older.LocalLeadTimes...) {
		olts[lt.ID] = leadTimeString(older, lt)
	}
	for _, lt := range append(append([]*LeadTime(nil), newer.LeadTimes...), newer.LocalLeadTimes...) {
		nlts[lt.ID] = leadTimeString(newer, lt)
	}
	compareByID(olts, nlts, "leadtime", add)

	sort.Strings(d)
	return d
}

func compareByID(older, newer map[string]string, what string, add func(string, ...any)) {
	for id, s := range newer {
		if o, ok := older[id]; !ok {
			add("%s %s added", what, id)
		} else if o != s {
			add("%s %s changed", what, id)
		}
	}
	for id := range older {
		if _, ok := newer[id]; !ok {
			add("%s %s removed", what, id)
		}
	}
}

func cellString(c Cell) string {
	switch {
	case !c.Allowed:
		return "-"
	case c.Qualifier != nil:
		return "x (" + c.Qualifier.Name + ")"
	}
	return "x"
}

func localNames(c *Code) string {
	var s []string
	for _, ln := range c.LocalNames {
		s = append(s, ln.Code+" "+ln.Name)
	}
	return strings.Join(s, "\n")
}

// notesByPlace keys a code's notes by where they stand: "note", "note for
// a, b", with the heading if any, and a count when a place repeats.
func notesByPlace(c *Code) map[string]string {
	m := map[string]string{}
	for _, n := range c.Notes {
		place := "note"
		if len(n.Pathways) > 0 {
			var keys []string
			for _, p := range n.Pathways {
				keys = append(keys, p.Key)
			}
			place += " for " + strings.Join(keys, ", ")
		}
		if n.Heading != "" {
			place += fmt.Sprintf(" heading %q", n.Heading)
		}
		key := place
		for i := 2; ; i++ {
			if _, dup := m[key]; !dup {
				break
			}
			key = fmt.Sprintf("%s (%d)", place, i)
		}
		m[key] = n.Text
	}
	return m
}

// whenLine is the `when` line as written (conditions are on one line).
func whenLine(g *Guide, line int, file string) string {
	s, _ := g.Files.Line(file, line)
	return strings.TrimSpace(s)
}

func ruleString(g *Guide, r *Rule) string {
	var ps []string
	for _, p := range r.Pathways {
		ps = append(ps, p.Key)
	}
	return strings.Join([]string{r.Severity.String(), strings.Join(ps, ","), r.Message, r.Ref,
		whenLine(g, r.When.Pos.Line, r.When.Pos.Filename)}, "\n")
}

func leadTimeString(g *Guide, lt *LeadTime) string {
	when := ""
	if lt.When != nil {
		when = whenLine(g, lt.When.Pos.Line, lt.When.Pos.Filename)
	}
	return fmt.Sprintf("%s\n%s\n%s %d\n%v %d\n%v %d\n%s\n%s\nlocal %v", lt.Name, lt.Pathway.Key, lt.From, lt.FromOcc, lt.To, lt.ToOcc,
		lt.HasTarget, lt.Target, lt.Ref, when, lt.Local)
}
