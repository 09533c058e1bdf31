package compiler

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rcc/svfrules/rules"
)

// checksDocPath is the traceability table: every checkable statement of
// the guide and the pathway descriptions with the rule or lead time that
// enforces it.
const checksDocPath = "../docs/checks.md"

// seedPaths are the source texts the table quotes, beside the repository
// as in CI (see seed_test.go).
var seedPaths = []string{
	"../../shared/seeds/000_eeb2fd4c2fffc3c9.txt",
	"../../shared/seeds/001_d813d23301083600.txt",
	"../../shared/seeds/002_fdee288905db32b2.txt",
}

var (
	docRow   = regexp.MustCompile(`^\| (N?\d+) \|`)
	docRef   = regexp.MustCompile("(rule|leadtime|code) `(\\w+)` \\((rules/10\\.6/[\\w.]+\\.svf):(\\d+)\\)")
	docQuote = regexp.MustCompile(`"([^"]+)"`)
)

// checksDocProblems lists how the table doc and the rule set g disagree:
// a rule or lead time without a row, a row naming a rule, lead time or
// code that does not exist or stands at another line, fewer than 28
// checkable statements, a row of the second table without a reason, and,
// when seeds is not empty, a quoted fragment that is not in the sources.
func checksDocProblems(doc string, g *Guide, seeds string) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	named := map[string]bool{}
	checkable := 0
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	seeds = norm(seeds)
	for n, line := range strings.Split(doc, "\n") {
		m := docRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		cells := strings.Split(strings.Trim(line, "| "), " | ")
		if len(cells) != 4 {
			bad("line %d: %d cells, want 4", n+1, len(cells))
			continue
		}
		if strings.HasPrefix(m[1], "N") {
			if strings.TrimSpace(cells[3]) == "" {
				bad("line %d: no reason why row %s is not checkable", n+1, m[1])
			}
		} else {
			checkable++
		}
		for _, ref := range docRef.FindAllStringSubmatch(cells[3], -1) {
			kind, id, file := ref[1], ref[2], ref[3]
			lineNo, _ := strconv.Atoi(ref[4])
			var pos, what string
			switch kind {
			case "rule":
				if r := g.Rule(id); r != nil {
					pos = r.Pos.File + ":" + strconv.Itoa(r.Pos.Line)
				}
				what = "rule " + id
			case "leadtime":
				if lt := g.LeadTime(id); lt != nil {
					pos = lt.Pos.File + ":" + strconv.Itoa(lt.Pos.Line)
				}
				what = "lead time " + id
			case "code":
				if num, err := strconv.Atoi(id); err == nil && g.Code(num) != nil {
					pos = g.Code(num).Pos.File + ":" + strconv.Itoa(g.Code(num).Pos.Line)
				}
				what = "code " + id
			}
			switch {
			case pos == "":
				bad("line %d: row %s names %s, which rules/10.6 does not have", n+1, m[1], what)
			case pos != file+":"+strconv.Itoa(lineNo):
				bad("line %d: row %s says %s is at %s:%d; it is at %s", n+1, m[1], what, file, lineNo, pos)
			}
			named[kind+" "+id] = true
		}
		if seeds == "" {
			continue
		}
		for _, q := range docQuote.FindAllStringSubmatch(cells[2], -1) {
			for _, frag := range strings.Split(q[1], "…") {
				frag = norm(frag)
				if len([]rune(frag)) >= 12 && !strings.Contains(seeds, frag) {
					bad("line %d: row %s quotes %q, which is not in the sources", n+1, m[1], frag)
				}
			}
		}
	}
	for _, r := range g.Rules {
		if !named["rule "+r.ID] {
			bad("rule %s (%s) has no row in docs/checks.md", r.ID, r.Pos)
		}
	}
	for _, lt := range append(append([]*LeadTime(nil), g.LeadTimes...), g.LocalLeadTimes...) {
		if !named["leadtime "+lt.ID] {
			bad("lead time %s (%s) has no row in docs/checks.md", lt.ID, lt.Pos)
		}
	}
	if checkable < 28 {
		bad("%d checkable statements, want at least 28", checkable)
	}
	return problems
}

