package msg

// The lead-time report (runtime/report): what it says about its own
// coverage and the inclusion measure.

// Which pathways the report can measure.
const (
	// ReportCoverage: the number of pathways with national lead-time
	// definitions, the number of pathways in the guide, their names
	// ("Hjärntumörer och Livmoderkroppscancer").
	ReportCoverage = "Ledtider finns för %d av %d vårdförlopp i dessa regler (%s); bara de har ledtidsavsnitt nedan."
	// ReportCoverageNone: the number of pathways in the guide.
	ReportCoverageNone = "Ledtider finns för 0 av %d vårdförlopp i dessa regler; rapporten har därför inga ledtider."
	// ReportCoverageWithout: the number of the guide's pathways without
	// lead-time definitions (all of them: naming those the input holds
	// would tell that a row of dashes in the pathway table holds
	// somebody).
	ReportCoverageWithout = " Övriga %d vårdförlopp har inga ledtidsdefinitioner och räknas bara i tabellen över förlopp."
	// ReportAnd joins the last two names of a list.
	ReportAnd = " och "
)

// The breakdown (report --by), after "--by: ".
const (
	// ReportByUnknown: the name given, quoted; the dimensions there are,
	// joined by ", ".
	ReportByUnknown = "%q är ingen dimension; ange en kommaseparerad lista av %s"
	// ReportByTwice: the dimension named twice, quoted.
	ReportByTwice = "dimensionen %q står två gånger; ange varje dimension en gång"
)

// ReportPercentile names how p10, median and p90 are computed (the json
// report's "percentile"). No verbs.
const ReportPercentile = "linjär interpolation mellan närmaste rangplatser (Hyndman–Fan typ 7, som PERCENTIL.INK och MEDIAN i Excel)"

// What stops the report once the input has been read.
const (
	// ReportSpoolRead: the error. The report reads back what it kept of
	// each episode in a temporary file (TMPDIR) and could not.
	ReportSpoolRead = "kan inte läsa tillbaka förloppen ur den temporära filen: %w; kontrollera att det finns plats i den temporära katalogen (TMPDIR) och kör igen"
	// ReportSpoolBad: the temporary file does not hold what was written
	// to it. No verbs.
	ReportSpoolBad = "den temporära filen med förloppen innehåller inte det som skrevs dit (disken eller ett annat program har ändrat den); kör igen"
	// ReportFormat: a format Write does not know (the command refuses
	// it before); the format, the formats there are.
	ReportFormat = "rapporten kan inte skrivas i formatet %q; formaten är %s"
)

// The inclusion measure (report --inclusion-base FILE): reading the file
// of estimated new cases.
const (
	// InclusionOpen: the file's name, the error.
	InclusionOpen = "%s: kan inte läsa beräkningsunderlaget: %v"
	// InclusionNotFile: used with InclusionOpen for a folder.
	InclusionNotFile = "det är ingen fil; ange beräkningsunderlagets csv- eller xlsx-fil"
	// InclusionNoHeader: the file's name.
	InclusionNoHeader = "%s: filen är tom; första raden ska vara rubrikerna region;vårdförlopp;period;beräknat antal."
	// InclusionColumn: the file's name, the missing column's name, the
	// headers found.
	InclusionColumn = "%s:1: kolumnen %q saknas (rubrikerna är %s); skriv region;vårdförlopp;period;beräknat antal."
	// InclusionField: the file's name, the row, the column's name, what
	// is wrong with it.
	InclusionField = "%s:%d: %s: %s"
	// InclusionEmpty: used with InclusionField.
	InclusionEmpty = "tomt; fyll i ett värde eller ta bort raden"
	// InclusionRegion: the value written; used with InclusionField.
	InclusionRegion = "%q är ingen region; skriv regionens kod (01 Stockholm … 25 Norrbotten, 1 läses som 01) eller namn (Region Stockholm)"
	// InclusionPathway: the value written; used with InclusionField.
	InclusionPathway = "%q är inget vårdförlopp i dessa regler; skriv förloppets namn, nyckel eller prefix (till exempel VL2)"
	// InclusionPeriod: the value written; used with InclusionField.
	InclusionPeriod = "%q är ingen period; skriv år (2024), kvartal (2024-K1) eller månad (2024-03)"
	// InclusionMixed: the period form of the first row ("år"), the form of
	// this one; used with InclusionField.
	InclusionMixed = "perioderna ska vara av ett slag i hela filen: de första är %s, den här %s"
	// InclusionEstimate: the value written; used with InclusionField.
	InclusionEstimate = "%q är inget antal; skriv ett heltal större än 0"
	// InclusionDuplicate: region, pathway name, period, the first row;
	// used with InclusionField.
	InclusionDuplicate = "%s, %s, %s finns redan på rad %d"
	// InclusionNoRows: the file's name.
	InclusionNoRows = "%s: beräkningsunderlaget har inga rader under rubrikerna."
	// InclusionYear, InclusionQuarter and InclusionMonth name the period
	// forms in InclusionMixed.
	InclusionYear    = "år"
	InclusionQuarter = "kvartal"
	InclusionMonth   = "månad"
)

