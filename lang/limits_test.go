package lang

import (
	"github.com/rcc/svfrules/internal/msg"

	"fmt"
	"strings"
	"testing"
)

// nested returns a rule file whose condition nests levels deep: open is
// repeated levels times before has(start) and close as often after it.
func nested(open, close string, levels int) string {
	return "rule r {\n  when " + strings.Repeat(open, levels) + "true" + strings.Repeat(close, levels) + "\n}\n"
}

// TestParseNestingLimit: a condition nested deeper than MaxNesting is an
// ordinary diagnostic at the place the limit is passed, however deep it
// goes (a million levels used to overflow the stack), and anything up to
// the limit parses, formats and parses again.
func TestParseNestingLimit(t *testing.T) {
	// "  when " is 7 characters: the condition starts at column 8.
	const col = 8
	cases := []struct {
		name string
		src  string
		// column where the diagnostic must be, or 0 for none
		col int
	}{
		{"a million nots", nested("not ", "", 1_000_000), col + 4*MaxNesting},
		{"a million parentheses", nested("(", ")", 1_000_000), col + MaxNesting},
		// Calls and lists count by their parentheses; a not before a
		// parenthesis is a level of its own.
		{"calls", nested("days(", ")", 10_000), col + 5*MaxNesting + 4},
		{"not-parentheses", nested("not (", ")", 10_000), col + 5*(MaxNesting/2)},
		{"list elements", nested("x in [(", ")]", 10_000), col + 7*MaxNesting + 6},
		{"nots at the limit", nested("not ", "", MaxNesting), 0},
		{"nots past the limit", nested("not ", "", MaxNesting+1), col + 4*MaxNesting},
		{"parentheses at the limit", nested("(", ")", MaxNesting), 0},
		{"parentheses past the limit", nested("(", ")", MaxNesting+1), col + MaxNesting},
		{"not-parentheses at the limit", nested("not (", ")", MaxNesting/2), 0},
		{"a long flat condition is not deep", "rule r {\n  when " + strings.Repeat("not has(start) and (has(start)) or ", 1000) + "true\n}\n", 0},
		{"depth counts from each declaration", strings.Repeat("rule r {\n  when "+strings.Repeat("(", MaxNesting-1)+"\n}\n", 3), 0},
		{"closed parentheses do not count", "rule r {\n  when " + strings.Repeat("(", MaxNesting) + "true" + strings.Repeat(")", MaxNesting) + " and " + strings.Repeat("(", MaxNesting) + "true" + strings.Repeat(")", MaxNesting) + "\n}\n", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, diags := Parse("r.svf", []byte(tc.src))
			var nest Diagnostics
			for _, d := range diags {
				if d.Summary == fmt.Sprintf(msg.ParseNesting, MaxNesting) {
					nest = append(nest, d)
				}
			}
			if tc.col == 0 {
				if len(nest) > 0 {
					t.Fatalf("unexpected nesting diagnostic %+v", nest[0])
				}
				if len(diags) == 0 {
					if err := formatProperties("r.svf", []byte(tc.src)); err != nil {
						t.Fatal(err)
					}
				}
				return
			}
			if len(diags) != 1 || len(nest) != 1 {
				t.Fatalf("got %d diagnostics (%v), want exactly the nesting one", len(diags), diags)
			}
			d := nest[0]
			want := Pos{File: "r.svf", Line: 2, Column: tc.col}
			if d.Severity != Error || d.Pos != want || d.Detail != fmt.Sprintf(msg.ParseNestingDetail, MaxNesting) {
				t.Errorf("got %+v at %v, want an error at %v", d, d.Pos, want)
			}
			if len(f.Decls) != 0 {
				t.Errorf("the declaration past the limit was parsed: %d declarations", len(f.Decls))
			}
			if len(tc.src) > 1e5 {
				return // the same Parse again, only slower
			}
			if _, fd := FormatSource("r.svf", []byte(tc.src)); len(fd) != 1 || *fd[0] != *d {
				t.Errorf("FormatSource: %v, want the nesting diagnostic", fd)
			}
		})
	}
}

