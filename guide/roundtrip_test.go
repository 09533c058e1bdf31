package guide_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/guide"
	"github.com/rcc/svfrules/internal/seedtext"
	"github.com/rcc/svfrules/rules"
)

// The round trip: guide 10.6 rendered from the rule files as text must
// hold the plain-text guide it was transcribed from (seed 000), word for
// word: every heading, every paragraph of the body (descriptions,
// "Förtydliganden eller avvikelser", the sections' text), every table
// cell and legend, every line of "Kodernas uppbyggnad", and the change
// log's entries for the versions that have rule folders, in the guide's
// order. The body may hold nothing the guide does not.

// seedNameAliases are the guide's spelling slips in pathway names inside
// its tables, mapped to the names of "Kodernas uppbyggnad" that the rule
// files use (compiler/seed_test.go has the same list). Explicit, so that
// a new slip fails rather than being guessed at.
var seedNameAliases = map[string]string{
	"Hjärtumörer":                   "Hjärntumörer",
	"Njuncancer":                    "Njurcancer",
	"Myeloproliferativ neoplas":     "Myeloproliferativ neoplasia",
	"Myeloproliferativ neoplasi":    "Myeloproliferativ neoplasia",
	"Allvarliga ospecifika symptom": "Allvarliga ospecifika symtom",
}

// Where the compared parts start and end, as whole lines (the table of
// contents repeats the headings with a tab and a page number, so an exact
// line is the body's heading).
const (
	bodyStart      = "Användning av KVÅ-kodning för uppföljning av SVF"
	changesHeading = "Förändringar jämfört med tidigare versioner"
)

// dateLineRE is a change-log entry's date heading.
var dateLineRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// item is one compared unit: its kind, its normalised text and the line
// it starts on.
type item struct {
	kind string // heading (a code heading), cell, prefix, legend, text
	text string
	line int
}

func (it item) String() string { return fmt.Sprintf("line %d: %s %q", it.line, it.kind, it.text) }

var (
	codeHeadingRE = regexp.MustCompile(`^VXX\d\d – `)
	cellRE        = regexp.MustCompile(`^([xX]?)\t(.+?)(?: \((kur|all)\))?$`)
	prefixRE      = regexp.MustCompile(`^(V[A-Z]\d(?:/V[A-Z]\d)*)\t(.+)$`)
	legendRE      = regexp.MustCompile(`^(kur|all): (.+)$`)
	// A list item whose whole text is a bold heading ("- **Bröstcancer:**"):
	// the extraction's form of a pathway heading in a list.
	boldItemRE = regexp.MustCompile(`^- \*\*(.+?):?\*\*$`)
	itemRE     = regexp.MustCompile(`^\s*- (.*)$`)
	linkRE     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	spaceRE    = regexp.MustCompile(`\s+`)
)

