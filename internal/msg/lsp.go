package msg

// Messages of the language server (`svfrules lsp`, package lsp): what the
// editor shows in its problem list, hover boxes, completion lists and
// quick fixes.

// LSPInternalError is the answer to a request the server failed on (a
// bug), and the first line of its report in the editor's log. %s is the
// protocol method, %v what went wrong.
const LSPInternalError = "internt fel i språkservern vid %s: %v; servern fortsätter, men rapportera felet med texten ovan"

// LSPUnknownMethod answers a request the server does not offer. %s is the
// protocol method.
const LSPUnknownMethod = "språkservern hanterar inte %s"

// LSPBadParams answers a request whose parameters cannot be read. %s is
// the protocol method.
const LSPBadParams = "parametrarna till %s kan inte läsas"

// LSPTestFailed is the summary of the diagnostic at a failing test case
// (`svfrules test`); the detail lists what was expected and what came.
// %s is the test case's id.
const LSPTestFailed = "testfallet %s ger inte det väntade resultatet"

// LSPCommandSummary is the one line `svfrules help` shows for the lsp
// command.
const LSPCommandSummary = "språkserver för regelfilerna i en editor (VS Code, Neovim, Helix, Emacs)"

// LSPCommandHelp is the help of `svfrules lsp`.
const LSPCommandHelp = `
Startar språkservern (Language Server Protocol) för regelfilerna. Den
läser och skriver protokollet på standard in och ut och startas av
editorn, inte för hand: se docs/editors.md för VS Code, Neovim, Helix
och Emacs.

Servern arbetar på mappen med en version av vägledningen (mappen för
den öppna filen) och ser osparad text i öppna filer. Den visar fel och
varningar från kontrollen (som svfrules check) och misslyckade testfall
(som svfrules test) medan man skriver, förklaringar när muspekaren står
på en kod, ett förlopp, en regel eller en funktion, förslag på ord,
gå till definition, hitta referenser, översikt över filen, formatering
(som svfrules fmt) och snabbfixar för "menade du".

Exempel (i en editors inställningar):
  svfrules lsp`

// LSPUnexpectedArgument is the usage error for an argument to `svfrules
// lsp`, which takes none. %q is the argument.
const LSPUnexpectedArgument = "oväntat argument %q: språkservern tar inga argument, editorn startar den som svfrules lsp"

// Hover on a pathway key or prefix (Markdown).
const (
	// LSPHoverPathway heads it: the pathway's name, its key.
	LSPHoverPathway = "**%s** (förlopp `%s`)"
	// LSPHoverPrefixes lists the pathway's prefixes ("VN4, VN6").
	LSPHoverPrefixes = "Prefix: %s"
	// LSPHoverICD10 lists the pathway's ICD-10 scope ("C71").
	LSPHoverICD10 = "Diagnoskoder (ICD-10): %s"
	// LSPHoverLeadTimes heads the list of the pathway's lead times.
	LSPHoverLeadTimes = "Ledtider:"
	// LSPHoverNoLeadTimes stands for the list when the pathway has none.
	LSPHoverNoLeadTimes = "Inga ledtider i regelfilerna."
	// LSPHoverLeadTimeItem is one lead time: its id, its name, its
	// target (LSPHoverTargetDays or LSPHoverTargetNone).
	LSPHoverLeadTimeItem = "- `%s`: %s (%s)"
	// LSPHoverTargetDays is a target: the number of days (not 1).
	LSPHoverTargetDays = "mål %d dagar"
	// LSPHoverTargetDay is a target of one day.
	LSPHoverTargetDay = "mål 1 dag"
	// LSPHoverTargetNone is a lead time without a target.
	LSPHoverTargetNone = "inget mål"
	// LSPHoverLocal follows the target of a local lead time.
	LSPHoverLocal = ", lokal ledtid"
)

