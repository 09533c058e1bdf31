package lang

import (
	"github.com/rcc/svfrules/internal/msg"

	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// Severity says how bad a diagnostic is.
type Severity int

// The severities, from worst to mildest.
const (
	Error Severity = iota
	Warning
)

// String is the severity's word for programs: "error" or "warning", as
// check --format json writes it.
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Label is the severity's word for people, in the text form: "fel" or
// "varning".
func (s Severity) Label() string {
	if s == Warning {
		return msg.DiagWarning
	}
	return msg.DiagError
}

// MarshalJSON writes the severity as its word for programs.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Pos is a place in a rule file. Line and Column count from 1; Column
// counts characters (runes), not bytes, so the caret lands under å ä ö.
type Pos struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Diagnostic is one problem found in the rule files, modelled on HCL's
// hcl.Diagnostic: a one-line summary, a detail that says how to fix it, and
// the exact place.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	Summary  string   `json:"summary"`
	Detail   string   `json:"detail,omitempty"`
	Pos      Pos      `json:"pos"`
	// Width is how many characters the caret underlines (at least 1).
	Width int `json:"width,omitempty"`
}

func (d *Diagnostic) Error() string {
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity.Label(), d.Summary)
}

// Diagnostics is a list of diagnostics; it is an error when it holds at
// least one of severity Error.
type Diagnostics []*Diagnostic

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	for _, d := range ds {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders diagnostics by file, line and column so that output is
// stable whatever order the checks ran in.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Pos, ds[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

func (ds Diagnostics) Error() string {
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Sources maps a file name to its text, for printing source lines.
type Sources map[string][]byte

// Line returns line n (from 1) of file, without its line ending. It scans
// the file each time; callers that look up many lines use a LineIndex.
func (s Sources) Line(file string, n int) (string, bool) {
	src, ok := s[file]
	if !ok || n < 1 {
		return "", false
	}
	for i := 1; i < n; i++ {
		k := bytes.IndexByte(src, '\n')
		if k < 0 {
			return "", false
		}
		src = src[k+1:]
	}
	if k := bytes.IndexByte(src, '\n'); k >= 0 {
		src = src[:k]
	}
	return strings.TrimRight(string(src), "\r"), true
}

// LineIndex finds lines of the files in Sources in constant time, for the
// compiler, which looks up a line for most declarations it checks.
type LineIndex struct {
	src    Sources
	starts map[string][]int
}

// NewLineIndex indexes src lazily, file by file.
func NewLineIndex(src Sources) *LineIndex {
	return &LineIndex{src: src, starts: map[string][]int{}}
}

// Line returns line n (from 1) of file, without its line ending.
func (x *LineIndex) Line(file string, n int) (string, bool) {
	data, ok := x.src[file]
	if !ok || n < 1 {
		return "", false
	}
	starts, ok := x.starts[file]
	if !ok {
		starts = []int{0}
		for i, b := range data {
			if b == '\n' {
				starts = append(starts, i+1)
			}
		}
		x.starts[file] = starts
	}
	if n > len(starts) {
		return "", false
	}
	end := len(data)
	if n < len(starts) {
		end = starts[n] - 1
	}
	return strings.TrimRight(string(data[starts[n-1]:end]), "\r"), true
}

// WriteText prints diagnostics for people, the way cel-go and OPA do:
//
//	rules/10.6/tables.svf:12:3: fel: okänt vårdförlopp "hjarntumor"
//	   12 |   hjarntumor x
//	      |   ^^^^^^^^^^
//	      = menade du "hjarntumorer"?
func WriteText(w io.Writer, ds Diagnostics, src Sources) {
	for _, d := range ds {
		fmt.Fprintf(w, "%s: %s: %s\n", d.Pos, d.Severity.Label(), d.Summary)
		if line, ok := src.Line(d.Pos.File, d.Pos.Line); ok {
			num := fmt.Sprint(d.Pos.Line)
			pad := strings.Repeat(" ", len(num))
			line = strings.ReplaceAll(line, "\t", " ")
			col := d.Pos.Column
			if col < 1 {
				col = 1
			}
			line, col = shownPart(line, col)
			fmt.Fprintf(w, " %s | %s\n", num, line)
			width := d.Width
			if rest := utf8.RuneCountInString(line) - col + 1; width > rest {
				width = rest
			}
			if width < 1 {
				width = 1
			}
			fmt.Fprintf(w, " %s | %s%s\n", pad, strings.Repeat(" ", col-1), strings.Repeat("^", width))
			if d.Detail != "" {
				for _, l := range strings.Split(d.Detail, "\n") {
					fmt.Fprintf(w, " %s = %s\n", pad, l)
				}
			}
		} else if d.Detail != "" {
			for _, l := range strings.Split(d.Detail, "\n") {
				fmt.Fprintf(w, "    = %s\n", l)
			}
		}
	}
}

// maxShownLine is how many characters of a source line a diagnostic
// shows: a condition nested a million levels deep is one line of
// megabytes.
const maxShownLine = 120

// shownPart returns the part of line shown under a diagnostic at column
// col, and col within it: the whole line when it is short, otherwise
// maxShownLine characters around col with … where it is cut.
func shownPart(line string, col int) (string, int) {
	if utf8.RuneCountInString(line) <= maxShownLine {
		return line, col
	}
	runes := []rune(line)
	start := max(0, min(col-1-maxShownLine/2, len(runes)-maxShownLine))
	end := min(len(runes), start+maxShownLine)
	part := string(runes[start:end])
	if start > 0 {
		part = "…" + part
		col = col - start + 1
	}
	if end < len(runes) {
		part += "…"
	}
	return part, col
}

// Suggest returns the candidate closest to name, or "" when none is close
// enough to be a likely misspelling. It powers the "did you mean" hints.
func Suggest(name string, candidates []string) string {
	best, bestDist := "", -1
	// A short word is close to many others: "och" is two edits from "or"
	// and "has" from "days", words of another meaning. Up to three letters
	// only one edit is a likely slip.
	n := len([]rune(name))
	limit := min(n/3+1, 3)
	if n <= 3 {
		limit = 1
	}
	for _, c := range candidates {
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if d <= limit && (bestDist < 0 || d < bestDist || (d == bestDist && c < best)) {
			best, bestDist = c, d
		}
	}
	if best == "" {
		// A prefix match catches shortened names ("hjarn" → "hjarntumorer").
		var hits []string
		for _, c := range candidates {
			if len(name) >= 4 && strings.HasPrefix(strings.ToLower(c), strings.ToLower(name)) {
				hits = append(hits, c)
			}
		}
		if len(hits) == 1 {
			return hits[0]
		}
	}
	return best
}

// DidYouMean formats a hint for Suggest's answer, or returns "".
func DidYouMean(name string, candidates []string) string {
	if s := Suggest(name, candidates); s != "" && s != name {
		return fmt.Sprintf(msg.DidYouMean, s)
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
