package compiler

import (
	"slices"
	"testing"

	"github.com/rcc/svfrules/rules"
)

// TestRowTable checks, for every embedded version, that every pathway's
// code entries come from the generated table and are the ones buildRows
// works out.
func TestRowTable(t *testing.T) {
	for _, v := range rules.Versions() {
		t.Run(v, func(t *testing.T) {
			g, diags, _ := LoadEmbeddedModel(v)
			if g == nil {
				t.Fatalf("LoadEmbeddedModel(%q): %v", v, diags)
			}
			tabled := Compile(g)
			if tabled.rowTable == "" {
				t.Fatalf("version %s has no table of code entries: run go generate ./rules", v)
			}
			worked := Compile(g)
			worked.rowTable = ""
			worked.CompileAll()
			for i, pw := range g.Pathways {
				want := worked.Pathway(i)
				fresh := *want
				fresh.rowOf, fresh.rows = nil, nil
				if !tabled.loadRows(&fresh, i) {
					t.Errorf("%s: no table entry for %s", v, pw.Key)
					continue
				}
				if !slices.Equal(fresh.rowOf, want.rowOf) || !slices.Equal(fresh.rows, want.rows) {
					t.Errorf("%s: the table's code entries of %s differ from buildRows'", v, pw.Key)
				}
				got := tabled.Pathway(i)
				if !slices.Equal(got.rowOf, want.rowOf) || !slices.Equal(got.rows, want.rows) {
					t.Errorf("%s: compiled code entries of %s differ from buildRows'", v, pw.Key)
				}
			}
		})
	}
}

// TestRowTableOtherSets checks that an entry is not used for sets other
// than those it was made from, nor when the table is damaged.
func TestRowTableOtherSets(t *testing.T) {
	g, diags, _ := LoadEmbeddedModel(rules.Latest())
	if g == nil {
		t.Fatal(diags)
	}
	p := Compile(g)
	pp := *p.Pathway(0)
	if !p.loadRows(&pp, 0) {
		t.Fatal("no table entry for the first pathway")
	}
	if p.loadRows(&pp, len(g.Pathways)) {
		t.Error("an entry for a pathway the guide does not have")
	}
	for _, change := range []struct {
		name string
		edit func(pp *PathwayProgram)
	}{
		{"a set's code", func(pp *PathwayProgram) { pp.sets[0] = flipped(pp.sets[0], 0) }},
		{"the last set's last code", func(pp *PathwayProgram) {
			n := len(pp.sets) - 1
			pp.sets[n] = flipped(pp.sets[n], len(pp.sets[n])-1)
		}},
		{"a set fewer", func(pp *PathwayProgram) { pp.sets = pp.sets[:len(pp.sets)-1] }},
		{"own codes", func(pp *PathwayProgram) { pp.Own = flipped(pp.Own, 1) }},
	} {
		other := pp
		other.sets = slices.Clone(pp.sets)
		change.edit(&other)
		if p.loadRows(&other, 0) {
			t.Errorf("%s changed: the table entry is still used", change.name)
		}
	}
	// Cut short anywhere before the end of the first entry, the table
	// gives no entry for the first pathway.
	table := p.rowTable
	r := tableReader{data: table}
	r.uint()
	size, _ := r.uint()
	end := len(table) - len(r.data) + int(size)
	// An entry that indexes a value it does not have is not used.
	damaged := []byte(table)
	damaged[end-1] = 0xff // the last entry of the last row
	p.rowTable = string(damaged)
	if p.loadRows(&pp, 0) {
		t.Error("an entry indexing a value past its values is used")
	}
	for cut := range len(table) {
		p.rowTable = table[:cut]
		if got := p.loadRows(&pp, 0); got != (cut >= end) {
			t.Errorf("the table cut to %d of %d bytes (the first entry ends at %d): loadRows = %v", cut, len(table), end, got)
		}
	}
}

// flipped returns a copy of s with the lowest bit of word w flipped.
func flipped(s CodeSet, w int) CodeSet {
	s = slices.Clone(s)
	s[w] ^= 1
	return s
}
