package msg

// explain: what the guide says about a rule, a lead time, a pathway or a
// finding the tool makes itself (cmd/svfrules explain_id.go). The code
// form of explain (VL260) has its own texts in cmd/svfrules/explain.go.

// Errors of explain, each printed after "svfrules explain: ".
const (
	// ExplainUnknownID: the argument as given, the guide version.
	ExplainUnknownID = "%q är varken en kod (VL260, VXX60, XX60 eller 60) eller ett id som svfrules skriver ut (regel, ledtid, vårdförlopp, fynd, ändringstyp eller nivå i diff) i kodningsvägledning %s"
	// ExplainDidYouMean: the nearest id or code.
	ExplainDidYouMean = DidYouMean
	// ExplainHowTo ends the error: what to do.
	ExplainHowTo = "Ange id:t som det står i utdata från eval, report eller check, t.ex. svfrules explain avslut_fore_start."
)

// The headings and lines of explain for a rule.
const (
	// ExplainRuleHead: the rule's label (name and id), the severity in
	// Swedish, the version, the version's date.
	ExplainRuleHead = "%s\nRegel (%s) i kodningsvägledning %s (%s)\n"
	// ExplainOtherVersion: the version asked for, the versions that have
	// the id, the version shown.
	ExplainOtherVersion = "Id:t finns inte i kodningsvägledning %s, men i %s; nedan visas version %s.\n"
	// ExplainMessage heads the rule's message.
	ExplainMessage = "\nMeddelande:\n"
	// ExplainSection heads the guide section the rule rests on.
	ExplainSection = "\nAvsnitt i vägledningen:\n"
	// ExplainGuideSection: the version, the section's words.
	ExplainGuideSection = "Kodningsvägledning %s, %s"
	// ExplainQuotes heads the guide's words the rule quotes.
	ExplainQuotes = "\nVägledningens ord:\n"
	// ExplainNote heads one exception text the rule cites: the code
	// (VXX60), the code's name, the note's heading or pathways.
	ExplainNote = "\nFörtydliganden eller avvikelser, %s – %s: %s\n"
	// ExplainNoteGeneral stands for the heading of a general note.
	ExplainNoteGeneral = "Allmänt"
	// ExplainAllPathways: the number of pathways.
	ExplainAllPathways = "\nGäller: alla %d vårdförlopp\n"
	// ExplainSomePathways: the number of pathways it applies to, the
	// number in the guide; the names follow, one a line.
	ExplainSomePathways = "\nGäller %d av %d vårdförlopp:\n"
	// ExplainCanFireIn: the number of pathways where the rule can give a
	// finding when the codes are ones the tables allow; the names follow,
	// one a line.
	ExplainCanFireIn = "Med koder som tabellerna tillåter kan regeln bara ge fynd i %d av dem:\n"
	// ExplainCondition: the condition as written, its place in the rule
	// files (for the quality group).
	ExplainCondition = "\nVillkor (i regelfilerna): %s\n  %s\n"
	// ExplainWhatToDo heads what the user does about a finding.
	ExplainWhatToDo = "\nVad du gör:\n"
	// ExplainDoError says what to do about an error.
	ExplainDoError = "Felet bryter mot kodningsvägledningen. Rätta kodningen (koden eller datumet) i patientsystemet enligt meddelandet innan förloppet rapporteras, exportera igen och kör eval på nytt."
	// ExplainDoWarning says what to do about a warning.
	ExplainDoWarning = "Kodningen är troligen fel. Kontrollera förloppet i patientsystemet mot meddelandet och rätta det om kodningen är fel; är den rätt behöver du inte göra något."
	// ExplainDoInfo says what to do about an info finding.
	ExplainDoInfo = "Fyndet är för kännedom och inget fel. Ingen åtgärd krävs om förloppet är kodat som det ska."
)

// Severities in Swedish, as explain and the findings show them.
const (
	// SeverityError is an error finding.
	SeverityError = "fel"
	// SeverityWarning is a warning finding.
	SeverityWarning = "varning"
	// OccurrenceFirst is a lead time's `first` before a code, in the
	// report's definitions (första XX15).
	OccurrenceFirst = "första"
	// OccurrenceLast is a lead time's `last` before a code (sista XX43).
	OccurrenceLast = "sista"
	// ExplainSetClosing names the code set `closing` where explain lists
	// the rules over sets holding a code (…, via alla avslutskoder).
	ExplainSetClosing = "alla avslutskoder"
	// ExplainSetKind names a set of one kind there (%s: the kind in
	// Swedish, Kind.Describe: via koder av slaget avslutskod vid start av
	// behandling).
	ExplainSetKind = "koder av slaget %s"
	// SeverityInfo is an info finding.
	SeverityInfo = "information"
)

