package msg

// The rule-file language (package lang): parse errors and the hints
// shared by every area.

// DidYouMean is the hint for a misspelt name, used by every command and
// diagnostic (%q: the likely name).
const DidYouMean = "menade du %q?"
