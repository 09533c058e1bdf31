package compiler

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rcc/svfrules/rules"
)

const miniGuide = `
guide "1.0" {
  date 2024-01-01
  title "Testguide"
}

qualifier kur "endast kurativ"

pathway hjarntumorer "Hjärntumörer" {
  prefix VL2
  icd10 "C71"
}

pathway akuta_leukemier "Akuta leukemier" {
  prefix VN4, VN6
  icd10 "C92.0", "D47.4"
}

code 10 "Start" {
  kind start
  scope table
  table {
    hjarntumorer    x
    akuta_leukemier x
  }
}

code 50 "Kirurgi" {
  kind treatment
  scope table
  table {
    hjarntumorer    -
    akuta_leukemier x (kur)
  }
}

code 35 "MDK" {
  kind voluntary
  scope every
}
`

// TestConditionSemantics compiles one condition at a time and evaluates it
// on episodes, pinning down the meaning of every construct, including what
// a missing value does.
func TestConditionSemantics(t *testing.T) {
	d := func(s string) Day { x, _ := ParseDay(s); return x }
	type ev struct {
		code, date string
	}
	cases := []struct {
		name   string
		when   string
		events []ev
		ep     Episode
		want   bool
	}{
		{"relative code matches either prefix", "has(XX50)", []ev{{"VN650", "2024-01-02"}}, Episode{}, true},
		{"absolute code is exact", "has(VN450)", []ev{{"VN650", "2024-01-02"}}, Episode{}, false},
		{"count sums several sets", "count(XX10, XX35) == 3", []ev{{"VN410", "2024-01-01"}, {"VN435", "2024-01-02"}, {"VN635", "2024-01-03"}}, Episode{}, true},
		{"first and last", "days(first(XX35), last(XX35)) == 9", []ev{{"VN435", "2024-01-05"}, {"VN435", "2024-01-14"}, {"VN435", "2024-01-07"}}, Episode{}, true},
		{"days across a leap day", "days(first(start), first(closing)) == 60", []ev{{"VN410", "2024-01-01"}, {"VN450", "2024-03-01"}}, Episode{}, true},
		{"date literal", "first(start) >= 2024-01-01", []ev{{"VN410", "2024-01-01"}}, Episode{}, true},
		{"missing date compares false", "first(closing) < first(start)", []ev{{"VN410", "2024-01-01"}}, Episode{}, false},
		{"missing date: not of a comparison is true", "not (first(closing) < first(start))", []ev{{"VN410", "2024-01-01"}}, Episode{}, true},
		{"missing age compares false", "age < 18", nil, Episode{}, false},
		{"known age", "known(age) and age >= 18", nil, Episode{Age: 18, HasAge: true}, true},
		{"missing text is unknown", "known(referring_region)", nil, Episode{}, false},
		{"text in list", `sex in ["M", "K"]`, nil, Episode{Sex: "K"}, true},
		{"text not in list", `sex in ["M", "K"]`, nil, Episode{Sex: "X"}, false},
		{"missing text is in no list", `sex in ["M", "K"]`, nil, Episode{}, false},
		{"number in list", "age in [17, 18]", nil, Episode{Age: 18, HasAge: true}, true},
		{"text inequality needs a value", `intent != "kur"`, nil, Episode{}, false},
		{"icd10 range by category", `icd10_in(diagnosis, "C00-C76")`, nil, Episode{Diagnosis: "C71.9"}, true},
		{"icd10 outside range", `icd10_in(diagnosis, "C00-C76", "C81-C97")`, nil, Episode{Diagnosis: "C80.9"}, false},
		{"icd10 single category", `icd10_in(diagnosis, "C80")`, nil, Episode{Diagnosis: "C80"}, true},
		{"icd10 is case-insensitive", `icd10_in(diagnosis, "C34")`, nil, Episode{Diagnosis: "c34.1"}, true},
		{"icd10 without the dot", `icd10_in(diagnosis, "C34.1")`, nil, Episode{Diagnosis: "C341"}, true},
		{"icd10 with spaces around", `icd10_in(diagnosis, "C34")`, nil, Episode{Diagnosis: " C34.1 "}, true},
		{"icd10 upper bound takes the whole category", `icd10_in(diagnosis, "C00-C75")`, nil, Episode{Diagnosis: "C75.9"}, true},
		{"icd10 just above the range", `icd10_in(diagnosis, "C00-C75")`, nil, Episode{Diagnosis: "C76.0"}, false},
		{"icd10 single subcategory", `icd10_in(diagnosis, "D47.4")`, nil, Episode{Diagnosis: "D47.4"}, true},
		{"icd10 single subcategory, another", `icd10_in(diagnosis, "D47.4")`, nil, Episode{Diagnosis: "D47.1"}, false},
		{"icd10 subcategory does not take its category alone", `icd10_in(diagnosis, "D47.4")`, nil, Episode{Diagnosis: "D47"}, false},
		{"icd10 subcategory takes a finer code", `icd10_in(diagnosis, "D47.4")`, nil, Episode{Diagnosis: "D47.41"}, true},
		{"icd10 subcategory range", `icd10_in(diagnosis, "D09.0-D09.1")`, nil, Episode{Diagnosis: "D09.1"}, true},
		{"icd10 subcategory range, outside", `icd10_in(diagnosis, "D09.0-D09.1")`, nil, Episode{Diagnosis: "D09.2"}, false},
		{"icd10 not a code", `icd10_in(diagnosis, "C00-C97")`, nil, Episode{Diagnosis: "C3"}, false},
		{"icd10 not a code, letters", `icd10_in(diagnosis, "C00-C97")`, nil, Episode{Diagnosis: "CA4.1"}, false},
		{"icd10 missing", `icd10_in(diagnosis, "C00-C97")`, nil, Episode{}, false},
		{"icd10 scope, own subcategory", `icd10_scope(diagnosis)`, nil, Episode{Diagnosis: "d47.4"}, true},
		{"icd10 scope, own category code", `icd10_scope(diagnosis)`, nil, Episode{Diagnosis: "C92.0"}, true},
		{"icd10 scope, other code", `icd10_scope(diagnosis)`, nil, Episode{Diagnosis: "C92.1"}, false},
		{"icd10 scope, missing", `icd10_scope(diagnosis)`, nil, Episode{}, false},
		{"two attributes compared", `referring_region == region`, nil, Episode{Region: "12", ReferringRegion: "12"}, true},
		{"two attributes, one missing", `referring_region != region`, nil, Episode{ReferringRegion: "12"}, false},
		{"dates of two codes", `first(XX50) < last(XX35)`, []ev{{"VN435", "2024-01-01"}, {"VN650", "2024-01-03"}, {"VN435", "2024-01-05"}}, Episode{}, true},
		{"qualified cell", "has(qualified(kur))", []ev{{"VN450", "2024-01-02"}}, Episode{}, true},
		{"unqualified code is not in qualified", "has(qualified(kur))", []ev{{"VN410", "2024-01-02"}}, Episode{}, false},
		{"prefixes counts distinct prefixes", "prefixes(start, closing) == 2", []ev{{"VN410", "2024-01-01"}, {"VN650", "2024-01-05"}}, Episode{}, true},
		{"unknown suffix", "has(unknown)", []ev{{"VN442", "2024-01-01"}}, Episode{}, true},
		{"unknown prefix", "has(unknown)", []ev{{"VZ910", "2024-01-01"}}, Episode{}, true},
		{"foreign pathway", "has(foreign)", []ev{{"VL210", "2024-01-01"}}, Episode{}, true},
		{"own codes are not foreign", "has(foreign)", []ev{{"VN410", "2024-01-01"}, {"VN650", "2024-01-05"}}, Episode{}, false},
		{"or and precedence", "has(XX10) or has(XX35) and has(XX50)", []ev{{"VN410", "2024-01-01"}}, Episode{}, true},
		{"parentheses", "(has(XX10) or has(XX35)) and has(XX50)", []ev{{"VN410", "2024-01-01"}}, Episode{}, false},
		{"boolean literal", "true and not false", nil, Episode{}, true},
		{"not has", "not has(XX35)", []ev{{"VN410", "2024-01-01"}}, Episode{}, true},
		{"not has, present", "not has(XX35)", []ev{{"VN635", "2024-01-01"}}, Episode{}, false},
		{"count == 1 of two", "count(XX35) == 1", []ev{{"VN435", "2024-01-01"}, {"VN635", "2024-01-02"}}, Episode{}, false},
		{"count == 1 of one", "count(XX35) == 1", []ev{{"VN410", "2024-01-01"}, {"VN635", "2024-01-02"}}, Episode{}, true},
		{"count > 1 of three", "count(XX35) > 1", []ev{{"VN435", "2024-01-01"}, {"VN435", "2024-01-02"}, {"VN635", "2024-01-03"}}, Episode{}, true},
		{"count > 1 of one", "count(XX35) > 1", []ev{{"VN435", "2024-01-01"}}, Episode{}, false},
		{"count == 0", "count(XX35) == 0", []ev{{"VN410", "2024-01-01"}}, Episode{}, true},
		{"count != 0", "count(XX35) != 0", []ev{{"VN410", "2024-01-01"}}, Episode{}, false},
		{"count >= 1", "count(XX35) >= 1", []ev{{"VN435", "2024-01-01"}, {"VN435", "2024-01-02"}}, Episode{}, true},
		{"count <= 1 of two", "count(XX35) <= 1", []ev{{"VN435", "2024-01-01"}, {"VN435", "2024-01-02"}}, Episode{}, false},
		{"count <= 1 of one", "count(XX35) <= 1", []ev{{"VN435", "2024-01-01"}, {"VN410", "2024-01-02"}}, Episode{}, true},
		{"count < 1 of one", "count(XX35) < 1", []ev{{"VN435", "2024-01-01"}}, Episode{}, false},
		{"count >= 0 of none", "count(XX35) >= 0", nil, Episode{}, true},
		{"count != 1 of one", "count(XX35) != 1", []ev{{"VN435", "2024-01-01"}}, Episode{}, false},
		{"last of several", "last(XX35) > first(XX50)", []ev{{"VN435", "2024-01-01"}, {"VN435", "2024-01-09"}, {"VN435", "2024-01-05"}, {"VN650", "2024-01-07"}}, Episode{}, true},
		{"first of several", "first(XX35) < first(XX50)", []ev{{"VN435", "2024-01-09"}, {"VN435", "2024-01-03"}, {"VN435", "2024-01-05"}, {"VN650", "2024-01-04"}}, Episode{}, true},
		{"equal dates are not earlier", "first(XX35) < first(XX50)", []ev{{"VN435", "2024-01-04"}, {"VN650", "2024-01-04"}}, Episode{}, false},
		{"last against a date", "last(XX35) >= 2024-01-09", []ev{{"VN435", "2024-01-09"}, {"VN635", "2024-01-02"}}, Episode{}, true},
		{"a set against itself", "first(XX35) == last(XX35)", []ev{{"VN435", "2024-01-09"}, {"VN635", "2024-01-02"}}, Episode{}, false},
		{"contradiction", "has(XX35) and not has(XX35)", []ev{{"VN435", "2024-01-01"}}, Episode{}, false},
		{"two date comparisons", "first(XX35) < first(XX50) and last(XX35) > last(XX50)", []ev{{"VN435", "2024-01-01"}, {"VN650", "2024-01-03"}, {"VN435", "2024-01-05"}}, Episode{}, true},
		{"counts, codes and dates", "count(XX35) == 1 and has(XX10) and first(XX10) <= first(XX35) and known(last(XX10))", []ev{{"VN410", "2024-01-01"}, {"VN435", "2024-01-01"}}, Episode{}, true},
		{"counts, codes and dates, two of one", "count(XX35) == 1 and has(XX10) and first(XX10) <= first(XX35)", []ev{{"VN410", "2024-01-01"}, {"VN435", "2024-01-01"}, {"VN635", "2024-01-02"}}, Episode{}, false},
		{"two of one prefix", "count(XX35) > prefixes(XX35)", []ev{{"VN435", "2024-01-01"}, {"VN435", "2024-01-02"}}, Episode{}, true},
		{"two prefixes", "count(XX35) > prefixes(XX35)", []ev{{"VN435", "2024-01-01"}, {"VN635", "2024-01-02"}}, Episode{}, false},
		{"count < 1 of none", "count(XX35) < 1", nil, Episode{}, true},
		{"count == 2 counts", "count(XX35) == 2", []ev{{"VN435", "2024-01-01"}, {"VN435", "2024-01-02"}, {"VN635", "2024-01-03"}}, Episode{}, false},
		{"or of two", "has(XX50) or has(XX35)", []ev{{"VN435", "2024-01-01"}}, Episode{}, true},
		{"or of three", "has(XX50) or has(XX10) or has(XX35)", []ev{{"VN435", "2024-01-01"}}, Episode{}, true},
		{"and of three", "has(XX35) and has(XX10) and has(XX50)", []ev{{"VN435", "2024-01-01"}, {"VN410", "2024-01-02"}}, Episode{}, false},
		{"literal on the left", "18 > age", nil, Episode{Age: 17, HasAge: true}, true},
		{"text compared with a literal", `intent == "pal"`, nil, Episode{Intent: "pal"}, true},
		{"date compared with a literal", "first(start) < 2024-01-01", []ev{{"VN410", "2024-01-01"}}, Episode{}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rule := "rule r {\n  severity error\n  message \"m\"\n  when " + tc.when + "\n}\n"
			fsys := fstest.MapFS{"g/guide.svf": {Data: []byte(miniGuide)}, "g/rule.svf": {Data: []byte(rule)}}
			g, diags, _ := Load(fsys, "g", "g")
			if g == nil {
				t.Fatalf("does not compile: %v", diags)
			}
			p := Compile(g)
			ep := tc.ep
			for _, e := range tc.events {
				id, ok := p.CodeOf(e.code)
				if !ok {
					t.Fatalf("%s is not a code", e.code)
				}
				ep.Events = append(ep.Events, Event{Code: id, Date: d(e.date)})
			}
			// The same answer whether the evaluator prepared the
			// episode or not.
			leuk := p.Pathway(g.Pathway("akuta_leukemier").Index)
			if got := leuk.Rules[0].Cond(&ep); got != tc.want {
				t.Errorf("when %s = %v, want %v", tc.when, got, tc.want)
			}
			leuk.Prepare(&ep)
			if got := leuk.Rules[0].Cond(&ep); got != tc.want {
				t.Errorf("prepared: when %s = %v, want %v", tc.when, got, tc.want)
			}
			if tc.want && leuk.Rules[0].Skip(&ep) {
				t.Errorf("when %s holds, but the rule is skipped", tc.when)
			}
			// Fire, which decides the usual conditions from what Prepare
			// found, agrees.
			var want []int
			if tc.want {
				want = []int{0}
			}
			if got := leuk.Fire(&ep, nil); !slices.Equal(got, want) {
				t.Errorf("when %s: fire %v, want %v", tc.when, got, want)
			}
		})
	}
}

