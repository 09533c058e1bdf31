package compiler

import (
	"slices"
	"strings"
	"testing"

	"github.com/rcc/svfrules/rules"
)

func TestSplitRef(t *testing.T) {
	tests := []struct {
		ref, section string
		quotes       []string
	}{
		{"Kodernas uppbyggnad", "Kodernas uppbyggnad", nil},
		{`Användning av KVÅ-kodning för uppföljning av SVF: "Mätningen förutsätter att varje förlopp startas med kod VXX10"; Kodernas uppbyggnad`,
			"Användning av KVÅ-kodning för uppföljning av SVF; Kodernas uppbyggnad",
			[]string{"Mätningen förutsätter att varje förlopp startas med kod VXX10"}},
		{`VXX91 – Patient mottagen från annan region; Förtydliganden eller avvikelser: "även när SVF har startats i en annan region", punkt 2`,
			"VXX91 – Patient mottagen från annan region; Förtydliganden eller avvikelser, punkt 2",
			[]string{"även när SVF har startats i en annan region"}},
		{`VXX73 – Ingen ytterligare åtgärd, Förtydliganden eller avvikelser: Hjärntumörer ("Beslut efter operation"), Hudmelanom`,
			"VXX73 – Ingen ytterligare åtgärd, Förtydliganden eller avvikelser: Hjärntumörer, Hudmelanom",
			[]string{"Beslut efter operation"}},
		{`VXX58 – palliativ: "a"; all: "b"`, "VXX58 – palliativ; all", []string{"a", "b"}},
	}
	for _, tc := range tests {
		sec, quotes := splitRef(tc.ref)
		if sec != tc.section || !slices.Equal(quotes, tc.quotes) {
			t.Errorf("splitRef(%q) = %q, %q; want %q, %q", tc.ref, sec, quotes, tc.section, tc.quotes)
		}
	}
}

// TestRuleSources: every rule of every embedded version has a name and a
// guide section (what findings show instead of the rule file's path), and
// the rules that cite an exception text find it.
func TestRuleSources(t *testing.T) {
	for _, v := range rules.Versions() {
		g := loadEmbedded(t, v)
		for _, r := range g.Rules {
			if r.Name == "" || r.Section == "" {
				t.Errorf("%s: rule %s has name %q, section %q", v, r.ID, r.Name, r.Section)
			}
			if strings.Contains(r.Section, `"`) || strings.Contains(r.Section, "rules/") {
				t.Errorf("%s: rule %s: section %q", v, r.ID, r.Section)
			}
		}
	}
	g := loadEmbedded(t, "10.6")
	for _, tc := range []struct {
		rule, section string
		notes         []string // pathway keys of the notes, "" for a general one
	}{
		{"startkod_saknas", "Kodningsvägledning 10.6, Användning av KVÅ-kodning för uppföljning av SVF; VXX10 – Beslut välgrundad misstanke", nil},
		{"under_18_ar", "Vårdförloppsbeskrivningarna maligna hjärntumörer och livmoderkroppscancer, Introduktion", nil},
		{"vl260_kraver_vl244", "Kodningsvägledning 10.6, VXX60 – Förtydliganden eller avvikelser: Hjärntumörer (ny i 10.6)", []string{"hjarntumorer"}},
		{"remitterande_region_saknas", "Kodningsvägledning 10.6, VXX91 – Patient mottagen från annan region, Förtydliganden eller avvikelser, punkt 2", []string{""}},
		{"cis_urinblasa_avslutas_med_73", "Kodningsvägledning 10.6, VXX73 – Ingen ytterligare åtgärd, Förtydliganden eller avvikelser: Urinblåsa och övre urinvägar", []string{"urinblase_och_urinvagscancer"}},
	} {
		r := g.Rule(tc.rule)
		if r.Section != tc.section {
			t.Errorf("%s: section %q, want %q", tc.rule, r.Section, tc.section)
		}
		var got []string
		for _, n := range r.GuideNotes {
			k := ""
			for _, p := range n.Pathways {
				k += p.Key
			}
			got = append(got, k)
		}
		if !slices.Equal(got, tc.notes) {
			t.Errorf("%s: notes of %q, want %q", tc.rule, got, tc.notes)
		}
	}
	if got := g.Rule("avslut_fore_start").Label(); got != "Avslut före start (avslut_fore_start)" {
		t.Errorf("Label = %q", got)
	}
	if got := (&Rule{ID: "x"}).Label(); got != "x" {
		t.Errorf("Label without a name = %q", got)
	}
}
