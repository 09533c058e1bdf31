package lang

import (
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"

	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// parser is built on first use, not at package initialisation: building
// the grammar takes milliseconds, and most runs (eval of the embedded
// guide, which is loaded pre-parsed; versions; help) never parse.
var parser = lazy.Value[*participle.Parser[File]]{New: func() *participle.Parser[File] {
	return participle.MustBuild[File](
		participle.Lexer(ruleLexer),
		participle.Elide("Comment", "Whitespace"),
		participle.UseLookahead(4),
	)
}}

// Keywords are the words of the language, for "did you mean" hints on
// syntax errors.
var Keywords = []string{
	"guide", "date", "title", "source", "note", "qualifier", "pathway", "prefix",
	"icd10", "code", "kind", "scope", "description", "name", "table", "for",
	"heading", "rule", "severity", "message", "ref", "when", "leadtime",
	"from", "to", "target", "days", "none", "test", "event", "expect",
	"findings", "no", "leadtimes", "reportable", "reported_as", "and", "or",
	"not", "in", "true", "false", "section", "text", "pathways", "codes",
	"changelog",
}

// topLevel reports whether word is a keyword that starts a declaration;
// after a syntax error the parser resumes at the next line that starts
// with one of them.
func topLevel(word string) bool {
	switch word {
	case "guide", "qualifier", "pathway", "code", "rule", "leadtime", "test", "section":
		return true
	}
	return false
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
	nesting, tooDeep := nestingErrors(name, tokens)

	// The common case: the whole file parses in one go.
	var err error
	if !tooDeep {
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
	//
	// A declaration is skipped when a diagnostic lies on one of its lines
	// (its last line is the next one's first): it would only repeat it.
	// Everything here is linear in the number of tokens, as a file of
	// hundreds of thousands of broken declarations must not hang.
	chunks := splitDecls(tokens)
	blocking := append(lexicalErrors(name, text, tokens, chunks), nesting...)
	blocking.Sort()
	var diags Diagnostics
	next := 0        // first diagnostic of blocking not before the chunk
	lastSyntax := -1 // line of the last syntax error, the only one that can lie in a later chunk
	var stopped *Pos // where parsing stopped after MaxErrors errors
	for _, chunk := range chunks {
		for next < len(blocking) && blocking[next].Pos.Line < chunk.line {
			next++
		}
		if next < len(blocking) && blocking[next].Pos.Line <= chunk.endLine ||
			lastSyntax >= chunk.line && lastSyntax <= chunk.endLine {
			continue
		}
		if next+len(diags) >= MaxErrors {
			stopped = &Pos{File: name, Line: chunk.line, Column: 1}
			break
		}
		part, err := parseTokens(chunk.tokens(tokens))
		if err != nil {
			d := refineSyntax(name, text, tokens, chunk, err, syntaxDiagnostic(name, err, chunk.line))
			diags = append(diags, d)
			lastSyntax = d.Pos.Line
			continue
		}
		file.Decls = append(file.Decls, part.Decls...)
	}
	diags = append(blocking, diags...)
	diags.Sort()
	if len(diags) > MaxErrors && (stopped == nil || before(diags[MaxErrors].Pos, *stopped)) {
		stopped = &diags[MaxErrors].Pos
	}
	if stopped != nil {
		// Only errors before the place where the rest is left out.
		n := 0
		for n < len(diags) && n < MaxErrors && before(diags[n].Pos, *stopped) {
			n++
		}
		diags = diags[:n]
		diags = append(diags, &Diagnostic{
			Severity: Error,
			Summary:  fmt.Sprintf(msg.ParseTooManyErrors, MaxErrors),
			Detail:   msg.ParseTooManyErrorsDetail,
			Pos:      *stopped,
			Width:    1,
		})
	}
	if len(diags) == 0 && err != nil {
		// The pieces parsed though the whole did not: report the original error.
		diags = append(diags, syntaxDiagnostic(name, err, 1))
	}
	return file, diags
}

// before reports whether p comes before q in the same file.
func before(p, q Pos) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Column < q.Column
}

// lexicalErrors reports every Invalid token: a character the language
// does not use, or the quote of a string that does not end on its line.
// The first maxHinted of them say what to write instead where the
// grammar accepts it (letterHint, semicolonHint).
func lexicalErrors(name, text string, tokens []lexer.Token, chunks []chunk) Diagnostics {
	var diags Diagnostics
	for i, t := range tokens {
		// Tokens come in order: only the last diagnostic can be on t's line.
		if t.Type != tokInvalid || len(diags) > 0 && diags[len(diags)-1].Pos.Line == t.Pos.Line {
			continue
		}
		d := &Diagnostic{Severity: Error, Pos: Pos{File: name, Line: t.Pos.Line, Column: t.Pos.Column}, Width: 1}
		if t.Value == `"` {
			d.Summary = msg.ParseUnterminatedString
			d.Detail = msg.ParseUnterminatedStringDetail
		} else {
			d.Summary = fmt.Sprintf(msg.ParseBadCharacter, t.Value)
			d.Detail = msg.ParseBadCharacterDetail
			if len(diags) < maxHinted {
				letterHint(d, text, tokens, chunks, i)
				semicolonHint(d, text, tokens, chunks, i)
			}
		}
		diags = append(diags, d)
	}
	return diags
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
				Summary: msg.ParseNotUTF8,
				Detail:  fmt.Sprintf(msg.ParseNotUTF8Detail, src[i]),
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
	return parser.Get().ParseFromLexer(peeker)
}

// tokens returns a copy of the chunk's tokens followed by an EOF where the
// next chunk starts.
func (c chunk) tokens(all []lexer.Token) []lexer.Token {
	out := make([]lexer.Token, 0, c.to-c.from+1)
	out = append(out, all[c.from:c.to]...)
	return append(out, lexer.EOFToken(all[c.to].Pos))
}

// chunk is one declaration: tokens[from:to], starting on line and ending
// on endLine, the line where the next one starts (or the file's last).
type chunk struct {
	from, to      int
	line, endLine int
}

// splitDecls cuts the file at every top-level keyword that starts a line.
// Text blocks are single tokens, so a keyword inside one never splits.
// tokens ends with an EOF token.
func splitDecls(tokens []lexer.Token) []chunk {
	var starts []int
	for i, t := range tokens {
		if t.Type == tokIdent && t.Pos.Column == 1 && topLevel(t.Value) {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 || starts[0] > 0 {
		starts = append([]int{0}, starts...)
	}
	eof := len(tokens) - 1
	chunks := make([]chunk, 0, len(starts))
	for i, from := range starts {
		to := eof
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		line := tokens[from].Pos.Line
		if from == 0 {
			line = 1
		}
		chunks = append(chunks, chunk{from: from, to: to, line: line, endLine: tokens[to].Pos.Line})
	}
	return chunks
}

// syntaxDiagnostic turns a participle error into a Diagnostic that says
// what was found, what was expected and, for a misspelt keyword, what was
// probably meant.
func syntaxDiagnostic(name string, err error, fallbackLine int) *Diagnostic {
	d := &Diagnostic{Severity: Error, Pos: Pos{File: name, Line: fallbackLine, Column: 1}, Width: 1}
	// Errors other than an unexpected token (the parser's own limits)
	// are in the parser's English: the place is kept, the words are ours.
	d.Summary, d.Detail = msg.ParseSyntax, msg.ParseSyntaxDetail
	var perr participle.Error
	if !errors.As(err, &perr) {
		return d
	}
	p := perr.Position()
	d.Pos = Pos{File: name, Line: p.Line, Column: p.Column}
	var ute *participle.UnexpectedTokenError
	if !errors.As(err, &ute) {
		return d
	}
	d.Detail = ""
	tok := ute.Unexpected
	expect := expectation(ute)
	switch {
	case tok.EOF():
		d.Summary = msg.ParseEOF
		d.Detail = msg.ParseEOFDetail
		if expect != "" {
			d.Detail += fmt.Sprintf(msg.ParseExpectedIn, expect)
		}
		return d
	}
	// Stray characters and unterminated strings never get here: Parse
	// reports them from the tokens (lexicalErrors) and skips their
	// declarations.
	d.Width = utf8.RuneCountInString(firstLine(tok.Value))
	d.Summary = describeToken(tok)
	var hints []string
	if tok.Type == tokIdent && !isSwedishWord(tok.Value) {
		if dym := DidYouMean(tok.Value, Keywords); dym != "" {
			hints = append(hints, dym)
		}
	}
	if expect == `"}"` {
		// Participle only knows that the block could end here; what the
		// author most likely missed is a property keyword or a comma.
		expect = msg.ParseExpectedBlockEnd
	}
	if expect == "" {
		// Participle names nothing only when the file's list of
		// declarations ended: a declaration should start here.
		expect = msg.ExpectDeclaration
	}
	hints = append(hints, fmt.Sprintf(msg.ParseExpected, expect))
	d.Detail = strings.Join(hints, "\n")
	return d
}

// describeToken is the summary of a parse error at t.
func describeToken(t lexer.Token) string {
	switch t.Type {
	case tokTextBlock:
		return msg.TokenTextBlock
	case tokString:
		return fmt.Sprintf(msg.TokenString, t.Value)
	case tokCode:
		return fmt.Sprintf(msg.TokenCode, t.Value)
	case tokNumber:
		return fmt.Sprintf(msg.TokenNumber, t.Value)
	case tokDate:
		return fmt.Sprintf(msg.TokenDate, t.Value)
	}
	return fmt.Sprintf(msg.TokenOther, t.Value)
}

// expectation renders what participle expected in the words of the
// language rather than the parser's. Participle names the rest of the
// production that failed, in EBNF (`Text "{" PathwayProp* "}"`); its
// first term is what could not be found there, the rest is what would
// have followed. A block's lone "}" is its own case (see
// syntaxDiagnostic); "" when the parser said nothing.
func expectation(ute *participle.UnexpectedTokenError) string {
	m := ute.Message()
	i := strings.Index(m, "(expected ")
	if i < 0 {
		return ""
	}
	e := strings.TrimSuffix(m[i+len("(expected "):], ")")
	if e == `"}"` {
		return e
	}
	return describeTerm(e)
}

// splitTop splits e at each sep outside quotes and parentheses.
func splitTop(e, sep string) []string {
	var parts []string
	depth, quoted, from := 0, false, 0
	for i := 0; i < len(e); i++ {
		switch c := e[i]; {
		case quoted && c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && strings.HasPrefix(e[i:], sep):
			parts = append(parts, e[from:i])
			from = i + len(sep)
			i += len(sep) - 1
		}
	}
	return append(parts, e[from:])
}

// expectedWords describes the grammar's token types and productions.
// TestExpectationWords keeps it complete: every name the grammar has.
var expectedWords = lazy.Value[map[string]string]{New: func() map[string]string {
	return map[string]string{
		"<string>": msg.ExpectString, "<textblock>": msg.ExpectTextBlock, "<ident>": msg.ExpectName,
		"<number>": msg.ExpectNumber, "<date>": msg.ExpectDate, "<code>": msg.ExpectCode, "<prefix>": msg.ExpectPrefix,
		"Text": msg.ExpectText, "Target": msg.ExpectTarget,
		"Expr": msg.ExpectCondition, "AndExpr": msg.ExpectCondition, "NotExpr": msg.ExpectCondition, "Cmp": msg.ExpectCondition,
		"Operand": msg.ExpectValue, "Call": msg.ExpectValue,
		"Decl": msg.ExpectDeclaration, "TestProp": msg.ExpectTestLine,
		"GuideProp": msg.ExpectProperty, "SectionProp": msg.ExpectProperty, "PathwayProp": msg.ExpectProperty,
		"CodeProp": msg.ExpectProperty, "RuleProp": msg.ExpectProperty, "LeadTimeProp": msg.ExpectProperty,
		"ChangeLog": msg.ExpectDate, "Row": msg.ExpectName, "Attr": msg.ExpectName,
		"Guide": `"guide"`, "Qualifier": `"qualifier"`, "Pathway": `"pathway"`, "Code": `"code"`, "Rule": `"rule"`,
		"LeadTime": `"leadtime"`, "Test": `"test"`, "Section": `"section"`, "LocalName": `"name"`, "Table": `"table"`,
		"Note": `"note"`, "Event": `"event"`, "Expect": `"expect"`, "ExpectLeadTime": `"leadtime"`,
	}
}}

// describeTerm says what an EBNF expression stands for at its start:
// each alternative's first term; "" when it names nothing the grammar
// has (then the diagnostic says only what was found).
func describeTerm(t string) string {
	if alts := splitTop(t, " | "); len(alts) > 1 {
		var words []string
		for _, a := range alts {
			d := describeTerm(a)
			if d == "" {
				return ""
			}
			if !slices.Contains(words, d) {
				words = append(words, d)
			}
		}
		sort.Strings(words)
		return strings.Join(words, msg.ParseOr)
	}
	if seq := splitTop(t, " "); len(seq) > 1 {
		return describeTerm(seq[0])
	}
	t = strings.TrimRight(t, "?*+!")
	switch {
	case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")"):
		return describeTerm(t[1 : len(t)-1])
	case len(t) > 1 && strings.HasPrefix(t, `"`) && strings.HasSuffix(t, `"`):
		return t
	}
	return expectedWords.Get()[t]
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