// Hover on a code (Markdown).
const (
	// LSPHoverCode heads it for a code of any pathway (XX44, 44): the
	// suffix, the code's name, its kind in words.
	LSPHoverCode = "**Kod %s – %s**, %s"
	// LSPHoverCodeIn heads it for one pathway's code (VL244): the code,
	// its name in that pathway, the pathway's name, its prefixes, the
	// kind in words.
	LSPHoverCodeIn = "**%s – %s**, %s (%s), %s"
	// LSPHoverAllowedIn lists the pathways whose table cell allows the
	// code: names with prefixes and qualifiers.
	LSPHoverAllowedIn = "Får användas i: %s"
	// LSPHoverAllowedEverywhere replaces it for a code without a table.
	LSPHoverAllowedEverywhere = "Får användas i alla förlopp."
	// LSPHoverAllowedNowhere replaces it when no cell allows the code.
	LSPHoverAllowedNowhere = "Får inte användas i något förlopp."
	// LSPHoverAllowedHere says one pathway's cell allows the code.
	LSPHoverAllowedHere = "Får användas i förloppet."
	// LSPHoverAllowedHereQualified says it allows it with a qualifier:
	// the qualifier's name, its legend.
	LSPHoverAllowedHereQualified = "Får användas i förloppet, med `%s`: %s."
	// LSPHoverNotAllowedHere says one pathway's cell does not allow it.
	LSPHoverNotAllowedHere = "Får inte användas i förloppet (tabellen för kod %s)."
	// LSPHoverNotesFor lists the pathways the code's notes are about
	// (names; LSPHoverNoteGeneral for a note about the code in general).
	LSPHoverNotesFor = "Förtydliganden eller avvikelser: %s"
	// LSPHoverNoteGeneral names a note about the code in general.
	LSPHoverNoteGeneral = "allmänt"
	// LSPHoverNote heads a note shown in full: its heading, or the
	// pathway's name, or LSPHoverNoteGeneral.
	LSPHoverNote = "**Förtydligande eller avvikelse (%s)**"
)

// Hover on a rule, a lead time, a qualifier (Markdown).
const (
	// LSPHoverRule heads it for a rule: its id, its name.
	LSPHoverRule = "**Regel `%s`** – %s"
	// LSPHoverRuleNoName heads it for a rule without a name: its id.
	LSPHoverRuleNoName = "**Regel `%s`**"
	// LSPHoverSeverity is the rule's severity in words (LSPSeverityError …).
	LSPHoverSeverity = "Allvarlighet: %s"
	// LSPHoverMessage is the message of the rule's findings.
	LSPHoverMessage = "Meddelande: %s"
	// LSPHoverRef is where in the guide the rule or lead time comes from.
	LSPHoverRef = "Källa: %s"
	// LSPHoverAppliesTo lists the pathways a rule applies to (names).
	LSPHoverAppliesTo = "Gäller: %s"
	// LSPHoverAllPathways stands for the list when it applies to all.
	LSPHoverAllPathways = "alla förlopp"
	// LSPHoverLeadTime heads it for a lead time: its id, its name.
	LSPHoverLeadTime = "**Ledtid `%s`** – %s"
	// LSPHoverLeadTimeSpan says between which codes it runs and in which
	// pathway: the from code, the to codes, the pathway's name.
	LSPHoverLeadTimeSpan = "Från %s till %s, i %s"
	// LSPHoverQualifier is the hover of a qualifier: its name, legend.
	LSPHoverQualifier = "**Kvalificerare `%s`**: %s"
)

// The severities of rules in words.
const (
	// LSPSeverityError is severity error.
	LSPSeverityError = "fel"
	// LSPSeverityWarning is severity warning.
	LSPSeverityWarning = "varning"
	// LSPSeverityInfo is severity info.
	LSPSeverityInfo = "information"
)

// Hover and completion documentation of the episode attributes that
// conditions and tests use (docs/language.md, "Attributes").
const (
	// LSPDocAge documents age.
	LSPDocAge = "`age` (tal): patientens ålder."
	// LSPDocSex documents sex.
	LSPDocSex = "`sex` (text): patientens kön, \"M\" eller \"K\"."
	// LSPDocCounty documents county.
	LSPDocCounty = "`county` (text): folkbokföringslän, länskoden (\"01\" … \"25\")."
	// LSPDocRegion documents region.
	LSPDocRegion = "`region` (text): den rapporterande regionen, länskoden."
	// LSPDocReferringRegion documents referring_region.
	LSPDocReferringRegion = "`referring_region` (text): regionen som remitterade patienten (med kod 91)."
	// LSPDocDiagnosis documents diagnosis.
	LSPDocDiagnosis = "`diagnosis` (text): diagnos enligt ICD-10, t.ex. \"C34.1\"."
	// LSPDocIntent documents intent.
	LSPDocIntent = "`intent` (text): behandlingsintention; reglerna använder \"kur\" (kurativ) och \"pal\" (palliativ)."
)

