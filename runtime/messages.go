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
)
