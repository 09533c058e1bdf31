// Command synth writes a synthetic SVF episode export for benchmarks and
// load tests: invented episodes of every pathway, in the column layout of
// testdata/episodes/example.csv, one row per coded event.
//
//	go run ./testdata/synth -episodes 1000000 -seed 1 -o episodes.csv
//	go run ./testdata/synth -episodes 1000000 -seed 1 -shuffle -o shuffled.csv
//
// Each episode takes a pathway weighted roughly by how many pathways of each
// kind Sweden reports in a year (prostate, breast, colorectal, lung, skin
// melanoma and serious non-specific symptoms most), and gets 3–9 events: the
// start code, some voluntary codes, sometimes VXX91 (with the referring
// region), VXX22 and VXX44 where the guide's tables allow them, and one
// closing code the table allows, 5–120 days after the start in 2024. About
// 2 % are still ongoing (no closing code) and about 5 % carry one of the
// typical coding mistakes of testdata/episodes/README.md. The codes each
// pathway may use come from the embedded rules of the newest guide version,
// so the data follows the tables the evaluator checks against.
//
// Everything is invented; nothing comes from real patients. The output is
// a function of the flags only: the same flags give the same bytes.
//
// With -shuffle the rows of up to 1000 episodes at a time are interleaved at
// random, so the rows of one episode are not adjacent; the rows are the
// same as without -shuffle, in another order.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"time"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
)

// Header is the first line of the output.
const Header = "episode;region;age;sex;county;referring_region;diagnosis;intent;code;date\n"

// Options are what synth writes.
type Options struct {
	Episodes int
	Seed     uint64
	// Shuffle interleaves the rows of up to Window episodes.
	Shuffle bool
	Window  int
}

