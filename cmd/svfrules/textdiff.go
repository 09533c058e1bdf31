package main

import (
	"fmt"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// unifiedDiff returns a unified diff (3 lines of context) of two texts,
// compared line by line with go-diff's line mode; "" when they are equal.
func unifiedDiff(oldName, newName, a, b string) string {
	if a == b {
		return ""
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // exact, however long the files
	ca, cb, lines := dmp.DiffLinesToChars(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)

	// Flatten into one op per line.
	type line struct {
		op   diffmatchpatch.Operation
		text string
	}
	var all []line
	for _, d := range diffs {
		text := d.Text
		for text != "" {
			i := strings.IndexByte(text, '\n')
			var l string
			if i < 0 {
				l, text = text+"\n\\ No newline at end of file", ""
			} else {
				l, text = text[:i], text[i+1:]
			}
			all = append(all, line{d.Type, l})
		}
	}
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
			switch l.op {
			case diffmatchpatch.DiffEqual:
				oldN++
				newN++
				body.WriteString(" " + l.text + "\n")
			case diffmatchpatch.DiffDelete:
				oldN++
				body.WriteString("-" + l.text + "\n")
			case diffmatchpatch.DiffInsert:
				newN++
				body.WriteString("+" + l.text + "\n")
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
