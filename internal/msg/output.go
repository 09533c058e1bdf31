package msg

// Eval's output (runtime/output): the text format, the csv format's
// rows for incomplete episodes, and the summary on stderr.

// Incomplete episodes (an episode with a rejected row) in eval's text
// output.
const (
	// IncompleteHead stands where an evaluated episode's pathway does.
	IncompleteHead = "ofullständigt förlopp"
	// IncompleteRow starts the line of each rejected row, followed by
	// the row ("5", or "fil.csv:5" for a row of another file),
	// IncompleteRejected, the field, ", ", the reason and ")".
	IncompleteRow = "  ofullständigt: rad "
	// IncompleteRejected follows the row in an IncompleteRow line.
	IncompleteRejected = " avvisades ("
	// IncompleteWhy ends the lines of an incomplete episode with one
	// rejected row.
	IncompleteWhy = "          förloppet bedöms inte (inga fynd, inga ledtider): den avvisade raden kunde ändra bedömningen; rätta raden och kör igen\n"
	// IncompleteWhyMany is IncompleteWhy for an episode with more than
	// one rejected row.
	IncompleteWhyMany = "          förloppet bedöms inte (inga fynd, inga ledtider): de avvisade raderna kunde ändra bedömningen; rätta raderna och kör igen\n"
	// IncompleteCSV is the message of an incomplete episode's row in
	// the csv format: the number of rejected rows, the rows (file:row).
	IncompleteCSV = "Förloppet är ofullständigt: %d rader avvisades (%s), så det bedöms inte (inga fynd, inga ledtider); rätta raderna och kör igen."
	// IncompleteCSVOne is IncompleteCSV for one rejected row (%s: its
	// place).
	IncompleteCSVOne = "Förloppet är ofullständigt: en rad avvisades (%s), så det bedöms inte (inga fynd, inga ledtider); rätta raden och kör igen."
)

// The text format's lines of an episode with findings.
const (
	// UnknownPathway stands where an episode's pathway name does when
	// none of its codes has a prefix of the guide.
	UnknownPathway = "okänt vårdförlopp"
	// TextCodes starts the line of a finding's codes, each followed by
	// its file:row in parentheses.
	TextCodes = "              koder: "
	// TextSection starts the line of the guide section a finding's rule
	// rests on.
	TextSection = "              avsnitt: "
	// TextRejectedHead heads the list of rejected rows after the
	// episodes: the number of rows.
	TextRejectedHead = "Rader som inte kunde läsas (%s):\n"
)

