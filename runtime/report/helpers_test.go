package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// program compiles the newest embedded guide.
func program(t testing.TB) *compiler.Program {
	t.Helper()
	g, diags, _ := compiler.Load(rules.FS(), rules.Latest(), "rules/"+rules.Latest())
	if g == nil {
		t.Fatalf("embedded rules do not compile: %v", diags)
	}
	return compiler.Compile(g)
}

// episode is an invented episode for a constructed data set: its
// attributes and codes with their day offsets from 2024-01-10.
type episode struct {
	id, region, county, sex string
	age                     string
	codes                   []codeAt
}

type codeAt struct {
	code string
	day  int
}

var dayZero, _ = compiler.ParseDay("2024-01-10")

// csvOf writes episodes as an export with one row per code, quoting
// fields as a spreadsheet would.
func csvOf(eps []episode) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	w.Comma = ';'
	_ = w.Write([]string{"episode", "region", "age", "sex", "county", "code", "date"})
	for _, e := range eps {
		for _, c := range e.codes {
			_ = w.Write([]string{e.id, e.region, e.age, e.sex, e.county, c.code, (dayZero + compiler.Day(c.day)).String()})
		}
	}
	w.Flush()
	return b.String()
}

// closed is an episode of the pathway with prefix pre: its start code on
// day 0, extra codes on day 1, and the closing code after days.
func closed(id, pre string, closing string, days int, extra ...string) episode {
	e := episode{id: id, region: "01", county: "01", sex: "K", age: "67", codes: []codeAt{{pre + "10", 0}}}
	for _, x := range extra {
		e.codes = append(e.codes, codeAt{pre + x, 1})
	}
	e.codes = append(e.codes, codeAt{pre + closing, days})
	return e
}

// build runs the whole report pipeline on an export's text.
func build(t testing.TB, text string, opts Options) *Report {
	t.Helper()
	r, _ := buildSum(t, text, opts)
	return r
}

// buildSum is build that also returns the run's summary.
func buildSum(t testing.TB, text string, opts Options) (*Report, *runtime.Summary) {
	t.Helper()
	p := program(t)
	in := input.Input{Name: "test.csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(text)), nil }}
	c := NewCollector(p, opts)
	sum, err := runtime.Run(p, []input.Input{in}, input.Options{}, 2, c, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	return c.Report(sum), sum
}

// render writes the report in a format.
func render(t testing.TB, r *Report, format string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, r, format, WriteOptions{CSVDialect: "rfc4180"}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// line describes a measure in one line, for exact comparisons.
func line(m Measure) string {
	name := m.Level
	if m.Pathway != "" {
		name += " " + m.Pathway
	}
	if m.LeadTime != "" {
		name += " " + m.LeadTime
	}
	if len(m.Group) > 0 {
		name += " [" + m.Group.Label() + "]"
	}
	f := func(x *float64) string {
		if x == nil {
			return "-"
		}
		return strconv.FormatFloat(*x, 'f', 1, 64)
	}
	i := func(x *int) string {
		if x == nil {
			return "-"
		}
		return strconv.Itoa(*x)
	}
	met := "-"
	if m.Met != nil {
		met = strconv.FormatBool(*m.Met)
	}
	s := fmt.Sprintf("%s: n=%s within=%s share=%s met=%s mean=%s sd=%s p10=%s median=%s p90=%s excluded=%s",
		name, i(m.N), i(m.Within), f(m.Share), met, f(m.Mean), f(m.SD), f(m.P10), f(m.Median), f(m.P90), i(m.Excluded))
	for _, rc := range m.ExcludedBy {
		s += fmt.Sprintf(" %s=%d", rc.Reason, rc.Count)
	}
	if m.Suppressed {
		s += " suppressed"
	}
	return s
}

func lines(r *Report) []string {
	var out []string
	for _, m := range r.Measures {
		out = append(out, line(m))
	}
	return out
}

// diffLines fails with both lists when they differ.
func diffLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("measures differ\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