// TestSkip: a rule is skipped on a prepared episode that has no code of
// any set its condition needs one of, and on no other.
func TestSkip(t *testing.T) {
	cases := []struct {
		when   string
		events []string
		skip   bool
	}{
		{"has(XX50)", []string{"VN410"}, true},
		{"has(XX50)", []string{"VN410", "VN650"}, false},
		{"has(XX50, XX35)", []string{"VN635"}, false},
		{"not has(XX50)", []string{"VN410"}, false},
		{"has(XX50) and age < 18", []string{"VN410"}, true},
		{"age < 18 and has(XX50)", []string{"VN410"}, true},
		{"has(XX50) or has(XX35)", []string{"VN410"}, true},
		{"has(XX50) or has(XX35)", []string{"VN435"}, false},
		{"has(XX50) or age < 18", []string{"VN410"}, false},
		{"count(XX35) > 1", []string{"VN410"}, true},
		{"count(XX35) > 0", []string{"VN410"}, true},
		{"count(XX35) >= 1", []string{"VN410"}, true},
		{"count(XX35) == 2", []string{"VN410"}, true},
		{"count(XX35) == 0", []string{"VN410"}, false},
		{"count(XX35) >= 0", []string{"VN410"}, false},
		{"count(XX35) < 1", []string{"VN410"}, false},
		{"count(XX35) != 1", []string{"VN410"}, false},
		{"count(start) > prefixes(start)", []string{"VN435"}, true},
		{"count(start) > prefixes(start)", []string{"VN410"}, false},
		{"prefixes(XX35) > 0", []string{"VN410"}, true},
		{"first(closing) < first(start)", []string{"VN410"}, true},
		{"first(start) < first(closing)", []string{"VN410"}, false},
		{"first(start) < 2024-01-01", []string{"VN435"}, true},
		{"days(first(XX35), last(XX50)) > 3", []string{"VN450"}, true},
		{"days(first(XX35), last(XX50)) > 3", []string{"VN435"}, false}, // one set is needed, the first
		{"days(first(XX35), last(XX50)) > 3", []string{"VN435", "VN650"}, false},
		{"known(first(XX35))", []string{"VN410"}, true},
		{"known(age)", []string{"VN410"}, false},
		{"not (first(closing) < first(start))", []string{"VN410"}, false},
		{"has(XX10) == has(XX35)", []string{"VN450"}, false},
		{"age > 18", nil, false},
	}
	for _, tc := range cases {
		rule := "rule r {\n  severity error\n  message \"m\"\n  when " + tc.when + "\n}\n"
		fsys := fstest.MapFS{"g/guide.svf": {Data: []byte(miniGuide)}, "g/rule.svf": {Data: []byte(rule)}}
		g, diags, _ := Load(fsys, "g", "g")
		if g == nil {
			t.Fatalf("%s does not compile: %v", tc.when, diags)
		}
		p := Compile(g)
		var ep Episode
		for _, c := range tc.events {
			id, _ := p.CodeOf(c)
			ep.Events = append(ep.Events, Event{Code: id})
		}
		leuk := p.Pathway(g.Pathway("akuta_leukemier").Index)
		if leuk.Rules[0].Skip(&ep) {
			t.Errorf("when %s on %v: skipped before the episode is prepared", tc.when, tc.events)
		}
		leuk.Prepare(&ep)
		if got := leuk.Rules[0].Skip(&ep); got != tc.skip {
			t.Errorf("when %s on %v: skipped %v, want %v", tc.when, tc.events, got, tc.skip)
		}
		other := p.Pathway(g.Pathway("hjarntumorer").Index)
		if other.Rules[0].need != 0 && leuk.Rules[0].Skip(&Episode{prepared: other}) {
			t.Errorf("when %s: skipped on an episode prepared for another pathway", tc.when)
		}
	}
}