// normalise removes what the text extraction added (link syntax, emphasis
// marks) and collapses white space.
func normalise(s string) string {
	s = linkRE.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "*", "")
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// items splits lines[from:to] into items. Consecutive plain lines form
// one paragraph; a blank line ends it. A paragraph cut by a page break
// (it ends in a letter and the next starts in lower case) is joined, and
// counted in joins.
func items(lines []string, from, to int) (out []item, joins int) {
	var para []string
	paraLine := 0
	code := "" // the code heading the items are under, for cells
	flush := func() {
		if len(para) == 0 {
			return
		}
		text := normalise(strings.Join(para, " "))
		para = nil
		if n := len(out); n > 0 && out[n-1].kind == "text" && endsInLetter(out[n-1].text) && startsLower(text) {
			out[n-1].text += " " + text
			joins++
			return
		}
		kind := "text"
		if codeHeadingRE.MatchString(text) {
			kind = "heading"
			code = text[:len("VXX00")]
		}
		out = append(out, item{kind: kind, text: text, line: paraLine})
	}
	for i := from; i < to; i++ {
		l := strings.TrimRight(lines[i], " \t\r")
		n := i + 1
		switch m := []string(nil); {
		case strings.TrimSpace(l) == "":
			flush()
		case cellRE.MatchString(l):
			flush()
			m = cellRE.FindStringSubmatch(l)
			name := m[2]
			if canon, ok := seedNameAliases[name]; ok {
				name = canon
			}
			cell := code + ": " + strings.ToLower(m[1]) + "|" + name
			if m[3] != "" {
				cell += " (" + m[3] + ")"
			}
			out = append(out, item{kind: "cell", text: cell, line: n})
		case prefixRE.MatchString(l):
			flush()
			m = prefixRE.FindStringSubmatch(l)
			out = append(out, item{kind: "prefix", text: m[1] + " " + m[2], line: n})
		case legendRE.MatchString(l):
			flush()
			out = append(out, item{kind: "legend", text: l, line: n})
		case boldItemRE.MatchString(l):
			flush()
			m = boldItemRE.FindStringSubmatch(l)
			out = append(out, item{kind: "text", text: normalise(m[1]), line: n})
		case itemRE.MatchString(l):
			flush()
			m = itemRE.FindStringSubmatch(l)
			out = append(out, item{kind: "item", text: normalise(m[1]), line: n})
		default:
			if len(para) == 0 {
				paraLine = n
			}
			para = append(para, l)
		}
	}
	flush()
	return out, joins
}

func endsInLetter(s string) bool {
	r := []rune(s)
	return len(r) > 0 && (r[len(r)-1] >= 'a' && r[len(r)-1] <= 'z' || strings.ContainsRune("åäö", r[len(r)-1]))
}

func startsLower(s string) bool {
	r := []rune(s)
	return len(r) > 0 && (r[0] >= 'a' && r[0] <= 'z' || strings.ContainsRune("åäö", r[0]))
}

// lineIndex returns the index of the first line from start that is
// exactly s (or matches it as a regexp when re is set), or -1.
func lineIndex(lines []string, start int, s string, re bool) int {
	var rx *regexp.Regexp
	if re {
		rx = regexp.MustCompile(s)
	}
	for i := start; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \t\r")
		if re && rx.MatchString(l) || !re && l == s {
			return i
		}
	}
	return -1
}

// parts are the compared parts of a guide text: the body and the change
// log.
type parts struct {
	body, changes []item
	joins         int
}

// split finds the body and the change log in a guide text. The change
// log's compared part ends before the first entry dated before since
// ("" runs to the end).
func split(t *testing.T, name, text, since string) parts {
	t.Helper()
	lines := strings.Split(text, "\n")
	start := lineIndex(lines, 0, bodyStart, false)
	mid := lineIndex(lines, max(start, 0), changesHeading, false)
	if start < 0 || mid < 0 {
		t.Fatalf("%s: no line %q followed by %q", name, bodyStart, changesHeading)
	}
	end := len(lines)
	if since != "" {
		for i := mid + 1; i < len(lines); i++ {
			if l := strings.TrimSpace(lines[i]); dateLineRE.MatchString(l) && l < since {
				end = i
				break
			}
		}
		if end == len(lines) {
			t.Fatalf("%s: no change-log entry dated before %s", name, since)
		}
	}
	var p parts
	p.body, p.joins = items(lines, start, mid)
	p.changes, _ = items(lines, mid+1, end)
	return p
}

