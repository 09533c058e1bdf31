// Package lang defines the SVF rule language: its lexer, grammar (as
// participle struct tags on the AST types below), parser, diagnostics and
// canonical formatter.
//
// A rule file is a sequence of declarations. Each declaration is a keyword,
// a name and a block of properties, one per line:
//
//	pathway hjarntumorer "Hjärntumörer" {
//	  prefix VL2
//	  icd10 "C71"
//	}
//
// The AST keeps the position of every line-level element so that the
// formatter can put comments and blank lines back where they were.
package lang

import (
	"github.com/alecthomas/participle/v2/lexer"
)

// File is one parsed rule file.
type File struct {
	Pos   lexer.Position
	Decls []*Decl `parser:"@@*"`

	// Name is the file name the file was parsed under.
	Name string
	// Comments are all comments in the file in source order. The grammar
	// ignores them; the formatter puts them back by line.
	Comments []Comment
}

// Comment is one `#` comment.
type Comment struct {
	Pos  lexer.Position
	Text string // including the leading '#'
}

// Decl is one top-level declaration.
type Decl struct {
	Guide     *Guide     `parser:"  @@"`
	Qualifier *Qualifier `parser:"| @@"`
	Pathway   *Pathway   `parser:"| @@"`
	Code      *Code      `parser:"| @@"`
	Rule      *Rule      `parser:"| @@"`
	LeadTime  *LeadTime  `parser:"| @@"`
	Test      *Test      `parser:"| @@"`
	Section   *Section   `parser:"| @@"`
}

// Guide is the header of a guide version: `guide "10.6" { … }`.
type Guide struct {
	Pos     lexer.Position
	Version string       `parser:"\"guide\" @String \"{\""`
	Props   []*GuideProp `parser:"@@*"`
	EndPos  lexer.Position
	End     string `parser:"@\"}\""`
}

// GuideProp is one property of the guide header.
type GuideProp struct {
	Pos    lexer.Position
	Date   *string `parser:"  \"date\" @Date"`
	Title  *Text   `parser:"| \"title\" @@"`
	Source *Text   `parser:"| \"source\" @@"`
	Note   *Text   `parser:"| \"note\" @@"`
	// ChangeLog is the version's entry in the guide's change log
	// ("Förändringar jämfört med tidigare versioner"): the date the log
	// gives it and its bullets as the guide prints them.
	ChangeLog *ChangeLog `parser:"| \"changelog\" @@"`
}

// ChangeLog is one change-log entry: `changelog 2024-11-05 """…"""`.
type ChangeLog struct {
	Pos  lexer.Position
	Date string `parser:"@Date"`
	Text *Text  `parser:"@@"`
}

// Text is a string value: either a one-line "…" string or a multi-line
// """…""" text block.
type Text struct {
	Pos    lexer.Position
	String *string `parser:"  @String"`
	Block  *string `parser:"| @TextBlock"`
}

// Section is a part of the guide's text that is not a code: a heading
// with the text under it, followed by the pathway list ("Kodernas
// uppbyggnad") or by codes (a chapter such as "Obligatoriska koder vid
// särskilda händelser"). The sections of a folder are the guide's
// chapters in the order they are declared; the renderer (svfrules guide)
// prints them in that order.
type Section struct {
	Pos     lexer.Position
	Heading *Text          `parser:"\"section\" @@ \"{\""`
	Props   []*SectionProp `parser:"@@*"`
	EndPos  lexer.Position
	End     string `parser:"@\"}\""`
}

// SectionProp is one property of a section: its text, the marker that
// the pathway list follows, or the codes (two-digit suffixes) that follow.
type SectionProp struct {
	Pos      lexer.Position
	Text     *Text    `parser:"  \"text\" @@"`
	Pathways bool     `parser:"| @\"pathways\""`
	Codes    []string `parser:"| \"codes\" @Number (\",\" @Number)*"`
}

// Qualifier defines a table qualifier: `qualifier kur "…"`.
type Qualifier struct {
	Pos    lexer.Position
	Name   string `parser:"\"qualifier\" @Ident"`
	Legend *Text  `parser:"@@"`
}

// Pathway declares one of the SVF pathways.
type Pathway struct {
	Pos    lexer.Position
	Key    string         `parser:"\"pathway\" @Ident"`
	Name   *Text          `parser:"@@ \"{\""`
	Props  []*PathwayProp `parser:"@@*"`
	EndPos lexer.Position
	End    string `parser:"@\"}\""`
}

