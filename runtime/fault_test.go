package runtime_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
	"github.com/rcc/svfrules/runtime/output"
)

// notAdjacent is an input whose rows of episode A are not adjacent: a run
// of it reads it twice.
const notAdjacent = "episode;code;date\nA;VH310;2024-01-01\nB;VH310;2024-01-01\nA;VH350;2024-01-20\n"

func latestProgram(t testing.TB) *compiler.Program {
	g, diags, _ := compiler.Load(rules.FS(), rules.Latest(), "rules")
	if g == nil {
		t.Fatal(diags)
	}
	return compiler.Compile(g)
}

// runText evaluates inputs with the jsonl renderer and returns the output.
func runText(t *testing.T, inputs []input.Input, opts input.Options) (string, *runtime.Summary) {
	t.Helper()
	var out bytes.Buffer
	sum, err := runtime.Run(latestProgram(t), inputs, opts, 2, output.NewRenderer("jsonl"), &out)
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), sum
}

// TestJSONLSummaryCountsLines: for JSON Lines the summary counts rows as
// lines, read = evaluated + rejected, and the events apart; it counted
// lines read but events evaluated ("53 read, 278 evaluated"). A line
// that contradicts its episode's earlier line is rejected once, however
// many events it lists, and its episode is incomplete: its other line
// is neither evaluated nor rejected (read = evaluated + incomplete +
// rejected).
func TestJSONLSummaryCountsLines(t *testing.T) {
	example, _, _ := input.FileInput("../testdata/episodes/example.jsonl", nil)
	regrouped := input.Input{Name: "in.jsonl", Open: func() (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(`{"episode":"A","sex":"K","events":[{"code":"VH310","date":"2024-01-01"}]}
{"episode":"B","events":[{"code":"VH310","date":"2024-01-01"},{"code":"VH350","date":"2024-01-11"}]}
{"episode":"A","sex":"M","events":[{"code":"VH350","date":"2024-01-11"},{"code":"VH360","date":"2024-01-12"}]}
{"episode":"B","events":[{"code":"VH360","date":"2024-01-12"}]}
`)), nil
	}}
	for _, c := range []struct {
		in                                            input.Input
		read, evaluated, incomplete, rejected, events int
	}{
		{example, 53, 53, 0, 0, 278},
		{regrouped, 4, 2, 1, 1, 3},
	} {
		for _, workers := range []int{1, 3} {
			var out bytes.Buffer
			sum, err := runtime.Run(latestProgram(t), []input.Input{c.in}, input.Options{}, workers, output.NewRenderer("text"), &out)
			if err != nil {
				t.Fatal(err)
			}
			if sum.RowsRead != c.read || sum.RowsEvaluated != c.evaluated || sum.RowsIncomplete != c.incomplete || sum.RowsRejected != c.rejected || sum.EventsEvaluated != c.events {
				t.Errorf("%s, %d workers: rows read %d, evaluated %d, incomplete %d, rejected %d, events %d; want %d, %d, %d, %d, %d",
					c.in.Name, workers, sum.RowsRead, sum.RowsEvaluated, sum.RowsIncomplete, sum.RowsRejected, sum.EventsEvaluated, c.read, c.evaluated, c.incomplete, c.rejected, c.events)
			}
		}
	}
}

// TestOutputLetsNoDataAct: in eval's CSV every cell that a spreadsheet
// would run as a formula starts with an apostrophe, and the text output
// escapes control characters in ids, file names and rejections; both
// were written as they came.
func TestOutputLetsNoDataAct(t *testing.T) {
	data := "episode;code;date\n" +
		"=cmd|' /C calc'!A0;VZ910;2024-01-01\n" +
		"E\x1b[2J\u202eX;VZ910;2024-01-01\n" +
		"@SUM(A1);VZ910;2024-01-01\n" +
		"B;VZ910;+1\n"
	in := input.Input{Name: "in\x1b].csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(data)), nil }}
	run := func(format, dialect string) string {
		var out bytes.Buffer
		if _, err := runtime.Run(latestProgram(t), []input.Input{in}, input.Options{}, 1, output.New(format, output.Options{CSVDialect: dialect}), &out); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	excel := run("csv", "excel")
	for _, want := range []string{
		"\nfynd;'=cmd|' /C calc'!A0;;;fel;Okänt vårdförlopp;forlopp_okant;",
		"\nfynd;'@SUM(A1);;;fel;Okänt vårdförlopp;forlopp_okant;",
		"\navvisad rad;B;;;fel;Avvisad rad;rad_avvisad;;;;;datum;\"\"\"+1\"\" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD\";;in\x1b].csv:5;\r\n",
	} {
		if !strings.Contains(excel, want) {
			t.Errorf("csv (excel) output lacks %q:\n%s", want, excel)
		}
	}
	csvOut := run("csv", "rfc4180")
	for _, want := range []string{
		"\nfinding,'=cmd|' /C calc'!A0,,,error,forlopp_okant,",
		"\nfinding,'@SUM(A1),,,error,forlopp_okant,",
		"\nrejected,B,,,error,rad_avvisad,Avvisad rad,,,,,date,\"\"\"+1\"\" går inte att läsa som ett datum; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD\",,in\x1b].csv:5,,\n",
	} {
		if !strings.Contains(csvOut, want) {
			t.Errorf("csv output lacks %q:\n%s", want, csvOut)
		}
	}
	text := run("text", "")
	for _, want := range []string{
		"\nE\\x1b[2J\\u202eX  okänt vårdförlopp  in\\x1b].csv:3\n",
		"  in\\x1b].csv:5: datum: \"+1\" går inte att läsa som ett datum",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsAny(text, "\x1b\u202e") {
		t.Errorf("text output has control characters:\n%q", text)
	}
}
