package msg

// Messages of `svfrules diff` (cmd/svfrules/diff.go and compiler/changes).

// Usage errors of diff's flags, printed after "svfrules diff: ".
const (
	// DiffUnknownIgnore: --ignore names no change id (%q: the id given, %s: a did-you-mean or the list of ids).
	DiffUnknownIgnore = "okänd ändringstyp för --ignore: %q; %s"
	// DiffDidYouMean suggests a known id for a misspelt one (%q: the id).
	DiffDidYouMean = DidYouMean
	// DiffIgnoreIDs lists the change ids --ignore takes (%s: the ids, comma-separated).
	DiffIgnoreIDs = "ändringstyperna är: %s"
	// DiffEpisodesMarkdown: --episodes with --format markdown.
	DiffEpisodesMarkdown = "--episodes räknar förlopp, och ändringsloggen (--format markdown) tar inte med förlopp; använd --format text, json eller html med --episodes"
)

// Lines of the change log (`diff --format markdown`, and the change log
// of `svfrules guide`), in the guide's own style. A code is written
// "VXX60 – Start av första behandling, beslut om exspektans" (its title).
const (
	// LogNewCode: a code a pathway may use now (%s: the code, e.g. VJ144; %s: its name; %s: the pathway, lower case, with ", kur" when qualified).
	LogNewCode = "Ny kod: %s – %s (%s)."
	// LogCellsAllowed: a code several pathways may use now (%s: the code's title; %s: ", kur" or ""; %s: the pathways).
	LogCellsAllowed = "%s: kryss%s tillagt för %s."
	// LogCellsRemoved: a code pathways may no longer use (%s: the code's title; %s: the pathways).
	LogCellsRemoved = "%s: kryss borttaget för %s."
	// LogClosingRemoved: a closing code pathways may no longer close with (%s: the code's title; %s: the pathways).
	LogClosingRemoved = "%s: borttagen som möjlig avslutskod för %s."
	// LogNoteAdded: a new note (%s: the code's title; %s: " för <pathways>" or ""; %s: the note's text, quoted).
	LogNoteAdded = "%s: förtydligande%s inlagt: %s"
	// LogNoteRemoved: a note removed (%s: the code's title; %s: " för <pathways>" or ""; %s: the note's text, quoted).
	LogNoteRemoved = "%s: förtydligandet%s borttaget: %s"
	// LogNoteTextAdded: words added to a note (%s: the code's title, with the pathway's code when the note is for one; %s: " (<pathways>)" or ""; %s: the words, quoted).
	LogNoteTextAdded = "%s: förtydligande text tillagd%s: %s"
	// LogNoteTextRemoved: words removed from a note (%s: the code's title; %s: " (<pathways>)" or ""; %s: the words, quoted).
	LogNoteTextRemoved = "%s: text borttagen ur förtydligandet%s: %s"
	// LogNoteTextChanged: words added to and removed from a note (%s: the code's title; %s: " (<pathways>)" or ""; %s: the added words; %s: the removed words).
	LogNoteTextChanged = "%s: förtydligandet ändrat%s. Tillagd text: %s. Borttagen text: %s"
	// LogNoteHeading: a note's heading reworded (%s: the code's title; %s: the old heading; %s: the new heading).
	LogNoteHeading = "%s: rubriken ”%s” ändrad till ”%s”."
	// LogDescriptionAdded: words added to a code's description (%s: the code's title; %s: the words, quoted).
	LogDescriptionAdded = "%s: text tillagd i beskrivningen: %s"
	// LogDescriptionRemoved: words removed from a code's description (%s: the code's title; %s: the words, quoted).
	LogDescriptionRemoved = "%s: text borttagen ur beskrivningen: %s"
	// LogDescriptionChanged: a code's description reworded (%s: the code's title; %s: the added words; %s: the removed words).
	LogDescriptionChanged = "%s: beskrivningen ändrad. Tillagd text: %s. Borttagen text: %s"
	// DiffRuleID puts a rule's id beside a line that names the rule, outside the change log (%s: the line; %s: the rule's id).
	DiffRuleID = "%s (regel %s)"
	// LogKindMoved: a code moved to another kind, i.e. chapter (%s: the code's title; %s: the old chapter; %s: the new chapter).
	LogKindMoved = "%s har flyttats från rubriken ”%s” till rubriken ”%s”."
	// LogRuleAdded: a new check without a note of its own in the log (%s: the severity; %s: " för <pathways>" or ""; %s: the rule's message, quoted).
	LogRuleAdded = "Ny kontroll (%s)%s: %s"
	// LogRuleRemoved: a check removed (%s: the rule's name, quoted; %s: " för <pathways>" or "").
	LogRuleRemoved = "Kontrollen %s%s borttagen."
	// LogRuleChanged: a check's condition changed (%s: the rule's name, quoted; %s: " för <pathways>" or ""; %s: the new condition).
	LogRuleChanged = "Kontrollen %s%s ändrad: villkoret är nu `%s`."
)

