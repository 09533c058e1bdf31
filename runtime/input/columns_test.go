package input

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestParseColumns(t *testing.T) {
	cases := []struct {
		flags []string
		want  []ColumnMap
		err   string
	}{
		{flags: nil},
		{flags: []string{"intent=Behandlingsintention", " referring_region = Remiss från "},
			want: []ColumnMap{{"intent", "Behandlingsintention"}, {"referring_region", "Remiss från"}}},
		{flags: []string{"intent"}, err: `--column "intent": skriv FÄLT=RUBRIK, t.ex. --column intent=Behandlingsintention`},
		{flags: []string{"intent="}, err: `--column "intent=": skriv FÄLT=RUBRIK, t.ex. --column intent=Behandlingsintention`},
		{flags: []string{"intnet=Kur/pal"}, err: `--column "intnet=Kur/pal": "intnet" är inget attribut; menade du "intent"?; attributen är förlopp, kod, datum, region, ålder, kön, län, remitterande_region, diagnos, intention`},
		{flags: []string{"kn=X"}, err: `--column "kn=X": "kn" är inget attribut; menade du "kön"?; attributen är förlopp, kod, datum, region, ålder, kön, län, remitterande_region, diagnos, intention`},
		// The Swedish names, and headers read as a field, name it too.
		{flags: []string{"kön=X", "Remitterande region=Remiss", "datum=Åtgärdsdag", "förloppsid=Nr"},
			want: []ColumnMap{{"sex", "X"}, {"referring_region", "Remiss"}, {"date", "Åtgärdsdag"}, {"episode", "Nr"}}},
		{flags: []string{"intent=A", "intention=B"}, err: `--column anger två kolumner för intention: "A" och "B"; ange en`},
		{flags: []string{"intent=Syfte", "diagnosis=SYFTE"}, err: `--column anger kolumnen "SYFTE" för både intention och diagnos; ange en`},
	}
	for _, c := range cases {
		got, err := ParseColumns(c.flags)
		switch {
		case c.err != "" && (err == nil || err.Error() != c.err):
			t.Errorf("%q: error %v\nwant %s", c.flags, err, c.err)
		case c.err == "" && (err != nil || !slices.Equal(got, c.want)):
			t.Errorf("%q: %v, %v; want %v", c.flags, got, err, c.want)
		}
	}
}

// TestColumnAliasTable: headers Swedish exports use, and other spellings,
// are read as their fields (TestColumnAliases in package runtime reads a
// whole header).
func TestColumnAliasTable(t *testing.T) {
	for _, h := range []string{"behandlingsintention", "intention"} {
		if k, ok := columnAliasOf(h); !ok || k != colIntent {
			t.Errorf("%s is not intent", h)
		}
	}
	for _, h := range []string{"remittent", "remitterande_region"} {
		if k, ok := columnAliasOf(h); !ok || k != colReferring {
			t.Errorf("%s is not referring_region", h)
		}
	}
	for h, k := range map[string]int{"folkbokföringslän": colCounty, "kon": colSex, "alder": colAge, "förloppsid": colEpisode, "id": colEpisode,
		"kvå": colCode, "kvåkod": colCode, "datum": colDate, "icd10": colDiagnosis} {
		if got, ok := columnAliasOf(h); !ok || got != k {
			t.Errorf("%s is not %s", h, colNames[k])
		}
	}
	for _, h := range []string{"", "kodd", "datum_", "Datum", "zzz"} {
		if k, ok := columnAliasOf(h); ok {
			t.Errorf("%q is read as %s; it is no alias", h, colNames[k])
		}
	}
}

// TestColumnAliasesSorted: columnAliasOf finds a name by binary search,
// which misses names out of order; a name given twice would be found
// once.
func TestColumnAliasesSorted(t *testing.T) {
	for i := 1; i < len(columnAliases); i++ {
		if a, b := columnAliases[i-1].name, columnAliases[i].name; a >= b {
			t.Errorf("columnAliases: %q before %q", a, b)
		}
	}
	for _, a := range columnAliases {
		if k, ok := columnAliasOf(a.name); !ok || k != a.field {
			t.Errorf("columnAliasOf(%q) = %d, %v; want %d", a.name, k, ok, a.field)
		}
	}
}

