package lang

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/rcc/svfrules/internal/english"
)

// TestExpectationWords: every production and token type of the grammar
// has words for "väntade …", so no grammar name reaches a user.
func TestExpectationWords(t *testing.T) {
	ebnf := parser.Get().String()
	names := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^(\w+) = `).FindAllStringSubmatch(ebnf, -1) {
		names[m[1]] = true
	}
	for _, m := range regexp.MustCompile(`<\w+>`).FindAllString(ebnf, -1) {
		names[m] = true
	}
	if len(names) < 30 {
		t.Fatalf("only %d names in the grammar: the walk is broken\n%s", len(names), ebnf)
	}
	for n := range names {
		if n != "File" && expectedWords.Get()[n] == "" {
			t.Errorf("%s has no words in expectedWords", n)
		}
	}
}

// TestSyntaxErrorTexts: every path of a parse error says in Swedish what
// was found and what was expected, without the parser's grammar names.
func TestSyntaxErrorTexts(t *testing.T) {
	cases := []struct {
		name, src string
		want      string // pos: summary | detail
	}{
		{"pathway without a name", "pathway hjarntumorer {\n  prefix VL2\n}\n",
			`f:1:22: oväntat "{" | väntade en text inom citattecken, "…" eller """…"""`},
		{"pathway without a key", "pathway \"Hjärntumörer\" {\n}\n",
			`f:1:9: oväntad sträng "Hjärntumörer" | väntade ett namn (små bokstäver, siffror och _)`},
		{"header without a brace", "guide \"1.0\"\n  date 2024-01-01\n}\n",
			`f:1:12: raden tar slut för tidigt | väntade "{"`},
		{"header without a version", "guide {\n}\n",
			`f:1:7: oväntat "{" | väntade en text inom citattecken, "…"`},
		{"misspelt property", "guide \"1.0\" {\n  titl \"x\"\n}\n",
			"f:2:3: oväntat \"titl\" | menade du \"title\"?\nväntade en egenskap på en egen rad, ett \",\" mellan listans delar, eller \"}\" som stänger blocket"},
		{"property in Swedish", "guide \"1.0\" {\n  titel \"x\"\n}\n",
			"f:2:3: oväntat \"titel\" | skriv `title \"x\"`: regelspråkets ord för \"titel\" är \"title\""},
		// Swedish words are read by their meaning before any guess by
		// spelling: "och" is two edits from "or".
		{"och in a condition", "leadtime l {\n  when not has(XX44) och has(XX22)\n  target 48 days\n}\n",
			"f:2:22: oväntat \"och\" | skriv `when not has(XX44) and has(XX22)`: regelspråkets ord för \"och\" är \"and\""},
		{"eller in a condition", "rule r {\n  when has(XX44) eller age < 18\n}\n",
			"f:2:18: oväntat \"eller\" | skriv `when has(XX44) or age < 18`: regelspråkets ord för \"eller\" är \"or\""},
		{"inte read as a name", "leadtime l {\n  when inte has(XX44)\n  target 48 days\n}\n",
			"f:2:8: oväntat \"inte\" | skriv `when not has(XX44)`: regelspråkets ord för \"inte\" är \"not\""},
		{"och in a list", "leadtime l {\n  from XX10\n  to XX52 och XX54\n}\n",
			"f:3:11: oväntat \"och\" | skriv `to XX52, XX54`: delarna i en lista skiljs åt med \",\", inte med \"och\""},
		{"semicolon in a list", "leadtime l {\n  from XX10\n  to XX52; XX54\n}\n",
			"f:3:10: oväntat tecken \";\" | skriv `to XX52, XX54`: delarna i en lista skiljs åt med \",\", inte med \";\""},
		{"short word no guess", "rule r {\n  when has(XX44) ock has(XX22)\n}\n",
			"f:2:18: oväntat \"ock\" | väntade en egenskap på en egen rad, ett \",\" mellan listans delar, eller \"}\" som stänger blocket"},
		{"name with å ä ö", "leadtime l {\n  pathway hjärntumörer\n}\n",
			"f:2:11: oväntat tecken \"ä\" i \"hjärntumörer\" | skriv `pathway hjarntumorer`: namn skrivs utan å, ä och ö"},
		{"keyword with å", "leadtime l {\n  mål 48 dagar\n}\n",
			"f:2:3: oväntat tecken \"å\" i \"mål\" | skriv \"target\" i stället för \"mål\": regelspråkets nyckelord är engelska"},
		{"age with a unit", "test t {\n  age 45 år\n}\n",
			"f:2:10: oväntat tecken \"å\" i \"år\" | skriv `age 45`: åldern anges i hela år, utan enhet"},
		{"å where no name fits", "guide \"1.0\" {\n  date 2024-01-01 år\n}\n",
			"f:2:19: oväntat tecken \"å\" i \"år\" | namn och nyckelord skrivs utan å, ä och ö (som hjarntumorer); å, ä och ö får stå inom citattecken och i #-kommentarer"},
		{"prefix without a comma", "pathway a \"A\" {\n  prefix VN4 VN6\n}\n",
			`f:2:14: oväntat "VN6" | väntade en egenskap på en egen rad, ett "," mellan listans delar, eller "}" som stänger blocket`},
		{"prefix that is a code", "pathway a \"A\" {\n  prefix VL250\n}\n",
			`f:2:10: oväntad kod VL250 | väntade ett prefix, som VL2`},
		{"table row without a mark", "code 10 \"x\" {\n  table {\n    a\n  }\n}\n",
			`f:3:6: raden tar slut för tidigt | väntade "-" eller "x"`},
		{"code without a number", "code VL250 \"x\" {\n}\n",
			`f:1:6: oväntad kod VL250 | väntade ett tal`},
		{"event without a date", "test t {\n  event VL210\n}\n",
			`f:2:14: raden tar slut för tidigt | väntade ett datum, ÅÅÅÅ-MM-DD`},
		{"target without days", "leadtime l {\n  target 28\n}\n",
			"f:2:12: raden tar slut för tidigt | skriv `target 28 days`: målet anges i dagar, och enheten skrivs alltid `days` (regelspråkets ord för dagar)"},
		{"target with a unit word", "leadtime l {\n  when not has(XX44)\n  target 48 dagar\n  ref \"r\"\n}\n",
			"f:3:13: oväntat \"dagar\" | skriv `target 48 days`: målet anges i dagar, och enheten skrivs alltid `days` (regelspråkets ord för dagar)"},
		{"target without days before a property", "leadtime l {\n  target 48\n  ref \"r\"\n}\n",
			"f:2:12: raden tar slut för tidigt | skriv `target 48 days`: målet anges i dagar, och enheten skrivs alltid `days` (regelspråkets ord för dagar)"},
		{"event without a date before an event", "test t {\n  event VL210\n  event VL254 2024-01-02\n}\n",
			"f:2:14: raden tar slut för tidigt | väntade ett datum, ÅÅÅÅ-MM-DD"},
		{"target as a word", "leadtime l {\n  target snart\n}\n",
			"f:2:10: oväntat \"snart\" | väntade ett mål i dagar, som `28 days`, eller `none`"},
		{"rule without a condition", "rule r {\n  when\n}\n",
			`f:2:7: raden tar slut för tidigt | väntade ett villkor, som ` + "`has(XX50)` eller `age < 18`"},
		{"unclosed call", "rule r {\n  when has(XX50\n}\n", // participle gives up at the call
			`f:2:11: oväntat "(" | väntade en egenskap på en egen rad, ett "," mellan listans delar, eller "}" som stänger blocket`},
		{"comparison without a right side", "rule r {\n  when age <\n}\n",
			`f:2:12: oväntat "<" | väntade en egenskap på en egen rad, ett "," mellan listans delar, eller "}" som stänger blocket`},
		{"expect without what", "test t {\n  expect\n}\n", // read as an attribute named expect
			`f:2:9: raden tar slut för tidigt | väntade en text inom citattecken, "…" eller ett tal`},
		{"misspelt declaration", "rul r {\n}\n",
			"f:1:1: oväntat \"rul\" | menade du \"rule\"?\nväntade en deklaration: `guide`, `qualifier`, `pathway`, `code`, `rule`, `leadtime`, `test` eller `section`"},
		{"declaration in Swedish", "regel r {\n}\n",
			"f:1:1: oväntat \"regel\" | skriv `rule r {`: regelspråkets ord för \"regel\" är \"rule\""},
		{"stray word at the top", "tabell r {\n}\n",
			"f:1:1: oväntat \"tabell\" | väntade en deklaration: `guide`, `qualifier`, `pathway`, `code`, `rule`, `leadtime`, `test` eller `section`"},
		{"end of file inside a block", "guide \"1.0\" {\n  date 2024-01-01\n",
			"f:3:1: filen tar slut för tidigt | ett block som öppnas med { är inte stängt, eller en deklaration är avbruten; lägg till det som saknas (väntade \"}\")"},
		{"unterminated string", "guide \"1.0 {\n}\n",
			`f:1:7: strängen tar inte slut | en "…"-sträng måste sluta på samma rad; för text över flera rader, använd ett """…"""-block`},
		{"bad character", "guide \"1.0\" {\n  date 2024-01-01 §\n}\n",
			"f:2:19: oväntat tecken \"§\" | ta bort det; regelfiler består av bokstäver, siffror, strängar inom citattecken, #-kommentarer och tecknen { } ( ) [ ] , - == != < <= > >="},
		{"not UTF-8", "guide \"1.0\xff\" {\n}\n",
			"f:1:11: filen är inte UTF-8 | byten 0xFF är inte giltig UTF-8; spara filen som UTF-8 (regelfiler är alltid UTF-8, så att å ä ö går att läsa)"},
		{"nesting", "rule r {\n  when " + strings.Repeat("(", MaxNesting+1) + "true" + strings.Repeat(")", MaxNesting+1) + "\n}\n",
			"f:2:208: villkoret är nästlat för djupt (mer än 200 nivåer) | parenteser och `not` får tillsammans vara högst 200 nivåer djupa; ta bort onödiga parenteser och dubbla `not`, eller dela upp villkoret i flera regler"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := Parse("f", []byte(tc.src))
			if len(ds) == 0 {
				t.Fatal("parses")
			}
			d := ds[0]
			got := d.Pos.String() + ": " + d.Summary + " | " + d.Detail
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
			for _, text := range []string{d.Summary, d.Detail} {
				if w := english.Words(text); len(w) > 0 {
					t.Errorf("English %q in %q", w, text)
				}
			}
		})
	}
}

// TestSyntaxDiagnosticOtherErrors: an error of the parser other than an
// unexpected token (its limits, in its English) keeps its place and says
// in Swedish what to do.
func TestSyntaxDiagnosticOtherErrors(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{participle.Errorf(lexer.Position{Line: 2, Column: 3}, "too many iterations of Row* (> 1000000)"),
			"f:2:3: syntaxfel | jämför raden med exemplen i docs/language.md; en deklaration börjar med sitt nyckelord längst till vänster på raden"},
		{errors.New("something else"),
			"f:7:1: syntaxfel | jämför raden med exemplen i docs/language.md; en deklaration börjar med sitt nyckelord längst till vänster på raden"},
	} {
		d := syntaxDiagnostic("f", tc.err, 7)
		if got := d.Pos.String() + ": " + d.Summary + " | " + d.Detail; got != tc.want {
			t.Errorf("%v:\ngot  %s\nwant %s", tc.err, got, tc.want)
		}
	}
}
