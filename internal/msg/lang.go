package msg

// The rule-file language (package lang): parse errors and the hints
// shared by every area.

// DidYouMean is the hint for a misspelt name, used by every command and
// diagnostic (%q: the likely name).
const DidYouMean = "menade du %q?"

// Parse errors of the rule files (lang.Parse), shown by check, the
// language server and every command that reads rules.
const (
	// ParseUnterminatedString: a "…" string that does not end on its line.
	ParseUnterminatedString = "strängen tar inte slut"
	// ParseUnterminatedStringDetail says what to do.
	ParseUnterminatedStringDetail = `en "…"-sträng måste sluta på samma rad; för text över flera rader, använd ett """…"""-block`
	// ParseBadCharacter: a character the language does not use (%q: it).
	ParseBadCharacter = "oväntat tecken %q"
	// ParseBadCharacterDetail says what to do.
	ParseBadCharacterDetail = "ta bort det; regelfiler består av bokstäver, siffror, strängar inom citattecken, #-kommentarer och tecknen { } ( ) [ ] , - == != < <= > >="
	// ParseNotUTF8: the file is not UTF-8.
	ParseNotUTF8 = "filen är inte UTF-8"
	// ParseNotUTF8Detail says what to do (%02X: the first bad byte).
	ParseNotUTF8Detail = "byten 0x%02X är inte giltig UTF-8; spara filen som UTF-8 (regelfiler är alltid UTF-8, så att å ä ö går att läsa)"
	// ParseEOF: the file ends inside a declaration.
	ParseEOF = "filen tar slut för tidigt"
	// ParseEOFDetail says what to do.
	ParseEOFDetail = "ett block som öppnas med { är inte stängt, eller en deklaration är avbruten; lägg till det som saknas"
	// ParseExpectedIn follows ParseEOFDetail (%s: what was expected).
	ParseExpectedIn = " (väntade %s)"
	// ParseExpected: what could stand there instead (%s: it).
	ParseExpected = "väntade %s"
	// ParseExpectedBlockEnd is what a block expects where participle
	// only knows that it could end.
	ParseExpectedBlockEnd = `en egenskap på en egen rad, ett "," mellan listans delar, eller "}" som stänger blocket`
	// ParseOr joins alternatives in ParseExpected.
	ParseOr = " eller "
	// ParseLineEnds: a property's line ends before the property is
	// complete; ParseExpected follows with what is missing.
	ParseLineEnds = "raden tar slut för tidigt"
	// ParseTargetDays: what to write for a lead-time target whose number
	// is followed by another word than days, or by nothing (%s: the number).
	ParseTargetDays = "skriv `target %s days`: målet anges i dagar, och enheten skrivs alltid `days` (regelspråkets ord för dagar)"
	// TokenTextBlock: a """…""" block where it cannot stand. The Token*
	// texts are the summary of a parse error at a token of each kind, the
	// adjective agreeing with the kind's gender (en kod: oväntad; ett tal:
	// oväntat).
	TokenTextBlock = "oväntat textblock"
	// TokenString: a string (%s: it).
	TokenString = "oväntad sträng %s"
	// TokenCode: a code (%s: it).
	TokenCode = "oväntad kod %s"
	// TokenNumber: a number (%s: it).
	TokenNumber = "oväntat tal %s"
	// TokenDate: a date (%s: it).
	TokenDate = "oväntat datum %s"
	// TokenOther: any other token, a word or a sign (%q: it).
	TokenOther = "oväntat %q"
)

// What a parse error says was expected, in the words of the language
// rather than the parser's: each follows ParseExpected or ParseExpectedIn.
const (
	// ExpectText: a quoted text, "…" or """…""".
	ExpectText = `en text inom citattecken, "…" eller """…"""`
	// ExpectString: a "…" string.
	ExpectString = `en text inom citattecken, "…"`
	// ExpectTextBlock: a """…""" block.
	ExpectTextBlock = `ett textblock, """…"""`
	// ExpectName: a name (a key, an id, a keyword).
	ExpectName = "ett namn (små bokstäver, siffror och _)"
	// ExpectNumber: a number.
	ExpectNumber = "ett tal"
	// ExpectDate: a date.
	ExpectDate = "ett datum, ÅÅÅÅ-MM-DD"
	// ExpectCode: a code.
	ExpectCode = "en kod, som VL250 eller XX50"
	// ExpectPrefix: a pathway prefix.
	ExpectPrefix = "ett prefix, som VL2"
	// ExpectCondition: a condition.
	ExpectCondition = "ett villkor, som `has(XX50)` eller `age < 18`"
	// ExpectValue: a value in a condition.
	ExpectValue = "ett värde: en kod, ett datum, ett tal, en text, ett namn eller ett funktionsanrop"
	// ExpectTarget: a lead time's target.
	ExpectTarget = "ett mål i dagar, som `28 days`, eller `none`"
	// ExpectDeclaration: a declaration at the top of a file.
	ExpectDeclaration = "en deklaration: `guide`, `qualifier`, `pathway`, `code`, `rule`, `leadtime`, `test` eller `section`"
	// ExpectProperty: a property inside a block.
	ExpectProperty = "en egenskap"
	// ExpectTestLine: a line of a test.
	ExpectTestLine = "`event`, `expect` eller ett attribut, som `age 54`"
)

// ParseSyntax is the summary of a parse error the parser does not explain
// further; ParseSyntaxDetail says what to do.
const (
	// ParseSyntax: the declaration does not follow the language.
	ParseSyntax = "syntaxfel"
	// ParseSyntaxDetail says what to do.
	ParseSyntaxDetail = "jämför raden med exemplen i docs/language.md; en deklaration börjar med sitt nyckelord längst till vänster på raden"
)

// Hints for Swedish words and letters in a rule file: each says what to
// write, and is given only where the grammar accepts it.
const (
	// ParseSwedishWord: a Swedish word for a keyword (%s: the line as it
	// should be written; %q: the word; %q: the keyword).
	ParseSwedishWord = "skriv `%s`: regelspråkets ord för %q är %q"
	// ParseSwedishWordOnly: the same where the rest of the line has
	// another error, shown next (%q: the keyword; %q: the word).
	ParseSwedishWordOnly = "skriv %q i stället för %q: regelspråkets nyckelord är engelska"
	// ParseListComma: "och", "eller" or ";" between the parts of a list
	// (%s: the line as it should be written; %q: what was written).
	ParseListComma = "skriv `%s`: delarna i en lista skiljs åt med \",\", inte med %q"
	// ParseBadLetter: å, ä or ö in a bare word (%q: the letter; %q: the word).
	ParseBadLetter = "oväntat tecken %q i %q"
	// ParseBadLetterDetail: what to do when no better hint is known.
	ParseBadLetterDetail = "namn och nyckelord skrivs utan å, ä och ö (som hjarntumorer); å, ä och ö får stå inom citattecken och i #-kommentarer"
	// ParseFoldedName: a name with å, ä or ö (%s: the line with the name
	// written without them).
	ParseFoldedName = "skriv `%s`: namn skrivs utan å, ä och ö"
	// ParseAgeNoUnit: "år" after an age (%s: the line without it).
	ParseAgeNoUnit = "skriv `%s`: åldern anges i hela år, utan enhet"
)