// TestFieldText: a rejected row names its field in Swedish, with the
// file's own header beside it only where that header is neither the
// Swedish name nor the field id (an export headed date, code … reads
// "datum", not datum (kolumnen "date")).
func TestFieldText(t *testing.T) {
	for _, c := range []struct {
		field, header, want string
	}{
		{"", "", ""},
		{"", "Datum", ""},
		{"date", "", "datum"},
		{"date", "date", "datum"},
		{"date", " Date ", "datum"},
		{"date", "Datum", "datum"},
		{"date", "Händelsedatum", `datum (kolumnen "Händelsedatum")`},
		{"code", "code", "kod"},
		{"code", "KVÅ", `kod (kolumnen "KVÅ")`},
		{"referring_region", "referring_region", "remitterande region"},
		{"referring_region", "Remitterande region", "remitterande region"},
		{"referring_region", "remitterande_region", "remitterande region"},
		{"region", "Rapporterande region", `region (kolumnen "Rapporterande region")`},
		{"county", "Folkbokföringslän", `län (kolumnen "Folkbokföringslän")`},
		{"episode", "Förlopp", "förlopp"},
		{"episode", "Vårdförlopps-ID", `förlopp (kolumnen "Vårdförlopps-ID")`},
		// An unused column's rejection names the column by its header.
		{"note", "", "note"},
	} {
		r := Rejection{Field: c.field, Header: c.header}
		if got := r.FieldText(); got != c.want {
			t.Errorf("Rejection{Field: %q, Header: %q}.FieldText() = %q, want %q", c.field, c.header, got, c.want)
		}
	}
}

// TestColumnArg: the --column value the summary offers for an unused
// column is copyable (quoted where a shell splits it) and guesses only an
// attribute the file has no column for (issue 13).
func TestColumnArg(t *testing.T) {
	withAge := FileColumns{Columns: []ColumnUse{{Header: "Ålder", Field: "age"}}}
	for _, tc := range []struct {
		fc     FileColumns
		header string
		want   string
	}{
		{FileColumns{}, "Ålder vid VGM", `"ålder=Ålder vid VGM"`},
		{FileColumns{}, "Övrigt", "FÄLT=Övrigt"},
		{FileColumns{}, "Remitterande region (kod)", `"remitterande_region=Remitterande region (kod)"`},
		{withAge, "Ålder vid VGM", `"FÄLT=Ålder vid VGM"`},             // age is read already
		{FileColumns{}, "Datum för beslut", `"FÄLT=Datum för beslut"`}, // never a field every file has
		{FileColumns{}, "Kön och ålder", `"FÄLT=Kön och ålder"`},       // two fields: no guess
		{FileColumns{}, `Namn "x"`, `"FÄLT=Namn \"x\""`},
	} {
		if got := tc.fc.ColumnArg(tc.header); got != tc.want {
			t.Errorf("ColumnArg(%q) = %s, want %s", tc.header, got, tc.want)
		}
	}
}

// TestColumnKeyLikeFull: columnKey's way for plain ASCII names gives
// what the whole way (columnKeyFull) gives, for every name: headers
// exports have, names with spaces, upper case, control characters,
// non-ASCII and a byte-order mark, and random bytes.
func TestColumnKeyLikeFull(t *testing.T) {
	names := []string{"", " ", "\t", "episode", "Episode", "EPISODE", " Datum ", "\tkod\r", "Förlopp", "kön",
		"remitterande region", "Remitterande  Region", "kur/pal", "KVÅ-kod", "icd-10", "ID", "\ufeffepisode",
		"a\x00b", "a\x1fb", "a\x7fb", "x\vy", "\fz\f", "o\u0308", "a\u00a0b", "a\u0085b", "Rad", "row_1", "2024"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			if rng.IntN(4) == 0 {
				b[i] = byte(rng.IntN(256))
			} else {
				const plain = " \tAaZz09_-/\r\n\v\f"
				b[i] = plain[rng.IntN(len(plain))]
			}
		}
		names = append(names, string(b))
	}
	for _, n := range names {
		if got, want := columnKey([]byte(n)), columnKeyFull([]byte(n)); got != want {
			t.Errorf("columnKey(%q) = %q, want %q", n, got, want)
		}
	}
}
