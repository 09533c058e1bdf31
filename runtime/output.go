package runtime

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/runtime/escape"
)

// Formats are the output formats of eval.
var Formats = []string{"text", "jsonl", "csv", "json"}

// NewRenderer returns the renderer of a format (one of Formats).
func NewRenderer(format string) Renderer {
	switch format {
	case "jsonl":
		return jsonlRenderer{}
	case "csv":
		return csvRenderer{}
	case "json":
		return jsonRenderer{}
	}
	return textRenderer{}
}

// Wrapper is implemented by renderers whose output needs text around the
// episodes (a header, or the summary of a JSON document).
type Wrapper interface {
	Wrap(sum *Summary, episodes io.Reader, w io.Writer) error
}

// findingRow is the input row a finding points at: the row of its first
// code, or the episode's first row when it names no code.
func findingRow(r *EpisodeResult, f *Finding) int {
	if len(f.Events) > 0 {
		return r.In.Events[f.Events[0]].Row
	}
	return r.In.FirstRow
}

// findingInput is the input place a finding points at, file:row.
func findingInput(r *EpisodeResult, f *Finding) string {
	return r.In.File + ":" + strconv.Itoa(findingRow(r, f))
}

// The writers below put text into an episode's buffer without fmt: the
// renderers run for every episode, and formatting through fmt allocated
// more than the rest of eval.

// writeInt writes n in decimal.
func writeInt(buf *bytes.Buffer, n int) {
	var digits [20]byte
	buf.Write(strconv.AppendInt(digits[:0], int64(n), 10))
}

// writePlace writes file:row.
func writePlace(buf *bytes.Buffer, file string, row int) {
	buf.WriteString(file)
	buf.WriteByte(':')
	writeInt(buf, row)
}

// writeLineCol writes the :line:column of a place in the rule files,
// as lang.Pos.String writes it after the file name (nothing when the
// place has no line).
func writeLineCol(buf *bytes.Buffer, p lang.Pos) {
	if p.Line != 0 {
		buf.WriteByte(':')
		writeInt(buf, p.Line)
		buf.WriteByte(':')
		writeInt(buf, p.Column)
	}
}

func findingCodes(r *EpisodeResult, f *Finding) []string {
	codes := make([]string, len(f.Events))
	for i, e := range f.Events {
		codes[i] = r.In.Events[e].Code
	}
	return codes
}

// --- jsonl -------------------------------------------------------------------

type jsonlRenderer struct{}

func (jsonlRenderer) Episode(buf *bytes.Buffer, r *EpisodeResult) {
	writeEpisodeJSON(buf, r)
	buf.WriteByte('\n')
}

// writeEpisodeJSON writes one episode object. It is written by hand
// because encoding/json's reflection would be most of eval's run time.
func writeEpisodeJSON(buf *bytes.Buffer, r *EpisodeResult) {
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
			buf.WriteString(`{"file":`)
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
		buf.WriteString(`,"severity":"`)
		buf.WriteString(f.Rule.Severity.String())
		buf.WriteString(`","message":`)
		jsonString(buf, f.Rule.Message)
		buf.WriteString(`,"codes":[`)
		for j, e := range f.Events {
			if j > 0 {
				buf.WriteByte(',')
			}
			jsonString(buf, r.In.Events[e].Code)
		}
		// file:row and the rule's place, quoted: only the file names
		// can need escaping.
		buf.WriteString(`],"input":"`)
		jsonEscape(buf, r.In.File)
		buf.WriteByte(':')
		writeInt(buf, findingRow(r, f))
		buf.WriteString(`","source":"`)
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
		jsonString(buf, r.In.Events[lt.From].Code)
		buf.WriteString(`,"to":`)
		jsonString(buf, r.In.Events[lt.To].Code)
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

// --- json --------------------------------------------------------------------

type jsonRenderer struct{}

func (jsonRenderer) Episode(buf *bytes.Buffer, r *EpisodeResult) {
	buf.WriteString("    ")
	writeEpisodeJSON(buf, r)
	buf.WriteString(",\n")
}

// Wrap writes {"summary": …, "episodes": [ … ]}; the episodes were
// written with a comma after each, and the last one is dropped here while
// copying, so the document is never held in memory.
func (jsonRenderer) Wrap(sum *Summary, episodes io.Reader, w io.Writer) error {
	s, err := json.MarshalIndent(sum, "  ", "  ")
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "{\n  \"summary\": %s,\n  \"episodes\": [\n", s); err != nil {
		return err
	}
	wrote, err := copyTrimSuffix(w, episodes, []byte(",\n"))
	if err != nil {
		return err
	}
	if wrote {
		if _, err := io.WriteString(w, "\n"); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "  ]\n}\n")
	return err
}

