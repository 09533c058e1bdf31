package output

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/escape"
)

type textRenderer struct{}

// Episode writes only episodes with findings: the text format is for
// people who fix what is wrong.
func (textRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	res := &r.Result
	if res.Incomplete {
		writeIncompleteText(buf, r)
		return
	}
	if len(res.Findings) == 0 {
		return
	}
	// The id and the file name come from the data or the command line:
	// what is not printable is escaped.
	buf.WriteString(escape.Printable(r.In.ID))
	buf.WriteString("  ")
	if p := res.Pathway; p != nil {
		buf.WriteString(p.Name)
		buf.WriteString(" (")
		buf.WriteString(p.PrefixLabel())
		buf.WriteByte(')')
	} else {
		buf.WriteString(msg.UnknownPathway)
	}
	buf.WriteString("  ")
	file := escape.Printable(r.In.File)
	writePlace(buf, file, r.In.FirstRow)
	buf.WriteByte('\n')
	for i := range res.Findings {
		f := &res.Findings[i]
		buf.WriteString("  ")
		sev := f.Rule.Severity.String()
		buf.WriteString(sev)
		for n := utf8.RuneCountInString(sev); n < 7; n++ { // left-aligned in 7 columns
			buf.WriteByte(' ')
		}
		buf.WriteByte(' ')
		buf.WriteString(f.Rule.Label())
		buf.WriteString(": ")
		buf.WriteString(f.Rule.Message)
		buf.WriteByte('\n')
		if len(f.Events) > 0 {
			buf.WriteString(msg.TextCodes)
			for j, e := range f.Events {
				if j > 0 {
					buf.WriteString(", ")
				}
				buf.WriteString(r.In.Events[e].Code)
				buf.WriteString(" (")
				writePlace(buf, file, r.In.Events[e].Row)
				buf.WriteByte(')')
			}
			buf.WriteByte('\n')
		}
		// The guide section, which coordinators have; the rule file's
		// place stays in json and jsonl for the quality group.
		if f.Rule.Section != "" {
			buf.WriteString(msg.TextSection)
			buf.WriteString(f.Rule.Section)
			buf.WriteByte('\n')
		}
	}
	buf.WriteByte('\n')
}

// writeIncompleteText writes an incomplete episode: its rejected rows,
// and that it was not evaluated.
func writeIncompleteText(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	file := escape.Printable(r.In.File)
	buf.WriteString(escape.Printable(r.In.ID))
	buf.WriteString("  ")
	buf.WriteString(msg.IncompleteHead)
	buf.WriteString("  ")
	writePlace(buf, file, r.In.FirstRow)
	buf.WriteByte('\n')
	for _, rej := range r.In.Rejected {
		buf.WriteString(msg.IncompleteRow)
		if rej.File != r.In.File { // grouped across files
			buf.WriteString(escape.Printable(rej.File))
			buf.WriteByte(':')
		}
		writeInt(buf, rej.Row)
		buf.WriteString(msg.IncompleteRejected)
		if rej.Field != "" {
			buf.WriteString(escape.Printable(rej.Field))
			buf.WriteString(", ")
		}
		buf.WriteString(escape.Printable(rej.Reason))
		buf.WriteString(")\n")
	}
	buf.WriteString(msg.IncompleteWhy)
	buf.WriteByte('\n')
}

// Wrap lists the rejected rows after the episodes.
func (textRenderer) Wrap(sum *runtime.Summary, episodes io.Reader, w io.Writer) error {
	if _, err := io.Copy(w, episodes); err != nil {
		return err
	}
	if len(sum.Rejected) == 0 {
		return nil
	}
	fmt.Fprintf(w, msg.TextRejectedHead, len(sum.Rejected))
	for _, r := range sum.Rejected {
		fmt.Fprintf(w, "  %s\n", r)
	}
	return nil
}
