package msg

// Messages of the guide text in the rule files (`section`, `changelog`)
// and of `svfrules guide`, the guide rendered from the rule files.

// Diagnostics of the compiler on sections and change-log entries.
const (
	// SectionUnknownCode is the summary when `codes` names a code the
	// folder does not declare; %s is the code as written ("22").
	SectionUnknownCode = "koden %s finns inte i regelfilerna"
	// SectionUnknownCodeDetail says what to do about it.
	SectionUnknownCodeDetail = "ett avsnitt kan bara räkna upp koder som deklareras med `code NN`; rätta numret eller deklarera koden"
	// SectionCodeTwice is the summary when a code stands in two sections
	// (or twice in one); %s is the code, %s the place of the first.
	SectionCodeTwice = "koden %s står redan i ett avsnitt (%s)"
	// SectionCodeTwiceDetail says what to do about it.
	SectionCodeTwiceDetail = "varje kod står i ett avsnitt, som i vägledningen; ta bort den ena"
	// SectionCodeMissing is the summary when sections exist but a code
	// is in none of them; %s is the code.
	SectionCodeMissing = "koden %s står inte i något avsnitt"
	// SectionCodeMissingDetail says why that matters and what to do.
	SectionCodeMissingDetail = "mappen har avsnitt (`section`), så den renderade vägledningen skulle sakna koden; lägg till den i avsnittets `codes`"
	// SectionPathwaysTwice is the summary when two sections say
	// `pathways`; %s is the place of the first.
	SectionPathwaysTwice = "förteckningen över vårdförloppen står redan i ett avsnitt (%s)"
	// SectionPathwaysTwiceDetail says what to do about it.
	SectionPathwaysTwiceDetail = "vägledningen har förteckningen en gång, under \"Kodernas uppbyggnad\"; ta bort den ena `pathways`"
	// SectionTextTwice is the summary when a section has two `text`.
	SectionTextTwice = "avsnittet har två `text`"
	// SectionTextTwiceDetail says what to do about it; %d is the line of
	// the first.
	SectionTextTwiceDetail = "den första står på rad %d; skriv avsnittets text i ett textblock, med tomma rader mellan styckena"
	// ChangeLogTwice is the summary when the header has two `changelog`.
	ChangeLogTwice = "huvudet har två `changelog`"
	// ChangeLogTwiceDetail says what to do about it; %d is the line of the
	// first.
	ChangeLogTwiceDetail = "den första står på rad %d; en version har en post i ändringsloggen, skriv alla punkter i samma textblock"
	// ChangeLogBadDate is the summary when a change-log date is not a
	// real day; %s is the date as written.
	ChangeLogBadDate = "%s är inget datum"
	// ChangeLogBadDateDetail says what to do about it.
	ChangeLogBadDateDetail = "skriv datumet som ändringsloggen anger, ÅÅÅÅ-MM-DD"
)

// Words of the rendered guide (svfrules guide). Most are the guide's own
// headings; the notices are svfrules' words and are marked as such on the
// page.
const (
	// GuideVersionLine is the line under the title: the guide's own
	// "2024-11-05 Version: 10.6"; %s is the date, %s the version.
	GuideVersionLine = "%s Version: %s"
	// GuidePathwayLine names the pathway of a per-diagnosis guide; %s is
	// the pathway's name, %s its prefixes ("VN4/VN6").
	GuidePathwayLine = "Vårdförlopp: %s (%s)"
	// GuideVersionsHeading is the heading of the version table.
	GuideVersionsHeading = "Versionshantering"
	// GuideVersionsDate is the version table's first column.
	GuideVersionsDate = "Datum"
	// GuideVersionsWhat is the version table's second column.
	GuideVersionsWhat = "Beskrivning av förändring"
	// GuideVersionsRow is a row of the version table; %s is the version.
	GuideVersionsRow = "Version %s"
	// GuideNotesHeading is the heading over a code's exceptions.
	GuideNotesHeading = "Förtydliganden eller avvikelser"
	// GuideTablePathway is the pathway column of a code table (Markdown and
	// HTML, where a table has a header).
	GuideTablePathway = "Vårdförlopp"
	// GuideTableMark is the mark column of a code table.
	GuideTableMark = "Används"
	// GuideChangesHeading is the heading of the change log.
	GuideChangesHeading = "Förändringar jämfört med tidigare versioner"
	// GuideLeadTimesHeading is the heading of a pathway's lead times.
	GuideLeadTimesHeading = "Ledtider"
	// GuideLocalLeadTimesHeading is the heading of a pathway's local
	// lead times (between intermediate steps).
	GuideLocalLeadTimesHeading = "Rekommenderade ledtider mellan delmoment (lokal uppföljning)"
	// GuideLeadTimeColumns are the columns of the lead-time table,
	// separated by tabs: name, from, to, target.
	GuideLeadTimeColumns = "Ledtid\tFrån\tTill\tMål"
	// GuideTargetDays is a lead-time target; %d is the number of days.
	GuideTargetDays = "%d dagar"
	// GuideTargetDay is a lead-time target of one day.
	GuideTargetDay = "1 dag"
	// GuideTargetNone is a lead time without a target.
	GuideTargetNone = "inget mål anges"
	// GuideNotUsed says that a per-diagnosis guide's pathway may not use
	// a code whose notes are about that pathway; %s is the pathway's name.
	GuideNotUsed = "tabellen har inget kryss för %s: koden används inte där, men vägledningen har förtydliganden om den."
	// GuideNoticeLabel starts every notice in the rendered guide, so that
	// svfrules' words are not taken for the guide's.
	GuideNoticeLabel = "Anmärkning från svfrules:"
	// GuideNoSections is the notice when the folder has no guide text;
	// %s is the version.
	GuideNoSections = "regelfilerna för version %s har ingen guidetext (inledning, \"Kodernas uppbyggnad\", kapitelrubriker). Koderna visas efter sitt slag, under svfrules rubriker."
	// GuideKindHeading is the heading svfrules gives a group of codes when
	// the folder has no sections; %s is the kind in words ("frivillig kod").
	GuideKindHeading = "Koder: %s"
	// GuideKindEverywhere is the kind words of the voluntary codes that
	// every pathway may use.
	GuideKindEverywhere = "frivillig kod i samtliga förlopp"
	// GuideNoChangeLog is the notice when a version's header has no
	// change-log entry; %s is the version.
	GuideNoChangeLog = "ändringsloggens post för version %s finns inte i regelfilerna."
	// GuideOlderVersions is the notice under the version table and the
	// change log: earlier versions are not rule folders; %s is the oldest
	// version that is.
	GuideOlderVersions = "versioner före %s finns inte som regelfiler, och deras ändringar visas inte här; se den publicerade vägledningen."
	// GuideOneFolder is the notice under the version table when the rules
	// come from one folder (--rules): only its own version is known.
	GuideOneFolder = "regelfilerna lästes ur en mapp (--rules); bara den mappens version visas, inte de tidigare versionernas."
	// GuideReconstructed is the notice for a version whose header says it
	// is reconstructed; %s is the version.
	GuideReconstructed = "version %s är rekonstruerad ur en senare versions ändringslogg, inte avskriven ur sitt eget dokument; se regelfilernas huvud (svfrules explain, svfrules versions)."
)

