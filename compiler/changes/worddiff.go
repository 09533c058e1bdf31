package changes

import (
	"regexp"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/rcc/svfrules/internal/lazy"
)

// Op says whether a span of a word diff is in both texts, only the old
// or only the new one.
type Op int

// The operations of a word diff.
const (
	Equal Op = iota
	Deleted
	Inserted
)

// Span is a run of text that is equal, deleted or inserted. Spans start
// and end at word boundaries.
type Span struct {
	Op   Op
	Text string
}

// tokens splits a text into words, single punctuation marks and runs of
// white space. A word is letters and digits, with . - : / inside it kept
// (2024-11-05, 10.6, I-II, 10.6:s) but not at its ends ("missbruk," is a
// word and a comma). Joined, the tokens give the text back exactly.
//
// It is compiled on first use: its Unicode classes take milliseconds
// to compile, which every run of svfrules paid at start-up (issue 16).
var tokens = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp {
	return regexp.MustCompile(`\s+|[\p{L}\p{N}](?:[\p{L}\p{N}.:/-]*[\p{L}\p{N}])?|[^\s\p{L}\p{N}]`)
}}

// WordDiff compares two texts word by word, with go-diff run over tokens
// (each distinct token stands for one character, as its line mode does
// for lines). White space alone between two changes is taken into the
// change, so a changed phrase reads as one deletion and one insertion.
// Joining the Equal and Deleted spans gives old back exactly, the Equal
// and Inserted spans new.
func WordDiff(old, new string) []Span {
	ids := map[string]rune{}
	var vocab []string
	encode := func(s string) []rune {
		var out []rune
		for _, w := range tokens.Get().FindAllString(s, -1) {
			r, ok := ids[w]
			if !ok {
				r = tokenRune(len(vocab))
				ids[w] = r
				vocab = append(vocab, w)
			}
			out = append(out, r)
		}
		return out
	}
	a, b := encode(old), encode(new)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // exact, however long the texts
	var raw []Span
	for _, d := range dmp.DiffMainRunes(a, b, false) {
		var text strings.Builder
		for _, r := range d.Text {
			text.WriteString(vocab[runeToken(r)])
		}
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Deleted
		case diffmatchpatch.DiffInsert:
			op = Inserted
		}
		raw = append(raw, Span{Op: op, Text: text.String()})
	}
	return mergeChanges(raw)
}

// mergeChanges joins each run of changes, including white space that
// stands alone between two changes, into one deletion and one insertion.
func mergeChanges(raw []Span) []Span {
	var out []Span
	for i := 0; i < len(raw); {
		if raw[i].Op == Equal {
			out = append(out, raw[i])
			i++
			continue
		}
		var del, ins strings.Builder
		for ; i < len(raw); i++ {
			s := raw[i]
			if s.Op == Equal {
				if strings.TrimSpace(s.Text) != "" || i+1 == len(raw) || raw[i+1].Op == Equal {
					break
				}
				del.WriteString(s.Text)
				ins.WriteString(s.Text)
				continue
			}
			if s.Op == Deleted {
				del.WriteString(s.Text)
			} else {
				ins.WriteString(s.Text)
			}
		}
		if del.Len() > 0 {
			out = append(out, Span{Deleted, del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Span{Inserted, ins.String()})
		}
	}
	return out
}

// tokenRune maps the i-th distinct word to a rune that survives the trip
// through a Go string: surrogate code points would not.
func tokenRune(i int) rune {
	r := rune(i + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

func runeToken(r rune) int {
	if r >= 0xE000 {
		r -= 0x800
	}
	return int(r - 1)
}
