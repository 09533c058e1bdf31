package report

import (
	"io"
	"strings"
	"testing"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// endless is an export of a header and as many rows as are read, up to
// limit bytes; read counts the bytes read.
type endless struct {
	header     string
	read, left int
}

func (e *endless) Read(p []byte) (int, error) {
	if e.left <= 0 {
		return 0, io.EOF
	}
	const row = "E1;VL210;2024-01-08\n"
	n := 0
	for n < len(p) && e.left > 0 {
		var k int
		if e.read == 0 && n == 0 {
			k = copy(p, e.header)
		} else {
			k = copy(p[n:], row)
		}
		n += k
		e.left -= k
	}
	e.read += n
	return n, nil
}

func (e *endless) Close() error { return nil }

// TestByWithoutColumn: --by a dimension whose column the input lacks
// stops the run at the header with the message saying which column and
// what to do; with the column, or by a period, the run goes on.
func TestByWithoutColumn(t *testing.T) {
	p := program(t)
	cases := []struct {
		by, header string
		want       string // the error; "" for none
	}{
		{"region", "episode;age;sex;code;date\n", "--by region: e.csv har ingen kolumn för region, så rapporten kan inte delas upp efter region. Heter kolumnen något annat i filen, ange den med --column region=RUBRIK och kör igen; annars ta bort region ur --by. Ingen rapport har skrivits."},
		{"county", "episode;region;code;date\n", "--by län: e.csv har ingen kolumn för län, så rapporten kan inte delas upp efter län. Heter kolumnen något annat i filen, ange den med --column län=RUBRIK och kör igen; annars ta bort län ur --by. Ingen rapport har skrivits."},
		{"quarter,agegroup", "episode;region;kön;code;date\n", "--by åldersgrupp: e.csv har ingen kolumn för ålder, så rapporten kan inte delas upp efter åldersgrupp. Heter kolumnen något annat i filen, ange den med --column ålder=RUBRIK och kör igen; annars ta bort åldersgrupp ur --by. Ingen rapport har skrivits."},
		{"sex", "episode;region;code;date\n", "--by kön: e.csv har ingen kolumn för kön"},
	}
	for _, c := range cases {
		by, err := ParseBy(c.by)
		if err != nil {
			t.Fatal(err)
		}
		col := NewCollector(p, Options{By: by, MinCell: 5})
		// 256 MB of rows: the refusal comes after the first buffer.
		e := &endless{header: c.header, left: 256 << 20}
		in := input.Input{Name: "e.csv", Open: func() (io.ReadCloser, error) { return e, nil }}
		_, err = runtime.Run(p, []input.Input{in}, input.Options{}, 1, col, io.Discard)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("--by %s, header %q: error %v, want %q", c.by, c.header, err, c.want)
		}
		if e.read > 16<<20 {
			t.Errorf("--by %s: %d MB read before the refusal", c.by, e.read>>20)
		}
	}
	// With the columns, or by a period, the report is made.
	for _, by := range [][]string{{"region", "sex", "county", "agegroup"}, {"year", "quarter", "month"}} {
		r := build(t, csvOf([]episode{closed("E1", "VH3", "50", 20)}), Options{By: by, MinCell: 1})
		if len(r.Measures) == 0 || len(r.Measures[0].Group) != len(by) {
			t.Errorf("--by %v: measures %+v", by, r.Measures)
		}
	}
	if !strings.Contains(msg.ReportByNoColumn, "--column") {
		t.Error("the message does not say how to name the column")
	}
}