func main() {
	var opt Options
	flag.IntVar(&opt.Episodes, "episodes", 1000, "number of episodes")
	flag.Uint64Var(&opt.Seed, "seed", 1, "random seed: the same seed gives the same file")
	flag.BoolVar(&opt.Shuffle, "shuffle", false, "interleave the rows of different episodes")
	out := flag.String("o", "-", "output file (- for standard output)")
	flag.Parse()
	opt.Window = 1000
	if err := run(*out, opt); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(out string, opt Options) error {
	w := io.Writer(os.Stdout)
	var f *os.File
	if out != "-" {
		var err error
		if f, err = os.Create(out); err != nil {
			return err
		}
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	err := Generate(bw, opt)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// Generate writes the header and opt.Episodes episodes to w.
func Generate(w io.Writer, opt Options) error {
	m, err := newModel()
	if err != nil {
		return err
	}
	g := &generator{m: m, rng: rand.New(rand.NewPCG(opt.Seed, 0x5346_5f73_796e_7468))}
	if _, err := io.WriteString(w, Header); err != nil {
		return err
	}
	if !opt.Shuffle {
		var buf []byte
		var ends []int
		for i := range opt.Episodes {
			buf, ends = g.episode(buf[:0], ends[:0], i+1)
			if _, err := w.Write(buf); err != nil {
				return err
			}
		}
		return nil
	}
	return interleave(w, g, opt)
}

// interleave writes the episodes with the rows of up to opt.Window of them
// mixed: each row comes from a random episode of the window, and a finished
// episode makes room for the next. A second random source picks the rows,
// so the episodes are the same as without shuffling.
func interleave(w io.Writer, g *generator, opt Options) error {
	pick := rand.New(rand.NewPCG(opt.Seed, 0x7368_7566_666c_6521))
	type slot struct {
		buf  []byte
		ends []int // end offset of each row in buf
		next int   // next row to write
	}
	window := max(opt.Window, 1)
	slots := make([]*slot, 0, window)
	made := 0
	fill := func(s *slot) {
		made++
		s.buf, s.ends = g.episode(s.buf[:0], s.ends[:0], made)
		s.next = 0
	}
	for made < opt.Episodes && len(slots) < window {
		s := &slot{}
		fill(s)
		slots = append(slots, s)
	}
	out := make([]byte, 0, 1<<16)
	for len(slots) > 0 {
		i := pick.IntN(len(slots))
		s := slots[i]
		start := 0
		if s.next > 0 {
			start = s.ends[s.next-1]
		}
		out = append(out, s.buf[start:s.ends[s.next]]...)
		s.next++
		if s.next == len(s.ends) {
			if made < opt.Episodes {
				fill(s)
			} else {
				slots[i] = slots[len(slots)-1]
				slots = slots[:len(slots)-1]
			}
		}
		if len(out) > 1<<16-256 {
			if _, err := w.Write(out); err != nil {
				return err
			}
			out = out[:0]
		}
	}
	_, err := w.Write(out)
	return err
}

// pathway is what synth needs to know of one pathway: from the guide's
// tables (which codes it may use) and invented figures (how common it is,
// who gets it).
type pathway struct {
	key       string
	prefixes  []string
	weight    int
	female    int // per cent of patients who are women
	ageMean   int
	diagnoses []string // ICD-10 codes given with treatment closings

	treatment    []int // closing suffixes for start of treatment the table allows
	treatmentCum []int // cumulative weights of treatment
	kurCode      int   // a treatment suffix only for curative intention, 0: none
	other        []int // closing suffixes for other reasons the table allows
	otherCum     []int
	has22        bool
	has44        bool
}

// profile is the invented part of a pathway's description, by prefix.
type profile struct {
	weight    int // roughly pathways a year in Sweden (an approximation, not a statistic)
	female    int
	ageMean   int
	diagnoses []string
}

var profiles = map[string]profile{
	"VN4": {800, 45, 66, []string{"C92.0", "C91.0", "C92.5"}},
	"VP8": {12000, 52, 70, []string{"C80.9"}},
	"VB3": {300, 65, 65, []string{"C21.0", "C21.1"}},
	"VG9": {17000, 99, 61, []string{"C50.4", "C50.9", "C50.8", "C50.1"}},
	"VF3": {300, 50, 62, []string{"C48.0", "C49.4"}},
	"VB6": {3500, 48, 71, []string{"C25.0", "C25.9"}},
	"VB5": {700, 60, 72, []string{"C23.9", "C24.0"}},
	"VL2": {1500, 42, 60, []string{"C71.0", "C71.1", "C71.2", "C71.9"}},
	"VE0": {15000, 47, 64, []string{"C43.5", "C43.6", "C43.7"}},
	"VA9": {6000, 32, 65, []string{"C02.1", "C09.9", "C32.0", "C10.9"}},
	"VB4": {1500, 30, 70, []string{"C22.0", "C22.1"}},
	"VH2": {1500, 100, 48, []string{"C53.0", "C53.9"}},
	"VH3": {3500, 100, 68, []string{"C54.1", "C54.9"}},
	"VC0": {9000, 52, 71, []string{"C34.1", "C34.3", "C34.9"}},
	"VN0": {4000, 44, 67, []string{"C83.3", "C81.1", "C82.9", "C91.1"}},
	"VB0": {2500, 32, 70, []string{"C15.5", "C16.0", "C16.9"}},
	"VN2": {1200, 42, 71, []string{"C90.0"}},
	"VN8": {600, 50, 68, []string{"D45.9", "D47.1"}},
	"VF4": {400, 48, 64, []string{"C7A.0", "C17.1"}},
	"VK0": {2500, 35, 67, []string{"C64.9"}},
	"VP9": {2000, 50, 72, []string{"C80.0", "C80.9"}},
	"VJ0": {250, 0, 68, []string{"C60.1", "C60.9"}},
	"VJ1": {16000, 0, 69, []string{"C61.9"}},
	"VP5": {2000, 47, 55, []string{"C49.2", "C40.2"}},
	"VM0": {1500, 72, 52, []string{"C73.9"}},
	"VJ2": {500, 0, 36, []string{"C62.1", "C62.9"}},
	"VB2": {12000, 46, 71, []string{"C18.7", "C18.2", "C20.9", "C19.9"}},
	"VK1": {8000, 25, 73, []string{"C67.9", "C65.9"}},
	"VH0": {400, 100, 74, []string{"C51.9"}},
	"VH4": {2500, 100, 63, []string{"C56.9"}},
}

// regions are the region (and county) codes with a rough weight for the
// population.
var regions = []struct {
	code   string
	weight int
}{
	{"01", 245}, {"03", 40}, {"04", 30}, {"05", 47}, {"06", 37}, {"07", 20},
	{"08", 25}, {"09", 6}, {"10", 16}, {"12", 141}, {"13", 34}, {"14", 174},
	{"17", 28}, {"18", 31}, {"19", 28}, {"20", 29}, {"21", 29}, {"22", 24},
	{"23", 13}, {"24", 27}, {"25", 25},
}

// Treatment and other-reason closing codes, with how often each is chosen
// among those a pathway allows.
var (
	treatmentWeights = map[int]int{50: 35, 52: 20, 54: 12, 58: 10, 59: 4, 60: 8, 73: 5}
	otherWeights     = map[int]int{70: 40, 72: 10, 74: 8, 76: 7, 78: 35}
)

// model is every table synth draws from.
type model struct {
	pathways []*pathway
	cumPath  []int // cumulative weights of pathways
	cumReg   []int
	dates    [][]byte // "YYYY-MM-DD" by day since dateBase
}

// dateBase is day 0 of model.dates; episodes start in 2024.
var dateBase = time.Date(2023, 11, 1, 0, 0, 0, 0, time.UTC)

// yearStart is 2024-01-01 as a day since dateBase.
const yearStart = 61

func newModel() (*model, error) {
	v := rules.Latest()
	g, diags, _ := compiler.Load(rules.FS(), v, "rules/"+v)
	if g == nil {
		return nil, fmt.Errorf("embedded rules %s do not compile: %v", v, diags)
	}
	m := &model{}
	total := 0
	for _, pw := range g.Pathways {
		prof, ok := profiles[pw.Prefixes[0]]
		if !ok {
			return nil, fmt.Errorf("no profile for pathway %s (%s)", pw.Key, pw.PrefixLabel())
		}
		p := &pathway{key: pw.Key, prefixes: pw.Prefixes, weight: prof.weight, female: prof.female,
			ageMean: prof.ageMean, diagnoses: prof.diagnoses}
		for _, c := range g.Codes {
			ok, q := g.Allowed(pw, c)
			if !ok {
				continue
			}
			switch {
			case c.Kind == compiler.KindTreatment && treatmentWeights[c.Num] > 0:
				p.treatment = append(p.treatment, c.Num)
				p.treatmentCum = appendCum(p.treatmentCum, treatmentWeights[c.Num])
				if q != nil && q.Name == "kur" && p.kurCode == 0 {
					p.kurCode = c.Num
				}
			case c.Kind == compiler.KindOtherReason && otherWeights[c.Num] > 0:
				p.other = append(p.other, c.Num)
				p.otherCum = appendCum(p.otherCum, otherWeights[c.Num])
			case c.Num == 22 && c.Table:
				p.has22 = true
			case c.Num == 44:
				p.has44 = true
			}
		}
		if len(p.other) == 0 {
			return nil, fmt.Errorf("pathway %s: no closing code for other reasons", pw.Key)
		}
		m.pathways = append(m.pathways, p)
		total += p.weight
		m.cumPath = append(m.cumPath, total)
	}
	total = 0
	for _, r := range regions {
		total += r.weight
		m.cumReg = append(m.cumReg, total)
	}
	for d := dateBase; d.Year() < 2026; d = d.AddDate(0, 0, 1) {
		m.dates = append(m.dates, []byte(d.Format("2006-01-02")))
	}
	return m, nil
}

// pickCum returns the index drawn from cumulative weights cum.
func pickCum(rng *rand.Rand, cum []int) int {
	x := rng.IntN(cum[len(cum)-1])
	lo, hi := 0, len(cum)
	for lo < hi {
		mid := (lo + hi) / 2
		if cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// appendCum appends weight w to the cumulative weights cum.
func appendCum(cum []int, w int) []int {
	if n := len(cum); n > 0 {
		w += cum[n-1]
	}
	return append(cum, w)
}

// The coding mistakes synth makes, as in testdata/episodes.
const (
	mistakeNone         = iota
	mistakeRetired42    // the retired VXX42
	mistakeCloseBefore  // closing date before VXX10
	mistakeTwoClosings  // a second closing code
	mistakeNoStart      // no VXX10
	mistakeMinor        // a patient under 18
	mistakeNoReferring  // VXX91 without the referring region
	mistakeTransfer90   // VXX90 and a closing code
	mistakeForeign      // a code of another pathway
	mistakeVL250        // brain tumours: VL250
	mistakeVL260No244   // brain tumours: VL260 without VL244
	mistakeKurPal       // a kur-only code with palliative intention
	mistakeCUPDiagnosis // CUP closed by treatment with an organ diagnosis
	mistakeOtherPrefix  // leukaemia, lymphoma: closed with the other prefix (info)
)

// generic are the mistakes any pathway can have.
var generic = []int{mistakeRetired42, mistakeCloseBefore, mistakeTwoClosings, mistakeNoStart,
	mistakeMinor, mistakeNoReferring, mistakeTransfer90, mistakeForeign}

// event is one coded event of the episode being made.
type event struct {
	code int // suffix
	pre  int // index into the pathway's prefixes; -1: another pathway's (foreignPrefix)
	day  int // since dateBase
}

// generator makes episodes one after the other from one random source;
// ev and cand are reused between episodes.
type generator struct {
	m    *model
	rng  *rand.Rand
	ev   []event
	cand []int
}

// The voluntary codes between start and closing, in the order they happen,
// with the per cent of episodes that have them.
var voluntary = []struct{ code, pct int }{
	{15, 80}, {20, 40}, {91, 0}, {25, 85}, {22, 0}, {35, 70}, {40, 65}, {43, 30}, {44, 0},
}

// episode appends the rows of episode number n to buf, and the end offset
// of each row to ends.
func (g *generator) episode(buf []byte, ends []int, n int) ([]byte, []int) {
	rng, m := g.rng, g.m
	p := m.pathways[pickCum(rng, m.cumPath)]
	pre := 0
	if len(p.prefixes) > 1 && rng.IntN(4) == 0 {
		pre = 1
	}
	region := regions[pickCum(rng, m.cumReg)].code
	county := region
	if rng.IntN(100) < 12 {
		county = regions[pickCum(rng, m.cumReg)].code
	}
	sex := "M"
	if rng.IntN(100) < p.female {
		sex = "K"
	}
	age := p.ageMean + int(rng.NormFloat64()*12)
	age = min(max(age, 18), 95)
	referring := ""

	// Closing: ongoing, treatment or other reason.
	closing, intent, diagnosis := 0, "", ""
	switch r := rng.IntN(100); {
	case r < 2:
	case r < 83 && len(p.treatment) > 0:
		closing = p.treatment[pickCum(rng, p.treatmentCum)]
		switch closing {
		case 50, 52, 54:
			if rng.IntN(10) > 0 {
				intent = "kur"
			}
		case 58:
			if rng.IntN(10) > 0 {
				intent = "pal"
			}
		}
		if rng.IntN(20) > 0 {
			diagnosis = p.diagnoses[rng.IntN(len(p.diagnoses))]
		}
	default:
		closing = p.other[pickCum(rng, p.otherCum)]
	}
	if p.key == "okand_primartumor" && diagnosis != "" {
		diagnosis = "C80.9" // CUP closed by treatment: no organ-specific diagnosis
	}

	// Dates: start in 2024, closing 5–119 days later.
	start := yearStart + rng.IntN(366)
	lead := 5 + rng.IntN(39) + rng.IntN(39) + rng.IntN(39)

	ev := append(g.ev[:0], event{10, pre, start})
	if rng.IntN(100) < 4 {
		referring = region
		for referring == region {
			referring = regions[pickCum(rng, m.cumReg)].code
		}
	}
	for _, v := range voluntary {
		pct := v.pct
		switch v.code {
		case 91:
			if referring != "" {
				pct = 100
			}
		case 22:
			if p.has22 {
				pct = 25
			}
		case 44:
			switch {
			case p.key == "hjarntumorer" && closing == 60:
				pct = 100 // VL260 only for low grade, coded VL244
			case p.has44 && treatmentWeights[closing] > 0:
				pct = 25
			}
		}
		if pct > 0 && rng.IntN(100) < pct {
			ev = append(ev, event{v.code, pre, 0})
		}
	}
	// At most 9 events with the closing code; at least 3.
	for _, drop := range []int{20, 43, 40} {
		if len(ev) > 8 {
			ev = removeCode(ev, drop)
		}
	}
	if len(ev) == 1 {
		ev = append(ev, event{25, pre, 0})
	}
	if closing != 0 {
		ev = append(ev, event{closing, pre, start + lead})
	} else if len(ev) < 3 {
		ev = append(ev, event{35, pre, 0})
	}
	// Dates of the events in between: increasing, after the start and
	// not after the closing.
	last := len(ev)
	if closing != 0 {
		last--
	}
	d := start
	for i := 1; i < last; i++ {
		remaining := last - i
		step := (start + lead - d) / (remaining + 1)
		d += rng.IntN(step + 1)
		ev[i].day = d
	}

	// Mistakes.
	mistake := mistakeNone
	if rng.IntN(100) < 5 {
		cand := append(g.cand[:0], generic...)
		if p.key == "hjarntumorer" {
			cand = append(cand, mistakeVL250, mistakeVL260No244)
		}
		if p.kurCode != 0 {
			cand = append(cand, mistakeKurPal)
		}
		if p.key == "okand_primartumor" {
			cand = append(cand, mistakeCUPDiagnosis)
		}
		if len(p.prefixes) > 1 {
			cand = append(cand, mistakeOtherPrefix)
		}
		g.cand = cand
		mistake = cand[rng.IntN(len(cand))]
	}
	lastDay := ev[len(ev)-1].day
	ensureClosing := func(code int) {
		if closing == 0 {
			closing = code
			ev = append(ev, event{code, pre, start + lead})
			lastDay = start + lead
		}
	}
	switch mistake {
	case mistakeRetired42:
		ev = insertBefore(ev, len(ev)-1, event{42, pre, ev[len(ev)-1].day})
	case mistakeCloseBefore:
		ensureClosing(78)
		ev[len(ev)-1].day = start - 1 - rng.IntN(40)
	case mistakeTwoClosings:
		ensureClosing(78)
		ev = append(ev, event{p.other[rng.IntN(len(p.other))], pre, lastDay + rng.IntN(10)})
	case mistakeNoStart:
		ev = ev[1:]
	case mistakeMinor:
		age = 10 + rng.IntN(8)
	case mistakeNoReferring:
		referring = ""
		if !hasCode(ev, 91) {
			ev = insertBefore(ev, 1, event{91, pre, start})
		}
	case mistakeTransfer90:
		ensureClosing(78)
		ev = insertBefore(ev, len(ev)-1, event{90, pre, lastDay})
	case mistakeForeign:
		ev = insertBefore(ev, len(ev)-1, event{35, -1, lastDay})
	case mistakeVL250:
		ensureClosing(50)
		ev[len(ev)-1].code = 50
	case mistakeVL260No244:
		ensureClosing(60)
		ev[len(ev)-1].code = 60
		ev = removeCode(ev, 44)
	case mistakeKurPal:
		ensureClosing(p.kurCode)
		ev[len(ev)-1].code = p.kurCode
		intent = "pal"
	case mistakeCUPDiagnosis:
		ensureClosing(52)
		ev[len(ev)-1].code = 52
		diagnosis = "C34.1"
	case mistakeOtherPrefix:
		ensureClosing(p.other[0])
		ev[len(ev)-1].pre = 1 - pre
	}
	g.ev = ev

	// The rows: the episode's attributes, then code and date.
	rowStart := len(buf)
	buf = append(buf, 'S')
	buf = appendPadded(buf, n, 8)
	buf = append(buf, ';')
	buf = append(buf, region...)
	buf = append(buf, ';')
	buf = appendPadded(buf, age, 1)
	buf = append(buf, ';')
	buf = append(buf, sex...)
	buf = append(buf, ';')
	buf = append(buf, county...)
	buf = append(buf, ';')
	buf = append(buf, referring...)
	buf = append(buf, ';')
	buf = append(buf, diagnosis...)
	buf = append(buf, ';')
	buf = append(buf, intent...)
	buf = append(buf, ';')
	attrs := len(buf) - rowStart
	for i, e := range ev {
		if i > 0 {
			buf = append(buf, buf[rowStart:rowStart+attrs]...)
		}
		if e.pre < 0 {
			buf = append(buf, g.foreignPrefix(p)...)
		} else {
			buf = append(buf, p.prefixes[e.pre]...)
		}
		buf = append(buf, byte('0'+e.code/10), byte('0'+e.code%10), ';')
		buf = append(buf, m.dates[e.day]...)
		buf = append(buf, '\n')
		ends = append(ends, len(buf))
	}
	return buf, ends
}

// foreignPrefix returns the prefix of another pathway than p.
func (g *generator) foreignPrefix(p *pathway) string {
	for {
		q := g.m.pathways[g.rng.IntN(len(g.m.pathways))]
		if q != p {
			return q.prefixes[0]
		}
	}
}

func insertBefore(ev []event, i int, e event) []event {
	ev = append(ev, event{})
	copy(ev[i+1:], ev[i:])
	ev[i] = e
	return ev
}

func hasCode(ev []event, code int) bool {
	for _, e := range ev {
		if e.code == code {
			return true
		}
	}
	return false
}

func removeCode(ev []event, code int) []event {
	out := ev[:0]
	for _, e := range ev {
		if e.code != code {
			out = append(out, e)
		}
	}
	return out
}

// appendPadded appends n in decimal with at least width digits.
func appendPadded(buf []byte, n, width int) []byte {
	var tmp [20]byte
	i := len(tmp)
	for n > 0 || len(tmp)-i < width {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
	}
	return append(buf, tmp[i:]...)
}
