package compiler

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rcc/svfrules/internal/seedtext"
)

// seedTableCodes are the codes that have a table in guide 10.6, in the
// guide's order. Every other code is valid in every pathway.
var seedTableCodes = []int{10, 91, 44, 50, 52, 54, 58, 59, 60, 73, 70, 72, 74, 76, 78, 22}

// seedPathwayCount is how many pathways guide 10.6 lists, so how many rows
// every table has.
const seedPathwayCount = 30

// seedNameAliases maps the spelling slips the guide makes in pathway names
// inside its tables to the canonical names of "Kodernas uppbyggnad". The
// map is explicit on purpose: a new slip (or a renamed pathway) must fail
// the test rather than be guessed at.
var seedNameAliases = map[string]string{
	"Hjärtumörer":                   "Hjärntumörer",
	"Njuncancer":                    "Njurcancer",
	"Myeloproliferativ neoplas":     "Myeloproliferativ neoplasia",
	"Myeloproliferativ neoplasi":    "Myeloproliferativ neoplasia",
	"Allvarliga ospecifika symptom": "Allvarliga ospecifika symtom",
}

// The seed's layout, after PDF extraction lost the tables' grid.
var (
	// A code heading; the table of contents repeats the headings with a tab
	// and a page number, which the [^\t] excludes.
	seedHeadingRE = regexp.MustCompile(`^VXX(\d\d) – ([^\t]+)$`)
	// A table row: an optional mark, a tab, the pathway name and an
	// optional qualifier.
	seedRowRE = regexp.MustCompile(`^([xX]?)\t(.+?)(?: \((kur|all)\))?$`)
	// A qualifier legend printed under a table.
	seedLegendRE = regexp.MustCompile(`^(kur|all): (.+)$`)
	// A pathway under "Kodernas uppbyggnad": its prefixes and name.
	seedPathwayRE = regexp.MustCompile(`^(V[A-Z]\d(?:/V[A-Z]\d)*)\t(.+)$`)
)

// seedPathway is one pathway as "Kodernas uppbyggnad" lists it.
type seedPathway struct {
	Prefixes []string
	Name     string
	Line     int
}

// seedRow is one table row as the guide prints it.
type seedRow struct {
	Written   string // the name as printed, slips included
	Name      string // the canonical name (after seedNameAliases)
	Allowed   bool
	Qualifier string // "" when none
	Line      int
}

// seedTable is the table of one code.
type seedTable struct {
	Code int
	Line int // of the heading
	Rows []seedRow
}

// seedGuide is what the plain-text guide says about pathways and tables,
// read without looking at the rule files.
type seedGuide struct {
	Pathways []seedPathway
	Tables   []seedTable
	Legends  map[string]string
}

// parseSeedGuide reads the tables out of the plain-text guide. It is
// deliberately independent of the lang and compiler packages so that a
// mistake in the rule files cannot be hidden by the same mistake here.
func parseSeedGuide(data []byte) (*seedGuide, error) {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		// The extraction leaves trailing blanks (a tab after the legends).
		lines = append(lines, strings.TrimRight(sc.Text(), " \t\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	s := &seedGuide{Legends: map[string]string{}}

	// The pathway list: the lines after the heading "Kodernas uppbyggnad"
	// (the body heading has no page number) up to the first code heading.
	in := false
	for i, l := range lines {
		if l == "Kodernas uppbyggnad" {
			in = true
			continue
		}
		if !in {
			continue
		}
		if seedHeadingRE.MatchString(l) {
			break
		}
		if m := seedPathwayRE.FindStringSubmatch(l); m != nil {
			s.Pathways = append(s.Pathways, seedPathway{Prefixes: strings.Split(m[1], "/"), Name: m[2], Line: i + 1})
		}
	}
	if len(s.Pathways) != seedPathwayCount {
		return nil, fmt.Errorf("found %d pathways under \"Kodernas uppbyggnad\", want %d", len(s.Pathways), seedPathwayCount)
	}

	// The first body heading of each code, then its rows.
	headings := map[int]int{} // code → line index
	for i, l := range lines {
		if m := seedHeadingRE.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[1])
			if _, seen := headings[n]; !seen {
				headings[n] = i
			}
		}
	}
	for _, code := range seedTableCodes {
		at, ok := headings[code]
		if !ok {
			return nil, fmt.Errorf("no heading \"VXX%02d – …\" in the guide", code)
		}
		t := seedTable{Code: code, Line: at + 1}
		// The next 30 row-shaped lines, without running into the next code.
		for i := at + 1; i < len(lines) && len(t.Rows) < seedPathwayCount; i++ {
			if seedHeadingRE.MatchString(lines[i]) {
				break
			}
			m := seedRowRE.FindStringSubmatch(lines[i])
			if m == nil {
				continue
			}
			name := m[2]
			if canon, ok := seedNameAliases[name]; ok {
				name = canon
			}
			t.Rows = append(t.Rows, seedRow{Written: m[2], Name: name, Allowed: m[1] != "", Qualifier: m[3], Line: i + 1})
		}
		if len(t.Rows) != seedPathwayCount {
			return nil, fmt.Errorf("VXX%02d (line %d): found %d table rows before the next code, want %d", code, t.Line, len(t.Rows), seedPathwayCount)
		}
		s.Tables = append(s.Tables, t)
	}

	// The legends are printed under every table that uses the qualifier;
	// the copies must agree or the guide itself is ambiguous.
	for i, l := range lines {
		if m := seedLegendRE.FindStringSubmatch(l); m != nil {
			if prev, ok := s.Legends[m[1]]; ok && prev != m[2] {
				return nil, fmt.Errorf("line %d: legend %q differs from an earlier one: %q vs %q", i+1, m[1], m[2], prev)
			}
			s.Legends[m[1]] = m[2]
		}
	}
	return s, nil
}

