package runtime

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/lang"
)

// Messages about columns: --column, the summary's list of columns, the
// rules that could not be checked.
const (
	// msgColumnForm: the flag's value.
	msgColumnForm = "--column %q: skriv ATTRIBUT=RUBRIK, t.ex. --column intent=Behandlingsintention"
	// msgColumnAttr: the flag's value, the attribute, a did-you-mean
	// hint ("" or msgDidYouMean), the valid names.
	msgColumnAttr = "--column %q: %q är inget attribut%s; attributen är %s"
	// msgDidYouMean: the closest name; appended to a message.
	msgDidYouMean = "; menade du %q?"
	// msgColumnTwice: the attribute, the two headers.
	msgColumnTwice = "--column anger två kolumner för %s: %q och %q; ange en"
	// msgColumnHeaderTwice: the header, the two attributes.
	msgColumnHeaderTwice = "--column anger kolumnen %q för både %s och %s; ange en"
	// msgColumnNotInFile: the file, the header, the attribute, the
	// file's columns, a did-you-mean hint.
	msgColumnNotInFile = "%s: kolumnen %q (--column %s=…) finns inte i filen; kolumnerna är %s%s"
	// msgColumnsBoth: the file, the two headers, the attribute.
	msgColumnsBoth = "%s: kolumnerna %q och %q ger båda %s; behåll en av dem och byt namn på eller ta bort den andra (eller välj en med --column)"

	// Summary lines. msgSummaryColumns: the file, the columns as
	// "rubrik → attribut, …". msgSummaryUnused: the file, the header.
	msgSummaryColumns = "  kolumner i %s: %s\n"
	msgSummaryUnused  = "    kolumnen %s används inte (ange --column ATTRIBUT=%s om den ska läsas)\n"
	// msgSummaryUnchecked: "regeln X" or "reglerna X och Y", where
	// (" i a.csv och b.csv" or ""), what is missing ("kolumn för … (…)").
	msgSummaryUnchecked  = "  %s kunde inte kontrolleras%s: filen saknar %s\n"
	msgSummaryUncheckedN = "  %s kunde inte kontrolleras%s: filen saknar %s\n"
	// msgSummaryJSONL: the file.
	msgSummaryJSONL = "  kolumner i %s: JSON Lines, varje attribut räknas som givet (ett förlopp utan värdet saknar det)\n"
)

// attrWords says what each attribute is, in Swedish, for the summary.
var attrWords = map[string]string{
	"age": "ålder", "sex": "kön", "county": "folkbokföringslän", "region": "rapporterande region",
	"referring_region": "remitterande region", "diagnosis": "diagnos", "intent": "behandlingsintention",
}

// ColumnMap maps a header to a field (--column FIELD=HEADER): the column
// headed Header is read as Field, whatever the aliases say.
type ColumnMap struct {
	Field  string // episode, code, date or an attribute (compiler.AttrNames)
	Header string // as written; compared as headers are (case, spaces)
}

// ParseColumns parses --column values (FIELD=HEADER). A field name that
// is not known, a field or header given twice, and a value without "="
// are errors in Swedish; the first names the closest field.
func ParseColumns(flags []string) ([]ColumnMap, error) {
	var out []ColumnMap
	for _, f := range flags {
		field, header, ok := strings.Cut(f, "=")
		field, header = strings.TrimSpace(field), strings.TrimSpace(header)
		if !ok || field == "" || header == "" {
			return nil, fmt.Errorf(msgColumnForm, f)
		}
		if !slices.Contains(colNames[:], field) {
			hint := ""
			if sug := lang.Suggest(strings.ToLower(field), colNames[:]); sug != "" {
				hint = fmt.Sprintf(msgDidYouMean, sug)
			}
			return nil, fmt.Errorf(msgColumnAttr, f, field, hint, strings.Join(colNames[:], ", "))
		}
		for _, m := range out {
			if m.Field == field {
				return nil, fmt.Errorf(msgColumnTwice, field, m.Header, header)
			}
			if columnKey([]byte(m.Header)) == columnKey([]byte(header)) {
				return nil, fmt.Errorf(msgColumnHeaderTwice, header, m.Field, field)
			}
		}
		out = append(out, ColumnMap{Field: field, Header: header})
	}
	return out, nil
}