// PathwayProp is one property of a pathway.
type PathwayProp struct {
	Pos      lexer.Position
	Prefixes []string `parser:"  \"prefix\" @Prefix (\",\" @Prefix)*"`
	ICD10    []*Text  `parser:"| \"icd10\" @@ (\",\" @@)*"`
}

// Code declares a code suffix (`code 50 "Start av första behandling,
// kirurgi" { … }`) with its kind, scope, table and notes.
type Code struct {
	Pos    lexer.Position
	Suffix string      `parser:"\"code\" @Number"`
	Name   *Text       `parser:"@@ \"{\""`
	Props  []*CodeProp `parser:"@@*"`
	EndPos lexer.Position
	End    string `parser:"@\"}\""`
}

// CodeProp is one property of a code.
type CodeProp struct {
	Pos         lexer.Position
	Kind        *string    `parser:"  \"kind\" @Ident"`
	Scope       *string    `parser:"| \"scope\" @Ident"`
	Description *Text      `parser:"| \"description\" @@"`
	LocalName   *LocalName `parser:"| @@"`
	Table       *Table     `parser:"| @@"`
	Note        *Note      `parser:"| @@"`
}

// LocalName is a pathway-specific name of a code: `name VL244 "…"`.
type LocalName struct {
	Pos  lexer.Position
	Code string `parser:"\"name\" @Code"`
	Name *Text  `parser:"@@"`
}

// Table lists, for one code, every pathway with its mark.
type Table struct {
	Pos    lexer.Position
	Rows   []*Row `parser:"\"table\" \"{\" @@*"`
	EndPos lexer.Position
	End    string `parser:"@\"}\""`
}

// Row is one table row: a pathway key, `x` (allowed) or `-` (not
// allowed), and an optional qualifier in parentheses, as the guide prints
// it: `huvud_och_halscancer x (kur)`.
type Row struct {
	Pos       lexer.Position
	Pathway   string  `parser:"@Ident"`
	Mark      string  `parser:"@(\"x\" | \"-\")"`
	Qualifier *string `parser:"(\"(\" @Ident \")\")?"`
}

// Note is an exception text ("Förtydliganden eller avvikelser") attached
// to its code and, optionally, to pathways (`note for a, b """…"""`); a note
// without `for` applies to the code in general. `heading` keeps the guide's
// own heading where it is not simply the pathway name.
type Note struct {
	Pos      lexer.Position
	Pathways []string `parser:"\"note\" (\"for\" @Ident (\",\" @Ident)*)?"`
	Heading  *Text    `parser:"(\"heading\" @@)?"`
	Text     *Text    `parser:"@@"`
}

// Rule is a checkable rule over one episode.
type Rule struct {
	Pos lexer.Position
	ID  string `parser:"\"rule\" @Ident"`
	// Name is the rule's short Swedish name, optional, on the header line
	// as a pathway's and a code's are.
	Name   *Text       `parser:"@@? \"{\""`
	Props  []*RuleProp `parser:"@@*"`
	EndPos lexer.Position
	End    string `parser:"@\"}\""`
}

// RuleProp is one property of a rule.
type RuleProp struct {
	Pos      lexer.Position
	Severity *string  `parser:"  \"severity\" @Ident"`
	Pathways []string `parser:"| \"pathway\" @Ident (\",\" @Ident)*"`
	Message  *Text    `parser:"| \"message\" @@"`
	Ref      *Text    `parser:"| \"ref\" @@"`
	When     *Expr    `parser:"| \"when\" @@"`
}

// LeadTime defines a lead time (ledtid) and its target.
type LeadTime struct {
	Pos    lexer.Position
	ID     string          `parser:"\"leadtime\" @Ident \"{\""`
	Props  []*LeadTimeProp `parser:"@@*"`
	EndPos lexer.Position
	End    string `parser:"@\"}\""`
}

// LeadTimeProp is one property of a lead time. `from` and `to` may say
// which occurrence of the code counts (`from last XX22`); `local` marks a
// lead time that is not part of the national measure.
type LeadTimeProp struct {
	Pos     lexer.Position
	Pathway *string  `parser:"  \"pathway\" @Ident"`
	Name    *Text    `parser:"| \"name\" @@"`
	Local   bool     `parser:"| @\"local\""`
	FromOcc *string  `parser:"| \"from\" @(\"first\" | \"last\")?"`
	From    *string  `parser:"  @Code"`
	ToOcc   *string  `parser:"| \"to\" @(\"first\" | \"last\")?"`
	To      []string `parser:"  @Code (\",\" @Code)*"`
	When    *Expr    `parser:"| \"when\" @@"`
	Target  *Target  `parser:"| \"target\" @@"`
	Ref     *Text    `parser:"| \"ref\" @@"`
}

