// Package english finds English words in texts meant to be Swedish: the
// message catalogue's test and the tests that read what commands print
// use it, so that one word list decides what counts as English.
package english

import (
	"regexp"
	"slices"
	"strings"
	"sync"
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

// fieldPlaces are the places a rejected row's field stands as a value in
// what people read: "file:row: FIELD: reason" (the list of rows that
// could not be read), "rad N avvisades (FIELD, reason)" (an incomplete
// episode's rejected row, msg.IncompleteRejected) and a table's cell of
// its own (csv, xlsx, html, markdown); %s is the field. A field id
// elsewhere — the user's own header quoted or listed ("kolumn 6
// (diagnosis)", "episode → förlopp"), the headers a file may use
// ("(episode, code och date går också)"), an id beside its Swedish name
// ("diagnos (diagnosis)") — is not a value.
var fieldPlaces = []string{`:\d+: %s:`, `avvisades \(%s, `, `^\s*%s\s*$`, `^\|(?:.*\|)?\s*%s\s*\|`}

// FieldIDs returns the ids (date, code, age …) that text shows where a
// field's name stands (see fieldPlaces), in the order of ids: people
// read the Swedish name there (datum, kod, ålder). Text for programs
// (json values, the rfc4180 csv) keeps the ids and is not passed here.
func FieldIDs(text string, ids []string) []string {
	re := fieldRegexp(ids)
	var found []string
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		for _, g := range m[1:] {
			if g != "" && !slices.Contains(found, g) {
				found = append(found, g)
			}
		}
	}
	slices.SortFunc(found, func(a, b string) int { return slices.Index(ids, a) - slices.Index(ids, b) })
	return found
}

var (
	fieldMu  sync.Mutex
	fieldRes = map[string]*regexp.Regexp{}
)

// fieldRegexp is the expression of fieldPlaces for ids, one group per
// place capturing the id; compiled once per list of ids.
func fieldRegexp(ids []string) *regexp.Regexp {
	key := strings.Join(ids, "\x00")
	fieldMu.Lock()
	defer fieldMu.Unlock()
	if re, ok := fieldRes[key]; ok {
		return re
	}
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = regexp.QuoteMeta(id)
	}
	alt := "(" + strings.Join(quoted, "|") + ")"
	places := make([]string, len(fieldPlaces))
	for i, p := range fieldPlaces {
		places[i] = strings.ReplaceAll(p, "%s", alt)
	}
	re := regexp.MustCompile(`(?m)` + strings.Join(places, "|"))
	fieldRes[key] = re
	return re
}
