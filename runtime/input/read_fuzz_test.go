package input

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fuzzEncodings are the encodings a fuzz input is read with.
var fuzzEncodings = []string{"", "utf-8", "windows-1252"}

// fuzzOptions are the read options of a fuzz input's enc byte: an
// encoding, and the date order (day first or not).
func fuzzOptions(enc uint8) Options {
	n := len(fuzzEncodings)
	return Options{Encoding: fuzzEncodings[int(enc)%n], DateOrder: [...]string{"", "dmy"}[int(enc)/n%2]}
}

// checkSink checks what a reader passes on as it goes: every data row is
// announced before it is passed on, and is passed on once, in an episode
// or as a rejection.
type checkSink struct {
	t        *testing.T
	minRow   int // the first row number data can have
	lines    int // lines in the input
	jsonl    bool
	rows     int // DataRow calls
	seen     map[int]bool
	rejected int
	blanks   int // blank rows, announced by DataRow and not passed on
	log      []string
}

func newCheckSink(t *testing.T, input string, jsonl bool) *checkSink {
	s := &checkSink{t: t, minRow: 2, lines: strings.Count(input, "\n") + 1, jsonl: jsonl, seen: map[int]bool{}}
	if jsonl {
		s.minRow = 1
	}
	return s
}

func (s *checkSink) DataRow() { s.rows++ }

func (s *checkSink) BlankRows(n int) {
	s.blanks += n
	s.account()
}

func (s *checkSink) row(r int, what string) {
	if r < s.minRow || r > s.lines {
		s.t.Errorf("%s at row %d, outside rows %d to %d", what, r, s.minRow, s.lines)
	}
}

func (s *checkSink) Reject(r Rejection) {
	s.log = append(s.log, "reject "+r.String())
	s.row(r.Row, "rejection")
	if r.Reason == "" {
		s.t.Errorf("rejection without a reason: %+v", r)
	}
	if s.seen[r.Row] {
		s.t.Errorf("row %d passed on twice", r.Row)
	}
	s.seen[r.Row] = true
	s.rejected++
	s.account()
}

func (s *checkSink) Episode(ep *Episode) {
	s.log = append(s.log, renderEpisode(ep))
	// An incomplete episode may have no events: all its rows were
	// rejected, before it was passed on.
	if ep.ID == "" || len(ep.Events) == 0 && ep.Rejected == nil || cap(ep.Events) != len(ep.Events) {
		s.t.Errorf("bad episode %q with %d events (cap %d)", ep.ID, len(ep.Events), cap(ep.Events))
		return
	}
	first := math.MaxInt
	if len(ep.Events) > 0 {
		first = ep.Events[0].Row
	}
	for i, r := range ep.Rejected {
		if !s.seen[r.Row] || r.File != ep.File || r.Reason == "" || i > 0 && r.Row <= ep.Rejected[i-1].Row {
			s.t.Errorf("episode %q: rejected row %+v not rejected before, or out of order", ep.ID, r)
		}
		if !r.NoID() || r.Row > ep.FirstRow { // a row without an id before the run is its neighbour's
			first = min(first, r.Row)
		}
	}
	if ep.FirstRow != first {
		s.t.Errorf("episode %q: first row %d, first event or rejected row at %d", ep.ID, ep.FirstRow, first)
	}
	last := 0
	for _, e := range ep.Events {
		if !isCode(e.Code.String()) {
			s.t.Errorf("episode %q: bad code %q", ep.ID, e.Code)
		}
		if e.Row < last || !s.jsonl && e.Row == last {
			s.t.Errorf("episode %q: rows out of order", ep.ID)
		}
		if e.Row != last {
			s.row(e.Row, "event")
			if s.seen[e.Row] {
				s.t.Errorf("row %d passed on twice", e.Row)
			}
			s.seen[e.Row] = true
		}
		last = e.Row
	}
	s.account()
}

