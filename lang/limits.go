package lang

import (
	"fmt"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/rcc/svfrules/internal/msg"
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

// nestingErrors reports, once per declaration, the first token of a
// condition that nests deeper than MaxNesting. It runs over the tokens
// before the parser does, so the parser and everything after it only see
// conditions within the limit.
//
// The depth at a token is the sum over the open parentheses of 1 plus
// the `not`s right before each, plus the `not`s in a row just before the
// token: exactly how many times the grammar recurses to reach it.
// Unbalanced parentheses count only within their declaration: the depth
// starts again at 0 at each top-level keyword at the start of a line,
// where the parser resumes after an error. The parse of the whole file
// does not start again there (a keyword followed by "(" is a call), so
// wholeTooDeep says whether the file, counted as one, passes the limit:
// then it must be parsed declaration by declaration.
func nestingErrors(name string, tokens []lexer.Token) (diags Diagnostics, wholeTooDeep bool) {
	var decl, whole depthCounter
	reported := false
	for _, t := range tokens {
		if t.Type == tokComment || t.Type == tokWhitespace {
			continue
		}
		if whole.add(t) > MaxNesting {
			wholeTooDeep = true
		}
		if t.Type == tokIdent && t.Pos.Column == 1 && topLevel(t.Value) {
			decl = depthCounter{open: decl.open[:0]}
			reported = false
			continue
		}
		if decl.add(t) > MaxNesting && !reported {
			reported = true
			diags = append(diags, &Diagnostic{
				Severity: Error,
				Summary:  fmt.Sprintf(msg.ParseNesting, MaxNesting),
				Detail:   fmt.Sprintf(msg.ParseNestingDetail, MaxNesting),
				Pos:      Pos{File: name, Line: t.Pos.Line, Column: t.Pos.Column},
				Width:    utf8.RuneCountInString(t.Value),
			})
		}
	}
	return diags, wholeTooDeep || len(diags) > 0
}

// depthCounter follows the nesting depth of a condition token by token.
type depthCounter struct {
	open  []int // weight of each open parenthesis: 1 plus the nots before it
	depth int   // sum of open
	nots  int   // nots in a row just before
}

// add takes the next token and returns the depth at it.
func (c *depthCounter) add(t lexer.Token) int {
	switch {
	case t.Type == tokOp && t.Value == "(":
		c.open = append(c.open, c.nots+1)
		c.depth += c.nots + 1
		c.nots = 0
	case t.Type == tokOp && t.Value == ")":
		if n := len(c.open); n > 0 {
			c.depth -= c.open[n-1]
			c.open = c.open[:n-1]
		}
		c.nots = 0
	case t.Type == tokIdent && t.Value == "not":
		c.nots++
	default:
		c.nots = 0
	}
	return c.depth + c.nots
}
