package runtime

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime/escape"
	"github.com/rcc/svfrules/runtime/input"
)

// attrWords says what each attribute is, in Swedish, for the summary.
var attrWords = map[string]string{
	"age": msg.AttrAge, "sex": msg.AttrSex, "county": msg.AttrCounty, "region": msg.AttrRegion,
	"referring_region": msg.AttrReferringRegion, "diagnosis": msg.AttrDiagnosis, "intent": msg.AttrIntent,
}

// UncheckedRule is a rule that was not evaluated for the episodes of
// some inputs, because they have no column for an attribute it reads.
type UncheckedRule struct {
	Rule string `json:"rule"`
	// Label is what people read: the rule's name with its id beside it
	// (compiler.Rule.Label); json keeps the id alone.
	Label   string   `json:"-"`
	Missing []string `json:"missing"` // the attributes
	Files   []string `json:"files"`
}

// MissingText says which columns the rule lacks, for people: each
// attribute in Swedish with the --column that reads it from another
// header ("kolumn för behandlingsintention (ange --column
// intention=RUBRIK …)"), joined by "och". The id the rules use is no
// help to a coordinator, who has the file and not the rules.
func (u UncheckedRule) MissingText() string {
	what := make([]string, len(u.Missing))
	for i, a := range u.Missing {
		what[i] = fmt.Sprintf(msg.SummaryMissingColumn, attrWords[a], input.FieldFlag(a))
	}
	return strings.Join(what, msg.InputAnd)
}

// UncheckedRules are the rules of p that cannot be evaluated for the
// episodes of some of files, for want of a column (as Summary.Unchecked
// lists them for the version a run evaluated).
func UncheckedRules(p *compiler.Program, files []input.FileColumns) []UncheckedRule {
	return uncheckedRules(p, files)
}

// uncheckedRules returns the rules of p that read an attribute some
// input has no column for, in the guide's order.
func uncheckedRules(p *compiler.Program, files []input.FileColumns) []UncheckedRule {
	out := []UncheckedRule{}
	var absent compiler.AttrSet
	for _, fc := range files {
		absent |= fc.Absent
	}
	if absent == 0 { // every input has every column: the usual case
		return out
	}
	for k, r := range p.Guide.Rules {
		reads := p.RuleReads(k)
		var u UncheckedRule
		var missing compiler.AttrSet
		for _, fc := range files {
			if m := reads & fc.Absent; m != 0 {
				missing |= m
				u.Files = append(u.Files, fc.File)
			}
		}
		if missing != 0 {
			u.Rule, u.Label, u.Missing = r.ID, r.Label(), missing.Names()
			out = append(out, u)
		}
	}
	return out
}

// WriteColumnsText writes the summary's lines on columns and unchecked
// rules.
func WriteColumnsText(w io.Writer, s *Summary) {
	for _, fc := range s.Columns {
		if fc.JSONL {
			fmt.Fprintf(w, msg.SummaryJSONL, escape.Printable(fc.File))
			continue
		}
		var cols []string
		for _, c := range fc.Columns {
			cols = append(cols, c.Header+" → "+input.FieldName(c.Field))
		}
		// Headers come from the file: nothing in them may reach the
		// terminal as a control character.
		fmt.Fprintf(w, msg.SummaryColumns, escape.Printable(fc.File), escape.Printable(strings.Join(cols, ", ")))
		if fc.IDColumn != "" {
			fmt.Fprintf(w, msg.SummaryIDColumn, escape.Printable(fc.IDColumn))
		}
		for _, h := range fc.Unused {
			fmt.Fprintf(w, msg.SummaryUnused, escape.Printable(h), escape.Printable(fc.ColumnArg(h)))
		}
	}
	WriteUncheckedText(w, s)
}

// WriteUncheckedText writes one line per group of rules that could not be
// checked for want of a column (Summary.Unchecked), saying which columns
// are missing; nothing when every rule was checked.
func WriteUncheckedText(w io.Writer, s *Summary) {
	// Rules missing the same columns in the same files share a line.
	type group struct {
		rules       []string
		what, where string
		files       int
	}
	var groups []*group
	for _, u := range s.Unchecked {
		where := ""
		if len(s.Columns) > 1 {
			where = escape.Printable(fmt.Sprintf(msg.SummaryUncheckedIn, ochList(u.Files)))
		}
		g := &group{what: u.MissingText(), where: where, files: len(u.Files)}
		if i := slices.IndexFunc(groups, func(x *group) bool { return x.what == g.what && x.where == g.where }); i >= 0 {
			g = groups[i]
		} else {
			groups = append(groups, g)
		}
		label := u.Label
		if label == "" {
			label = u.Rule
		}
		g.rules = append(g.rules, label)
	}
	for _, g := range groups {
		rules := fmt.Sprintf(msg.SummaryRule, g.rules[0])
		if len(g.rules) > 1 {
			rules = fmt.Sprintf(msg.SummaryRules, ochList(g.rules))
		}
		line := msg.SummaryUnchecked
		if g.files > 1 {
			line = msg.SummaryUncheckedFiles
		}
		fmt.Fprintf(w, line, rules, g.where, g.what)
	}
}

// ochList writes "a", "a och b", "a, b och c".
func ochList(s []string) string {
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + msg.InputAnd + s[len(s)-1]
}
