// Package english finds English words in texts meant to be Swedish: the
// message catalogue's test and the tests that read what commands print
// use it, so that one word list decides what counts as English.
package english

import (
	"regexp"
	"slices"
	"strings"
)

// words are common English function words and verbs that are not
// Swedish words: a text that holds one is (partly) English. Words that
// are Swedish too (in, be, an, man, stand, under, hand, …), the values
// messages name (text, json, error, warning, info, none) and the rule
// language's keywords that Swedish texts write unquoted (code, rule,
// pathway, date, title …) are left out.
var words = []string{
	"the", "is", "are", "was", "cannot", "can't", "must", "should", "would", "could",
	"file", "files", "folder", "found", "expected", "invalid", "unknown", "missing",
	"with", "without", "which", "this", "that", "these", "there", "has", "have", "does",
	"and", "or", "of", "to", "for", "from", "by", "on", "at", "it", "its", "no", "yes",
	"give", "use", "write", "read", "only", "when", "will", "line", "row", "rows",
	"column", "header", "value", "values", "allowed", "given", "twice", "wrong",
	"did", "you", "mean", "please", "add", "remove", "each", "every", "than", "got",
	"usage", "flags", "default", "example", "examples", "output", "input",
	// The rule compiler's and the test runner's old English.
	"declared", "defined", "listed", "undefined", "already", "belongs", "misses",
	"takes", "compare", "compared", "ordered", "condition", "both", "sides", "side",
	"list", "item", "literal", "number", "same", "type", "keep", "first", "second",
	"one", "two", "least", "most", "not", "such", "as", "lower", "case",
	"expects", "nothing", "starts", "close", "closes", "closing", "days",
	"lead", "time", "range", "capitals", "scope", "last",
	"reported", "reportable", "here", "unexpected", "token", "grammar", "failed", "passed",
}

// code is what a text quotes rather than says: rule-file syntax in
// backquotes, quoted literals, flags, placeholders, file names and paths,
// and ids written with an underscore (reported_as, avslutskod_saknas_info).
var code = regexp.MustCompile("`[^`]*`" + `|"[^"]*"|”[^”]*”|“[^”]*”|'[^']*'|\w+(,\w+)+|--?[A-Za-z][\w-]*(=\S+)?|%[-+# 0-9.]*[a-zA-Z]|\S+\.(csv|svf|md|xlsx|html|json|jsonl)\b|\S*/\S*|<[^>]*>|\w*_\w*`)

var word = regexp.MustCompile(`[\p{L}']+`)

// production is a grammar production's name (PathwayProp, GuideProp): a
// parser's words leaking into a message, English and meaningless to the
// quality group.
var production = regexp.MustCompile(`^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}`)

// technical is the technical detail msg.TechnicalEnglish marks at the
// end of a message: a library's English error text, for whoever helps
// the user, after the Swedish sentence that says what to do.
var technical = regexp.MustCompile(`\(teknisk uppgift, på engelska: .*\)$`)

// Words returns the English words of text, outside what it quotes and a
// technical detail (msg.TechnicalEnglish), in order, and the names of
// grammar productions (PathwayProp).
func Words(text string) []string {
	return find(text, nil)
}

// values are the English names of values (severities, diff levels) that
// a message may name as what to type ("ange error, warning eller info")
// but output must not use as its own words: a level or severity column
// says it in Swedish.
var values = []string{"info", "action", "review", "error", "warning", "none"}

// flagValue is a flag followed by the name of a value (--level info):
// what to type, not a word of the output.
var flagValue = regexp.MustCompile(`--?[A-Za-z][\w-]*\s+(info|action|review|error|warning|none)\b`)

// OutputWords is Words for what a command prints as its own text (not
// --help or a usage error, which say what to type): the English names
// of values count too, unless they follow a flag.
func OutputWords(text string) []string {
	return find(flagValue.ReplaceAllString(text, " "), values)
}

func find(text string, more []string) []string {
	var found []string
	text = technical.ReplaceAllString(text, " ")
	for _, w := range word.FindAllString(code.ReplaceAllString(text, " "), -1) {
		lw := strings.ToLower(w)
		if slices.Contains(words, lw) || slices.Contains(more, lw) || production.MatchString(w) {
			found = append(found, w)
		}
	}
	return found
}