// isCode reports whether c is a KVÅ code as readers pass it on: V, two
// upper-case letters or digits, two digits.
func isCode(c string) bool {
	isUD := func(b byte) bool { return 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' }
	isD := func(b byte) bool { return '0' <= b && b <= '9' }
	return len(c) == 5 && c[0] == 'V' && isUD(c[1]) && isUD(c[2]) && isD(c[3]) && isD(c[4])
}

func (s *checkSink) account() {
	if len(s.seen)+s.blanks > s.rows {
		s.t.Errorf("%d rows passed on and %d blank but %d data rows announced", len(s.seen), s.blanks, s.rows)
	}
}

// fuzzRead reads input and checks the invariants, then reads it again
// without the CSV short cut and checks that the result is the same.
func fuzzRead(t *testing.T, input string, enc uint8, jsonl bool) {
	opts := fuzzOptions(enc)
	s := newCheckSink(t, input, jsonl)
	err := Read(context.Background(), "f", strings.NewReader(input), opts, s)
	if err != nil {
		if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") {
			t.Errorf("error is not one line: %q", msg)
		}
		if s.rows != 0 || len(s.log) != 0 {
			t.Errorf("error %q after reading %d rows", err, s.rows)
		}
		return
	}
	if len(s.seen)+s.blanks != s.rows {
		t.Errorf("%d data rows, %d passed on, %d blank", s.rows, len(s.seen), s.blanks)
	}
	if jsonl {
		return
	}
	csvFastPath = false
	defer func() { csvFastPath = true }()
	slow := newCheckSink(t, input, jsonl)
	_ = Read(context.Background(), "f", strings.NewReader(input), opts, slow)
	if a, b := strings.Join(s.log, "\n"), strings.Join(slow.log, "\n"); a != b || s.blanks != slow.blanks {
		t.Errorf("the short cut changes the result:\n%s\n(%d blank)\nwithout it:\n%s\n(%d blank)", a, s.blanks, b, slow.blanks)
	}
	csvFastPath = true
	checkParallel(t, input, opts, s.log, s.rows, s.blanks)
}

// localSink is a LocalSink whose Locals keep copies of the runs they get
// and hand them back in TakeLocal. The runs of a Local reach the sink
// together, at the place of the block's second run, so rejections of rows
// later in the block come after them (the pipeline sorts rejections): the
// episodes, and the rejections, must each come in the one-goroutine order.
// The runs are checked at the end (finish), when their rejected rows have
// been rejected.
type localSink struct {
	*checkSink
	late []*Episode
}

func (s *localSink) NewLocal() Local { return &logLocal{} }

func (s *localSink) TakeLocal(done any) {
	eps, ok := done.([]*Episode)
	if !ok || len(eps) == 0 {
		s.t.Errorf("TakeLocal got %#v, not the runs of a Local", done)
	}
	for _, ep := range eps {
		s.log = append(s.log, renderEpisode(ep))
		s.late = append(s.late, ep)
	}
}

// finish checks the runs TakeLocal got, as checkSink checks episodes.
func (s *localSink) finish() {
	n := len(s.log)
	for _, ep := range s.late {
		s.checkSink.Episode(ep)
	}
	s.log = s.log[:n]
}

// split returns the episodes and the rejections of a log.
func split(log []string) (eps, rejs string) {
	var e, r []string
	for _, l := range log {
		if strings.HasPrefix(l, "reject ") {
			r = append(r, l)
		} else {
			e = append(e, l)
		}
	}
	return strings.Join(e, "\n"), strings.Join(r, "\n")
}

// logLocal is the Local of localSink.
type logLocal struct{ eps []*Episode }

func (l *logLocal) Episode(ep *Episode) {
	cp := *ep                                 // the reader fills ep again
	cp.ID = strings.Clone(ep.ID)              // and makes the next id in its bytes
	cp.Events = make([]Event, len(ep.Events)) // without spare capacity, as the reader passes them on
	copy(cp.Events, ep.Events)
	cp.Rejected = slices.Clone(ep.Rejected)
	l.eps = append(l.eps, &cp)
}

func (l *logLocal) Done() any {
	eps := l.eps
	l.eps = nil
	return eps
}

