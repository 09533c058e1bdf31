package msg

// Diagnostics of the rule compiler (package compiler): what `svfrules
// check`, the language server and every command that reads rule files
// say about them. Each summary says what is wrong; its …Detail says what
// to do, with an example in the rule language. The language's keywords
// (`pathway`, `code`, `rule` …) are syntax and stay as written, in
// backquotes.

// Labels of a diagnostic's severity in the text form (file:line:col:
// fel: …). check --format json keeps "error" and "warning" for programs.
const (
	// DiagError labels an error.
	DiagError = "fel"
	// DiagWarning labels a warning.
	DiagWarning = "varning"
)

// Hints shared by many diagnostics.
const (
	// OneOf lists the valid words when nothing is close to what was
	// written (%s: the words, each in backquotes, joined by ", ").
	OneOf = "använd en av: %s"
	// FirstAt says where the first of two declarations is (%s:
	// file:line:col of the first).
	FirstAt = "den första står på %s; ta bort eller byt namn på den ena"
)

// Reading the rule folder (compiler.Load) and the limits of the parser.
const (
	// RulesFolderUnreadable: the rule folder cannot be listed (%s: why,
	// RulesNoSuchFolder, RulesNoPermission or the system's words).
	RulesFolderUnreadable = "regelmappen går inte att läsa: %s"
	// RulesFolderUnreadableDetail says what to do.
	RulesFolderUnreadableDetail = "ange en mapp som innehåller .svf-filerna för en version av vägledningen, t.ex. --rules rules/10.6"
	// RulesNoSuchFolder: why, when the folder does not exist.
	RulesNoSuchFolder = "den finns inte"
	// RulesNoPermission: why, when the user may not read it.
	RulesNoPermission = "behörighet saknas"
	// RulesFolderEmpty: the folder holds no rule file.
	RulesFolderEmpty = "mappen har inga regelfiler (*.svf)"
	// RulesFolderEmptyDetail says what to do.
	RulesFolderEmptyDetail = "en version av vägledningen är en mapp med .svf-filer; se docs/language.md"
	// RuleFileUnreadable: one rule file cannot be read (%s: why, as in
	// RulesFolderUnreadable).
	RuleFileUnreadable = "regelfilen går inte att läsa: %s"
	// RuleFileReadFailed: reading a rule file failed midway (%s: its
	// name, %w: the system's error).
	RuleFileReadFailed = "%s kunde inte läsas: %w"
	// RuleFileNotRegular: a rule file that is not a regular file (%s:
	// what it is, one of RuleFileKind*).
	RuleFileNotRegular = "regelfilen är inte en vanlig fil utan %s"
	// RuleFileNotRegularDetail says what to do.
	RuleFileNotRegularDetail = "bara vanliga filer läses som regelfiler; byt ut den mot en vanlig textfil, eller ge den ett namn som inte slutar på .svf"
	// RuleFileKindDir names a folder in RuleFileNotRegular.
	RuleFileKindDir = "en mapp"
	// RuleFileKindPipe names a named pipe in RuleFileNotRegular.
	RuleFileKindPipe = "en namngiven pipe (FIFO)"
	// RuleFileKindSocket names a socket in RuleFileNotRegular.
	RuleFileKindSocket = "en socket"
	// RuleFileKindDevice names a device in RuleFileNotRegular.
	RuleFileKindDevice = "en enhetsfil"
	// RuleFileKindOther names anything else in RuleFileNotRegular.
	RuleFileKindOther = "något annat"
	// RuleFileTooLarge: a rule file over the limit (%d: the limit in MiB).
	RuleFileTooLarge = "regelfilen är större än %d MiB"
	// RuleFileTooLargeDetail says what to do (%d: the limit in MiB).
	RuleFileTooLargeDetail = "en regelfil får vara högst %d MiB (hela vägledningen 10.6 är omkring 100 kB); kontrollera att det är rätt fil, eller dela upp den i flera filer"
	// RuleFilesTooMany: a folder with too many rule files (%d: how many,
	// %d: the most read).
	RuleFilesTooMany = "mappen har %d regelfiler (*.svf); högst %d läses"
	// RuleFilesTooManyDetail says what to do.
	RuleFilesTooManyDetail = "en version av vägledningen är ett tiotal filer; kontrollera att det är rätt mapp"
	// ParseTooManyErrors: the parser stopped reporting (%d: how many
	// errors are shown).
	ParseTooManyErrors = "för många fel i filen; de första %d visas"
	// ParseTooManyErrorsDetail says what to do.
	ParseTooManyErrorsDetail = "rätta felen ovan och kör igen; är det rätt fil?"
	// ParseNesting: a condition nested too deep (%d: the limit).
	ParseNesting = "villkoret är nästlat för djupt (mer än %d nivåer)"
	// ParseNestingDetail says what to do (%d: the limit).
	ParseNestingDetail = "parenteser och `not` får tillsammans vara högst %d nivåer djupa; ta bort onödiga parenteser och dubbla `not`, eller dela upp villkoret i flera regler"
)

