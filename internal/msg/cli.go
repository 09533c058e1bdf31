package msg

// The command line (cmd/svfrules): usage, help, flags and usage errors.
// Every error is printed after "svfrules KOMMANDO: ".

// Program-wide texts.
const (
	// MainUsage is the text of `svfrules help` up to the command list.
	MainUsage = `svfrules gör den nationella kodningsvägledningen för SVF till regler som
kan köras: den kontrollerar en regions förloppsfiler mot vägledningen
(kodningsfel och ledtider), kontrollerar, testar och formaterar
regelfilerna, visar vägledningens tabeller och vad den säger om en kod,
och listar vad som ändrats mellan två versioner av vägledningen.

Användning:
  svfrules <kommando> [flaggor] [argument]

Kommandon:
`
	// MainUsageTail ends `svfrules help` (%s: the newest embedded guide
	// version).
	MainUsageTail = `
Kör 'svfrules help <kommando>' eller 'svfrules <kommando> --help' för detaljer.
Utan --rules eller --guide använder kommandona den nyaste inbyggda
versionen av vägledningen (%s). 'svfrules --version' visar programmets
version.
Slutkoder: 0 allt väl; 1 kommandot hittade det det letar efter; 2 fel i
kommandoraden, en fil som inte kan läsas, utdata som inte kan skrivas
eller regler som inte går att kompilera; 128 + N när programmet stoppas
av signal N (130 för Ctrl-C).
`
	// CommandLine is one line of the command list (%-9s: the command's
	// name, %s: its summary).
	CommandLine = "  %-11s %s\n"
	// CommandUsage heads a command's help (%s: the command's name, %s:
	// its argument synopsis, %s: what it does).
	CommandUsage = "Användning: svfrules %s %s\n\n%s\n"
	// FlagsHeading heads the list of a command's flags.
	FlagsHeading = "\nFlaggor:\n"
	// FlagDefault follows a flag's help text when its default is not
	// empty (%s: the default).
	FlagDefault = " (standard: %s)"
	// FlagHelp is the help text of -h/--help.
	FlagHelp = "visa den här hjälpen"
	// FlagVersion is the help text of --version.
	FlagVersion = "visa programmets version och de inbyggda versionerna av vägledningen"

	// UnknownCommand: the first argument is no command (%q: what was
	// given).
	UnknownCommand = "svfrules: okänt kommando %q"
	// SeeHelp follows UnknownCommand.
	SeeHelp = "Kör 'svfrules help' för listan över kommandon."
	// UnknownHelpTopic: `svfrules help X` names no command (%q: X).
	UnknownHelpTopic = "svfrules help: okänt kommando %q"
	// SeeCommandHelp follows a usage error (%s: the command's name).
	SeeCommandHelp = "Kör 'svfrules %s --help' för hjälp."
	// InternalError: a panic, recovered in main (%v: the panic's value).
	InternalError = "svfrules: internt fel (ett fel i programmet, inte i dina filer): %v\nTemporära filer är borttagna, så ingen fil är halvskriven. Rapportera felet med kommandot du körde.\n"
	// StdoutName names standardutdata in messages.
	StdoutName = "standardutdata"
	// CannotWriteStdout: the output could not be written (%s: the
	// command, %s: why).
	CannotWriteStdout = "%s: kan inte skriva till " + StdoutName + ": %s"
	// CannotWriteOutput: a result could not be written (%v: why, with the
	// file's name).
	CannotWriteOutput = "kan inte skriva resultatet: %v"
)

// Errors in flags, from pflag's errors.
const (
	// FlagUnknown: a flag the command does not have (%s: the flag as
	// written, with its dashes).
	FlagUnknown = "okänd flagga %s"
	// FlagUnknownShort: a one-letter flag the command does not have,
	// written in a group of letters (%c: the letter, %s: the group).
	FlagUnknownShort = "okänd flagga -%c (i -%s)"
	// FlagNeedsValue: a flag given without its value (%s: the flag).
	FlagNeedsValue = "flaggan %s behöver ett värde, t.ex. %s VÄRDE"
	// FlagBadValue: a flag's value cannot be read (%q: the value, %s: the
	// flag).
	FlagBadValue = "värdet %q går inte att läsa för flaggan %s; ange ett heltal"
	// FlagBadSyntax: an argument that looks like a flag but is not one
	// (%s: the argument).
	FlagBadSyntax = "%s är ingen flagga; flaggor skrivs --namn eller -n"
	// FlagError: another error from the flag parser (%v: the error).
	FlagError = "fel i flaggorna: %v"
)