// The lines of explain for a lead time.
const (
	// ExplainLeadTimeHead: the lead time's name, its id, the version,
	// the version's date.
	ExplainLeadTimeHead = "%s (%s)\nLedtid i kodningsvägledning %s (%s)\n"
	// ExplainLeadTimeNational says the lead time is part of the national
	// measure.
	ExplainLeadTimeNational = "Nationell ledtid: ingår i den nationella mätningen och målet att 80 % ska vara inom målet.\n"
	// ExplainLeadTimeLocal says it is a recommended time between
	// intermediate steps.
	ExplainLeadTimeLocal = "Lokal ledtid (rekommenderad tid mellan två steg i utredningen): ingår inte i den nationella mätningen.\n"
	// ExplainLeadTimePathway: the pathway's name, its prefixes.
	ExplainLeadTimePathway = "\nVårdförlopp: %s (%s)\n"
	// ExplainLeadTimeSpan: the from code (with first/last), the to
	// codes.
	ExplainLeadTimeSpan = "Från %s till %s, i kalenderdagar.\n"
	// ExplainLeadTimeWhen: the condition as written.
	ExplainLeadTimeWhen = "Bara när: %s\n"
	// ExplainLeadTimeTarget: the target in days.
	ExplainLeadTimeTarget = "Mål: högst %d kalenderdagar (inom målet när antalet dagar är högst målet).\n"
	// ExplainLeadTimeNoTarget says the guide gives no target.
	ExplainLeadTimeNoTarget = "Mål: inget (vårdförloppsbeskrivningen: optimal ledtid kan ej anges).\n"
	// ExplainLeadTimeSource heads the place in the pathway description.
	ExplainLeadTimeSource = "\nKälla:\n"
	// ExplainLeadTimeDo says what to do with the lead time.
	ExplainLeadTimeDo = "Förlopp över målet visas i eval (jsonl, json) och i rapporten. Kontrollera först att koderna och datumen i ledtidens två ändar är rätt kodade; en ledtid över målet som är rätt kodad är ett utfall, inget kodningsfel."
	// ExplainPlace: the place in the rule files.
	ExplainPlace = "\nI regelfilerna: %s\n"
)

// The lines of explain for a pathway.
const (
	// ExplainPathwayHead: the name, the prefixes, the key, the version,
	// the version's date.
	ExplainPathwayHead = "%s (%s), id %s\nVårdförlopp i kodningsvägledning %s (%s)\n"
	// ExplainPathwayICD: the ICD-10 codes the pathway description names.
	ExplainPathwayICD = "ICD-10 enligt vårdförloppsbeskrivningen: %s\n"
	// ExplainPathwayCodes: the number of table codes allowed, the number
	// of table codes.
	ExplainPathwayCodes = "\nKoder i vägledningens tabeller: %d av %d tillåtna (svfrules table visar dem, svfrules explain KOD visar en).\n"
	// ExplainPathwayRules heads the rules that apply only to this pathway
	// and a few others.
	ExplainPathwayRules = "\nRegler särskilt för detta vårdförlopp:\n"
	// ExplainPathwayGeneral: the number of rules of every pathway.
	ExplainPathwayGeneral = "Regler som gäller alla vårdförlopp: %d.\n"
	// ExplainPathwayLeadTimes heads the national lead times.
	ExplainPathwayLeadTimes = "\nLedtider (nationella):\n"
	// ExplainPathwayLocal heads the local lead times.
	ExplainPathwayLocal = "\nLokala ledtider (ingår inte i den nationella mätningen):\n"
	// ExplainPathwayNoLeadTimes says the rules have no lead time for the
	// pathway.
	ExplainPathwayNoLeadTimes = "\nLedtider: inga i dessa regler, så rapporten visar inga ledtider för vårdförloppet.\n"
)

