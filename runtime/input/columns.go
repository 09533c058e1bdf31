package input

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/rcc/svfrules/internal/msg"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/lang"
)

// ColumnMap maps a header to a field (--column FIELD=HEADER): the column
// headed Header is read as Field, whatever the aliases say.
type ColumnMap struct {
	Field  string // episode, code, date or an attribute (compiler.AttrNames)
	Header string // as written; compared as headers are (case, spaces)
}

// ParseColumns parses --column values (FIELD=HEADER). FIELD is a field's
// id, its Swedish name or one of its headers (see flagField); the
// ColumnMap has the id. A field name that is not known, a field or header given twice, and a value without "="
// are errors in Swedish; the first names the closest field.
func ParseColumns(flags []string) ([]ColumnMap, error) {
	var out []ColumnMap
	for _, f := range flags {
		field, header, ok := strings.Cut(f, "=")
		field, header = strings.TrimSpace(field), strings.TrimSpace(header)
		if !ok || field == "" || header == "" {
			return nil, fmt.Errorf(msg.InputColumnForm, f)
		}
		k := flagField(field)
		if k < 0 {
			var names []string
			for k := range numCols {
				names = append(names, fieldFlag(k))
			}
			hint := ""
			if sug := lang.Suggest(columnKey([]byte(field)), append(names, colNames[:]...)); sug != "" {
				hint = fmt.Sprintf(msg.InputDidYouMean, sug)
			}
			return nil, fmt.Errorf(msg.InputColumnAttr, f, field, hint, strings.Join(names, ", "))
		}
		field = colNames[k]
		for _, m := range out {
			if m.Field == field {
				return nil, fmt.Errorf(msg.InputColumnTwice, fieldWords[k], m.Header, header)
			}
			if columnKey([]byte(m.Header)) == columnKey([]byte(header)) {
				return nil, fmt.Errorf(msg.InputColumnHeaderTwice, header, FieldName(m.Field), fieldWords[k])
			}
		}
		out = append(out, ColumnMap{Field: field, Header: header})
	}
	return out, nil
}

// flagField is the field --column names: its id (intent), its Swedish
// name (intention, remitterande_region) or a header that is read as it
// (förloppsid, kön); -1 for none.
func flagField(name string) int {
	key := columnKey([]byte(name))
	for k := range numCols {
		if key == colNames[k] || key == columnKey([]byte(fieldWords[k])) {
			return k
		}
	}
	if k, ok := columnAliasOf(key); ok {
		return k
	}
	return -1
}

// FileColumns is how one input's header was read: which header gives
// which field, which headers are not used, and which attributes the file
// has no column for.
type FileColumns struct {
	File string `json:"file"`
	// JSONL: the input is JSON Lines, which has no header; every
	// attribute counts as present (an episode without one has it empty).
	JSONL bool `json:"jsonl,omitempty"`
	// Workbook: the input is a sheet of an xlsx workbook, whose blank
	// rows are rows without a value (a CSV's are rows of separators).
	// Not in JSON: a workbook's json is the CSV file's.
	Workbook bool        `json:"-"`
	Columns  []ColumnUse `json:"columns"`
	Unused   []string    `json:"unused"`
	Missing  []string    `json:"missing"` // attributes without a column
	// IDColumn: the episode id was read from this column, headed ID (in
	// any case), by its alias and not by --column; the summary says so,
	// for such a column is often a row number or a patient id.
	IDColumn string           `json:"id_column,omitempty"`
	Absent   compiler.AttrSet `json:"-"` // the attributes without a column, as a set
}

// ColumnUse is one header and the field it is read as.
type ColumnUse struct {
	Header string `json:"header"`
	Field  string `json:"field"`
}

// ColumnSink is a Sink that is told how each input's header was read.
type ColumnSink interface{ Columns(fc FileColumns) }

// colAttr is each field's attribute bit (0 for episode, code and date).
var colAttr = [numCols]compiler.AttrSet{
	colRegion: compiler.AttrRegion, colAge: compiler.AttrAge, colSex: compiler.AttrSex,
	colCounty: compiler.AttrCounty, colReferring: compiler.AttrReferringRegion,
	colDiagnosis: compiler.AttrDiagnosis, colIntent: compiler.AttrIntent,
}

// ColumnArg is the --column value that reads the unused column header
// as a field, ready to copy into a command line: quoted when the header
// has a space or a sign a shell reads ("ålder=Ålder vid VGM" with its
// quotes). The field is guessed from a word of the header that names an
// attribute the file has no column for (ålder in "Ålder vid VGM"); else
// it is FÄLT, as --help calls it. Fields the file already reads are
// never guessed: --column would take the field from its column.
func (fc FileColumns) ColumnArg(header string) string {
	field := msg.ColumnArgField
	if k := fc.guessField(header); k >= 0 {
		field = fieldFlag(k)
	}
	arg := field + "=" + header
	for _, r := range arg {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_-.=/", r)) {
			return `"` + strings.ReplaceAll(arg, `"`, `\"`) + `"`
		}
	}
	return arg
}

// guessField is the attribute a word (or two words) of header names,
// when the file has no column for it; -1 for none or more than one.
func (fc FileColumns) guessField(header string) int {
	words := strings.FieldsFunc(columnKey([]byte(header)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	found := -1
	for i := 0; i < len(words); i++ {
		// Two words first: "remitterande region" is not "region".
		k, ok := -1, false
		if i+1 < len(words) {
			if k, ok = columnAliasOf(words[i] + "_" + words[i+1]); ok {
				i++
			}
		}
		if !ok {
			k, ok = columnAliasOf(words[i])
		}
		if !ok || k < colRegion || k == found || fc.reads(k) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = k
	}
	return found
}

// reads reports whether the file has a column for field k.
func (fc FileColumns) reads(k int) bool {
	for _, c := range fc.Columns {
		if c.Field == colNames[k] {
			return true
		}
	}
	return false
}