func TestParseDay(t *testing.T) {
	for _, tc := range []struct {
		in   string
		ok   bool
		back string
	}{
		{"2024-02-29", true, "2024-02-29"},
		{"20240229", true, "2024-02-29"},
		{"2023-02-29", false, ""},
		{"2024-13-01", false, ""},
		{"2024-1-01", false, ""},
		{"1970-01-01", true, "1970-01-01"},
		{"", false, ""},
	} {
		d, ok := ParseDay(tc.in)
		if ok != tc.ok || (ok && d.String() != tc.back) {
			t.Errorf("ParseDay(%q) = %v %v, want %v %q", tc.in, d, ok, tc.ok, tc.back)
		}
	}
}

// TestManySets: a pathway whose conditions read more code sets than the
// maxPrepared (32) an episode is prepared with (every subset of six
// codes, and named sets) gives each rule the answer of looking through
// the codes, for an episode used again and prepared anew, as the
// evaluator does.
func TestManySets(t *testing.T) {
	codes := []string{"VN410", "VN610", "VN450", "VN650", "VN435", "VN635"}
	var rules strings.Builder
	var subsets [][]string
	for mask := 1; mask < 1<<len(codes); mask++ {
		var sub []string
		for i, c := range codes {
			if mask&(1<<i) != 0 {
				sub = append(sub, c)
			}
		}
		subsets = append(subsets, sub)
		fmt.Fprintf(&rules, "rule r%d {\n  severity error\n  message \"m\"\n  when has(%s) and not count(%s) == 1\n}\n",
			mask, strings.Join(sub, ", "), strings.Join(sub, ", "))
	}
	// Three more sets, beyond the 64th: every code not in the guide,
	// every code of another pathway, every code.
	named := map[string]func(code string) bool{
		"unknown": func(c string) bool { return c == "VZ910" },
		"foreign": func(c string) bool { return strings.HasPrefix(c, "VL2") },
		"codes":   func(string) bool { return true },
	}
	for _, n := range []string{"unknown", "foreign", "codes"} {
		fmt.Fprintf(&rules, "rule n_%s {\n  severity error\n  message \"m\"\n  when has(%s) and not count(%s) == 1\n}\n", n, n, n)
	}
	fsys := fstest.MapFS{"g/guide.svf": {Data: []byte(miniGuide)}, "g/rule.svf": {Data: []byte(rules.String())}}
	g, diags, _ := Load(fsys, "g", "g")
	if g == nil {
		t.Fatalf("does not compile: %v", diags)
	}
	p := Compile(g)
	leuk := p.Pathway(g.Pathway("akuta_leukemier").Index)
	if len(leuk.sets) != maxPrepared {
		t.Fatalf("%d sets prepared, want the most, %d", len(leuk.sets), maxPrepared)
	}
	var ep Episode // used again, as the evaluator does
	for _, events := range [][]string{{"VN410", "VN650", "VN650"}, {"VN635"}, {"VN610", "VN435", "VN450"},
		{"VZ910", "VN410", "VN610", "VZ910"}, {"VL210", "VL250"}, nil} {
		ep.Events = ep.Events[:0]
		for _, c := range events {
			id, _ := p.CodeOf(c)
			ep.Events = append(ep.Events, Event{Code: id})
		}
		leuk.Prepare(&ep)
		for _, r := range leuk.Rules {
			in := func(c string) bool { return slices.Contains(subsets[Digits(r.Rule.ID[1:])-1], c) }
			if f, ok := named[r.Rule.ID[2:]]; ok {
				in = f
			}
			n := 0
			for _, c := range events {
				if in(c) {
					n++
				}
			}
			if got, want := r.Cond(&ep), n >= 2; got != want {
				t.Errorf("%v: rule %s = %v, want %v", events, r.Rule.ID, got, want)
			}
		}
	}
}

