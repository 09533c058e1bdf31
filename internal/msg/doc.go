// Package msg is the message catalogue: every text svfrules shows its
// users (coordinators and the quality group) lives here, in Swedish, so
// that a later English version is a translation of this package, not a
// hunt through the code.
//
// One file per area (cli.go, input.go, eval.go, report.go, diff.go,
// compiler.go, guide.go, lsp.go …), so that work on one area does not
// touch another's file. Each message is an exported constant whose doc
// comment says where it is shown and what its verbs (%s, %d …) stand for,
// in order. Texts are full Swedish sentences that say what is wrong, where,
// and what to do. Internal ids (rule ids, pathway keys) appear only beside
// the names people read, for lookup.
//
// The catalogue test walks every constant of this package and fails on
// English text, on a verb count that does not match the doc comment, and
// on constants no other package uses.
package msg
