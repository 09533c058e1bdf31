package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime"
	evalout "github.com/rcc/svfrules/runtime/output"
	"github.com/rcc/svfrules/runtime/report"
)

// synthetic is a finding svfrules makes itself, not a rule of the files:
// its id is printed like a rule's, so explain must know it too.
type synthetic struct {
	id, name, text, do string
	ref                string // the guide section, "" when the finding rests on none
	// reason: a report's reason for leaving a lead time out, not a
	// finding of eval.
	reason bool
	sev    compiler.Severity // the finding's; the zero value is an error
}

// synthetics are the findings of the evaluator and the readers, and the
// report's reason for leaving a lead time out that is no rule (the other
// reasons are the rules flera_avslutskoder and avslut_fore_start), by id.
func synthetics() []synthetic {
	u, d := runtime.UnknownPathwayRule, runtime.DuplicateRule
	return []synthetic{
		{id: evalout.IncompleteRule, name: msg.ExplainIncompleteName, text: msg.ExplainIncompleteText, do: msg.ExplainIncompleteDo},
		{id: evalout.RejectedRowRule, name: msg.ExplainRejectedName, text: msg.ExplainRejectedText, do: msg.ExplainRejectedDo},
		{id: u.ID, name: msg.ExplainUnknownPathwayName, text: u.Message, do: msg.ExplainUnknownPathwayDo, ref: u.Ref},
		{id: d.ID, name: d.Name, text: d.Message, do: msg.ExplainDuplicateDo, ref: d.Ref, sev: d.Severity},
		{id: runtime.CaseIDsNotice, name: msg.ExplainCaseIDsName, text: msg.ExplainCaseIDsText, do: msg.ExplainCaseIDsDo, sev: compiler.SevInfo},
		{id: report.ExcludedFromCodeAbsent, name: msg.ExplainFromAbsentName, text: msg.ExplainFromAbsentText, do: msg.ExplainFromAbsentDo, reason: true},
	}
}

// explainID explains an id that is not a code: a rule, a lead time
// (national or local), a pathway key or prefix, or a finding of
// svfrules' own. An id
// of an earlier or later embedded version is explained from the newest
// version that has it, saying so. Anything else is exit 2 with the
// nearest id.
func (c *cli) explainID(cmd *command, rs *ruleSet, arg string) int {
	id := strings.ToLower(strings.TrimSpace(arg))
	if explainIn(c.stdout, rs, id) {
		return exitOK
	}
	for _, s := range synthetics() {
		if s.id == id {
			explainSynthetic(c.stdout, rs.guide, s)
			return exitOK
		}
	}
	if explainChange(c.stdout, id) { // a change kind or level of diff
		return exitOK
	}
	// Another embedded version, the newest first.
	versions := rules.Versions()
	var have []string
	var found *ruleSet
	for i := len(versions) - 1; i >= 0; i-- {
		v := versions[i]
		if rs.display == "rules/"+v { // looked in already
			continue
		}
		other := embeddedRuleSet(v)
		if other != nil && knows(other.guide, id) {
			have = append(have, v)
			if found == nil {
				found = other
			}
		}
	}
	if found != nil {
		slices.Reverse(have)
		fmt.Fprintf(c.stdout, msg.ExplainOtherVersion, rs.guide.Version, strings.Join(have, ", "), found.guide.Version)
		explainIn(c.stdout, found, id)
		return exitOK
	}
	fmt.Fprintf(c.stderr, "svfrules %s: "+msg.ExplainUnknownID+"\n", cmd.name, arg, rs.guide.Version)
	if s := lang.Suggest(id, knownIDs(rs.guide)); s != "" {
		fmt.Fprintf(c.stderr, msg.ExplainDidYouMean+"\n", s)
	}
	fmt.Fprintln(c.stderr, msg.ExplainHowTo)
	return exitUsage
}

// embeddedRuleSet loads an embedded version, or nil when it does not
// compile (a test holds every embedded version to compiling).
func embeddedRuleSet(v string) *ruleSet {
	rs := &ruleSet{display: "rules/" + v}
	rs.guide, rs.diags, rs.src = compiler.LoadEmbedded(v)
	if rs.guide == nil {
		return nil
	}
	return rs
}

// knows reports whether id is a rule, lead time or pathway key of g.
func knows(g *compiler.Guide, id string) bool {
	return g.Rule(id) != nil || g.LeadTime(id) != nil || g.Pathway(id) != nil || g.PathwayByPrefix(strings.ToUpper(id)) != nil
}

