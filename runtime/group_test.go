package runtime

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	goruntime "runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime/input"
)

// episode fills in with group idx, as the reader would have passed it
// had its rows been adjacent: the events in input order, each naming its
// own input (input.Event.File). The collector reads episodes several at
// a time (chainWalk); the tests take them one by one.
func (g *grouper) episode(idx uint32, in *input.Episode) {
	var w chainWalk
	w.walk(g, idx, 1)
	g.fill(idx, w.evs[0], in, nil)
}

// refGrouper groups runs as input.Episode values, as the collector did
// before the compact records: the reference the grouper is checked
// against.
type refGrouper struct {
	groups   map[string]*input.Episode
	order    []*input.Episode
	rejected []input.Rejection
}

func (c *refGrouper) add(ep *input.Episode) {
	g, ok := c.groups[ep.ID]
	if !ok {
		g = new(input.Episode)
		*g = *ep
		g.Events = slices.Clone(ep.Events)
		c.groups[ep.ID] = g
		c.order = append(c.order, g)
		return
	}
	if field, a, b := refConflict(g, ep); field != "" {
		from := len(g.Rejected)
		g.Rejected = append(g.Rejected, ep.Rejected...)
		last := 0
		for _, e := range ep.Events {
			if e.Row == last {
				continue
			}
			last = e.Row
			r := input.Rejection{File: ep.File, Row: e.Row, Field: field, Episode: ep.ID,
				Reason: fmt.Sprintf(msg.GroupConflict, ep.ID, input.FieldName(field), b, a, g.File, g.FirstRow, input.FieldName(field))}
			c.rejected = append(c.rejected, r)
			g.Rejected = append(g.Rejected, r)
		}
		slices.SortStableFunc(g.Rejected[from:], func(a, b input.Rejection) int { return a.Row - b.Row })
		return
	}
	if ep.Rejected != nil {
		g.Rejected = append(g.Rejected, ep.Rejected...)
	}
	set := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	set(&g.Region, ep.Region)
	set(&g.Sex, ep.Sex)
	set(&g.County, ep.County)
	set(&g.ReferringRegion, ep.ReferringRegion)
	set(&g.Diagnosis, ep.Diagnosis)
	set(&g.Intent, ep.Intent)
	if !g.HasAge && ep.HasAge {
		g.Age, g.HasAge = ep.Age, true
	}
	g.Absent &= ep.Absent
	n := len(g.Events)
	g.Events = append(g.Events, ep.Events...)
	if ep.File != g.File {
		fi := slices.Index(g.Files, ep.File) + 1
		if fi == 0 {
			g.Files = append(g.Files, ep.File)
			fi = len(g.Files)
		}
		for i := n; i < len(g.Events); i++ {
			g.Events[i].File = int32(fi)
		}
	}
	g.Rows += ep.Rows
}

func refConflict(a, b *input.Episode) (field, va, vb string) {
	pairs := []struct{ name, x, y string }{
		{"region", a.Region, b.Region}, {"sex", a.Sex, b.Sex}, {"county", a.County, b.County},
		{"referring_region", a.ReferringRegion, b.ReferringRegion}, {"diagnosis", a.Diagnosis, b.Diagnosis},
		{"intent", a.Intent, b.Intent},
	}
	for _, p := range pairs {
		if p.x != "" && p.y != "" && p.x != p.y {
			return p.name, p.x, p.y
		}
	}
	if a.HasAge && b.HasAge && a.Age != b.Age {
		return "age", fmt.Sprint(a.Age), fmt.Sprint(b.Age)
	}
	return "", "", ""
}

