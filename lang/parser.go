package lang

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

var parser = participle.MustBuild[File](
	participle.Lexer(ruleLexer),
	participle.Elide("Comment", "Whitespace"),
	participle.UseLookahead(4),
)

// Keywords are the words of the language, for "did you mean" hints on
// syntax errors.
var Keywords = []string{
	"guide", "date", "title", "source", "note", "qualifier", "pathway", "prefix",
	"icd10", "code", "kind", "scope", "description", "name", "table", "for",
	"heading", "rule", "severity", "message", "ref", "when", "leadtime",
	"from", "to", "target", "days", "none", "test", "event", "expect",
	"findings", "no", "leadtimes", "reportable", "reported_as", "and", "or",
	"not", "in", "true", "false",
}

// topLevel are the keywords that start a declaration; after a syntax error
// the parser resumes at the next line that starts with one of them.
var topLevel = map[string]bool{
	"guide": true, "qualifier": true, "pathway": true, "code": true,
	"rule": true, "leadtime": true, "test": true,
}

// Parse parses one rule file. It returns the file (possibly partial) and
// every syntax error it found: after an error it skips to the next
// declaration and goes on.
func Parse(name string, src []byte) (*File, Diagnostics) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if d := checkUTF8(name, src); d != nil {
		return &File{Name: name}, Diagnostics{d}
	}
	text := string(src)
	tokens := lexText(name, text)
	file := &File{Name: name}
	for _, t := range tokens {
		if t.Type == tokComment {
			file.Comments = append(file.Comments, Comment{Pos: t.Pos, Text: strings.TrimRight(t.Value, " \t\r")})
		}
	}

	// Conditions nested too deep never reach the parser: it would
	// overflow the stack.
	nesting := nestingErrors(name, tokens)

	// The common case: the whole file parses in one go.
	var err error
	if len(nesting) == 0 {
		var whole *File
		whole, err = parseTokens(tokens)
		if err == nil {
			file.Decls = whole.Decls
			file.Pos = whole.Pos
			return file, nil
		}
	}

	// Otherwise parse declaration by declaration so that one error does not
	// hide the next. Stray characters and unterminated strings are reported
	// where they are: the parser would report them wherever it gave up
	// backtracking, often lines earlier.
	diags := append(lexicalErrors(name, tokens), nesting...)
	diags.Sort()
	for _, chunk := range splitDecls(tokens, text) {
		if hasLineIn(diags, chunk.line, lineOf(text, chunk.end)) {
			continue
		}
		part, err := parseTokens(chunk.tokens(tokens, name))
		if err != nil {
			diags = append(diags, syntaxDiagnostic(name, err, chunk.line))
			continue
		}
		file.Decls = append(file.Decls, part.Decls...)
	}
	if len(diags) == 0 {
		// The pieces parsed though the whole did not: report the original error.
		diags = append(diags, syntaxDiagnostic(name, err, 1))
	}
	return file, diags
}

// lexicalErrors reports every Invalid token: a character the language
// does not use, or the quote of a string that does not end on its line.
func lexicalErrors(name string, tokens []lexer.Token) Diagnostics {
	var diags Diagnostics
	for _, t := range tokens {
		if t.Type != tokInvalid || hasLineIn(diags, t.Pos.Line, t.Pos.Line) {
			continue
		}
		d := &Diagnostic{Severity: Error, Pos: Pos{File: name, Line: t.Pos.Line, Column: t.Pos.Column}, Width: 1}
		if t.Value == `"` {
			d.Summary = "unterminated string"
			d.Detail = `a "…" string must end on the same line; for text over several lines use a """…""" block`
		} else {
			d.Summary = fmt.Sprintf("unexpected character %q", t.Value)
			d.Detail = "remove it; rule files use letters, digits, strings in quotes, # comments and the symbols { } ( ) [ ] , - == != < <= > >="
		}
		diags = append(diags, d)
	}
	return diags
}

func hasLineIn(diags Diagnostics, from, to int) bool {
	for _, d := range diags {
		if d.Pos.Line >= from && d.Pos.Line <= to {
			return true
		}
	}
	return false
}

// lineOf returns the line number (from 1) of byte offset off in text.
func lineOf(text string, off int) int {
	return strings.Count(text[:min(off, len(text))], "\n") + 1
}

// Value returns the string a Text stands for: a "…" string unquoted, or a
// """…""" block with its common indentation and its first and last
// (empty) lines removed.
func (t *Text) Value() string {
	if t == nil {
		return ""
	}
	if t.String != nil {
		return unquote(*t.String)
	}
	if t.Block != nil {
		return blockValue(*t.Block)
	}
	return ""
}