// The summary eval writes on stderr.
const (
	// SummaryHead: the guide's version.
	SummaryHead = "Sammanfattning, kodningsvägledning %s:\n"
	// SummaryRows: rows read, evaluated, rejected.
	SummaryRows = "  rader lästa: %s (utvärderade %s, avvisade %s)\n"
	// SummaryRowsIncomplete: rows read, evaluated, in incomplete
	// episodes, rejected.
	SummaryRowsIncomplete = "  rader lästa: %s (utvärderade %s, i ofullständiga förlopp %s, avvisade %s)\n"
	// SummaryBlank: the number of blank rows skipped, of CSV files.
	SummaryBlank = "  tomma rader som hoppades över: %s (rader med bara avgränsare; de ingår i raderna lästa)\n"
	// SummaryBlankSheet: the number of blank rows skipped, of
	// workbooks (xlsx).
	SummaryBlankSheet = "  tomma rader som hoppades över: %s (rader utan något värde i arbetsboken; de ingår i raderna lästa)\n"
	// SummaryBlankBoth: the number of blank rows skipped, when the
	// inputs are CSV files and workbooks (the count is of both).
	SummaryBlankBoth = "  tomma rader som hoppades över: %s (rader med bara avgränsare i en CSV-fil eller utan något värde i en arbetsbok; de ingår i raderna lästa)\n"
	// SummaryEvents: the number of coded events in the evaluated rows
	// (JSON Lines, where a row lists many).
	SummaryEvents = "  koder med datum i de utvärderade raderna: %s\n"
	// SummaryEpisodes: episodes, episodes with an error, reportable
	// episodes.
	SummaryEpisodes = "  förlopp: %s, med fel: %s, rapporterbara: %s\n"
	// SummaryIncomplete: the number of incomplete episodes.
	SummaryIncomplete = "  ofullständiga förlopp: %s (med en avvisad rad; de bedöms inte förrän raderna är rättade)\n"
	// SummaryGrouped says the input was grouped in memory.
	SummaryGrouped = "  (raderna för ett förlopp låg inte i följd; hela filen grupperades i minnet)\n"
	// SummaryGroupedNoID: rows without an episode id in an input whose
	// episodes' rows are not adjacent. Verbs: the number of such rows (msg.Int).
	SummaryGroupedNoID = "  rader utan förlopps-id: %s. Förloppen närmast dem i filen bedöms inte, men eftersom ett förlopps rader inte ligger i följd kan en sådan rad höra till vilket förlopp som helst: fynden för de andra förloppen kan ändras när id:t är ifyllt; fyll i det och kör igen\n"
	// SummaryCaseIDs heads the episode ids that differ only in case
	// (svfrules' own notice id_skiftlage): the number of pairs (msg.Int).
	SummaryCaseIDs = "  förlopps-id som skiljer sig bara i stora och små bokstäver (id_skiftlage): %s par. De räknas som olika förlopp; kontrollera i exporten om de är samma förlopp, och är de det, skriv id:t likadant på alla rader och kör igen:\n"
	// SummaryCaseIDPair is one pair: the id read first, its file and
	// first row, then the other id, its file and first row.
	SummaryCaseIDPair = "    %s (%s:%d) och %s (%s:%d)\n"
	// SummaryCaseIDsMore ends a long list: the number of pairs not
	// shown (msg.Int).
	SummaryCaseIDsMore = "    … och %s par till (alla står i --format json och xlsx)\n"
	// SummaryByRule titles the counts of findings per rule.
	SummaryByRule = "fynd per regel"
	// SummaryByPathway titles the counts of episodes per pathway.
	SummaryByPathway = "förlopp per vårdförlopp"
)

