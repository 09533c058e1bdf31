package runtime_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
	"github.com/rcc/svfrules/runtime/output"
)

// findingsByEpisode evaluates inputs and returns each episode's rule ids,
// sorted, and the summary; err is the run's error.
func findingsByEpisode(t *testing.T, inputs []input.Input, opts input.Options, workers int) (map[string][]string, *runtime.Summary, error) {
	t.Helper()
	var out bytes.Buffer
	sum, err := runtime.Run(latestProgram(t), inputs, opts, workers, output.NewRenderer("jsonl"), &out)
	if err != nil {
		return nil, nil, err
	}
	got := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var ep struct {
			Episode  string
			Findings []struct{ Rule string }
		}
		if err := json.Unmarshal([]byte(line), &ep); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		got[ep.Episode] = []string{}
		for _, f := range ep.Findings {
			got[ep.Episode] = append(got[ep.Episode], f.Rule)
		}
		slices.Sort(got[ep.Episode])
	}
	return got, sum, nil
}

func textInput(name, text string) input.Input {
	return input.Input{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
}

// Episodes of the tests below: R has VXX91 (mottagen från annan region)
// and no referring region; K has VXX58 (palliativ) with intent kur. Both
// are errors when the columns are there.
const (
	withReferring = "episode;region;county;referring_region;code;date\n" +
		"R;01;01;;VL210;2024-01-01\nR;01;01;;VL291;2024-01-05\nR;01;01;;VL254;2024-02-01\n"
	withoutReferring = "episode;region;county;code;date\n" +
		"R;01;01;VL210;2024-01-01\nR;01;01;VL291;2024-01-05\nR;01;01;VL254;2024-02-01\n"
	syfte = "episode;Syfte;code;date\nK;kur;VL210;2024-01-01\nK;kur;VL258;2024-01-20\n"
)

// TestAbsentColumnSkipsRules: a rule reading an attribute the file has no
// column for gives no finding and is named once in the summary; with the
// column there and the cell empty, it fires as before. Before, R got
// remitterande_region_saknas without the column too.
func TestAbsentColumnSkipsRules(t *testing.T) {
	cases := []struct {
		name, input string
		cols        []input.ColumnMap
		want        []string // R's or K's findings
		unchecked   []string // rules named in the summary
		unused      []string
	}{
		{name: "referring column, empty cell", input: withReferring,
			want: []string{"remitterande_region_saknas"}, unchecked: []string{"under_18_ar", "kur_vid_palliativ_intention", "vxx58_kurativ_intention", "cup_organspecifik_diagnos"}},
		{name: "no referring column", input: withoutReferring,
			want: []string{}, unchecked: []string{"under_18_ar", "remitterande_region_saknas", "kur_vid_palliativ_intention", "vxx58_kurativ_intention", "cup_organspecifik_diagnos", "vxx91_remitterande_region_samma"}},
		{name: "intent under another name", input: syfte,
			want: []string{}, unchecked: []string{"under_18_ar", "remitterande_region_saknas", "kur_vid_palliativ_intention", "vxx58_kurativ_intention"}, unused: []string{"Syfte"}},
		{name: "intent mapped with --column", input: syfte, cols: []input.ColumnMap{{Field: "intent", Header: "syfte"}},
			want: []string{"vxx58_kurativ_intention"}, unchecked: []string{"under_18_ar", "remitterande_region_saknas", "cup_organspecifik_diagnos"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, sum, err := findingsByEpisode(t, []input.Input{textInput("in.csv", c.input)}, input.Options{Columns: c.cols}, 2)
			if err != nil {
				t.Fatal(err)
			}
			var findings []string
			for _, f := range got {
				findings = f
			}
			if len(got) != 1 || !slices.Equal(findings, c.want) {
				t.Errorf("findings %v, want %v", got, c.want)
			}
			var ids []string
			for _, u := range sum.Unchecked {
				ids = append(ids, u.Rule)
				if !slices.Equal(u.Files, []string{"in.csv"}) {
					t.Errorf("%s: files %v", u.Rule, u.Files)
				}
			}
			for _, id := range c.unchecked {
				if !slices.Contains(ids, id) {
					t.Errorf("unchecked %v lacks %s", ids, id)
				}
			}
			for _, id := range c.want {
				if slices.Contains(ids, id) {
					t.Errorf("%s is listed as unchecked but fired", id)
				}
			}
			if len(sum.Columns) != 1 || !slices.Equal(sum.Columns[0].Unused, append([]string{}, c.unused...)) {
				t.Errorf("columns %+v, want unused %v", sum.Columns, c.unused)
			}
		})
	}
}

// TestAbsentColumnPerFile: of two files, only the one without the column
// has the rule skipped (its episodes Q and B…), streaming and grouping (episode S's rows in both
// files are one episode, which has the column through the first file),
// on one goroutine and in parallel blocks.
func TestAbsentColumnPerFile(t *testing.T) {
	dir := t.TempDir()
	// Enough rows for several blocks.
	var a, b strings.Builder
	a.WriteString(withReferring)
	b.WriteString(strings.ReplaceAll(withoutReferring, "\nR;", "\nQ;"))
	for i := range 300 {
		id := "P" + strings.Repeat("x", 3) + string(rune('a'+i%26)) + strings.Repeat("0", i/26)
		a.WriteString("A" + id + ";01;01;;VL210;2024-01-01\nA" + id + ";01;01;;VL291;2024-01-02\n")
		b.WriteString("B" + id + ";01;01;VL210;2024-01-01\nB" + id + ";01;01;VL291;2024-01-02\n")
	}
	for _, grouped := range []bool{false, true} {
		fa, fb := a.String(), b.String()
		if grouped {
			fa += "S;01;01;;VL210;2024-01-01\n"
			fb = strings.Replace(fb, "episode;region;county;code;date\n", "episode;region;county;code;date\nS;01;01;VL291;2024-01-02\n", 1)
		}
		var inputs []input.Input
		for name, text := range map[string]string{"a.csv": fa, "b.csv": fb} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		for _, name := range []string{"b.csv", "a.csv"} { // b first: S starts without the column
			in, _, err := input.FileInput(filepath.Join(dir, name), nil)
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, in)
		}
		for _, workers := range []int{1, 3} {
			got, sum, err := findingsByEpisode(t, inputs, input.Options{Workers: workers, BlockSize: 4 << 10}, 2)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Grouped != grouped {
				t.Fatalf("grouped %v", sum.Grouped)
			}
			for id, f := range got {
				has := slices.Contains(f, "remitterande_region_saknas")
				if want := id[0] == 'A' || id == "R" || id == "S"; has != want {
					t.Errorf("grouped %v, workers %d: %s: %v", grouped, workers, id, f)
				}
			}
			var files []string
			for _, u := range sum.Unchecked {
				if u.Rule == "remitterande_region_saknas" {
					files = u.Files
				}
			}
			if !slices.Equal(files, []string{filepath.Join(dir, "b.csv")}) {
				t.Errorf("unchecked in %v", files)
			}
		}
	}
}