// checkParallel reads a CSV input on several goroutines, in blocks small
// enough to put block edges inside episodes, and checks that the sink
// gets the calls one goroutine makes (want); and with the runs inside
// blocks going through a Local (localSink), the same episodes and
// rejections.
func checkParallel(t *testing.T, input string, opts Options, want []string, rows, blanks int) {
	t.Helper()
	wantEps, wantRejs := split(want)
	for _, size := range []int{1, 13, 64, 1 << 10} {
		opts.Workers, opts.BlockSize = 3, size
		par := newCheckSink(t, input, false)
		if err := Read(context.Background(), "f", strings.NewReader(input), opts, par); err != nil {
			t.Fatalf("blocks of %d bytes: %v", size, err)
		}
		if a, b := strings.Join(want, "\n"), strings.Join(par.log, "\n"); a != b {
			t.Fatalf("blocks of %d bytes on 3 goroutines change the result:\n%s\none goroutine:\n%s", size, b, a)
		}
		if par.rows != rows || par.blanks != blanks {
			t.Fatalf("blocks of %d bytes: %d data rows (%d blank), one goroutine counts %d (%d blank)", size, par.rows, par.blanks, rows, blanks)
		}
		local := &localSink{checkSink: newCheckSink(t, input, false)}
		if err := Read(context.Background(), "f", strings.NewReader(input), opts, local); err != nil {
			t.Fatalf("blocks of %d bytes, a Local: %v", size, err)
		}
		local.finish()
		eps, rejs := split(local.log)
		if eps != wantEps || rejs != wantRejs {
			t.Fatalf("blocks of %d bytes on 3 goroutines with a Local change the result:\n%s\n%s\none goroutine:\n%s\n%s", size, eps, rejs, wantEps, wantRejs)
		}
		if local.rows != rows || local.blanks != blanks {
			t.Fatalf("blocks of %d bytes, a Local: %d data rows (%d blank), one goroutine counts %d (%d blank)", size, local.rows, local.blanks, rows, blanks)
		}
	}
}

// isJSONL tells the formats apart as Read does: by the first line
// that is not blank.
func isJSONL(input string) bool {
	for _, line := range strings.Split(strings.TrimPrefix(input, bom), "\n") {
		if strings.TrimSpace(line) != "" {
			return strings.HasPrefix(strings.TrimLeft(line, " \t\r\v\f"), "{")
		}
	}
	return false
}