// Eval's workbook (--format xlsx): sheet names (at most 31 characters,
// Excel's limit), column headers and the summary sheet's lines.
const (
	// SheetSummary names the summary sheet.
	SheetSummary = "Sammanfattning"
	// SheetFindings names the sheet of findings, one row each.
	SheetFindings = "Fynd"
	// SheetIncomplete names the sheet of incomplete episodes and
	// rejected rows ("Ofullständiga och avvisade rader" is 32
	// characters, one more than Excel allows).
	SheetIncomplete = "Ofullständiga, avvisade rader"
	// SheetOverTarget names the sheet of lead times over their target.
	SheetOverTarget = "Ledtider över mål"
	// SheetByRule names the sheet of findings by rule.
	SheetByRule = "Per regel"
	// SheetByPathway names the sheet of episodes by pathway.
	SheetByPathway = "Per vårdförlopp"

	// ColEpisode heads the column of episode ids.
	ColEpisode = "Förlopp"
	// ColPathway heads the column of pathway names.
	ColPathway = "Vårdförlopp"
	// ColSeverity heads the column of severities.
	ColSeverity = "Allvarlighetsgrad"
	// ColMessage heads the column of the rules' messages.
	ColMessage = "Meddelande"
	// ColCodesRows heads the column of a finding's codes, each with
	// its file:row.
	ColCodesRows = "Koder (fil:rad)"
	// ColSection heads the column of the guide section a finding's rule
	// rests on (the text format's "avsnitt").
	ColSection = "Avsnitt i vägledningen"
	// ColRuleID heads the column of rule ids (for explain).
	ColRuleID = "Regel-id"
	// ColRule heads the column of rule names.
	ColRule = "Regel"
	// ColRow heads a column of row numbers in the input file.
	ColRow = "Rad"
	// ColFile heads a column of input file names.
	ColFile = "Fil"
	// ColField heads the column of the field a rejected row failed on.
	ColField = "Fält"
	// ColReason heads the column of the reasons rows were rejected.
	ColReason = "Orsak"
	// ColKind heads the column saying whether a row is an incomplete
	// episode or a rejected row.
	ColKind = "Typ"
	// ColLeadTime heads the column of lead-time names.
	ColLeadTime = "Ledtid"
	// ColFromCode heads the column of a lead time's start code.
	ColFromCode = "Från kod"
	// ColFromDate heads the column of a lead time's start date.
	ColFromDate = "Från datum"
	// ColToCode heads the column of a lead time's end code.
	ColToCode = "Till kod"
	// ColToDate heads the column of a lead time's end date.
	ColToDate = "Till datum"
	// ColDays heads the column of lead times in days.
	ColDays = "Dagar"
	// ColTarget heads the column of lead-time targets in days.
	ColTarget = "Mål (dagar)"
	// ColOver heads the column of days over the target.
	ColOver = "Över målet (dagar)"
	// ColEpisodesN heads a column of numbers of episodes.
	ColEpisodesN = "Antal förlopp"
	// ColWithFindings heads the column of episodes with findings.
	ColWithFindings = "Förlopp med fynd"
	// ColOverTargetN heads the column of lead times over target.
	ColOverTargetN = "Ledtider över mål"
	// ColWhat heads the summary sheet's column of what is counted.
	ColWhat = "Uppgift"
	// ColValue heads the summary sheet's column of figures.
	ColValue = "Värde"

	// KindFinding marks a finding's row (eval's csv).
	KindFinding = "fynd"
	// KindOverTarget marks the row of a lead time over its target
	// (eval's csv).
	KindOverTarget = "ledtid över mål"
	// ColLeadTimeID heads the column of lead-time ids, beside their
	// names (svfrules explain takes them).
	ColLeadTimeID = "Ledtid-id"
	// KindIncomplete marks an incomplete episode's row.
	KindIncomplete = "ofullständigt förlopp"
	// KindRejected marks a rejected row's row.
	KindRejected = "avvisad rad"
	// IncompleteXLSX says why an incomplete episode is listed: the
	// number of its rejected rows, their places (file:row, joined by
	// ", ").
	IncompleteXLSX = "%d rader avvisades (%s), så förloppet bedöms inte (inga fynd, inga ledtider); rätta raderna (listade nedan) och kör igen"
	// IncompleteXLSXOne is IncompleteXLSX for one rejected row (%s: its
	// place).
	IncompleteXLSXOne = "en rad avvisades (%s), så förloppet bedöms inte (inga fynd, inga ledtider); rätta raden (listad nedan) och kör igen"

	// SumGuide labels the guide version.
	SumGuide = "Kodningsvägledning, version"
	// SumRowsRead labels the rows read.
	SumRowsRead = "Rader lästa"
	// SumRowsEvaluated labels the rows evaluated.
	SumRowsEvaluated = "Rader utvärderade"
	// SumRowsIncomplete labels the rows of incomplete episodes.
	SumRowsIncomplete = "Rader i ofullständiga förlopp"
	// SumRowsRejected labels the rows rejected.
	SumRowsRejected = "Rader avvisade"
	// SumRowsBlank labels the blank rows skipped.
	SumRowsBlank = "Tomma rader (hoppades över)"
	// SumEpisodes labels the episodes.
	SumEpisodes = "Förlopp"
	// SumEpisodesWithErrors labels the episodes with an error.
	SumEpisodesWithErrors = "Förlopp med fel"
	// SumReportable labels the reportable episodes.
	SumReportable = "Rapporterbara förlopp"
	// SumEpisodesIncomplete labels the incomplete episodes.
	SumEpisodesIncomplete = "Ofullständiga förlopp (bedöms inte)"
	// SumFindings labels the number of findings.
	SumFindings = "Fynd"
	// SumOverTarget labels the number of lead times over target.
	SumOverTarget = "Ledtider över mål"
	// SumUnchecked labels a rule that could not be checked: the line
	// names the rule, the missing attributes and the files.
	SumUnchecked = "Regel som inte kunde kontrolleras (kolumn saknas)"
	// SumCaseIDs labels a pair of episode ids that differ only in case
	// in the xlsx Sammanfattning (the value: "e4 (fil.csv:2) och E4
	// (fil.csv:9)", SumCaseIDPair).
	SumCaseIDs = "Förlopps-id som skiljer sig bara i stora och små bokstäver (id_skiftlage)"
	// SumCaseIDPair is the value of a SumCaseIDs row: the id read first,
	// its file and first row, then the other id, its file and first row.
	SumCaseIDPair = "%s (%s:%d) och %s (%s:%d)"
	// SumNote labels a note of the text summary that the xlsx
	// Sammanfattning repeats in words (rows grouped in memory, rows
	// without an id there, a column not read, dates in day order): the
	// value is the text summary's line.
	SumNote = "Att observera"

	// XLSXSpool: the workbook could not read back the findings it
	// spooled (an error of the program or of the temporary file).
	XLSXSpool = "kan inte läsa tillbaka fynden ur den temporära filen för arbetsboken"
)