// Documentation of the functions of conditions (docs/language.md,
// "Functions").
const (
	// LSPDocHas documents has.
	LSPDocHas = "`has(S, …)` ger sant/falskt: förloppet har en kod i någon av mängderna."
	// LSPDocCount documents count.
	LSPDocCount = "`count(S, …)` ger ett tal: hur många av förloppets koder som finns i mängderna."
	// LSPDocFirst documents first.
	LSPDocFirst = "`first(S, …)` ger ett datum: det tidigaste datumet för en kod i mängderna."
	// LSPDocLast documents last.
	LSPDocLast = "`last(S, …)` ger ett datum: det senaste datumet för en kod i mängderna."
	// LSPDocPrefixes documents prefixes.
	LSPDocPrefixes = "`prefixes(S, …)` ger ett tal: hur många olika prefix förloppets koder i mängderna har."
	// LSPDocDays documents days.
	LSPDocDays = "`days(a, b)` ger ett tal: kalenderdagar från datum a till datum b (negativt om b är tidigare)."
	// LSPDocKnown documents known.
	LSPDocKnown = "`known(x)` ger sant/falskt: värdet x (ett attribut, ett datum eller ett tal) finns i underlaget."
	// LSPDocICD10In documents icd10_in.
	LSPDocICD10In = "`icd10_in(diagnosis, \"C00-C75\", …)` ger sant/falskt: diagnosen ligger i något av intervallen (kategorier eller underkategorier)."
	// LSPDocICD10Scope documents icd10_scope.
	LSPDocICD10Scope = "`icd10_scope(diagnosis)` ger sant/falskt: diagnosen ligger i förloppets egna diagnoskoder (`icd10`)."
	// LSPDocQualified documents qualified.
	LSPDocQualified = "`qualified(q)` ger en kodmängd: koderna vars tabellruta för förloppet har kvalificeraren q (t.ex. `qualified(kur)`)."
)

// Documentation of the named code sets (docs/language.md, "Named code
// sets"); each is relative to the episode's own pathway.
const (
	// LSPDocSetStart documents start.
	LSPDocSetStart = "`start`: startkoden (kod 10) med förloppets prefix."
	// LSPDocSetMandatory documents mandatory.
	LSPDocSetMandatory = "`mandatory`: koderna som är obligatoriska vid särskild händelse (91, 44) med förloppets prefix."
	// LSPDocSetTreatment documents treatment.
	LSPDocSetTreatment = "`treatment`: avslutskoderna vid start av behandling med förloppets prefix."
	// LSPDocSetOtherReason documents other_reason.
	LSPDocSetOtherReason = "`other_reason`: avslutskoderna av annan orsak med förloppets prefix."
	// LSPDocSetClosing documents closing.
	LSPDocSetClosing = "`closing`: alla avslutskoder (`treatment` och `other_reason`) med förloppets prefix."
	// LSPDocSetVoluntary documents voluntary.
	LSPDocSetVoluntary = "`voluntary`: de frivilliga koderna med förloppets prefix."
	// LSPDocSetCodes documents codes.
	LSPDocSetCodes = "`codes`: alla förloppets koder."
	// LSPDocSetUnknown documents unknown.
	LSPDocSetUnknown = "`unknown`: koder som denna version av vägledningen inte har (okänd kod eller ett prefix som inget förlopp har)."
	// LSPDocSetDisallowed documents disallowed.
	LSPDocSetDisallowed = "`disallowed`: koder med förloppets prefix vars tabellruta för förloppet är `-`."
	// LSPDocSetForeign documents foreign.
	LSPDocSetForeign = "`foreign`: koder med ett annat förlopps prefix."
)

// LSPFormatSyntaxErrors answers a formatting request for a file with
// syntax errors, which is left as it is. %s is the file's name, %d the
// number of errors.
const LSPFormatSyntaxErrors = "%s formateras inte: filen har %d syntaxfel; rätta dem först (se problemlistan)"

// LSPFixDidYouMean is the title of the quick fix that replaces a
// misspelt word with the compiler's suggestion. %q is the suggestion.
const LSPFixDidYouMean = "Byt till %q"

// LSPCompleteMissingRows is the completion item that writes the rows of
// every pathway a table does not list yet. %d is how many.
const LSPCompleteMissingRows = "alla saknade rader (%d förlopp)"