// randomRuns returns n runs of a few episodes spread over three files,
// with attributes that now agree, now fill in, now contradict; rejected
// rows; rows of several events (JSON Lines); a code of no KVÅ shape,
// which only a caller other than the readers passes; and ids of up to
// idInline bytes, which a record holds itself, and longer ones.
func randomRuns(rng *rand.Rand, n int) []input.Episode {
	pick := func(vals ...string) string { return vals[rng.IntN(len(vals))] }
	id := func(k int) string { // "E0-" to "E11-xxxxxxxxxxx" (3 to 15 bytes)
		return fmt.Sprintf("E%d-", k) + strings.Repeat("x", k%12)
	}
	files := []string{"a.csv", "b.csv", "c.jsonl"}
	rows := map[string]int{}
	var runs []input.Episode
	for range n {
		ep := input.Episode{File: files[rng.IntN(len(files))], ID: id(rng.IntN(25)),
			Region: pick("", "01", "01", "13"), Sex: pick("", "K", "M"), County: pick("", "01", "14"),
			ReferringRegion: pick("", "", "04"), Diagnosis: pick("", "C71.1", "C50.9", "C50.9"), Intent: pick("", "kur", "pal"),
			Absent: compiler.AttrSet(rng.IntN(4))}
		if rng.IntN(3) > 0 {
			ep.Age, ep.HasAge = 40+rng.IntN(3), true
		}
		row := rows[ep.File] + 1 + rng.IntN(3)
		ep.FirstRow = row
		for k := rng.IntN(4); k > 0; k-- {
			if rng.IntN(5) == 0 {
				ep.Rejected = append(ep.Rejected, input.Rejection{File: ep.File, Row: row, Field: "date", Episode: ep.ID, Reason: "r"})
				row++
				continue
			}
			code := rawCode(fmt.Sprintf("V%s%02d", pick("L2", "G9", "N0", "P9", "9Z"), rng.IntN(100)))
			if rng.IntN(40) == 0 {
				// A RawCode no reader passes: the grouper numbers it
				// after the codes (grouper.code).
				code = codeKeys + compiler.RawCode(rng.IntN(3))
			}
			ep.Events = append(ep.Events, input.Event{Code: code, Date: compiler.Day(19000 + rng.IntN(900)), Row: row})
			if ep.File != "c.jsonl" || rng.IntN(2) == 0 {
				row++
			}
		}
		if len(ep.Events) == 0 && ep.Rejected == nil { // every run has a row
			ep.Rejected = append(ep.Rejected, input.Rejection{File: ep.File, Row: row, Field: "code", Episode: ep.ID, Reason: "r"})
			row++
		}
		ep.Rows = row - ep.FirstRow
		rows[ep.File] = row
		runs = append(runs, ep)
	}
	return runs
}

// TestGrouperAsEpisodes: runs grouped in compact records give every
// episode as grouping the runs as input.Episode values gave it (order,
// attributes, events with their files and rows, rows, rejected rows,
// rejections passed on), whether a run comes as an input.Episode or in a
// block parsed on another goroutine.
func TestGrouperAsEpisodes(t *testing.T) {
	for seed := range uint64(60) {
		rng := rand.New(rand.NewPCG(seed, 1))
		runs := randomRuns(rng, 5+rng.IntN(120))
		ref := &refGrouper{groups: map[string]*input.Episode{}}
		for i := range runs {
			ref.add(&runs[i])
		}
		var rejected []input.Rejection
		g := newGrouper(newIDSeed())
		g.reject = func(r input.Rejection) { rejected = append(rejected, r) }
		local := &groupLocal{seed: g.seed, vals: &valCache{g: g}, codes: new(codeSet), newBlock: func() *groupBlock { return &groupBlock{} }}
		for i := 0; i < len(runs); {
			if rng.IntN(2) == 0 {
				g.addEpisode(&runs[i])
				i++
				continue
			}
			// A block: runs of one file, passed as the reader passes them
			// to a Local, filling one episode again and again.
			var own input.Episode
			j := i
			for ; j < len(runs) && j < i+1+rng.IntN(6) && runs[j].File == runs[i].File; j++ {
				own = runs[j]
				own.Events = append([]input.Event(nil), runs[j].Events...)
				local.Episode(&own)
				clear(own.Events)
			}
			b := local.Done().(*groupBlock)
			g.addBlock(b)
			b.reset()
			i = j
		}
		if g.err != nil {
			t.Fatal(g.err)
		}
		if g.n != len(ref.order) {
			t.Fatalf("seed %d: %d episodes, want %d", seed, g.n, len(ref.order))
		}
		if !reflect.DeepEqual(rejected, ref.rejected) {
			t.Errorf("seed %d: rejections passed on\n got %v\nwant %v", seed, rejected, ref.rejected)
		}
		var got input.Episode
		for i, want := range ref.order {
			g.episode(uint32(i), &got)
			if d := episodeDiff(&got, want); d != "" {
				t.Fatalf("seed %d, episode %s: %s", seed, want.ID, d)
			}
		}
		// Several episodes' events read at once, as evaluateGrouped
		// reads them: the same episodes.
		var w chainWalk
		for lo := 0; lo < g.n; {
			n := min(1+rng.IntN(chainWays), g.n-lo)
			w.walk(g, uint32(lo), n)
			for j := range n {
				g.fill(uint32(lo+j), w.evs[j], &got, nil)
				if d := episodeDiff(&got, ref.order[lo+j]); d != "" {
					t.Fatalf("seed %d, episode %s read %d at once: %s", seed, ref.order[lo+j].ID, n, d)
				}
			}
			lo += n
		}
	}
}

