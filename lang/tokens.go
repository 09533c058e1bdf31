package lang

// TokenKind is the class of a token of a rule file, for tools that look
// at the source word by word (the language server's hover, completion
// and references), so that they see strings, text blocks and comments
// exactly as the parser does.
type TokenKind int

// The token classes; see the lexer for what each matches.
const (
	TokenComment   TokenKind = iota // # … to end of line
	TokenTextBlock                  // """…""", may span lines
	TokenString                     // "…" on one line
	TokenDate                       // 2024-11-05
	TokenCode                       // VL244, XX44, VXX44
	TokenPrefix                     // VL2
	TokenNumber                     // 44
	TokenIdent                      // hjarntumorer, has, when
	TokenOp                         // == != <= >= < > ( ) , [ ] { } -
	TokenInvalid                    // a character the language does not use, an unterminated string
)

// Token is one token with its place: Pos.Column counts characters (runes)
// from 1, Offset bytes from the start of the text.
type Token struct {
	Kind   TokenKind
	Text   string
	Pos    Pos
	Offset int
}

// Tokens returns the tokens of src (whitespace left out) as the parser
// sees them. It never fails: what the language does not know becomes a
// TokenInvalid.
func Tokens(name string, src []byte) []Token {
	lexed := lexText(name, string(src))
	out := make([]Token, 0, len(lexed)/2+1)
	for _, t := range lexed {
		var k TokenKind
		switch t.Type {
		case tokComment:
			k = TokenComment
		case tokTextBlock:
			k = TokenTextBlock
		case tokString:
			k = TokenString
		case tokDate:
			k = TokenDate
		case tokCode:
			k = TokenCode
		case tokPrefix:
			k = TokenPrefix
		case tokNumber:
			k = TokenNumber
		case tokIdent:
			k = TokenIdent
		case tokOp:
			k = TokenOp
		case tokInvalid:
			k = TokenInvalid
		default: // whitespace, EOF
			continue
		}
		out = append(out, Token{Kind: k, Text: t.Value, Pos: Pos{File: name, Line: t.Pos.Line, Column: t.Pos.Column}, Offset: t.Pos.Offset})
	}
	return out
}
