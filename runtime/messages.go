package runtime

// Messages of this package that people read, in Swedish, kept together so
// that they can move into one catalogue. (Older messages of the readers
// are still English, where they are written.)
const (
	// msgOutSpool: the directory, the error.
	msgOutSpool = "kan inte skapa en temporär fil för utdata i %s: %w; se till att det finns plats där"
	// msgOutSpoolIO: the directory, the error.
	msgOutSpoolIO = "kan inte mellanlagra utdata i en temporär fil i %s: %w; se till att det finns plats där (med -o är det utdatafilens katalog, annars TMPDIR)"
	// msgOutWrite: the error (which names the file).
	msgOutWrite = "kan inte skriva utdata: %w"

	// Incomplete episodes (an episode with a rejected row) in eval's
	// output. msgIncompleteHead stands where an evaluated episode's
	// pathway does; msgIncompleteRow starts the line of each rejected
	// row, followed by the row ("5", or "fil.csv:5" for a row of
	// another file), " avvisades (", the field, ", ", the reason and
	// ")"; msgIncompleteWhy ends the episode.
	msgIncompleteHead = "ofullständigt förlopp"
	msgIncompleteRow  = "  ofullständigt: rad "
	msgIncompleteWhy  = "          förloppet bedöms inte (inga fynd, inga ledtider): den avvisade raden kunde ändra bedömningen; rätta raden och kör igen\n"
	// msgIncompleteCSV: the number of rejected rows, the rows (file:row).
	msgIncompleteCSV = "Förloppet är ofullständigt: %d rad(er) avvisades (%s), så det bedöms inte (inga fynd, inga ledtider); rätta raderna och kör igen."
	// Summary lines: read, evaluated, in incomplete episodes, rejected;
	// then the number of incomplete episodes.
	msgSummaryRowsIncomplete = "  rader lästa: %d (utvärderade %d, i ofullständiga förlopp %d, avvisade %d)\n"
	msgSummaryIncomplete     = "  ofullständiga förlopp: %d (med en avvisad rad; de bedöms inte förrän raderna är rättade)\n"
	// msgSummaryBlank: Summary.RowsBlank; a line of the summary.
	msgSummaryBlank = "  tomma rader som hoppades över: %d (rader med bara avgränsare; de ingår i raderna lästa)\n"
)
