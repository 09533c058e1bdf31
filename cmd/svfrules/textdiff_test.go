package main

import (
	"fmt"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/rcc/svfrules/rules"
)

// textPairs are texts whose line diff must rebuild both sides exactly:
// edge cases, and every embedded rule file against a changed copy.
func textPairs(t *testing.T) map[string][2]string {
	pairs := map[string][2]string{
		"equal":                   {"a\nb\n", "a\nb\n"},
		"both empty":              {"", ""},
		"from nothing":            {"", "a\nb\n"},
		"to nothing":              {"a\nb\n", ""},
		"no final newline, old":   {"a\nb", "a\nb\n"},
		"no final newline, new":   {"a\nb\n", "a\nb"},
		"no final newline, both":  {"a\nb", "a\nc"},
		"only a newline":          {"\n", "\n\n"},
		"crlf":                    {"a\r\nb\r\n", "a\r\nc\r\nb\r\n"},
		"swedish letters":         {"Hjärntumörer x\nÄggstockscancer -\n", "Hjärntumörer -\nÄggstockscancer x\n"},
		"repeated lines":          {"x\nx\nx\ny\nx\n", "x\ny\nx\nx\nx\n"},
		"far apart, two hunks":    {strings.Repeat("same\n", 20) + "a\n" + strings.Repeat("same\n", 20) + "b\n", strings.Repeat("same\n", 20) + "A\n" + strings.Repeat("same\n", 20) + "B\n"},
		"near, one hunk":          {"1\n2\n3\n4\n5\n6\n7\n8\n", "1\nX\n3\n4\n5\n6\nY\n8\n"},
		"blank lines and spaces ": {"a\n\n  b\n", "a\n  b\n\n"},
	}
	err := fs.WalkDir(rules.FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(rules.FS(), path)
		if err != nil {
			return err
		}
		s := string(data)
		changed := strings.Replace(s, " x\n", " -\n", 3)
		changed = strings.Replace(changed, "\n\n", "\n\n# ny kommentar\n\n", 2)
		pairs["rules/"+path] = [2]string{s, changed}
		pairs["rules/"+path+" shortened"] = [2]string{s, s[:len(s)/2]}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pairs
}

// TestLineDiffRebuilds: the kept and removed lines give the old text
// back byte for byte, the kept and added lines the new text.
func TestLineDiffRebuilds(t *testing.T) {
	for name, p := range textPairs(t) {
		var old, new strings.Builder
		for _, l := range lineDiff(p[0], p[1]) {
			text := l.text
			if !l.noEOL {
				text += "\n"
			}
			if l.op != diffmatchpatch.DiffInsert {
				old.WriteString(text)
			}
			if l.op != diffmatchpatch.DiffDelete {
				new.WriteString(text)
			}
		}
		if old.String() != p[0] {
			t.Errorf("%s: old text not rebuilt:\n%q\nwant\n%q", name, old.String(), p[0])
		}
		if new.String() != p[1] {
			t.Errorf("%s: new text not rebuilt:\n%q\nwant\n%q", name, new.String(), p[1])
		}
	}
}

// TestUnifiedDiffApplies: applying the unified diff to the old text gives
// the new text exactly, and undoing it gives the old text back.
func TestUnifiedDiffApplies(t *testing.T) {
	for name, p := range textPairs(t) {
		u := unifiedDiff("a", "b", p[0], p[1])
		if p[0] == p[1] {
			if u != "" {
				t.Errorf("%s: equal texts give a diff:\n%s", name, u)
			}
			continue
		}
		got, err := applyUnified(p[0], u, false)
		if err != nil {
			t.Errorf("%s: %v\n%s", name, err, u)
			continue
		}
		if got != p[1] {
			t.Errorf("%s: patched text differs:\n%q\nwant\n%q\ndiff:\n%s", name, got, p[1], u)
		}
		back, err := applyUnified(p[1], u, true)
		if err != nil || back != p[0] {
			t.Errorf("%s: reversed patch does not give the old text back (%v)", name, err)
		}
	}
}

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

// applyUnified applies a unified diff to text (reverse: from new to old),
// checking every context and removed line against the text.
func applyUnified(text, diff string, reverse bool) (string, error) {
	src := splitKeep(text)
	lines := strings.Split(strings.TrimSuffix(diff, "\n"), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return "", fmt.Errorf("no file header")
	}
	del, add := byte('-'), byte('+')
	if reverse {
		del, add = add, del
	}
	var out []string
	next := 0 // index into src of the next line not yet copied
	for i := 2; i < len(lines); {
		m := hunkHeader.FindStringSubmatch(lines[i])
		if m == nil {
			return "", fmt.Errorf("line %d: not a hunk header: %q", i+1, lines[i])
		}
		start, _ := strconv.Atoi(m[1])
		count := 1
		if m[2] != "" {
			count, _ = strconv.Atoi(m[2])
		}
		if reverse {
			start, _ = strconv.Atoi(m[3])
			count = 1
			if m[4] != "" {
				count, _ = strconv.Atoi(m[4])
			}
		}
		at := start - 1
		if count == 0 {
			at = start
		}
		if at < next || at > len(src) {
			return "", fmt.Errorf("hunk %q out of order", lines[i])
		}
		out = append(out, src[next:at]...)
		next = at
		i++
		for ; i < len(lines) && !strings.HasPrefix(lines[i], "@@"); i++ {
			l := lines[i]
			noEOL := i+1 < len(lines) && lines[i+1] == `\ No newline at end of file`
			body := l[1:]
			if !noEOL {
				body += "\n"
			}
			switch l[0] {
			case ' ', del:
				if next >= len(src) || src[next] != body {
					return "", fmt.Errorf("line %d: %q does not match the text", i+1, l)
				}
				if l[0] == ' ' {
					out = append(out, body)
				}
				next++
			case add:
				out = append(out, body)
			default:
				return "", fmt.Errorf("line %d: unexpected %q", i+1, l)
			}
			if noEOL {
				i++
			}
		}
	}
	out = append(out, src[next:]...)
	return strings.Join(out, ""), nil
}

// splitKeep splits text into lines that keep their "\n".
func splitKeep(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