// Findings svfrules makes itself, not rules of the files.
const (
	// ExplainSyntheticHead: the label, the severity, the version, the
	// version's date.
	ExplainSyntheticHead = "%s\nFynd som svfrules själv ger (%s), ingen regel i regelfilerna; här med kodningsvägledning %s (%s).\n"
	// ExplainIncompleteName is the name of forlopp_ofullstandigt.
	ExplainIncompleteName = "Ofullständigt förlopp"
	// ExplainIncompleteText says what an incomplete episode is.
	ExplainIncompleteText = "Minst en rad i förloppet kunde inte läsas (avvisades). Förloppet bedöms därför inte alls: den saknade raden kunde ändra varje bedömning (en saknad VXX10, en ordning, en ledtid). Det ger inga fynd och inga ledtider, och rapporten räknar det inte."
	// ExplainIncompleteDo says what to do.
	ExplainIncompleteDo = "Läs skälet vid varje avvisad rad (fil:rad; ett förlopp kan ha flera), rätta raderna i exporten och kör igen."
	// ExplainRejectedName is the name of rad_avvisad.
	ExplainRejectedName = "Avvisad rad"
	// ExplainRejectedText says what a rejected row is.
	ExplainRejectedText = "Raden kunde inte läsas: en kolumn har ett värde som inte går att tolka (t.ex. ett datum, en kod, ett län eller en ålder), eller raden går inte att dela i kolumner. Raden visas med fil:rad, fältet och skälet. Förloppet som raden hör till blir ofullständigt och bedöms inte."
	// ExplainRejectedDo says what to do.
	ExplainRejectedDo = "Rätta värdet i exporten enligt skälet (eller ange --date-order, --encoding eller --column om filen är rätt men skriven på annat sätt) och kör igen."
	// ExplainUnknownPathwayName is the name of forlopp_okant.
	ExplainUnknownPathwayName = "Okänt vårdförlopp"
	// UnknownPathwaySection is the guide section forlopp_okant rests on.
	UnknownPathwaySection = "Kodningsvägledningen, Kodernas uppbyggnad"
	// ExplainUnknownPathwayDo says what to do.
	ExplainUnknownPathwayDo = "Kontrollera koderna: prefixet (de tre första tecknen, t.ex. VL2) ska vara ett av de 30 vårdförloppens. svfrules table visar prefixen."
	// ExplainDuplicateName is the name of dubblettrad.
	ExplainDuplicateName = "Dubblettrad"
	// DuplicateMessage is dubblettrad's message: an event (code and date)
	// that stands more than once in one episode (on several rows of a
	// CSV file, or twice in one JSON Lines record). No verbs.
	DuplicateMessage = "Samma kod med samma datum står flera gånger i förloppet: samma mätpunkt exporterad två gånger. Den räknas en gång i alla kontroller och ledtider, så en dubblerad avslutskod ger inte fyndet Flera avslutskoder och en dubblerad VXX10 inte Flera startkoder."
	// DuplicateSection stands where a finding names its guide section:
	// dubblettrad rests on no text of the guide, which says nothing of
	// rows exported twice, and explain says the same.
	DuplicateSection = "ingen; svfrules egen notis, ingen regel i kodningsvägledningen"
	// DuplicateRef is dubblettrad's reference: none (see DuplicateSection).
	DuplicateRef = ""
	// ExplainDuplicateDo says what to do.
	ExplainDuplicateDo = "Jämför raderna (fil:rad) och ta bort dubbletten i exporten; är koden registrerad två gånger i patientsystemet, rätta där så att den inte rapporteras två gånger."
	// ExplainCaseIDsName is the name of id_skiftlage.
	ExplainCaseIDsName = "Förlopps-id som skiljer sig bara i stora och små bokstäver"
	// ExplainCaseIDsText says what id_skiftlage is.
	ExplainCaseIDsText = "Två förlopps-id i indata skiljer sig bara i stora och små bokstäver, t.ex. e4 och E4. svfrules räknar dem som två olika förlopp, så som de står, och slår inte ihop dem: om de är samma förlopp (ett id skrivet för hand på två sätt) går inte att avgöra ur exporten, och att slå ihop två olika förlopp skulle ändra bedömningen av båda. Sammanfattningen nämner båda id:na med förloppets första rad (fil:rad). Kodningsvägledningen säger inget om förlopps-id; detta är svfrules egen notis."
	// ExplainCaseIDsDo says what to do.
	ExplainCaseIDsDo = "Slå upp förloppen på raderna (fil:rad) i exporten. Är de samma förlopp, skriv id:t likadant på alla rader (i exporten eller i patientsystemet) och kör igen; är de olika förlopp behöver inget göras."
	// ExplainReasonHead: the label, the version, the version's date.
	ExplainReasonHead = "%s\nSkäl som rapporten anger när en ledtid undantas, ingen regel i regelfilerna; här med kodningsvägledning %s (%s).\n"
	// ExplainFromAbsentName is the name of fran_kod_saknas.
	ExplainFromAbsentName = "Från-kod saknas"
	// ExplainFromAbsentText says what the reason means.
	ExplainFromAbsentText = "Förloppet är rapporterbart och avslutas med en kod som ledtiden slutar i, men saknar koden ledtiden räknas från (startkoden VXX10). Ledtiden kan inte räknas; rapporten räknar förloppet bland de undantagna, inte i n."
	// ExplainFromAbsentDo says what to do.
	ExplainFromAbsentDo = "Kontrollera att startkoden (VXX10) är kodad, med rätt datum, i patientsystemet; eval visar förloppet med regeln startkod_saknas."
)