// episodeDiff says how a and b differ as renderers see them: events by
// the name of their file (EventFile), not by the index in Files.
func episodeDiff(a, b *input.Episode) string {
	places := func(ep *input.Episode) []string {
		var s []string
		for i, e := range ep.Events {
			s = append(s, fmt.Sprintf("%s %d %s:%d", e.Code, e.Date, ep.EventFile(i), e.Row))
		}
		return s
	}
	if pa, pb := places(a), places(b); !slices.Equal(pa, pb) {
		return fmt.Sprintf("events\n got %v\nwant %v", pa, pb)
	}
	ca, cb := *a, *b
	ca.Events, cb.Events, ca.Files, cb.Files = nil, nil, nil, nil
	if !reflect.DeepEqual(ca, cb) {
		return fmt.Sprintf("\n got %+v\nwant %+v", ca, cb)
	}
	return ""
}

// TestGrouperBytesPerEpisode: grouped episodes take bytes, not
// kilobytes: 100 000 episodes of six one-row runs each (rows shuffled)
// take less than 250 bytes per episode, all told (the input.Episode
// copies took about 900).
func TestGrouperBytesPerEpisode(t *testing.T) {
	const n, per = 100_000, 6
	codes := []compiler.RawCode{rawCode("VB210"), rawCode("VB215"), rawCode("VB225"), rawCode("VB235"), rawCode("VB240"), rawCode("VB250")}
	vals := []string{"01", "13", "14", "C18.7", "C20.9", "kur", "pal", "K", "M"}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("S%08d", i)
	}
	var ms goruntime.MemStats
	goruntime.GC()
	goruntime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	g := newGrouper(newIDSeed())
	ep := input.Episode{File: "big.csv", Events: make([]input.Event, 1), Rows: 1}
	for k := range per {
		for i := range n {
			j := (i*7919 + k) % n
			// The reader makes the id anew for every run.
			ep.ID = string(append([]byte(nil), ids[j]...))
			ep.Region, ep.County, ep.Diagnosis, ep.Intent = vals[j%3], vals[j%3], vals[3+j%2], vals[5+j%2]
			ep.Sex, ep.Age, ep.HasAge = vals[7+j%2], 40+j%50, true
			ep.FirstRow = 2 + k*n + i
			ep.Events[0] = input.Event{Code: codes[k], Date: compiler.Day(19800 + k*7), Row: ep.FirstRow}
			g.addEpisode(&ep)
		}
	}
	goruntime.GC()
	goruntime.ReadMemStats(&ms)
	perEpisode := float64(int64(ms.HeapAlloc)-int64(before)) / n
	if g.n != n || g.nev != n*per {
		t.Fatalf("%d episodes, %d events; want %d, %d", g.n, g.nev, n, n*per)
	}
	if perEpisode > 250 {
		t.Errorf("%.0f bytes per grouped episode, want at most 250", perEpisode)
	}
	goruntime.KeepAlive(g)
}

