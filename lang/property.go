package lang

import (
	"errors"
	"fmt"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
)

// refineSyntax puts a syntax error of the declaration c where the author
// has to change something, which is not always where the parser stopped:
//   - a property that fails within the parser's lookahead is backtracked
//     to its start, and the parser says that its keyword cannot stand
//     there (`oväntat "target"` for `target 48 dagar`); parsing the
//     property alone, where nothing else could be meant, reaches the
//     word that is wrong;
//   - a property whose line ends before it is complete is reported at
//     the next line's first word, which is fine where it is; the caret
//     goes to the end of the incomplete line instead.
//
// A target whose number is not followed by days says what to write, and
// so does a Swedish word for a keyword (swedishHint).
func refineSyntax(name, text string, tokens []lexer.Token, c chunk, err error, d *Diagnostic) *Diagnostic {
	if perr, pd := propertyError(name, tokens, c, d); pd != nil {
		err, d = perr, pd
	}
	var ute *participle.UnexpectedTokenError
	if !errors.As(err, &ute) || ute.Unexpected.EOF() {
		return d
	}
	expect := expectation(ute)
	if at := tokenAt(tokens, c, ute.Position().Offset); at >= 0 && !(expect == `"days"` && tokens[at].Value == "dagar") {
		// A Swedish word for a keyword: the keyword, if the grammar takes it
		// there (`target 48 dagar` has its own words below).
		if sd := swedishHint(name, text, tokens, c, at); sd != nil {
			return sd
		}
	}
	if expect == "" || expect == `"}"` {
		// The block could have ended here: the line before is complete.
		return d
	}
	prev := previousToken(tokens, c.from, ute.Position())
	if prev < 0 {
		return d
	}
	pt := tokens[prev]
	if pt.Pos.Line < ute.Position().Line && !strings.Contains(pt.Value, "\n") {
		d.Pos = Pos{File: name, Line: pt.Pos.Line, Column: pt.Pos.Column + len([]rune(pt.Value))}
		d.Width = 1
		d.Summary = msg.ParseLineEnds
		d.Detail = fmt.Sprintf(msg.ParseExpected, expect)
	}
	if expect == `"days"` && pt.Type == tokNumber {
		if kw := previousToken(tokens, c.from, pt.Pos); kw >= 0 && tokens[kw].Value == "target" {
			d.Detail = fmt.Sprintf(msg.ParseTargetDays, pt.Value)
		}
	}
	return d
}

// propParse parses one property of a block, with whatever follows it
// left unread.
type propParse func(tokens []lexer.Token) error

// propParsers parse one property of each kind of block, by the keyword
// of the declaration the block belongs to. They are built on the first
// syntax error that needs them.
var propParsers = lazy.Value[map[string]propParse]{New: func() map[string]propParse {
	return map[string]propParse{
		"guide":    propParser[GuideProp](),
		"section":  propParser[SectionProp](),
		"pathway":  propParser[PathwayProp](),
		"code":     propParser[CodeProp](),
		"rule":     propParser[RuleProp](),
		"leadtime": propParser[LeadTimeProp](),
		"test":     propParser[TestProp](),
	}
}}

func propParser[T any]() propParse {
	p := participle.MustBuild[T](
		participle.Lexer(ruleLexer),
		participle.Elide("Comment", "Whitespace"),
		participle.UseLookahead(4),
	)
	return func(tokens []lexer.Token) error {
		peeker, err := lexer.Upgrade(&tokenSlice{tokens: tokens}, elided...)
		if err != nil {
			return err
		}
		_, err = p.ParseFromLexer(peeker, participle.AllowTrailing(true))
		return err
	}
}

// propertyError parses the property that starts where d is, alone. It
// returns its error and diagnostic when that lies further on than d,
// else nil: the word at d is no property's keyword, the property parses
// alone (the error is the block's), or it fails at its keyword too.
func propertyError(name string, tokens []lexer.Token, c chunk, d *Diagnostic) (error, *Diagnostic) {
	parse := propParsers.Get()[tokens[c.from].Value]
	if parse == nil {
		return nil, nil
	}
	at := -1
	for i := c.from + 1; i < c.to; i++ {
		if p := tokens[i].Pos; p.Line == d.Pos.Line && p.Column == d.Pos.Column {
			at = i
			break
		}
	}
	if at < 0 || tokens[at].Type != tokIdent {
		return nil, nil
	}
	err := parse(chunk{from: at, to: c.to}.tokens(tokens))
	var ute *participle.UnexpectedTokenError
	if !errors.As(err, &ute) {
		return nil, nil
	}
	if p := ute.Position(); p.Line < d.Pos.Line || p.Line == d.Pos.Line && p.Column <= d.Pos.Column {
		return nil, nil
	}
	return err, syntaxDiagnostic(name, err, d.Pos.Line)
}

// previousToken is the index of the last token before position p, from
// tokens[from] on, that the parser reads (not a comment or white
// space); -1 when there is none.
func previousToken(tokens []lexer.Token, from int, p lexer.Position) int {
	prev := -1
	for i := from; i < len(tokens) && tokens[i].Pos.Offset < p.Offset; i++ {
		if t := tokens[i].Type; t != tokComment && t != tokWhitespace {
			prev = i
		}
	}
	return prev
}