// TestPreparedMatchesUnprepared: on random episodes, every rule and lead
// time condition of every embedded version gives the same answer on an
// episode prepared for its pathway as on one that is not (which looks
// through the events for every set).
func TestPreparedMatchesUnprepared(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, v := range rules.Versions() {
		g, diags, _ := Load(rules.FS(), v, v)
		if g == nil {
			t.Fatalf("%s does not compile: %v", v, diags)
		}
		p := Compile(g)
		checked, skipped := 0, 0
		for i := range g.Pathways {
			pp := p.Pathway(i)
			own := p.prefixIndexes(pp.Pathway)
			var prepared Episode // used again, as the evaluator does
			for range 300 {
				var events []Event
				for range rng.IntN(9) {
					pre := own[rng.IntN(len(own))]
					switch rng.IntN(10) {
					case 0:
						pre = rng.IntN(len(p.Prefixes)) // another pathway, or unknown
					case 1:
						pre = 0
					}
					suffix := g.Codes[rng.IntN(len(g.Codes))].Num
					if rng.IntN(10) == 0 {
						suffix = rng.IntN(100)
					}
					events = append(events, Event{Code: p.id(pre, suffix), Date: Day(19700 + rng.IntN(200))})
				}
				attrs := Episode{Age: rng.IntN(100), HasAge: rng.IntN(4) > 0, Intent: []string{"", "kur", "pal"}[rng.IntN(3)],
					ReferringRegion: []string{"", "04"}[rng.IntN(2)], Diagnosis: []string{"", "C71.9", "C80.0", "C50.1"}[rng.IntN(4)]}
				prepared.Events = append(prepared.Events[:0], events...)
				prepared.Age, prepared.HasAge, prepared.Intent = attrs.Age, attrs.HasAge, attrs.Intent
				prepared.ReferringRegion, prepared.Diagnosis = attrs.ReferringRegion, attrs.Diagnosis
				pp.Prepare(&prepared)
				conds := map[string]func(*Episode) bool{}
				for _, r := range pp.Rules {
					conds["rule "+r.Rule.ID] = r.Cond
				}
				for _, lt := range pp.LeadTimes {
					if lt.Cond != nil {
						conds["lead time "+lt.LeadTime.ID] = lt.Cond
					}
				}
				for name, cond := range conds {
					fresh := attrs
					fresh.Events = events
					if a, b := cond(&prepared), cond(&fresh); a != b {
						t.Fatalf("%s, %s, %s: prepared %v, not prepared %v", v, pp.Pathway.Key, name, a, b)
					}
					checked++
				}
				// Fire gives the rules whose condition holds and whose
				// attributes are there, in order, whether the episode is
				// prepared for the pathway or not.
				prepared.Absent = AttrSet(rng.IntN(4)) << rng.IntN(6)
				var want []int
				for i, r := range pp.Rules {
					fresh := attrs
					fresh.Events = events
					if r.Reads&prepared.Absent == 0 && r.Cond(&fresh) {
						want = append(want, i)
					}
				}
				if got := pp.Fire(&prepared, nil); !slices.Equal(got, want) {
					t.Fatalf("%s, %s, absent %v, events %v: fire %v, want %v", v, pp.Pathway.Key, prepared.Absent, events, got, want)
				}
				other := attrs
				other.Events, other.Absent = events, prepared.Absent
				if got := pp.Fire(&other, nil); !slices.Equal(got, want) {
					t.Fatalf("%s, %s, not prepared: fire %v, want %v", v, pp.Pathway.Key, got, want)
				}
				prepared.Absent = 0
				// A rule the evaluator skips finds nothing.
				for _, r := range pp.Rules {
					fresh := attrs
					fresh.Events = events
					if r.Skip(&prepared) {
						skipped++
						if r.Cond(&fresh) {
							t.Fatalf("%s, %s, rule %s on %v: skipped, but its condition holds", v, pp.Pathway.Key, r.Rule.ID, events)
						}
					}
					if r.Skip(&fresh) {
						t.Fatalf("%s, %s, rule %s: skipped on an episode not prepared", v, pp.Pathway.Key, r.Rule.ID)
					}
				}
			}
		}
		if checked < 10000 {
			t.Errorf("%s: only %d conditions checked", v, checked)
		}
		if skipped < checked/4 {
			t.Errorf("%s: %d rules skipped of %d conditions checked, want most rules", v, skipped, checked)
		}
	}
}