// TestGroupedCodeIDs: the CodeIDs fill gives a grouped episode's events
// with the grouper's program are the ones toEpisode makes from their
// text, for codes of a prefix the guide has and of one it has not, with
// a digit for a letter, and of other shapes (numbered apart).
func TestGroupedCodeIDs(t *testing.T) {
	g10, diags, _ := compiler.Load(rules.FS(), "10.6", "rules/10.6")
	if g10 == nil {
		t.Fatal(diags)
	}
	p := compiler.Compile(g10)
	rng := rand.New(rand.NewPCG(7, 1))
	g := newGrouper(newIDSeed())
	g.prog = p
	g.reject = func(input.Rejection) {}
	for _, ep := range randomRuns(rng, 400) {
		g.addEpisode(&ep)
	}
	if g.err != nil {
		t.Fatal(g.err)
	}
	var w chainWalk
	var in input.Episode
	var got, want compiler.Episode
	for idx := range uint32(g.n) {
		w.walk(g, idx, 1)
		g.fill(idx, w.evs[0], &in, &got)
		toEpisode(p, &in, &want)
		if !slices.Equal(got.Events, want.Events) {
			t.Fatalf("episode %s (%v): events %v, want %v", in.ID, in.Events, got.Events, want.Events)
		}
	}
}

// TestGroupBlockVals checks how groupBlock.add numbers a run's values
// (valCache, inlined there): every value is found again by its bytes,
// whatever string holds them, and the empty value is 0 however it comes,
// also when the cache's entry of no bytes (nil, slot 0) holds a value.
func TestGroupBlockVals(t *testing.T) {
	g := newGrouper(newIDSeed())
	vc := &valCache{g: g}
	var b groupBlock
	back := "C50.9kurK13"
	tests := []struct {
		name  string
		vals  [numGroupAttrs]string
		setup func()
	}{
		{name: "none"},
		{name: "values", vals: [numGroupAttrs]string{"01", "K", "13", "", "C50.9", "kur"}},
		{name: "same bytes elsewhere", vals: [numGroupAttrs]string{strings.Clone("01"), back[8:9], back[9:11], "", back[0:5], back[5:8]}},
		{name: "a prefix from the same bytes", vals: [numGroupAttrs]string{back[0:2], back[0:3], back[0:4], back[0:0], back[0:5], back[5:6]}},
		{name: "empty with bytes", vals: [numGroupAttrs]string{back[3:3], back[4:4], "", back[11:], "", ""}},
		{name: "nil's entry taken", vals: [numGroupAttrs]string{"", "K", "", "", "", ""}, setup: func() {
			vc.e[0] = valEntry{p: unsafe.StringData(back), n: 1, idx: g.valIdx["C"]}
		}},
	}
	for _, tt := range tests {
		if tt.setup != nil {
			tt.setup()
		}
		b.reset()
		a := tt.vals
		b.add(&input.Episode{File: "f", ID: "x", Region: a[attrRegion], Sex: a[attrSex], County: a[attrCounty],
			ReferringRegion: a[attrReferring], Diagnosis: a[attrDiagnosis], Intent: a[attrIntent]}, g.seed, vc, new(codeSet))
		for i, idx := range b.runs[0].vals {
			if int(idx) >= len(g.vals) || g.vals[idx] != a[i] {
				t.Errorf("%s: %s %q numbered %d (%q)", tt.name, attrNames[i], a[i], idx, g.vals[min(int(idx), len(g.vals)-1)])
			}
			if a[i] == "" && idx != 0 {
				t.Errorf("%s: %s empty numbered %d", tt.name, attrNames[i], idx)
			}
		}
	}
}