// knownIDs are the ids explain accepts in g, for the nearest-id hint.
func knownIDs(g *compiler.Guide) []string {
	var ids []string
	for _, r := range g.Rules {
		ids = append(ids, r.ID)
	}
	for _, lt := range g.LeadTimes {
		ids = append(ids, lt.ID)
	}
	for _, lt := range g.LocalLeadTimes {
		ids = append(ids, lt.ID)
	}
	for _, p := range g.Pathways {
		ids = append(ids, p.Key)
	}
	for _, s := range synthetics() {
		ids = append(ids, s.id)
	}
	return append(ids, changeIDs()...)
}

// explainIn explains id from rs, and reports whether rs has it.
func explainIn(w io.Writer, rs *ruleSet, id string) bool {
	g := rs.guide
	if r := g.Rule(id); r != nil {
		explainRule(w, rs, r)
		return true
	}
	if lt := g.LeadTime(id); lt != nil {
		explainLeadTime(w, rs, lt)
		return true
	}
	p := g.Pathway(id)
	if p == nil { // the prefix the output shows beside the name: VL2
		p = g.PathwayByPrefix(strings.ToUpper(id))
	}
	if p != nil {
		explainPathway(w, g, p)
		return true
	}
	return false
}

// explainRule writes what a rule checks, the guide's words it rests on,
// where it applies and what to do about its findings.
func explainRule(w io.Writer, rs *ruleSet, r *compiler.Rule) {
	g := rs.guide
	fmt.Fprintf(w, msg.ExplainRuleHead, r.Label(), r.Severity.Describe(), g.Version, g.Date)
	fmt.Fprint(w, msg.ExplainMessage)
	fmt.Fprintln(w, indent(r.Message, "  "))
	if r.Section != "" {
		fmt.Fprint(w, msg.ExplainSection)
		fmt.Fprintln(w, indent(r.Section, "  "))
	}
	if len(r.Quotes) > 0 {
		fmt.Fprint(w, msg.ExplainQuotes)
		for _, q := range r.Quotes {
			fmt.Fprintf(w, "  ”%s”\n", q)
		}
	}
	for _, n := range r.GuideNotes {
		fmt.Fprintf(w, msg.ExplainNote, "VXX"+n.Code.Suffix, n.Code.Name, noteHeading(n))
		fmt.Fprintln(w, indent(n.Text, "  "))
	}
	writeApplies(w, g, r.Pathways)
	writeCanFire(w, g, r)
	fmt.Fprint(w, msg.ExplainWhatToDo)
	do := msg.ExplainDoInfo
	switch r.Severity {
	case compiler.SevError:
		do = msg.ExplainDoError
	case compiler.SevWarning:
		do = msg.ExplainDoWarning
	}
	fmt.Fprintln(w, indent(do, "  "))
	if r.When != nil {
		fmt.Fprintf(w, msg.ExplainCondition, whenText(rs, r.When.Pos), r.Pos)
	}
}