// Usage errors shared by the commands.
const (
	// UnknownFormat: a --format value the command does not have (%q: the
	// value, %s: the command, %s: the formats it writes with their
	// extensions, "text (.txt), json (.json)").
	UnknownFormat = "okänt format %q för --format; ingenting är läst eller skrivet. %s skriver formaten %s"
	// UnexpectedArgument: an argument the command does not take (%q: the
	// argument).
	UnexpectedArgument = "oväntat argument %q; kommandot tar inga argument"
	// UnexpectedArgumentRules: check got an argument (%q: it).
	UnexpectedArgumentRules = "oväntat argument %q; välj reglerna med --rules eller --guide"
	// UnexpectedArgumentRun: test got an argument (%q: it).
	UnexpectedArgumentRun = "oväntat argument %q; välj testfall med --run"
	// RulesAndGuide: both --rules and --guide given.
	RulesAndGuide = "ange --rules eller --guide, inte båda"
	// CannotReadRuleFolder: the --rules folder cannot be read (%s: the
	// command, %s: the folder, %s: why).
	CannotReadRuleFolder = "svfrules %s: kan inte läsa regelmappen %s: %s"
	// NoEmbeddedVersion: --guide names no embedded version (%s: the
	// command, %q: the version, %s: the embedded versions).
	NoEmbeddedVersion = "svfrules %s: det finns ingen inbyggd version %q av vägledningen; inbyggda: %s"
	// IsFileNotFolder: a folder was asked for, a file given.
	IsFileNotFolder = "det är en fil, inte en mapp"
	// NoSuchFolder: the folder does not exist.
	NoSuchFolder = "mappen finns inte"
	// IsFolderNotFile: an episode file is a folder.
	IsFolderNotFile = "det är en mapp; ange förloppsfiler"
	// NoSuchFile: the file does not exist.
	NoSuchFile = "filen finns inte"
	// RulesErrorsOne: the rules have one error.
	RulesErrorsOne = "1 fel; reglerna går inte att kompilera"
	// RulesErrors: the rules have errors (%d: how many).
	RulesErrors = "%d fel; reglerna går inte att kompilera"
	// GiveEpisodeFiles: eval or report without a file.
	GiveEpisodeFiles = "ange minst en förloppsfil (eller - för standardindata)"
	// StdinOnce: - given twice.
	StdinOnce = "standardindata (-) kan bara anges en gång"
	// CannotReadFile: an input cannot be read (%s: the command, %s: the
	// file, %s: why).
	CannotReadFile = "svfrules %s: kan inte läsa %s: %s"
	// UnknownEncoding: an --encoding value (%q: it).
	UnknownEncoding = "okänd --encoding %q; ange utf-8 eller windows-1252 (eller utelämna flaggan så känns kodningen igen)"
	// DateOrder: an unknown --date-order (%q: the value given).
	DateOrder = "okänd --date-order %q; ange dmy (dagen först: 7/3/2024 är 7 mars) eller ymd (bara år först, standard)"
)

// Output safety and inputs.
const (
	// OutputIsInput: -o names a file that is also read (%s: -o, the input).
	OutputIsInput = "-o %s är samma fil som indatafilen %s och skulle skrivas över; ingenting är läst eller ändrat. Skriv resultatet till en annan fil."
	// OutputIsRuleFile: -o names a file of the --rules folder (%s: -o,
	// the rule file).
	OutputIsRuleFile = "-o %s är samma fil som regelfilen %s och skulle skrivas över; ingenting är läst eller ändrat. Skriv resultatet till en annan fil."
	// OutputIsStdin: -o names the file standardindata comes from (%s: -o).
	OutputIsStdin = "-o %s är samma fil som standardindata (-) och skulle skrivas över; ingenting är läst eller ändrat. Skriv resultatet till en annan fil."
	// InputTwice: the same path given twice (%s: the path).
	InputTwice = "%s är angiven två gånger; ange varje fil en gång (annars räknas samma rader två gånger)"
	// SameFileTwice: two paths that name one file (link, ./, ..) (%s, %s:
	// the two paths).
	SameFileTwice = "%s och %s är samma fil; ange den en gång (annars räknas samma rader två gånger)"
	// ReportUnchecked heads report's list of the rules it could not
	// check (the lines follow, from runtime.WriteUncheckedText).
	ReportUnchecked = "svfrules report: några regler kunde inte kontrolleras, och deras fynd finns därför inte med i rapporten. Indata saknar kolumnen de behöver: lägg till den (eller ange den med --column) och kör igen. Reglerna:"
	// ReportCaseIDs heads, on report's stderr, the episode ids that
	// differ only in case (the lines follow, as in eval's summary).
	ReportCaseIDs = "svfrules report: obs: rapporten räknar förlopp vars id skiljer sig bara i stora och små bokstäver som olika förlopp:"
	// DiffUnchecked heads diff --episodes' list of the rules that could
	// not be checked in either version.
	DiffUnchecked = "svfrules diff: några regler kunde inte kontrolleras i någon av versionerna, och deras fynd finns därför inte med i jämförelsen av förloppen. Indata saknar kolumnen de behöver: lägg till den (eller ange den med --column) och kör igen. Reglerna:"
)