// Declarations and properties.
const (
	// PropertyTwice: a property given twice in one block (%s: the
	// property's keyword).
	PropertyTwice = "`%s` står två gånger i blocket"
	// PropertyTwiceDetail says what to do (%d: the line of the first).
	PropertyTwiceDetail = "den första står på rad %d; behåll en av dem"
	// NotADate: a date that is not a real day (%s: it as written).
	NotADate = "%s är inget datum"
	// NotADateDetail says what to do.
	NotADateDetail = "skriv datumet som ÅÅÅÅ-MM-DD, en dag som finns i kalendern, t.ex. 2024-11-05"
	// HeaderMissing: no file of the version has a `guide` header.
	HeaderMissing = "regelfilerna saknar huvud (`guide`)"
	// HeaderMissingDetail says what to do.
	HeaderMissingDetail = "lägg till ett huvud i en av versionens filer, t.ex. `guide \"10.6\" { date 2024-11-05  title \"…\" }`"
	// HeaderTwice: a second `guide` header.
	HeaderTwice = "ett andra huvud (`guide`)"
	// HeaderTwiceDetail says what to do (%s: where the first is).
	HeaderTwiceDetail = "det första står på %s; en version har exakt ett huvud"
	// HeaderBadVersion: the header's version is no version number (%s:
	// it, quoted).
	HeaderBadVersion = "versionen %s är inget versionsnummer"
	// HeaderBadVersionDetail says what to do.
	HeaderBadVersionDetail = "skriv versionen som tal med punkter, t.ex. `guide \"10.6\"`"
	// HeaderNoDate: the header has no `date`.
	HeaderNoDate = "huvudet saknar `date`"
	// HeaderNoDateDetail says what to do.
	HeaderNoDateDetail = "lägg till vägledningens publiceringsdatum, t.ex. `date 2024-11-05`"
	// HeaderNoTitle: the header has no `title`.
	HeaderNoTitle = "huvudet saknar `title`"
	// HeaderNoTitleDetail says what to do.
	HeaderNoTitleDetail = "lägg till vägledningens titel, t.ex. `title \"Kodningsvägledning för SVF\"`"
	// QualifierTwice: a qualifier defined twice (%q: its name).
	QualifierTwice = "kvalificeringen %q definieras två gånger"
	// PathwayTwice: a pathway declared twice (%q: its key).
	PathwayTwice = "vårdförloppet %q deklareras två gånger"
	// PathwayTwiceDetail says what to do (%s: where the first is).
	PathwayTwiceDetail = "det första står på %s; varje vårdförlopp deklareras en gång"
	// PathwayKeyCase: a pathway key that is not lower case (%q: it).
	PathwayKeyCase = "vårdförloppets nyckel %q är inte skriven med gemener"
	// PathwayKeyCaseDetail says what to do.
	PathwayKeyCaseDetail = "en nyckel består av små bokstäver a–z (utan å, ä, ö), siffror och _, t.ex. `pathway hjarntumorer \"Hjärntumörer\"`"
	// PrefixTaken: a prefix another pathway has (%s: the prefix, %q: the
	// other pathway's key, %s: where it is declared).
	PrefixTaken = "prefixet %s hör redan till vårdförloppet %q (%s)"
	// PrefixTakenDetail says what to do.
	PrefixTakenDetail = "varje prefix hör till ett vårdförlopp; rätta prefixet eller ta bort det här"
	// NotICD10: a pathway's icd10 entry that is no ICD-10 code (%q: it).
	NotICD10 = "%q är ingen ICD-10-kod"
	// NotICD10Detail says what to do.
	NotICD10Detail = "skriv en ICD-10-kod med versaler, t.ex. `icd10 \"C71\", \"C54.9\"`"
	// PathwayNoPrefix: a pathway without prefix (%q: its key).
	PathwayNoPrefix = "vårdförloppet %q saknar prefix"
	// PathwayNoPrefixDetail says what to do.
	PathwayNoPrefixDetail = "lägg till `prefix VXX` (eller två, `prefix VN4, VN6`) som i vägledningens \"Kodernas uppbyggnad\""
	// PathwayTooManyPrefixes: a pathway with more than two prefixes (%q:
	// its key, %d: how many).
	PathwayTooManyPrefixes = "vårdförloppet %q har %d prefix"
	// PathwayTooManyPrefixesDetail says what to do.
	PathwayTooManyPrefixesDetail = "vägledningen ger högst två prefix per vårdförlopp; ta bort de som inte hör dit"
	// UndeclaredPathway: a pathway key no `pathway` declares (%q: it).
	UndeclaredPathway = "okänt vårdförlopp %q"
	// UndeclaredPathwayDetail says what to do when no key is close.
	UndeclaredPathwayDetail = "vårdförloppen deklareras med `pathway nyckel \"Namn\" { prefix VXX }`; kontrollera stavningen mot dem"
	// CodeNotTwoDigits: a code not named by two digits (%s: as written).
	CodeNotTwoDigits = "koden %s är inte två siffror"
	// CodeNotTwoDigitsDetail says what to do.
	CodeNotTwoDigitsDetail = "en kod namnges med sina två sista siffror, t.ex. `code 50` för VXX50"
	// CodeTwice: a code declared twice (%s: its two digits).
	CodeTwice = "koden %s deklareras två gånger"
	// CodeTwiceDetail says what to do (%s: where the first is).
	CodeTwiceDetail = "den första står på %s; varje kod deklareras en gång"
	// UnknownKind: a `kind` the language does not have (%q: it).
	UnknownKind = "okänd `kind` %q"
	// UnknownScope: a `scope` the language does not have (%q: it).
	UnknownScope = "okänd `scope` %q"
	// CodeTwoTables: a code with two tables (%s: its two digits).
	CodeTwoTables = "koden %s har två tabeller"
	// CodeTwoTablesDetail says what to do (%s: where the first is).
	CodeTwoTablesDetail = "den första står på %s; en kod har en tabell, slå ihop dem"
	// CodeNoKind: a code without `kind` (%s: its two digits).
	CodeNoKind = "koden %s saknar `kind`"
	// CodeNoKindDetail says what to do (%s: the kinds, in backquotes).
	CodeNoKindDetail = "lägg till `kind` med en av: %s, t.ex. `kind treatment`"
	// CodeNoScope: a code without `scope` (%s: its two digits).
	CodeNoScope = "koden %s saknar `scope`"
	// CodeNoScopeDetail says what to do.
	CodeNoScopeDetail = "lägg till `scope table` (vägledningen har en tabell för koden) eller `scope every` (koden gäller i alla vårdförlopp)"
	// CodeNoTable: `scope table` without a table (%s: the code's digits).
	CodeNoTable = "koden %s har `scope table` men ingen tabell"
	// CodeNoTableDetail says what to do.
	CodeNoTableDetail = "lägg till `table { … }` med alla vårdförlopp, eller skriv `scope every`"
	// CodeTableNotUsed: `scope every` with a table (%s: the code's
	// digits).
	CodeTableNotUsed = "koden %s har `scope every` men en tabell"
	// CodeTableNotUsedDetail says what to do.
	CodeTableNotUsedDetail = "skriv `scope table`, eller ta bort tabellen"
	// LocalNameGeneric: a local name for the generic code (%s: as
	// written, XX50).
	LocalNameGeneric = "%s är inte ett enskilt vårdförlopps kod"
	// LocalNameGenericDetail says what to do (%s: the code's digits).
	LocalNameGenericDetail = "ett lokalt namn hör till ett vårdförlopps kod, t.ex. `name VL2%s \"…\"`"
	// LocalNameOtherCode: a local name under another code (%s: as
	// written, %s: the code's digits).
	LocalNameOtherCode = "%s är ingen kod %s"
	// LocalNameOtherCodeDetail says what to do (%s: the code's digits,
	// twice).
	LocalNameOtherCodeDetail = "ett lokalt namn under `code %s` ska sluta på %s"
	// NoSuchPrefix: a prefix no pathway has (%s: it).
	NoSuchPrefix = "inget vårdförlopp har prefixet %s"
	// NoSuchPrefixIn: a code whose prefix no pathway has (%s: the
	// prefix, %s: the code as written).
	NoSuchPrefixIn = "inget vårdförlopp har prefixet %s (i %s)"
	// NoSuchPrefixDetail says what to do when no prefix is close.
	NoSuchPrefixDetail = "prefixen står i vårdförloppens `prefix`; skriv ett av dem, eller XX för alla vårdförlopp"
	// TableRowTwice: a pathway listed twice in a table (%q: its key, %s:
	// the code's digits).
	TableRowTwice = "vårdförloppet %q står två gånger i tabellen för kod %s"
	// TableRowTwiceDetail says what to do (%d: the line of the first).
	TableRowTwiceDetail = "den första raden är rad %d; ta med varje vårdförlopp en gång"
	// UndefinedQualifier: a qualifier no `qualifier` defines (%q: it).
	UndefinedQualifier = "odefinierad kvalificering %q"
	// UndefinedQualifierDetail says what to do when no name is close (%s:
	// the name, %s: the defined ones, in backquotes).
	UndefinedQualifierDetail = "definiera den med `qualifier %s \"…\"`, eller använd en av: %s"
	// QualifierUnmarked: a qualifier on a cell without x.
	QualifierUnmarked = "kvalificering på en tom cell"
	// QualifierUnmarkedDetail says what to do.
	QualifierUnmarkedDetail = "en kvalificering begränsar en ikryssad cell; kryssa i cellen, t.ex. `hjarntumorer x (kur)`, eller ta bort kvalificeringen"
	// TableMissesPathways: a table without a row for some pathways (%s:
	// the code's digits, %d: how many).
	TableMissesPathways = "tabellen för kod %s saknar %d vårdförlopp"
	// TableMissesPathwaysDetail says what to do (%s: the missing keys).
	TableMissesPathwaysDetail = "varje tabell räknar upp alla vårdförlopp, med x eller -; lägg till: %s"
)

