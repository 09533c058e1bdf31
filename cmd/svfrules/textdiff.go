package main

import (
	"fmt"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// diffLine is one line of a line diff: kept, removed or added.
type diffLine struct {
	op   diffmatchpatch.Operation
	text string // the line without its "\n"
	// noEOL marks the last line of a text that does not end in "\n".
	noEOL bool
}

// lineDiff compares two texts line by line with go-diff's line mode
// (DiffLinesToChars, DiffMain, DiffCharsToLines; no timeout, no cleanup
// after converting back) and returns one op per line. The kept and removed
// lines, each with its "\n" unless noEOL, give a back byte for byte; the
// kept and added lines give b.
func lineDiff(a, b string) []diffLine {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // exact, however long the files
	ca, cb, lines := dmp.DiffLinesToChars(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)
	var all []diffLine
	for _, d := range diffs {
		text := d.Text
		for text != "" {
			i := strings.IndexByte(text, '\n')
			if i < 0 {
				all = append(all, diffLine{d.Type, text, true})
				break
			}
			all = append(all, diffLine{d.Type, text[:i], false})
			text = text[i+1:]
		}
	}
	return all
}

// unifiedDiff returns a unified diff (3 lines of context) of two texts,
// compared line by line with go-diff's line mode; "" when they are equal.
func unifiedDiff(oldName, newName, a, b string) string {
	if a == b {
		return ""
	}
	all := lineDiff(a, b)
	const context = 3
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	for i := 0; i < len(all); {
		if all[i].op == diffmatchpatch.DiffEqual {
			i++
			continue
		}
		// A hunk: from context lines before the change to context lines
		// after the last change that is within 2*context of the next.
		start := max(i-context, 0)
		end := i
		for j := i; j < len(all); j++ {
			if all[j].op != diffmatchpatch.DiffEqual {
				end = j
			} else if j-end > 2*context {
				break
			}
		}
		stop := min(end+context+1, len(all))
		oldStart, newStart := 1, 1
		for _, l := range all[:start] {
			if l.op != diffmatchpatch.DiffInsert {
				oldStart++
			}
			if l.op != diffmatchpatch.DiffDelete {
				newStart++
			}
		}
		var oldN, newN int
		var body strings.Builder
		for _, l := range all[start:stop] {
			mark := " "
			switch l.op {
			case diffmatchpatch.DiffEqual:
				oldN++
				newN++
			case diffmatchpatch.DiffDelete:
				oldN++
				mark = "-"
			case diffmatchpatch.DiffInsert:
				newN++
				mark = "+"
			}
			body.WriteString(mark + l.text + "\n")
			if l.noEOL {
				body.WriteString("\\ No newline at end of file\n")
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n%s", hunkRange(oldStart, oldN), hunkRange(newStart, newN), body.String())
		i = stop
	}
	return out.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start-1)
	}
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}
