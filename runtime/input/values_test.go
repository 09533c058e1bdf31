package input

import (
	"strconv"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in       string
		ymd, dmy string // the day read, "" when the value is not a date
	}{
		{"2024-03-11", "2024-03-11", "2024-03-11"},
		{"20240311", "2024-03-11", "2024-03-11"},
		{"2024-03-11 00:00:00", "2024-03-11", "2024-03-11"},
		{"2024-03-11 23:59:59", "2024-03-11", "2024-03-11"},
		{"2024-03-11 8:30", "2024-03-11", "2024-03-11"},
		{"2024-03-11T00:00", "2024-03-11", "2024-03-11"},
		{"2024-03-11T00:00:00", "2024-03-11", "2024-03-11"},
		{"2024-03-11T00:00:00.000", "2024-03-11", "2024-03-11"},
		{"20240311 00:00", "2024-03-11", "2024-03-11"},
		{"7/3/2024", "", "2024-03-07"},
		{"07/03/2024", "", "2024-03-07"},
		{"7.3.2024", "", "2024-03-07"},
		{"31.12.2024", "", "2024-12-31"},
		{"29/2/2024", "", "2024-02-29"},
		{"7/3/2024 00:00:00", "", "2024-03-07"},
		{"29/2/2023", "", ""}, // no such day
		{"3/13/2024", "", ""}, // month first: month 13
		{"7/3.2024", "", ""},  // two separators
		{"7/3/24", "", ""},    // two-digit year
		{"123/3/2024", "", ""},
		{"2024-03-11 24:00", "", ""},
		{"2024-03-11 00:60", "", ""},
		{"2024-03-11 00:00:", "", ""},
		{"2024-03-11 ", "", ""},
		{"2024-03-11T", "", ""},
		{" 2024-03-11", "", ""}, // readers trim; a space left means something else
		{"2024-02-30 00:00:00", "", ""},
		{"2024/03/11", "", ""},
		{"", "", ""},
	}
	for _, c := range cases {
		for _, order := range []struct {
			dmy  bool
			want string
		}{{false, c.ymd}, {true, c.dmy}} {
			day, ok := parseDate([]byte(c.in), order.dmy)
			got := ""
			if ok {
				got = day.String()
			}
			if got != order.want {
				t.Errorf("parseDate(%q, dmy %v) = %q, want %q", c.in, order.dmy, got, order.want)
			}
			// The builder's cached path reads every value the same way,
			// twice (the second time from its cache).
			b := newBuilder("x", nil)
			b.dmy = order.dmy
			for range 2 {
				day, ok := b.parseDay([]byte(c.in))
				got := ""
				if ok {
					got = day.String()
				}
				if got != order.want {
					t.Errorf("builder.parseDay(%q, dmy %v) = %q, want %q", c.in, order.dmy, got, order.want)
				}
			}
			releaseBuilder(b)
		}
	}
}

