package compiler

import (
	"fmt"
	"slices"
	"testing"

	"github.com/rcc/svfrules/rules"
)

// The sets as they were built code by code, before ownSet.

func ownByCode(p *Program, pw *Pathway) CodeSet {
	s := p.newSet()
	for i, pi := range p.PrefixPathway {
		if pi == pw.Index {
			for _, c := range p.Guide.Codes {
				s.add(p.id(i, c.Num))
			}
		}
	}
	return s
}

func setByCode(p *Program, pw *Pathway, keep func(*Code) bool) CodeSet {
	s := p.newSet()
	for i, pi := range p.PrefixPathway {
		if pi == pw.Index {
			for _, c := range p.Guide.Codes {
				if keep(c) {
					s.add(p.id(i, c.Num))
				}
			}
		}
	}
	return s
}

func codeSetByCode(p *Program, written string, pw *Pathway) CodeSet {
	s := p.newSet()
	pre, suf := written[:len(written)-2], Digits(written[len(written)-2:])
	for i, x := range p.Prefixes {
		if (pre == "XX" || pre == "VXX") && p.PrefixPathway[i] == pw.Index || x == pre {
			s.add(p.id(i, suf))
		}
	}
	return s
}

// TestNamedSets compares every pathway's own codes, named sets, qualified
// sets and code sets (XX and every prefix, every number) with the sets
// built code by code, for every embedded version.
func TestNamedSets(t *testing.T) {
	for _, v := range rules.Versions() {
		g, diags, _ := LoadEmbeddedModel(v)
		if g == nil {
			t.Fatalf("%s: %v", v, diags)
		}
		p := Compile(g)
		kinds := map[string]func(*Code) bool{"closing": func(c *Code) bool { return c.Kind.Closing() }}
		for k, name := range KindNames {
			kinds[name] = func(c *Code) bool { return c.Kind == Kind(k) }
		}
		for _, pw := range g.Pathways {
			check := func(what string, got, want CodeSet) {
				if !slices.Equal(got, want) {
					t.Errorf("%s, %s: %s differs from the set built code by code", v, pw.Key, what)
				}
			}
			check("own", p.own(pw), ownByCode(p, pw))
			for name, keep := range kinds {
				check(name, p.namedSet(name, pw), setByCode(p, pw, keep))
			}
			check("disallowed", p.namedSet("disallowed", pw), setByCode(p, pw, func(c *Code) bool { ok, _ := g.Allowed(pw, c); return !ok }))
			lw := p.newLowerer(pw, &PathwayProgram{Pathway: pw})
			for _, q := range g.Qualifiers {
				check("qualified("+q.Name+")", lw.resolve(&typed{op: "qual", qual: q}),
					setByCode(p, pw, func(c *Code) bool { ok, cq := g.Allowed(pw, c); return ok && cq == q }))
			}
			for _, pre := range append([]string{"XX", "VXX", "V99"}, p.Prefixes[1:]...) {
				for _, n := range []int{0, 1, 10, 44, 63, 64, 65, 99} {
					written := fmt.Sprintf("%s%02d", pre, n)
					check(written, p.codeSet(written, pw), codeSetByCode(p, written, pw))
					if pre != "VXX" {
						code := &Code{Suffix: fmt.Sprintf("%02d", n)}
						tpre := pre
						if pre == "XX" {
							tpre = ""
						}
						check("operand "+written, lw.resolve(&typed{op: "code", pre: tpre, code: code}), codeSetByCode(p, written, pw))
					}
				}
			}
		}
	}
}
