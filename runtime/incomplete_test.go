package runtime_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
	"github.com/rcc/svfrules/runtime/output"
)

// incompleteWant is the jsonl output of the episodes of the inputs of
// TestIncompleteEpisodes, by id: A's VH310 (the start code) has a bad
// date, so A would say it has no start code; B is complete; all of C's
// rows are rejected.
var incompleteWant = map[string]string{
	"A": `{"episode":"A","pathway":null,"reportable":false,"reported_as":null,"incomplete":true,"rejected":[{"episode":"A","file":"in","row":ROW_A,"field":"FIELD_A","reason":"datumet \"2024-13-01\" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD"}],"findings":[],"leadtimes":[]}`,
	"B": `{"episode":"B","pathway":"livmoderkroppscancer","reportable":true,"reported_as":"VH3","findings":[],"leadtimes":[{"id":"livkropp_kirurgi","name":"Välgrundad misstanke till start av första behandling, kirurgi","from":"VH310","to":"VH350","days":28,"target":32,"within":true}]}`,
	"C": `{"episode":"C","pathway":null,"reportable":false,"reported_as":null,"incomplete":true,"rejected":[{"episode":"C","file":"in","row":ROW_C1,"field":"FIELD_C1","reason":"datumet \"2024-02-30\" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD"},{"episode":"C","file":"in","row":ROW_C2,"field":"FIELD_C2","reason":"koden \"VH3\" är ingen KVÅ-kod; en kod är V, två bokstäver eller siffror och två siffror, t.ex. VL210"}],"findings":[],"leadtimes":[]}`,
}

// TestIncompleteEpisodes: an episode with a rejected row is reported as
// incomplete, with no findings, lead times or pathway, whatever the
// layout (rows adjacent or not, CSV or JSON Lines) and however many
// goroutines read it; an episode all of whose rows are rejected is
// counted too. Before, A was judged without its start code (an error
// finding and no lead time) and C was in no count.
func TestIncompleteEpisodes(t *testing.T) {
	cases := []struct {
		name, input string
		rows        map[string]string // ROW_… and FIELD_… in incompleteWant
		grouped     bool
		incomplete  int // rows of incomplete episodes, not rejected
	}{
		{"adjacent", "episode;code;date\n" +
			"A;VH310;2024-13-01\nA;VH315;2024-01-16\nA;VH350;2024-02-12\n" +
			"B;VH310;2024-01-15\nB;VH350;2024-02-12\n" +
			"C;VH310;2024-02-30\nC;VH3;2024-03-01\n",
			map[string]string{"ROW_A": "2", "ROW_C1": "7", "ROW_C2": "8", "FIELD_A": "date", "FIELD_C1": "date", "FIELD_C2": "code"}, false, 2},
		{"rejected row last", "episode;code;date\n" +
			"A;VH315;2024-01-16\nA;VH350;2024-02-12\nA;VH310;2024-13-01\n" +
			"B;VH310;2024-01-15\nB;VH350;2024-02-12\n" +
			"C;VH310;2024-02-30\nC;VH3;2024-03-01\n",
			map[string]string{"ROW_A": "4", "ROW_C1": "7", "ROW_C2": "8", "FIELD_A": "date", "FIELD_C1": "date", "FIELD_C2": "code"}, false, 2},
		{"not adjacent", "episode;code;date\n" +
			"C;VH310;2024-02-30\nA;VH315;2024-01-16\nB;VH310;2024-01-15\nA;VH310;2024-13-01\n" +
			"C;VH3;2024-03-01\nB;VH350;2024-02-12\nA;VH350;2024-02-12\n",
			map[string]string{"ROW_A": "5", "ROW_C1": "2", "ROW_C2": "6", "FIELD_A": "date", "FIELD_C1": "date", "FIELD_C2": "code"}, true, 2},
		{"json lines", `{"episode":"A","events":[{"code":"VH315","date":"2024-01-16"},{"code":"VH350","date":"2024-02-12"}]}` + "\n" +
			`{"episode":"A","events":[{"code":"VH310","date":"2024-13-01"}]}` + "\n" +
			`{"episode":"B","events":[{"code":"VH310","date":"2024-01-15"},{"code":"VH350","date":"2024-02-12"}]}` + "\n" +
			`{"episode":"C","events":[{"code":"VH310","date":"2024-02-30"}]}` + "\n" +
			`{"episode":"C","events":[{"code":"VH3","date":"2024-03-01"}]}` + "\n",
			map[string]string{"ROW_A": "2", "ROW_C1": "4", "ROW_C2": "5", "FIELD_A": "events[0].date", "FIELD_C1": "events[0].date", "FIELD_C2": "events[0].code"}, false, 1},
	}
	p := latestProgram(t)
	for _, c := range cases {
		for _, workers := range []int{1, 3} {
			for _, size := range []int{1 << 20, 16} {
				in := input.Input{Name: "in", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(c.input)), nil }}
				var out bytes.Buffer
				sum, err := runtime.Run(p, []input.Input{in}, input.Options{BlockSize: size}, workers, output.NewRenderer("jsonl"), &out)
				if err != nil {
					t.Fatal(err)
				}
				got := map[string]string{}
				var order []string
				for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
					id := line[len(`{"episode":"`) : len(`{"episode":"`)+1]
					got[id] = line
					order = append(order, id)
				}
				for id, w := range incompleteWant {
					for k, v := range c.rows {
						w = strings.ReplaceAll(w, k, v)
					}
					if got[id] != w {
						t.Errorf("%s, %d workers, blocks of %d: episode %s\n got %s\nwant %s", c.name, workers, size, id, got[id], w)
					}
				}
				if len(order) != 3 {
					t.Errorf("%s: episodes %v, want A, B, C once each", c.name, order)
				}
				if sum.Episodes != 3 || sum.EpisodesIncomplete != 2 || sum.Reportable != 1 || sum.EpisodesWithErrors != 0 ||
					sum.RowsRejected != 3 || sum.RowsIncomplete != c.incomplete || sum.RowsRead != sum.RowsEvaluated+sum.RowsIncomplete+sum.RowsRejected ||
					sum.Grouped != c.grouped || len(sum.FindingsByRule) != 0 || sum.EpisodesByPathway["livmoderkroppscancer"] != 1 || len(sum.EpisodesByPathway) != 1 || !sum.HasErrors() {
					t.Errorf("%s, %d workers, blocks of %d: summary %+v", c.name, workers, size, *sum)
				}
			}
		}
	}
}