// The guide's chapter headings of the kinds of code, as its change log
// writes them (2022-11-01).
const (
	// HeadingStart: the start code.
	HeadingStart = "Obligatorisk kod: Start av SVF"
	// HeadingMandatory: the codes mandatory when something happens.
	HeadingMandatory = "Obligatoriska koder vid särskilda händelser"
	// HeadingTreatment: the closing codes at start of treatment.
	HeadingTreatment = "Obligatoriska koder för avslut av SVF vid start av behandling"
	// HeadingOtherReason: the closing codes for another reason.
	HeadingOtherReason = "Obligatoriska koder för avslut av SVF av annan orsak"
	// HeadingVoluntary: the voluntary codes.
	HeadingVoluntary = "Frivilliga koder för lokal uppföljning"
)

// Texts of the change log (markdown) and the other formats.
const (
	// LogIdentical: the rule files are the same byte for byte.
	LogIdentical = "Inga ändringar: regelfilerna är identiska."
	// LogNoChange: the rule files say the same (they differ in layout, comments, the header or the tests only).
	LogNoChange = "Regelfilerna säger samma sak (de skiljer sig bara i layout, kommentarer, versionsuppgifter eller testfall)."
	// LogAllHidden: every change was left out by --level or --ignore.
	LogAllHidden = "Inga ändringar visas: --level eller --ignore utesluter alla."
	// DiffLineDiffTitle heads the line diff of the rule files (--text).
	DiffLineDiffTitle = "Radändringar i regelfilerna"
	// DiffNoLineDiffers: --text, and no line of the rule files differs.
	DiffNoLineDiffers = "Ingen rad skiljer sig."
)