// FileColumns is how one input's header was read: which header gives
// which field, which headers are not used, and which attributes the file
// has no column for.
type FileColumns struct {
	File string `json:"file"`
	// JSONL: the input is JSON Lines, which has no header; every
	// attribute counts as present (an episode without one has it empty).
	JSONL   bool        `json:"jsonl,omitempty"`
	Columns []ColumnUse `json:"columns"`
	Unused  []string    `json:"unused"`
	Missing []string    `json:"missing"` // attributes without a column
	absent  compiler.AttrSet
}

// ColumnUse is one header and the field it is read as.
type ColumnUse struct {
	Header string `json:"header"`
	Field  string `json:"field"`
}

// UncheckedRule is a rule that was not evaluated for the episodes of
// some inputs, because they have no column for an attribute it reads.
type UncheckedRule struct {
	Rule    string   `json:"rule"`
	Missing []string `json:"missing"` // the attributes
	Files   []string `json:"files"`
}

// columnSink is a Sink that is told how each input's header was read.
type columnSink interface{ columns(fc FileColumns) }

// colAttr is each field's attribute bit (0 for episode, code and date).
var colAttr = [numCols]compiler.AttrSet{
	colRegion: compiler.AttrRegion, colAge: compiler.AttrAge, colSex: compiler.AttrSex,
	colCounty: compiler.AttrCounty, colReferring: compiler.AttrReferringRegion,
	colDiagnosis: compiler.AttrDiagnosis, colIntent: compiler.AttrIntent,
}

// uncheckedRules returns the rules of p that read an attribute some
// input has no column for, in the guide's order.
func uncheckedRules(p *compiler.Program, files []FileColumns) []UncheckedRule {
	out := []UncheckedRule{}
	for _, r := range p.Guide.Rules {
		reads := r.Reads()
		var u UncheckedRule
		var missing compiler.AttrSet
		for _, fc := range files {
			if m := reads & fc.absent; m != 0 {
				missing |= m
				u.Files = append(u.Files, fc.File)
			}
		}
		if missing != 0 {
			u.Rule, u.Missing = r.ID, missing.Names()
			out = append(out, u)
		}
	}
	return out
}

// writeColumnsText writes the summary's lines on columns and unchecked
// rules.
func writeColumnsText(w io.Writer, s *Summary) {
	for _, fc := range s.Columns {
		if fc.JSONL {
			fmt.Fprintf(w, msgSummaryJSONL, Printable(fc.File))
			continue
		}
		var cols []string
		for _, c := range fc.Columns {
			cols = append(cols, c.Header+" → "+c.Field)
		}
		// Headers come from the file: nothing in them may reach the
		// terminal as a control character.
		fmt.Fprintf(w, msgSummaryColumns, Printable(fc.File), Printable(strings.Join(cols, ", ")))
		for _, h := range fc.Unused {
			fmt.Fprintf(w, msgSummaryUnused, Printable(h), Printable(h))
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
	}
	var groups []*group
	for _, u := range s.Unchecked {
		where := ""
		if len(s.Columns) > 1 {
			where = Printable(" i " + ochList(u.Files))
		}
		var what []string
		for _, a := range u.Missing {
			what = append(what, fmt.Sprintf("kolumn för %s (%s)", attrWords[a], a))
		}
		g := &group{what: strings.Join(what, " och "), where: where}
		if i := slices.IndexFunc(groups, func(x *group) bool { return x.what == g.what && x.where == g.where }); i >= 0 {
			g = groups[i]
		} else {
			groups = append(groups, g)
		}
		g.rules = append(g.rules, u.Rule)
	}
	for _, g := range groups {
		if len(g.rules) == 1 {
			fmt.Fprintf(w, msgSummaryUnchecked, "regeln "+g.rules[0], g.where, g.what)
		} else {
			fmt.Fprintf(w, msgSummaryUncheckedN, "reglerna "+ochList(g.rules), g.where, g.what)
		}
	}
}

// ochList writes "a", "a och b", "a, b och c".
func ochList(s []string) string {
	if len(s) == 1 {
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " och " + s[len(s)-1]
}
