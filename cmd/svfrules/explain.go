package main

import (
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"

	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/lang"
)

var explainCommand = &command{
	name:    "explain",
	summary: msg.ExplainSummary,
	usage:   msg.ExplainUsage,
	help:    msg.ExplainHelp,
	run:     runExplain,
}

var explainPattern = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^(?:VXX|XX|(V[A-Z][0-9A-Z]))?([0-9]{2})$`) }}

func runExplain(c *cli, cmd *command, args []string) int {
	o, rest, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(rest) != 1 {
		return c.usageError(cmd, msg.ExplainOneCode)
	}
	arg := strings.ToUpper(strings.TrimSpace(rest[0]))
	m := explainPattern.Get().FindStringSubmatch(arg)
	rs, code, ok := c.loadOrReport(cmd, o)
	if !ok {
		return code
	}
	if m == nil { // not a code: an id the tool prints
		return c.explainID(cmd, rs, rest[0])
	}
	g := rs.guide
	var pw *compiler.Pathway
	if m[1] != "" {
		pw = g.PathwayByPrefix(m[1])
		if pw == nil {
			var prefixes []string
			for _, p := range g.Pathways {
				prefixes = append(prefixes, p.Prefixes...)
			}
			fmt.Fprintf(c.stderr, msg.ExplainNoPrefix+"\n", m[1], g.Version)
			if dym := lang.DidYouMean(m[1], prefixes); dym != "" {
				fmt.Fprintln(c.stderr, dym)
			}
			return exitUsage
		}
	}
	n, _ := strconv.Atoi(m[2])
	def := g.Code(n)
	if def == nil {
		fmt.Fprintf(c.stderr, msg.ExplainNoCode+"\n", g.Version, arg, m[2])
		return exitUsage
	}
	explain(c.stdout, rs, def, pw, m[1])
	return exitOK
}

// explain writes what the guide says about code; pw and prefix are the
// pathway and the prefix the user typed (VN6 of VN660), or nil and "".
func explain(w io.Writer, rs *ruleSet, code *compiler.Code, pw *compiler.Pathway, prefix string) {
	g := rs.guide
	title := "VXX" + code.Suffix
	name := code.Name
	if pw != nil {
		title = prefix + code.Suffix
		name = code.LocalName(pw)
	}
	fmt.Fprintf(w, "%s – %s\n", title, name)
	fmt.Fprintf(w, "Kodningsvägledning %s (%s)\n\n", g.Version, g.Date)
	if pw != nil {
		fmt.Fprintf(w, "Vårdförlopp: %s (%s)\n", pw.Name, pw.PrefixLabel())
		if name != code.Name {
			fmt.Fprintf(w, "Generellt namn: VXX%s – %s\n", code.Suffix, code.Name)
		}
	}
	fmt.Fprintf(w, "Slag: %s\n", code.Kind.Describe())
	for _, ln := range code.LocalNames {
		if pw == nil {
			fmt.Fprintf(w, "Eget namn: %s – %s\n", ln.Code, ln.Name)
		}
	}

	// Where the code may be used.
	switch {
	case !code.Table:
		fmt.Fprintf(w, "Gäller: i samtliga förlopp (ingen tabell)\n")
	case pw != nil:
		ok, q := g.Allowed(pw, code)
		switch {
		case ok && q != nil:
			fmt.Fprintf(w, "Tabell: tillåten i %s med kvalificering %s: %s\n", pw.Name, q.Name, q.Legend)
		case ok:
			fmt.Fprintf(w, "Tabell: tillåten i %s\n", pw.Name)
		default:
			fmt.Fprintf(w, "Tabell: INTE tillåten i %s (ej förkryssad)\n", pw.Name)
		}
	default:
		var yes, no []string
		quals := map[*compiler.Qualifier]bool{}
		for _, p := range g.Pathways {
			cell := code.Cells[p.Index]
			switch {
			case cell.Allowed && cell.Qualifier != nil:
				yes = append(yes, p.Name+" ("+cell.Qualifier.Name+")")
				quals[cell.Qualifier] = true
			case cell.Allowed:
				yes = append(yes, p.Name)
			default:
				no = append(no, p.Name)
			}
		}
		fmt.Fprintf(w, "Tillåten i %d av %d förlopp:\n", len(yes), len(g.Pathways))
		writeList(w, yes)
		if len(no) > 0 {
			fmt.Fprintf(w, "Inte tillåten i:\n")
			writeList(w, no)
		}
		for _, q := range g.Qualifiers {
			if quals[q] {
				fmt.Fprintf(w, "%s: %s\n", q.Name, q.Legend)
			}
		}
	}
	if code.Description != "" {
		fmt.Fprintf(w, "\nBeskrivning:\n%s\n", indent(code.Description, "  "))
	}

	// Exception texts: for one pathway, its own notes and the general ones.
	var notes []*compiler.Note
	for _, n := range code.Notes {
		if pw == nil || len(n.Pathways) == 0 || containsPathway(n.Pathways, pw) {
			notes = append(notes, n)
		}
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, "\nFörtydliganden eller avvikelser:\n")
		for _, n := range notes {
			head := n.Heading
			if head == "" && len(n.Pathways) > 0 {
				var names []string
				for _, p := range n.Pathways {
					names = append(names, p.Name)
				}
				head = strings.Join(names, ", ")
			}
			if head == "" {
				head = "Allmänt"
			}
			fmt.Fprintf(w, "  %s (%s)\n%s\n", head, n.Pos, indent(n.Text, "    "))
		}
	}

	// Rules that name the code, and rules over sets that hold it.
	var direct, viaSet []string
	for _, r := range g.Rules {
		if pw != nil && !r.AppliesTo(pw) {
			continue
		}
		if mentionsCode(r.Mentions, code, pw) {
			direct = append(direct, describeRule(rs, r))
		} else if sets := setsHolding(r.Mentions, code); len(sets) > 0 {
			viaSet = append(viaSet, fmt.Sprintf("%s: %s, via %s", r.Label(), r.Severity.Describe(), strings.Join(sets, ", ")))
		}
	}
	if len(direct) > 0 {
		fmt.Fprintf(w, "\nRegler som nämner koden:\n%s", strings.Join(direct, ""))
	}
	if len(viaSet) > 0 {
		fmt.Fprintf(w, "\nRegler över kodmängder som omfattar koden:\n")
		writeList(w, viaSet)
	}

	leadTimes := func(defs []*compiler.LeadTime) []string {
		var lts []string
		for _, lt := range defs {
			if pw != nil && lt.Pathway != pw {
				continue
			}
			if !mentionsCode(append([]string{lt.From}, lt.To...), code, pw) {
				continue
			}
			target := "inget mål (optimal ledtid kan ej anges)"
			if lt.HasTarget {
				target = fmt.Sprintf("%d kalenderdagar", lt.Target)
			}
			s := fmt.Sprintf("  %s (%s): %s\n    %s: från %s%s till %s%s", lt.ID, lt.Pos, lt.Name, lt.Pathway.Name,
				lt.FromOcc.Describe(), lt.From, lt.ToOcc.Describe(), strings.Join(lt.To, ", "))
			if lt.When != nil {
				s += " när " + whenText(rs, lt.When.Pos)
			}
			lts = append(lts, s+"; mål: "+target+"\n")
		}
		return lts
	}
	if lts := leadTimes(g.LeadTimes); len(lts) > 0 {
		fmt.Fprintf(w, "\nLedtider:\n%s", strings.Join(lts, ""))
	}
	// The recommended times between intermediate steps (local lead
	// times), apart: they are not part of the national measure.
	if lts := leadTimes(g.LocalLeadTimes); len(lts) > 0 {
		fmt.Fprintf(w, "\nLokala ledtider (ingår inte i den nationella mätningen):\n%s", strings.Join(lts, ""))
	}
}

func describeRule(rs *ruleSet, r *compiler.Rule) string {
	s := fmt.Sprintf("  %s: %s, %s\n%s\n", r.Label(), r.Severity.Describe(), r.Pos, indent(r.Message, "    "))
	if r.When != nil {
		s += "    när: " + whenText(rs, r.When.Pos) + "\n"
	}
	return s
}

// whenText is the condition as written on its line in the rule file.
func whenText(rs *ruleSet, p lexer.Position) string {
	text, _ := rs.src.Line(p.Filename, p.Line)
	text = strings.TrimSpace(text)
	text = strings.TrimPrefix(text, "when ")
	if i := strings.Index(text, " #"); i >= 0 && !strings.Contains(text[:i], `"`) {
		text = text[:i]
	}
	return strings.TrimSpace(text)
}

