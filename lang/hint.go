package lang

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
)

// swedishWords maps Swedish words the quality group may write for a
// keyword to the keyword of the same meaning. A hint maps a Swedish word
// by its meaning before any guess by spelling: "och" is two edits from
// "or", the opposite of what it means.
var swedishWords = lazy.Value[map[string]string]{New: func() map[string]string {
	return map[string]string{
		"och": "and", "eller": "or", "inte": "not", "ej": "not", "icke": "not",
		"dagar": "days", "dag": "days", "mål": "target", "från": "from", "till": "to",
		"när": "when", "om": "when", "regel": "rule", "ledtid": "leadtime",
		"vårdförlopp": "pathway", "kod": "code", "koder": "codes", "ingen": "none",
		"inga": "no", "sant": "true", "falskt": "false", "i": "in", "avsnitt": "section",
		"namn": "name", "meddelande": "message", "allvarlighetsgrad": "severity",
		"händelse": "event", "förvänta": "expect", "förväntat": "expect", "fynd": "findings",
		"titel": "title", "källa": "source", "anteckning": "note", "beskrivning": "description",
		"tabell": "table", "rubrik": "heading", "datum": "date", "vägledning": "guide",
		"kodningsvägledning": "guide", "ledtider": "leadtimes",
	}
}}

// (Made when first read, as expectedWords is: only a rule file with
// errors needs them, not every start; issue 16.)

// listWord reports whether word joins the parts of a list in Swedish prose;
// in a list of the language the parts are joined by ",".
func listWord(word string) bool { return word == "och" || word == "eller" }

// isSwedishWord reports whether word is one of swedishWords: such a word
// gets no "did you mean" by spelling.
func isSwedishWord(word string) bool {
	_, ok := swedishWords.Get()[strings.ToLower(word)]
	return ok
}

// accepts reports whether the parser gets past tokens[i0:i1] of chunk c
// once they are replaced by repl (none when repl is nil): the chunk
// parses, or fails only after them. A hint is given only when the
// grammar accepts what it tells the author to write.
func accepts(tokens []lexer.Token, c chunk, i0, i1 int, repl *lexer.Token) bool {
	ok, _ := acceptsAt(tokens, c, i0, i1, repl)
	return ok
}

// acceptsAt is accepts, and says also whether the line parses to its end
// with the replacement (the rest of the line has no other error): only
// then can a hint show the whole line as it should be written.
func acceptsAt(tokens []lexer.Token, c chunk, i0, i1 int, repl *lexer.Token) (ok, lineOK bool) {
	line := tokens[i0].Pos.Line
	after := func(err error) (bool, bool) {
		if err == nil {
			return true, true
		}
		var perr participle.Error
		if !errors.As(err, &perr) || perr.Position().Offset <= tokens[i1-1].Pos.Offset {
			return false, false
		}
		return true, perr.Position().Line > line
	}
	out := make([]lexer.Token, 0, c.to-c.from+1)
	out = append(out, tokens[c.from:i0]...)
	if repl != nil {
		out = append(out, *repl)
	}
	out = append(out, tokens[i1:c.to]...)
	out = append(out, lexer.EOFToken(tokens[c.to].Pos))
	_, err := parseTokens(out)
	if ok, lineOK = after(err); ok {
		return ok, lineOK
	}
	// The parser backtracks a property that fails within its lookahead to
	// the property's start (`target 48 dagar` fails at "target"): a
	// property that starts with the replacement is parsed alone.
	parse := propParsers.Get()[tokens[c.from].Value]
	if repl == nil || parse == nil || i0 == c.from {
		return false, false
	}
	rest := append([]lexer.Token{*repl}, tokens[i1:c.to]...)
	rest = append(rest, lexer.EOFToken(tokens[c.to].Pos))
	return after(parse(rest))
}

