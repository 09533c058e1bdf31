package guide

import (
	"regexp"
	"strings"

	"github.com/rcc/svfrules/internal/lazy"
)

// A text of the rule files (a description, a note, a section's text, a
// change-log entry) is paragraphs separated by blank lines. A paragraph
// may hold list items as the guide writes them ("- …", "1. …"), nested
// by indentation; other lines of a paragraph are kept as lines.

// para is one paragraph: plain lines, or a list.
type para struct {
	list    bool
	ordered bool
	lines   []line
}

// line is a line of a paragraph; for a list item, its nesting level
// (0 for the outermost) and its text without the marker.
type line struct {
	level int
	text  string
}

var itemRE = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^( *)(- |\d+\. )(.*)$`) }}

// paragraphs splits a text into paragraphs, and each paragraph into runs
// of plain lines and lists.
func paragraphs(text string) []para {
	var out []para
	for _, chunk := range strings.Split(strings.TrimSpace(text), "\n\n") {
		var cur *para
		for _, l := range strings.Split(chunk, "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			m := itemRE.Get().FindStringSubmatch(l)
			isItem := m != nil
			if cur == nil || cur.list != isItem {
				out = append(out, para{list: isItem, ordered: isItem && m[2] != "- "})
				cur = &out[len(out)-1]
			}
			if isItem {
				cur.lines = append(cur.lines, line{level: len(m[1]) / 2, text: m[3]})
			} else {
				cur.lines = append(cur.lines, line{text: l})
			}
		}
	}
	return out
}