// markWord says a cell's mark as the guide prints it.
func markWord(allowed bool) string {
	if allowed {
		return "x"
	}
	return "-"
}

// compareTables compares the pathways, tables and qualifier legends of the
// guide text with the checked model and returns one message per mismatch.
// Cell messages start "VXXnn <pathway name>: " so that a failure names the
// code and the pathway, then give the guide's and the model's value.
func compareTables(seed *seedGuide, g *Guide) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }

	// Pathways: names, order and prefixes as "Kodernas uppbyggnad" has them.
	if len(g.Pathways) != len(seed.Pathways) {
		bad("pathways: guide text lists %d, model has %d", len(seed.Pathways), len(g.Pathways))
	}
	byName := map[string]*Pathway{}
	for _, p := range g.Pathways {
		byName[p.Name] = p
	}
	for i, sp := range seed.Pathways {
		if i >= len(g.Pathways) {
			break
		}
		p := g.Pathways[i]
		if p.Name != sp.Name {
			bad("pathway #%d: guide text (line %d) says %q, model has %q (%s)", i+1, sp.Line, sp.Name, p.Name, p.Pos)
		}
		if strings.Join(p.Prefixes, "/") != strings.Join(sp.Prefixes, "/") {
			bad("pathway %s: prefixes: guide text (line %d) says %s, model has %s (%s)", sp.Name, sp.Line, strings.Join(sp.Prefixes, "/"), p.PrefixLabel(), p.Pos)
		}
	}

	// Tables: exactly the seed's codes have one, and every cell agrees.
	tabled := map[int]bool{}
	checked := 0
	for _, st := range seed.Tables {
		tabled[st.Code] = true
		c := g.Code(st.Code)
		switch {
		case c == nil:
			bad("VXX%02d: the guide text has a table (line %d), the model has no such code", st.Code, st.Line)
			continue
		case !c.Table:
			bad("VXX%02d: the guide text has a table (line %d), the model's code has none (%s)", st.Code, st.Line, c.Pos)
			continue
		}
		for i, r := range st.Rows {
			p := byName[r.Name]
			if p == nil {
				bad("VXX%02d %s: guide text line %d names a pathway the model does not have (add a spelling slip to seedNameAliases only if it is one)", st.Code, r.Written, r.Line)
				continue
			}
			if p.Index != i {
				bad("VXX%02d %s: row order: guide text has it as row %d (line %d), model pathway order has it as %d", st.Code, r.Name, i+1, r.Line, p.Index+1)
			}
			if p.Index >= len(c.Cells) {
				bad("VXX%02d %s: model table has %d cells, no cell for pathway #%d (%s)", st.Code, r.Name, len(c.Cells), p.Index+1, c.Pos)
				continue
			}
			cell := c.Cells[p.Index]
			checked++
			if cell.Allowed != r.Allowed {
				bad("VXX%02d %s: mark: guide text line %d says %s, model says %s (%s)", st.Code, r.Name, r.Line, markWord(r.Allowed), markWord(cell.Allowed), cell.Pos)
			}
			got := ""
			if cell.Qualifier != nil {
				got = cell.Qualifier.Name
			}
			if got != r.Qualifier {
				bad("VXX%02d %s: qualifier: guide text line %d says %q, model says %q (%s)", st.Code, r.Name, r.Line, r.Qualifier, got, cell.Pos)
			}
		}
	}
	if want := len(seedTableCodes) * seedPathwayCount; checked != want {
		bad("checked %d table cells, want %d (%d codes × %d pathways)", checked, want, len(seedTableCodes), seedPathwayCount)
	}
	for _, c := range g.Codes {
		if c.Table && !tabled[c.Num] {
			bad("VXX%s: the model has a table, the guide text has none (%s)", c.Suffix, c.Pos)
		}
	}

	// Qualifiers: the same names with the same legends.
	for name, legend := range seed.Legends {
		q := g.Qualifier(name)
		switch {
		case q == nil:
			bad("qualifier %s: the guide text has the legend %q, the model has no such qualifier", name, legend)
		case q.Legend != legend:
			bad("qualifier %s: legend: guide text says %q, model says %q (%s)", name, legend, q.Legend, q.Pos)
		}
	}
	for _, q := range g.Qualifiers {
		if _, ok := seed.Legends[q.Name]; !ok {
			bad("qualifier %s: the model has it, the guide text has no legend for it (%s)", q.Name, q.Pos)
		}
	}
	return out
}

