package changes

import (
	"strconv"
	"strings"
	"testing"
)

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           string // spans as [-…-] and {+…+}
	}{
		{"equal", "Koden används.", "Koden används.", "Koden används."},
		{"added at end", "Koden används även vid ablation.", "Koden används även vid ablation och kryoterapi.",
			"Koden används även vid ablation{+ och kryoterapi+}."},
		{"word replaced", "Patienten avstår behandling.", "Patienten avböjer behandling.", "Patienten [-avstår-]{+avböjer+} behandling."},
		{"phrase with spaces is one change", "a b c d", "a x y d", "a [-b c-]{+x y+} d"},
		{"comma after a word", "allvarligt missbruk eller liknande", "allvarligt missbruk, när patienten inkluderas i en studie eller liknande",
			"allvarligt missbruk{+, när patienten inkluderas i en studie+} eller liknande"},
		{"dates and versions are words", "version 9.2 (2022-08-10)", "version 9.3 (2022-11-01)", "version [-9.2-]{+9.3+} ([-2022-08-10-]{+2022-11-01+})"},
		{"from nothing", "", "Ny text.", "{+Ny text.+}"},
		{"to nothing", "Gammal text.", "", "[-Gammal text.-]"},
		{"paragraphs", "Första stycket.\n\nAndra stycket.", "Första stycket.\n\nTredje stycket.", "Första stycket.\n\n[-Andra-]{+Tredje+} stycket."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spans := WordDiff(tc.old, tc.new)
			var got, a, b strings.Builder
			for _, s := range spans {
				switch s.Op {
				case Deleted:
					got.WriteString("[-" + s.Text + "-]")
					a.WriteString(s.Text)
				case Inserted:
					got.WriteString("{+" + s.Text + "+}")
					b.WriteString(s.Text)
				default:
					got.WriteString(s.Text)
					a.WriteString(s.Text)
					b.WriteString(s.Text)
				}
			}
			if got.String() != tc.want {
				t.Errorf("got  %q\nwant %q", got.String(), tc.want)
			}
			if a.String() != tc.old || b.String() != tc.new {
				t.Errorf("spans do not rebuild the texts: %q, %q", a.String(), b.String())
			}
		})
	}
}

// TestWordDiffManyWords: more distinct words than there are code points
// below the surrogates still map back exactly.
func TestWordDiffManyWords(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 60000; i++ {
		a.WriteString("w")
		a.WriteString(strings.Repeat("x", i%7))
		a.WriteString(strconv.Itoa(i))
		a.WriteByte(' ')
		if i%1000 != 0 {
			b.WriteString("w" + strings.Repeat("x", i%7) + strconv.Itoa(i) + " ")
		}
	}
	var old, new strings.Builder
	for _, s := range WordDiff(a.String(), b.String()) {
		if s.Op != Inserted {
			old.WriteString(s.Text)
		}
		if s.Op != Deleted {
			new.WriteString(s.Text)
		}
	}
	if old.String() != a.String() || new.String() != b.String() {
		t.Fatal("spans do not rebuild the texts")
	}
}
