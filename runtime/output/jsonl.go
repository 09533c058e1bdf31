package output

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/runtime"
)

type jsonlRenderer struct{}

func (jsonlRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	writeEpisodeJSON(buf, r)
	buf.WriteByte('\n')
}

// Wrap writes, after the episodes, one line for each rejected row that
// belongs to no episode (its id could not be read), {"rejected": {"file",
// "row", "field", "reason"}}: the others are in their episode's line, and
// every rejected row must be listed somewhere, not only counted.
func (jsonlRenderer) Wrap(sum *runtime.Summary, episodes io.Reader, w io.Writer) error {
	if _, err := io.Copy(w, episodes); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	for _, rej := range sum.Rejected {
		if rej.Episode != "" {
			continue
		}
		buf.Reset()
		buf.WriteString(`{"rejected":{"file":`)
		jsonString(&buf, rej.File)
		buf.WriteString(`,"row":`)
		writeInt(&buf, rej.Row)
		if rej.Field != "" {
			buf.WriteString(`,"field":`)
			jsonString(&buf, rej.Field)
		}
		buf.WriteString(`,"reason":`)
		jsonString(&buf, rej.Reason)
		buf.WriteString("}}\n")
		bw.Write(buf.Bytes())
	}
	return bw.Flush()
}

// writeEpisodeJSON writes one episode object. It is written by hand
// because encoding/json's reflection would be most of eval's run time.
func writeEpisodeJSON(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	res := &r.Result
	buf.WriteString(`{"episode":`)
	jsonString(buf, r.In.ID)
	buf.WriteString(`,"pathway":`)
	if res.Pathway != nil {
		jsonString(buf, res.Pathway.Key)
	} else {
		buf.WriteString("null")
	}
	buf.WriteString(`,"reportable":`)
	buf.WriteString(strconv.FormatBool(res.Reportable))
	buf.WriteString(`,"reported_as":`)
	if res.ReportedAs != "" {
		jsonString(buf, res.ReportedAs)
	} else {
		buf.WriteString("null")
	}
	if res.Incomplete {
		// Only incomplete episodes have these keys: they are rare, and
		// the output of a clean file stays as it was.
		buf.WriteString(`,"incomplete":true,"rejected":[`)
		for i, rej := range r.In.Rejected {
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.WriteByte('{')
			if rej.Episode != "" {
				buf.WriteString(`"episode":`)
				jsonString(buf, rej.Episode)
				buf.WriteByte(',')
			}
			buf.WriteString(`"file":`)
			jsonString(buf, rej.File)
			buf.WriteString(`,"row":`)
			writeInt(buf, rej.Row)
			if rej.Field != "" {
				buf.WriteString(`,"field":`)
				jsonString(buf, rej.Field)
			}
			buf.WriteString(`,"reason":`)
			jsonString(buf, rej.Reason)
			buf.WriteByte('}')
		}
		buf.WriteByte(']')
	}
	buf.WriteString(`,"findings":[`)
	for i := range res.Findings {
		f := &res.Findings[i]
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(`{"rule":`)
		jsonString(buf, f.Rule.ID)
		buf.WriteString(`,"rule_name":`)
		jsonString(buf, f.Rule.Name)
		buf.WriteString(`,"severity":"`)
		buf.WriteString(f.Rule.Severity.String())
		buf.WriteString(`","message":`)
		jsonString(buf, f.Rule.Message)
		buf.WriteString(`,"codes":[`)
		for j, e := range f.Events {
			if j > 0 {
				buf.WriteByte(',')
			}
			jsonCode(buf, r.In.Events[e].Code)
		}
		// file:row and the rule's place, quoted: only the file names
		// can need escaping.
		buf.WriteString(`],"input":"`)
		jsonEscape(buf, findingFile(r, f))
		buf.WriteByte(':')
		writeInt(buf, findingRow(r, f))
		// Every row of the codes, file:row, each once (samePlace):
		// input names the first only, and a duplicated row
		// (dubblettrad) is two rows of one code.
		buf.WriteString(`","inputs":[`)
		if len(f.Events) == 0 {
			buf.WriteByte('"')
			jsonEscape(buf, findingFile(r, f))
			buf.WriteByte(':')
			writeInt(buf, findingRow(r, f))
			buf.WriteByte('"')
		}
		for j, e := range f.Events {
			if j > 0 && samePlace(r, f.Events[j-1], e) {
				continue // a JSON Lines line once
			}
			if j > 0 {
				buf.WriteByte(',')
			}
			buf.WriteByte('"')
			jsonEscape(buf, r.In.EventFile(e))
			buf.WriteByte(':')
			writeInt(buf, r.In.Events[e].Row)
			buf.WriteByte('"')
		}
		buf.WriteString(`],"source":"`)
		jsonEscape(buf, f.Rule.Pos.File)
		writeLineCol(buf, f.Rule.Pos)
		buf.WriteString(`"}`)
	}
	buf.WriteString(`],"leadtimes":[`)
	for i, lt := range res.LeadTimes {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(`{"id":`)
		jsonString(buf, lt.Def.ID)
		buf.WriteString(`,"name":`)
		jsonString(buf, lt.Def.Name)
		buf.WriteString(`,"from":`)
		jsonCode(buf, r.In.Events[lt.From].Code)
		buf.WriteString(`,"to":`)
		jsonCode(buf, r.In.Events[lt.To].Code)
		buf.WriteString(`,"days":`)
		buf.WriteString(strconv.Itoa(lt.Days))
		buf.WriteString(`,"target":`)
		if lt.Def.HasTarget {
			buf.WriteString(strconv.Itoa(lt.Def.Target))
			buf.WriteString(`,"within":`)
			buf.WriteString(strconv.FormatBool(*lt.Within))
		} else {
			buf.WriteString(`null,"within":null`)
		}
		buf.WriteByte('}')
	}
	buf.WriteString("]}")
}

// jsonCode writes a code as a JSON string: its text has letters and
// digits only, nothing to escape.
func jsonCode(buf *bytes.Buffer, c compiler.RawCode) {
	buf.WriteByte('"')
	writeCode(buf, c)
	buf.WriteByte('"')
}

// jsonString writes s as a JSON string.
func jsonString(buf *bytes.Buffer, s string) {
	buf.WriteByte('"')
	jsonEscape(buf, s)
	buf.WriteByte('"')
}

// jsonEscape writes s escaped for a JSON string, without the quotes.
func jsonEscape(buf *bytes.Buffer, s string) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				buf.WriteString(s[start:i])
				buf.WriteString(`\ufffd`)
				i += size
				start = i
				continue
			}
			i += size
			continue
		}
		buf.WriteString(s[start:i])
		switch c {
		case '"':
			buf.WriteString(`\"`)
		case '\\':
			buf.WriteString(`\\`)
		case '\n':
			buf.WriteString(`\n`)
		case '\t':
			buf.WriteString(`\t`)
		case '\r':
			buf.WriteString(`\r`)
		default:
			fmt.Fprintf(buf, `\u%04x`, c)
		}
		i++
		start = i
	}
	buf.WriteString(s[start:])
}