// Rules, lead times and tests.
const (
	// RuleTwice: a rule id defined twice (%q: it).
	RuleTwice = "regeln %q definieras två gånger"
	// RuleTwiceDetail says what to do (%s: where the first is).
	RuleTwiceDetail = "den första står på %s; en regels id är unikt inom en version"
	// UnknownSeverity: a `severity` the language does not have (%q: it).
	UnknownSeverity = "okänd `severity` %q"
	// RuleNoSeverity: a rule without `severity` (%q: its id).
	RuleNoSeverity = "regeln %q saknar `severity`"
	// RuleNoSeverityDetail says what to do.
	RuleNoSeverityDetail = "lägg till `severity error`, `severity warning` eller `severity info`"
	// RuleNoMessage: a rule without `message` (%q: its id).
	RuleNoMessage = "regeln %q saknar `message`"
	// RuleNoMessageDetail says what to do.
	RuleNoMessageDetail = "lägg till `message \"…\"` på svenska: vad som är fel och vad som ska göras"
	// RuleNoCondition: a rule without `when` (%q: its id).
	RuleNoCondition = "regeln %q saknar villkor (`when`)"
	// RuleNoConditionDetail says what to do.
	RuleNoConditionDetail = "lägg till `when` med ett villkor: regeln ger ett fynd när villkoret gäller, t.ex. `when not has(start)`"
	// LeadTimeTwice: a lead time id defined twice (%q: it).
	LeadTimeTwice = "ledtiden %q definieras två gånger"
	// LeadTimeNoPathway: a lead time without `pathway` (%q: its id).
	LeadTimeNoPathway = "ledtiden %q saknar `pathway`"
	// LeadTimeNoPathwayDetail says what to do.
	LeadTimeNoPathwayDetail = "en ledtid hör till ett vårdförlopp; lägg till dess nyckel, t.ex. `pathway hjarntumorer`"
	// LeadTimeNoName: a lead time without `name` (%q: its id).
	LeadTimeNoName = "ledtiden %q saknar `name`"
	// LeadTimeNoNameDetail says what to do.
	LeadTimeNoNameDetail = "lägg till `name \"…\"` med vårdförloppsbeskrivningens ord"
	// LeadTimeNoTarget: a lead time without `target` (%q: its id).
	LeadTimeNoTarget = "ledtiden %q saknar `target`"
	// LeadTimeNoTargetDetail says what to do.
	LeadTimeNoTargetDetail = "lägg till målet i dagar, t.ex. `target 28 days`, eller `target none` där vägledningen säger att inget mål kan anges"
	// LeadTimeNoFrom: a lead time without `from` (%q: its id).
	LeadTimeNoFrom = "ledtiden %q saknar `from`"
	// LeadTimeNoFromDetail says what to do.
	LeadTimeNoFromDetail = "lägg till koden ledtiden börjar vid, t.ex. `from XX10`"
	// LeadTimeNoTo: a lead time without `to` (%q: its id).
	LeadTimeNoTo = "ledtiden %q saknar `to`"
	// LeadTimeNoToDetail says what to do.
	LeadTimeNoToDetail = "lägg till den eller de avslutskoder som avslutar ledtiden, t.ex. `to XX50, XX52`"
	// LeadTimeNationalOccurrence: a national lead time with `first` or
	// `last` (%q: its id).
	LeadTimeNationalOccurrence = "den nationella ledtiden %q anger en förekomst (`first` eller `last`)"
	// LeadTimeNationalOccurrenceDetail says what to do.
	LeadTimeNationalOccurrenceDetail = "en nationell ledtid går från startkoden till avslutskoden, som inte behöver `first` eller `last`; markera en ledtid mellan andra steg med `local`"
	// CodeOfOtherPathway: a lead time's code of another pathway (%s: as
	// written, %q: the lead time's pathway).
	CodeOfOtherPathway = "%s är ingen kod i vårdförloppet %q"
	// CodeOfOtherPathwayDetail says what to do (%s%s: the pathway's code,
	// %s: the code's digits).
	CodeOfOtherPathwayDetail = "skriv %s%s eller XX%s"
	// CodeNotAllowed: a lead time's code the table leaves empty (%s: the
	// code's digits, %s: its name, %q: the pathway's key).
	CodeNotAllowed = "koden %s (%s) är inte tillåten i vårdförloppet %q"
	// CodeNotAllowedDetail says what to do (%s: the code's digits, %q:
	// the pathway's key).
	CodeNotAllowedDetail = "tabellen för kod %s har - för %q; rätta tabellen eller ledtiden"
	// LocalToNotClosing: a local lead time's `to` that is not a closing
	// code, without first or last (%s: the code's digits, %s: its name).
	LocalToNotClosing = "koden %s (%s) är ingen avslutskod"
	// LocalToNotClosingDetail says what to do (%s: the code, twice).
	LocalToNotClosingDetail = "ange vilken händelse som räknas: `to first %s` eller `to last %s` (utan `first` eller `last` är `to` avslutskoden)"
	// LocalFromNotStart: a local lead time's `from` that is not the start
	// code, without first or last (%s: the code's digits, %s: its name).
	LocalFromNotStart = "koden %s (%s) är inte startkoden"
	// LocalFromNotStartDetail says what to do (%s: the code, twice).
	LocalFromNotStartDetail = "ange vilken händelse som räknas: `from first %s` eller `from last %s` (utan `first` eller `last` är `from` startkoden)"
	// NationalToNotClosing: a national lead time's `to` that closes no
	// pathway (%s: the code's digits, %s: its name).
	NationalToNotClosing = "koden %s (%s) avslutar inget vårdförlopp"
	// NationalToNotClosingDetail says what to do.
	NationalToNotClosingDetail = "en nationell ledtid slutar vid en avslutskod (`kind treatment` eller `kind other_reason`); en tid mellan andra steg markeras `local`"
	// NationalFromNotStart: a national lead time's `from` that starts no
	// pathway (%s: the code's digits, %s: its name).
	NationalFromNotStart = "koden %s (%s) startar inget vårdförlopp"
	// NationalFromNotStartDetail says what to do.
	NationalFromNotStartDetail = "en nationell ledtid börjar vid startkoden (`kind start`), t.ex. `from XX10`; en tid mellan andra steg markeras `local`"
	// NoSuchCode: a code the guide does not declare (%s: as written).
	NoSuchCode = "vägledningen har ingen kod %s"
	// NoSuchCodeDetail says what to do when no code is close.
	NoSuchCodeDetail = "koderna deklareras med `code NN`; skriv en av dem, t.ex. XX50 eller VL250"
	// TestTwice: a test id defined twice (%q: it).
	TestTwice = "testet %q definieras två gånger"
	// UnknownAttribute: a test's attribute the episodes do not have (%q:
	// it).
	UnknownAttribute = "okänt förloppsattribut %q"
	// AttrNotNumber: a text attribute given as a number (%s: the
	// attribute).
	AttrNotNumber = "`%s` är text, inte ett tal"
	// AttrNotNumberDetail says what to do (%s: the attribute, %s: the
	// value).
	AttrNotNumberDetail = "skriv värdet inom citattecken: `%s \"%s\"`"
	// AgeNotNumber: `age` given as text.
	AgeNotNumber = "`age` är ett tal"
	// AgeNotNumberDetail says what to do.
	AgeNotNumberDetail = "skriv åldern som ett tal utan citattecken, t.ex. `age 54`"
	// TestExpectsNothing: a test without `expect` (%q: its id).
	TestExpectsNothing = "testet %q förväntar sig ingenting"
	// TestExpectsNothingDetail says what to do.
	TestExpectsNothingDetail = "lägg till minst en rad `expect`, t.ex. `expect no findings`; ett test utan förväntningar kan aldrig bli underkänt"
	// UnknownRule: a test expects a rule that does not exist (%q: it).
	UnknownRule = "okänd regel %q"
	// UnknownRuleDetail says what to do when no rule id is close.
	UnknownRuleDetail = "testet kan bara nämna regler som versionens filer deklarerar med `rule id \"Namn\" { … }`; kontrollera stavningen"
	// TestDuplicateRule: a test expects svfrules' own finding for a
	// doubled row (%q: its id, dubblettrad).
	TestDuplicateRule = "%q är svfrules egen notis om dubblerade rader, ingen regel i kodningsvägledningen"
	// TestDuplicateRuleDetail says what to write instead.
	TestDuplicateRuleDetail = "en kod som står två gånger med samma datum räknas en gång, och ett test bedöms bara på regelfilernas regler; skriv de fynd reglerna ger för koden räknad en gång, t.ex. `expect no findings`"
	// UnknownLeadTime: a test names a lead time that does not exist (%q:
	// it).
	UnknownLeadTime = "okänd ledtid %q"
	// UnknownLeadTimeDetail says what to do when no lead time id is close.
	UnknownLeadTimeDetail = "testet kan bara nämna ledtider som versionens filer deklarerar med `leadtime id { … }`; kontrollera stavningen"
	// UndefinedQualifierNone says what to do about an undefined qualifier
	// in a condition when no qualifier is defined (%s: its name).
	UndefinedQualifierNone = "definiera den med `qualifier %s \"…\"` och använd den i tabellerna, t.ex. `hjarntumorer x (%s)`"
)