// Flag help texts (the word in backquotes names the value in --help).
const (
	// FlagRules is --rules.
	FlagRules = "läs regelfilerna från den här `MAPPEN` i stället för de inbyggda reglerna"
	// FlagGuide is --guide.
	FlagGuide = "använd den här inbyggda `VERSIONEN` av vägledningen (standard: den nyaste)"
	// FlagFormatCheck is check's --format.
	FlagFormatCheck = "`FORMAT` för utdata: text eller json (standard: från filändelsen i -o, annars text)"
	// FlagFormatTest is test's --format.
	FlagFormatTest = "`FORMAT` för utdata: text eller json (standard: från filändelsen i -o, annars text)"
	// FlagFormatTable is table's --format.
	FlagFormatTable = "`FORMAT` för utdata: csv, markdown eller text (standard: från filändelsen i -o, annars text)"
	// FlagFormatEval is eval's --format.
	FlagFormatEval = "`FORMAT` för utdata: text, jsonl, csv, json eller xlsx (standard: från filändelsen i -o, annars text)"
	// FlagFormatReport is report's --format.
	FlagFormatReport = "`FORMAT` för utdata: html, markdown, csv, json eller xlsx (standard: från filändelsen i -o, annars markdown)"
	// FlagFormatDiff is diff's --format.
	FlagFormatDiff = "`FORMAT` för utdata: text, markdown, json eller html (standard: från filändelsen i -o, annars text)"
	// FlagWrite is fmt -w.
	FlagWrite = "skriv tillbaka den formaterade texten till filen"
	// FlagList is fmt -l.
	FlagList = "lista filerna vars formatering skiljer sig"
	// FlagDiff is fmt -d.
	FlagDiff = "visa ändringarna som en unified diff"
	// FlagCheck is fmt --check.
	FlagCheck = "slutkod 1 när en fil inte är formaterad (listar den, ändrar ingenting)"
	// FlagOutput is -o of eval, check, test, table, explain, versions.
	FlagOutput = "skriv resultatet till den här `FILEN` i stället för till standardutdata"
	// FlagOutputReport is report's -o.
	FlagOutputReport = "skriv rapporten till den här `FILEN` i stället för till standardutdata"
	// FlagEncoding is --encoding.
	FlagEncoding = "indatans `KODNING`: utf-8 eller windows-1252 (standard: känns igen)"
	// FlagSheet is --sheet.
	FlagSheet = "läs det här `BLADET` i xlsx-arbetsböcker (standard: det första)"
	// FlagDateOrder is --date-order.
	FlagDateOrder = "läs datum skrivna med / eller . med dagen först med `dmy` (7/3/2024 är 7 mars); standard ymd läser bara datum med året först"
	// FlagColumn is --column.
	FlagColumn = "ange `FÄLT=RUBRIK` för att läsa kolumnen med rubriken RUBRIK som FÄLT, t.ex. intent=Behandlingsintention (upprepa för fler)"
	// FlagBy is report's --by.
	// %s: the dimensions, each with its Swedish word.
	FlagBy = "dela upp måttet efter de här kommaseparerade `DIMENSIONERNA`: %s"
	// FlagMinCell is report's --min-cell.
	FlagMinCell = "dölj en cell med färre än `N` ledtider (dess n och utfall) och varje antal under N"
	// FlagInclusionBase is report's --inclusion-base.
	FlagInclusionBase = "visa inklusionsmåttet (mål 70 %) mot beräknat antal nya fall per region, vårdförlopp och period i `FIL` (csv eller xlsx; kolumnerna region;vårdförlopp;period;beräknat antal)"
	// FlagText is diff's --text.
	FlagText = "lägg till en raddiff av regelfilerna (unified-format)"
	// FlagFailOnDiff is diff's --fail-on.
	// %s: the levels, each with its Swedish word.
	FlagFailOnDiff = "slutkod 1 när det finns en ändring på den här `NIVÅN` eller högre: %s"
	// FlagLevel is diff's --level.
	// %s: the levels, each with its Swedish word.
	FlagLevel = "visa bara ändringarna på den här `NIVÅN` eller högre: %s"
	// FlagIgnore is diff's --ignore.
	FlagIgnore = "utelämna ändringarna med de här `ID:NA` (kommaseparerade eller upprepade, t.ex. rule-message-changed)"
	// FlagEpisodes is diff's --episodes.
	FlagEpisodes = "kontrollera förloppsfiler (`FILER`) med båda versionerna (flera efter flaggan, eller upprepa flaggan)"
	// FlagRun is test's --run.
	FlagRun = "kör bara testfallen vars id matchar det här reguljära uttrycket (`REGEX`)"
	// FlagSeverity is eval's --severity.
	// %s: the severities, each with its Swedish word.
	FlagSeverity = "visa bara fynd av den här `GRADEN` eller allvarligare: %s"
	// FlagFailOnEval is eval's --fail-on.
	// %s: the values, each with its Swedish word.
	FlagFailOnEval = "slutkod 1 när ett förlopp har ett fynd av den här `GRADEN` eller allvarligare, eller en rad avvisades: %s; med none bara avvisade rader"
)

