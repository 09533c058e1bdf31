package english

import (
	"slices"
	"testing"
)

// TestWords tests the detector: English sentences are found, Swedish ones
// with quoted English-looking code are not.
func TestWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"unknown flag: --bogus", []string{"unknown"}},
		{"the rules do not compile", []string{"the", "not"}},
		{"the file is not UTF-8", []string{"the", "file", "is", "not"}},
		{"did you mean %q?", []string{"did", "you", "mean"}},
		{"cannot read rule folder %s: %s", []string{"cannot", "read", "folder"}},
		{"okänd flagga --fail-on; ange error, warning, info eller none", nil},
		{"lägg till `message \"…\"` i regeln", nil},
		{"menade du %q?", nil},
		{"rubrikraden code,prefix,pathway,allowed,qualifier", nil},
		{"-o %s är samma fil som indatafilen %s", nil},
		{"kör 'svfrules check --guide 10.6' och läs rules/10.6/regler.svf", nil},
		// The rule compiler's old texts, and their Swedish.
		{`pathway "hjarntumorer" is declared twice`, []string{"is", "declared", "twice"}},
		{"cannot compare date with number", []string{"cannot", "compare", "with", "number"}},
		{"code 50 has scope every but a table", []string{"has", "scope", "every"}},
		{"rule \"r1\" has no condition", []string{"has", "no", "condition"}},
		{"expected findings [a], got []", []string{"expected", "got"}},
		{"2024-13-01 is not a date", []string{"is", "not"}},
		{`= väntade Text "{" PathwayProp* "}"`, []string{"PathwayProp"}},
		{"vårdförloppet \"hjarntumorer\" deklareras två gånger", nil},
		{"lägg till `target N days`, eller `target none`", nil},
		{"regeln gäller i A4-format, från datum a till datum b", nil},
		{"raden är längre än 4 MiB", nil},
	} {
		if got := Words(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestOutputWords: the names of values count as English in output, not
// after a flag; a library's error marked as a technical detail does not
// count, anything after it does.
func TestOutputWords(t *testing.T) {
	for _, tc := range []struct {
		text          string
		words, output []string
	}{
		{"    info     VXX58: namnet ändrat", nil, []string{"info"}},
		{"ange error, warning eller info", nil, []string{"error", "warning", "info"}},
		{"OK  avslutskod_saknas_info", nil, nil},
		{"1 ändring visas inte (--level info)", nil, nil},
		{`dimension "sex" given twice`, []string{"given", "twice"}, []string{"given", "twice"}},
		{"a.xlsx: arbetsboken kan inte läsas; spara den igen (teknisk uppgift, på engelska: invalid cell name \"1A\")", nil, nil},
		{"(teknisk uppgift, på engelska: invalid cell) and the rest", []string{"invalid", "and", "the"}, []string{"invalid", "and", "the"}},
	} {
		if got := Words(tc.text); !slices.Equal(got, tc.words) {
			t.Errorf("Words(%q) = %q, want %q", tc.text, got, tc.words)
		}
		if got := OutputWords(tc.text); !slices.Equal(got, tc.output) {
			t.Errorf("OutputWords(%q) = %q, want %q", tc.text, got, tc.output)
		}
	}
}

// TestFieldIDs: a field id where a rejected row's field stands is found;
// the same id as the user's header, quoted or listed, or beside its
// Swedish name, is not.
func TestFieldIDs(t *testing.T) {
	ids := []string{"episode", "code", "date", "age", "diagnosis", "referring_region"}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"  in.csv:5: date: datumet finns inte", []string{"date"}},
		{"  in.csv:5: datum: datumet finns inte", nil},
		{`  in.csv:5: datum (kolumnen "date"): datumet finns inte`, nil},
		{"  ofullständigt: rad 22 avvisades (code, koden är tom)", []string{"code"}},
		{"  ofullständigt: rad 22 avvisades (kod, koden är tom)", nil},
		{"age", []string{"age"}},
		{" referring_region ", []string{"referring_region"}},
		{"ålder", nil},
		{"| in.csv:13 | I1 | date | datumet finns inte |", []string{"date"}},
		{"| in.csv:13 | I1 | datum | datumet finns inte |", nil},
		{"| date | I1 |", []string{"date"}},
		{"rad 8 avvisades (diagnos, citattecknet i kolumn 6 (diagnosis) stängs inte)", nil},
		{"kolumner i in.csv: episode → förlopp, code → kod, date → datum", nil},
		{"filen saknar kolumn för diagnos (diagnosis)", nil},
		{"{ date", nil},
		{"dates", nil},
		{"first line\nepisode\nlast line", []string{"episode"}},
		{"minst kolumnerna förlopp, kod och datum (episode, code och date går också)", nil},
	} {
		if got := FieldIDs(tc.text, ids); !slices.Equal(got, tc.want) {
			t.Errorf("FieldIDs(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
