package input

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/charmap"

	"github.com/rcc/svfrules/internal/msg"
)

// logSink records what a reader passes on, in order, as text, and checks
// the accounting as it goes: at every call, the rows passed on so far
// cannot outnumber the data rows announced.
type logSink struct {
	log      []string
	rows     int // DataRow calls
	accepted int // distinct rows delivered in episodes
	rejected int
	blanks   int // blank rows, counted and not passed on
	problems []string
}

func (s *logSink) DataRow() { s.rows++ }

func (s *logSink) BlankRows(n int) { s.blanks += n; s.check("BlankRows") }

func (s *logSink) Reject(r Rejection) {
	s.rejected++
	s.log = append(s.log, "reject "+r.String())
	s.check("Reject")
}

func (s *logSink) Episode(ep *Episode) {
	s.log = append(s.log, renderEpisode(ep))
	seen := map[int]bool{}
	for _, e := range ep.Events {
		if !seen[e.Row] {
			seen[e.Row] = true
			s.accepted++
		}
	}
	if len(ep.Events) == 0 && ep.Rejected == nil { // all rows rejected: incomplete
		s.problems = append(s.problems, "episode without events")
	}
	if cap(ep.Events) != len(ep.Events) {
		s.problems = append(s.problems, "episode events have spare capacity shared with the reader")
	}
	s.check("Episode")
}

func (s *logSink) check(call string) {
	if s.accepted+s.rejected+s.blanks > s.rows {
		s.problems = append(s.problems, fmt.Sprintf("%s: %d rows passed on or blank but only %d data rows announced", call, s.accepted+s.rejected+s.blanks, s.rows))
	}
}

// renderEpisode writes an episode on one line: id, file and first row,
// the attributes that are set, then row:code:date for each event.
func renderEpisode(ep *Episode) string {
	var b strings.Builder
	fmt.Fprintf(&b, "ep %q %s:%d", ep.ID, ep.File, ep.FirstRow)
	for _, a := range []struct{ k, v string }{
		{"region", ep.Region}, {"sex", ep.Sex}, {"county", ep.County}, {"referring", ep.ReferringRegion},
		{"diagnosis", ep.Diagnosis}, {"intent", ep.Intent},
	} {
		if a.v != "" {
			fmt.Fprintf(&b, " %s=%q", a.k, a.v)
		}
	}
	if ep.HasAge {
		fmt.Fprintf(&b, " age=%d", ep.Age)
	}
	b.WriteString(" |")
	for _, e := range ep.Events {
		fmt.Fprintf(&b, " %d:%s:%s", e.Row, e.Code, e.Date)
	}
	if ep.Rejected != nil {
		b.WriteString(" | incomplete:")
		for _, r := range ep.Rejected {
			fmt.Fprintf(&b, " %s:%d", r.File, r.Row)
		}
	}
	return b.String()
}

// read runs Read on input and returns the log, with "blank N" (when
// there are blank rows) and "rows N" last, or the error.
func read(t testing.TB, name, input string, opts Options) ([]string, error) {
	t.Helper()
	var s logSink
	err := Read(context.Background(), name, strings.NewReader(input), opts, &s)
	for _, p := range s.problems {
		t.Errorf("%s: %s", name, p)
	}
	if err == nil && s.accepted+s.rejected+s.blanks != s.rows {
		t.Errorf("%s: %d data rows but %d in episodes, %d rejected and %d blank", name, s.rows, s.accepted, s.rejected, s.blanks)
	}
	if s.blanks > 0 {
		s.log = append(s.log, fmt.Sprintf("blank %d", s.blanks))
	}
	return append(s.log, fmt.Sprintf("rows %d", s.rows)), err
}

// inCP1252 writes s in Windows-1252, as Excel does on Swedish Windows.
func inCP1252(s string) string {
	out, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		panic(err)
	}
	return out
}

const bom = "\xEF\xBB\xBF"

type readCase struct {
	name    string
	input   string
	enc     string
	columns []ColumnMap // --column
	want    []string    // the log; nil when an error is expected
	err     string      // the exact error
}

