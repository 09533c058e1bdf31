package safefile

// Messages users read, in Swedish, in one place (see the message
// catalogue planned for the CLI).
const (
	msgCannotWrite  = "kan inte skriva %s"
	msgUnchanged    = "; %s är oförändrad"
	msgNotCreated   = "; %s har inte skapats"
	msgMaybeChanged = "; %s kan vara ofullständig, kontrollera den"
	msgLinkBroken   = "länken pekar på en fil som inte går att nå"
	msgCreateTemp   = "kan inte skapa en temporär fil i samma mapp"
	msgRename       = "kan inte byta ut filen mot den nya"
	msgSyncDir      = "kan inte spara mappens innehåll till disk"
	msgReserve      = "kan inte reservera plats för den nya texten"
	msgInPlace      = "kopieringen in i filen (som har flera hårda länkar) avbröts"
	msgIsDir        = "det är en mapp; ange en fil"

	// Describe's texts for common causes.
	msgNoSpace  = "disken är full"
	msgTooLarge = "filen blir större än vad som är tillåtet (filstorleksgräns)"
	msgQuota    = "diskkvoten är slut"
	msgDenied   = "behörighet saknas"
	// msgDeniedOpen is msgDenied on Windows, where a file open in another
	// program (Excel) cannot be replaced.
	msgDeniedOpen = "behörighet saknas, eller filen är öppen i ett annat program (Excel?); stäng den och försök igen"
	msgReadOnly   = "filsystemet är skrivskyddat"
	msgIO         = "in- eller utmatningsfel på disken"
	msgNoDir      = "mappen finns inte"
	msgBrokenPipe = "mottagaren har slutat läsa (brutet rör)"
)