// Texts of diff's text and HTML output.
const (
	// DiffTitle heads the output (%s: old version; %s: its date; %s: new version; %s: its date).
	DiffTitle = "Kodningsvägledning %s (%s) → %s (%s)"
	// DiffOld names the older rule set (%s: where it was read from).
	DiffOld = "äldre: %s"
	// DiffNew names the newer rule set (%s: where it was read from).
	DiffNew = "nyare: %s"
	// DiffStatusIdentical: the rule files are the same byte for byte.
	DiffStatusIdentical = "identiska: regelfilerna är lika tecken för tecken; inga ändringar"
	// DiffStatusLayout: the files differ in comments or layout only.
	DiffStatusLayout = "inga innehållsliga ändringar: regelfilerna skiljer sig bara i kommentarer eller layout"
	// DiffStatusMeta: only the header differs.
	DiffStatusMeta = "inga innehållsliga ändringar: bara versionsuppgifterna (version, datum, källor, anmärkningar) skiljer sig"
	// DiffCounts counts the changes (%d: all; %d: action; %d: review; %d: info).
	// Each count is followed by words right for 1 and for many (not
	// "1 redaktionella"); "att notera" is the info level's word.
	DiffCounts = "%d ändringar: %d kräver ändrad kodning, %d att granska, %d att notera"
	// DiffCountsOne counts one change (%d: action; %d: review; %d: info).
	DiffCountsOne = "1 ändring: %d kräver ändrad kodning, %d att granska, %d att notera"
	// DiffHidden: --level or --ignore left changes out (%d: how many).
	DiffHidden = "%d ändringar visas inte (--level, --ignore)."
	// DiffLevelAction, DiffLevelReview, DiffLevelInfo are the levels' short words in the text output.
	DiffLevelAction = "åtgärd"
	// DiffLevelReview: see DiffLevelAction.
	DiffLevelReview = "granska"
	// DiffLevelInfo: see DiffLevelAction.
	DiffLevelInfo = "notera"
	// DiffTitleAction, DiffTitleReview, DiffTitleInfo head the levels in the HTML page.
	DiffTitleAction = "Kräver ändrad kodning"
	// DiffTitleReview: see DiffTitleAction.
	DiffTitleReview = "Att granska"
	// DiffTitleInfo: see DiffTitleAction.
	DiffTitleInfo = "Redaktionella ändringar"
	// DiffGroupGeneral heads what concerns no single pathway.
	DiffGroupGeneral = "Alla förlopp"
	// DiffGroupQualifiers heads the table qualifiers.
	DiffGroupQualifiers = "Kvalificeringar"
	// DiffGroupTests heads the rule files' test cases.
	DiffGroupTests = "Testfall"
	// DiffGroupHeader heads the header's records.
	DiffGroupHeader = "Versionsuppgifter (räknas inte som ändringar; hela texterna med --format json)"
	// DiffSubLeadTimes heads a pathway's lead times.
	DiffSubLeadTimes = "Ledtider"
	// DiffSubRules heads rules that name no code.
	DiffSubRules = "Kontroller"
	// DiffNone names a side where the thing does not exist, in a place line.
	DiffNone = "(finns inte)"
	// DiffLineDiffIntro heads the line diff in the text output.
	DiffLineDiffIntro = "Radändringar i regelfilerna:"
	// DiffNoLineDiffersText: --text, and no line differs (text output).
	DiffNoLineDiffersText = "  (ingen rad skiljer sig)"
)

// Texts of diff --episodes.
const (
	// DiffRowsRejected says, on stderr, why diff ends with exit code 1
	// when rows of --episodes could not be read: the number of rows
	// (msg.Int).
	DiffRowsRejected = "svfrules diff: %s rader i --episodes kunde inte läsas (jämförelsen listar dem); förloppen de hör till bedöms inte av någon av versionerna, så jämförelsen säger inget om dem. Rätta raderna och kör igen. Slutkod 1, som för eval och report."
	// DiffCaseIDs heads, on diff's stderr, the episode ids of
	// --episodes that differ only in case (the lines follow, as in
	// eval's summary).
	DiffCaseIDs = "svfrules diff: obs: jämförelsen räknar förlopp vars id skiljer sig bara i stora och små bokstäver som olika förlopp:"
	// DiffRowRejected is DiffRowsRejected for one row.
	DiffRowRejected = "svfrules diff: en rad i --episodes kunde inte läsas (jämförelsen listar den); förloppet den hör till bedöms inte av någon av versionerna, så jämförelsen säger inget om det. Rätta raden och kör igen. Slutkod 1, som för eval och report."
)

const (
	// DiffEpisodesSummary says what was evaluated (%s: the files; %d: episodes; %d: rows; %d: rejected rows).
	DiffEpisodesSummary = "Förlopp i %s: %d förlopp (%d rader, %d avvisade), utvärderade med båda versionerna"
	// DiffGainFinding: episodes that gain an error or warning.
	DiffGainFinding = "får ett fel eller en varning"
	// DiffLoseFinding: episodes that lose an error or warning.
	DiffLoseFinding = "blir av med ett fel eller en varning"
	// DiffReportability: episodes whose reportability changes.
	DiffReportability = "ändrad rapporterbarhet"
	// DiffLeadTimeVerdict: episodes whose lead time goes between within and over target.
	DiffLeadTimeVerdict = "ändrat ledtidsutfall (inom ↔ över mål)"
	// DiffUnattributed: differences no listed change explains.
	DiffUnattributed = "utan listad ändring"
	// DiffTotal heads the totals.
	DiffTotal = "Totalt"
	// DiffChangeColumn heads the column of changes in the HTML table.
	DiffChangeColumn = "Ändring"
	// DiffEpisodesOf introduces one change's effect (%s: the counts).
	DiffEpisodesOf = "förlopp: %s"
	// DiffEpisodesTitle heads the effect on episodes.
	DiffEpisodesTitle = "Påverkan på förlopp"
)