var readCases = []readCase{
	{
		name:  "semicolon",
		input: "episode;code;date\nE1;VL210;2024-01-10\nE1;VL260;2024-02-01\nE2;VL210;2024-01-11\n",
		want: []string{
			`ep "E1" x:2 | 2:VL210:2024-01-10 3:VL260:2024-02-01`,
			`ep "E2" x:4 | 4:VL210:2024-01-11`,
			`rows 3`,
		},
	},
	{
		name:  "comma",
		input: "episode,code,date,region\nE1,VL210,2024-01-10,01\n",
		want:  []string{`ep "E1" x:2 region="01" | 2:VL210:2024-01-10`, `rows 1`},
	},
	{
		name:  "tab",
		input: "episode\tcode\tdate\tregion\nE1\tVL210\t2024-01-10\t01\n",
		want:  []string{`ep "E1" x:2 region="01" | 2:VL210:2024-01-10`, `rows 1`},
	},
	{
		// Commas in the values do not fool the detection: the header
		// splits into known columns at ";" only.
		name:  "semicolon with commas in values",
		input: "episode;code;date;diagnosis\nE1;VL210;2024-01-10;C71,9\n",
		want:  []string{`ep "E1" x:2 diagnosis="C71,9" | 2:VL210:2024-01-10`, `rows 1`},
	},
	{
		// ";" splits the header into 1 known column ("date"), "," into
		// 1 ("episode"): a tie, which ";" wins; the file then has no
		// episode or code column.
		name:  "separator tie goes to semicolon",
		input: "episode,code;date\nE1,VL210;2024-01-10\n",
		err:   `x: rubrikraden saknar kolumn för förlopp och kod (hittade "episode,code", "date"); första raden ska namnge minst kolumnerna förlopp, kod och datum (episode, code och date går också)`,
	},
	{
		name: "swedish aliases any order unknown columns ignored",
		input: "Datum;Kommentar;KVÅ;Ålder;Kön;Län;Förlopp;Rapporterande region;Remitterande region;ICD-10;Avsikt\n" +
			"2024-01-10;ring;vl210;54;k;14;F1;14;18;C71.9;Kurativ\n",
		want: []string{
			`ep "F1" x:2 region="14" sex="K" county="14" referring="18" diagnosis="C71.9" intent="kur" age=54 | 2:VL210:2024-01-10`,
			`rows 1`,
		},
	},
	{
		name:  "ascii swedish aliases",
		input: "FORLOPP;kva;datum;alder;kon;folkbokforingslan;remitterande_region;icd10;intention;episode_id_old\nE1;VL210;2024-01-10;54;m;01;03;C50;PAL;x\n",
		want: []string{
			`ep "E1" x:2 sex="M" county="01" referring="03" diagnosis="C50" intent="pal" age=54 | 2:VL210:2024-01-10`,
			`rows 1`,
		},
	},
	{
		name:  "two county columns",
		input: "förlopp;kod;datum;län;folkbokföringslän\n",
		err:   `x: kolumnerna "län" och "folkbokföringslän" ger båda län; välj den som ska läsas med --column län=RUBRIK, eller byt namn på eller ta bort den andra`,
	},
	{
		name:  "more aliases",
		input: "ID;Kod;DATE;Diagnos;Sex;County;Age;Region;Referring_Region;Intent\nE1;VL210;2024-01-10;C50;Kvinna;01;0;1;03;PALLIATIV\n",
		want: []string{
			`ep "E1" x:2 region="01" sex="K" county="01" referring="03" diagnosis="C50" intent="pal" age=0 | 2:VL210:2024-01-10`,
			`rows 1`,
		},
	},
	{
		// Rows that repeat the row before but for the code and date take
		// a short cut (fastRow); these are the rows it must not take,
		// or must take and then reject as the full check does: another
		// width of code or date, a code or date of the same width that
		// is wrong, one byte of an attribute changed, a lower-case code.
		name: "rows like the one before with another code and date",
		input: "episode;region;age;code;date;diagnosis\n" +
			"E1;01;54;VL210;2024-01-10;C71\n" +
			"E1;01;54;vl254;2024-02-20;C71\n" + // lower case: accepted, upper-cased
			"E1;01;54;VL2540;2024-02-20;C71\n" + // six characters
			"E1;01;54;VL2X4;2024-02-20;C71\n" + // same width, not a code
			"E1;01;54;VL244;2024-02-30;C71\n" + // same width, not a date
			"E1;01;54;VL244;2024/02/21;C71\n" + // same width, wrong separators
			"E1;01;54;VL244;20240221;C71\n" + // YYYYMMDD: another width, accepted
			"E1;01;54;VL290;20240222;C71\n" + // like the row before
			"E1;01;55;VL291;20240223;C71\n" + // another age
			"E1;03;54;VL292;20240224;C71\n" + // another region
			"E1;01;54;VL293;20240225;C72\n" + // another diagnosis
			"E1;01;54;VL2;4;20240226;C71\n" + // a separator in the code's place
			"E2;01;54;VL210;20240301;C71\n" + // another episode
			"E2;01;54;VL210;20240301;C71\n", // the very same row again
		want: []string{
			`reject x:4: kod: koden "VL2540" är ingen KVÅ-kod; en kod är V, två bokstäver eller siffror och två siffror, t.ex. VL210`,
			`reject x:5: kod: koden "VL2X4" är ingen KVÅ-kod; en kod är V, två bokstäver eller siffror och två siffror, t.ex. VL210`,
			`reject x:6: datum: datumet "2024-02-30" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`reject x:7: datum: "2024/02/21" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`reject x:10: ålder: ålder "55" skiljer sig från "54" på rad 2 i samma förlopp; ett förlopp har ett enda värde för ålder, rätta raderna`,
			`reject x:11: region: region "03" skiljer sig från "01" på rad 2 i samma förlopp; ett förlopp har ett enda värde för region, rätta raderna`,
			`reject x:12: diagnos: diagnos "C72" skiljer sig från "C71" på rad 2 i samma förlopp; ett förlopp har ett enda värde för diagnos, rätta raderna`,
			`reject x:13: raden har 7 fält men rubriken har 6 kolumner; kontrollera avgränsarna och citattecknen på raden`,
			`ep "E1" x:2 region="01" diagnosis="C71" age=54 | 2:VL210:2024-01-10 3:VL254:2024-02-20 8:VL244:2024-02-21 9:VL290:2024-02-22 | incomplete: x:4 x:5 x:6 x:7 x:10 x:11 x:12 x:13`,
			`ep "E2" x:14 region="01" diagnosis="C71" age=54 | 14:VL210:2024-03-01 15:VL210:2024-03-01`,
			`rows 14`,
		},
	},
	{
		name:  "bom crlf yyyymmdd",
		input: bom + "förlopp;kod;datum\r\nE1;VL210;20240110\r\nE1;VL260;20240229\r\n",
		want:  []string{`ep "E1" x:2 | 2:VL210:2024-01-10 3:VL260:2024-02-29`, `rows 2`},
	},
	{
		name:  "no final newline",
		input: "episode;code;date\nE1;VL210;2024-01-10",
		want:  []string{`ep "E1" x:2 | 2:VL210:2024-01-10`, `rows 1`},
	},
	{
		name:  "windows-1252 detected",
		input: inCP1252("förlopp;kvå;datum;diagnos;län\nE1;VL210;2024-01-10;Västra Götaland;18\nE2;VL210;2024-01-11;Region Örebro län;\n"),
		want: []string{
			`ep "E1" x:2 county="18" diagnosis="Västra Götaland" | 2:VL210:2024-01-10`,
			`ep "E2" x:3 diagnosis="Region Örebro län" | 3:VL210:2024-01-11`,
			`rows 2`,
		},
	},
	{
		name:  "windows-1252 forced",
		input: inCP1252("förlopp;kod;datum;diagnos\nE1;VL210;2024-01-10;Västra Götaland\n"),
		enc:   "Windows-1252",
		want:  []string{`ep "E1" x:2 diagnosis="Västra Götaland" | 2:VL210:2024-01-10`, `rows 1`},
	},
	{
		// Forcing Windows-1252 on UTF-8 reads what was asked for.
		name:  "windows-1252 forced on utf-8",
		input: "episode;code;date;diagnosis\nE1;VL210;2024-01-10;Västra\n",
		enc:   "windows-1252",
		want:  []string{`ep "E1" x:2 diagnosis="VÃ¤stra" | 2:VL210:2024-01-10`, `rows 1`},
	},
	{
		name:  "utf-8 forced on windows-1252",
		input: "episode;code;date;diagnosis\n" + inCP1252("E1;VL210;2024-01-10;Västra\nE1;VL260;2024-01-20;\n"),
		enc:   "utf-8",
		want: []string{
			`reject x:2: diagnos: raden är inte giltig UTF-8; är filen i Windows-1252? ange --encoding windows-1252`,
			`ep "E1" x:2 | 3:VL260:2024-01-20 | incomplete: x:2`,
			`rows 2`,
		},
	},
	{
		name:  "utf-8 forced on windows-1252 header",
		input: inCP1252("förlopp;kod;datum\nE1;VL210;2024-01-10\n"),
		enc:   "utf-8",
		err:   "x: rubrikraden saknar kolumn för förlopp (hittade \"f\\xf6rlopp\", \"kod\", \"datum\"); för \"f\\xf6rlopp\": menade du \"forlopp\"?; första raden ska namnge minst kolumnerna förlopp, kod och datum (episode, code och date går också); rubrikraden är inte giltig UTF-8: är filen i Windows-1252? ange --encoding windows-1252",
	},
	{
		name:  "unknown encoding",
		input: "episode;code;date\n",
		enc:   "latin1",
		err:   `x: teckenkodningen "latin1" är okänd; ange utf-8 eller windows-1252, eller utelämna den så att den känns igen`,
	},
	{
		name: "quoted fields",
		input: "episode;code;date;diagnosis;note\n" +
			`"E;1";"VL210";"2024-01-10";"C71.9 ""hjärna""";"a;b"` + "\n" +
			`"E;1" ; VL260 ;2024-02-01;  "C71.9 ""hjärna""" ;` + "\n" +
			`E2;VL210;2024-01-11;x"y;""` + "\n",
		want: []string{
			`ep "E;1" x:2 diagnosis="C71.9 \"hjärna\"" | 2:VL210:2024-01-10 3:VL260:2024-02-01`,
			`ep "E2" x:4 diagnosis="x\"y" | 4:VL210:2024-01-11`,
			`rows 3`,
		},
	},
	{
		// A value with line breaks (RFC 4180, an Excel cell of several
		// lines) in a column that is not used is one value: the row is
		// one row, numbered by its first line. Lines that together have
		// more fields than the header are no row: the first is rejected
		// alone and the others read as rows (two blank lines, and one
		// with text after a closing quote).
		name: "multi-line quoted field",
		input: "episode;code;date;note\n" +
			"E1;VL210;2024-01-10;\"first line\nsecond line\"\n" +
			"E1;VL260;2024-02-01;\"a;\r\n\r\n\"\"b\"\"\";\n" +
			"E1;VL270;2024-02-02;\n",
		want: []string{
			`reject x:4: citattecknet som öppnas i kolumn 4 (note) stängs inte så att raden blir hel (inom 20 rader, med lika många fält som rubriken och utan text efter citattecknet); raden avvisades och raderna efter den lästes som egna rader; stäng citattecknet eller ta bort det`,
			`reject x:6: kolumnen "episode" (kolumn 1) har text efter sitt stängande citattecken; skriv hela värdet inom citattecknen`,
			`ep "E1" x:2 | 2:VL210:2024-01-10 7:VL270:2024-02-02 | incomplete: x:4`,
			`rows 4`,
		},
	},
	{
		// The columns that are used never hold a line break: a quote
		// in one that does not close on its line is a rejected row of
		// one line, and the next line is a row of its own. The rest of
		// the value makes no episode `X"`.
		name: "multi-line quoted id",
		input: "episode;code;date;diagnosis\n" +
			"\"E1\nX\";VL210;2024-01-10;\"C71\n.9\"\n" +
			"E2;VL210;2024-01-11;C71\n",
		want: []string{
			`reject x:2: förlopp: citattecknet som öppnas i kolumn 1 (episode) stängs inte på raden, och den kolumnen kan inte ha radbrytningar; raden avvisades och nästa rad lästes som en egen rad; stäng citattecknet eller ta bort det`,
			`reject x:3: diagnos: citattecknet som öppnas i kolumn 4 (diagnosis) stängs inte på raden, och den kolumnen kan inte ha radbrytningar; raden avvisades och nästa rad lästes som en egen rad; stäng citattecknet eller ta bort det`,
			`reject x:4: raden har 1 fält men rubriken har 4 kolumner; kontrollera avgränsarna och citattecknen på raden`,
			`ep "E2" x:5 diagnosis="C71" | 5:VL210:2024-01-11`,
			`rows 4`,
		},
	},
	{
		// The line after the line break looks like a row of episode
		// `X"`; it is the rest of a value of the row before, which then
		// has too many fields. The first line is rejected alone, and the
		// second, read again, is no episode: an id has no quote.
		name: "multi-line quoted field, no invented episode",
		input: "episode;code;date;note\n" +
			"E1;VL210;2024-01-10;\"rad ett\nX\";VL260;2024-02-01;\n",
		want: []string{
			`reject x:2: citattecknet som öppnas i kolumn 4 (note) stängs inte så att raden blir hel (inom 20 rader, med lika många fält som rubriken och utan text efter citattecknet); raden avvisades och raderna efter den lästes som egna rader; stäng citattecknet eller ta bort det`,
			`reject x:3: förlopp: förlopps-id:t "X\"" innehåller ett citattecken, vilket ett id aldrig gör; raden är troligen slutet på ett värde inom citattecken på en rad före den; stäng citattecknet där, eller ta bort det`,
			`ep "E1" x:2 | | incomplete: x:2`,
			`rows 2`,
		},
	},
	{
		// A quote that does not close within maxRecordLines lines, or
		// before the end, makes its line a rejected row of its own, the
		// row of its episode, which is incomplete; the lines it would
		// have taken with it are read as the rows they are.
		name: "unclosed quote",
		input: "episode;code;date;note\n" +
			"E1;VL210;2024-01-10;\"open\n" + strings.Repeat("E2;VL210;2024-01-11;\n", maxRecordLines) +
			"E3;VL210;2024-01-12;\"open again\n" +
			"E3;VL260;2024-01-13;\n",
		want: []string{
			`reject x:2: citattecknet som öppnas i kolumn 4 (note) stängs inte så att raden blir hel (inom 20 rader, med lika många fält som rubriken och utan text efter citattecknet); raden avvisades och raderna efter den lästes som egna rader; stäng citattecknet eller ta bort det`,
			`ep "E1" x:2 | | incomplete: x:2`,
			`ep "E2" x:3 |` + func() string {
				evs := ""
				for r := 3; r <= 22; r++ {
					evs += fmt.Sprintf(" %d:VL210:2024-01-11", r)
				}
				return evs
			}(),
			`reject x:23: citattecknet som öppnas i kolumn 4 (note) stängs inte så att raden blir hel (inom 20 rader, med lika många fält som rubriken och utan text efter citattecknet); raden avvisades och raderna efter den lästes som egna rader; stäng citattecknet eller ta bort det`,
			`ep "E3" x:23 | 24:VL260:2024-01-13 | incomplete: x:23`,
			`rows 23`,
		},
	},
	{
		// A quote left open in an unused column headed like a field
		// (date, while --column took Händelsedatum for the date) names
		// no field: as date it would point at Händelsedatum.
		name:    "quote left open in an unused column headed like a field",
		columns: []ColumnMap{{Field: "date", Header: "Händelsedatum"}},
		input:   "episode;code;Händelsedatum;date\nE1;VL210;2024-01-10;\"x\nE1;VL254;2024-01-20;\n",
		want: []string{
			`reject x:2: ` + fmt.Sprintf(msg.InputQuoteOpen, 4, "date", maxRecordLines),
			`ep "E1" x:2 | 3:VL254:2024-01-20 | incomplete: x:2`,
			`rows 2`,
		},
	},
	{
		// Excel quotes every text value; one lacks its closing quote.
		// The quote of the next line's first value closes it, and the
		// text after that quote breaks the row: the line is rejected
		// alone and E2's rows are read.
		name: "excel quoting with a value left open",
		input: "episode;code;date;note\n" +
			`"E1";"VL210";"2024-01-10";"ring` + "\n" +
			`"E2";"VL210";"2024-01-11";""` + "\n" +
			`"E2";"VL254";"2024-02-11";""` + "\n" +
			`"E1";"VL254";"2024-02-12";""` + "\n",
		want: []string{
			`reject x:2: ` + fmt.Sprintf(msg.InputQuoteOpen, 4, "note", maxRecordLines),
			`ep "E1" x:2 | | incomplete: x:2`,
			`ep "E2" x:3 | 3:VL210:2024-01-11 4:VL254:2024-02-11`,
			`ep "E1" x:5 | 5:VL254:2024-02-12`,
			`rows 4`,
		},
	},
	{
		// A quote left open in a used column (the diagnosis) rejects its
		// line alone, at once, whatever follows: the episode's next row
		// is read, and the episode is incomplete. So is one left open
		// past the header's last column.
		name: "quote left open in a used column",
		input: "episode;code;date;diagnosis;note\n" +
			"E1;VL210;2024-01-10;\"C71;\n" +
			"E1;VL254;2024-02-10;C71;\"a\"\n" +
			"E2;VL210;2024-01-10;C71;;\"x\n" +
			"E2;VL254;2024-02-10;C71;\n",
		want: []string{
			`reject x:2: diagnos: ` + fmt.Sprintf(msg.InputQuoteNoBreak, 4, "diagnosis"),
			`ep "E1" x:2 diagnosis="C71" | 3:VL254:2024-02-10 | incomplete: x:2`,
			`reject x:4: ` + fmt.Sprintf(msg.InputQuoteBeyond, 6, 5),
			`ep "E2" x:4 diagnosis="C71" | 5:VL254:2024-02-10 | incomplete: x:4`,
			`rows 4`,
		},
	},
	{
		// A value of several lines before the id column: the id is read
		// from the row's last line, the row numbered by its first.
		name: "multi-line value before the id",
		input: "kommentar;episode;code;date\n" +
			"\"rad ett\nrad två\";E1;VL210;2024-01-10\n" +
			"\"öppen;E1;VL254;2024-02-10\n" +
			";E1;VL230;2024-02-11\n",
		want: []string{
			`reject x:4: ` + fmt.Sprintf(msg.InputQuoteOpen, 1, "kommentar", maxRecordLines),
			`ep "E1" x:2 | 2:VL210:2024-01-10 5:VL230:2024-02-11 | incomplete: x:4`,
			`rows 3`,
		},
	},
	{
		name: "row shape",
		input: "episode;code;date\n" +
			"E1;VL210\n" +
			"E1;VL210;2024-01-10;extra\n" +
			";;\n" +
			"  ;  ;\t\n" +
			"\n" +
			"   \n" +
			"E1;VL210;2024-01-10\n",
		want: []string{
			`reject x:2: raden har 2 fält men rubriken har 3 kolumner; kontrollera avgränsarna och citattecknen på raden`,
			`reject x:3: raden har 4 fält men rubriken har 3 kolumner; kontrollera avgränsarna och citattecknen på raden`,
			`ep "E1" x:3 | 8:VL210:2024-01-10 | incomplete: x:3`,
			`blank 2`,
			`rows 5`,
		},
	},
	{
		name:  "tab-separated line of tabs is a blank row",
		input: "episode\tcode\tdate\n\t\t\n \n",
		want: []string{
			`blank 1`,
			`rows 1`,
		},
	},
	{
		name: "field rejections",
		input: "episode;code;date;age;intent;sex\n" +
			" ;VL210;2024-01-10;;;\n" +
			"E1;;2024-01-10;;;\n" +
			"E1;VL26;2024-01-10;;;\n" +
			"E1;XL210;2024-01-10;;;\n" +
			"E1;VL2A0;2024-01-10;;;\n" +
			"E1;VL210;;;;\n" +
			"E1;VL210;2024-02-30;;;\n" +
			"E1;VL210;10/01/2024;;;\n" +
			"E1;VL210;2024-01-10;131;;\n" +
			"E1;VL210;2024-01-10;-1;;\n" +
			"E1;VL210;2024-01-10;54.5;;\n" +
			"E1;VL210;2024-01-10;;curative;\n" +
			"E1;VL210;2024-01-10;130;KUR;kvinna\n",
		want: []string{
			`reject x:2: förlopp: förlopps-id:t är tomt; varje rad behöver ett. Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: skriv förloppets id på raden (på alla förloppets rader, även om exporten bara skriver det på den första) och kör igen`,
			`reject x:3: kod: koden är tom; varje rad behöver en KVÅ-kod, t.ex. VL210`,
			`reject x:4: kod: koden "VL26" är ingen KVÅ-kod; en kod är V, två bokstäver eller siffror och två siffror, t.ex. VL210`,
			`reject x:5: kod: koden "XL210" är ingen KVÅ-kod; en kod är V, två bokstäver eller siffror och två siffror, t.ex. VL210`,
			`reject x:6: kod: koden "VL2A0" är ingen KVÅ-kod; en kod är V, två bokstäver eller siffror och två siffror, t.ex. VL210`,
			`reject x:7: datum: datumet är tomt; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`reject x:8: datum: datumet "2024-02-30" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`reject x:9: datum: datumet "10/01/2024" står med dagen eller månaden först, och det går inte att veta vilket; står dagen först (D/M/ÅÅÅÅ, som Excel med t.ex. brittiska inställningar skriver), ange --date-order dmy, eller skriv datumen som ÅÅÅÅ-MM-DD`,
			`reject x:10: ålder: åldern "131" är inget heltal från 0 till 130; skriv åldern i hela år, eller lämna tomt`,
			`reject x:11: ålder: åldern "-1" är inget heltal från 0 till 130; skriv åldern i hela år, eller lämna tomt`,
			`reject x:12: ålder: åldern "54.5" är inget heltal från 0 till 130; skriv åldern i hela år, eller lämna tomt`,
			`reject x:13: intention: behandlingsintentionen "curative" är varken kur eller pal; skriv kur (kurativ), pal (palliativ) eller lämna tomt`,
			`ep "E1" x:3 sex="K" intent="kur" age=130 | 14:VL210:2024-01-10 | incomplete: x:2 x:3 x:4 x:5 x:6 x:7 x:8 x:9 x:10 x:11 x:12 x:13`,
			`rows 13`,
		},
	},
	{
		// A well-formed code the guide does not know is the rules'
		// business, not the reader's.
		name:  "unknown but well-formed code",
		input: "episode;code;date\nE1; vx999 ;2024-01-10\n",
		want:  []string{`ep "E1" x:2 | 2:VX999:2024-01-10`, `rows 1`},
	},
	{
		name:  "long value is shortened in messages",
		input: "episode;code;date\nE1;VL210;" + strings.Repeat("9", 100) + "\n",
		want: []string{
			`reject x:2: datum: "` + strings.Repeat("9", 60) + `"… går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`ep "E1" x:2 | | incomplete: x:2`,
			`rows 1`,
		},
	},
	{
		// A row that cannot be split but whose episode id can be read
		// is missing from that episode: it is incomplete, not judged.
		name:  "text after a closing quote in an episode",
		input: "episode;code;date;note\nE1;VL210;2024-01-01;\nE1;VL215;2024-01-02;\"a\"x\nE1;VL254;2024-01-10;\n",
		want: []string{
			`reject x:3: kolumnen "note" (kolumn 4) har text efter sitt stängande citattecken; skriv hela värdet inom citattecknen`,
			`ep "E1" x:2 | 2:VL210:2024-01-01 4:VL254:2024-01-10 | incomplete: x:3`,
			`rows 3`,
		},
	},
	{
		// A formula pasted without quotes around it: its ";" splits the
		// row into more pieces than the header has columns, and the
		// reason names the column it was written in, by its header, not
		// the piece beyond the header (issue 13).
		name:  "quote in a value without quotes",
		input: "episode;code;date;Klinik\nE1;VL210;2024-01-01;\nE1;VL215;2024-01-02;=HYPERLINK(\"http://x\";\"y\")\nE1;VL254;2024-01-10;\n",
		want: []string{
			`reject x:3: kolumnen "Klinik" (kolumn 4) har ett värde med citattecken men utan citattecken runt sig, och ett ";" i det delar raden; skriv hela värdet inom citattecken och citattecknen i det dubbla ("")`,
			`ep "E1" x:2 | 2:VL210:2024-01-01 4:VL254:2024-01-10 | incomplete: x:3`,
			`rows 3`,
		},
	},
	{
		name:  "text after a closing quote beyond the header",
		input: "episode;code;date\nE1;VL210;2024-01-01\nE1;VL215;2024-01-02;\"a\"x\nE1;VL254;2024-01-10\n",
		want: []string{
			`reject x:3: fält 4 på raden (rubriken har 3 kolumner) har text efter sitt stängande citattecken; kontrollera avgränsarna och citattecknen på raden`,
			`ep "E1" x:2 | 2:VL210:2024-01-01 4:VL254:2024-01-10 | incomplete: x:3`,
			`rows 3`,
		},
	},
	{
		name:  "nul in a later row",
		input: "episode;code;date\nE1;VL210;2024-01-10\n" + strings.Repeat("E1;VL210;2024-01-10\n", 300) + "E1;VL\x00210;2024-01-10\n",
		want: func() []string {
			evs := ""
			for r := 2; r <= 302; r++ {
				evs += fmt.Sprintf(" %d:VL210:2024-01-10", r)
			}
			return []string{
				`reject x:303: raden innehåller en NUL-byte, vilket text aldrig gör; filen kan vara skadad, exportera den igen`,
				`ep "E1" x:2 |` + evs + ` | incomplete: x:303`,
				`rows 302`,
			}
		}(),
	},
	{
		// The reader emits one run per stretch of adjacent rows; the
		// evaluator merges runs of one id. A rejected row does not
		// break a run.
		name: "non-adjacent rows",
		input: "episode;code;date\n" +
			"E1;VL210;2024-01-10\n" +
			"E2;VL210;2024-01-11\n" +
			"E1;VL260;2024-02-01\n" +
			"E2;VL2;2024-02-01\n" +
			"E1;VL230;2024-02-02\n",
		want: []string{
			`ep "E1" x:2 | 2:VL210:2024-01-10`,
			`ep "E2" x:3 | 3:VL210:2024-01-11`,
			`ep "E1" x:4 | 4:VL260:2024-02-01`,
			`reject x:5: kod: koden "VL2" är ingen KVÅ-kod; en kod är V, två bokstäver eller siffror och två siffror, t.ex. VL210`,
			`ep "E2" x:5 | | incomplete: x:5`,
			`ep "E1" x:6 | 6:VL230:2024-02-02`,
			`rows 5`,
		},
	},
	{
		name: "attribute conflicts",
		input: "episode;code;date;region;age;sex;county;referring_region;diagnosis;intent\n" +
			"E1;VL210;2024-01-10;;;;;;;\n" +
			"E1;VL230;2024-01-11;01;54;k;;;;kur\n" +
			"E1;VL240;2024-01-12;03;;;;;;\n" +
			"E1;VL240;2024-01-13;01;55;;;;;\n" +
			"E1;VL240;2024-01-14;;54;M;;;;\n" +
			"E1;VL240;2024-01-15;;;;;;;pal\n" +
			"E1;VL250;2024-01-16;01;054;K;14;05;C50;Kurativ\n" +
			"E1;VL240;2024-01-17;;;;13;;;\n" +
			"E1;VL240;2024-01-18;;;;;06;;\n" +
			"E1;VL240;2024-01-19;;;;;;C51;\n" +
			"E2;VL210;2024-01-20;03;;;;;;\n",
		want: []string{
			`reject x:4: region: region "03" skiljer sig från "01" på rad 3 i samma förlopp; ett förlopp har ett enda värde för region, rätta raderna`,
			`reject x:5: ålder: ålder "55" skiljer sig från "54" på rad 3 i samma förlopp; ett förlopp har ett enda värde för ålder, rätta raderna`,
			`reject x:6: kön: kön "M" skiljer sig från "K" på rad 3 i samma förlopp; ett förlopp har ett enda värde för kön, rätta raderna`,
			`reject x:7: intention: intention "pal" skiljer sig från "kur" på rad 3 i samma förlopp; ett förlopp har ett enda värde för intention, rätta raderna`,
			`reject x:9: län: län "13" skiljer sig från "14" på rad 8 i samma förlopp; ett förlopp har ett enda värde för län, rätta raderna`,
			`reject x:10: remitterande region: remitterande region "06" skiljer sig från "05" på rad 8 i samma förlopp; ett förlopp har ett enda värde för remitterande region, rätta raderna`,
			`reject x:11: diagnos: diagnos "C51" skiljer sig från "C50" på rad 8 i samma förlopp; ett förlopp har ett enda värde för diagnos, rätta raderna`,
			`ep "E1" x:2 region="01" sex="K" county="14" referring="05" diagnosis="C50" intent="kur" age=54 | 2:VL210:2024-01-10 3:VL230:2024-01-11 8:VL250:2024-01-16 | incomplete: x:4 x:5 x:6 x:7 x:9 x:10 x:11`,
			`ep "E2" x:12 region="03" | 12:VL210:2024-01-20`,
			`rows 11`,
		},
	},
	{
		// The values of a run's first row are the run's (builder.add
		// takes them without looking for a contradiction): a later row
		// is checked against them and names that row.
		name: "values of a run's first row",
		input: "episode;code;date;region;age;sex;intent\n" +
			"E1;VL210;2024-01-10;01;54;k;kur\n" +
			"E1;VL230;2024-01-11;01;55;K;\n" +
			"E1;VL240;2024-01-12;;;;pal\n" +
			"E2;VL210;2024-01-13;;;M;\n" +
			"E2;VL230;2024-01-14;03;;;\n",
		want: []string{
			`reject x:3: ålder: ålder "55" skiljer sig från "54" på rad 2 i samma förlopp; ett förlopp har ett enda värde för ålder, rätta raderna`,
			`reject x:4: intention: intention "pal" skiljer sig från "kur" på rad 2 i samma förlopp; ett förlopp har ett enda värde för intention, rätta raderna`,
			`ep "E1" x:2 region="01" sex="K" intent="kur" age=54 | 2:VL210:2024-01-10 | incomplete: x:3 x:4`,
			`ep "E2" x:5 region="03" sex="M" | 5:VL210:2024-01-13 6:VL230:2024-01-14`,
			`rows 5`,
		},
	},
	{
		// The row is rejected as a whole: its new diagnosis is not kept
		// either.
		name: "conflicting row adds nothing",
		input: "episode;code;date;region;diagnosis\n" +
			"E1;VL210;2024-01-10;01;\n" +
			"E1;VL260;2024-01-11;03;C50\n",
		want: []string{
			`reject x:3: region: region "03" skiljer sig från "01" på rad 2 i samma förlopp; ett förlopp har ett enda värde för region, rätta raderna`,
			`ep "E1" x:2 region="01" | 2:VL210:2024-01-10 | incomplete: x:3`,
			`rows 2`,
		},
	},
	{
		// Rows that repeat the attributes of the row before take a
		// short cut; it must see what the long way sees.
		name: "repeated attributes",
		input: "episode;code;region;date;sex;diagnosis\n" +
			"E1;VL210;01;2024-01-10;k;C50\n" +
			"E1;VL220;01;2024-01-11;k;C50\n" +
			"E1;VL230;03;2024-01-12;k;C50\n" +
			"E1;VL240;01;2024-01-13;k;C50\n" +
			"E1;VL250;;2024-01-14;;\n" +
			"E1;VL260;;2024-01-15;;\n" +
			"E2;VL210;;2024-01-15;;\n" +
			"E2;VL220;01;2024-01-16;;\n" +
			"E2;VL230;01;2024-01-16;;\n",
		want: []string{
			`reject x:4: region: region "03" skiljer sig från "01" på rad 2 i samma förlopp; ett förlopp har ett enda värde för region, rätta raderna`,
			`ep "E1" x:2 region="01" sex="K" diagnosis="C50" | 2:VL210:2024-01-10 3:VL220:2024-01-11 5:VL240:2024-01-13 6:VL250:2024-01-14 7:VL260:2024-01-15 | incomplete: x:4`,
			`ep "E2" x:8 region="01" | 8:VL210:2024-01-15 9:VL220:2024-01-16 10:VL230:2024-01-16`,
			`rows 9`,
		},
	},
	{
		// Joined again, the values of a row with quotes could read as
		// other values: such rows take the long way.
		name: "repeated attributes with quotes",
		input: "episode;code;date;diagnosis;county\n" +
			"E1;VL210;2024-01-10;\"a;1\";4\n" +
			"E1;VL220;2024-01-11;a;\"1;4\"\n" +
			"E1;VL230;2024-01-12;a;\"1;4\"\n",
		want: []string{
			`reject x:3: län: länet "1;4" är ingen länskod och inget länsnamn; giltiga koder är 01 03 04 05 06 07 08 09 10 12 13 14 17 18 19 20 21 22 23 24 25 (en inledande nolla får saknas: 1 läses som 01), eller skriv länets namn (Stockholms län, Stockholm)`,
			`reject x:4: län: länet "1;4" är ingen länskod och inget länsnamn; giltiga koder är 01 03 04 05 06 07 08 09 10 12 13 14 17 18 19 20 21 22 23 24 25 (en inledande nolla får saknas: 1 läses som 01), eller skriv länets namn (Stockholms län, Stockholm)`,
			`ep "E1" x:2 county="04" diagnosis="a;1" | 2:VL210:2024-01-10 | incomplete: x:3 x:4`,
			`rows 3`,
		},
	},
	{
		// macOS may write "ö" as "o" and a combining diaeresis.
		name:  "decomposed header",
		input: "fo\u0308rlopp;kva\u030a;datum;la\u0308n\nE1;VL210;2024-01-10;01\n",
		want:  []string{`ep "E1" x:2 county="01" | 2:VL210:2024-01-10`, `rows 1`},
	},
	{
		name:  "missing column with did-you-mean",
		input: "forlop;kod;datum\nE1;VL210;2024-01-10\n",
		err:   `x: rubrikraden saknar kolumn för förlopp (hittade "forlop", "kod", "datum"); är det kolumnen "forlop"? ange då --column förlopp=forlop; första raden ska namnge minst kolumnerna förlopp, kod och datum (episode, code och date går också)`,
	},
	{
		name:  "missing columns",
		input: "patient;datum;kommentar\n",
		err:   `x: rubrikraden saknar kolumn för förlopp och kod (hittade "patient", "datum", "kommentar"); första raden ska namnge minst kolumnerna förlopp, kod och datum (episode, code och date går också)`,
	},
	{
		name:  "unknown separator",
		input: "episode|code|date\nE1|VL210|2024-01-10\n",
		err:   `x: rubrikraden saknar kolumn för förlopp, kod och datum (hittade "episode|code|date"); första raden ska namnge minst kolumnerna förlopp, kod och datum (episode, code och date går också), åtskilda av ; eller , eller tabb`,
	},
	{
		name:  "duplicate column",
		input: "episode;code;date;kod\n",
		err:   `x: kolumnerna "code" och "kod" ger båda kod; välj den som ska läsas med --column kod=RUBRIK, eller byt namn på eller ta bort den andra`,
	},
	{
		name:  "header only",
		input: "episode;code;date\r\n",
		want:  []string{`rows 0`},
	},
	{
		name:  "blank lines before the header",
		input: "\n  \r\nepisode;code;date\nE1;VL210;2024-01-10\n",
		want:  []string{`ep "E1" x:4 | 4:VL210:2024-01-10`, `rows 1`},
	},
	{
		name:  "empty input",
		input: "",
		err:   `x är tom: den har ingen rubrikrad; första raden ska namnge kolumnerna, t.ex. förlopp;kod;datum`,
	},
	{
		name:  "blank input with bom",
		input: bom + "\r\n \n",
		err:   `x är tom: den har ingen rubrikrad; första raden ska namnge kolumnerna, t.ex. förlopp;kod;datum`,
	},
	{
		name:  "nul bytes",
		input: "episode;code;date\x00\x00\x00",
		err:   `x innehåller NUL-byte och är alltså ingen textfil (och ingen .xlsx-arbetsbok); spara exporten som CSV UTF-8 (i Excel: Spara som, CSV UTF-8) eller som .xlsx`,
	},
	{
		name:  "the start of a ZIP (an xlsx workbook) cut short",
		input: "PK\x03\x04\x14\x00\x06\x00",
		err:   `x: filen börjar som en zip-fil (som .xlsx) men är trasig; spara den igen som .xlsx eller som CSV UTF-8`,
	},
	{
		name:  "utf-16",
		input: "\xFF\xFEe\x00p\x00",
		err:   `x är text i UTF-16, som inte kan läsas; spara den som CSV UTF-8 (i Excel: Spara som, CSV UTF-8) eller som .xlsx`,
	},
	{
		name:  "cr line endings",
		input: "episode;code;date\rE1;VL210;2024-01-10\r",
		err:   `x: raderna slutar med bara CR (ett gammalt Mac-format), så filen läses som en enda rad; spara den igen som CSV UTF-8`,
	},
	{
		name:  "unclosed quote in header",
		input: "\"episode;code;date\nE1;VL210;2024-01-10\n",
		err:   `x: ett citattecken i rubrikraden stängs inte; rätta första raden, som ska namnge kolumnerna`,
	},
	// JSON Lines.
	{
		name: "jsonl",
		input: bom + ` {"episode":"E1","region":"01","age":54,"sex":"k","county":"01","referring_region":"03","diagnosis":"C71.9","intent":"kur","events":[{"code":"VL210","date":"2024-01-10"},{"code":"vl260","date":"20240201"}]}` + "\r\n" +
			"\n" +
			`{"episode":"E1","region":"01","age":"54","intent":"Kurativ","events":[{"code":"VL230","date":"2024-02-02"}],"extra":{"x":[1]}}` + "\n" +
			`{"EPISODE":12,"Age":null,"events":[{"code":"VL210","date":"2024-03-01"}]}` + "\n",
		want: []string{
			`ep "E1" x:1 region="01" sex="K" county="01" referring="03" diagnosis="C71.9" intent="kur" age=54 | 1:VL210:2024-01-10 1:VL260:2024-02-01 3:VL230:2024-02-02`,
			`ep "12" x:4 | 4:VL210:2024-03-01`,
			`rows 3`,
		},
	},
	{
		name: "jsonl rejections",
		input: `{"episode":"E1","events":[{"code":"VL210","date":"2024-01-10"}]}` + "\n" +
			`{"episode":"E1","events":[{"code":"VL210","date":"2024-01-10"},` + "\n" +
			`{"episode":"E1","events":[{"code":"VL210","date":"2024-01-10"}]} x` + "\n" +
			`["E1"]` + "\n" +
			`{"episode":"E1","events":"VL210"}` + "\n" +
			`{"episode":"E1","events":[1]}` + "\n" +
			`{"episode":true,"events":[]}` + "\n" +
			`{"episode":"","events":[{"code":"VL210","date":"2024-01-10"}]}` + "\n" +
			`{"episode":"E1","events":[]}` + "\n" +
			`{"episode":"E1"}` + "\n" +
			`{"episode":"E1","events":[{"code":"VL210","date":"2024-01-10"},{"code":"VL26","date":"2024-01-10"}]}` + "\n" +
			`{"episode":"E1","events":[{"code":"VL210","date":"2024-01-10"},{"code":"VL260"},{"code":"VL260","date":"x"}]}` + "\n" +
			`{"episode":"E1","age":"54 years","events":[{"code":"VL210","date":"2024-01-10"}]}` + "\n" +
			`{"episode":"E1","age":54.0,"events":[{"code":"VL210","date":"2024-01-10"}]}` + "\n" +
			`{"episode":"E1","intent":"kurera","events":[{"code":"VL210","date":"2024-01-10"}]}` + "\n" +
			`{"episode":"E1","region":"3","events":[{"code":"VL260","date":"2024-01-20"}]}` + "\n" +
			`{"episode":"E1","region":"04","events":[{"code":"VL260","date":"2024-01-21"}]}` + "\n" +
			"not json\n",
		want: []string{
			`reject x:2: raden är inte giltig JSON (fel vid tecken 63); varje rad ska vara ett helt JSON-objekt`,
			`reject x:3: raden är inte giltig JSON (fel vid tecken 66); varje rad ska vara ett helt JSON-objekt`,
			`reject x:4: raden är en lista i JSON; varje rad ska vara ett JSON-objekt, som {"episode": "E1", "events": [...]}`,
			`reject x:5: "events" är en text i JSON men ska vara en lista`,
			`reject x:6: "events" är ett tal i JSON men ska vara ett objekt`,
			`reject x:7: "episode" är ett sanningsvärde (true/false) i JSON men ska vara en text eller ett tal`,
			`reject x:8: förlopp: förlopps-id:t är tomt eller saknas; varje rad behöver "episode". Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: ange förloppets id i "episode" och kör igen`,
			`reject x:9: events: förloppet har inga händelser; ange dess koder och datum i "events"`,
			`reject x:10: events: förloppet har inga händelser; ange dess koder och datum i "events"`,
			`reject x:11: events[1].code: koden "VL26" är ingen KVÅ-kod; en kod är V, två bokstäver eller siffror och två siffror, t.ex. VL210`,
			`reject x:12: events[1].date: datumet är tomt; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`reject x:13: ålder: åldern "54 years" är inget heltal från 0 till 130; skriv åldern i hela år, eller lämna tomt`,
			`reject x:14: ålder: åldern "54.0" är inget heltal från 0 till 130; skriv åldern i hela år, eller lämna tomt`,
			`reject x:15: intention: behandlingsintentionen "kurera" är varken kur eller pal; skriv kur (kurativ), pal (palliativ) eller lämna tomt`,
			`reject x:17: region: region "04" skiljer sig från "03" på rad 16 i samma förlopp; ett förlopp har ett enda värde för region, rätta raderna`,
			`reject x:18: raden är inte giltig JSON (fel vid tecken 2); varje rad ska vara ett helt JSON-objekt`,
			`ep "E1" x:1 region="03" | 1:VL210:2024-01-10 16:VL260:2024-01-20 | incomplete: x:8 x:9 x:10 x:11 x:12 x:13 x:14 x:15 x:17`,
			`rows 18`,
		},
	},
	{
		name:  "jsonl windows-1252 detected",
		input: inCP1252(`{"episode":"E1","diagnosis":"Västra Götaland","events":[{"code":"VL210","date":"2024-01-10"}]}` + "\n"),
		want:  []string{`ep "E1" x:1 diagnosis="Västra Götaland" | 1:VL210:2024-01-10`, `rows 1`},
	},
	{
		name:  "jsonl utf-8 forced on windows-1252",
		input: inCP1252(`{"episode":"E1","region":"Örebro","events":[{"code":"VL210","date":"2024-01-10"}]}` + "\n"),
		enc:   "utf-8",
		want: []string{
			`reject x:1: raden är inte giltig UTF-8; är filen i Windows-1252? ange --encoding windows-1252`,
			`rows 1`,
		},
	},
}

func TestReadInput(t *testing.T) {
	for _, c := range readCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := read(t, "x", c.input, Options{Encoding: c.enc, Columns: c.columns})
			if c.err != "" {
				if err == nil || err.Error() != c.err {
					t.Fatalf("error\n got: %v\nwant: %s", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestReadFiles reads the example files in testdata/read, which look like
// real exports.
func TestReadFiles(t *testing.T) {
	cases := []struct {
		file string
		want []string
	}{
		{"excel_sv.csv", []string{
			`ep "A-1" excel_sv.csv:2 region="14" sex="K" county="14" diagnosis="C71.9" intent="kur" age=54 | 2:VL210:2024-01-10 3:VL230:2024-01-15 4:VL260:2024-02-01`,
			`reject excel_sv.csv:7: kod (kolumnen "KVÅ"): koden "VL26" är ingen KVÅ-kod; en kod är V, två bokstäver eller siffror och två siffror, t.ex. VL210`,
			`ep "B-2" excel_sv.csv:6 region="18" sex="M" county="18" intent="pal" age=71 | 6:VL210:2024-03-01 | incomplete: excel_sv.csv:7`,
			`rows 5`,
		}},
		{"comma.csv", []string{
			`reject comma.csv:3: datum: datumet "2024-02-30" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`ep "E1" comma.csv:2 region="01" sex="K" age=54 | 2:VL210:2024-01-10 | incomplete: comma.csv:3`,
			`ep "E2" comma.csv:4 region="03" sex="M" | 4:VL210:2024-01-11 5:VL260:2024-01-20`,
			`rows 4`,
		}},
		{"tabs.tsv", []string{
			`ep "E1" tabs.tsv:2 intent="pal" | 2:VL210:2024-01-10 3:VL260:2024-01-31`,
			`rows 2`,
		}},
		{"episodes.jsonl", []string{
			`ep "E1" episodes.jsonl:1 region="01" sex="K" county="01" referring="03" diagnosis="C71.9" intent="kur" age=54 | 1:VL210:2024-01-10 1:VL260:2024-02-01`,
			`reject episodes.jsonl:3: events[1].date: datumet "2024-02-30" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
			`ep "E2" episodes.jsonl:3 | | incomplete: episodes.jsonl:3`,
			`reject episodes.jsonl:5: raden är inte giltig JSON (fel vid tecken 2); varje rad ska vara ett helt JSON-objekt`,
			`ep "E3" episodes.jsonl:4 | 4:VL210:2024-01-10`,
			`rows 4`,
		}},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "read", c.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := read(t, c.file, string(data), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestReadAccounting: every data row is in an episode or rejected, and
// blank lines are not data rows.
func TestReadAccounting(t *testing.T) {
	var in strings.Builder
	in.WriteString("förlopp;kod;datum;ålder\n")
	good, bad, other := 0, 0, 0
	for i := range 1000 {
		switch i % 7 {
		case 0:
			in.WriteString("\n") // not a row
		case 1:
			fmt.Fprintf(&in, "E%d;VL21;2024-01-10;\n", i/10)
			bad++
		case 2:
			fmt.Fprintf(&in, "E%d;VL210;2024-13-10;\n", i/10)
			bad++
		case 3:
			fmt.Fprintf(&in, "E%d;VL210;2024-01-10;%d\n", i/10, i%3) // age conflicts within an episode
			other++
		default:
			fmt.Fprintf(&in, "E%d;VL%d;2024-01-10;\n", i/10, 200+i%7)
			good++
		}
	}
	var s logSink
	if err := Read(context.Background(), "acc.csv", strings.NewReader(in.String()), Options{}, &s); err != nil {
		t.Fatal(err)
	}
	for _, p := range s.problems {
		t.Error(p)
	}
	if want := good + bad + other; s.rows != want {
		t.Errorf("%d data rows, want %d", s.rows, want)
	}
	if s.accepted+s.rejected != s.rows {
		t.Errorf("%d data rows but %d in episodes and %d rejected", s.rows, s.accepted, s.rejected)
	}
	if s.accepted < good || s.rejected < bad {
		t.Errorf("accepted %d (at least %d expected), rejected %d (at least %d expected)", s.accepted, good, s.rejected, bad)
	}
}

// TestReadLongLine: a line longer than the read buffer is read whole,
// and one longer than maxLine is rejected without losing what follows.
func TestReadLongLine(t *testing.T) {
	long := strings.Repeat("x", bufSize*2)
	huge := strings.Repeat("y", maxLine+10)
	in := "episode;code;date;note\n" +
		"E1;VL210;2024-01-10;" + long + "\n" +
		"E1;VL260;2024-01-20;" + huge + "\n" +
		"E1;VL230;2024-01-21;\n"
	got, err := read(t, "x", in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`reject x:3: raden är längre än 16 MiB och lästes inte; saknas en radbrytning?`,
		`ep "E1" x:2 | 2:VL210:2024-01-10 4:VL230:2024-01-21`,
		`rows 3`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadError: a failing reader is an error that wraps the cause.
func TestReadError(t *testing.T) {
	cause := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader("episode;code;date\nE1;VL210;2024-01-10\n"), iotest.ErrReader(cause))
	err := Read(context.Background(), "x.csv", r, Options{}, &logSink{})
	if !errors.Is(err, cause) {
		t.Fatalf("got %v, want it to wrap %v", err, cause)
	}
	if want := "kan inte läsa x.csv: disk on fire; kontrollera att filen finns, går att läsa och är hel"; err.Error() != want {
		t.Errorf("got %q\nwant %q", err, want)
	}
	// Small reads change nothing.
	got, err := func() ([]string, error) {
		var s logSink
		err := Read(context.Background(), "x", iotest.OneByteReader(strings.NewReader(bom+"episode;code;date\r\nE1;VL210;2024-01-10\r\n")), Options{}, &s)
		return s.log, err
	}()
	if err != nil || len(got) != 1 || got[0] != `ep "E1" x:2 | 2:VL210:2024-01-10` {
		t.Errorf("one byte at a time: %q, %v", got, err)
	}
}

// benchCSV is an export of n rows, about six per episode, with the
// columns a regional export has.
func benchCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("förlopp;kod;datum;region;ålder;kön;län;diagnos;avsikt\r\n")
	codes := []string{"VL210", "VL220", "VL230", "VL240", "VL250", "VL260"}
	for i := range n {
		ep := i / 6
		// Region and county are the 21 county codes, 01 to 25.
		fmt.Fprintf(&b, "%d-%07d;%s;2024-%02d-%02d;%s;%d;%s;%s;C%02d.%d;%s\r\n",
			10+ep%21, ep, codes[i%6], 1+ep%12, 1+i%6*4, countyCodes[benchCounties[ep%21]], 20+ep%70, []string{"K", "M"}[ep%2], countyCodes[benchCounties[ep%21]], ep%100, ep%10, []string{"", "kur", "pal"}[ep%3])
	}
	return b.Bytes()
}

// benchCounties are the numbers of the 21 county codes.
var benchCounties = []int{1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 17, 18, 19, 20, 21, 22, 23, 24, 25}

type countSink struct{ rows, events, rejected int }

func (s *countSink) DataRow()            { s.rows++ }
func (s *countSink) Reject(Rejection)    { s.rejected++ }
func (s *countSink) Episode(ep *Episode) { s.events += len(ep.Events) }

// BenchmarkReadCSV reads 200 000 rows. It reports rows/s, ns/row and
// allocs/row besides the per-read figures.
func BenchmarkReadCSV(b *testing.B) {
	const n = 200_000
	data := benchCSV(n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	b.ResetTimer()
	for b.Loop() {
		var s countSink
		if err := Read(context.Background(), "bench.csv", bytes.NewReader(data), Options{}, &s); err != nil {
			b.Fatal(err)
		}
		if os.Getenv("EXP") == "" && (s.events != n || s.rows != n) {
			b.Fatalf("%d rows, %d events, %d rejected", s.rows, s.events, s.rejected)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&ms1)
	rows := float64(n) * float64(b.N)
	b.ReportMetric(rows/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/rows, "ns/row")
	b.ReportMetric(float64(ms1.Mallocs-ms0.Mallocs)/rows, "allocs/row")
}

// BenchmarkEncodingCSV is the yardstick: encoding/csv only reading the
// same rows, doing nothing with them, with a new record per row and with
// one record reused (as testdata/bench/baseline does).
func BenchmarkEncodingCSV(b *testing.B) {
	const n = 200_000
	data := benchCSV(n)
	for _, reuse := range []bool{false, true} {
		b.Run(map[bool]string{false: "new", true: "reuse"}[reuse], func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				r := csv.NewReader(bytes.NewReader(data))
				r.Comma = ';'
				r.ReuseRecord = reuse
				rows := 0
				for {
					_, err := r.Read()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					rows++
				}
				if rows != n+1 {
					b.Fatal(rows)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n)/float64(b.N), "ns/row")
		})
	}
}

// BenchmarkReadFile reads the file named by $SVF_READ_BENCH, e.g. one
// written by testdata/synth; without it the benchmark is skipped.
func BenchmarkReadFile(b *testing.B) {
	name := os.Getenv("SVF_READ_BENCH")
	if name == "" {
		b.Skip("set SVF_READ_BENCH to a CSV or JSON Lines file")
	}
	var rows int
	for b.Loop() {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		var s countSink
		err = Read(context.Background(), name, f, Options{}, &s)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		rows = s.rows
	}
	total := float64(rows) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/row")
}

// TestReadLongRecord: a quoted value whose lines together would pass
// maxLine makes no row of them: its first line is rejected alone and the
// others are read again as rows, as is the line that would pass it; a
// line longer than maxLine ends an open row too. One goroutine and
// several read the same.
func TestReadLongRecord(t *testing.T) {
	mb := strings.Repeat("z", 1<<20)
	var b strings.Builder
	b.WriteString("episode;code;date;note\n")
	b.WriteString("E1;VL210;2024-01-10;\"open\n") // line 2
	for range maxLine >> 20 {                     // lines 3 to 18: 16 MiB and more
		b.WriteString(mb + "\n")
	}
	b.WriteString("E1;VL230;2024-01-21;\n")       // line 19
	b.WriteString("E2;VL210;2024-01-10;\"open\n") // line 20
	b.WriteString(strings.Repeat("y", maxLine+10) + "\n")
	b.WriteString("E2;VL230;2024-01-21;\n") // line 22
	in := b.String()
	open := fmt.Sprintf(msg.InputQuoteOpen, 4, "note", maxRecordLines)
	want := []string{`reject x:2: ` + open}
	for line := 3; line <= 18; line++ {
		want = append(want, fmt.Sprintf(`reject x:%d: raden har 1 fält men rubriken har 4 kolumner; kontrollera avgränsarna och citattecknen på raden`, line))
	}
	want = append(want,
		`ep "E1" x:2 | 19:VL230:2024-01-21 | incomplete: x:2`,
		`reject x:20: `+open,
		`reject x:21: raden är längre än 16 MiB och lästes inte; saknas en radbrytning?`,
		`ep "E2" x:20 | 22:VL230:2024-01-21 | incomplete: x:20`,
		`rows 21`,
	)
	for _, workers := range []int{1, 3} {
		got, err := read(t, "x", in, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%d workers: got:\n%s\nwant:\n%s", workers, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestOpenQuoteInBlocks: quotes left open all over a larger file, in a
// column that is not used (note: it may hold line breaks, so the reader
// looks up to maxRecordLines lines ahead) and in one that is (diagnosis).
// No line is taken into another row: every line is a row, each line with
// an open quote is rejected and makes its episode incomplete, and no
// other episode is. Blocks of any size on several goroutines, with the
// block edges inside the lines an open quote looks at, read the same as
// one goroutine (fuzzRead).
func TestOpenQuoteInBlocks(t *testing.T) {
	var in strings.Builder
	in.WriteString("episode;code;date;note;diagnosis\n")
	const lines = 400
	open := map[string]bool{} // episodes with a line with an open quote
	for i := range lines {
		id := fmt.Sprintf("E%d", i/3)
		code := fmt.Sprintf("VL2%d%d", 1+i%3, i%10)
		switch {
		case i%29 == 4:
			fmt.Fprintf(&in, "%s;%s;2024-01-10;\"ring;C71\n", id, code)
			open[id] = true
		case i%13 == 7:
			fmt.Fprintf(&in, "%s;%s;2024-01-10;;\"C71\n", id, code)
			open[id] = true
		default:
			fmt.Fprintf(&in, "%s;%s;2024-01-10;;C71\n", id, code)
		}
	}
	input := in.String()
	var s logSink
	if err := Read(context.Background(), "x", strings.NewReader(input), Options{}, &s); err != nil {
		t.Fatal(err)
	}
	for _, p := range s.problems {
		t.Error(p)
	}
	if s.rows != lines || s.accepted != lines-len(open) || s.rejected != len(open) {
		t.Errorf("%d lines: %d rows, %d in episodes, %d rejected; want every line a row and %d rejected", lines, s.rows, s.accepted, s.rejected, len(open))
	}
	for _, l := range s.log {
		if !strings.HasPrefix(l, "ep ") {
			continue
		}
		id := strings.Fields(l)[1]
		if id = strings.Trim(id, `"`); strings.Contains(l, "incomplete:") != open[id] {
			t.Errorf("episode %s: incomplete is %t, want %t: %s", id, !open[id], open[id], l)
		}
	}
	fuzzRead(t, input, 0, false)
}

// TestQuietEndCuts: a block may end after maxRecordLines+1 lines without
// a quote (quietEnd) however the lines before it are read; here rows of
// several lines of every length up to one line too many (which is no
// row: its lines are read again one by one) and values that stay open
// until the end come before runs of plain rows of every length around
// that bound. Blocks of every size read as one goroutine does, and the
// quiet end does cut some of them.
func TestQuietEndCuts(t *testing.T) {
	var in strings.Builder
	in.WriteString("episode;code;date;note\n")
	ep := 0
	row := func(note string) {
		fmt.Fprintf(&in, "E%d;VL2%02d;2024-01-10;%s\n", ep/4, 10+ep%40, note)
		ep++
	}
	for n := 1; n <= maxRecordLines+1; n++ {
		row(`"open`)
		for range n - 2 {
			in.WriteString("more\n")
		}
		if n > 1 {
			in.WriteString(`closed"` + "\n")
		}
		for range maxRecordLines - 2 + n%5 {
			row("x")
		}
	}
	input := in.String()
	s := newCheckSink(t, input, false)
	if err := Read(context.Background(), "f", strings.NewReader(input), Options{}, s); err != nil {
		t.Fatal(err)
	}
	// Where the quiet end cuts, the reader has no row of several lines
	// open.
	c := &csvReader{name: "f", b: newBuilder("f", &countSink{})}
	defer releaseBuilder(c.b)
	header, body, _ := strings.Cut(input, "\n")
	if err := c.header([]byte(header)); err != nil {
		t.Fatal(err)
	}
	quiet, end := 0, 0
	for no, l := range strings.SplitAfter(body, "\n") {
		if l == "" {
			break
		}
		c.line([]byte(strings.TrimSuffix(l, "\n")), false, no+2)
		end += len(l)
		if cut, ok := quietEnd([]byte(body[:end] + "E9;V")); ok {
			quiet++
			if cut != end || c.rec.first != 0 {
				t.Fatalf("quiet end at %d after line %d, where a row of several lines from line %d is open", cut, no+2, c.rec.first)
			}
		}
	}
	for size := 200; size < 3000; size += 41 {
		opts := Options{Workers: 3, BlockSize: size}
		par := newCheckSink(t, input, false)
		if err := Read(context.Background(), "f", strings.NewReader(input), opts, par); err != nil {
			t.Fatal(err)
		}
		if a, b := strings.Join(s.log, "\n"), strings.Join(par.log, "\n"); a != b || par.rows != s.rows {
			t.Fatalf("blocks of %d bytes on 3 goroutines change the result (%d rows, one goroutine %d):\n%s\none goroutine:\n%s", size, par.rows, s.rows, b, a)
		}
	}
	if quiet == 0 {
		t.Error("no line ends quietly: the test does not test quietEnd")
	}
}

// TestSameID: sameID finds an id equal to the run's, and tells it from
// ids that differ in any one byte or in length, for ids of 0 to 20
// bytes (from 8 to 16 bytes it compares words).
func TestSameID(t *testing.T) {
	const all = "ABCDEFGHIJKLMNOPQRSTU"
	type idCase struct {
		v    string
		want bool
	}
	for n := 0; n <= 20; n++ {
		s := all[:n]
		cases := []idCase{{s, true}, {s + "V", false}}
		if n > 0 {
			cases = append(cases, idCase{s[:n-1], false})
		}
		for at := range n {
			v := []byte(s)
			v[at] = 'x'
			cases = append(cases, idCase{string(v), false})
		}
		for _, c := range cases {
			if got := sameID(s, []byte(c.v)); got != c.want {
				t.Errorf("sameID(%q, %q) = %v", s, c.v, got)
			}
		}
	}
}