// Command summaries (one line in `svfrules help`), synopses and help.
const (
	// EvalSummary is eval's line in the command list.
	EvalSummary = "kontrollera förloppsfiler: kodningsfel och ledtider"
	// EvalUsage is eval's synopsis.
	EvalUsage = "[--rules MAPP | --guide VERSION] [--format text|jsonl|csv|json|xlsx] [--severity GRAD] [--fail-on GRAD] [-o FIL] FIL..."
	// EvalHelp is eval's help.
	EvalHelp = `
Läser en regions export (CSV med en rad per kodad händelse, JSON Lines med
ett förlopp per rad, eller en xlsx-arbetsbok; "-" är standardindata) och
visar, per förlopp, vad som är kodat i strid med vägledningen och hur
varje ledtid står sig mot sitt mål. text visar bara förlopp med fynd och
sedan listorna att arbeta från (avvisade rader, ledtider över mål, fynd
per regel med sina förlopp); jsonl har ett objekt per förlopp; csv en rad
per fynd, ledtid över mål och avvisad rad, i den form svenskt Excel
öppnar med dubbelklick (--csv-dialect rfc4180: kommaform för program);
json ett dokument; xlsx en arbetsbok med flikar för sammanfattning, fynd,
ofullständiga och avvisade rader, ledtider över mål, per regel och per
vårdförlopp. Utan --format avgör filändelsen i -o (.xlsx .csv .json
.jsonl .txt); en --format som strider mot ändelsen, eller en annan
ändelse (.xls, .tsv), vägras; -o - är standardutdata. Sammanfattningen, som redovisar varje rad i indata, skrivs
till standardfel (i dokumentet för json). En rad som inte kan läsas
visas med fil:rad, fält och orsak, och resten av filen kontrolleras ändå;
dess förlopp är ofullständigt och bedöms inte (den saknade raden kunde
ändra vilket utslag som helst): det visas med sina avvisade rader och
räknas för sig. Tomma rader (i CSV rader med bara avgränsare, i en
arbetsbok rader utan något värde) räknas som tomma, inte avvisade. Datum får ha ett klockslag; datum med dagen
först (7/3/2024, som Excel med t.ex. brittiska inställningar skriver dem;
svenska Excel skriver 2024-03-07) kräver --date-order dmy.
Kolumnerna hittas på sina rubriker (svenska namn också); --column
FÄLT=RUBRIK läser en annan rubrik som ett fält (intent=Behandlingsintention).
Sammanfattningen visar hur varje rubrik lästes och vilka kolumner som
inte används; en regel som läser ett attribut som filen saknar kolumn för
kontrolleras inte, och sammanfattningen nämner den en gång.
--severity warning visar bara fynd av graden warning och error (info
döljs), i alla format; sammanfattningen och listorna räknar ändå alla
fynd. --fail-on none: slutkod 1 bara för avvisade rader.
Slutkod 0 när inget är fel, 1 när ett förlopp har ett fynd av graden
error (eller den grad --fail-on anger) eller en rad avvisades, 2 när en
indatafil inte kan läsas eller reglerna inte går att kompilera.

Exempel:
  svfrules eval testdata/episodes/example.csv
  svfrules eval --format csv -o fynd.csv export_2024.csv
  svfrules eval --guide 10.6 --format jsonl region_*.csv
  svfrules eval --severity error --fail-on warning export_2024.csv`

	// ReportSummary is report's line in the command list.
	ReportSummary = "ledtidsrapport: andel inom målet mot målet 80 %"
	// ReportUsage is report's synopsis.
	ReportUsage = "[--rules MAPP | --guide VERSION] [--by DIMENSIONER] [--min-cell N] [--format html|markdown|csv|json|xlsx] [-o FIL] FIL..."
	// ReportHelp is report's help.
	ReportHelp = `
Läser förloppsfiler som eval gör och redovisar ledtidsmåttet: per
vårdförlopp och ledtidsdefinition (och per grupp av --by) de
rapporterbara förlopp som avslutats med en kod i definitionen (n), hur
många som låg inom målet, andelen mot det nationella målet 80 %, och
dagarnas medelvärde, standardavvikelse, 10:e percentil, median och 90:e
percentil. Varje vårdförlopp får också en summa över sina definitioner
med mål, och alla vårdförlopp en gemensam. Förlopp vars ledtid inte går
att lita på (två avslutskoder, avslut före start) utelämnas och räknas.

En cell med färre ledtider än --min-cell visar varken n eller utfall, i
alla format, och inget annat antal under --min-cell visas (vårdförlopp,
fynd, indata); celler och antal som skulle låta en dold cell räknas ut
från det som visas döljs också. --by tar en kommaseparerad lista av
region, län, kön, åldersgrupp (0–17, 18–39, 40–64, 65–79, 80+), år,
kvartal, månad (av avslutskodens datum); vårdförloppet ingår alltid i
uppdelningen.

--inclusion-base FIL lägger till inklusionsmåttet (mål 70 %): per rad i
filen (region;vårdförlopp;period;beräknat antal, csv eller xlsx) de
rapporterbara förlopp i regionen och vårdförloppet vars avslutskod är
daterad i perioden, mot det beräknade antalet nya fall, med samma skydd
av små antal.

Format: html (en fristående sida med diagram, går att skriva ut på A4),
markdown, csv (en rad per cell, i svenskt Excels form; --csv-dialect
rfc4180 för program), json, xlsx (en flik per tabell på sidan). Utan
--format avgör filändelsen i -o (.html, .md, .csv, .json, .xlsx), annars
markdown; en --format som strider mot ändelsen, eller en annan ändelse
(.txt, .pdf), vägras. Avvisade rader och
ofullständiga förlopp listas sist, utanför de skyddade tabellerna. docs/report.md
definierar varje siffra.
Slutkod 0 när rapporten är skriven, 1 när den är skriven men rader inte
kunde läsas (de listas på standardfel), 2 vid fel i kommandoraden, en
indatafil som inte kan läsas eller regler som inte går att kompilera.

Exempel:
  svfrules report -o ledtider.html testdata/episodes/example.csv
  svfrules report --by region,kvartal --format csv -o ledtider.csv export_*.csv
  svfrules report --by län,kön,åldersgrupp --min-cell 10 export_2024.csv`

	// CheckSummary is check's line in the command list.
	CheckSummary = "kontrollera att en versions regelfiler går att kompilera"
	// CheckUsage is check's synopsis.
	CheckUsage = "[--rules MAPP | --guide VERSION] [--format text|json] [-o FIL]"
	// CheckHelp is check's help.
	CheckHelp = `
Läser varje regelfil (*.svf) i en version av vägledningen, slår upp alla
namn och visar alla problem på en gång, med fil:rad:kolumn, källraden och
en markering under felet. Slutkod 0 när reglerna går att kompilera, 2 när
de inte gör det.

När reglerna går att kompilera varnar check också (slutkod 0) för det som
går att kompilera men nästan säkert är ett misstag: en regel eller ledtid
som tabellerna gör omöjlig i ett vårdförlopp (villkoret kräver en kod som
tabellen lämnar tom där) eller som varje rätt kodat förlopp bryter mot, en
regel utan ett testfall där den slår till och ett där den inte gör det,
ett huvud vars version eller source anger en annan version än mappen, och
en anmärkning på en cell som tabellen lämnar tom.

Exempel:
  svfrules check                        # den nyaste inbyggda versionen
  svfrules check --guide 10.6
  svfrules check --rules rules/10.6 --format json`

	// TestSummary is test's line in the command list.
	TestSummary = "kör testfallen som står i regelfilerna"
	// TestUsage is test's synopsis.
	TestUsage = "[--rules MAPP | --guide VERSION] [--run REGEX] [--format text|json] [-o FIL]"
	// TestHelp is test's help.
	TestHelp = `
Kör testfallen (test … { … }) i en version av vägledningen: varje
exempelförlopp kontrolleras och dess fynd, ledtider och rapporterbarhet
jämförs med vad fallet förväntar sig. Skriver OK eller FEL per fall,
förväntat mot faktiskt när ett fall fallerar, och en sammanfattning.
Slutkod 1 när ett fall fallerar.

Exempel:
  svfrules test
  svfrules test --guide 10.6 --run 'hjarn_.*'
  svfrules test --rules rules/10.6 --format json`

	// FmtSummary is fmt's line in the command list.
	FmtSummary = "formatera regelfiler enhetligt (som gofmt)"
	// FmtUsage is fmt's synopsis.
	FmtUsage = "[-w] [-l] [-d] [--check] SÖKVÄG..."
	// FmtHelp is fmt's help.
	FmtHelp = `
Formaterar regelfiler (*.svf) i den enhetliga layouten: indrag med två
mellanslag, tabellkolumner i linje, kommentarer kvar där de stod. SÖKVÄG
är en fil eller en mapp (där *.svf söks). Utan flaggor skrivs den
formaterade texten ut. Slutkod 1 med --check när en fil inte är
formaterad, 2 när en fil inte kan läsas eller tolkas.

Exempel:
  svfrules fmt --check rules/           # är allt formaterat?
  svfrules fmt -d rules/10.6/regler.svf # vad skulle ändras
  svfrules fmt -w rules/                # formatera på plats`

	// TableSummary is table's line in the command list.
	TableSummary = "skriv ut vägledningens tabeller: vilka koder varje vårdförlopp får använda"
	// TableUsage is table's synopsis.
	TableUsage = "[--rules MAPP | --guide VERSION] [--format csv|markdown|text] [--csv-dialect excel|rfc4180] [-o FIL]"
	// TableHelp is table's help.
	TableHelp = `
Skriver ut vägledningens kodtabeller. text och markdown visar en matris
(en rad per vårdförlopp, en kolumn per tabellkod, x där koden får
användas, med sin kvalificering); csv har en rad per tabellkod och
vårdförlopp (480 rader för vägledning 10.6) med rubrikerna Kod, Prefix,
Vårdförlopp, Tillåten och Kvalificering, i den form som svenska Excel
öppnar med ett dubbelklick (UTF-8 med BOM, semikolon), som eval och
report skriver; --csv-dialect rfc4180 ger kommaformen för program, med
rubrikraden code,prefix,pathway,allowed,qualifier.

Exempel:
  svfrules table
  svfrules table --guide 10.6 --format csv -o tabeller.csv
  svfrules table --format markdown`

	// ExplainSummary is explain's line in the command list.
	ExplainSummary = "visa allt vägledningen säger om en kod, en regel, en ledtid eller ett vårdförlopp"
	// ExplainUsage is explain's synopsis.
	ExplainUsage = "KOD|ID [--rules MAPP | --guide VERSION] [-o FIL]"
	// ExplainHelp is explain's help.
	ExplainHelp = `
Visar en kods namn och slag, de vårdförlopp vars tabell tillåter den (med
kvalificeringar), undantagstexterna ("Förtydliganden eller avvikelser"),
reglerna som nämner den och ledtiderna den ingår i. KOD är en kod i ett
vårdförlopp (VL260) eller den generella formen (VXX60, XX60 eller 60).

ID är ett id som svfrules skriver ut: en regel (avslut_fore_start: dess
meddelande, avsnittet och orden i vägledningen den vilar på, vilka
vårdförlopp den gäller och vad du gör), en ledtid, ett vårdförlopp
(brostcancer eller VG9) eller ett fynd som svfrules själv ger
(forlopp_ofullstandigt, rad_avvisad, forlopp_okant).

Exempel:
  svfrules explain VL260
  svfrules explain VXX58 --guide 10.6
  svfrules explain avslut_fore_start`

	// DiffSummary is diff's line in the command list.
	DiffSummary = "lista vad som ändrats mellan två versioner av vägledningen"
	// DiffUsage is diff's synopsis.
	DiffUsage = "GAMMAL NY [--format text|markdown|json|html] [--text] [--fail-on NIVÅ] [--episodes FIL]... [-o FIL]"
	// DiffHelp is diff's help.
	DiffHelp = `
Jämför två versioner av vägledningen efter vad de säger, inte var det står:
vårdförlopp, koder, tabellceller, anmärkningar, regler, ledtider och test
paras ihop på nyckel (vårdförlopp, kod, id) och villkor i sin enhetliga
form, så att flyttade deklarationer eller ändrade kommentarer och layout
inte är någon ändring. GAMMAL och NY är inbyggda versioner (se 'svfrules
versions') eller regelmappar.

Varje ändring har ett id (cell-disallowed, rule-added, …; docs/diff.md
listar alla) och en nivå:
  action  kodarna måste koda annorlunda eller utfallet för något förlopp
          ändras: en kod eller cell borttagen, en regel tillagd eller dess
          villkor ändrat, ett mål förkortat, en obligatorisk kod som nu
          krävs, en kvalificering tillagd i en cell, en kods slag ändrat där
          den startar eller avslutar förlopp eller ett villkor läser det
  review  någon måste läsa och ta ställning: en anmärkning eller
          beskrivning ändrad, en cell tillåten, ett mål förlängt, en regel
          borttagen, en kods slag ändrat som inget läser
  info    ordalydelse och detaljer i regelfilerna: namn, meddelanden,
          referenser, test
Versionsuppgifterna (huvudet: version, datum, källor, anmärkningar) visas
sist och räknas inte som ändringar. --level NIVÅ visar bara ändringar på
nivån eller högre, --ignore ID,… utelämnar ändringar med de id:na; båda
gäller också --fail-on.

Format: text (grupperat efter vårdförlopp och kod, med de ändrade
texterna ord för ord), markdown (ändringsloggen som vägledningen skriver
den: per version ett datum och en punkt per ändring, för avsnittet
"Förändringar jämfört med tidigare versioner"), json, html (en fristående
sida, det som kräver ändrad kodning först).
--text lägger till en raddiff av regelfilerna. --episodes kontrollerar
förloppsfiler (som eval; flera efter flaggan, eller flaggan upprepad) med
båda versionerna och redovisar, per ändring och totalt, hur många förlopp
som får eller blir av med ett fel eller en varning, ändrar
rapporterbarhet eller går mellan inom och över ett ledtidsmål, med upp
till 3 exempel på förlopps-id (inte med markdown).

Identiska regelfiler och filer som bara skiljer sig i kommentarer eller
layout redovisas som sådana. Slutkod 0, eller 1 med --fail-on NIVÅ när det
finns en ändring på den nivån eller högre, och 1 när rader i --episodes
inte kunde läsas (som för eval och report); 2 vid fel i kommandoraden, en
okänd version eller mapp, eller regler som inte går att kompilera.

Exempel:
  svfrules diff 10.5 10.6
  svfrules diff rules/10.6 rules/10.7 --format markdown
  svfrules diff 10.5 10.6 --format html -o andringar.html
  svfrules diff 10.6 rules/10.7 --fail-on action --episodes export_2024.csv`

	// VersionsSummary is versions' line in the command list.
	VersionsSummary = "lista de inbyggda versionerna av vägledningen"
	// VersionsUsage is versions' synopsis.
	VersionsUsage = "[-o FIL]"
	// VersionsHelp is versions' help.
	VersionsHelp = `
Listar versionerna av vägledningen som är inbyggda i programmet, äldst
först, med datum och titel. Den nyaste är standard i alla kommandon.
'svfrules --version' visar programmets egen version.

Exempel:
  svfrules versions`

	// CompletionSummary is completion's line in the command list.
	CompletionSummary = "skriv ut ett skript för komplettering med Tab i skalet"
	// CompletionUsage is completion's synopsis.
	CompletionUsage = "bash|zsh|fish|powershell"
	// CompletionHelp is completion's help.
	CompletionHelp = `
Skriver ut ett skript som låter skalet komplettera kommandon, flaggor och
värden (--guide, --format) när du trycker Tab. Läs in det i skalets
startfil.

Exempel:
  svfrules completion bash > ~/.local/share/bash-completion/completions/svfrules
  svfrules completion zsh > "${fpath[1]}/_svfrules"
  svfrules completion fish > ~/.config/fish/completions/svfrules.fish
  svfrules completion powershell | Out-String | Invoke-Expression`
)