// TestPathwaysCompiledOnDemand checks that Compile compiles no pathway
// until it is asked for (a small export has a few pathways), that
// goroutines asking for the same pathways at once all get the one
// compiled program of each, and that CompileAll compiles the rest.
func TestPathwaysCompiledOnDemand(t *testing.T) {
	g, diags, _ := LoadEmbeddedUnlinted(rules.Latest())
	if g == nil {
		t.Fatalf("latest version does not compile: %v", diags)
	}
	p := Compile(g)
	compiled := func() int {
		n := 0
		for i := range p.pathways.progs {
			if p.pathways.progs[i].Load() != nil {
				n++
			}
		}
		return n
	}
	if n := compiled(); n != 0 {
		t.Fatalf("Compile compiled %d pathways before any was asked for, want 0", n)
	}
	const goroutines = 8
	got := make([][]*PathwayProgram, goroutines)
	done := make(chan int)
	for k := range goroutines {
		go func() {
			for _, i := range []int{3, 0, 3, 7} {
				got[k] = append(got[k], p.Pathway(i))
			}
			done <- k
		}()
	}
	for range goroutines {
		<-done
	}
	for k := range goroutines {
		for j, pp := range got[k] {
			if pp != got[0][j] {
				t.Fatalf("goroutine %d got another program of pathway %d than goroutine 0", k, []int{3, 0, 3, 7}[j])
			}
		}
	}
	if pp := got[0][0]; pp.Pathway != g.Pathways[3] {
		t.Errorf("Pathway(3) is the program of %s, want %s", pp.Pathway.Key, g.Pathways[3].Key)
	}
	if n := compiled(); n != 3 {
		t.Errorf("%d pathways compiled after asking for 3 of them, want 3", n)
	}
	if p.CompileAll() != p || compiled() != len(g.Pathways) {
		t.Errorf("CompileAll compiled %d of %d pathways", compiled(), len(g.Pathways))
	}
	if p.Pathway(3) != got[0][0] {
		t.Error("CompileAll compiled pathway 3 again")
	}
}

