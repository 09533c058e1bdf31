package output

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/lazy"
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
		writePathwayLabel(buf, p)
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
		// In Swedish, as the per-rule list, CSV and xlsx say it; json and
		// jsonl keep the English key for programs.
		sev := f.Rule.Severity.Describe()
		buf.WriteString(sev)
		for n := utf8.RuneCountInString(sev); n < 11; n++ { // left-aligned in 11 columns ("information")
			buf.WriteByte(' ')
		}
		buf.WriteByte(' ')
		writeRuleLabel(buf, f.Rule)
		buf.WriteString(": ")
		buf.WriteString(f.Rule.Message)
		buf.WriteByte('\n')
		if len(f.Events) > 0 {
			buf.WriteString(msg.TextCodes)
			for j, e := range f.Events {
				if j > 0 {
					buf.WriteString(", ")
				}
				writeCode(buf, r.In.Events[e].Code)
				if j+1 < len(f.Events) && samePlace(r, e, f.Events[j+1]) {
					continue // the place follows the last code on it
				}
				buf.WriteString(" (")
				writePlace(buf, escape.Printable(r.In.EventFile(e)), r.In.Events[e].Row)
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

// writePathwayLabel writes p.Label() without making the string: the
// concatenation allocated for every episode with findings.
func writePathwayLabel(buf *bytes.Buffer, p *compiler.Pathway) {
	buf.WriteString(p.Name)
	buf.WriteString(" (")
	for i, x := range p.Prefixes {
		if i > 0 {
			buf.WriteByte('/')
		}
		buf.WriteString(x)
	}
	buf.WriteByte(')')
}

// writeRuleLabel writes r.Label() without making the string, as
// writePathwayLabel does.
func writeRuleLabel(buf *bytes.Buffer, r *compiler.Rule) {
	if r.Name == "" {
		buf.WriteString(r.ID)
		return
	}
	buf.WriteString(r.Name)
	buf.WriteString(" (")
	buf.WriteString(r.ID)
	buf.WriteByte(')')
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
			buf.WriteString(escape.Printable(rej.FieldText()))
			buf.WriteString(", ")
		}
		buf.WriteString(escape.Printable(rej.Reason))
		buf.WriteString(")\n")
	}
	if len(r.In.Rejected) > 1 {
		buf.WriteString(msg.IncompleteWhyMany)
	} else {
		buf.WriteString(msg.IncompleteWhy)
	}
	buf.WriteByte('\n')
}

func (textRenderer) WantsLists() bool { return true }

// Wrap lists, after the episodes, the rejected rows, the lead times over
// target and the findings by rule: the lists to work from.
func (textRenderer) Wrap(sum *runtime.Summary, episodes io.Reader, w io.Writer) error {
	if _, err := io.Copy(w, episodes); err != nil {
		return err
	}
	// The lists are written while nothing else runs: in pieces of 64 KB
	// rather than bufio's 4 KB, the 7-column 300 k file's (2.2 MB) take
	// 35 writes instead of 546 (issue 16).
	bw := bufio.NewWriterSize(w, 64<<10)
	// The sections are apart by a blank line (the episodes end with one).
	sep := false
	section := func() {
		if sep {
			bw.WriteByte('\n')
		}
		sep = true
	}
	if len(sum.Rejected) > 0 {
		section()
		fmt.Fprintf(bw, msg.TextRejectedHead, msg.Int(len(sum.Rejected)))
		for _, r := range sum.Rejected {
			fmt.Fprintf(bw, "  %s\n", r)
		}
	}
	if sum.Lists != nil {
		if len(sum.Lists.OverTarget) > 0 {
			section()
			writeOverTargetText(bw, sum.Lists.OverTarget)
		}
		if len(sum.Lists.ByRule) > 0 {
			section()
			writeByRuleText(bw, sum.Lists.ByRule)
		}
	}
	return bw.Flush()
}

