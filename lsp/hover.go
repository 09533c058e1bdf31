package lsp

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
)

// docs are the Swedish texts of the attributes, functions and code sets,
// by name, for hover and completion; made when first read, as the other
// tables of the language server are, not at every start of svfrules
// (issue 16).
var (
	attrDocs = lazy.Value[map[string]string]{New: func() map[string]string {
		return map[string]string{
			"age": msg.LSPDocAge, "sex": msg.LSPDocSex, "county": msg.LSPDocCounty, "region": msg.LSPDocRegion,
			"referring_region": msg.LSPDocReferringRegion, "diagnosis": msg.LSPDocDiagnosis, "intent": msg.LSPDocIntent,
		}
	}}
	funcDocs = lazy.Value[map[string]string]{New: func() map[string]string {
		return map[string]string{
			"has": msg.LSPDocHas, "count": msg.LSPDocCount, "first": msg.LSPDocFirst, "last": msg.LSPDocLast,
			"prefixes": msg.LSPDocPrefixes, "days": msg.LSPDocDays, "known": msg.LSPDocKnown,
			"icd10_in": msg.LSPDocICD10In, "icd10_scope": msg.LSPDocICD10Scope, "qualified": msg.LSPDocQualified,
		}
	}}
	setDocs = lazy.Value[map[string]string]{New: func() map[string]string {
		return map[string]string{
			"start": msg.LSPDocSetStart, "mandatory": msg.LSPDocSetMandatory, "treatment": msg.LSPDocSetTreatment,
			"other_reason": msg.LSPDocSetOtherReason, "closing": msg.LSPDocSetClosing, "voluntary": msg.LSPDocSetVoluntary,
			"codes": msg.LSPDocSetCodes, "unknown": msg.LSPDocSetUnknown, "disallowed": msg.LSPDocSetDisallowed,
			"foreign": msg.LSPDocSetForeign,
		}
	}}
	severityWords = lazy.Value[map[compiler.Severity]string]{New: func() map[compiler.Severity]string {
		return map[compiler.Severity]string{
			compiler.SevError: msg.LSPSeverityError, compiler.SevWarning: msg.LSPSeverityWarning, compiler.SevInfo: msg.LSPSeverityInfo,
		}
	}}
)

// refAt returns what the word at a protocol position of the open
// document uri refers to, with the document's tokens and its folder's
// last check; ok is false when there is nothing there.
func (s *Server) refAt(uri protocol.DocumentUri, p protocol.Position) (r ref, lx *lexed, d *document, snap *snapshot, ok bool) {
	d, snap = s.docIn(uri)
	if d == nil {
		return ref{}, nil, nil, nil, false
	}
	starts := lineStarts(d.text)
	line, _, okLine := lineOf(d.text, starts, int(p.Line))
	if !okLine {
		return ref{}, nil, d, snap, false
	}
	lx = lex(d.path, d.text)
	i := lx.at(int(p.Line)+1, unitsToRuneColumn(line, int(p.Character)))
	var g *compiler.Guide
	if snap != nil {
		g = snap.guide
	}
	r = lx.classify(i, g)
	return r, lx, d, snap, r.kind != refNone
}

func (s *Server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	r, _, d, snap, ok := s.refAt(p.TextDocument.URI, p.Position)
	if !ok {
		return nil, nil
	}
	var g *compiler.Guide
	if snap != nil {
		g = snap.guide
	}
	text := hoverText(r, g)
	if text == "" {
		return nil, nil
	}
	rg := tokenRange(d.text, r)
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: text}, Range: &rg}, nil
}

// tokenRange is the protocol range of r's token in text.
func tokenRange(text string, r ref) protocol.Range {
	starts := lineStarts(text)
	return protocol.Range{
		Start: positionOf(text, starts, r.tok.Offset),
		End:   positionOf(text, starts, r.tok.Offset+len(r.tok.Text)),
	}
}