// Choosing the output format (eval and report).
const (
	// FlagCSVDialect is the help of --csv-dialect.
	FlagCSVDialect = "csv-utdatans `form`: excel (UTF-8 med BOM, semikolon, decimalkomma och svenska rubriker; öppnas med dubbelklick i svenskt Excel) eller rfc4180 (komma, UTF-8 utan BOM, engelska kolumnnamn; för program)"
	// CSVDialectUnknown: the value given.
	CSVDialectUnknown = "okänd --csv-dialect %q; ange excel eller rfc4180"
	// FormatMismatch: -o, its extension, the format the extension
	// names, the --format given.
	FormatMismatch = "-o %s har ändelsen %s, som betyder formatet %s, men --format är %s; ingenting är läst eller skrivet. Ändra ändelsen eller --format så att de stämmer (eller utelämna --format, så väljs formatet efter ändelsen)."
	// FormatExtension: -o, its extension, the command, the formats it
	// writes with their extensions ("text (.txt), json (.json)"), and a
	// hint for the extension or "" (FormatXLSHint after a space).
	FormatExtension = "-o %s har ändelsen %s, ett format som %s inte skriver; ingenting är läst eller skrivet. Kommandot skriver formaten %s: använd en av de ändelserna, eller ett filnamn utan ändelse.%s"
	// FormatXLSHint follows FormatExtension for -o X.xls of a command
	// that writes workbooks.
	FormatXLSHint = "Excel-arbetsböcker skrivs i formatet xlsx: spara som .xlsx."
	// XLSXToTerminal: --format xlsx without -o, standard output a
	// terminal (a workbook is a zip file, unreadable there). The
	// command's name.
	XLSXToTerminal = "en arbetsbok (--format xlsx) är en fil för Excel och kan inte visas i terminalen; ingenting är läst eller skrivet. Ange en fil att skriva till: svfrules %s -o FIL.xlsx …"
)

// Eval's csv in the excel dialect: headers beside the workbook's, and the
// message of a lead time over its target.
const (
	// ColReportedAs heads the column of the prefix an episode is
	// reported under.
	ColReportedAs = "Rapporteras som"
	// ColCodes heads the column of a finding's codes.
	ColCodes = "Koder"
	// ColRows heads the column of a finding's rows, file:row each, in
	// the order of its codes.
	ColRows = "Rader"
	// OverTargetCSV: the lead time's name, its days, the target in
	// days, the days over the target.
	OverTargetCSV = "%s: %d dagar, målet är %d dagar (%d dagar över målet)."
)