func mentionsCode(mentions []string, code *compiler.Code, pw *compiler.Pathway) bool {
	for _, m := range mentions {
		if len(m) < 4 || !strings.HasSuffix(m, code.Suffix) {
			continue
		}
		pre := m[:len(m)-2]
		switch {
		case pre == "XX" || pre == "VXX":
			return true
		case len(pre) == 3 && pre[0] == 'V':
			if pw == nil {
				return true
			}
			for _, p := range pw.Prefixes {
				if p == pre {
					return true
				}
			}
		}
	}
	return false
}

// setsHolding lists the named code sets among mentions that hold code by
// its kind.
func setsHolding(mentions []string, code *compiler.Code) []string {
	var out []string
	for _, m := range mentions {
		switch m {
		case "closing":
			if code.Kind.Closing() {
				out = append(out, msg.ExplainSetClosing)
			}
		case "start", "mandatory", "treatment", "other_reason", "voluntary":
			if m == code.Kind.String() {
				out = append(out, fmt.Sprintf(msg.ExplainSetKind, code.Kind.Describe()))
			}
		}
	}
	return out
}

func containsPathway(list []*compiler.Pathway, p *compiler.Pathway) bool {
	for _, x := range list {
		if x == p {
			return true
		}
	}
	return false
}

func writeList(w io.Writer, items []string) {
	for _, s := range items {
		fmt.Fprintf(w, "  - %s\n", s)
	}
}

func indent(text, prefix string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}