// loadSeedGuide reads and parses the guide text, skipping the test when the
// shared folder is not checked out beside the repository.
func loadSeedGuide(t *testing.T) *seedGuide {
	t.Helper()
	data := seedtext.Read(t, "compare the tables with it")
	s, err := parseSeedGuide(data)
	if err != nil {
		t.Fatalf("%s: %v", seedtext.Path(), err)
	}
	return s
}

// TestTablesMatchGuideText holds the transcription of rules/10.6 to the
// guide it transcribes: every one of the 480 table cells, the pathway list
// with its prefixes, and the qualifier legends.
func TestTablesMatchGuideText(t *testing.T) {
	seed := loadSeedGuide(t)
	g := loadEmbedded(t, "10.6")
	for _, msg := range compareTables(seed, g) {
		t.Error(msg)
	}
	// Guard the parser as well: a layout change in the seed that made it
	// see fewer qualifiers would otherwise pass silently.
	if len(seed.Legends) != 2 {
		t.Errorf("guide text: found legends %v, want kur and all", seed.Legends)
	}
}

// TestCompareTablesDetectsAChangedCell proves TestTablesMatchGuideText can
// fail: a single changed cell in the model must be reported, and nothing
// else.
func TestCompareTablesDetectsAChangedCell(t *testing.T) {
	seed := loadSeedGuide(t)
	tests := []struct {
		name    string
		code    int
		pathway string
		change  func(g *Guide, cell *Cell)
		want    string // what the one message must say besides code and pathway
	}{
		{"flip mark", 50, "hudmelanom", func(g *Guide, c *Cell) { c.Allowed = !c.Allowed }, "mark: "},
		{"drop qualifier", 50, "peniscancer", func(g *Guide, c *Cell) { c.Qualifier = nil }, `qualifier: guide text line`},
		{"swap qualifier", 58, "peniscancer", func(g *Guide, c *Cell) { c.Qualifier = g.Qualifier("kur") }, `model says "kur"`},
		{"add qualifier", 10, "akuta_leukemier", func(g *Guide, c *Cell) { c.Qualifier = g.Qualifier("all") }, `says "", model says "all"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := loadEmbedded(t, "10.6")
			if msgs := compareTables(seed, g); len(msgs) != 0 {
				t.Fatalf("unchanged model already differs: %v", msgs)
			}
			c, p := g.Code(tc.code), g.Pathway(tc.pathway)
			if c == nil || p == nil || !c.Table {
				t.Fatalf("code %d or pathway %s missing from the model", tc.code, tc.pathway)
			}
			// Work on a copy so the change cannot leak through shared cells.
			c.Cells = append([]Cell(nil), c.Cells...)
			tc.change(g, &c.Cells[p.Index])

			msgs := compareTables(seed, g)
			prefix := fmt.Sprintf("VXX%02d %s: ", tc.code, p.Name)
			if len(msgs) != 1 || !strings.HasPrefix(msgs[0], prefix) || !strings.Contains(msgs[0], tc.want) {
				t.Fatalf("want exactly one message starting %q containing %q, got %d:\n%s", prefix, tc.want, len(msgs), strings.Join(msgs, "\n"))
			}
			t.Logf("reported: %s", msgs[0])
		})
	}
}
