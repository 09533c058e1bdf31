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
	// IncompleteWhy ends an incomplete episode's lines.
	IncompleteWhy = "          förloppet bedöms inte (inga fynd, inga ledtider): den avvisade raden kunde ändra bedömningen; rätta raden och kör igen\n"
	// IncompleteCSV is the message of an incomplete episode's row in
	// the csv format: the number of rejected rows, the rows (file:row).
	IncompleteCSV = "Förloppet är ofullständigt: %d rad(er) avvisades (%s), så det bedöms inte (inga fynd, inga ledtider); rätta raderna och kör igen."
)

// The text format's lines of an episode with findings.
const (
	// UnknownPathway stands where an episode's pathway name does when
	// none of its codes has a prefix of the guide.
	UnknownPathway = "okänt vårdförlopp"
	// TextCodes starts the line of a finding's codes, each followed by
	// its file:row in parentheses.
	TextCodes = "          koder: "
	// TextSection starts the line of the guide section a finding's rule
	// rests on.
	TextSection = "          avsnitt: "
	// TextRejectedHead heads the list of rejected rows after the
	// episodes: the number of rows.
	TextRejectedHead = "Rader som inte kunde läsas (%d):\n"
)

// The summary eval writes on stderr.
const (
	// SummaryHead: the guide's version.
	SummaryHead = "Sammanfattning, kodningsvägledning %s:\n"
	// SummaryRows: rows read, evaluated, rejected.
	SummaryRows = "  rader lästa: %d (utvärderade %d, avvisade %d)\n"
	// SummaryRowsIncomplete: rows read, evaluated, in incomplete
	// episodes, rejected.
	SummaryRowsIncomplete = "  rader lästa: %d (utvärderade %d, i ofullständiga förlopp %d, avvisade %d)\n"
	// SummaryBlank: the number of blank rows skipped.
	SummaryBlank = "  tomma rader som hoppades över: %d (rader med bara avgränsare; de ingår i raderna lästa)\n"
	// SummaryEvents: the number of coded events in the evaluated rows
	// (JSON Lines, where a row lists many).
	SummaryEvents = "  koder med datum i de utvärderade raderna: %d\n"
	// SummaryEpisodes: episodes, episodes with an error, reportable
	// episodes.
	SummaryEpisodes = "  förlopp: %d, med fel: %d, rapporterbara: %d\n"
	// SummaryIncomplete: the number of incomplete episodes.
	SummaryIncomplete = "  ofullständiga förlopp: %d (med en avvisad rad; de bedöms inte förrän raderna är rättade)\n"
	// SummaryGrouped says the input was grouped in memory.
	SummaryGrouped = "  (raderna för ett förlopp låg inte i följd; hela filen grupperades i minnet)\n"
	// SummaryByRule titles the counts of findings per rule.
	SummaryByRule = "fynd per regel"
	// SummaryByPathway titles the counts of episodes per pathway.
	SummaryByPathway = "förlopp per vårdförlopp"
)