// The inclusion measure's table in the report (every format).
const (
	// InclusionTitle: the goal in per cent.
	InclusionTitle = "Inklusion i SVF (mål %d %%)"
	// InclusionNote: the goal, the period form ("kvartal"), min-cell.
	InclusionNote = "Rapporterade SVF är underlagets rapporterbara förlopp (startkod och en avslutskod) i regionen och vårdförloppet med avslutskodens datum i perioden (%[2]s); andelen är dem av beräknat antal nya fall enligt beräkningsunderlaget, mot det nationella målet %[1]d %%. Ett antal under %[3]d visas inte (–), och inte heller ett antal som kunde räknas ut ur rapportens summor; då döljs andelen med. Det beräknade antalet är ett offentligt underlag och visas alltid."
	// InclusionNoteOutside: the number of reportable episodes in no row
	// of the beräkningsunderlag, when there are any (shown only when not
	// small: see the report).
	InclusionNoteOutside = "Rapporterbara förlopp utanför beräkningsunderlagets regioner och perioder räknas inte."
	// SheetInclusion names the report workbook's sheet of the inclusion
	// measure.
	SheetInclusion = "Inklusion"
	// ColRegion heads the column of regions.
	ColRegion = "Region"
	// ColPeriod heads the column of periods.
	ColPeriod = "Period"
	// ColEstimate heads the column of estimated new cases.
	ColEstimate = "Beräknat antal"
	// ColReportedSVF heads the column of reported SVF.
	ColReportedSVF = "Rapporterade SVF"
	// ColInclusionShare heads the column of the share of the estimate.
	ColInclusionShare = "Andel (%)"
)

// The rows to correct in the report's csv (report --format csv): the
// user's own rejected rows and incomplete episodes, listed after the
// measures with columns of their own.
const (
	// ReportCSVEpisode heads the column of a row's episode id.
	ReportCSVEpisode = "förlopp"
	// ReportCSVPlace heads the column of a row's place, file:row.
	ReportCSVPlace = "fil:rad"
	// ReportCSVRejectedRows heads the column of an incomplete episode's
	// number of rejected rows.
	ReportCSVRejectedRows = "avvisade rader"
	// ReportCSVField heads the column of the field a row was rejected
	// for.
	ReportCSVField = "fält"
	// ReportCSVReason heads the column of why a row was rejected.
	ReportCSVReason = "orsak"
	// ReportCSVToDo heads the column of what to do about the row.
	ReportCSVToDo = "vad du gör"
	// ReportCSVRejectedDo says what to do about a rejected row.
	ReportCSVRejectedDo = "Rätta raden i exporten enligt orsaken och kör rapporten igen."
	// ReportCSVIncompleteDo says what to do about an incomplete episode.
	ReportCSVIncompleteDo = "Förloppet ingår inte i något mått förrän dess avvisade rader (raderna med samma förlopp nedan) är rättade; rätta dem och kör rapporten igen."
)