// Messages of the command svfrules guide.
const (
	// GuideUnknownPathway is the usage error for --pathway; %q is the value
	// given.
	GuideUnknownPathway = "okänt vårdförlopp %q för --pathway"
	// GuidePathwayList follows it: the keys to choose from; %s is the list.
	GuidePathwayList = "ange vårdförloppets nyckel eller prefix, t.ex. hjarntumorer eller VL2; nycklarna: %s"
	// GuideUnexpectedArgument is the usage error for an argument; %q is
	// the argument.
	GuideUnexpectedArgument = "oväntat argument %q; guide läser inga filer, ange versionen med --guide eller --rules"
	// GuideCannotWrite is the error when the output cannot be written; %v
	// is the reason.
	GuideCannotWrite = "kan inte skriva vägledningen: %v"
)

// Column heads of the rendered guide's tables in Markdown and HTML, where
// a table has a header row (the guide's own tables have none).
const (
	// GuidePrefixColumn heads the prefixes of "Kodernas uppbyggnad".
	GuidePrefixColumn = "Prefix"
)

// Help of svfrules guide.
const (
	// GuideSummary is the command's line in svfrules help.
	GuideSummary = "skriver kodningsvägledningen ur regelfilerna (text, Markdown eller HTML)"
	// GuideUsage is the command's synopsis.
	GuideUsage = "[--guide VERSION | --rules MAPP] [--pathway NYCKEL] [--format html|markdown|text] [-o FIL]"
	// GuideHelp is the command's help text.
	GuideHelp = `
Skriver kodningsvägledningen ur regelfilerna, i vägledningens ordning och
med dess ord: titel och version, versionstabellen, vägledningens avsnitt,
varje kod med beskrivning, tabell, teckenförklaringar och "Förtydliganden
eller avvikelser", och ändringsloggen ur versionernas huvuden. Med
--pathway skrivs ett vårdförloppets vägledning: bara dess rader,
förtydliganden och ledtider, med dess prefix i stället för XX.

En version vars regelfiler saknar guidetext (de rekonstruerade versionerna
före 10.6) skrivs ur det filerna har, och sidan säger vad som saknas. html
är en fristående sida som går att skriva ut på A4. Utan --format väljs
formatet efter -o-filens ändelse (.html, .md, .txt), annars text.

Exempel:
  svfrules guide --format html -o kodningsvagledning.html
  svfrules guide --pathway hjarntumorer --format markdown
  svfrules guide --guide 10.5 --format text`
	// GuideFlagPathway is the help of --pathway; `nyckel` is the value's
	// name in the flag list (ASCII, so that the list stays aligned).
	GuideFlagPathway = "skriv vägledningen för ett vårdförlopp, givet med `nyckel` eller prefix (t.ex. hjarntumorer eller VL2)"
	// GuideFlagFormat is the help of --format; `format` is the value's name.
	GuideFlagFormat = "`format`: html, markdown eller text (standard: efter -o-filens ändelse, annars text)"
	// GuideFlagOutput is the help of -o; `fil` is the value's name.
	GuideFlagOutput = "skriv vägledningen till denna `fil` i stället för till standardutdata"
)