// TestCodeOfEveryCharacter reads "V" and every pair of bytes as a
// code's second and third characters: a code only for a capital letter
// and then a capital letter or a digit, written back as it was read
// when its prefix is the guide's, with prefix index 0 when it is not.
// (CodeOf reads the characters by a table.)
func TestCodeOfEveryCharacter(t *testing.T) {
	g, diags, _ := Load(rules.FS(), rules.Latest(), "rules")
	if g == nil {
		t.Fatal(diags)
	}
	p := Compile(g)
	known := map[string]bool{}
	for _, pre := range p.Prefixes {
		known[pre] = true
	}
	isUpper := func(c int) bool { return c >= 'A' && c <= 'Z' }
	for a := range 256 {
		for b := range 256 {
			s := string([]byte{'V', byte(a), byte(b), '4', '7'})
			id, ok := p.CodeOf(s)
			if want := isUpper(a) && (isUpper(b) || b >= '0' && b <= '9'); ok != want {
				t.Fatalf("CodeOf(%q): ok %v, want %v", s, ok, want)
			}
			switch {
			case !ok:
			case known[s[:3]]:
				if got := p.CodeString(id); got != s {
					t.Fatalf("CodeOf(%q) writes back as %q", s, got)
				}
			case PrefixOf(id) != 0 || SuffixOf(id) != 47:
				t.Fatalf("CodeOf(%q) = %d, want prefix 0 and 47", s, id)
			}
		}
	}
	for _, s := range []string{"", "V", "VP91", "VP9100", "XP910", "vP910", "VP9A0", "VP91/", "VP9:0"} {
		if _, ok := p.CodeOf(s); ok {
			t.Errorf("CodeOf(%q) is a code", s)
		}
	}
}

// TestCodeUnion: a union has the codes of each of its sets, holds a set
// once however often it is added, and a nil union takes nothing.
func TestCodeUnion(t *testing.T) {
	a, b := make(CodeSet, 2), make(CodeSet, 2)
	a.add(3)
	b.add(70)
	var u CodeUnion
	for _, s := range []CodeSet{a, b, a, b, a} {
		u.add(s)
	}
	if len(u) != 2 {
		t.Errorf("union of a and b added five times holds %d sets, want 2", len(u))
	}
	for id, want := range map[CodeID]bool{3: true, 70: true, 4: false, 0: false, 127: false} {
		if got := u.Has(id); got != want {
			t.Errorf("Has(%d) = %v, want %v", id, got, want)
		}
	}
	var none *CodeUnion
	none.add(a) // no panic
	if (CodeUnion{}).Has(3) {
		t.Error("an empty union has 3")
	}
}