// ReportByTooMany: report --by gives tables too long to list: the
// dimensions as the user gave them, the number of combinations (each a
// row of every table broken down by them), the most allowed.
const ReportByTooMany = "--by %s: tabellerna skulle få %s rader var (en för varje kombination av värdena, också de tomma, så att ingen liten grupp syns), fler än %s. En så lång tabell går inte att läsa och tar lång tid och mycket minne att skydda mot små tal. Ta bort en dimension (region behövs inte bredvid län) eller välj en grövre period (år eller kvartal i stället för månad) och kör igen. Ingen rapport har skrivits."

// ReportAtLeast precedes the number of combinations in ReportByTooMany
// when it is known before the input is read (the periods not counted).
const ReportAtLeast = "minst "

// ReportByNoColumn: report --by names a dimension an input has no column
// for, so every group would be "okänd". The dimension as --by accepts it
// in Swedish (län), the input's name, the column's field name (ålder for
// åldersgrupp), the field as --column writes it. The report stops before
// anything is written.
const ReportByNoColumn = "--by %[1]s: %[2]s har ingen kolumn för %[3]s, så rapporten kan inte delas upp efter %[1]s. Heter kolumnen något annat i filen, ange den med --column %[4]s=RUBRIK och kör igen; annars ta bort %[1]s ur --by. Ingen rapport har skrivits."

// ReportByNoKey: report --by names a dimension no line of a JSON Lines
// input has a value for (JSON Lines has no header), so every group would
// be "okänd". The dimension as --by accepts it in Swedish (län), the
// input's name, the field's name (ålder for åldersgrupp), its JSON key.
// Nothing is written.
const ReportByNoKey = "--by %[1]s: ingen rad i %[2]s har ett värde för %[3]s (nyckeln \"%[4]s\"), så rapporten kan inte delas upp efter %[1]s. Ange \"%[4]s\" på raderna och kör igen; annars ta bort %[1]s ur --by. Ingen rapport har skrivits."

// The Underlag line of the report: what was read.
const (
	// ReportUnderlag: the rows read, the rejected rows (ReportRejectedRows
	// or ReportRejectedOne), the blank rows (ReportBlank, or "" for
	// none), the episodes, the reportable ones, those with errors; a
	// hidden count is "–".
	ReportUnderlag = "Underlag: %s rader lästa, %s%s; %s förlopp, %s rapporterbara, %s med fel."
	// ReportRejectedRows: the number of rejected rows.
	ReportRejectedRows = "%s avvisade"
	// ReportRejectedOne is one rejected row. No verbs.
	ReportRejectedOne = "1 avvisad"
	// ReportBlank follows the rejected rows when rows of nothing but
	// separators were skipped: their number.
	ReportBlank = ", %s tomma som hoppades över"
	// ReportBlankOne is ReportBlank for one blank row. No verbs.
	ReportBlankOne = ", 1 tom som hoppades över"
	// ReportIncomplete ends the Underlag line when episodes were left
	// out for a rejected row: their number.
	ReportIncomplete = " Dessutom %s ofullständiga förlopp (med en avvisad rad), som inte ingår i något mått: en bedömning kunde ändras av raden som saknas."
	// ReportIncompleteOne ends it for one such episode. No verbs.
	ReportIncompleteOne = " Dessutom 1 ofullständigt förlopp (med en avvisad rad), som inte ingår i något mått: en bedömning kunde ändras av raden som saknas."
)

// The columns of the local lead times (times between intermediate steps,
// with a recommended time, no goal and nothing left out) in the html
// report and its workbook; the others are ColLeadTime, ColPathway, ColN,
// ColMean … of the national sections.
const (
	// ColRecommended heads the column of recommended times.
	ColRecommended = "Rekommenderad tid"
	// ColWithinRecommended heads the column of lead times within the
	// recommended time.
	ColWithinRecommended = "Inom rekommenderad tid"
	// ColShareRecommended heads the column of their share.
	ColShareRecommended = "Andel inom"
)

// The column titles of the report's group dimensions (--by), which --by
// also accepts as the dimensions' Swedish names.
const (
	DimPathway  = "Vårdförlopp"
	DimRegion   = "Region"
	DimCounty   = "Län"
	DimSex      = "Kön"
	DimAgeGroup = "Åldersgrupp"
	DimYear     = "År"
	DimQuarter  = "Kvartal"
	DimMonth    = "Månad"
)