// Target is a lead-time target: `37 days` or `none`.
type Target struct {
	Pos  lexer.Position
	Days *string `parser:"  @Number \"days\""`
	None bool    `parser:"| @\"none\""`
}

// Test is an example episode with the results it must produce.
type Test struct {
	Pos    lexer.Position
	ID     string      `parser:"\"test\" @Ident \"{\""`
	Props  []*TestProp `parser:"@@*"`
	EndPos lexer.Position
	End    string `parser:"@\"}\""`
}

// TestProp is one line of a test case: an episode attribute, an event or
// an expectation.
type TestProp struct {
	Pos    lexer.Position
	Event  *Event  `parser:"  @@"`
	Expect *Expect `parser:"| @@"`
	Attr   *Attr   `parser:"| @@"`
}

// Attr sets an episode attribute in a test: `age 54`, `sex "K"`.
type Attr struct {
	Pos    lexer.Position
	Name   string  `parser:"@Ident"`
	Number *string `parser:"( @Number"`
	String *string `parser:"| @String )"`
}

// Event is one coded event of a test episode: `event VL210 2024-01-10`.
type Event struct {
	Pos  lexer.Position
	Code string `parser:"\"event\" @Code"`
	Date string `parser:"@Date"`
}

// Expect is one expectation of a test case.
type Expect struct {
	Pos lexer.Position
	// expect findings a, b   |  expect no findings
	Findings   []string `parser:"\"expect\" ( \"findings\" @Ident (\",\" @Ident)*"`
	NoFindings bool     `parser:"         | @(\"no\" \"findings\")"`
	// expect leadtime id days 41  |  expect no leadtime id  | expect no leadtimes
	LeadTime     *ExpectLeadTime `parser:"| @@"`
	NoLeadTime   *string         `parser:"| \"no\" \"leadtime\" @Ident"`
	NoLeadTimes  bool            `parser:"| @(\"no\" \"leadtimes\")"`
	Reportable   bool            `parser:"| @\"reportable\""`
	Unreportable bool            `parser:"| @(\"not\" \"reportable\")"`
	ReportedAs   *string         `parser:"| \"reported_as\" @Prefix )"`
}

// ExpectLeadTime asserts that a lead time applies with a number of days.
type ExpectLeadTime struct {
	Pos  lexer.Position
	ID   string `parser:"\"leadtime\" @Ident"`
	Days string `parser:"\"days\" @Number"`
}

// Expr is a condition: `or` of `and` of (possibly negated) comparisons.
type Expr struct {
	Pos   lexer.Position
	Left  *AndExpr   `parser:"@@"`
	Right []*AndExpr `parser:"(\"or\" @@)*"`
}

// AndExpr is a conjunction.
type AndExpr struct {
	Pos   lexer.Position
	Left  *NotExpr   `parser:"@@"`
	Right []*NotExpr `parser:"(\"and\" @@)*"`
}

// NotExpr is an optionally negated comparison.
type NotExpr struct {
	Pos lexer.Position
	Not *NotExpr `parser:"  \"not\" @@"`
	Cmp *Cmp     `parser:"| @@"`
}

// Cmp is an operand, optionally compared with another or tested for
// membership in a list.
type Cmp struct {
	Pos   lexer.Position
	Left  *Operand   `parser:"@@"`
	Op    string     `parser:"( @(\"==\" | \"!=\" | \"<=\" | \">=\" | \"<\" | \">\")"`
	Right *Operand   `parser:"  @@"`
	In    []*Operand `parser:"| \"in\" \"[\" @@ (\",\" @@)* \"]\" )?"`
}

// Operand is a literal, a name, a call or a parenthesised expression.
type Operand struct {
	Pos    lexer.Position
	Code   *string `parser:"  @Code"`
	Date   *string `parser:"| @Date"`
	Number *string `parser:"| @Number"`
	String *string `parser:"| @String"`
	Bool   *string `parser:"| @(\"true\" | \"false\")"`
	Call   *Call   `parser:"| @@"`
	Name   *string `parser:"| @Ident"`
	Paren  *Expr   `parser:"| \"(\" @@ \")\""`
}

// Call is a function call: `has(XX44)`, `days(first(XX10), first(closing))`.
type Call struct {
	Pos  lexer.Position
	Func string  `parser:"@Ident \"(\""`
	Args []*Expr `parser:"(@@ (\",\" @@)*)? \")\""`
}