// The guide's text outside the codes (sections) and the header's
// change-log entry.
const (
	// DiffGroupSections heads the changes of the guide's text.
	DiffGroupSections = "Vägledningens text"
	// DiffSectionAdded: a new section (%s: its heading).
	DiffSectionAdded = "Nytt avsnitt ”%s”."
	// DiffSectionRemoved: a section removed (%s: its heading).
	DiffSectionRemoved = "Avsnittet ”%s” borttaget."
	// DiffSectionChanged: a section's text changed (%s: its heading).
	DiffSectionChanged = "Avsnittet ”%s”: texten ändrad."
	// LogSectionAdded: words added to a section (%s: its heading; %s: the words, quoted).
	LogSectionAdded = "Avsnittet ”%s”: text tillagd: %s"
	// LogSectionRemoved: words removed from a section (%s: its heading; %s: the words, quoted).
	LogSectionRemoved = "Avsnittet ”%s”: text borttagen: %s"
	// LogSectionChanged: a section reworded (%s: its heading; %s: the added words; %s: the removed words).
	LogSectionChanged = "Avsnittet ”%s”: texten ändrad. Tillagd text: %s. Borttagen text: %s"
	// DiffChangeLogChanged: the header's change-log entry differs.
	DiffChangeLogChanged = "Versionens post i ändringsloggen ändrad."
)

