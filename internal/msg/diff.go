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