// hoverText is the Markdown shown for r, or "" when there is nothing to
// say (an unknown name: its diagnostic says that).
func hoverText(r ref, g *compiler.Guide) string {
	switch r.kind {
	case refAttr:
		return attrDocs.Get()[r.name]
	case refFunc:
		return funcDocs.Get()[r.name]
	case refSet:
		return setDocs.Get()[r.name]
	}
	if g == nil {
		return ""
	}
	switch r.kind {
	case refPathway:
		if p := g.Pathway(r.name); p != nil {
			return pathwayHover(g, p)
		}
	case refCode:
		return codeHover(g, r.name)
	case refRule:
		if rule := g.Rule(r.name); rule != nil {
			return ruleHover(rule)
		}
	case refLeadTime:
		if lt := g.LeadTime(r.name); lt != nil {
			return leadTimeHover(lt)
		}
	case refQualifier:
		if q := g.Qualifier(r.name); q != nil {
			return fmt.Sprintf(msg.LSPHoverQualifier, q.Name, q.Legend)
		}
	}
	return ""
}

func pathwayHover(g *compiler.Guide, p *compiler.Pathway) string {
	parts := []string{
		fmt.Sprintf(msg.LSPHoverPathway, p.Name, p.Key),
		fmt.Sprintf(msg.LSPHoverPrefixes, strings.Join(p.Prefixes, ", ")),
	}
	if len(p.ICD10) > 0 {
		parts = append(parts, fmt.Sprintf(msg.LSPHoverICD10, strings.Join(p.ICD10, ", ")))
	}
	var lts []string
	for _, list := range [][]*compiler.LeadTime{g.LeadTimes, g.LocalLeadTimes} {
		for _, lt := range list {
			if lt.Pathway == p {
				lts = append(lts, fmt.Sprintf(msg.LSPHoverLeadTimeItem, lt.ID, lt.Name, target(lt)))
			}
		}
	}
	if len(lts) == 0 {
		parts = append(parts, msg.LSPHoverNoLeadTimes)
	} else {
		parts = append(parts, msg.LSPHoverLeadTimes+"\n"+strings.Join(lts, "\n"))
	}
	return strings.Join(parts, "\n\n")
}

// target says a lead time's target in words.
func target(lt *compiler.LeadTime) string {
	s := msg.LSPHoverTargetNone
	switch {
	case lt.HasTarget && lt.Target == 1:
		s = msg.LSPHoverTargetDay
	case lt.HasTarget:
		s = fmt.Sprintf(msg.LSPHoverTargetDays, lt.Target)
	}
	if lt.Local {
		s += msg.LSPHoverLocal
	}
	return s
}

// codeOf resolves a code as written (XX44, VXX44, VL244, 44) to the
// code and, for one pathway's code, the pathway.
func codeOf(g *compiler.Guide, written string) (*compiler.Code, *compiler.Pathway) {
	if len(written) < 2 {
		return nil, nil
	}
	n, err := strconv.Atoi(written[len(written)-2:])
	if err != nil {
		return nil, nil
	}
	c := g.Code(n)
	if c == nil {
		return nil, nil
	}
	pre := written[:len(written)-2]
	if pre == "" || pre == "XX" || pre == "VXX" {
		return c, nil
	}
	p := g.PathwayByPrefix(pre)
	if p == nil {
		return nil, nil
	}
	return c, p
}

func codeHover(g *compiler.Guide, written string) string {
	c, p := codeOf(g, written)
	if c == nil {
		return ""
	}
	if p != nil {
		return codeInPathwayHover(g, c, p, written)
	}
	parts := []string{fmt.Sprintf(msg.LSPHoverCode, c.Suffix, c.Name, c.Kind.Describe())}
	if c.Description != "" {
		parts = append(parts, c.Description)
	}
	if !c.Table {
		parts = append(parts, msg.LSPHoverAllowedEverywhere)
	} else {
		var allowed []string
		for _, pw := range g.Pathways {
			ok, q := cell(g, c, pw)
			if !ok {
				continue
			}
			label := pw.PrefixLabel()
			if q != nil {
				label += ", " + q.Name
			}
			allowed = append(allowed, fmt.Sprintf("%s (%s)", pw.Name, label))
		}
		if len(allowed) == 0 {
			parts = append(parts, msg.LSPHoverAllowedNowhere)
		} else {
			parts = append(parts, fmt.Sprintf(msg.LSPHoverAllowedIn, strings.Join(allowed, ", ")))
		}
	}
	var about []string
	seen := map[string]bool{}
	for _, n := range c.Notes {
		names := []string{msg.LSPHoverNoteGeneral}
		if len(n.Pathways) > 0 {
			names = names[:0]
			for _, pw := range n.Pathways {
				names = append(names, pw.Name)
			}
		}
		for _, name := range names {
			if !seen[name] {
				seen[name] = true
				about = append(about, name)
			}
		}
	}
	if len(about) > 0 {
		parts = append(parts, fmt.Sprintf(msg.LSPHoverNotesFor, strings.Join(about, ", ")))
	}
	return strings.Join(parts, "\n\n")
}

