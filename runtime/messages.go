package runtime

// Messages of this package that people read, in Swedish, kept together so
// that they can move into one catalogue. (Older messages of the readers
// are still English, where they are written.)
const (
	// msgSpool: the input's name, the directory, the error.
	msgSpool = "%s: kan inte mellanlagra indata i en temporär fil i %s: %w; se till att det finns plats där (eller ange en annan katalog med TMPDIR)"
	// msgSpoolRead: the input's name, the error.
	msgSpoolRead = "kan inte läsa %s: %w"
	// msgChanged: the input's name, errChanged.
	msgChanged = "%s: %w; vänta tills programmet som skriver filen är klart och kör igen"
	// msgUnclosed: the first and last line of the row, maxRecordLines;
	// msgUnclosedLine: maxRecordLines, for a row of one line.
	msgUnclosed     = "ett värde inom citattecken börjar på den här raden men slutar inte, så raderna %d–%d lästes som en rad och avvisades (ett värde får sträcka sig över högst %d rader); stäng citattecknet eller ta bort det"
	msgUnclosedLine = "ett värde inom citattecken börjar på den här raden men slutar inte (ett värde får sträcka sig över högst %d rader); stäng citattecknet eller ta bort det"
	// msgOutSpool: the directory, the error.
	msgOutSpool = "kan inte skapa en temporär fil för utdata i %s: %w; se till att det finns plats där"
	// msgOutSpoolIO: the directory, the error.
	msgOutSpoolIO = "kan inte mellanlagra utdata i en temporär fil i %s: %w; se till att det finns plats där (med -o är det utdatafilens katalog, annars TMPDIR)"
	// msgOutWrite: the error (which names the file).
	msgOutWrite = "kan inte skriva utdata: %w"
)