// TestInvolvedAreTheConditionsSets: a rule's involved codes are those of
// the code sets its condition reads (but "codes", every code), in every
// pathway of every embedded version: checked against a union of them
// built from the condition's operands.
func TestInvolvedAreTheConditionsSets(t *testing.T) {
	for _, v := range rules.Versions() {
		g, _, _ := LoadEmbeddedModel(v)
		p := Compile(g).CompileAll()
		for i := range g.Pathways {
			pp := p.Pathway(i)
			lw := p.newLowerer(g.Pathways[i], &PathwayProgram{})
			for _, r := range pp.Rules {
				want := p.newSet()
				var walk func(t *typed)
				walk = func(t *typed) {
					switch t.op {
					case "code", "set", "qual":
						if t.name != "codes" {
							want.union(lw.resolve(t))
						}
					}
					for _, a := range t.args {
						walk(a)
					}
				}
				walk(r.Rule.cond)
				for id := CodeID(0); int(id) < len(want)*64; id++ {
					if got := r.Involved.Has(id); got != want.Has(id) {
						t.Fatalf("%s, %s, rule %s: Involved.Has(%d) = %v, want %v", v, g.Pathways[i].Key, r.Rule.ID, id, got, want.Has(id))
					}
				}
			}
		}
	}
}

// rowsByCode is what buildRows gives, built the plain way: each code's
// entry from every set, and each prefix's row compared with the rows
// kept. It is the reference TestBuildRows checks buildRows against.
func rowsByCode(p *Program, pp *PathwayProgram) (rows []uint64, rowOf []uint8) {
	rowOf = make([]uint8, len(p.Prefixes))
	for pre := range p.Prefixes {
		var row [100]uint64
		for suf := range row {
			id := p.id(pre, suf)
			for i, set := range pp.sets {
				if set.Has(id) {
					row[suf] |= 1 << i
				}
			}
			if pp.Own.Has(id) {
				switch {
				case p.Start.Has(id):
					row[suf] |= ownStart
				case p.Closing.Has(id):
					row[suf] |= ownClosing
				}
			}
		}
		r := 0
		for r*100 < len(rows) && !slices.Equal(rows[r*100:r*100+100], row[:]) {
			r++
		}
		if r*100 == len(rows) {
			rows = append(rows, row[:]...)
		}
		rowOf[pre] = uint8(r)
	}
	return rows, rowOf
}

// TestBuildRows: every code's entry (codeBits) of every pathway of every
// embedded version is the one built code by code, and the rows are
// shared as much.
func TestBuildRows(t *testing.T) {
	for _, v := range rules.Versions() {
		g, _, _ := LoadEmbeddedModel(v)
		p := Compile(g).CompileAll()
		for i := range g.Pathways {
			pp := p.Pathway(i)
			rows, rowOf := rowsByCode(p, pp)
			if !slices.Equal(pp.rows, rows) || !slices.Equal(pp.rowOf, rowOf) {
				t.Errorf("%s, %s: %d rows %v, want %d rows %v", v, g.Pathways[i].Key, len(pp.rows)/100, pp.rowOf, len(rows)/100, rowOf)
			}
		}
	}
}

// TestForeignSet: the set "foreign" of every pathway of every embedded
// version, built word by word from Unknown, is the one built code by
// code: every code of the guide under every prefix of another pathway.
func TestForeignSet(t *testing.T) {
	for _, v := range rules.Versions() {
		g, _, _ := LoadEmbeddedModel(v)
		p := Compile(g)
		for _, pw := range g.Pathways {
			want := make(CodeSet, p.words)
			for pi := 1; pi < len(p.Prefixes); pi++ {
				if p.PrefixPathway[pi] == pw.Index {
					continue
				}
				for _, c := range g.Codes {
					want.add(p.id(pi, c.Num))
				}
			}
			if got := p.namedSet("foreign", pw); !slices.Equal(got, want) {
				t.Errorf("%s, %s: foreign differs from the codes of the other pathways' prefixes", v, pw.Key)
			}
		}
	}
}

// TestBitsAt: bitsAt reads 64 bits from any offset, across words, and
// zeros past the end.
func TestBitsAt(t *testing.T) {
	s := CodeSet{0x8000_0000_0000_0001, 0xF0F0_F0F0_F0F0_F0F0, 0x3}
	for _, c := range []struct {
		off  int
		want uint64
	}{
		{0, 0x8000_0000_0000_0001},
		{63, 0xE1E1_E1E1_E1E1_E1E1}, // bit 63 of word 0, then 63 bits of word 1
		{64, 0xF0F0_F0F0_F0F0_F0F0},
		{68, 0x0F0F_0F0F_0F0F_0F0F | 0x3<<60},
		{128, 0x3},
		{130, 0},
		{192, 0},
	} {
		if got := bitsAt(s, c.off); got != c.want {
			t.Errorf("bitsAt(s, %d) = %#x, want %#x", c.off, got, c.want)
		}
	}
}