// TestColumnHeaderErrors: a mapped header the file does not have, and a
// mapping that gives an attribute a second column, stop the read with a
// message that names the columns.
func TestColumnHeaderErrors(t *testing.T) {
	cases := []struct {
		input string
		cols  []input.ColumnMap
		err   string
	}{
		{"episode;Syfte;code;date\n", []input.ColumnMap{{Field: "intent", Header: "Sytfe"}},
			`in.csv: kolumnen "Sytfe" (--column intention=…) finns inte i filen; kolumnerna är "episode", "Syfte", "code", "date"; menade du "Syfte"?`},
		{"episode;Kur/pal;Behandlingsintention;code;date\n", nil,
			`in.csv: kolumnerna "Kur/pal" och "Behandlingsintention" ger båda intention; välj den som ska läsas med --column intention=RUBRIK, eller byt namn på eller ta bort den andra`},
		// --column wins over the aliases, but two columns it names for
		// one field (the same header twice) are still an error.
		{"episode;Syfte;SYFTE;code;date\n", []input.ColumnMap{{Field: "intent", Header: "Syfte"}},
			`in.csv: kolumnerna "Syfte" och "SYFTE" ger båda intention; välj den som ska läsas med --column intention=RUBRIK, eller byt namn på eller ta bort den andra`},
	}
	for _, c := range cases {
		_, _, err := findingsByEpisode(t, []input.Input{textInput("in.csv", c.input+"E;kur;kur;VL210;2024-01-01\n")}, input.Options{Columns: c.cols}, 1)
		if err == nil || err.Error() != c.err {
			t.Errorf("%q: error %v\nwant %s", c.input, err, c.err)
		}
	}
}

