package compiler

import (
	"bytes"
	"io/fs"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
)

// TestEmbeddedParsed checks that the compiled form of every embedded
// version (rules/parsed, go generate ./rules) is current: byte for byte
// what the generator writes now from the rule files, decoding to the
// guide that parsing and checking the text gives, and loading to the
// same guide, diagnostics and sources as parsing the text. A rule file or
// model type changed without go generate fails here.
func TestEmbeddedParsed(t *testing.T) {
	for _, v := range rules.Versions() {
		t.Run(v, func(t *testing.T) {
			want, err := EncodeEmbedded(v)
			if err != nil {
				t.Fatalf("EncodeEmbedded: %v", err)
			}
			got, ok := rules.Parsed(v)
			if !ok {
				t.Fatalf("rules/parsed/guides.bin has no form of %s: run go generate ./rules", v)
			}
			if got != string(want) {
				t.Fatalf("rules/parsed/guides.bin is stale for %s: run go generate ./rules", v)
			}
			names, src, err := embeddedSources(v)
			if err != nil {
				t.Fatal(err)
			}
			date, title, rest, err := embeddedParsed(v, names, src)
			if err != nil {
				t.Fatal(err)
			}
			g1, d1, s1 := Load(rules.FS(), v, "rules/"+v)
			// The compiled form itself decodes to the guide the text
			// gives, as LoadEmbedded below (which would parse the text
			// if it could not decode it).
			if g1 == nil {
				t.Fatalf("rules/%s does not compile: %v", v, d1)
			}
			if g, err := decodeGuide(rest, s1); err != nil || !reflect.DeepEqual(g, g1) {
				t.Errorf("the compiled form decodes to another guide than the text gives (%v)", err)
			}
			g2, d2, s2 := LoadEmbedded(v)
			if g1 == nil || g2 == nil {
				t.Fatalf("no guide: %v / %v", d1, d2)
			}
			if !reflect.DeepEqual(g1, g2) || !reflect.DeepEqual(d1, d2) || !reflect.DeepEqual(s1, s2) {
				t.Errorf("LoadEmbedded(%q) differs from Load", v)
			}
			// Without the lint: the same guide and sources, the
			// diagnostics but the lint's.
			g3, d3, s3 := LoadEmbeddedUnlinted(v)
			lint := Lint(g1, v)
			var d1NoLint lang.Diagnostics
			for _, d := range d1 {
				if !slices.ContainsFunc(lint, func(l *lang.Diagnostic) bool { return reflect.DeepEqual(l, d) }) {
					d1NoLint = append(d1NoLint, d)
				}
			}
			if !reflect.DeepEqual(g1, g3) || !reflect.DeepEqual(d1NoLint, d3) || !reflect.DeepEqual(s1, s3) {
				t.Errorf("LoadEmbeddedUnlinted(%q) differs from Load without the lint", v)
			}
			// Without the text and the test cases: the same guide but
			// Files and Tests, the conditions' syntax, Places, the
			// positions of the cells and of the conditions' nodes, the
			// notes and the sections, no sources.
			g4, d4, s4 := LoadEmbeddedModel(v)
			if g4 == nil || g4.Files != nil || g4.Tests != nil || s4 != nil || d4 != nil {
				t.Fatalf("LoadEmbeddedModel(%q): guide %v, Files %d, Tests %d, sources %d, diagnostics %v; want a guide without text, tests or diagnostics",
					v, g4 != nil, len(g4.Files), len(g4.Tests), len(s4), d4)
			}
			if g4.Places != nil || g4.Sections != nil {
				t.Errorf("LoadEmbeddedModel(%q): the guide's Places %v, %d sections; want none", v, g4.Places, len(g4.Sections))
			}
			g4.Files, g4.Tests, g4.Places, g4.Sections = g1.Files, g1.Tests, g1.Places, g1.Sections
			for i, c := range g4.Codes {
				if c.Places != nil || c.Notes != nil {
					t.Errorf("LoadEmbeddedModel(%q): code %s has Places or notes", v, c.Suffix)
				}
				c.Places, c.Notes = g1.Codes[i].Places, g1.Codes[i].Notes
				for j := range c.Cells {
					if c.Cells[j].Pos != (lang.Pos{}) {
						t.Errorf("LoadEmbeddedModel(%q): code %s has the position of cell %d", v, c.Suffix, j)
					}
					c.Cells[j].Pos = g1.Codes[i].Cells[j].Pos
				}
			}
			for i, r := range g4.Rules {
				if r.When != nil || r.Places != nil || r.GuideNotes != nil {
					t.Errorf("LoadEmbeddedModel(%q): rule %s has When, Places or notes", v, r.ID)
				}
				r.When, r.Places, r.GuideNotes = g1.Rules[i].When, g1.Rules[i].Places, g1.Rules[i].GuideNotes
				if !copyNodePositions(r.cond, g1.Rules[i].cond) {
					t.Errorf("LoadEmbeddedModel(%q): rule %s's condition has the positions of its nodes", v, r.ID)
				}
			}
			for _, lts := range [][2][]*LeadTime{{g4.LeadTimes, g1.LeadTimes}, {g4.LocalLeadTimes, g1.LocalLeadTimes}} {
				for i, lt := range lts[0] {
					if lt.When != nil || lt.Places != nil {
						t.Errorf("LoadEmbeddedModel(%q): lead time %s has When or Places", v, lt.ID)
					}
					lt.When, lt.Places = lts[1][i].When, lts[1][i].Places
					if !copyNodePositions(lt.cond, lts[1][i].cond) {
						t.Errorf("LoadEmbeddedModel(%q): lead time %s's condition has the positions of its nodes", v, lt.ID)
					}
				}
			}
			// The maps by name are made on the first look-up, as the
			// full decoding makes them.
			if g4.qualifiers != nil || g4.pathways != nil || g4.byPrefix != nil || g4.codes != nil || g4.rules != nil || g4.leadTimes != nil {
				t.Errorf("LoadEmbeddedModel(%q): maps by name made before a look-up", v)
			}
			if len(g4.Rules) > 0 && g4.Rule(g4.Rules[0].ID) != g4.Rules[0] {
				t.Errorf("LoadEmbeddedModel(%q): Rule(%q) is not the guide's first rule", v, g4.Rules[0].ID)
			}
			g4.lazyIndex, g4.indexOnce = false, sync.Once{}
			if !reflect.DeepEqual(g1, g4) {
				t.Errorf("LoadEmbeddedModel(%q) differs from Load but for the text, the tests, the conditions' syntax, Places, the positions of the cells and of the conditions' nodes, the notes and the sections", v)
			}
			if date != g1.Date || title != g1.Title {
				t.Errorf("header %q %q, want %q %q", date, title, g1.Date, g1.Title)
			}
			// versions' path: the stamp from the folder's listing is
			// the stamp of the files read, and the header read alone is
			// the header.
			if st, err := embeddedStamp(v); err != nil || !bytes.Equal(st, sourcesStamp(names, src)) {
				t.Errorf("embeddedStamp: %q (%v), want %q", st, err, sourcesStamp(names, src))
			}
			if d, t2, ok := EmbeddedHeader(v); !ok || d != g1.Date || t2 != g1.Title {
				t.Errorf("EmbeddedHeader %q %q %v, want %q %q", d, t2, ok, g1.Date, g1.Title)
			}
		})
	}
	// No generated file of a version that is no longer embedded.
	for _, v := range rules.ParsedVersions() {
		if !contains(rules.Versions(), v) {
			t.Errorf("rules/parsed/guides.bin has a form of %s, no embedded version: run go generate ./rules", v)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestEmbeddedStale checks that a generated form whose stamp does not
// match the rule files (one added, removed or resized) is not used, and
// that a damaged one is refused without a panic.
func TestEmbeddedStale(t *testing.T) {
	names, src, err := embeddedSources("10.6")
	if err != nil {
		t.Fatal(err)
	}
	_, _, rest, err := embeddedParsed("10.6", names, src)
	if err != nil {
		t.Fatal(err)
	}
	edited := lang.Sources{}
	for k, b := range src {
		edited[k] = b
	}
	edited[names[0]] = append(append([]byte(nil), src[names[0]]...), '\n')
	added := append(slices.Clone(names), "rules/10.6/zz.svf")
	for _, tc := range []struct {
		what  string
		names []string
		src   lang.Sources
	}{
		{"edited rule file", names, edited},
		{"rule file added", added, src},
		{"rule file removed", names[1:], src},
	} {
		if _, _, _, err := embeddedParsed("10.6", tc.names, tc.src); err != errStale {
			t.Errorf("%s: err %v, want errStale", tc.what, err)
		}
		if _, _, err := parsedHeader("10.6", sourcesStamp(tc.names, tc.src)); err != errStale {
			t.Errorf("parsedHeader, %s: err %v, want errStale", tc.what, err)
		}
	}
	if _, _, err := parsedHeader("10.6", sourcesStamp(names, src)); err != nil {
		t.Errorf("parsedHeader with the files' stamp: %v", err)
	}
	for _, cut := range []int{0, 1, len(rest) / 3, len(rest) / 2, len(rest) - 1} {
		if _, err := decodeGuide(rest[:cut], src); err == nil {
			t.Errorf("cut at %d: decoded", cut)
		}
	}
	// The rules and lead times end before the half (the test cases are
	// last): without the tests too, a cut there is damage.
	for _, cut := range []int{0, 1, len(rest) / 3, len(rest) / 2} {
		if _, err := decodeGuideTests(rest[:cut], src, false); err == nil {
			t.Errorf("cut at %d: decoded without the tests", cut)
		}
	}
	// Damage anywhere gives an error or a guide, never a panic.
	for i := 0; i < len(rest); i += 97 {
		damaged := []byte(string(rest))
		damaged[i] ^= 0xff
		decodeGuide(string(damaged), src)             //nolint:errcheck // only that it returns
		decodeGuideTests(string(damaged), src, false) //nolint:errcheck // only that it returns
	}
}

// embeddedParsed returns the header and the encoded model of the
// generated form of v, when there is one that matches the rule files.
func embeddedParsed(v string, names []string, src lang.Sources) (date, title, rest string, err error) {
	data, ok := rules.Parsed(v)
	if !ok {
		return "", "", "", fs.ErrNotExist
	}
	return splitGenerated(data, sourcesStamp(names, src))
}

// copyNodePositions gives the nodes of the decoded condition model,
// which should have none, the positions of those of from (the same
// tree, as Check made it), and reports whether model had none.
func copyNodePositions(model, from *typed) bool {
	if model == nil || from == nil {
		return true
	}
	none := model.pos == (lang.Pos{})
	model.pos = from.pos
	for i := range model.args {
		if i < len(from.args) && !copyNodePositions(model.args[i], from.args[i]) {
			none = false
		}
	}
	return none
}