// TestParseStopsAfterMaxErrors: a file broken everywhere, or not a rule
// file at all, gives the first MaxErrors errors and one that says the rest
// are left out, whether the errors are syntax errors, stray characters or
// conditions nested too deep. (Parsing such a file declaration by
// declaration used to take time growing with the square of its size.)
func TestParseStopsAfterMaxErrors(t *testing.T) {
	deep := "rule r {\n  when " + strings.Repeat("(", MaxNesting+1) + "\n}\n"
	cases := []struct {
		name string
		src  string
		// where the last error shown and the "too many" one are
		lastLine, stopLine, stopCol int
	}{
		{"syntax errors", strings.Repeat("rule\n", 100_000), 2 * MaxErrors, 2*MaxErrors + 1, 1},
		{"stray characters", strings.Repeat("§\n", 100_000), MaxErrors, MaxErrors + 1, 1},
		// The first error left out is where the rest is left out.
		{"too deep", strings.Repeat(deep, 10_000), 3*MaxErrors - 1, 3*MaxErrors + 2, 8 + MaxNesting},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Parse("r.svf", []byte(tc.src))
			if len(diags) != MaxErrors+1 {
				t.Fatalf("got %d diagnostics, want %d", len(diags), MaxErrors+1)
			}
			last, stop := diags[MaxErrors-1], diags[MaxErrors]
			if last.Pos.Line != tc.lastLine {
				t.Errorf("last error shown at line %d, want %d: %v", last.Pos.Line, tc.lastLine, last)
			}
			want := Diagnostic{Severity: Error, Summary: fmt.Sprintf(msg.ParseTooManyErrors, MaxErrors), Detail: msg.ParseTooManyErrorsDetail,
				Pos: Pos{File: "r.svf", Line: tc.stopLine, Column: tc.stopCol}, Width: 1}
			if *stop != want {
				t.Errorf("got %+v, want %+v", *stop, want)
			}
		})
	}
}

// TestWriteTextLongLine: under a diagnostic on a line of megabytes (a
// condition nested a million levels deep) only the part around the place
// is shown, marked … where it is cut, with the caret still under it.
func TestWriteTextLongLine(t *testing.T) {
	long := strings.Repeat("(", 1_000_000)
	cases := []struct {
		name, line string
		col        int
		want       string
	}{
		{"short line", "  when x", 8, " 1 |   when x\n   |        ^\n"},
		{"start of a long line", long, 3, " 1 | " + strings.Repeat("(", 120) + "…\n   |   ^\n"},
		{"middle of a long line", long, 500, " 1 | …" + strings.Repeat("(", 120) + "…\n   |  " + strings.Repeat(" ", 60) + "^\n"},
		{"end of a long line", long, 1_000_000, " 1 | …" + strings.Repeat("(", 120) + "\n   |  " + strings.Repeat(" ", 119) + "^\n"},
		{"å ä ö count as one", strings.Repeat("å", 200), 200, " 1 | …" + strings.Repeat("å", 120) + "\n   |  " + strings.Repeat(" ", 119) + "^\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			d := &Diagnostic{Summary: "s", Pos: Pos{File: "f", Line: 1, Column: tc.col}, Width: 1}
			WriteText(&b, Diagnostics{d}, Sources{"f": []byte(tc.line + "\n")})
			want := fmt.Sprintf("f:1:%d: fel: s\n", tc.col) + tc.want
			if b.String() != want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), want)
			}
		})
	}
}

// TestParseNestingAcrossDeclarations: the depth starts again at each
// declaration only for the declaration-by-declaration parse; the parse of
// the whole file sees one condition go on through lines that start with a
// keyword ("rule(" is a call), so it must not be tried on such a file.
func TestParseNestingAcrossDeclarations(t *testing.T) {
	src := "rule r {\n  when\n" + strings.Repeat("rule(\n", 1_000_000) + "true\n}\n"
	_, diags := Parse("r.svf", []byte(src))
	if len(diags) != MaxErrors+1 {
		t.Fatalf("got %d diagnostics, want %d", len(diags), MaxErrors+1)
	}
	if d := diags[0]; d.Pos.Line != 3 || d.Summary != msg.ParseEOF {
		t.Errorf("first diagnostic %v, want the end of the first declaration at line 3", d)
	}
}
