package runtime

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
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
func runText(t *testing.T, inputs []Input, opts ReadOptions) (string, *Summary) {
	t.Helper()
	var out bytes.Buffer
	sum, err := Run(latestProgram(t), inputs, opts, 2, NewRenderer("jsonl"), &out)
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), sum
}

// TestFileTruncatedWhileRead: a file that shrinks after it was opened (a
// program writing it again) gives an error naming it, on one goroutine
// and on several; it killed the process with SIGBUS when it was mapped.
func TestFileTruncatedWhileRead(t *testing.T) {
	defer func(n int) { blockSize = n }(blockSize)
	blockSize = 4 << 10
	name := filepath.Join(t.TempDir(), "in.csv")
	data := benchCSV(20000)
	for _, workers := range []int{1, 3} {
		if err := os.WriteFile(name, data, 0o600); err != nil {
			t.Fatal(err)
		}
		in := Input{Name: name, Open: func() (io.ReadCloser, error) {
			rc, err := openFile(name)
			if err == nil {
				err = os.Truncate(name, int64(len(data)/3))
			}
			return rc, err
		}}
		_, err := Run(latestProgram(t), []Input{in}, ReadOptions{Workers: workers}, 2, NewRenderer("text"), io.Discard)
		want := name + ": filen ändrades medan den lästes; "
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%d workers: error %v, want one starting %q", workers, err, want)
		}
	}
}

// TestOneLongEpisodeIsLinear: an episode whose rows cross many block
// edges costs memory in proportion to its rows. Joining it at each edge
// parsed its growing tail again, so eight times the rows allocated about
// 64 times the bytes (42 s and 9 GB for 100 MB).
func TestOneLongEpisodeIsLinear(t *testing.T) {
	defer func(n int) { blockSize = n }(blockSize)
	blockSize = 1 << 10
	allocated := func(rows int) uint64 {
		var b strings.Builder
		b.WriteString("episode;code;date\n")
		for i := range rows {
			fmt.Fprintf(&b, "E1;VL2%d0;2024-01-%02d\n", 1+i%6, 1+i%28)
		}
		input := b.String()
		var s countSink
		var before, after goruntime.MemStats
		goruntime.ReadMemStats(&before)
		if err := ReadInput("in.csv", strings.NewReader(input), ReadOptions{Workers: 3}, &s); err != nil {
			t.Fatal(err)
		}
		goruntime.ReadMemStats(&after)
		if s.rows != rows || s.events != rows || s.rejected != 0 {
			t.Fatalf("%d rows: read %d rows, %d events, %d rejected", rows, s.rows, s.events, s.rejected)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(5000), allocated(40000)
	if large > 16*small {
		t.Errorf("one episode of 5000 rows allocated %d bytes, of 40000 rows %d: %.0f times as much", small, large, float64(large)/float64(small))
	}
}

// TestJSONLSummaryCountsLines: for JSON Lines the summary counts rows as
// lines, read = evaluated + rejected, and the events apart; it counted
// lines read but events evaluated ("53 read, 278 evaluated"). A line
// that contradicts its episode's earlier line is rejected once, however
// many events it lists, and its episode is incomplete: its other line
// is neither evaluated nor rejected (read = evaluated + incomplete +
// rejected).
func TestJSONLSummaryCountsLines(t *testing.T) {
	example, _, _ := FileInput("../testdata/episodes/example.jsonl", nil)
	regrouped := Input{Name: "in.jsonl", Open: func() (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(`{"episode":"A","sex":"K","events":[{"code":"VH310","date":"2024-01-01"}]}
{"episode":"B","events":[{"code":"VH310","date":"2024-01-01"},{"code":"VH350","date":"2024-01-11"}]}
{"episode":"A","sex":"M","events":[{"code":"VH350","date":"2024-01-11"},{"code":"VH360","date":"2024-01-12"}]}
{"episode":"B","events":[{"code":"VH360","date":"2024-01-12"}]}
`)), nil
	}}
	for _, c := range []struct {
		in                                            Input
		read, evaluated, incomplete, rejected, events int
	}{
		{example, 53, 53, 0, 0, 278},
		{regrouped, 4, 2, 1, 1, 3},
	} {
		for _, workers := range []int{1, 3} {
			var out bytes.Buffer
			sum, err := Run(latestProgram(t), []Input{c.in}, ReadOptions{}, workers, NewRenderer("text"), &out)
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
	input := "episode;code;date\n" +
		"=cmd|' /C calc'!A0;VZ910;2024-01-01\n" +
		"E\x1b[2J\u202eX;VZ910;2024-01-01\n" +
		"@SUM(A1);VZ910;2024-01-01\n" +
		"B;VZ910;+1\n"
	in := Input{Name: "in\x1b].csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(input)), nil }}
	run := func(format string) string {
		var out bytes.Buffer
		if _, err := Run(latestProgram(t), []Input{in}, ReadOptions{}, 1, NewRenderer(format), &out); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	csvOut := run("csv")
	for _, want := range []string{
		"\n'=cmd|' /C calc'!A0,,,error,forlopp_okant,",
		"\n'@SUM(A1),,,error,forlopp_okant,",
		"\n,,,error,rad_avvisad,\"date \"\"+1\"\" is not a date; write YYYY-MM-DD or YYYYMMDD\",date,in\x1b].csv:5,\n",
	} {
		if !strings.Contains(csvOut, want) {
			t.Errorf("csv output lacks %q:\n%s", want, csvOut)
		}
	}
	text := run("text")
	for _, want := range []string{
		"\nE\\x1b[2J\\u202eX  okänt vårdförlopp  in\\x1b].csv:3\n",
		"  in\\x1b].csv:5: date: date \"+1\" is not a date",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsAny(text, "\x1b\u202e") {
		t.Errorf("text output has control characters:\n%q", text)
	}
}

// TestPrintableAndSafeCell: the exact escapes of Printable and the cells
// SafeCell changes.
func TestPrintableAndSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"KS-24-0001":     "KS-24-0001",
		"SÖS-24 ärende":  "SÖS-24 ärende",
		"E\x1b[31mX":     `E\x1b[31mX`,
		"a\nb\tc\rd":     `a\nb\tc\rd`,
		"\u202eevil":     `\u202eevil`,
		"bad\xffbyte":    `bad\xffbyte`,
		"del\x7f\u0085x": `del\x7f\u0085x`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+46": "'+46", "-:12": "'-:12", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"": "", "E1": "E1", " =1": " =1", "'=1": "'=1",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}
