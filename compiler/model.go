// Package compiler turns parsed rule files into a checked model of one
// guide version (what the guide says: pathways, codes, tables, notes, rules,
// lead times, tests) and into a compiled Program for the evaluator, with
// every code and name resolved ahead of time.
//
// Data flows one way: lang.File (AST) → Check → *Guide (model) → Compile →
// *Program (closures).
package compiler

import (
	"sync"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// Guide is the checked model of one guide version.
type Guide struct {
	Version string
	Date    string // YYYY-MM-DD
	Title   string
	Sources []string
	Notes   []string // header notes, e.g. how a version was reconstructed
	// ChangeLog is the version's entry in the guide's change log, nil
	// when the header has no `changelog`.
	ChangeLog *ChangeLog
	Pos       lang.Pos
	// Places are where the header's one-line properties are written, by
	// keyword ("date", "title"), so that a change points at its line.
	Places map[string]lang.Pos

	// Sections are the guide's text outside the codes (chapter headings
	// and their text, "Kodernas uppbyggnad"), in declaration order; empty
	// when the folder has none. When there are sections, every code is in
	// exactly one of them.
	Sections []*Section
	// VersionPos is where the version is written in the header (its
	// opening quote); SourcePos where each of Sources is, for the lint.
	VersionPos lang.Pos
	SourcePos  []lang.Pos

	Qualifiers []*Qualifier
	Pathways   []*Pathway // in declaration order
	Codes      []*Code    // in declaration order
	Rules      []*Rule
	// LeadTimes are the national lead times: from the start code to a
	// closing code, as the pathway descriptions define the national
	// measure and its 80 % goal.
	LeadTimes []*LeadTime
	// LocalLeadTimes are the lead times marked `local`: the recommended
	// times between intermediate steps ("Rekommenderade ledtider"), from
	// and to any code. They are never part of the national measure.
	LocalLeadTimes []*LeadTime
	Tests          []*Test

	// Files are the rule files the model was built from, by name.
	Files lang.Sources

	qualifiers map[string]*Qualifier
	pathways   map[string]*Pathway
	byPrefix   map[string]*Pathway
	codes      map[int]*Code
	rules      map[string]*Rule
	leadTimes  map[string]*LeadTime
	// lazyIndex: the maps above are made from the lists on the first
	// look-up (index), for a guide decoded for the commands that only
	// evaluate (LoadEmbeddedModel): eval never looks anything up by
	// name, and making them at every start was a tenth of decoding the
	// guide (issue 16).
	lazyIndex bool
	indexOnce sync.Once
}

// index makes the guide's maps by name, if they are made lazily and not
// yet.
func (g *Guide) index() {
	if g.lazyIndex {
		g.indexOnce.Do(g.makeIndex)
	}
}

// makeIndex makes the maps by name from the lists, as decoding the guide
// fully does.
func (g *Guide) makeIndex() {
	g.qualifiers = make(map[string]*Qualifier, len(g.Qualifiers))
	for _, q := range g.Qualifiers {
		g.qualifiers[q.Name] = q
	}
	g.pathways, g.byPrefix = make(map[string]*Pathway, len(g.Pathways)), make(map[string]*Pathway, len(g.Pathways)+len(g.Pathways)/4)
	for _, p := range g.Pathways {
		g.pathways[p.Key] = p
		for _, pre := range p.Prefixes {
			g.byPrefix[pre] = p
		}
	}
	g.codes = make(map[int]*Code, len(g.Codes))
	for _, c := range g.Codes {
		g.codes[c.Num] = c
	}
	g.rules = make(map[string]*Rule, len(g.Rules))
	for _, r := range g.Rules {
		g.rules[r.ID] = r
	}
	g.leadTimes = make(map[string]*LeadTime, len(g.LeadTimes)+len(g.LocalLeadTimes))
	for _, lts := range [][]*LeadTime{g.LeadTimes, g.LocalLeadTimes} {
		for _, lt := range lts {
			g.leadTimes[lt.ID] = lt
		}
	}
}

// ChangeLog is a version's entry in the guide's change log.
type ChangeLog struct {
	Date string // as the change log dates the entry; may differ from Guide.Date
	Text string // the bullets as the guide prints them
	Pos  lang.Pos
}

// Section is a part of the guide's text that is not a code: a heading,
// the text under it, then the pathway list or codes.
type Section struct {
	Heading  string
	Text     string
	Pathways bool    // the pathway list ("Kodernas uppbyggnad") follows the text
	Codes    []*Code // the codes that follow the text, in the order given
	Pos      lang.Pos
}

// Qualifier is a table qualifier such as `kur` or `all`.
type Qualifier struct {
	Name   string
	Legend string
	Pos    lang.Pos
}

// Pathway is one SVF pathway.
type Pathway struct {
	Index    int // position in Guide.Pathways
	Key      string
	Name     string
	Prefixes []string
	ICD10    []string
	Pos      lang.Pos
}

// PrefixLabel is the prefix as the guide writes it: "VL2" or "VN4/VN6".
func (p *Pathway) PrefixLabel() string {
	s := ""
	for i, x := range p.Prefixes {
		if i > 0 {
			s += "/"
		}
		s += x
	}
	return s
}

// Label is the pathway as people read it in lists: its name with the
// prefix beside it, "Hjärntumörer (VL2)", "Akuta leukemier (VN4/VN6)".
func (p *Pathway) Label() string { return p.Name + " (" + p.PrefixLabel() + ")" }

// Kind is what a code means for a pathway.
type Kind int

// The code kinds of the guide.
const (
	KindStart       Kind = iota // VXX10: starts the pathway
	KindMandatory               // mandatory when it happens (91, 44)
	KindTreatment               // closes the pathway at start of treatment
	KindOtherReason             // closes the pathway for another reason
	KindVoluntary               // for local follow-up only
)

// KindNames are the words the language uses for the kinds, by Kind.
var KindNames = []string{"start", "mandatory", "treatment", "other_reason", "voluntary"}

func (k Kind) String() string { return KindNames[k] }

// InKindSet reports whether a code of kind k is in the named code set
// name, for the sets that follow the codes' kinds (the KindNames and
// closing); known is false for the other names (codes, unknown,
// disallowed, foreign). The linter and the version diff read the sets
// so; Program.namedSet builds them.
func InKindSet(name string, k Kind) (in, known bool) {
	if name == "closing" {
		return k.Closing(), true
	}
	for i, n := range KindNames {
		if n == name {
			return k == Kind(i), true
		}
	}
	return false, false
}

// inKindSet is InKindSet without known.
func inKindSet(name string, k Kind) bool { in, _ := InKindSet(name, k); return in }

// Closing reports whether codes of this kind close a pathway.
func (k Kind) Closing() bool { return k == KindTreatment || k == KindOtherReason }

// Describe says the kind in Swedish words, for people.
func (k Kind) Describe() string {
	switch k {
	case KindStart:
		return "obligatorisk startkod"
	case KindMandatory:
		return "obligatorisk vid särskild händelse"
	case KindTreatment:
		return "avslutskod vid start av behandling"
	case KindOtherReason:
		return "avslutskod av annan orsak"
	}
	return "frivillig kod"
}

// Code is one code suffix (two digits) with everything the guide says
// about it.
type Code struct {
	Suffix      string // "50"
	Num         int    // 50
	Name        string
	Kind        Kind
	Table       bool // governed by a table; otherwise valid in every pathway
	Description string
	LocalNames  []LocalName
	// Cells is the table, indexed by Pathway.Index; nil when !Table.
	Cells []Cell
	Notes []*Note
	Pos   lang.Pos
	// Places are where the code's one-line properties are written, by
	// keyword ("kind", "scope", "description"), so that a change points
	// at its line rather than at the declaration.
	Places map[string]lang.Pos
}

// LocalName is a pathway-specific name of a code (VL244).
type LocalName struct {
	Code string
	Name string
	Pos  lang.Pos
}

// Cell is one table cell.
type Cell struct {
	Allowed   bool
	Qualifier *Qualifier // nil when the cell has none
	Pos       lang.Pos
}

// Note is an exception text attached to a code and, unless general, to
// pathways.
type Note struct {
	Code     *Code
	Pathways []*Pathway // empty: the note is about the code in general
	// PathwayPos is where each of Pathways is written on the note line.
	PathwayPos []lang.Pos
	Heading    string
	Text       string
	// BeforeTable: the note is written before the code's table, so the
	// rendered guide prints it between the description and the table, as
	// the guide does with code 44's general note.
	BeforeTable bool
	Pos         lang.Pos
}

// Severity of a rule's finding.
type Severity int

// The severities of findings.
const (
	SevError Severity = iota
	SevWarning
	SevInfo
)

// SeverityNames are the words for the severities, by Severity.
var SeverityNames = []string{"error", "warning", "info"}

func (s Severity) String() string { return SeverityNames[s] }

// Describe is the severity in Swedish, for people: fel, varning,
// information.
func (s Severity) Describe() string {
	switch s {
	case SevError:
		return msg.SeverityError
	case SevWarning:
		return msg.SeverityWarning
	}
	return msg.SeverityInfo
}

// Rule is a checkable rule.
type Rule struct {
	ID       string
	Severity Severity
	Pathways []*Pathway // empty: every pathway
	// Name is the rule's short Swedish name ("Avslut före start"), shown
	// to people with the id beside it; "" when the file gives none.
	Name    string
	Message string
	Ref     string
	// Section is the place in the guide the rule rests on, for people
	// who have the guide but not the rule files: the ref without its
	// quotations, after "Kodningsvägledning 10.6, " unless the ref names
	// a pathway description ("" without a ref).
	Section string
	// Quotes are the guide's own words the ref quotes, in order.
	Quotes []string
	// GuideNotes are the exception texts ("Förtydliganden eller
	// avvikelser") the ref cites: notes of the codes it names that belong
	// to the rule's pathways or that it names by heading or pathway.
	GuideNotes []*Note
	When       *lang.Expr
	// Mentions are the codes and code sets the condition names, as written
	// ("XX60", "VL244", "closing"), for explain and diff.
	Mentions []string
	Pos      lang.Pos
	// Places are where the rule's properties are written, by keyword
	// ("severity", "pathway", "message", "ref", "when").
	Places map[string]lang.Pos

	cond *typed
}

// AppliesTo reports whether the rule applies to pathway p.
func (r *Rule) AppliesTo(p *Pathway) bool {
	if len(r.Pathways) == 0 {
		return true
	}
	for _, q := range r.Pathways {
		if q == p {
			return true
		}
	}
	return false
}

// Occurrence says which event of a lead time's code counts when the
// episode has several.
type Occurrence int

// The occurrences a lead time's end can name.
const (
	// OccDefault: the start code's earliest event for `from`, the
	// episode's one closing event for `to`.
	OccDefault Occurrence = iota
	OccFirst              // `first`: the earliest event (the first in input order among equal dates)
	OccLast               // `last`: the latest event (the last in input order among equal dates)
)

// Keyword is the occurrence as the rule files write it before a code,
// with its trailing space ("first ", "last "), or "" for OccDefault.
func (o Occurrence) Keyword() string {
	switch o {
	case OccFirst:
		return "first "
	case OccLast:
		return "last "
	}
	return ""
}

// Describe is the occurrence in Swedish before a code, for people, with
// its trailing space ("första ", "sista "), or "" for OccDefault.
func (o Occurrence) Describe() string {
	switch o {
	case OccFirst:
		return msg.OccurrenceFirst + " "
	case OccLast:
		return msg.OccurrenceLast + " "
	}
	return ""
}

// LeadTime is a lead-time definition.
type LeadTime struct {
	ID      string
	Name    string
	Pathway *Pathway
	// Local: not part of the national measure (see Guide.LocalLeadTimes).
	Local   bool
	From    string   // as written: "XX10" or "VL210"
	To      []string // as written
	FromOcc Occurrence
	ToOcc   Occurrence
	When    *lang.Expr
	// Mentions are the codes and code sets When names, as written (as
	// Rule.Mentions).
	Mentions  []string
	HasTarget bool
	Target    int // calendar days, when HasTarget
	Ref       string
	// Section and Quotes are the ref without its quotations and the
	// quotations, as for Rule (a lead time's ref names the pathway
	// description, so Section has no guide prefix).
	Section string
	Quotes  []string
	Pos     lang.Pos
	// Places are where the lead time's properties are written, by
	// keyword ("pathway", "name", "from", "to", "when", "target", "ref").
	Places map[string]lang.Pos

	cond *typed
}

// Test is an example episode with its expected results.
type Test struct {
	ID     string
	Attrs  []TestAttr
	Events []TestEvent
	Expect []Expectation
	Pos    lang.Pos
}

// TestAttr is one episode attribute of a test.
type TestAttr struct {
	Name   string
	Value  string
	Number int
	IsNum  bool
}

// TestEvent is one coded event of a test.
type TestEvent struct {
	Code string
	Date string
	Pos  lang.Pos
}

// ExpectKind says what an expectation asserts.
type ExpectKind int

// The kinds of test expectations.
const (
	ExpectFindings    ExpectKind = iota // exactly these rule ids (none: no findings)
	ExpectLeadTime                      // lead time ID applies with Days days
	ExpectNoLeadTime                    // lead time ID does not apply
	ExpectNoLeadTimes                   // no lead time applies
	ExpectReportable                    // reportable == Bool
	ExpectReportedAs                    // reported as prefix ID
)

// Expectation is one `expect` line.
type Expectation struct {
	Kind ExpectKind
	IDs  []string // rule ids for ExpectFindings
	ID   string   // lead-time id or prefix
	Days int
	Bool bool
	Pos  lang.Pos
	Line string // the expectation as written, for test output
}

// Qualifier returns the qualifier called name, or nil.
func (g *Guide) Qualifier(name string) *Qualifier { g.index(); return g.qualifiers[name] }

// Pathway returns the pathway with key k, or nil.
func (g *Guide) Pathway(k string) *Pathway { g.index(); return g.pathways[k] }

// PathwayByPrefix returns the pathway one of whose prefixes is p, or nil.
func (g *Guide) PathwayByPrefix(p string) *Pathway { g.index(); return g.byPrefix[p] }

// Code returns the code with the two-digit number n, or nil.
func (g *Guide) Code(n int) *Code { g.index(); return g.codes[n] }

// Rule returns the rule with id, or nil.
func (g *Guide) Rule(id string) *Rule { g.index(); return g.rules[id] }

// LeadTime returns the lead time with id, or nil.
func (g *Guide) LeadTime(id string) *LeadTime { g.index(); return g.leadTimes[id] }

// Allowed reports whether code c may be used in pathway p, and with which
// qualifier. Codes without a table are allowed everywhere.
func (g *Guide) Allowed(p *Pathway, c *Code) (bool, *Qualifier) {
	if !c.Table {
		return true, nil
	}
	cell := c.Cells[p.Index]
	return cell.Allowed, cell.Qualifier
}

// LocalName returns the pathway-specific name of code c in p, or c.Name.
func (c *Code) LocalName(p *Pathway) string {
	for _, ln := range c.LocalNames {
		for _, pre := range p.Prefixes {
			if ln.Code == pre+c.Suffix {
				return ln.Name
			}
		}
	}
	return c.Name
}

// TableCodes returns the codes governed by a table in the guide's order:
// by kind (start, mandatory, treatment, other reason, voluntary), and in
// declaration order within a kind.
func (g *Guide) TableCodes() []*Code {
	var out []*Code
	for k := KindStart; k <= KindVoluntary; k++ {
		for _, c := range g.Codes {
			if c.Table && c.Kind == k {
				out = append(out, c)
			}
		}
	}
	return out
}