// TestChecksDocument keeps docs/checks.md and rules/10.6 in step, and
// holds its quotations to the guide's text when the seeds are there.
func TestChecksDocument(t *testing.T) {
	doc, err := os.ReadFile(checksDocPath)
	if err != nil {
		t.Fatal(err)
	}
	var seeds strings.Builder
	for _, p := range seedPaths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Logf("%s not found: the quotations are not compared with the sources", p)
			seeds.Reset()
			break
		}
		seeds.Write(b)
		seeds.WriteString("\n")
	}
	g := loadEmbedded(t, "10.6")
	for _, p := range checksDocProblems(string(doc), g, seeds.String()) {
		t.Error(p)
	}
}

// TestChecksDocumentCatchesDrift: the check finds a rule without a row, a
// row naming a rule that does not exist, a wrong line and a misquotation.
func TestChecksDocumentCatchesDrift(t *testing.T) {
	doc, err := os.ReadFile(checksDocPath)
	if err != nil {
		t.Fatal(err)
	}
	g := loadEmbedded(t, "10.6")
	r := g.Rule("startkod_saknas")
	ref := fmt.Sprintf("rule `startkod_saknas` (%s:%d)", r.Pos.File, r.Pos.Line)
	if !strings.Contains(string(doc), ref) {
		t.Fatalf("docs/checks.md does not name %s", ref)
	}
	cases := []struct {
		name, old, new, want string
	}{
		{"rule without a row", ref, "—", "rule startkod_saknas (" + r.Pos.String() + ") has no row in docs/checks.md"},
		{"row names a rule that does not exist", ref, "rule `startkod_saknaz` (rules/10.6/regler.svf:32)", "names rule startkod_saknaz, which rules/10.6 does not have"},
		{"row gives another line", ref, fmt.Sprintf("rule `startkod_saknas` (%s:%d)", r.Pos.File, r.Pos.Line+1), fmt.Sprintf("says rule startkod_saknas is at %s:%d; it is at %s:%d", r.Pos.File, r.Pos.Line+1, r.Pos.File, r.Pos.Line)},
		{"misquotation", `"Mätningen förutsätter att varje förlopp startas med kod VXX10`, `"Mätningen förutsätter att varje förlopp alltid startas med kod VXX10`, "which is not in the sources"},
	}
	seeds := "Mätningen förutsätter att varje förlopp startas med kod VXX10 – Beslut välgrundad misstanke"
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			changed := strings.Replace(string(doc), tc.old, tc.new, 1)
			s := ""
			if tc.name == "misquotation" {
				s = seeds
			}
			problems := strings.Join(checksDocProblems(changed, g, s), "\n")
			if !strings.Contains(problems, tc.want) {
				t.Errorf("problems\n%s\ndo not say %q", problems, tc.want)
			}
		})
	}
}

// TestEveryRuleAndLeadTimeIsTested: in every embedded version, each rule
// is expected to fire by at least one test case, and each lead time,
// national or local, is expected with its days by at least one, so that
// no rule or lead time stands in the rule files untried.
func TestEveryRuleAndLeadTimeIsTested(t *testing.T) {
	for _, v := range rules.Versions() {
		g := loadEmbedded(t, v)
		fired, measured := map[string]bool{}, map[string]bool{}
		for _, tc := range g.Tests {
			for _, x := range tc.Expect {
				switch x.Kind {
				case ExpectFindings:
					for _, id := range x.IDs {
						fired[id] = true
					}
				case ExpectLeadTime:
					measured[x.ID] = true
				}
			}
		}
		for _, r := range g.Rules {
			if !fired[r.ID] {
				t.Errorf("%s: no test expects rule %s to fire (%s)", v, r.ID, r.Pos)
			}
		}
		for _, lt := range append(append([]*LeadTime(nil), g.LeadTimes...), g.LocalLeadTimes...) {
			if !measured[lt.ID] {
				t.Errorf("%s: no test expects lead time %s (%s)", v, lt.ID, lt.Pos)
			}
		}
	}
}