// copyTrimSuffix copies r to w, leaving out suffix when r ends with it. It
// reports whether it wrote anything.
func copyTrimSuffix(w io.Writer, r io.Reader, suffix []byte) (bool, error) {
	buf := make([]byte, 64<<10)
	var held []byte // the last bytes read: possibly the suffix
	wrote := false
	for {
		n, err := r.Read(buf)
		if n > 0 {
			data := append(held, buf[:n]...)
			keep := min(len(suffix), len(data))
			if len(data) > keep {
				if _, err := w.Write(data[:len(data)-keep]); err != nil {
					return wrote, err
				}
				wrote = true
			}
			held = append([]byte(nil), data[len(data)-keep:]...)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return wrote, err
		}
	}
	if len(held) > 0 && !bytes.Equal(held, suffix) {
		if _, err := w.Write(held); err != nil {
			return wrote, err
		}
		wrote = true
	}
	return wrote, nil
}

// --- csv ---------------------------------------------------------------------

type csvRenderer struct{}

// csvHeader is the header of the csv format: one row per finding.
var csvHeader = []string{"episode", "pathway", "reported_as", "severity", "rule", "message", "codes", "input", "source"}

func (csvRenderer) Episode(buf *bytes.Buffer, r *EpisodeResult) {
	if r.Result.Incomplete {
		places := make([]string, len(r.In.Rejected))
		for i, rej := range r.In.Rejected {
			places[i] = rej.File + ":" + strconv.Itoa(rej.Row)
		}
		w := csv.NewWriter(buf)
		_ = w.Write(safeCells([]string{r.In.ID, "", "", compiler.SevError.String(), IncompleteRule,
			fmt.Sprintf(msgIncompleteCSV, len(places), strings.Join(places, ", ")), "", strings.Join(places, " "), ""}))
		w.Flush()
		return
	}
	if len(r.Result.Findings) == 0 {
		return
	}
	w := csv.NewWriter(buf)
	pathway := ""
	if r.Result.Pathway != nil {
		pathway = r.Result.Pathway.Key
	}
	for i := range r.Result.Findings {
		f := &r.Result.Findings[i]
		_ = w.Write(safeCells([]string{r.In.ID, pathway, r.Result.ReportedAs, f.Rule.Severity.String(), f.Rule.ID,
			f.Rule.Message, strings.Join(findingCodes(r, f), " "), findingInput(r, f), f.Rule.Pos.String()}))
	}
	w.Flush()
}

// Wrap writes the header, the findings and then the rejected rows, so one
// spreadsheet holds everything that needs fixing.
func (csvRenderer) Wrap(sum *Summary, episodes io.Reader, w io.Writer) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(csvHeader)
	cw.Flush()
	if _, err := io.Copy(w, episodes); err != nil {
		return err
	}
	for _, rej := range sum.Rejected {
		_ = cw.Write(safeCells([]string{"", "", "", "error", RejectedRowRule, rej.Reason, rej.Field, rej.File + ":" + strconv.Itoa(rej.Row), ""}))
	}
	cw.Flush()
	return cw.Error()
}

// safeCells applies SafeCell to every cell of a row: the data (ids, file
// names, values quoted in reasons) can start a cell anywhere.
func safeCells(row []string) []string {
	for i, c := range row {
		row[i] = escape.SafeCell(c)
	}
	return row
}

// RejectedRowRule is the rule id under which rejected rows are listed.
const RejectedRowRule = "rad_avvisad"

// IncompleteRule is the rule id under which the csv format lists an
// incomplete episode (one with a rejected row), which is not evaluated.
const IncompleteRule = "forlopp_ofullstandigt"

// --- text --------------------------------------------------------------------

type textRenderer struct{}

// Episode writes only episodes with findings: the text format is for
// people who fix what is wrong.
func (textRenderer) Episode(buf *bytes.Buffer, r *EpisodeResult) {
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
		buf.WriteString("okänt vårdförlopp")
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
		buf.WriteString(f.Rule.ID)
		buf.WriteString(": ")
		buf.WriteString(f.Rule.Message)
		buf.WriteByte('\n')
		if len(f.Events) > 0 {
			buf.WriteString("          koder: ")
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
		if f.Rule.Pos.File != "" {
			buf.WriteString("          regel: ")
			buf.WriteString(f.Rule.Pos.File)
			writeLineCol(buf, f.Rule.Pos)
			buf.WriteByte('\n')
		}
	}
	buf.WriteByte('\n')
}