// The lines of diff's records (Change.Swedish) in the text, HTML and
// JSON output; the change log uses them where it has no wording of its
// own.
const (
	// SvVersionChanged: the header's version (%s: old; %s: new).
	SvVersionChanged = "Versionsnummer ändrat från %s till %s."
	// SvDateChanged: the header's date (%s: old; %s: new).
	SvDateChanged = "Datum ändrat från %s till %s."
	// SvTitleChanged: the header's title (%s: the new title, quoted).
	SvTitleChanged = "Titeln ändrad till %s."
	// SvQualifierRemoved: a qualifier removed (%s: its name; %s: its legend, quoted).
	SvQualifierRemoved = "Kvalificeringen %s (%s) borttagen."
	// SvQualifierLegend: a qualifier's legend (%s: its name; %s: the new legend, quoted).
	SvQualifierLegend = "Kvalificeringen %s: förklaringen ändrad till %s."
	// SvQualifierAdded: a new qualifier (%s: its name; %s: its legend, quoted).
	SvQualifierAdded = "Ny kvalificering %s: %s."
	// SvPathwayRemoved: a pathway removed (%s: its name; %s: its prefixes).
	SvPathwayRemoved = "SVF %s (%s) borttaget."
	// SvPathwayKey: a pathway's key in the rule files (%s: its name; %s: old key; %s: new key).
	SvPathwayKey = "%s: nyckeln i regelfilerna ändrad från %s till %s."
	// SvPathwayRenamed: a pathway renamed (%s: old name, quoted; %s: new name, quoted).
	SvPathwayRenamed = "SVF %s har bytt namn till %s."
	// SvPathwayPrefix: a pathway's prefixes (%s: its name; %s: old; %s: new).
	SvPathwayPrefix = "%s: prefix ändrat från %s till %s."
	// SvPathwayICD10: a pathway's ICD-10 codes (%s: its name; %s: old codes or "inga"; %s: new).
	SvPathwayICD10 = "%s: diagnoskoder (ICD-10) ändrade från %s till %s."
	// SvPathwayAdded: a new pathway (%s: its name; %s: its prefixes; %s: the codes it may use).
	SvPathwayAdded = "Nytt SVF: %s (%s), med koderna %s."
	// SvCodeRemoved: a code removed (%s: its title).
	SvCodeRemoved = "Kod %s borttagen."
	// SvCodeAdded: a new code (%s: its title; %s: its kind in words; %s: where it may be used).
	SvCodeAdded = "Ny kod: %s (%s), %s."
	// SvCodeRenamed: a code's heading reworded (%s: its new title; %s: the old name, quoted).
	SvCodeRenamed = "%s: namnet ändrat från %s."
	// SvCodeKind: a code's kind (%s: its title; %s: the old kind in words; %s: the new).
	SvCodeKind = "%s har flyttats från %s till %s."
	// SvCodeScopeTable: a code now governed by a table (%s: its title).
	SvCodeScopeTable = "%s: gäller nu endast de förlopp som är förkryssade i tabellen (tidigare samtliga förlopp)."
	// SvCodeScopeEvery: a code now valid in every pathway (%s: its title).
	SvCodeScopeEvery = "%s: gäller nu i samtliga förlopp (tidigare enligt tabell)."
	// SvLocalNameRemoved: a pathway's own name of a code removed (%s: the code; %s: the name, quoted; %s: the general name, quoted).
	SvLocalNameRemoved = "%s: eget namn %s borttaget; koden heter %s."
	// SvLocalNameChanged: a pathway's own name of a code reworded (%s: the code; %s: the new name; %s: the old, quoted).
	SvLocalNameChanged = "%s – %s: eget namn ändrat från %s."
	// SvLocalNameAdded: a pathway's own name of a code added (%s: the code; %s: the name).
	SvLocalNameAdded = "%s – %s: eget namn tillagt."
	// SvCellAllowed: a cell allowed (%s: the code's title; %s: "som avslutskod " or ""; %s: the pathway; %s: the qualifier or "").
	SvCellAllowed = "%s: tillagd %sför %s%s."
	// SvCellDisallowed: a cell disallowed (%s: the code's title; %s: "som avslutskod " or ""; %s: the pathway).
	SvCellDisallowed = "%s: borttagen %sför %s."
	// SvCellQualifier: a cell's qualifier (%s: the code's title; %s: the pathway; %s: the new qualifier in words; %s: the old).
	SvCellQualifier = "%s: för %s nu %s (tidigare %s)."
	// SvNoteHeadingSuffix: ends a note's line when only its heading changed (%s: old heading, quoted; %s: new, quoted).
	SvNoteHeadingSuffix = ": rubriken ändrad från %s till %s."
	// SvNotePathways: a note now for other pathways (%s: the code's title; %s: its heading or ""; %s: the new pathways; %s: the old).
	SvNotePathways = "%s: förtydligandet%s gäller nu %s (tidigare %s)."
	// SvRuleChanged: a rule's condition (%s: the rule, quoted; %s: " för <pathways>" or ""; %s: new condition; %s: old).
	SvRuleChanged = "Kontrollen %s%s ändrad: villkoret är nu `%s` (tidigare `%s`)."
	// DiffAllPathways names where a rule without pathways applies.
	DiffAllPathways = "alla förlopp"
	// DiffRuleWords says a rule's severity, where it applies and its
	// condition (%s: severity; %s: pathways; %s: the condition).
	DiffRuleWords = "%s, %s: när %s"
	// DiffSeverityRaised and DiffSeverityLowered are SvRuleSeverity's verb.
	DiffSeverityRaised  = "höjd"
	DiffSeverityLowered = "sänkt"
	// DiffTargetShortened and DiffTargetLengthened are SvLeadTimeTarget's verb.
	DiffTargetShortened  = "förkortat"
	DiffTargetLengthened = "förlängt"
	// SvRuleSeverity: a rule's severity (%s: the rule, quoted; %s: höjd or sänkt; %s: old severity; %s: new).
	SvRuleSeverity = "Kontrollen %s: allvarlighetsgraden %s från %s till %s."
	// SvRulePathways: a rule's pathways (%s: the rule, quoted; %s: the new pathways; %s: the old).
	SvRulePathways = "Kontrollen %s gäller nu %s (tidigare %s)."
	// SvRuleRenamed: a rule's name (%s: the old name, or its message when it had none, quoted; %s: the new, likewise).
	SvRuleRenamed = "Kontrollen %s har bytt namn till %s."
	// SvRuleMessage: a rule's message (%s: the rule, quoted; %s: the new message, quoted).
	SvRuleMessage = "Kontrollen %s: meddelandet ändrat till %s."
	// SvRuleRef: a rule's reference (%s: the rule, quoted; %s: the new reference, quoted).
	SvRuleRef = "Kontrollen %s: källhänvisningen ändrad till %s."
	// SvLeadTimeRemoved: a lead time removed (%s: its name, quoted; %s: its pathway).
	SvLeadTimeRemoved = "Ledtiden %s (%s) borttagen."
	// SvLeadTimeAdded: a new lead time (%s: its pathway; %s: its name, quoted; %s: its target in words).
	SvLeadTimeAdded = "Ny ledtid för %s: %s, %s."
	// SvLeadTime: begins a lead time's line (%s: its name, quoted; %s: its pathway).
	SvLeadTime = "Ledtiden %s (%s)"
	// SvLeadTimeTarget: a lead time's target (%s: the lead time; %s: förkortat or förlängt; %d: old days; %d: new days).
	SvLeadTimeTarget = "%s: målet %s från %d till %d kalenderdagar."
	// SvLeadTimeTargetAdded: a lead time gets a target (%s: the lead time; %s: the target in days).
	SvLeadTimeTargetAdded = "%s: mål %s infört (tidigare inget mål)."
	// SvLeadTimeTargetRemoved: a lead time loses its target (%s: the lead time; %s: the old target in days).
	SvLeadTimeTargetRemoved = "%s: målet %s borttaget (inget mål anges)."
	// SvLeadTimeChanged: a lead time's definition (%s: the lead time; %s: old definition, quoted; %s: new).
	SvLeadTimeChanged = "%s: definitionen ändrad från %s till %s."
	// SvLeadTimeRenamed: a lead time renamed (%s: old name, quoted; %s: its pathway; %s: new name, quoted).
	SvLeadTimeRenamed = "Ledtiden %s (%s) har bytt namn till %s."
	// SvLeadTimeRef: a lead time's reference (%s: the lead time; %s: the new reference, quoted).
	SvLeadTimeRef = "%s: källhänvisningen ändrad till %s."
	// SvTestRemoved: a test case removed (%s: its id).
	SvTestRemoved = "Testfallet %s borttaget."
	// SvTestChanged: a test case changed (%s: its id).
	SvTestChanged = "Testfallet %s ändrat."
	// SvTestAdded: a test case added (%s: its id).
	SvTestAdded = "Testfallet %s tillagt."
	// SvSourcesChanged: the header's sources.
	SvSourcesChanged = "Källhänvisningarna ändrade."
	// SvNotesChanged: the header's notes.
	SvNotesChanged = "Anmärkningarna om versionen ändrade."
	// SvNoteChangedEnd: ends a changed note's line.
	SvNoteChangedEnd = " ändrat."
	// SvNoteRemovedEnd: ends a removed note's line.
	SvNoteRemovedEnd = " borttaget."
	// SvNoteAddedEnd: ends an added note's line.
	SvNoteAddedEnd = " tillagt."
)

// Words of a change's old and new state (the json's old and new).
const (
	// DiffScopeTable: a code whose use a table governs.
	DiffScopeTable = "styrs av en tabell"
	// DiffScopeEvery: a code valid in every pathway.
	DiffScopeEvery = "gäller i samtliga förlopp"
	// DiffCellAllowed: a table cell with an x.
	DiffCellAllowed = "tillåten"
	// DiffCellNotAllowed: an empty table cell.
	DiffCellNotAllowed = "inte tillåten"
)