// Texts of single commands.
const (
	// CheckCompiles: check's line for rules that compile (%s: the rules'
	// folder, %s: version, %s: date, %d: pathways, codes, tables, cells,
	// notes, rules, lead times, tests).
	CheckCompiles = "%s: vägledning %s (%s) går att kompilera: %d vårdförlopp, %d koder, %d tabeller (%d celler), %d anmärkningar, %d regler, %d ledtider, %d test\n"
	// TestPass: a test case passed (%s: its id).
	TestPass = "OK  %s\n"
	// TestFail: a test case failed (%s: its id, %s: where it is written).
	TestFail = "FEL %s (%s)\n"
	// TestTotals: test's last line (%s: the rules, %d: passed, %d: failed).
	TestTotals = "%s: %d godkända, %d underkända\n"
	// TestNoMatch: --run matched no case (%q: the expression).
	TestNoMatch = "svfrules test: inget testfall matchar --run %q"
	// TestBadRun: --run is no regular expression (%q: it, %v: why).
	TestBadRun = "--run %q är inget giltigt reguljärt uttryck: %v"
	// VersionsHeader is the header of versions' table.
	VersionsHeader = "VERSION\tDATUM\tTITEL"
	// VersionsBroken: an embedded version that does not compile (%s: the
	// version, twice).
	VersionsBroken = "%s\t?\t(går inte att kompilera; kör svfrules check --guide %s)\n"
	// VersionsDefault marks the default version.
	VersionsDefault = " (standard)"
	// FmtNoPath: fmt without a path.
	FmtNoPath = "ange minst en fil eller mapp"
	// FmtCheckWrite: fmt --check with -w.
	FmtCheckWrite = "--check ändrar ingenting; ta bort -w eller --check"
	// FmtCannotRead: a file fmt cannot read (%s: the file, %v: why).
	FmtCannotRead = "svfrules fmt: kan inte läsa %s: %v"
	// ExplainOneCode: explain without exactly one argument.
	ExplainOneCode = "ange exakt en kod, t.ex. VL260 eller VXX60"
	// ExplainNoPrefix: no pathway has the prefix (%s: prefix, %s: version).
	ExplainNoPrefix = "svfrules explain: inget vårdförlopp har prefixet %s i vägledning %s"
	// ExplainNoCode: the guide has no such code (%s: version, %s: the
	// code given, %s: its suffix).
	ExplainNoCode = "svfrules explain: vägledning %s har ingen kod %s (ingen VXX%s); kör 'svfrules table' för koderna den har"
	// DiffTwoSides: diff without OLD and NEW.
	DiffTwoSides = "ange två versioner eller regelmappar, GAMMAL och NY, t.ex. svfrules diff 10.5 10.6"
	// DiffUnknownSide: OLD or NEW is neither version nor folder (%q: the
	// argument, %s: the embedded versions).
	DiffUnknownSide = "svfrules diff: %q är varken en inbyggd version av vägledningen eller en regelmapp; inbyggda: %s"
	// DiffSideIsFile: OLD or NEW is a file (%q: the argument, %s: the
	// embedded versions).
	DiffSideIsFile = "svfrules diff: %q är en fil; ange en regelmapp eller en inbyggd version; inbyggda: %s"
	// DiffCannotReadEpisodes: an --episodes file cannot be read (%s: the
	// file, %s: why).
	DiffCannotReadEpisodes = "svfrules diff: kan inte läsa förloppsfilen %s: %s"
	// FlagValueUnknown: a value an enumerated flag does not have (%q:
	// the value, %s: the flag, %s: the values with their Swedish words,
	// "error (fel), warning (varning) eller info (information)"); a
	// did-you-mean may follow after "; ".
	FlagValueUnknown = "okänt värde %q för %s; ange %s"
	// ListAnd joins the last value of a list of alternatives.
	ListAnd = "eller"
	// FailOnNone is eval --fail-on none in Swedish: no finding fails,
	// only rejected rows.
	FailOnNone = "ingen"
	// ReportMinCell: --min-cell under 1 (%d: the value).
	ReportMinCell = "--min-cell måste vara 1 eller mer (celler med färre ledtider visar inget utfall); angivet: %d"
	// ReportBy: a --by value that cannot be used (%v: why).
	ReportBy = "--by: %v"
	// ReportRejected heads report's list of rows that could not be read
	// (%d: how many).
	ReportRejected = "svfrules report: %s rader kunde inte läsas och ingår inte i rapporten:\n"
	// CompletionShell: completion without a known shell (%q: what was
	// given).
	CompletionShell = "okänt skal %q; ange bash, zsh, fish eller powershell"
	// CompletionOneShell: completion needs exactly one argument.
	CompletionOneShell = "ange ett skal: bash, zsh, fish eller powershell"
)

