// Package input reads episode files: CSV (on one goroutine, or in blocks
// on several), JSON Lines and xlsx workbooks, detected by their first
// bytes. Read passes every data row to a Sink, as part of an Episode (a
// run of adjacent rows of one episode) or as a Rejection, and never stops
// at a bad row. The package knows nothing of evaluation: a Sink that is a
// LocalSink has the episodes inside a block handed to it on the goroutine
// that parsed them (see local.go).
package input

import (
	"fmt"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime/escape"
)

// Event is one coded event as read from an episode file.
type Event struct {
	Code compiler.RawCode // as written, numbered (String gives it in capitals: "VL260")
	Date compiler.Day     // parsed from YYYY-MM-DD or YYYYMMDD
	// File says which input the row is in, for an episode grouped from
	// several: 0 is the episode's File, i > 0 its Files[i-1]. Readers
	// leave it 0. (It fits beside Date: Event does not grow.)
	File int32
	Row  int // line number of the row in its file (the header is line 1)
}

// Episode is one episode as read: the attributes of its rows and its
// events. A reader emits one Episode per run of adjacent rows with the
// same episode id; when an id comes back later in the input, the evaluator
// merges the runs, so results do not depend on row order.
type Episode struct {
	File string // the input's name as given ("-" for standard input)
	// Files are the other inputs the episode's events come from, when
	// its rows were grouped from several files (see Event.File).
	Files           []string
	ID              string
	Region          string
	Sex             string
	County          string
	ReferringRegion string
	Diagnosis       string
	Intent          string
	Age             int
	HasAge          bool
	Events          []Event
	// FirstRow is the line of the episode's first row, for messages.
	FirstRow int
	// Rows is the number of input rows the events come from: one per
	// event in CSV, one per line in JSON Lines (a line lists many).
	Rows int
	// Rejected are the episode's rows that were rejected (a bad date, a
	// contradicting attribute…), in input order. An episode with any is
	// incomplete: the missing rows could change every verdict (a missing
	// code, an order, a count, a lead time), so it is not evaluated. An
	// episode all of whose rows were rejected has no events.
	Rejected []Rejection
	// Absent are the attributes the episode's input has no column for
	// (see compiler.Episode.Absent); of a merged episode, those that none
	// of its inputs has.
	Absent compiler.AttrSet
}

// EventFile is the input that event i of ep is in.
func (ep *Episode) EventFile(i int) string {
	if f := ep.Events[i].File; f > 0 {
		return ep.Files[f-1]
	}
	return ep.File
}

// Rejection is an input row that could not be evaluated, and why. Every
// data row is either part of an episode or rejected: nothing is dropped.
type Rejection struct {
	// Episode is the row's episode id when it could be read (else
	// empty, and left out of JSON), so that every list of rejected rows
	// can say which episode the row belongs to.
	Episode string `json:"episode,omitempty"`
	File    string `json:"file"`
	Row     int    `json:"row"`
	Field   string `json:"field,omitempty"` // the column at fault, "" for the row as a whole
	Reason  string `json:"reason"`
	// Header: the file's own header of Field's column, when the file has
	// a header (not JSON Lines); people read it beside the field's
	// Swedish name (FieldText). Not in JSON, which keeps the field id.
	Header string `json:"-"`
	// DateOrder: the row was rejected for a day-first date, which
	// --date-order dmy reads (the summary counts them).
	DateOrder bool `json:"-"`
}

// FieldText is the field at fault for people: its Swedish name (ålder,
// datum) and, where the file's header names it otherwise, that header
// beside it (datum (kolumnen "Händelsedatum")); "" for the row as a whole.
// A header that is the field's Swedish name or its id (an export with
// the headers date, code …) is not repeated: "datum" is found in a file
// headed "date" without help, and kod (kolumnen "code") reads clumsily.
func (r Rejection) FieldText() string {
	if r.Field == "" {
		return ""
	}
	w := FieldName(r.Field)
	if r.Header == "" {
		return w
	}
	if k := columnKey([]byte(r.Header)); k == columnKey([]byte(w)) || k == r.Field {
		return w
	}
	return fmt.Sprintf(msg.FieldWithHeader, w, quote([]byte(r.Header)))
}

// String writes the rejection for people: file:row: field: reason, with
// what is not printable escaped (see Printable).
func (r Rejection) String() string {
	if r.Field == "" {
		return escape.Printable(fmt.Sprintf("%s:%d: %s", r.File, r.Row, r.Reason))
	}
	return escape.Printable(fmt.Sprintf("%s:%d: %s: %s", r.File, r.Row, r.FieldText(), r.Reason))
}

// Sink receives what a reader reads. Calls come from one goroutine, in
// input order.
type Sink interface {
	// Episode receives a run of adjacent rows of one episode. The reader
	// does not touch ep after the call.
	Episode(ep *Episode)
	// Reject receives a row that cannot be evaluated.
	Reject(r Rejection)
	// DataRow is called once for every data row read (header excluded),
	// before the row is passed on or rejected, so rows can be accounted.
	DataRow()
}