func TestNormValues(t *testing.T) {
	sexes := map[string]string{
		"M": "M", "m": "M", "Man": "M", "MAN": "M", "man": "M", "1": "M",
		"K": "K", "k": "K", "Kvinna": "K", "KVINNA": "K", "kvinna": "K", "2": "K",
		"F": "", "0": "", "3": "", "Kvinnа": "", "Mann": "", "": "",
	}
	for in, want := range sexes {
		got, ok := normSex([]byte(in))
		if string(got) != want || ok != (want != "") {
			t.Errorf("normSex(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	counties := map[string]string{
		"1": "01", "01": "01", "3": "03", "9": "09", "09": "09", "10": "10", "12": "12", "25": "25", "14": "14",
		"02": "", "2": "", "11": "", "15": "", "16": "", "26": "", "0": "", "00": "", "001": "",
		"1.0": "", "": "", "-1": "",
		// Names, as the inclusion reader reads them (one table).
		"Stockholm": "01", "Region Uppsala": "03", "region  UPPSALA": "03", "Stockholms län": "01", "Skane": "12",
		"Västra Götalandsregionen": "14", "Jämtland Härjedalen": "23", "jamtland-harjedalen": "23", "Örebro": "18",
		"Region": "", "Region ": "", "Atlantis": "", "Stockholmx": "", "Sverige": "", "Region Region Uppsala": "",
	}
	for in, want := range counties {
		got, ok := normCounty([]byte(in))
		if string(got) != want || ok != (want != "") {
			t.Errorf("normCounty(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	ages := map[string]int{
		"60": 60, "0": 0, "130": 130, "60 år": 60, "60år": 60, "60 ÅR": 60, "60  år": 60, "60\u00a0år": 60,
		"131": -1, "år": -1, " år": -1, "60 å": -1, "60 years": -1, "sextio år": -1, "": -1,
	}
	for in, want := range ages {
		got, ok := parseAge([]byte(in))
		if !ok {
			got = -1
		}
		if got != want {
			t.Errorf("parseAge(%q) = %d, want %d", in, got, want)
		}
	}
}

// TestReadValues reads values as Excel saves them: dates with a time or
// day first, sex and county codes in every form, ages in years, blank
// rows and a total row.
func TestReadValues(t *testing.T) {
	cases := []struct {
		name      string
		input     string
		dateOrder string
		want      []string
	}{
		{
			name: "date-times are their dates",
			input: "episode;code;date\n" +
				"E1;VL210;2024-03-11 00:00:00\n" +
				"E1;VL215;2024-03-12 00:00:00\n" + // the short cut: the row before but code and date
				"E1;VL220;2024-03-13T00:00\n" +
				"E1;VL225;2024-03-14T08:15:00\n" +
				"E1;VL230;20240315\n",
			want: []string{
				`ep "E1" x:2 | 2:VL210:2024-03-11 3:VL215:2024-03-12 4:VL220:2024-03-13 5:VL225:2024-03-14 6:VL230:2024-03-15`,
				`rows 5`,
			},
		},
		{
			name: "day first without --date-order",
			input: "episode;code;date\n" +
				"E1;VL210;7/3/2024\n" +
				"E1;VL215;7.3.2024 00:00\n" +
				"E1;VL220;2024-03-08\n" +
				"E1;VL225;29/1/2024 00:00\n",
			want: []string{
				`reject x:2: datum: datumet "7/3/2024" står med dagen eller månaden först, och det går inte att veta vilket; står dagen först (D/M/ÅÅÅÅ, som Excel med t.ex. brittiska inställningar skriver), ange --date-order dmy, eller skriv datumen som ÅÅÅÅ-MM-DD`,
				`reject x:3: datum: datumet "7.3.2024 00:00" står med dagen eller månaden först, och det går inte att veta vilket; står dagen först (D/M/ÅÅÅÅ, som Excel med t.ex. brittiska inställningar skriver), ange --date-order dmy, eller skriv datumen som ÅÅÅÅ-MM-DD`,
				`reject x:5: datum: datumet "29/1/2024 00:00" skrivs dag/månad/år; ange --date-order dmy så läses sådana datum, eller skriv datumen som ÅÅÅÅ-MM-DD`,
				`ep "E1" x:2 | 4:VL220:2024-03-08 | incomplete: x:2 x:3 x:5`,
				`rows 4`,
			},
		},
		{
			name:      "day first with --date-order dmy",
			dateOrder: "dmy",
			input: "episode;code;date\n" +
				"E1;VL210;7/3/2024\n" +
				"E1;VL215;8/3/2024\n" + // the short cut
				"E1;VL220;9.3.2024 00:00\n" +
				"E1;VL225;2024-03-10\n" +
				"E1;VL230;31/2/2024\n" +
				"E1;VL235;3/13/2024\n",
			want: []string{
				`reject x:6: datum: "31/2/2024" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
				`reject x:7: datum: "3/13/2024" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`,
				`ep "E1" x:2 | 2:VL210:2024-03-07 3:VL215:2024-03-08 4:VL220:2024-03-09 5:VL225:2024-03-10 | incomplete: x:6 x:7`,
				`rows 6`,
			},
		},
		{
			name: "sex and codes normalised before rows are compared",
			input: "episode;code;date;sex;county;region;referring_region;age\n" +
				"E1;VL210;2024-03-11;2;1;1;4;60 år\n" +
				"E1;VL215;2024-03-12;K;01;01;04;60\n" +
				"E1;VL220;2024-03-13;kvinna;1;01;4;60år\n" +
				"E2;VL210;2024-03-11;1;25;1;;\n" +
				"E2;VL215;2024-03-12;man;25;01;;\n" +
				"E3;VL210;2024-03-11;M;Stockholm;01;;\n" +
				"E4;VL210;2024-03-11;M;02;01;;\n" +
				"E5;VL210;2024-03-11;M;01;Region Stockholm;;\n" +
				"E6;VL210;2024-03-11;M;01;01;2;\n" +
				"E7;VL210;2024-03-11;X;01;01;;\n" +
				"E8;VL210;2024-03-11;M;sodermanlands län;REGION  västra götaland;Jämtland-Härjedalen;\n" +
				"E9;VL210;2024-03-11;M;01;Region Atlantis;;\n",
			want: []string{
				`ep "E1" x:2 region="01" sex="K" county="01" referring="04" age=60 | 2:VL210:2024-03-11 3:VL215:2024-03-12 4:VL220:2024-03-13`,
				`ep "E2" x:5 region="01" sex="M" county="25" | 5:VL210:2024-03-11 6:VL215:2024-03-12`,
				`ep "E3" x:7 region="01" sex="M" county="01" | 7:VL210:2024-03-11`,
				`reject x:8: län: länet "02" är ingen länskod och inget länsnamn; giltiga koder är 01 03 04 05 06 07 08 09 10 12 13 14 17 18 19 20 21 22 23 24 25 (en inledande nolla får saknas: 1 läses som 01), eller skriv länets namn (Stockholms län, Stockholm)`,
				`ep "E4" x:8 | | incomplete: x:8`,
				`ep "E5" x:9 region="01" sex="M" county="01" | 9:VL210:2024-03-11`,
				`reject x:10: remitterande region: den remitterande regionen "2" är ingen regionkod och inget regionnamn; giltiga koder är 01 03 04 05 06 07 08 09 10 12 13 14 17 18 19 20 21 22 23 24 25 (en inledande nolla får saknas: 1 läses som 01), eller skriv regionens namn (Stockholm, Region Stockholm)`,
				`ep "E6" x:10 | | incomplete: x:10`,
				`reject x:11: kön: kön "X" är inget känt värde; skriv M eller K, Man eller Kvinna, eller 1 (man) eller 2 (kvinna) som i de nationella registren, eller lämna tomt`,
				`ep "E7" x:11 | | incomplete: x:11`,
				`ep "E8" x:12 region="14" sex="M" county="04" referring="23" | 12:VL210:2024-03-11`,
				`reject x:13: region: regionen "Region Atlantis" är ingen regionkod och inget regionnamn; giltiga koder är 01 03 04 05 06 07 08 09 10 12 13 14 17 18 19 20 21 22 23 24 25 (en inledande nolla får saknas: 1 läses som 01), eller skriv regionens namn (Stockholm, Region Stockholm)`,
				`ep "E9" x:13 | | incomplete: x:13`,
				`rows 12`,
			},
		},
		{
			name: "blank rows are counted, not rejected",
			input: "episode;code;date;sex\r\n" +
				"E1;VL210;2024-03-11;K\r\n" +
				";;;\r\n" +
				"E1;VL215;2024-03-12;K\r\n" +
				" ; ;\t; \r\n" +
				"\"\";;;\r\n" +
				"\r\n" + // not a row at all
				"E2;VL210;2024-03-12;M\r\n" +
				";;;\r\n",
			want: []string{
				`ep "E1" x:2 sex="K" | 2:VL210:2024-03-11 4:VL215:2024-03-12`,
				`ep "E2" x:8 sex="M" | 8:VL210:2024-03-12`,
				`blank 4`,
				`rows 7`,
			},
		},
		{
			name: "total rows are rejected as not data",
			input: "förlopp;kod;datum;ålder\n" +
				"E1;VL210;2024-03-11;60\n" +
				"Totalt;;;1\n" +
				"SUMMA:;;;\n" +
				";;;1\n" +
				";;;1 234,5\n" +
				"Total\n" +
				"Summa;3\n" +
				";;Totalt;\n" + // the first value
				";VL210;2024-03-11;60\n" + // no id, but data: not a total row
				";;2024-03-11;60\n" + // a date is data too
				";;;sextio\n", // no number
			want: []string{
				`reject x:3: raden är en summarad (Totalt/Summa), inte data; ta bort den ur exporten`,
				`reject x:4: raden är en summarad (Totalt/Summa), inte data; ta bort den ur exporten`,
				`reject x:5: raden är en summarad (Totalt/Summa), inte data; ta bort den ur exporten`,
				`reject x:6: raden är en summarad (Totalt/Summa), inte data; ta bort den ur exporten`,
				`reject x:7: raden är en summarad (Totalt/Summa), inte data; ta bort den ur exporten`,
				`reject x:8: raden är en summarad (Totalt/Summa), inte data; ta bort den ur exporten`,
				`reject x:9: raden är en summarad (Totalt/Summa), inte data; ta bort den ur exporten`,
				`reject x:10: förlopp: förlopps-id:t är tomt; varje rad behöver ett. Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: skriv förloppets id på raden (på alla förloppets rader, även om exporten bara skriver det på den första) och kör igen`,
				`reject x:11: förlopp: förlopps-id:t är tomt; varje rad behöver ett. Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: skriv förloppets id på raden (på alla förloppets rader, även om exporten bara skriver det på den första) och kör igen`,
				`reject x:12: förlopp: förlopps-id:t är tomt; varje rad behöver ett. Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: skriv förloppets id på raden (på alla förloppets rader, även om exporten bara skriver det på den första) och kör igen`,
				// The rows without an id may be E1's: it is incomplete.
				`ep "E1" x:2 age=60 | 2:VL210:2024-03-11 | incomplete: x:10 x:11 x:12`,
				`rows 11`,
			},
		},
		{
			name: "json lines values",
			input: `{"episode":"E1","sex":2,"county":1,"region":"1","age":"60 år","events":[{"code":"VL210","date":"2024-03-11 00:00:00"},{"code":"VL215","date":"2024-03-12T00:00"}]}` + "\n" +
				`{"episode":"E2","county":"Uppsala","events":[{"code":"VL210","date":"2024-03-11"}]}` + "\n",
			want: []string{
				`ep "E1" x:1 region="01" sex="K" county="01" age=60 | 1:VL210:2024-03-11 1:VL215:2024-03-12`,
				`ep "E2" x:2 county="03" | 2:VL210:2024-03-11`,
				`rows 2`,
			},
		},
	}
	// Blocks of a few bytes put block edges in every row on 3 workers.
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, workers := range []int{1, 3} {
				got, err := read(t, "x", c.input, Options{DateOrder: c.dateOrder, Workers: workers, BlockSize: 7})
				if err != nil {
					t.Fatal(err)
				}
				if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
					t.Errorf("workers %d: got:\n%s\nwant:\n%s", workers, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
				}
			}
		})
	}
}

// TestReadDateOrderOption: an unknown order is an error; case and
// spaces do not matter.
func TestReadDateOrderOption(t *testing.T) {
	_, err := read(t, "x", "episode;code;date\nE1;VL210;2024-03-11\n", Options{DateOrder: "mdy"})
	if err == nil || err.Error() != `x: datumordningen "mdy" är okänd; ange ymd eller dmy, eller utelämna den` {
		t.Errorf("error %v", err)
	}
	for _, o := range []string{"", "ymd", "YMD", "dmy", " DMY "} {
		if _, err := read(t, "x", "episode;code;date\nE1;VL210;2024-03-11\n", Options{DateOrder: o}); err != nil {
			t.Errorf("%q: %v", o, err)
		}
	}
}

// TestDateProblem tests the reason for a refused date: a day the
// calendar lacks, a real day in an implausible year, and no date at all
// are told apart.
func TestDateProblem(t *testing.T) {
	for _, tc := range []struct{ date, want string }{
		{"2024-02-30", `datumet "2024-02-30" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
		{"20231301", `datumet "20231301" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
		{"0001-01-01", `datumet "0001-01-01" är inte ett rimligt datum (året ska vara mellan 1900 och 2999); ett tomt datum i källsystemet blir ofta så, rätta datumet där`},
		{"0001-01-01 00:00:00", `datumet "0001-01-01 00:00:00" är inte ett rimligt datum (året ska vara mellan 1900 och 2999); ett tomt datum i källsystemet blir ofta så, rätta datumet där`},
		{"18991231", `datumet "18991231" är inte ett rimligt datum (året ska vara mellan 1900 och 2999); ett tomt datum i källsystemet blir ofta så, rätta datumet där`},
		{"femte maj", `"femte maj" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
		{"2024-0A-01", `"2024-0A-01" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
		{"45320", `"45320" går inte att läsa som ett datum men ser ut som ett datumnummer från Excel (2024-01-29): formatera kolumnen som datum (markera kolumnen, högerklicka, Formatera celler → Tal → Datum, ÅÅÅÅ-MM-DD) och spara igen`},
		{"1", `"1" går inte att läsa som ett datum men ser ut som ett datumnummer från Excel (1900-01-01): formatera kolumnen som datum (markera kolumnen, högerklicka, Formatera celler → Tal → Datum, ÅÅÅÅ-MM-DD) och spara igen`},
		{"59", `"59" går inte att läsa som ett datum men ser ut som ett datumnummer från Excel (1900-02-28): formatera kolumnen som datum (markera kolumnen, högerklicka, Formatera celler → Tal → Datum, ÅÅÅÅ-MM-DD) och spara igen`},
		{"61", `"61" går inte att läsa som ett datum men ser ut som ett datumnummer från Excel (1900-03-01): formatera kolumnen som datum (markera kolumnen, högerklicka, Formatera celler → Tal → Datum, ÅÅÅÅ-MM-DD) och spara igen`},
		{"2958465", `"2958465" går inte att läsa som ett datum men ser ut som ett datumnummer från Excel (9999-12-31): formatera kolumnen som datum (markera kolumnen, högerklicka, Formatera celler → Tal → Datum, ÅÅÅÅ-MM-DD) och spara igen`},
		// Not a serial Excel shows as a date: 0, 60 (29 February 1900), past 9999-12-31, a sign, a leading zero, a fraction.
		{"0", `"0" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
		{"60", `"60" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
		{"2958466", `"2958466" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
		{"-45320", `"-45320" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
		{"045320", `"045320" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
		{"45320.5", `"45320.5" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`},
	} {
		if got := dateProblem([]byte(tc.date), false); got != tc.want {
			t.Errorf("dateProblem(%q) = %q, want %q", tc.date, got, tc.want)
		}
	}
}

// TestParseCode: a KVÅ code is V, two letters or digits and two digits,
// in any case, and is numbered as compiler.ParseRawCode numbers it in
// capitals; every other text is refused. Every code of that shape, in
// either case, is numbered so.
func TestParseCode(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"VL210", "VL210", true},
		{"vl210", "VL210", true},
		{"VZ999", "VZ999", true},
		{"V0A00", "V0A00", true},
		{"V0000", "V0000", true},
		{"Vz0 1", "", false},
		{"VL21", "", false},
		{"VL2100", "", false},
		{"XL210", "", false},
		{"VL2A0", "", false},
		{"VÅ210", "", false},
		{"V-210", "", false},
		{"V[210", "", false},
		{"V@210", "", false},
		{"", "", false},
	} {
		got, ok := parseCode([]byte(tc.in))
		if ok != tc.ok || ok && got.String() != tc.want {
			t.Errorf("parseCode(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for _, x1 := range digits {
		for _, x2 := range digits {
			for _, d := range []string{"00", "09", "47", "90", "99"} {
				upper := "V" + string(x1) + string(x2) + d
				want, ok := compiler.ParseRawCode(upper)
				if !ok {
					t.Fatalf("compiler.ParseRawCode(%q) refused", upper)
				}
				for _, s := range []string{upper, strings.ToLower(upper)} {
					if got, ok := parseCode([]byte(s)); !ok || got != want {
						t.Fatalf("parseCode(%q) = %v, %v; want %v", s, got, ok, want)
					}
				}
			}
		}
	}
}

// TestCountyCodesAreTheList: the table of county codes, written out, has
// exactly the codes countyList names, each as two digits at its number.
func TestCountyCodesAreTheList(t *testing.T) {
	want := map[int]string{}
	for _, c := range strings.Fields(countyList) {
		n, err := strconv.Atoi(c)
		if err != nil {
			t.Fatal(err)
		}
		want[n] = c
	}
	for n, c := range countyCodes {
		if w, ok := want[n]; (c == nil) == ok || (ok && string(c) != w) {
			t.Errorf("countyCodes[%d] = %q, countyList says %q", n, c, w)
		}
	}
}

// TestParseCodeEveryCharacter reads codes with every byte as their
// first, second and third characters (codeChar is a table): a letter of
// either case or a digit is taken in the second and third place, V or v
// alone in the first, and the code is numbered as its text in capitals.
func TestParseCodeEveryCharacter(t *testing.T) {
	alnum := func(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }
	for first := range 256 {
		for x := range 256 {
			for y := range 256 {
				if first != 'V' && x != 'P' && y != '9' {
					continue // a change in one place at a time is enough
				}
				in := []byte{byte(first), byte(x), byte(y), '4', '7'}
				got, ok := parseCode(in)
				want := (first == 'V' || first == 'v') && alnum(byte(x)) && alnum(byte(y))
				if ok != want {
					t.Fatalf("parseCode(%q): ok %v, want %v", in, ok, want)
				}
				if ok && got.String() != strings.ToUpper(string(in)) {
					t.Fatalf("parseCode(%q) = %q", in, got)
				}
			}
		}
	}
}