// correctedLine is line n of text with the bytes [from, to) replaced by
// repl, trimmed: what the hint tells the author to write.
func correctedLine(text string, from, to int, repl string) string {
	start := strings.LastIndexByte(text[:from], '\n') + 1
	end := strings.IndexByte(text[to:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += to
	}
	line := text[start:from] + repl + text[to:end]
	return strings.Join(strings.Fields(line), " ")
}

// tokenAt is the index of the token of chunk c at offset off, or -1.
func tokenAt(tokens []lexer.Token, c chunk, off int) int {
	for i := c.from; i < c.to; i++ {
		if tokens[i].Pos.Offset == off {
			return i
		}
	}
	return -1
}

// swedishHint rewrites a syntax error at tokens[at] (or the word before
// it on the same line, which the parser may have taken for a name: `when
// inte has(XX44)` fails at "has") when that word is Swedish for a
// keyword and the keyword, or "," for a list word, is what the grammar
// accepts there. It returns nil when there is no such word.
func swedishHint(name, text string, tokens []lexer.Token, c chunk, at int) *Diagnostic {
	candidates := []int{at}
	if prev := previousToken(tokens, c.from, tokens[at].Pos); prev >= 0 && tokens[prev].Pos.Line == tokens[at].Pos.Line {
		candidates = append(candidates, prev)
	}
	for _, i := range candidates {
		t := tokens[i]
		if t.Type != tokIdent {
			continue
		}
		word := strings.ToLower(t.Value)
		kw, ok := swedishWords.Get()[word]
		if !ok || kw == word {
			continue
		}
		from, to := t.Pos.Offset, t.Pos.Offset+len(t.Value)
		repl := lexer.Token{Type: tokIdent, Value: kw, Pos: t.Pos}
		d := &Diagnostic{Severity: Error, Pos: Pos{File: name, Line: t.Pos.Line, Column: t.Pos.Column},
			Width: utf8.RuneCountInString(t.Value), Summary: fmt.Sprintf(msg.TokenOther, t.Value)}
		if ok, lineOK := acceptsAt(tokens, c, i, i+1, &repl); ok {
			d.Detail = swedishWordDetail(text, from, to, t.Value, kw, lineOK)
			return d
		}
		if listWord(word) {
			comma := lexer.Token{Type: tokOp, Value: ",", Pos: t.Pos}
			if accepts(tokens, c, i, i+1, &comma) {
				// "XX52 och XX54" → "XX52, XX54": the comma follows the part before.
				d.Detail = fmt.Sprintf(msg.ParseListComma, correctedLine(text, from, to, ","), t.Value)
				d.Detail = strings.Replace(d.Detail, " ,", ",", 1)
				return d
			}
		}
	}
	return nil
}

// foldSwedish writes å, ä, ö (and é, ü) as the names of the rule files
// do: "hjärntumörer" → "hjarntumorer".
var foldSwedish = lazy.Value[*strings.Replacer]{New: func() *strings.Replacer {
	return strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "Å", "A", "Ä", "A", "Ö", "O", "é", "e", "É", "E", "ü", "u", "Ü", "U")
}}

// wordAround returns the tokens [i0, i1) that make one word with the
// invalid letter tokens[i]: idents, numbers and letters outside ASCII
// written without space between them ("hj" "ä" "rntum" "ö" "rer").
func wordAround(tokens []lexer.Token, i int) (int, int) {
	part := func(t lexer.Token) bool {
		switch t.Type {
		case tokIdent, tokNumber, tokCode, tokPrefix:
			return true
		case tokInvalid:
			r, _ := utf8.DecodeRuneInString(t.Value)
			return unicode.IsLetter(r)
		}
		return false
	}
	i0, i1 := i, i+1
	for i0 > 0 && part(tokens[i0-1]) && tokens[i0-1].Pos.Offset+len(tokens[i0-1].Value) == tokens[i0].Pos.Offset {
		i0--
	}
	for i1 < len(tokens) && part(tokens[i1]) && tokens[i1-1].Pos.Offset+len(tokens[i1-1].Value) == tokens[i1].Pos.Offset {
		i1++
	}
	return i0, i1
}