// The lists at the end of eval's text output.
const (
	// TextOverTargetHead heads the lead times over target: their
	// number.
	TextOverTargetHead = "Ledtider över mål (%s):\n"
	// TextOverTarget is one lead time over its target: the episode,
	// the pathway, the days, the target, the days over, the lead time's
	// name and id (svfrules explain ID explains it), the start code and
	// date, the closing code and date, the file and the closing code's
	// row.
	TextOverTarget = "  %s  %s: %d dagar, målet %d (%d över)\n    %s (%s): %s %s → %s %s (%s:%d)\n"
	// TextByRuleHead heads the findings by rule: the number of rules.
	TextByRuleHead = "Fynd per regel (%d regler, flest förlopp först):\n"
	// TextByRuleHeadOne heads the findings by rule when one rule found
	// something.
	TextByRuleHeadOne = "Fynd per regel (1 regel):\n"
	// TextByRule heads a rule's episodes: the rule's name with its id,
	// its severity, the number of episodes (listed on the lines after
	// it).
	TextByRule = "  %s, %s, %s förlopp:\n"
)

// The report's list of rows to correct (every format), and its workbook.
const (
	// ReportToCorrectNote introduces the rows to correct, outside the
	// protected tables.
	ReportToCorrectNote = "Raderna nedan är era egna rader: de avvisades när filen lästes, och de ofullständiga förloppen ingår därför inte i tabellerna ovan. Rätta raderna i exporten och kör rapporten igen. Listan är ingen publicerad statistik och skyddas inte som tabellerna; ta bort den om rapporten ska publiceras."
	// SheetAbout names the workbook's sheet with the report's
	// introduction, legend and method.
	SheetAbout = "Om rapporten"
	// SheetPathways names the sheet of episodes per pathway.
	SheetPathways = "Förlopp per vårdförlopp"
	// SheetDefinitions names the sheet of lead-time definitions.
	SheetDefinitions = "Definitioner"
	// SheetToCorrect names the sheet of rows to correct.
	SheetToCorrect = "Rader att rätta"
	// ColText heads the about sheet's one column.
	ColText = "Text"
	// ColReportable heads the column of reportable episodes.
	ColReportable = "Rapporterbara"
	// ColWithErrors heads the column of episodes with an error.
	ColWithErrors = "Med fel"
	// ColTopFindings heads the column of the most frequent findings.
	ColTopFindings = "Vanligaste fynd"
	// ColFrom heads the column of a lead time's start code.
	ColFrom = "Från"
	// ColTo heads the column of a lead time's end codes.
	ColTo = "Till"
	// ColGoalMet heads the column saying whether the goal is met: the
	// goal in percent.
	ColGoalMet = "%d %% nått"
	// ColReportTarget heads the column of targets.
	ColReportTarget = "Mål"
	// ColN heads the column of lead times counted.
	ColN = "n"
	// ColWithin heads the column of lead times within target.
	ColWithin = "Inom mål"
	// ColShare heads the column of shares within target.
	ColShare = "Andel"
	// ColMean heads the column of means.
	ColMean = "Medel"
	// ColSD heads the column of standard deviations.
	ColSD = "SD"
	// ColP10 heads the column of 10th percentiles.
	ColP10 = "P10"
	// ColMedian heads the column of medians.
	ColMedian = "Median"
	// ColP90 heads the column of 90th percentiles.
	ColP90 = "P90"
	// ColExcluded heads the column of episodes left out.
	ColExcluded = "Undantagna"
	// ColRejectedRows heads the column of an episode's rejected rows.
	ColRejectedRows = "Avvisade rader"
)

