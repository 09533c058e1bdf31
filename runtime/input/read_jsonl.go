package input

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/rcc/svfrules/internal/msg"
)

// jsonEpisode is one JSON Lines row. The names are the canonical CSV
// column names (matched without regard to case, as encoding/json does);
// the Swedish aliases of the CSV header are not accepted here, because a
// JSON export is written by a program, which can use the documented names.
// Unknown names are ignored, as unknown CSV columns are.
type jsonEpisode struct {
	Episode         jsonText    `json:"episode"`
	Region          jsonText    `json:"region"`
	Age             jsonText    `json:"age"`
	Sex             jsonText    `json:"sex"`
	County          jsonText    `json:"county"`
	ReferringRegion jsonText    `json:"referring_region"`
	Diagnosis       jsonText    `json:"diagnosis"`
	Intent          jsonText    `json:"intent"`
	Events          []jsonEvent `json:"events"`
}

type jsonEvent struct {
	Code jsonText `json:"code"`
	Date jsonText `json:"date"`
}

// jsonText is a value written as a string or a number: ids, ages and
// region codes come both ways from different systems. A number keeps its
// JSON spelling; null is empty.
type jsonText string

// UnmarshalJSON implements json.Unmarshaler.
func (t *jsonText) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		*t = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = jsonText(s)
	case b[0] == '-' || '0' <= b[0] && b[0] <= '9':
		*t = jsonText(b)
	default:
		kind := "object"
		switch b[0] {
		case '[':
			kind = "list"
		case 't', 'f':
			kind = "bool"
		}
		// A type error gets the field's name from encoding/json.
		return &json.UnmarshalTypeError{Value: kind, Type: reflect.TypeFor[string]()}
	}
	return nil
}

// readJSONL reads a JSON Lines input: one episode per line, like
//
//	{"episode":"E1","region":"01","age":54,"events":[{"code":"VL210","date":"2024-01-10"}]}
//
// Each non-blank line is one data row, and its events' Row is the line
// number. A line with a problem anywhere is rejected as a whole; a
// problem in an event is reported for the field "events[i].code" or
// "events[i].date", i counting from 0 as in JSON tools (jq). Adjacent
// lines of one episode are one run, as adjacent CSV rows are.
func readJSONL(name string, lr *lineReader, first []byte, enc encoding, b *builder) error {
	r := &jsonlReader{b: b, enc: enc}
	b.rowEvents = true
	// JSON Lines has no header: every attribute counts as present, and
	// an episode without one has it empty (rules treat it as unknown).
	if s, ok := b.sink.(ColumnSink); ok {
		s.Columns(FileColumns{File: name, JSONL: true, Columns: []ColumnUse{}, Unused: []string{}, Missing: []string{}})
	}
	r.row(first, false, lr.no)
	return eachLine(name, lr, b, r.row, func() {})
}

type jsonlReader struct {
	b   *builder
	enc encoding
	dec []byte
	up  []byte
	evs []Event
}

func (r *jsonlReader) row(raw []byte, tooLong bool, line int) {
	b := r.b
	if !tooLong && isBlank(raw, 0) {
		return
	}
	b.sink.DataRow()
	if tooLong {
		b.reject(line, "", fmt.Sprintf(msg.InputRowTooLong, maxLine>>20))
		return
	}
	if r.enc == encUTF8 && !utf8.Valid(raw) {
		b.reject(line, "", notUTF8)
		return
	}
	text, _ := decode(r.enc, raw, &r.dec)
	var e jsonEpisode
	if err := json.Unmarshal(text, &e); err != nil {
		b.reject(line, "", jsonProblem(err))
		return
	}
	id := strings.TrimSpace(string(e.Episode))
	if id == "" {
		b.rejectNoID(line, msg.InputJSONEpisodeEmpty)
		return
	}
	a := &rowAttrs{}
	for i, v := range []jsonText{e.Region, e.Age, e.Sex, e.County, e.ReferringRegion, e.Diagnosis, e.Intent} {
		a.val[colRegion+i] = []byte(strings.TrimSpace(string(v)))
	}
	// From here on the line's episode is known: a rejected line is
	// missing from it (builder.rejectIn).
	b.id = append(b.id[:0], id...)
	if field, reason := checkAttrs(a, &r.up); field != "" {
		b.rejectIn(b.id, line, field, reason)
		return
	}
	if len(e.Events) == 0 {
		b.rejectIn(b.id, line, "events", msg.InputJSONNoEvents)
		return
	}
	r.evs = r.evs[:0]
	for i, ev := range e.Events {
		c := []byte(strings.TrimSpace(string(ev.Code)))
		e, field, reason := b.event(c, []byte(strings.TrimSpace(string(ev.Date))))
		if field != "" {
			b.rejectIn(b.id, line, fmt.Sprintf("events[%d].%s", i, field), reason)
			return
		}
		e.Row = line
		r.evs = append(r.evs, e)
	}
	if b.add(b.id, line, a) {
		b.events = append(b.events, r.evs...)
	}
}

// jsonProblem says what is wrong with a line encoding/json refused.
func jsonProblem(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf(msg.InputJSONSyntax, syn.Offset)
	case errors.As(err, &typ) && typ.Field == "":
		return fmt.Sprintf(msg.InputJSONNotObject, jsonType(typ.Value))
	case errors.As(err, &typ):
		want := msg.InputJSONTextOrNumber
		switch typ.Type.Kind() {
		case reflect.Slice:
			want = msg.InputJSONArray
		case reflect.Struct:
			want = msg.InputJSONObject
		}
		return fmt.Sprintf(msg.InputJSONFieldType, typ.Field, jsonType(typ.Value), want)
	}
	return msg.InputJSONOther
}

// jsonType names in Swedish the JSON type encoding/json reports as v
// ("string", "number", "number 1.5", "bool", "array", "object").
func jsonType(v string) string {
	switch {
	case strings.HasPrefix(v, "string"):
		return msg.InputJSONText
	case strings.HasPrefix(v, "number"):
		return msg.InputJSONNumber
	case v == "bool":
		return msg.InputJSONBool
	case v == "array":
		return msg.InputJSONArray
	case v == "object":
		return msg.InputJSONObject
	}
	return msg.InputJSONNull
}
