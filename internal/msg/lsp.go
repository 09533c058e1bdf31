package msg

// Messages of the language server (`svfrules lsp`, package lsp): what the
// editor shows in its problem list, hover boxes, completion lists and
// quick fixes.

// LSPInternalError is the answer to a request the server failed on (a
// bug), and the first line of its report in the editor's log. %s is the
// protocol method, %v what went wrong.
const LSPInternalError = "internt fel i språkservern vid %s: %v; servern fortsätter, men rapportera felet med texten ovan"

// LSPUnknownMethod answers a request the server does not offer. %s is the
// protocol method.
const LSPUnknownMethod = "språkservern hanterar inte %s"

// LSPBadParams answers a request whose parameters cannot be read. %s is
// the protocol method.
const LSPBadParams = "parametrarna till %s kan inte läsas"

// LSPTestFailed is the summary of the diagnostic at a failing test case
// (`svfrules test`); the detail lists what was expected and what came.
// %s is the test case's id.
const LSPTestFailed = "testfallet %s ger inte det väntade resultatet"

// LSPCommandSummary is the one line `svfrules help` shows for the lsp
// command.
const LSPCommandSummary = "språkserver för regelfilerna i en editor (VS Code, Neovim, Helix, Emacs)"

// LSPCommandHelp is the help of `svfrules lsp`.
const LSPCommandHelp = `
Startar språkservern (Language Server Protocol) för regelfilerna. Den
läser och skriver protokollet på standard in och ut och startas av
editorn, inte för hand: se docs/editors.md för VS Code, Neovim, Helix
och Emacs.

Servern arbetar på mappen med en version av vägledningen (mappen för
den öppna filen) och ser osparad text i öppna filer. Den visar fel och
varningar från kontrollen (som svfrules check) och misslyckade testfall
(som svfrules test) medan man skriver, förklaringar när muspekaren står
på en kod, ett förlopp, en regel eller en funktion, förslag på ord,
gå till definition, hitta referenser, översikt över filen, formatering
(som svfrules fmt) och snabbfixar för "menade du".

Exempel (i en editors inställningar):
  svfrules lsp`

// LSPUnexpectedArgument is the usage error for an argument to `svfrules
// lsp`, which takes none. %q is the argument.
const LSPUnexpectedArgument = "oväntat argument %q: språkservern tar inga argument, editorn startar den som svfrules lsp"