// noteHeading is how the guide heads a note: its own heading, else its
// pathways' names, else "Allmänt".
func noteHeading(n *compiler.Note) string {
	if n.Heading != "" {
		return n.Heading
	}
	if len(n.Pathways) == 0 {
		return msg.ExplainNoteGeneral
	}
	var names []string
	for _, p := range n.Pathways {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}

// writeApplies names the pathways a rule applies to (none: all of them).
func writeApplies(w io.Writer, g *compiler.Guide, pathways []*compiler.Pathway) {
	if len(pathways) == 0 {
		fmt.Fprintf(w, msg.ExplainAllPathways, len(g.Pathways))
		return
	}
	fmt.Fprintf(w, msg.ExplainSomePathways, len(pathways), len(g.Pathways))
	for _, p := range pathways {
		fmt.Fprintf(w, "  - %s (%s)\n", p.Name, p.PrefixLabel())
	}
}

// writeCanFire names, when the tables narrow it, the pathways where the
// rule can give a finding to an episode coded as the tables allow: a rule
// checked in all 30 pathways may need a code that only three allow.
func writeCanFire(w io.Writer, g *compiler.Guide, r *compiler.Rule) {
	can := g.CanFireIn(r)
	all := len(r.Pathways)
	if all == 0 {
		all = len(g.Pathways)
	}
	if len(can) == all {
		return
	}
	fmt.Fprintf(w, msg.ExplainCanFireIn, len(can))
	for _, p := range can {
		fmt.Fprintf(w, "  - %s (%s)\n", p.Name, p.PrefixLabel())
	}
}

// explainLeadTime writes a lead time: its pathway, codes, condition,
// target and source.
func explainLeadTime(w io.Writer, rs *ruleSet, lt *compiler.LeadTime) {
	g := rs.guide
	fmt.Fprintf(w, msg.ExplainLeadTimeHead, lt.Name, lt.ID, g.Version, g.Date)
	if lt.Local {
		fmt.Fprint(w, msg.ExplainLeadTimeLocal)
	} else {
		fmt.Fprint(w, msg.ExplainLeadTimeNational)
	}
	fmt.Fprintf(w, msg.ExplainLeadTimePathway, lt.Pathway.Name, lt.Pathway.PrefixLabel())
	fmt.Fprintf(w, msg.ExplainLeadTimeSpan, lt.FromOcc.Describe()+lt.From, lt.ToOcc.Describe()+strings.Join(lt.To, ", "))
	if lt.When != nil {
		fmt.Fprintf(w, msg.ExplainLeadTimeWhen, whenText(rs, lt.When.Pos))
	}
	if lt.HasTarget {
		fmt.Fprintf(w, msg.ExplainLeadTimeTarget, lt.Target)
	} else {
		fmt.Fprint(w, msg.ExplainLeadTimeNoTarget)
	}
	if lt.Section != "" {
		fmt.Fprint(w, msg.ExplainLeadTimeSource)
		fmt.Fprintln(w, indent(lt.Section, "  "))
		for _, q := range lt.Quotes {
			fmt.Fprintf(w, "  ”%s”\n", q)
		}
	}
	fmt.Fprint(w, msg.ExplainWhatToDo)
	fmt.Fprintln(w, indent(msg.ExplainLeadTimeDo, "  "))
	fmt.Fprintf(w, msg.ExplainPlace, lt.Pos)
}

// explainPathway writes a pathway: prefixes, ICD-10, how many table codes
// it may use, the rules of its own and its lead times.
func explainPathway(w io.Writer, g *compiler.Guide, p *compiler.Pathway) {
	fmt.Fprintf(w, msg.ExplainPathwayHead, p.Name, p.PrefixLabel(), p.Key, g.Version, g.Date)
	if len(p.ICD10) > 0 {
		fmt.Fprintf(w, msg.ExplainPathwayICD, strings.Join(p.ICD10, ", "))
	}
	table := g.TableCodes()
	allowed := 0
	for _, code := range table {
		if ok, _ := g.Allowed(p, code); ok {
			allowed++
		}
	}
	fmt.Fprintf(w, msg.ExplainPathwayCodes, allowed, len(table))
	general := 0
	var own []string
	for _, r := range g.Rules {
		switch {
		case len(r.Pathways) == 0:
			general++
		case r.AppliesTo(p):
			own = append(own, r.Label())
		}
	}
	if len(own) > 0 {
		fmt.Fprint(w, msg.ExplainPathwayRules)
		writeList(w, own)
	}
	fmt.Fprintf(w, msg.ExplainPathwayGeneral, general)
	lts := func(defs []*compiler.LeadTime) []string {
		var out []string
		for _, lt := range defs {
			if lt.Pathway != p {
				continue
			}
			target := msg.ExplainLeadTimeNoTarget
			if lt.HasTarget {
				target = fmt.Sprintf(msg.ExplainLeadTimeTarget, lt.Target)
			}
			out = append(out, lt.Name+" ("+lt.ID+"); "+strings.TrimSuffix(target, "\n"))
		}
		return out
	}
	national, local := lts(g.LeadTimes), lts(g.LocalLeadTimes)
	if len(national) == 0 && len(local) == 0 {
		fmt.Fprint(w, msg.ExplainPathwayNoLeadTimes)
		return
	}
	if len(national) > 0 {
		fmt.Fprint(w, msg.ExplainPathwayLeadTimes)
		writeList(w, national)
	}
	if len(local) > 0 {
		fmt.Fprint(w, msg.ExplainPathwayLocal)
		writeList(w, local)
	}
}

// explainSynthetic writes a finding svfrules makes itself.
func explainSynthetic(w io.Writer, g *compiler.Guide, s synthetic) {
	if s.reason {
		fmt.Fprintf(w, msg.ExplainReasonHead, s.name+" ("+s.id+")", g.Version, g.Date)
	} else {
		fmt.Fprintf(w, msg.ExplainSyntheticHead, s.name+" ("+s.id+")", s.sev.Describe(), g.Version, g.Date)
	}
	fmt.Fprint(w, msg.ExplainMessage)
	fmt.Fprintln(w, indent(s.text, "  "))
	if s.ref != "" {
		fmt.Fprint(w, msg.ExplainSection)
		fmt.Fprintf(w, "  "+msg.ExplainGuideSection+"\n", g.Version, s.ref)
	}
	writeApplies(w, g, nil)
	fmt.Fprint(w, msg.ExplainWhatToDo)
	fmt.Fprintln(w, indent(s.do, "  "))
}