// --version.
const (
	// VersionLine is the first line of --version (%s: the module version,
	// "(utvecklingsversion)" when there is none).
	VersionLine = "svfrules %s\n"
	// VersionDevel stands for the module version of a build from a work
	// tree.
	VersionDevel = "(utvecklingsversion)"
	// VersionCommit names the commit built (%s: the commit, %s: " (ändrad)"
	// when the work tree had changes, else "").
	VersionCommit = "commit: %s%s\n"
	// VersionModified follows the commit when the work tree had changes.
	VersionModified = " (med ändringar som inte är incheckade)"
	// VersionBuilt gives the commit's date (%s: the date).
	VersionBuilt = "byggd från commit daterad: %s\n"
	// VersionGo names the Go version (%s: it).
	VersionGo = "Go: %s\n"
	// VersionGuides lists the embedded guide versions (%s: the versions,
	// %s: the default).
	VersionGuides = "inbyggda versioner av vägledningen: %s (standard: %s)\n"
)

// GlobNoMatch: an input pattern (export_*.csv) that names no file. Verbs:
// the pattern.
const GlobNoMatch = "ingen fil matchar %q; kontrollera mappen och namnet (* står för vilka tecken som helst, ? för ett tecken)"

// ProgressRead is report's progress line on a terminal: the amount read,
// the total (both as ProgressKB or ProgressMB make them).
const ProgressRead = "läst %s av %s"

// ProgressShare follows ProgressRead when the total is known: the share
// read in whole per cent.
const ProgressShare = " (%d %%)"

// ProgressKB and ProgressMB write a size (decimal units).
const (
	ProgressKB = "%d kB"
	ProgressMB = "%d MB"
)