// writeOverTargetText lists the lead times over their target.
func writeOverTargetText(w io.Writer, over []runtime.OverTarget) {
	if len(over) == 0 {
		return
	}
	fmt.Fprintf(w, msg.TextOverTargetHead, msg.Int(len(over)))
	// The list is written once every episode is, while nothing else
	// runs, and has a line for every lead time over target (thousands):
	// fmt's reflection over its thirteen values was most of the time.
	var (
		line []byte
		args [13]lineArg
	)
	for i := range over {
		o := &over[i]
		args = [13]lineArg{
			{s: escape.Printable(o.Episode)}, {s: o.PathwayLabel}, {n: o.Days, num: true},
			{n: o.Target, num: true}, {n: o.Days - o.Target, num: true}, {s: o.Name}, {s: o.LeadTime},
			{s: o.From}, {day: o.FromDate, isDay: true}, {s: o.To}, {day: o.ToDate, isDay: true},
			{s: escape.Printable(o.File)}, {n: o.Row, num: true}}
		line = overTargetLine.Get().append(line[:0], args[:])
		w.Write(line)
	}
}

// overTargetLine is msg.TextOverTarget cut at its verbs, the first time
// a line is written: cut at every start of svfrules, whatever the
// command, it cost 6 000 instructions (issue 16).
var overTargetLine = lazy.Value[lineFormat]{New: func() lineFormat { return cutFormat(msg.TextOverTarget) }}

// lineFormat is a message of the catalogue whose verbs are %s and %d
// only, cut at them once, so that a line is written without fmt: the
// text between the verbs, one more than the verbs.
type lineFormat struct {
	text  []string
	verbs []byte // 's' or 'd'
}

// lineArg is a value for a verb of a lineFormat: a string, a number
// (num) or a day (isDay), written as fmt writes it for the verb.
type lineArg struct {
	s     string
	n     int
	num   bool
	day   compiler.Day
	isDay bool
}

// cutFormat cuts format at its verbs. It panics on a verb other than %s
// and %d (a message that cannot be written this way; TestCutFormat).
func cutFormat(format string) lineFormat {
	var f lineFormat
	var text []byte
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			text = append(text, format[i])
			continue
		}
		i++
		switch {
		case i < len(format) && format[i] == '%':
			text = append(text, '%')
		case i < len(format) && (format[i] == 's' || format[i] == 'd'):
			f.text = append(f.text, string(text))
			f.verbs = append(f.verbs, format[i])
			text = text[:0]
		default:
			panic("output: cutFormat: a verb other than %s and %d in " + strconv.Quote(format))
		}
	}
	f.text = append(f.text, string(text))
	return f
}

// append appends the line with args (one per verb, of its kind: a
// string or day for %s, a number for %d) to dst. A value of the wrong
// kind is written as fmt writes a wrong one, so a mismatch shows.
func (f lineFormat) append(dst []byte, args []lineArg) []byte {
	for i, verb := range f.verbs {
		dst = append(dst, f.text[i]...)
		if i >= len(args) {
			dst = append(dst, "%!"...)
			dst = append(dst, verb)
			dst = append(dst, "(MISSING)"...)
			continue
		}
		a := args[i]
		switch {
		case verb == 'd' && a.num:
			dst = strconv.AppendInt(dst, int64(a.n), 10)
		case verb == 's' && a.isDay:
			dst = a.day.Append(dst)
		case verb == 's' && !a.num:
			dst = append(dst, a.s...)
		default:
			dst = append(dst, "%!"...)
			dst = append(dst, verb)
			dst = append(dst, "(BADARG)"...)
		}
	}
	return append(dst, f.text[len(f.verbs)]...)
}

// textWidth is where writeByRuleText breaks a line of episode ids.
const textWidth = 100

// writeByRuleText lists each rule that found something with its
// episodes, wrapped to textWidth.
func writeByRuleText(w io.Writer, rules []runtime.RuleEpisodes) {
	if len(rules) == 0 {
		return
	}
	if len(rules) == 1 {
		fmt.Fprint(w, msg.TextByRuleHeadOne)
	} else {
		fmt.Fprintf(w, msg.TextByRuleHead, len(rules))
	}
	for _, re := range rules {
		fmt.Fprintf(w, msg.TextByRule, re.Rule.Label(), re.Rule.Severity.Describe(), msg.Int(len(re.Episodes)))
		col := 0
		for i, ep := range re.Episodes {
			ep = escape.Printable(ep)
			if i > 0 {
				io.WriteString(w, ",")
				col++
			}
			if col == 0 || col+1+utf8.RuneCountInString(ep) > textWidth {
				if i > 0 {
					io.WriteString(w, "\n")
				}
				io.WriteString(w, "    ")
				col = 4
			} else {
				io.WriteString(w, " ")
				col++
			}
			io.WriteString(w, ep)
			col += utf8.RuneCountInString(ep)
		}
		io.WriteString(w, "\n")
	}
}