// Conditions (`when`): types, names and functions.
const (
	// TypeInvalid names the type of an expression after an error.
	TypeInvalid = "ogiltig"
	// TypeBool names the type of a condition.
	TypeBool = "sant/falskt"
	// TypeNumber names the type of a number.
	TypeNumber = "tal"
	// TypeText names the type of a text.
	TypeText = "text"
	// TypeDate names the type of a date.
	TypeDate = "datum"
	// TypeCodes names the type of a code set.
	TypeCodes = "kodmängd"
	// WhatRuleCondition names a rule's condition in ConditionTypeDetail.
	WhatRuleCondition = "en regels villkor"
	// WhatLeadTimeCondition names a lead time's condition in
	// ConditionTypeDetail.
	WhatLeadTimeCondition = "en ledtids villkor"
	// ConditionType: a condition of another type than true/false (%s:
	// its type, %s: the type wanted; both Type*).
	ConditionType = "villkoret har typen %s, inte %s"
	// ConditionTypeDetail says what to do (%s: WhatRuleCondition or
	// WhatLeadTimeCondition, %s: the type wanted).
	ConditionTypeDetail = "%s ska ha typen %s; jämför värdet, t.ex. `when age < 18` eller `when has(closing)`"
	// NotBoolean: an operand of and/or/not that is no condition (%s: the
	// operator, %s: the operand's type).
	NotBoolean = "`%s` används med typen %s"
	// NotBooleanDetail says what to do (%s: the operator).
	NotBooleanDetail = "det som står vid `%s` ska vara villkor (sant/falskt); jämför värdet, t.ex. `age > 0`"
	// CompareTypes: a comparison of two types (%s, %s: the types).
	CompareTypes = "kan inte jämföra %s med %s"
	// CompareTypesDetail says what to do (%s, %s: the left and right
	// types).
	CompareTypesDetail = "vänster sida har typen %s, höger sida typen %s; jämför värden av samma typ, t.ex. `age < 18` eller `first(XX10) < 2024-01-01`"
	// CompareCodeSets: a comparison of code sets.
	CompareCodeSets = "kodmängder kan inte jämföras"
	// CompareCodeSetsDetail says what to do.
	CompareCodeSetsDetail = "pröva koder med `has(…)` eller `count(…)`, t.ex. `has(XX50)` eller `count(closing) > 1`"
	// CompareOrder: < <= > >= on a type without order (%s: the type, %s:
	// the operator).
	CompareOrder = "typen %s kan inte ordnas med `%s`"
	// CompareOrderDetail says what to do (%s: the type).
	CompareOrderDetail = "värden av typen %s jämförs bara med `==` och `!=`"
	// InType: `in` on a type it cannot test (%s: the type).
	InType = "typen %s kan inte prövas med `in`"
	// InTypeDetail says what to do.
	InTypeDetail = "`in [ … ]` prövar en text eller ett tal mot en lista av värden, t.ex. `county in [\"01\", \"03\"]`"
	// InItem: a list item of `in` that is not a literal of the type (%s:
	// the type).
	InItem = "listans värde är inte skrivet som %s"
	// InItemDetail says what to do (%s: the type).
	InItemDetail = "listan efter `in` ska bara innehålla skrivna värden av typen %s, t.ex. `county in [\"01\", \"03\"]` eller `age in [16, 17]`"
	// NumberTooLarge: a number too large (%s: as written).
	NumberTooLarge = "talet %s är för stort"
	// NumberTooLargeDetail says what to do.
	NumberTooLargeDetail = "använd ett mindre heltal"
	// UnknownName: a name that is no attribute or code set (%q: it).
	UnknownName = "okänt namn %q"
	// UnknownNameDetail lists the names when none is close (%s: the
	// attributes, %s: the code sets, in backquotes).
	UnknownNameDetail = "attribut: %s; kodmängder: %s"
	// UnknownFunction: a function the language does not have (%q: it).
	UnknownFunction = "okänd funktion %q"
	// QualifiedArgs: qualified(…) without one qualifier name.
	QualifiedArgs = "`qualified` tar namnet på en kvalificering"
	// QualifiedArgsDetail says what to do.
	QualifiedArgsDetail = "skriv namnet på en kvalificering, t.ex. `qualified(kur)`"
	// WrongArguments: a function called with wrong arguments (%s: the
	// function).
	WrongArguments = "fel argument till `%s`"
	// TakesCodeSets: a code-set function given another type (%s: the
	// function, %s: the type given).
	TakesCodeSets = "`%s` tar kodmängder, inte typen %s"
	// DaysArgs says how to call days.
	DaysArgs = "`days(a, b)` tar två datum, t.ex. `days(first(XX10), first(closing))`"
	// KnownArgs says how to call known.
	KnownArgs = "`known(x)` tar ett värde: ett attribut, ett datum eller ett tal; för koder, använd `has(…)`"
	// ICD10ScopeArgs says how to call icd10_scope.
	ICD10ScopeArgs = "`icd10_scope(diagnosis)` tar en text, diagnosen"
	// NotICD10Range: an icd10_in argument that is no range (%s: it,
	// quoted, or ValueOfType).
	NotICD10Range = "%s är inget ICD-10-intervall"
	// NotICD10RangeDetail says what to do.
	NotICD10RangeDetail = "skriv intervall som \"C00-C76\" eller \"D09.0-D09.1\" och enstaka koder som \"C71\" eller \"D47.4\", med versaler"
	// ICD10Capitals follows DidYouMean when the range is right in
	// capitals.
	ICD10Capitals = "regelfilerna skriver ICD-10-koder med versaler (diagnosen i data får ha vilka som helst)"
	// ValueOfType names a non-literal argument (%s: its type).
	ValueOfType = "ett värde av typen %s"
	// ICD10ScopeMissing: icd10_scope for a pathway without icd10 (%q: the
	// pathway's key).
	ICD10ScopeMissing = "`icd10_scope`: vårdförloppet %q har ingen `icd10`"
	// ICD10ScopeMissingDetail says what to do.
	ICD10ScopeMissingDetail = "deklarera `icd10` för vårdförloppet, eller begränsa villkoret till vårdförlopp som har det"
	// ICD10ScopeExample follows ICD10ScopeMissingDetail (%s: the pathways
	// that have icd10, joined by ", ").
	ICD10ScopeExample = ", t.ex. `pathway %s`"
)