// TestIncompleteText: the text and csv formats show an incomplete
// episode with its rejected rows, and the summary counts it.
func TestIncompleteText(t *testing.T) {
	data := "episode;code;date\nA;VH310;2024-13-01\nA;VH350;2024-02-12\nB;VH310;2024-01-15\nB;VH350;2024-02-12\n"
	in := input.Input{Name: "in.csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(data)), nil }}
	want := map[string]string{
		"text": "A  ofullständigt förlopp  in.csv:2\n" +
			"  ofullständigt: rad 2 avvisades (datum, datumet \"2024-13-01\" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD)\n" +
			msg.IncompleteWhy + "\n" +
			"Rader som inte kunde läsas (1):\n" +
			"  in.csv:2: datum: datumet \"2024-13-01\" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD\n",
		"csv": "\ufeffTyp;Förlopp;Vårdförlopp;Rapporteras som;Allvarlighetsgrad;Regel;Regel-id;Ledtid;Ledtid-id;Dagar;Mål (dagar);Fält;Meddelande;Koder;Rader;Avsnitt i vägledningen\r\n" +
			"ofullständigt förlopp;A;;;fel;Ofullständigt förlopp;forlopp_ofullstandigt;;;;;;\"Förloppet är ofullständigt: en rad avvisades (in.csv:2), så det bedöms inte (inga fynd, inga ledtider); rätta raden och kör igen.\";;in.csv:2;\r\n" +
			"avvisad rad;A;;;fel;Avvisad rad;rad_avvisad;;;;;datum;\"datumet \"\"2024-13-01\"\" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD\";;in.csv:2;\r\n",
		"rfc4180": "kind,episode,pathway,reported_as,severity,rule,rule_name,leadtime,leadtime_name,days,target,field,message,codes,input,source,section\n" +
			"incomplete,A,,,error,forlopp_ofullstandigt,Ofullständigt förlopp,,,,,,\"Förloppet är ofullständigt: en rad avvisades (in.csv:2), så det bedöms inte (inga fynd, inga ledtider); rätta raden och kör igen.\",,in.csv:2,,\n" +
			"rejected,A,,,error,rad_avvisad,Avvisad rad,,,,,date,\"datumet \"\"2024-13-01\"\" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD\",,in.csv:2,,\n",
	}
	for _, format := range []string{"text", "csv", "rfc4180"} {
		var out bytes.Buffer
		r := output.NewRenderer(format)
		if format == "rfc4180" {
			r = output.New("csv", output.Options{CSVDialect: format})
		}
		sum, err := runtime.Run(latestProgram(t), []input.Input{in}, input.Options{}, 2, r, &out)
		if err != nil {
			t.Fatal(err)
		}
		if out.String() != want[format] {
			t.Errorf("%s:\n got %q\nwant %q", format, out.String(), want[format])
		}
		var s bytes.Buffer
		output.WriteSummaryText(&s, sum)
		wantSum := "Sammanfattning, kodningsvägledning " + sum.Guide + ":\n" +
			"  rader lästa: 4 (utvärderade 2, i ofullständiga förlopp 1, avvisade 1)\n" +
			"  förlopp: 2, med fel: 0, rapporterbara: 1\n" +
			"  ofullständiga förlopp: 1 (med en avvisad rad; de bedöms inte förrän raderna är rättade)\n" +
			// The file has only the three columns every file needs.
			"  kolumner i in.csv: episode → förlopp, code → kod, date → datum\n" +
			"  regeln Patient under 18 år (under_18_ar) kunde inte kontrolleras: filen saknar kolumn för ålder (ange --column ålder=RUBRIK om den har en annan rubrik)\n" +
			"  regeln Remitterande region saknas (remitterande_region_saknas) kunde inte kontrolleras: filen saknar kolumn för remitterande region (ange --column remitterande_region=RUBRIK om den har en annan rubrik)\n" +
			"  reglerna Kurativ kod vid palliativ intention (kur_vid_palliativ_intention) och VXX58 vid kurativ intention (vxx58_kurativ_intention) kunde inte kontrolleras: filen saknar kolumn för behandlingsintention (ange --column intention=RUBRIK om den har en annan rubrik)\n" +
			"  reglerna CUP med organspecifik diagnos (cup_organspecifik_diagnos), Diagnos utanför vårdförloppet (diagnos_utanfor_forloppet), Annan cancer med förloppets egen diagnos (annan_cancer_egen_diagnos), Myelofibros eller MPN UNS avslutas med VN872 (mpn_mf_uns_avslutas_med_72), Cancer in situ i anus avslutas med VB378 (insitu_anal_avslutas_med_78), Melanoma in situ avslutas med VE078 (insitu_melanom_avslutas_med_78), Cancer in situ i huvud och hals avslutas med VA978 (insitu_huvud_hals_avslutas_med_78), Cancer in situ i penis avslutas med VJ078 (insitu_penis_avslutas_med_78), Cancer in situ i vulva avslutas med VH078 (insitu_vulva_avslutas_med_78), PIN i prostata avslutas med VJ178 (pin_prostata_avslutas_med_78) och Cancer in situ i urinblåsa avslutas med VK173 (cis_urinblasa_avslutas_med_73) kunde inte kontrolleras: filen saknar kolumn för diagnos (ange --column diagnos=RUBRIK om den har en annan rubrik)\n" +
			"  regeln Remitterande region är den rapporterande (vxx91_remitterande_region_samma) kunde inte kontrolleras: filen saknar kolumn för rapporterande region (ange --column region=RUBRIK om den har en annan rubrik) och kolumn för remitterande region (ange --column remitterande_region=RUBRIK om den har en annan rubrik)\n" +
			"  regeln Folkbokföringslän saknas vid VXX91 (vxx91_lan_saknas) kunde inte kontrolleras: filen saknar kolumn för folkbokföringslän (ange --column län=RUBRIK om den har en annan rubrik)\n" +
			"  förlopp per vårdförlopp:\n" +
			"         1  Livmoderkroppscancer (VH3)\n"
		if s.String() != wantSum {
			t.Errorf("summary:\n got %q\nwant %q", s.String(), wantSum)
		}
	}
}

// TestIncompleteAcrossFiles: an episode whose rejected row is in another
// file (the run groups them) names that file on the row's line.
func TestIncompleteAcrossFiles(t *testing.T) {
	open := func(name, text string) input.Input {
		return input.Input{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
	}
	a := open("a.csv", "episode;code;date\nA;VH310;2024-01-15\nA;VH350;2024-02-12\n")
	b := open("b.csv", "episode;code;date\nA;VH340;2024-02-31\nB;VH310;2024-01-15\n")
	for _, workers := range []int{1, 3} {
		var out bytes.Buffer
		sum, err := runtime.Run(latestProgram(t), []input.Input{a, b}, input.Options{}, workers, output.NewRenderer("text"), &out)
		if err != nil {
			t.Fatal(err)
		}
		want := "A  ofullständigt förlopp  a.csv:2\n" +
			"  ofullständigt: rad b.csv:2 avvisades (datum, datumet \"2024-02-31\" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD)\n" +
			msg.IncompleteWhy + "\n"
		if got := out.String(); !strings.HasPrefix(got, want) {
			t.Errorf("%d workers:\n got %q\nwant it to start with %q", workers, got, want)
		}
		if !sum.Grouped || sum.EpisodesIncomplete != 1 || sum.RowsIncomplete != 2 || sum.Episodes != 2 {
			t.Errorf("%d workers: summary %+v", workers, *sum)
		}
	}
}

// TestIncompleteConflictOrder: when grouping rejects a run whose
// attribute contradicts the episode's, the episode lists the run's rows
// in row order, those the reader rejected among them.
func TestIncompleteConflictOrder(t *testing.T) {
	data := "episode;sex;code;date\nA;K;VH310;2024-01-15\nB;K;VH310;2024-01-15\nA;M;VH315;2024-01-16\nA;M;VH325;x\nA;M;VH350;2024-02-12\n"
	in := input.Input{Name: "in", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(data)), nil }}
	var out bytes.Buffer
	if _, err := runtime.Run(latestProgram(t), []input.Input{in}, input.Options{}, 1, output.NewRenderer("jsonl"), &out); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, `{"episode":"A"`) {
			for _, part := range strings.Split(line, `"row":`)[1:] {
				rows = append(rows, part[:strings.IndexByte(part, ',')])
			}
		}
	}
	if strings.Join(rows, " ") != "4 5 6" {
		t.Errorf("A's rejected rows %v, want 4 5 6:\n%s", rows, out.String())
	}
}