// Messages of the evaluation's pipeline (runtime): the temporary file
// that holds the output until the input has been read to its end, and
// an input that cannot be opened once the command has begun.
const (
	// EvalOutSpool: the directory, the error.
	EvalOutSpool = "kan inte skapa en temporär fil för utdata i %s: %w; se till att det finns plats där"
	// EvalOutSpoolIO: the directory, the error.
	EvalOutSpoolIO = "kan inte mellanlagra utdata i en temporär fil i %s: %w; se till att det finns plats där (med -o är det utdatafilens katalog, annars TMPDIR)"
	// EvalOutWrite: the error (which names the file).
	EvalOutWrite = "kan inte skriva utdata: %w"
	// EvalCannotOpen: an input that could be read when the command began
	// but not when its turn came (removed or locked meanwhile). Verbs:
	// the input's name, the error.
	EvalCannotOpen = "kan inte öppna %s: %w; kontrollera att filen finns och inte är låst av ett annat program, och kör igen"
)

// The headers of table's csv (excel dialect), after ColPathway.
const (
	// ColTableCode heads the column of the table code's suffix (10, 91 …).
	ColTableCode = "Kod"
	// ColPrefix heads the column of the pathway's prefixes (VL2, VN4/VN6).
	ColPrefix = "Prefix"
	// ColAllowed heads the column that has x where the code may be used.
	ColAllowed = "Tillåten"
	// ColQualifier heads the column of the cell's qualifier (kur, all).
	ColQualifier = "Kvalificering"
)

// The summary's lines on columns (runtime): which header was read as
// which attribute, which columns were not used, and which rules could not
// be checked for want of a column.
const (
	// SummaryColumns: the file, the columns as "rubrik → attribut, …".
	SummaryColumns = "  kolumner i %s: %s\n"
	// SummaryUnused: the header of a column not read, the --column
	// value that reads it, ready to copy (quoted where a shell needs it).
	SummaryUnused = "    kolumnen %s används inte (ange --column %s om den ska läsas)\n"
	// ColumnArgField stands for the field in SummaryUnused's --column
	// value when the header names none, as --help calls it.
	ColumnArgField = "FÄLT"
	// SummaryJSONL: the file.
	SummaryJSONL = "  kolumner i %s: JSON Lines, varje attribut räknas som givet (ett förlopp utan värdet saknar det)\n"
	// SummaryUnchecked: the rules (SummaryRule or SummaryRules), where
	// (SummaryUncheckedIn or ""), what is missing (SummaryMissingColumn,
	// joined by InputAnd).
	SummaryUnchecked = "  %s kunde inte kontrolleras%s: filen saknar %s\n"
	// SummaryUncheckedFiles is SummaryUnchecked where several files
	// lack the columns (the same verbs; SummaryUncheckedIn names them).
	SummaryUncheckedFiles = "  %s kunde inte kontrolleras%s: filerna saknar %s\n"
	// SummaryRule: one rule's label.
	SummaryRule = "regeln %s"
	// SummaryRules: the rules' labels, "a, b och c".
	SummaryRules = "reglerna %s"
	// SummaryUncheckedIn: the files, "a.csv och b.csv", when there are
	// several inputs.
	SummaryUncheckedIn = " i %s"
	// SummaryMissingColumn: the attribute in Swedish (AttrAge …), the
	// field as --column takes it (ålder, remitterande_region).
	SummaryMissingColumn = "kolumn för %s (ange --column %s=RUBRIK om den har en annan rubrik)"
)

// The attributes in Swedish, for the summary; AttrAge … AttrIntent
// name age, sex, county, region, referring_region, diagnosis, intent.
const (
	// AttrAge: see the block.
	AttrAge = "ålder"
	// AttrSex: see the block.
	AttrSex = "kön"
	// AttrCounty: see the block.
	AttrCounty = "folkbokföringslän"
	// AttrRegion: see the block.
	AttrRegion = "rapporterande region"
	// AttrReferringRegion: see the block.
	AttrReferringRegion = "remitterande region"
	// AttrDiagnosis: see the block.
	AttrDiagnosis = "diagnos"
	// AttrIntent: see the block.
	AttrIntent = "behandlingsintention"
)