// TestColumnAliases: headers Swedish exports use are read as their
// fields.
func TestColumnAliases(t *testing.T) {
	header := "Förlopps-ID;Åtgärdskod;Händelsedatum;Rapporterande region;Länskod;Remitterande landsting;Diagnoskod;Kur/pal;Ålder;Kön"
	_, sum, err := findingsByEpisode(t, []input.Input{textInput("in.csv", header+"\nE;VL210;2024-01-01;01;01;03;C71;kur;50;K\n")}, input.Options{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []input.ColumnUse{{Header: "Förlopps-ID", Field: "episode"}, {Header: "Åtgärdskod", Field: "code"}, {Header: "Händelsedatum", Field: "date"}, {Header: "Rapporterande region", Field: "region"},
		{Header: "Länskod", Field: "county"}, {Header: "Remitterande landsting", Field: "referring_region"}, {Header: "Diagnoskod", Field: "diagnosis"}, {Header: "Kur/pal", Field: "intent"}, {Header: "Ålder", Field: "age"}, {Header: "Kön", Field: "sex"}}
	if len(sum.Columns) != 1 || !slices.Equal(sum.Columns[0].Columns, want) || len(sum.Columns[0].Missing) != 0 || len(sum.Unchecked) != 0 {
		t.Errorf("columns %+v, unchecked %+v", sum.Columns, sum.Unchecked)
	}
}

// TestColumnsXLSX: a workbook's header goes through the same code: the
// summary lists its columns, --column maps one, an absent column skips
// the rules that read it.
func TestColumnsXLSX(t *testing.T) {
	f := excelize.NewFile()
	for i, row := range [][]any{
		{"Förlopp", "Syfte", "Kod", "Datum"},
		{"K", "kur", "VL210", "2024-01-01"},
		{"K", "kur", "VL258", "2024-01-20"},
	} {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	book, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	data := book.Bytes()
	in := input.Input{Name: "in.xlsx", Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}
	for _, c := range []struct {
		cols []input.ColumnMap
		want []string
	}{{nil, []string{}}, {[]input.ColumnMap{{Field: "intent", Header: "Syfte"}}, []string{"vxx58_kurativ_intention"}}} {
		got, sum, err := findingsByEpisode(t, []input.Input{in}, input.Options{Columns: c.cols}, 1)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got["K"], c.want) {
			t.Errorf("%v: findings %v, want %v", c.cols, got, c.want)
		}
		var text bytes.Buffer
		runtime.WriteColumnsText(&text, sum)
		wantCols := "  kolumner i in.xlsx: Förlopp → förlopp, Kod → kod, Datum → datum\n    kolumnen Syfte används inte (ange --column FÄLT=Syfte om den ska läsas)\n"
		if c.cols != nil {
			wantCols = "  kolumner i in.xlsx: Förlopp → förlopp, Syfte → intention, Kod → kod, Datum → datum\n"
		}
		if !strings.HasPrefix(text.String(), wantCols) {
			t.Errorf("%v: summary\n%s\nwant it to start with\n%s", c.cols, text.String(), wantCols)
		}
	}
}

// TestColumnsJSONL: JSON Lines has no header, so every attribute counts
// as present: an episode without a referring region gets the finding.
func TestColumnsJSONL(t *testing.T) {
	in := textInput("in.jsonl", `{"episode":"R","events":[{"code":"VL210","date":"2024-01-01"},{"code":"VL291","date":"2024-01-05"},{"code":"VL254","date":"2024-02-01"}]}`+"\n")
	got, sum, err := findingsByEpisode(t, []input.Input{in}, input.Options{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(got["R"], "remitterande_region_saknas") || len(sum.Unchecked) != 0 || len(sum.Columns) != 1 || !sum.Columns[0].JSONL {
		t.Errorf("findings %v, columns %+v, unchecked %+v", got, sum.Columns, sum.Unchecked)
	}
}

// TestColumnsTextPrintable: a header with a control character (an
// escape sequence that would colour the terminal) is written escaped.
func TestColumnsTextPrintable(t *testing.T) {
	_, sum, err := findingsByEpisode(t, []input.Input{textInput("in.csv", "episode;code;date;\x1b[31mRöd\nE;VL210;2024-01-01;x\n")}, input.Options{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	runtime.WriteColumnsText(&text, sum)
	want := "  kolumner i in.csv: episode → förlopp, code → kod, date → datum\n    kolumnen \\x1b[31mRöd används inte (ange --column \"FÄLT=\\x1b[31mRöd\" om den ska läsas)\n"
	if !strings.HasPrefix(text.String(), want) {
		t.Errorf("got\n%q\nwant it to start with\n%q", text.String(), want)
	}
}