// compareInOrder lists every item of want that is not in the longest
// common subsequence of want and got (an alignment, so that one missing
// item does not make the rest look out of order), saying whether got
// has it elsewhere.
func compareInOrder(want, got []item) []string {
	key := func(it item) string { return it.kind + "\x00" + it.text }
	// lcs[i][j] is the length of the longest common subsequence of
	// want[i:] and got[j:].
	lcs := make([][]int32, len(want)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(got)+1)
	}
	for i := len(want) - 1; i >= 0; i-- {
		for j := len(got) - 1; j >= 0; j-- {
			switch {
			case key(want[i]) == key(got[j]):
				lcs[i][j] = lcs[i+1][j+1] + 1
			case lcs[i+1][j] >= lcs[i][j+1]:
				lcs[i][j] = lcs[i+1][j]
			default:
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	where := map[string]item{}
	for _, g := range got {
		if _, ok := where[key(g)]; !ok {
			where[key(g)] = g
		}
	}
	var diffs []string
	for i, j := 0, 0; i < len(want); {
		switch {
		case j < len(got) && key(want[i]) == key(got[j]):
			i++
			j++
		case j < len(got) && lcs[i][j+1] >= lcs[i+1][j]:
			j++
		default:
			if g, ok := where[key(want[i])]; ok {
				diffs = append(diffs, fmt.Sprintf("guide %s: out of order (the rendered guide has it at %s)", want[i], g))
			} else {
				diffs = append(diffs, fmt.Sprintf("guide %s: missing from the rendered guide", want[i]))
			}
			i++
		}
	}
	return diffs
}

// extra lists the items of got that want does not have at all.
func extra(want, got []item) []string {
	have := map[string]bool{}
	for _, w := range want {
		have[w.kind+"\x00"+w.text] = true
	}
	var out []string
	for _, g := range got {
		if !have[g.kind+"\x00"+g.text] {
			out = append(out, fmt.Sprintf("rendered %s: not in the guide", g))
		}
	}
	return out
}

func loadSeed(t *testing.T) string {
	t.Helper()
	return string(seedtext.Read(t, "run the round trip"))
}

// render renders an embedded version as text, with the embedded history.
func render(t *testing.T, version string, opts guide.Options) string {
	t.Helper()
	g := load(t, version)
	if opts.History.Versions == nil && !opts.History.OneFolder {
		for _, v := range rules.Versions() {
			if rules.CompareVersions(v, version) <= 0 {
				opts.History.Versions = append(opts.History.Versions, load(t, v))
			}
		}
	}
	var buf bytes.Buffer
	if err := guide.WriteText(&buf, guide.Build(g, opts)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func load(t *testing.T, version string) *compiler.Guide {
	t.Helper()
	g, diags, _ := compiler.Load(rules.FS(), version, "rules/"+version)
	if g == nil {
		t.Fatalf("guide %s does not compile: %v", version, diags)
	}
	return g
}

// roundTrip compares a rendered text with the seed and returns the
// differences.
func roundTrip(t *testing.T, seedText, rendered string) (diffs []string, seed parts) {
	t.Helper()
	// The oldest change-log entry the rule folders have: the seed's log is
	// compared from the newest entry down to that one.
	since := ""
	for _, v := range rules.Versions() {
		if g := load(t, v); g.ChangeLog != nil {
			since = g.ChangeLog.Date
			break
		}
	}
	if since == "" {
		t.Fatal("no embedded version has a change-log entry")
	}
	seed = split(t, "seed", seedText, since)
	got := split(t, "rendered", rendered, "")
	diffs = append(diffs, compareInOrder(seed.body, got.body)...)
	diffs = append(diffs, extra(seed.body, got.body)...)
	diffs = append(diffs, compareInOrder(seed.changes, got.changes)...)
	return diffs, seed
}

func TestRoundTrip(t *testing.T) {
	seedText := loadSeed(t)
	diffs, seed := roundTrip(t, seedText, render(t, "10.6", guide.Options{}))
	for _, d := range diffs {
		t.Error(d)
	}
	// Guard the extraction: it must see the whole guide, or the test would
	// pass on a seed it no longer understands.
	count := map[string]int{}
	for _, it := range seed.body {
		count[it.kind]++
	}
	for _, it := range seed.changes {
		count[it.kind]++
	}
	want := map[string]int{"heading": 24, "cell": 480, "prefix": 30, "legend": 4}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("seed: %d %s items, want %d", count[k], k, n)
		}
	}
	if count["text"] < 200 || count["item"] < 20 {
		t.Errorf("seed: %d paragraphs and %d list items: the extraction lost the text", count["text"], count["item"])
	}
	if seed.joins != 1 {
		t.Errorf("seed: %d paragraphs joined across a page break, want 1 (VXX78, prostatacancer)", seed.joins)
	}
	t.Logf("compared %d body items and %d change-log items: %v", len(seed.body), len(seed.changes), count)
}

// TestRoundTripDetects proves the round trip can fail: a changed word, a
// changed cell, a dropped note and two notes swapped are each reported.
func TestRoundTripDetects(t *testing.T) {
	seedText := loadSeed(t)
	good := render(t, "10.6", guide.Options{})
	tests := []struct {
		name     string
		old, new string
		want     string
	}{
		{"word", "Koden ska även användas vid TACE.", "Koden ska även användas vid TAC.", `text "Koden ska även användas vid TACE.": missing`},
		{"cell", "x\tHjärntumörer\n\tHudmelanom\n\tHuvud- och halscancer\nx\tLevercancer\n", "x\tHjärntumörer\n\tHudmelanom\n\tHuvud- och halscancer\n\tLevercancer\n", `cell "VXX44: x|Levercancer": missing`},
		{"heading", "\nVXX59 – Start av första behandling, annan\n\nDatum", "\nVXX59 – Start av första behandling, övrig\n\nDatum", `heading "VXX59 – Start av första behandling, annan": missing`},
		{"change log", "inklusion i kliniska studier tillagt som exempel.", "kliniska studier.", `item "VXX74 – Andra medicinska skäl: inklusion i kliniska studier tillagt som exempel.": missing`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Count(good, tc.old) != 1 {
				t.Fatalf("the rendered guide has %q %d times, want once", tc.old, strings.Count(good, tc.old))
			}
			diffs, _ := roundTrip(t, seedText, strings.Replace(good, tc.old, tc.new, 1))
			joined := strings.Join(diffs, "\n")
			if !strings.Contains(joined, tc.want) {
				t.Fatalf("want a difference containing %q, got:\n%s", tc.want, joined)
			}
		})
	}
	t.Run("swapped notes", func(t *testing.T) {
		a := "Levercancer\n\nKoden ska även användas vid TACE.\n\n"
		b := "Matstrups- och magsäckscancer\n\nAnvänds inte för kombinerad behandling (radiokemoterapi), se nedan kod VB054 – Start av första behandling, strålning.\n\n"
		if !strings.Contains(good, a+b) {
			t.Fatal("the rendered guide does not have the two notes of VXX52 in a row")
		}
		diffs, _ := roundTrip(t, seedText, strings.Replace(good, a+b, b+a, 1))
		if !strings.Contains(strings.Join(diffs, "\n"), "out of order") {
			t.Fatalf("want an out-of-order difference, got:\n%s", strings.Join(diffs, "\n"))
		}
	})
	t.Run("invented paragraph", func(t *testing.T) {
		diffs, _ := roundTrip(t, seedText, strings.Replace(good, "Koden ska även användas vid TACE.\n", "Koden ska även användas vid TACE.\n\nEn påhittad mening.\n", 1))
		if !strings.Contains(strings.Join(diffs, "\n"), `text "En påhittad mening.": not in the guide`) {
			t.Fatalf("want the invented paragraph reported, got:\n%s", strings.Join(diffs, "\n"))
		}
	})
}

// Every version's change-log entry lies between its own date and the next
// version's (10.5's entry, 2024-02-08, is three days after its version's
// date), so a folder copied with its predecessor's entry is caught.
func TestChangeLogDates(t *testing.T) {
	vs := rules.Versions()
	for i, v := range vs {
		g := load(t, v)
		if g.ChangeLog == nil {
			t.Errorf("guide %s: no changelog entry in the header", v)
			continue
		}
		next := "9999-12-31"
		if i+1 < len(vs) {
			next = load(t, vs[i+1]).Date
		}
		if d := g.ChangeLog.Date; d < g.Date || d >= next {
			t.Errorf("guide %s (%s): change-log entry dated %s, want from %s up to the next version's date %s", v, g.Date, d, g.Date, next)
		}
	}
}