// The functions of conditions, one line each: the detail of a wrong call.
const (
	// FuncHas describes has.
	FuncHas = "`has(S, …)`: förloppet har en kod i någon av mängderna, t.ex. `has(XX44)`"
	// FuncCount describes count.
	FuncCount = "`count(S, …)`: hur många av förloppets koder som finns i mängderna, t.ex. `count(closing) > 1`"
	// FuncFirst describes first.
	FuncFirst = "`first(S, …)`: det tidigaste datumet för en kod i mängderna, t.ex. `first(XX10)`"
	// FuncLast describes last.
	FuncLast = "`last(S, …)`: det senaste datumet för en kod i mängderna, t.ex. `last(closing)`"
	// FuncDays describes days.
	FuncDays = "`days(a, b)`: kalenderdagar från datum a till datum b"
	// FuncKnown describes known.
	FuncKnown = "`known(x)`: värdet x finns i data"
	// FuncPrefixes describes prefixes.
	FuncPrefixes = "`prefixes(S, …)`: hur många olika prefix koderna i mängderna har"
	// FuncICD10In describes icd10_in.
	FuncICD10In = "`icd10_in(diagnosis, \"C00-C76\", \"D47.4\", …)`: ICD-10-koden ligger i något av intervallen (kategorier eller underkategorier)"
	// FuncICD10Scope describes icd10_scope.
	FuncICD10Scope = "`icd10_scope(diagnosis)`: ICD-10-koden ligger inom vårdförloppets egen `icd10`"
	// FuncQualified describes qualified.
	FuncQualified = "`qualified(q)`: koder vars tabellcell för vårdförloppet har kvalificeringen q"
)
