package lang

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/rcc/svfrules/internal/lazy"
)

// Token types of the rule language. The lexer is written by hand because
// participle's regexp lexer re-examines the rest of the file for every
// token; this one looks at each byte once.
const (
	tokEOF lexer.TokenType = lexer.EOF - iota
	tokComment
	tokTextBlock
	tokString
	tokDate
	tokCode
	tokPrefix
	tokNumber
	tokIdent
	tokOp
	tokWhitespace
	tokInvalid
)

// ruleLexer is the lexer.Definition the parser is built with.
var ruleLexer = &handLexer{}

type handLexer struct{}

// Symbols names the token types. The map is made on first use (when a
// parser is built): this package does no work at start-up, which every
// command paid for (issue 16).
func (l *handLexer) Symbols() map[string]lexer.TokenType { return tokenSymbols.Get() }

var tokenSymbols = lazy.Value[map[string]lexer.TokenType]{New: func() map[string]lexer.TokenType {
	return map[string]lexer.TokenType{
		"EOF": tokEOF, "Comment": tokComment, "TextBlock": tokTextBlock, "String": tokString,
		"Date": tokDate, "Code": tokCode, "Prefix": tokPrefix, "Number": tokNumber,
		"Ident": tokIdent, "Op": tokOp, "Whitespace": tokWhitespace, "Invalid": tokInvalid,
	}
}}

func (l *handLexer) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return l.LexString(filename, string(data))
}

// LexString tokenises text. It never fails: a character the language
// does not use becomes an Invalid token the parser reports with its place.
func (l *handLexer) LexString(filename, text string) (lexer.Lexer, error) {
	return &tokenSlice{tokens: lexText(filename, text)}, nil
}

func isIdentStart(b byte) bool { return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
func isIdentPart(b byte) bool  { return isIdentStart(b) || b >= '0' && b <= '9' }
func isUpper(b byte) bool      { return b >= 'A' && b <= 'Z' }
func isDigitB(b byte) bool     { return b >= '0' && b <= '9' }

// lexText returns all tokens of text, ending with an EOF token. The token
// classes match what the grammar expects:
//
//	Comment    #… to end of line
//	TextBlock  """…""" (may span lines)
//	String     "…" on one line, with \" and \\ escapes
//	Date       NNNN-NN-NN
//	Code       V + two upper-case letters or digits + two digits (VL244), or XX + two digits
//	Prefix     V + upper-case letter + digit (VL2)
//	Number     digits
//	Ident      letters, digits and _, not starting with a digit
//	Op         == != <= >= < > ( ) , [ ] { } -
func lexText(filename, text string) []lexer.Token {
	// Tokens are collected in blocks and joined once at the end: growing
	// one slice would copy every token several times, which is most of
	// the time for a file of millions of tokens.
	const blockSize = 4096
	var full [][]lexer.Token
	tokens := make([]lexer.Token, 0, min(blockSize, len(text)/4+1))
	pos := lexer.Position{Filename: filename, Line: 1, Column: 1}
	emit := func(typ lexer.TokenType, n int) {
		v := text[pos.Offset : pos.Offset+n]
		if len(tokens) == cap(tokens) {
			full = append(full, tokens)
			tokens = make([]lexer.Token, 0, blockSize)
		}
		tokens = append(tokens, lexer.Token{Type: typ, Value: v, Pos: pos})
		pos.Advance(v)
	}
	for pos.Offset < len(text) {
		rest := text[pos.Offset:]
		b := rest[0]
		switch {
		case b == ' ' || b == '\t' || b == '\r' || b == '\n':
			n := 1
			for n < len(rest) && (rest[n] == ' ' || rest[n] == '\t' || rest[n] == '\r' || rest[n] == '\n') {
				n++
			}
			emit(tokWhitespace, n)
		case b == '#':
			n := strings.IndexByte(rest, '\n')
			if n < 0 {
				n = len(rest)
			}
			emit(tokComment, n)
		case strings.HasPrefix(rest, `"""`):
			if end := strings.Index(rest[3:], `"""`); end >= 0 {
				emit(tokTextBlock, end+6)
			} else {
				emit(tokInvalid, 1) // reported as an unterminated string
			}
		case b == '"':
			if n := stringLen(rest); n > 0 {
				emit(tokString, n)
			} else {
				emit(tokInvalid, 1)
			}
		case isDigitB(b):
			n := 1
			for n < len(rest) && isDigitB(rest[n]) {
				n++
			}
			if n == 4 && len(rest) >= 10 && rest[4] == '-' && isDigitB(rest[5]) && isDigitB(rest[6]) && rest[7] == '-' && isDigitB(rest[8]) && isDigitB(rest[9]) && (len(rest) == 10 || !isIdentPart(rest[10])) {
				emit(tokDate, 10)
				continue
			}
			emit(tokNumber, n)
		case isIdentStart(b):
			n := 1
			for n < len(rest) && isIdentPart(rest[n]) {
				n++
			}
			word := rest[:n]
			switch {
			case n == 5 && word[0] == 'V' && (isUpper(word[1]) || isDigitB(word[1])) && (isUpper(word[2]) || isDigitB(word[2])) && isDigitB(word[3]) && isDigitB(word[4]),
				n == 4 && word[0] == 'X' && word[1] == 'X' && isDigitB(word[2]) && isDigitB(word[3]):
				emit(tokCode, n)
			case n == 3 && word[0] == 'V' && isUpper(word[1]) && isDigitB(word[2]):
				emit(tokPrefix, n)
			default:
				emit(tokIdent, n)
			}
		default:
			if len(rest) >= 2 && (rest[:2] == "==" || rest[:2] == "!=" || rest[:2] == "<=" || rest[:2] == ">=") {
				emit(tokOp, 2)
				continue
			}
			if strings.IndexByte("<>(),[]{}-", b) >= 0 {
				emit(tokOp, 1)
				continue
			}
			_, size := utf8.DecodeRuneInString(rest)
			emit(tokInvalid, size)
		}
	}
	if full != nil {
		n := len(tokens) + 1
		for _, b := range full {
			n += len(b)
		}
		all := make([]lexer.Token, 0, n)
		for _, b := range full {
			all = append(all, b...)
		}
		tokens = append(all, tokens...)
	}
	return append(tokens, lexer.EOFToken(pos))
}

// stringLen is the length of the "…" string at the start of s including
// its quotes, or 0 when it does not end on its line.
func stringLen(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\') {
				i++
				continue
			}
			return 0
		case '\n':
			return 0
		case '"':
			return i + 1
		}
	}
	return 0
}
