package lang

import (
	"fmt"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// MaxNesting is how deep a condition may nest: parentheses (including
// those of calls and lists) and `not`s together. The parser, formatter,
// checker and compiler each recurse once per level, so without a limit a
// condition a million levels deep overflows the stack; 200 is far more
// than a person writes, and small enough for every one of them.
const MaxNesting = 200

// MaxErrors is how many errors Parse reports in one file before it
// stops: a file that is broken everywhere (or not a rule file at all)
// would otherwise bury the first, most useful ones and take long to parse
// declaration by declaration.
const MaxErrors = 100

// Messages of the limits, in one place for the message catalogue.
const (
	msgTooManyErrorsSummary = "för många fel i filen; de första %d visas"
	msgTooManyErrorsDetail  = "rätta felen ovan och kör igen; är det rätt fil?"
	msgNestingSummary       = "villkoret är nästlat för djupt (mer än %d nivåer)"
	msgNestingDetail        = "parenteser och not får tillsammans vara högst %d nivåer djupa; ta bort onödiga parenteser och dubbla not, eller dela upp villkoret i flera regler"
)

// nestingErrors reports, once per declaration, the first token of a
// condition that nests deeper than MaxNesting. It runs over the tokens
// before the parser does, so the parser and everything after it only see
// conditions within the limit.
//
// The depth at a token is the sum over the open parentheses of 1 plus
// the `not`s right before each, plus the `not`s in a row just before the
// token: exactly how many times the grammar recurses to reach it.
// Unbalanced parentheses only count within their declaration: the depth
// starts again at 0 at each top-level keyword at the start of a line, the
// place the parser resumes after an error.
func nestingErrors(name string, tokens []lexer.Token) Diagnostics {
	var diags Diagnostics
	var open []int // weight of each open parenthesis
	depth, nots := 0, 0
	reported := false
	for _, t := range tokens {
		if t.Type == tokComment || t.Type == tokWhitespace {
			continue
		}
		if t.Type == tokIdent && t.Pos.Column == 1 && topLevel[t.Value] {
			open, depth, nots, reported = open[:0], 0, 0, false
			continue
		}
		switch {
		case t.Type == tokOp && t.Value == "(":
			open = append(open, nots+1)
			depth += nots + 1
			nots = 0
		case t.Type == tokOp && t.Value == ")":
			if n := len(open); n > 0 {
				depth -= open[n-1]
				open = open[:n-1]
			}
			nots = 0
		case t.Type == tokIdent && t.Value == "not":
			nots++
		default:
			nots = 0
		}
		if depth+nots > MaxNesting && !reported {
			reported = true
			diags = append(diags, &Diagnostic{
				Severity: Error,
				Summary:  fmt.Sprintf(msgNestingSummary, MaxNesting),
				Detail:   fmt.Sprintf(msgNestingDetail, MaxNesting),
				Pos:      Pos{File: name, Line: t.Pos.Line, Column: t.Pos.Column},
				Width:    utf8.RuneCountInString(t.Value),
			})
		}
	}
	return diags
}
