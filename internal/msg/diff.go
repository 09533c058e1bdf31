package msg

// Messages of `svfrules diff` (cmd/svfrules/diff.go and compiler/changes).

// Usage errors of diff's flags, printed after "svfrules diff: ".
const (
	// DiffUnknownLevel: --level or --fail-on names no level (%s: the flag, %q: the value given).
	DiffUnknownLevel = "okänd nivå för %s: %q; ange action (kräver ändrad kodning), review (att granska) eller info (redaktionell)"
	// DiffUnknownIgnore: --ignore names no change id (%q: the id given, %s: a did-you-mean or the list of ids).
	DiffUnknownIgnore = "okänd ändringstyp för --ignore: %q; %s"
	// DiffDidYouMean suggests a known id for a misspelt one (%q: the id).
	DiffDidYouMean = "menade du %q?"
	// DiffIgnoreIDs lists the change ids --ignore takes (%s: the ids, comma-separated).
	DiffIgnoreIDs = "ändringstyperna är: %s"
	// DiffEpisodesMarkdown: --episodes with --format markdown.
	DiffEpisodesMarkdown = "--episodes räknar förlopp, och ändringsloggen (--format markdown) tar inte med förlopp; använd --format text, json eller html med --episodes"
)
