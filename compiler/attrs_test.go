package compiler

import (
	"slices"
	"strings"
	"testing"

	"github.com/rcc/svfrules/rules"
)

// TestRuleReads checks the attributes rules of 10.6 read: known() counts
// as reading, code sets and qualifiers do not.
func TestRuleReads(t *testing.T) {
	g := loadEmbedded(t, "10.6")
	want := map[string]string{
		"remitterande_region_saknas":      "referring_region",
		"vxx91_remitterande_region_samma": "region referring_region",
		"kur_vid_palliativ_intention":     "intent",
		"vxx58_kurativ_intention":         "intent",
		"under_18_ar":                     "age",
		"startkod_saknas":                 "",
	}
	got := map[string]string{}
	for _, r := range g.Rules {
		if _, ok := want[r.ID]; ok {
			got[r.ID] = strings.Join(r.Reads().Names(), " ")
		}
	}
	for id, w := range want {
		if g, ok := got[id]; !ok || g != w {
			t.Errorf("%s reads %q (found: %v), want %q", id, g, ok, w)
		}
	}
	p := Compile(g)
	for i := range g.Pathways {
		pp := p.Pathway(i)
		for _, cr := range pp.Rules {
			if cr.Reads != cr.Rule.Reads() {
				t.Errorf("%s in %s: compiled Reads %v, rule %v", cr.Rule.ID, pp.Pathway.Key, cr.Reads, cr.Rule.Reads())
			}
		}
	}
}

// TestLeadTimesReadNoAttributes: no lead time of any embedded version has
// a condition on an attribute, so a missing column never changes a lead
// time and only rules need skipping.
func TestLeadTimesReadNoAttributes(t *testing.T) {
	for _, v := range rules.Versions() {
		g := loadEmbedded(t, v)
		for _, lt := range slices.Concat(g.LeadTimes, g.LocalLeadTimes) {
			if s := lt.Reads(); s != 0 {
				t.Errorf("%s: lead time %s reads %v", v, lt.ID, s.Names())
			}
		}
	}
}

func TestAttrSet(t *testing.T) {
	if got := (AttrIntent | AttrAge).Names(); !slices.Equal(got, []string{"age", "intent"}) {
		t.Errorf("Names = %v", got)
	}
	for i, n := range AttrNames {
		if AttrOf(n) != 1<<i {
			t.Errorf("AttrOf(%q) = %v", n, AttrOf(n))
		}
		if _, ok := Attributes.Get()[n]; !ok {
			t.Errorf("%q is not in Attributes", n)
		}
	}
	if len(AttrNames) != len(Attributes.Get()) || AttrOf("kön") != 0 {
		t.Error("AttrNames and Attributes differ")
	}
	if (&Rule{}).Reads() != 0 {
		t.Error("a rule without a condition reads something")
	}
}
