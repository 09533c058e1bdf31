package msg

// Messages of `svfrules diff` (cmd/svfrules/diff.go and compiler/changes).

// Usage errors of diff's flags, printed after "svfrules diff: ".
const (
	// DiffUnknownLevel: --level or --fail-on names no level (%s: the flag, %q: the value given).
	DiffUnknownLevel = "okänd nivå för %s: %q; ange action (kräver ändrad kodning), review (att granska) eller info (redaktionell)"
	// DiffUnknownIgnore: --ignore names no change id (%q: the id given, %s: a did-you-mean or the list of ids).
	DiffUnknownIgnore = "okänd ändringstyp för --ignore: %q; %s"
	// DiffDidYouMean suggests a known id for a misspelt one (%q: the id).
	DiffDidYouMean = "menade du %q?"
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
	DiffCounts = "%d ändringar: %d kräver ändrad kodning, %d att granska, %d redaktionella"
	// DiffCountsOne counts one change (%d: action; %d: review; %d: info).
	DiffCountsOne = "1 ändring: %d kräver ändrad kodning, %d att granska, %d redaktionella"
	// DiffHidden: --level or --ignore left changes out (%d: how many).
	DiffHidden = "%d ändringar visas inte (--level, --ignore)."
	// DiffLevelAction, DiffLevelReview, DiffLevelInfo are the levels' short words in the text output.
	DiffLevelAction = "åtgärd"
	// DiffLevelReview: see DiffLevelAction.
	DiffLevelReview = "granska"
	// DiffLevelInfo: see DiffLevelAction.
	DiffLevelInfo = "info"
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