// writeIncompleteText writes an incomplete episode: its rejected rows,
// and that it was not evaluated.
func writeIncompleteText(buf *bytes.Buffer, r *EpisodeResult) {
	file := escape.Printable(r.In.File)
	buf.WriteString(escape.Printable(r.In.ID))
	buf.WriteString("  ")
	buf.WriteString(msgIncompleteHead)
	buf.WriteString("  ")
	writePlace(buf, file, r.In.FirstRow)
	buf.WriteByte('\n')
	for _, rej := range r.In.Rejected {
		buf.WriteString(msgIncompleteRow)
		if rej.File != r.In.File { // grouped across files
			buf.WriteString(escape.Printable(rej.File))
			buf.WriteByte(':')
		}
		writeInt(buf, rej.Row)
		buf.WriteString(" avvisades (")
		if rej.Field != "" {
			buf.WriteString(escape.Printable(rej.Field))
			buf.WriteString(", ")
		}
		buf.WriteString(escape.Printable(rej.Reason))
		buf.WriteString(")\n")
	}
	buf.WriteString(msgIncompleteWhy)
	buf.WriteByte('\n')
}

// Wrap lists the rejected rows after the episodes.
func (textRenderer) Wrap(sum *Summary, episodes io.Reader, w io.Writer) error {
	if _, err := io.Copy(w, episodes); err != nil {
		return err
	}
	if len(sum.Rejected) == 0 {
		return nil
	}
	fmt.Fprintf(w, "Rader som inte kunde läsas (%d):\n", len(sum.Rejected))
	for _, r := range sum.Rejected {
		fmt.Fprintf(w, "  %s\n", r)
	}
	return nil
}

// WriteSummaryText writes the summary for people.
func WriteSummaryText(w io.Writer, s *Summary) {
	fmt.Fprintf(w, "Sammanfattning, kodningsvägledning %s:\n", s.Guide)
	if s.EpisodesIncomplete > 0 {
		fmt.Fprintf(w, msgSummaryRowsIncomplete, s.RowsRead, s.RowsEvaluated, s.RowsIncomplete, s.RowsRejected)
	} else {
		fmt.Fprintf(w, "  rader lästa: %d (utvärderade %d, avvisade %d)\n", s.RowsRead, s.RowsEvaluated, s.RowsRejected)
	}
	if s.RowsBlank > 0 {
		fmt.Fprintf(w, msgSummaryBlank, s.RowsBlank)
	}
	if s.EventsEvaluated != s.RowsEvaluated { // JSON Lines: a row (line) lists many
		fmt.Fprintf(w, "  koder med datum i de utvärderade raderna: %d\n", s.EventsEvaluated)
	}
	fmt.Fprintf(w, "  förlopp: %d, med fel: %d, rapporterbara: %d\n", s.Episodes, s.EpisodesWithErrors, s.Reportable)
	if s.EpisodesIncomplete > 0 {
		fmt.Fprintf(w, msgSummaryIncomplete, s.EpisodesIncomplete)
	}
	if s.Grouped {
		fmt.Fprintf(w, "  (raderna för ett förlopp låg inte i följd; hela filen grupperades i minnet)\n")
	}
	writeColumnsText(w, s)
	writeCounts(w, "fynd per regel", s.FindingsByRule)
	writeCounts(w, "förlopp per vårdförlopp", s.EpisodesByPathway)
}

func writeCounts(w io.Writer, title string, m map[string]int) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(w, "  %s:\n", title)
	for _, k := range keys {
		fmt.Fprintf(w, "    %-32s %d\n", k, m[k])
	}
}

// UnknownPathwayRule is the finding for an episode none of whose codes
// has a prefix of the guide: no pathway, so no rule of the files applies.
var UnknownPathwayRule = &compiler.Rule{
	ID:       "forlopp_okant",
	Severity: compiler.SevError,
	Message:  "Inget av förloppets koder har ett prefix som finns i kodningsvägledningen, så vårdförloppet kan inte bestämmas. Kontrollera koderna.",
	Ref:      "Kodernas uppbyggnad",
}