// cell is the table cell of c for p; a code without a table is allowed
// everywhere. A model from a check with errors may lack cells.
func cell(g *compiler.Guide, c *compiler.Code, p *compiler.Pathway) (bool, *compiler.Qualifier) {
	if c.Table && p.Index >= len(c.Cells) {
		return false, nil
	}
	return g.Allowed(p, c)
}

func codeInPathwayHover(g *compiler.Guide, c *compiler.Code, p *compiler.Pathway, written string) string {
	parts := []string{fmt.Sprintf(msg.LSPHoverCodeIn, written, c.LocalName(p), p.Name, p.PrefixLabel(), c.Kind.Describe())}
	switch ok, q := cell(g, c, p); {
	case !ok:
		parts = append(parts, fmt.Sprintf(msg.LSPHoverNotAllowedHere, c.Suffix))
	case q != nil:
		parts = append(parts, fmt.Sprintf(msg.LSPHoverAllowedHereQualified, q.Name, q.Legend))
	default:
		parts = append(parts, msg.LSPHoverAllowedHere)
	}
	for _, n := range c.Notes {
		about := len(n.Pathways) == 0
		for _, pw := range n.Pathways {
			about = about || pw == p
		}
		if !about {
			continue
		}
		heading := n.Heading
		if heading == "" {
			heading = msg.LSPHoverNoteGeneral
			if len(n.Pathways) > 0 {
				heading = p.Name
			}
		}
		parts = append(parts, fmt.Sprintf(msg.LSPHoverNote, heading)+"\n\n"+quote(n.Text))
	}
	return strings.Join(parts, "\n\n")
}

// quote makes text a Markdown block quote.
func quote(text string) string {
	return "> " + strings.ReplaceAll(text, "\n", "\n> ")
}

func ruleHover(r *compiler.Rule) string {
	head := fmt.Sprintf(msg.LSPHoverRuleNoName, r.ID)
	if r.Name != "" {
		head = fmt.Sprintf(msg.LSPHoverRule, r.ID, r.Name)
	}
	applies := msg.LSPHoverAllPathways
	if len(r.Pathways) > 0 {
		var names []string
		for _, p := range r.Pathways {
			names = append(names, p.Name)
		}
		applies = strings.Join(names, ", ")
	}
	parts := []string{head,
		fmt.Sprintf(msg.LSPHoverSeverity, severityWords.Get()[r.Severity]),
		fmt.Sprintf(msg.LSPHoverAppliesTo, applies),
		fmt.Sprintf(msg.LSPHoverMessage, r.Message)}
	if r.Ref != "" {
		parts = append(parts, fmt.Sprintf(msg.LSPHoverRef, r.Ref))
	}
	return strings.Join(parts, "\n\n")
}

func leadTimeHover(lt *compiler.LeadTime) string {
	pathway := ""
	if lt.Pathway != nil {
		pathway = lt.Pathway.Name
	}
	from := lt.FromOcc.Keyword() + lt.From
	var to []string
	for _, c := range lt.To {
		to = append(to, lt.ToOcc.Keyword()+c)
	}
	parts := []string{fmt.Sprintf(msg.LSPHoverLeadTime, lt.ID, lt.Name),
		fmt.Sprintf(msg.LSPHoverLeadTimeSpan, from, strings.Join(to, ", "), pathway),
		target(lt)}
	if lt.Ref != "" {
		parts = append(parts, fmt.Sprintf(msg.LSPHoverRef, lt.Ref))
	}
	return strings.Join(parts, "\n\n")
}
