package compiler

import (
	"testing"
	"testing/fstest"
)

// TestLocalLeadTimeChecks: a lead time from or to a code that is not the
// start or a closing code must be `local` and say which occurrence counts;
// a national one names no occurrence. Each mistake is one error at the
// lead time's code or id, with what to write.
func TestLocalLeadTimeChecks(t *testing.T) {
	cases := []struct {
		name, props     string
		summary, detail string
	}{
		{"national with an occurrence", "from first XX10\n  to XX50",
			"den nationella ledtiden \"lt\" anger en förekomst (`first` eller `last`)",
			"en nationell ledtid går från startkoden till avslutskoden, som inte behöver `first` eller `last`; markera en ledtid mellan andra steg med `local`"},
		{"national from a voluntary code without occurrence", "from XX35\n  to XX50",
			"koden 35 (MDK) startar inget vårdförlopp",
			"en nationell ledtid börjar vid startkoden (`kind start`), t.ex. `from XX10`; en tid mellan andra steg markeras `local`"},
		{"national to a voluntary code", "from XX10\n  to XX35",
			"koden 35 (MDK) avslutar inget vårdförlopp",
			"en nationell ledtid slutar vid en avslutskod (`kind treatment` eller `kind other_reason`); en tid mellan andra steg markeras `local`"},
		{"local from a voluntary code without occurrence", "local\n  from XX35\n  to XX50",
			"koden 35 (MDK) är inte startkoden",
			"ange vilken händelse som räknas: `from first XX35` eller `from last XX35` (utan `first` eller `last` är `from` startkoden)"},
		{"local to a voluntary code without occurrence", "local\n  from XX10\n  to XX35",
			"koden 35 (MDK) är ingen avslutskod",
			"ange vilken händelse som räknas: `to first XX35` eller `to last XX35` (utan `first` eller `last` är `to` avslutskoden)"},
		{"local given twice", "local\n  local\n  from XX10\n  to first XX35",
			"`local` står två gånger i blocket", "den första står på rad 4; behåll en av dem"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lt := "leadtime lt {\n  pathway akuta_leukemier\n  name \"n\"\n  " + tc.props + "\n  target 7 days\n}\n"
			fsys := fstest.MapFS{"g/guide.svf": {Data: []byte(miniGuide)}, "g/lt.svf": {Data: []byte(lt)}}
			g, diags, _ := Load(fsys, "g", "g")
			if g != nil {
				t.Fatalf("compiles; want the error %q", tc.summary)
			}
			if len(diags) != 1 {
				t.Fatalf("%d diagnostics, want 1: %v", len(diags), diags)
			}
			if d := diags[0]; d.Summary != tc.summary || d.Detail != tc.detail {
				t.Errorf("got %s: %q (%q), want %q (%q)", d.Pos, d.Summary, d.Detail, tc.summary, tc.detail)
			}
		})
	}

	// A local lead time between two voluntary codes compiles, with its
	// occurrences, and stays out of the national lead times.
	lt := "leadtime lt {\n  pathway akuta_leukemier\n  local\n  name \"n\"\n  from last XX35\n  to first XX10\n  target 7 days\n}\n"
	fsys := fstest.MapFS{"g/guide.svf": {Data: []byte(miniGuide)}, "g/lt.svf": {Data: []byte(lt)}}
	g, diags, _ := Load(fsys, "g", "g")
	if g == nil {
		t.Fatalf("does not compile: %v", diags)
	}
	if len(g.LeadTimes) != 0 || len(g.LocalLeadTimes) != 1 {
		t.Fatalf("%d national and %d local lead times, want 0 and 1", len(g.LeadTimes), len(g.LocalLeadTimes))
	}
	l := g.LocalLeadTimes[0]
	if !l.Local || l.FromOcc != OccLast || l.ToOcc != OccFirst || g.LeadTime("lt") != l {
		t.Errorf("got local %v, from %d, to %d; want local, last, first, found by id", l.Local, l.FromOcc, l.ToOcc)
	}
	p := Compile(g)
	pp := p.Pathway(g.Pathway("akuta_leukemier").Index)
	if len(pp.LeadTimes) != 0 || len(pp.LocalLeadTimes) != 1 {
		t.Errorf("compiled: %d national and %d local lead times, want 0 and 1", len(pp.LeadTimes), len(pp.LocalLeadTimes))
	}
}