func unquote(s string) string {
	s = s[1 : len(s)-1]
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Quote writes s as a one-line string literal.
func Quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

func blockValue(raw string) string {
	body := raw[3 : len(raw)-3]
	lines := strings.Split(body, "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	if len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	indent := -1
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\r")
		if l == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	for i, l := range lines {
		l = strings.TrimRight(l, " \t\r")
		if len(l) >= indent && indent > 0 {
			l = l[indent:]
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

func checkUTF8(name string, src []byte) *Diagnostic {
	if utf8.Valid(src) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return &Diagnostic{
				Summary: "the file is not UTF-8",
				Detail:  fmt.Sprintf("byte 0x%02X is not valid UTF-8; save the file as UTF-8 (rule files are always UTF-8, so å ä ö stay readable)", src[i]),
				Pos:     Pos{File: name, Line: line, Column: col},
				Width:   1,
			}
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return nil
}

// tokenSlice replays tokens that were lexed once, so the parser does not
// lex the file a second time (lexing is most of the cost of parsing).
type tokenSlice struct {
	tokens []lexer.Token // ends with an EOF token
	next   int
}

func (s *tokenSlice) Next() (lexer.Token, error) {
	t := s.tokens[s.next]
	if s.next < len(s.tokens)-1 {
		s.next++
	}
	return t, nil
}

var elided = []lexer.TokenType{tokComment, tokWhitespace}

func parseTokens(tokens []lexer.Token) (*File, error) {
	peeker, err := lexer.Upgrade(&tokenSlice{tokens: tokens}, elided...)
	if err != nil {
		return nil, err
	}
	return parser.ParseFromLexer(peeker)
}

// tokens returns the chunk's tokens followed by an EOF at its end.
func (c chunk) tokens(all []lexer.Token, name string) []lexer.Token {
	var out []lexer.Token
	var endPos lexer.Position
	for _, t := range all {
		if t.EOF() {
			endPos = t.Pos
			break
		}
		if t.Pos.Offset >= c.end {
			endPos = t.Pos
			break
		}
		if t.Pos.Offset >= c.start {
			out = append(out, t)
		}
	}
	if endPos.Filename == "" {
		endPos.Filename = name
	}
	return append(out, lexer.EOFToken(endPos))
}

type chunk struct {
	start, end int // byte offsets
	line       int // line of start, from 1
}

// splitDecls cuts the file at every top-level keyword that starts a line.
// Text blocks are single tokens, so a keyword inside one never splits.
func splitDecls(tokens []lexer.Token, text string) []chunk {
	var starts []lexer.Position
	for _, t := range tokens {
		if t.Type == tokIdent && t.Pos.Column == 1 && topLevel[t.Value] {
			starts = append(starts, t.Pos)
		}
	}
	if len(starts) == 0 || starts[0].Offset > 0 {
		starts = append([]lexer.Position{{Offset: 0, Line: 1, Column: 1}}, starts...)
	}
	chunks := make([]chunk, len(starts))
	for i, p := range starts {
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1].Offset
		}
		chunks[i] = chunk{start: p.Offset, end: end, line: p.Line}
	}
	return chunks
}

// syntaxDiagnostic turns a participle error into a Diagnostic that says
// what was found, what was expected and, for a misspelt keyword, what was
// probably meant.
func syntaxDiagnostic(name string, err error, fallbackLine int) *Diagnostic {
	d := &Diagnostic{Severity: Error, Pos: Pos{File: name, Line: fallbackLine, Column: 1}, Width: 1}
	var perr participle.Error
	if !errors.As(err, &perr) {
		d.Summary = err.Error()
		return d
	}
	p := perr.Position()
	d.Pos = Pos{File: name, Line: p.Line, Column: p.Column}
	var ute *participle.UnexpectedTokenError
	if !errors.As(err, &ute) {
		d.Summary = perr.Message()
		return d
	}
	tok := ute.Unexpected
	expect := expectation(ute)
	switch {
	case tok.EOF():
		d.Summary = "unexpected end of file"
		d.Detail = "a block opened with { is not closed, or a declaration is cut short; add what is missing"
		if expect != "" {
			d.Detail += " (expected " + expect + ")"
		}
		return d
	}
	// Stray characters and unterminated strings never get here: Parse
	// reports them from the tokens (lexicalErrors) and skips their
	// declarations.
	d.Width = utf8.RuneCountInString(firstLine(tok.Value))
	d.Summary = fmt.Sprintf("unexpected %s", describeToken(tok))
	var hints []string
	if tok.Type == tokIdent {
		if dym := DidYouMean(tok.Value, Keywords); dym != "" {
			hints = append(hints, dym)
		}
	}
	if expect == `"}"` {
		// Participle only knows that the block could end here; what the
		// author most likely missed is a property keyword or a comma.
		expect = `a property on its own line, a "," between list items, or the "}" that closes the block`
	}
	if expect != "" {
		hints = append(hints, "expected "+expect)
	}
	d.Detail = strings.Join(hints, "\n")
	return d
}

func describeToken(t lexer.Token) string {
	switch t.Type {
	case tokTextBlock:
		return "text block"
	case tokString:
		return "string " + t.Value
	case tokCode:
		return "code " + t.Value
	case tokNumber:
		return "number " + t.Value
	case tokDate:
		return "date " + t.Value
	}
	return fmt.Sprintf("%q", t.Value)
}

// expectation renders what participle expected in the words of the
// language rather than the names of Go types.
func expectation(ute *participle.UnexpectedTokenError) string {
	msg := ute.Message()
	i := strings.Index(msg, "(expected ")
	if i < 0 {
		return ""
	}
	e := strings.TrimSuffix(msg[i+len("(expected "):], ")")
	if strings.ContainsAny(e, "<>") || e == "" {
		// A grammar node name, which means nothing to a rule author.
		return ""
	}
	parts := strings.Split(e, " | ")
	sort.Strings(parts)
	return strings.Join(parts, " or ")
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
