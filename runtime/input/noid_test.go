package input

import (
	"strings"
	"testing"
)

// TestRowsWithoutID: a row without an episode id may belong to the
// episode before it or to the one after it in the file (some exports
// write the id on an episode's first row only), so both are incomplete
// (not judged); a row between two rows of one episode makes only that
// one incomplete. Before, the row was dropped and its neighbours were
// judged as if it did not exist (a false "Startkod saknas" for the
// episode after it). The same on one goroutine and on three with block
// edges anywhere, and in JSON Lines.
func TestRowsWithoutID(t *testing.T) {
	const noID = `förlopp: förlopps-id:t är tomt; varje rad behöver ett. Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: skriv förloppets id på raden (på alla förloppets rader, även om exporten bara skriver det på den första) och kör igen`
	const head = "förlopp;kod;datum\n"
	cases := []struct {
		name, file, input string
		want              []string
	}{
		{"between two episodes", "x", head + "Z0;VL210;2024-01-01\nZ0;VL254;2024-01-20\n;VL210;2024-01-02\nZ1;VL215;2024-01-03\nZ1;VL254;2024-01-30\n", []string{
			"reject x:4: " + noID,
			`ep "Z0" x:2 | 2:VL210:2024-01-01 3:VL254:2024-01-20 | incomplete: x:4`,
			`ep "Z1" x:5 | 5:VL215:2024-01-03 6:VL254:2024-01-30 | incomplete: x:4`,
			"rows 5",
		}},
		{"inside one episode", "x", head + "Z0;VL210;2024-01-01\n;VL215;2024-01-02\nZ0;VL254;2024-01-20\nZ1;VL210;2024-01-03\nZ1;VL254;2024-01-30\n", []string{
			"reject x:3: " + noID,
			`ep "Z0" x:2 | 2:VL210:2024-01-01 4:VL254:2024-01-20 | incomplete: x:3`,
			`ep "Z1" x:5 | 5:VL210:2024-01-03 6:VL254:2024-01-30`,
			"rows 5",
		}},
		{"several, first and last", "x", head + ";VL210;2024-01-01\nZ0;VL215;2024-01-02\n;VL254;2024-01-20\n;VL254;2024-01-21\nZ1;VL210;2024-01-03\nZ2;VL210;2024-01-03\n;VL254;2024-01-30\n", []string{
			"reject x:2: " + noID,
			"reject x:4: " + noID,
			"reject x:5: " + noID,
			`ep "Z0" x:3 | 3:VL215:2024-01-02 | incomplete: x:2 x:4 x:5`,
			`ep "Z1" x:6 | 6:VL210:2024-01-03 | incomplete: x:4 x:5`,
			"reject x:8: " + noID,
			`ep "Z2" x:7 | 7:VL210:2024-01-03 | incomplete: x:8`,
			"rows 7",
		}},
		{"json lines", "x.jsonl", `{"episode":"Z0","events":[{"code":"VL210","date":"2024-01-01"}]}` + "\n" +
			`{"episode":"","events":[{"code":"VL254","date":"2024-01-20"}]}` + "\n" +
			`{"episode":"Z1","events":[{"code":"VL210","date":"2024-01-03"}]}` + "\n" +
			`{"episode":"Z2","events":[{"code":"VL210","date":"2024-01-03"}]}` + "\n", []string{
			`reject x.jsonl:2: förlopp: förlopps-id:t är tomt eller saknas; varje rad behöver "episode". Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: ange förloppets id i "episode" och kör igen`,
			`ep "Z0" x.jsonl:1 | 1:VL210:2024-01-01 | incomplete: x.jsonl:2`,
			`ep "Z1" x.jsonl:3 | 3:VL210:2024-01-03 | incomplete: x.jsonl:2`,
			`ep "Z2" x.jsonl:4 | 4:VL210:2024-01-03`,
			"rows 4",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, o := range []Options{{Workers: 1}, {Workers: 3, BlockSize: 7}, {Workers: 3, BlockSize: 30}, {Workers: 3, BlockSize: 50}} {
				got, err := read(t, c.file, c.input, o)
				if err != nil {
					t.Fatal(err)
				}
				if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
					t.Errorf("workers %d, blocks of %d: got:\n%s\nwant:\n%s", o.Workers, o.BlockSize, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
				}
			}
		})
	}
}