// seeds adds the inputs of the tests, of one format, to f.
func seeds(f *testing.F, jsonl bool) {
	var inputs []string
	for _, c := range readCases {
		inputs = append(inputs, c.input)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "read", "*"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		inputs = append(inputs, string(data))
	}
	for _, in := range inputs {
		if isJSONL(in) == jsonl && len(in) < 1<<16 {
			for enc := range 2 * len(fuzzEncodings) { // each date order
				f.Add(in, uint8(enc))
			}
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	seeds(f, false)
	f.Add(string(benchCSV(50)), uint8(0))
	// Rejected rows inside episodes (incomplete episodes): first, in the
	// middle, last, every row of one, one whose rows are not adjacent,
	// and a rejected row with another id between two rows of one.
	for _, in := range []string{
		"episode;code;date\nA;VH310;2024-13-01\nA;VH315;2024-01-16\nA;VH350;2024-02-12\nB;VH310;2024-01-15\nB;VH350;2024-02-12\nC;VH310;2024-02-30\nC;VH3;2024-03-01\nD;VH310;2024-01-15\n",
		"episode;region;code;date\nA;01;VH310;2024-01-15\nA;02;VH315;2024-01-16\nA;01;VH350;x\nA;01;VH350;2024-02-12;\nB;01;VH310;2024-01-15\n",
		"episode;code;date\nA;VH310;2024-01-15\nB;VH3;2024-01-16\nA;VH350;2024-02-12\n",
		"episode;code;date\nA;VH310;2024-01-15\nB;VH310;2024-01-15\nA;VH350;2024-02-32\nB;VH350;2024-02-12\n",
		// Quotes left open: in a column that is not used (the lines after
		// it are read again as rows, also when every row of an episode is
		// among them), in a used one, closed by a later stray quote, and
		// a value of several lines that is whole.
		"episode;code;date;note\nA;VH310;2024-01-15;\"x\nB;VH310;2024-01-15;\nB;VH350;2024-02-12;\nA;VH350;2024-02-12;\n",
		"episode;diagnosis;code;date\nA;\"C54;VH310;2024-01-15\nA;C54;VH350;2024-02-12\n",
		"episode;code;date;note\nA;VH310;2024-01-15;\"x\nB;VH310;2024-01-15;y\"z\nB;VH350;2024-02-12;\n",
		"note;episode;code;date\n\"a\nb\";A;VH310;2024-01-15\n\"c;A;VH350;2024-02-12\n;A;VH350;2024-02-13\n",
		// Columns that are not read change from row to row (the short
		// cut skips them): a row number, quoted values with separators,
		// "" and blanks, a quote inside a value, text after a closing
		// quote, a NUL byte, a quote that does not close, a column too
		// many or too few, non-ASCII bytes, and another separator.
		"row;episode;region;code;date;unit\n1;A;01;VH310;2024-01-15;x\n2;A;01;VH315;2024-01-16;\"a;b\"\n3;A;01;VH320;2024-01-17; \"c\"\"d\" \n" +
			"4;A;01;VH325;2024-01-18;e\"f\n5;A;01;VH330;2024-01-19;\"g\"h\n6;A;01;VH335;2024-01-20;i\x00\n7;A;01;VH340;2024-01-21;\"j\n" +
			"8;A;01;VH343;2024-01-22;k;l\n9;A;01;VH350;2024-01-23\n10;A;01;VH350;2024-01-24;\xf6\n11;A;01;VH350;2024-01-25;\xc3\xb6\n",
		// Every row quoted in a column not read, or in the id, or with a
		// separator in a quoted attribute: rows so kept take the short
		// cut only where they can.
		"episode,code,date,unit,region\n\"A\",VH310,2024-01-15,\"Kir, avd 3\",01\nA,VH315,2024-01-16,\"Kir, avd 4\",01\n\"A\",VH320,2024-01-17,\"x\"\"y\",01\n" +
			"B,VH310,2024-01-15,\"u\",\"0,1\"\nB,VH315,2024-01-16,\"v\",0,1\nB,VH320,2024-01-17,w,\"0,1\"\nC,VH310,2024-01-15,\"u\", \"01\"\nC,VH315,2024-01-16,v,01\n",
		// Dates with a time, as Excel saves them (the short cut reads
		// them too), a time other than midnight, one that is no time,
		// and with ',' as separator a shorter date whose next column
		// would read as a fraction of a second.
		"episode;code;date;unit\nA;VH310;2024-01-15 00:00:00;a\nA;VH315;2024-01-16 00:00:00;b\nA;VH320;2024-01-17 13:45:10;c\n" +
			"A;VH325;2024-01-18 25:00:00;d\nA;VH330;2024-01-19T00:00:00;e\nA;VH335;20240120 00:00:00;f\nA;VH350;2024-01-21 00:00;g\n",
		"episode,code,date,unit\nA,VH310,2024-01-15 00:00:00.5,a\nA,VH315,2024-01-16 00:00:00,5,b\nA,VH350,2024-01-17 00:00:00.5,b\n",
		"episode\tcode\tdate\tunit\tage\nA\tVH310\t2024-01-15\t\"a\tb\"\t60\nA\tVH315\t2024-01-16\t \"c\"\t60\nA\tVH320\t20240117\tx\t60\nA\tVH325\t20240118\ty\t61\n",
	} {
		f.Add(in, uint8(0))
	}
	f.Fuzz(func(t *testing.T, input string, enc uint8) {
		if isJSONL(input) {
			t.Skip()
		}
		fuzzRead(t, input, enc, false)
	})
}

func FuzzReadJSONL(f *testing.F) {
	seeds(f, true)
	f.Fuzz(func(t *testing.T, input string, enc uint8) {
		if !isJSONL(input) {
			t.Skip()
		}
		fuzzRead(t, input, enc, true)
	})
}
