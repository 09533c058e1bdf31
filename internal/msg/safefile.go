package msg

// Messages of internal/safefile: writing a file beside its target and
// renaming it when complete, and why a write failed (Describe). They
// follow the command's name. Describe says the common causes in Swedish
// only; any other cause is the system's own text, marked by FileSystemText.
const (
	// FileCannotWrite: the file (what could not be written). Followed by one of the next three.
	FileCannotWrite = "kan inte skriva %s"
	// FileUnchanged: the file, which the failed write left as it was.
	FileUnchanged = "; %s är oförändrad"
	// FileNotCreated: the file, which the failed write did not create.
	FileNotCreated = "; %s har inte skapats"
	// FileMaybeChanged: the file, which a failed write in place may have changed.
	FileMaybeChanged = "; %s kan vara ofullständig, kontrollera den"
	// FileLinkBroken: the target is a link to a file that cannot be reached. No verbs.
	FileLinkBroken = "länken pekar på en fil som inte går att nå"
	// FileCreateTemp: the temporary file beside the target could not be made. No verbs.
	FileCreateTemp = "kan inte skapa en temporär fil i samma mapp"
	// FileRename: the finished temporary file could not replace the target. No verbs.
	FileRename = "kan inte byta ut filen mot den nya"
	// FileSyncDir: the folder could not be synced to disk. No verbs.
	FileSyncDir = "kan inte spara mappens innehåll till disk"
	// FileReserve: space for the new text could not be reserved. No verbs.
	FileReserve = "kan inte reservera plats för den nya texten"
	// FileInPlace: a copy into a file with several hard links stopped. No verbs.
	FileInPlace = "kopieringen in i filen (som har flera hårda länkar) avbröts"
	// FileIsDir: the target is a folder. No verbs.
	FileIsDir = "det är en mapp; ange en fil"
	// FileNoSpace: Describe: the disk is full. No verbs.
	FileNoSpace = "disken är full"
	// FileTooLarge: Describe: the file size limit. No verbs.
	FileTooLarge = "filen blir större än vad som är tillåtet (filstorleksgräns)"
	// FileQuota: Describe: the disk quota is used up. No verbs.
	FileQuota = "diskkvoten är slut"
	// FileDenied: Describe: permission denied. No verbs.
	FileDenied = "behörighet saknas"
	// FileDeniedOpen: Describe: permission denied on Windows, where a file open in another program (Excel) cannot be replaced. No verbs.
	FileDeniedOpen = "behörighet saknas, eller filen är öppen i ett annat program (Excel?); stäng den och försök igen"
	// FileReadOnly: Describe: a read-only file system. No verbs.
	FileReadOnly = "filsystemet är skrivskyddat"
	// FileIO: Describe: an I/O error. No verbs.
	FileIO = "in- eller utmatningsfel på disken"
	// FileNoDir: Describe: the folder does not exist. No verbs.
	FileNoDir = "mappen finns inte"
	// FileNoNewFiles: Describe: the folder exists but a file cannot be
	// created in it (a special file system such as /proc). No verbs.
	FileNoNewFiles = "mappen tar inte emot nya filer"
	// FileStepNoDir: what to do when the folder does not exist; ends the
	// message of a failed write. No verbs.
	FileStepNoDir = "skapa mappen eller välj en annan"
	// FileStepOtherFolder: what to do when the folder cannot be written
	// to (permission, read-only). No verbs.
	FileStepOtherFolder = "spara i en mapp där du får skriva"
	// FileStepOtherFile: FileStepOtherFolder when the file existed (it
	// may be the file that is write-protected). No verbs.
	FileStepOtherFile = "spara under ett annat namn eller i en mapp där du får skriva"
	// FileStepNoSpace: what to do when the disk or quota is full. No verbs.
	FileStepNoSpace = "frigör plats eller spara på en annan disk"
	// FileIsFolder: Describe: the path names a folder where a file is written. No verbs.
	FileIsFolder = "det är en mapp, inte en fil"
	// FileNotFolder: Describe: a part of the path that should be a folder is a file. No verbs.
	FileNotFolder = "en del av sökvägen är en fil, inte en mapp"
	// FileExists: Describe: a file that was to be created exists already. No verbs.
	FileExists = "filen finns redan"
	// FileSystemText: Describe: an error the program has no Swedish words
	// for (%s: the operating system's own text, usually English).
	FileSystemText = "systemets felmeddelande: %s"
	// FileBrokenPipe: Describe: the reader of standard output stopped reading. No verbs.
	FileBrokenPipe = "mottagaren har slutat läsa (brutet rör)"
)