// letterHint rewrites the diagnostic of a letter the language does not
// use (å, ä, ö) in a bare word: it points at the whole word and says what
// to write that the grammar accepts there. "år" after a number is an
// age's unit, which the language does not write; a Swedish keyword is
// its keyword; any other word is a name, written without å, ä and ö.
// Following the hint for a name gives either the name that exists or the
// compiler's "okänt …" with its own suggestion, never another rule.
func letterHint(d *Diagnostic, text string, tokens []lexer.Token, chunks []chunk, i int) {
	r, _ := utf8.DecodeRuneInString(tokens[i].Value)
	if !unicode.IsLetter(r) {
		return
	}
	i0, i1 := wordAround(tokens, i)
	from, to := tokens[i0].Pos.Offset, tokens[i1-1].Pos.Offset+len(tokens[i1-1].Value)
	word := text[from:to]
	d.Pos.Column = tokens[i0].Pos.Column
	d.Width = utf8.RuneCountInString(word)
	d.Summary = fmt.Sprintf(msg.ParseBadLetter, tokens[i].Value, word)
	d.Detail = msg.ParseBadLetterDetail
	c, ok := chunkOf(chunks, i)
	if !ok {
		return
	}
	lower := strings.ToLower(word)
	if lower == "år" {
		if prev := previousToken(tokens, c.from, tokens[i0].Pos); prev >= 0 && tokens[prev].Type == tokNumber && accepts(tokens, c, i0, i1, nil) {
			pfrom := tokens[prev].Pos.Offset + len(tokens[prev].Value)
			d.Detail = fmt.Sprintf(msg.ParseAgeNoUnit, correctedLine(text, pfrom, to, ""))
		}
		return
	}
	if kw, ok := swedishWords.Get()[lower]; ok {
		repl := lexer.Token{Type: tokIdent, Value: kw, Pos: tokens[i0].Pos}
		if ok, lineOK := acceptsAt(tokens, c, i0, i1, &repl); ok {
			d.Detail = swedishWordDetail(text, from, to, word, kw, lineOK)
		}
		return
	}
	folded := foldSwedish.Get().Replace(word)
	if folded == word || !isASCIIName(folded) {
		return
	}
	repl := lexer.Token{Type: tokIdent, Value: folded, Pos: tokens[i0].Pos}
	if accepts(tokens, c, i0, i1, &repl) {
		d.Detail = fmt.Sprintf(msg.ParseFoldedName, correctedLine(text, from, to, folded))
	}
}

// isASCIIName reports whether s lexes as one name.
func isASCIIName(s string) bool {
	if s == "" || !isIdentStart(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isIdentPart(s[i]) {
			return false
		}
	}
	return true
}

// chunkOf is the chunk that holds tokens[i].
func chunkOf(chunks []chunk, i int) (chunk, bool) {
	for _, c := range chunks {
		if i >= c.from && i < c.to {
			return c, true
		}
	}
	return chunk{}, false
}

// semicolonHint rewrites the diagnostic of a ";" where the grammar
// accepts a ",": a list written as in prose ("to XX52; XX54").
func semicolonHint(d *Diagnostic, text string, tokens []lexer.Token, chunks []chunk, i int) {
	if tokens[i].Value != ";" {
		return
	}
	c, ok := chunkOf(chunks, i)
	if !ok {
		return
	}
	comma := lexer.Token{Type: tokOp, Value: ",", Pos: tokens[i].Pos}
	if accepts(tokens, c, i, i+1, &comma) {
		off := tokens[i].Pos.Offset
		d.Detail = fmt.Sprintf(msg.ParseListComma, correctedLine(text, off, off+1, ","), ";")
	}
}

// maxHinted is how many of a file's stray characters get a hint: each
// parses its declaration again, and a file of thousands of them needs
// no more than the first.
const maxHinted = 10

// swedishWordDetail says to write keyword kw for the Swedish word at
// text[from:to]: with the whole line when the rest of it is right, else
// the keyword alone (the line's next error has its own hint).
func swedishWordDetail(text string, from, to int, word, kw string, lineOK bool) string {
	if lineOK {
		return fmt.Sprintf(msg.ParseSwedishWord, correctedLine(text, from, to, kw), word, kw)
	}
	return fmt.Sprintf(msg.ParseSwedishWordOnly, kw, word)
}