// TestPathwaysCompiledAtOnceAreTheSame: pathways compiled two and more at a
// time (CompilePathways, Pathway from several goroutines) are the same as
// compiled one after the other, in every embedded version: each
// compilation cuts its sets from a block of its own and only reads what
// they share.
func TestPathwaysCompiledAtOnceAreTheSame(t *testing.T) {
	for _, v := range rules.Versions() {
		g, _, _ := LoadEmbeddedModel(v)
		if g == nil {
			t.Fatalf("%s does not load", v)
		}
		serial := Compile(g)
		for i := range g.Pathways {
			serial.Pathway(i)
		}
		at := Compile(g)
		idx := make([]int, len(g.Pathways))
		for i := range idx {
			idx[len(idx)-1-i] = i // another order than serial's
		}
		done := make(chan bool)
		for range 3 {
			go func() {
				at.CompilePathways(idx)
				done <- true
			}()
		}
		for range 3 {
			<-done
		}
		sameSets := func(a, b []CodeSet) bool { return slices.EqualFunc(a, b, slices.Equal) }
		for i := range g.Pathways {
			a, b := serial.Pathway(i), at.Pathway(i)
			same := len(a.Rules) == len(b.Rules) && slices.Equal(a.Own, b.Own) && slices.Equal(a.rowOf, b.rowOf) &&
				slices.Equal(a.rows, b.rows) && sameSets(a.sets, b.sets) && a.dated == b.dated &&
				len(a.LeadTimes) == len(b.LeadTimes) && len(a.LocalLeadTimes) == len(b.LocalLeadTimes)
			for j := 0; same && j < len(a.Rules); j++ {
				same = a.Rules[j].Rule == b.Rules[j].Rule && sameSets(a.Rules[j].Involved, b.Rules[j].Involved) &&
					a.Rules[j].need == b.Rules[j].need
			}
			for j := 0; same && j < len(a.LeadTimes); j++ {
				same = slices.Equal(a.LeadTimes[j].From, b.LeadTimes[j].From) && slices.Equal(a.LeadTimes[j].To, b.LeadTimes[j].To)
			}
			if !same {
				t.Errorf("%s: pathway %s compiled at the same time as others differs from compiled alone", v, g.Pathways[i].Key)
			}
		}
	}
}

// TestSetBit: a set gets the bit of an equal set already kept, whether it
// is the very set or a copy; another set the next bit; none past
// maxPrepared.
func TestSetBit(t *testing.T) {
	g, _, _ := LoadEmbeddedModel(rules.Latest())
	p := Compile(g)
	lw := p.newLowerer(g.Pathways[0], &PathwayProgram{Pathway: g.Pathways[0]})
	set := func(ids ...CodeID) CodeSet {
		s := p.newSet()
		for _, id := range ids {
			s.add(id)
		}
		return s
	}
	a, b := set(101, 205), set(101, 206)
	for _, c := range []struct {
		name string
		s    CodeSet
		want uint64
	}{
		{"a new set", a, 1},
		{"another", b, 2},
		{"the first again", a, 1},
		{"a copy of the first", set(101, 205), 1},
		{"a copy of the second", slices.Clone(b), 2},
		{"the empty set", set(), 4},
	} {
		if bit, ok := lw.setBit(c.s); !ok || bit != c.want {
			t.Errorf("%s: bit %d, %v; want %d", c.name, bit, ok, c.want)
		}
	}
	for i := len(lw.pp.sets); i < maxPrepared; i++ {
		if _, ok := lw.setBit(set(CodeID(300 + i))); !ok {
			t.Fatalf("set %d refused", i)
		}
	}
	if bit, ok := lw.setBit(set(999)); ok {
		t.Errorf("set past maxPrepared: bit %d, want none", bit)
	}
	if bit, ok := lw.setBit(set(101, 206)); !ok || bit != 2 {
		t.Errorf("a copy of a kept set past maxPrepared: bit %d, %v; want 2", bit, ok)
	}
}

// TestProgramSets: Unknown, Closing and Start of every embedded version,
// put under each prefix a word at a time, are the ones built code by
// code: prefix 0 and the numbers the guide does not have unknown, the
// others by their kind.
func TestProgramSets(t *testing.T) {
	for _, v := range rules.Versions() {
		g, _, _ := LoadEmbeddedModel(v)
		p := Compile(g)
		unknown, closing, start := make(CodeSet, p.words), make(CodeSet, p.words), make(CodeSet, p.words)
		for pre := range p.Prefixes {
			for n := 0; n < 100; n++ {
				id := p.id(pre, n)
				switch c := p.defined[n]; {
				case pre == 0 || c == nil:
					unknown.add(id)
				case c.Kind.Closing():
					closing.add(id)
				case c.Kind == KindStart:
					start.add(id)
				}
			}
		}
		for _, c := range []struct {
			name      string
			got, want CodeSet
		}{{"Unknown", p.Unknown, unknown}, {"Closing", p.Closing, closing}, {"Start", p.Start, start}} {
			if !slices.Equal(c.got, c.want) {
				t.Errorf("%s: %s differs from the one built code by code", v, c.name)
			}
		}
	}
}