// TestValCacheSharedSlot: values whose bytes' addresses share a slot of
// valCache are all kept, up to valCacheWays of them, so that numbering
// them over and over looks up none of them in valIdx again; more of them
// than that are still numbered right.
func TestValCacheSharedSlot(t *testing.T) {
	// Three-byte values at every offset of one string, by slot.
	var text strings.Builder
	for i := range 1 << 16 {
		text.WriteByte("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[(i*7+i/36)%36])
	}
	all := text.String()
	bySlot := map[uint64][]string{}
	var shared []string // the most values of one slot, of different bytes
	for o := 0; o+3 <= len(all); o++ {
		v := all[o : o+3]
		slot := valSlot(unsafe.StringData(v))
		if !slices.Contains(bySlot[slot], v) {
			bySlot[slot] = append(bySlot[slot], v)
			if len(bySlot[slot]) > len(shared) {
				shared = bySlot[slot]
			}
		}
	}
	if len(shared) < valCacheWays+1 {
		t.Fatalf("only %d values share a slot", len(shared))
	}
	for _, tt := range []struct {
		n          int  // values sharing the slot
		lookedOnce bool // each is looked up in valIdx once only
	}{
		{1, true}, {2, true}, {3, true}, {valCacheWays, true}, {valCacheWays + 1, false},
	} {
		g := newGrouper(newIDSeed())
		vc := &valCache{g: g}
		var b groupBlock
		for round := range 5 {
			for _, v := range shared[:tt.n] {
				b.reset()
				b.add(&input.Episode{File: "f", ID: "x", Diagnosis: v}, g.seed, vc, new(codeSet))
				if idx := b.runs[0].vals[attrDiagnosis]; g.vals[idx] != v {
					t.Fatalf("%d values, round %d: %q numbered %d (%q)", tt.n, round, v, idx, g.vals[idx])
				}
			}
		}
		if tt.lookedOnce && vc.looked != tt.n {
			t.Errorf("%d values sharing a slot: %d looked up in valIdx, want %d", tt.n, vc.looked, tt.n)
		}
	}
}

// TestCodeKey: codeKey keys the RawCodes the readers pass, all of them
// below codeKeys, by their number, and refuses the ones past them.
func TestCodeKey(t *testing.T) {
	for _, tt := range []struct {
		code compiler.RawCode
		ok   bool
	}{
		{rawCode("V0000"), true}, {rawCode("VL260"), true}, {rawCode("VZZ99"), true},
		{codeKeys, false}, {codeKeys + 1, false}, {1<<32 - 1, false},
	} {
		k, ok := codeKey(tt.code)
		if ok != tt.ok || ok && k != uint32(tt.code) {
			t.Errorf("codeKey(%d) = %d, %v; want ok %v", uint32(tt.code), k, ok, tt.ok)
		}
	}
	if c := rawCode("VZZ99"); c != codeKeys-1 {
		t.Errorf("VZZ99 is RawCode %d, want codeKeys-1 = %d", uint32(c), codeKeys-1)
	}
}

// rawCode numbers a code's text for a test's events.
func rawCode(s string) compiler.RawCode {
	c, ok := compiler.ParseRawCode(s)
	if !ok {
		panic("rawCode: not a code: " + s)
	}
	return c
}

// TestIsID: isID tells an id kept in a record (keepID: in the record up
// to idInline bytes, else in a chunk) from ids that differ from it in
// any one byte or in length, and finds it again, for ids of 0 to 20
// bytes.
func TestIsID(t *testing.T) {
	g := newGrouper(newIDSeed())
	const all = "ABCDEFGHIJKLMNOPQRSTU"
	for n := 0; n <= 20; n++ {
		var r groupRec
		g.keepID(&r.id, []byte(all[:n]))
		tests := []struct {
			id   string
			want bool
		}{
			{all[:n], true},
			{all[:n] + "V", false},
		}
		if n > 0 {
			tests = append(tests, struct {
				id   string
				want bool
			}{all[:n-1], false})
		}
		for at := range n {
			id := []byte(all[:n])
			id[at] = 'x'
			tests = append(tests, struct {
				id   string
				want bool
			}{string(id), false})
		}
		for _, tt := range tests {
			if got := g.isID(&r.id, []byte(tt.id)); got != tt.want {
				t.Errorf("id %q kept, isID(%q) = %v", all[:n], tt.id, got)
			}
		}
	}
}
