package compiler

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/rcc/svfrules/lang"
)

// The compiled form of a checked guide: what go generate ./rules writes
// for every embedded version (in rules/parsed/guides.bin, after the stamp
// and the header, see embedded.go), so that a run loads the guide
// without the parser, without reflection and without checking it again.
// Decoding 10.6 takes about a millisecond; parsing it took 30 ms
// and decoding the parsed files and checking them some 8 ms (issue 16).
//
// The form follows the model's types field by field, in the order
// written below (encodeGuide and decodeGuide are each other's mirror):
// an integer is a varint, a bool a byte, a string an index into the
// strings seen so far or, the first time, its length and bytes; a slice
// or map its length plus one (0 for nil, so that nil and empty stay
// apart), a pointer a presence mark; a condition's node first marks
// which of its fields are not empty, and only those follow. The
// conditions' syntax (When), Places, the positions of a code's cells
// and of its notes' pathways, the codes' notes with the guide's
// sections, the notes a rule cites and the positions of a condition's
// nodes are sections of their own, their length in bytes first and
// their strings in a table of their own, which eval steps over. A
// pointer to a pathway, code, qualifier or note of the guide is its
// index among those of the guide, so that the decoded model shares them
// as the checked one does. The decoded guide is equal
// (reflect.DeepEqual) to the one Check gives from the text:
// TestEmbeddedParsed compares them for every version, and
// TestGuideFormFields fails when a type of the model gains a field that
// the form does not carry yet.

// guideFormVersion changes whenever the form or the model's types change
// in a way that old encodings would be misread.
const guideFormVersion = 9

// The kinds of node that the form counts before the guide, so that the
// decoder allocates each kind in one block: the conditions' trees are
// most of the model's objects (2 000 allocations for 10.6 one by one).
const (
	kindTyped = iota
	kindTypedPtr
	kindStringElem // an element of a []string (strings)
	kindPathwayRef // an element of a []*Pathway (pathwayRefs)
	kindExpr
	kindExprPtr
	kindAnd
	kindAndPtr
	kindNot
	kindNotPtr
	kindCmp
	kindOperand
	kindOperandPtr
	kindCall
	kindString // a *string of an operand
	nodeKinds
)

// errGuideForm is never shown: the rule files are parsed instead.
var errGuideForm = errors.New("compiled guide: damaged or from another version of svfrules") // for developers

// guideWriter encodes a guide.
type guideWriter struct {
	buf      []byte
	counts   [nodeKinds]int // of the nodes written, by kind (see nodeKinds)
	strs     map[string]int
	pathways map[*Pathway]int
	codes    map[*Code]int
	quals    map[*Qualifier]int
	notes    map[*Note]int
}

// encodeGuide returns the compiled form of g. It fails on a guide whose
// references lead outside it (a note of no code, a cell's qualifier that
// is not the guide's), which the form cannot carry.
func encodeGuide(g *Guide) (out []byte, err error) {
	w := &guideWriter{strs: map[string]int{}, pathways: map[*Pathway]int{}, codes: map[*Code]int{},
		quals: map[*Qualifier]int{}, notes: map[*Note]int{}}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("compiled guide: %v", r) // for developers: go generate
		}
	}()
	w.str(g.Version)
	w.str(g.Date)
	w.str(g.Title)
	w.strings(g.Sources)
	w.strings(g.Notes)
	w.bool(g.ChangeLog != nil)
	if c := g.ChangeLog; c != nil {
		w.str(c.Date)
		w.str(c.Text)
		w.pos(c.Pos)
	}
	w.pos(g.Pos)
	w.places(g.Places)
	w.pos(g.VersionPos)
	w.positions(g.SourcePos)

	w.len(len(g.Qualifiers), g.Qualifiers == nil)
	for i, q := range g.Qualifiers {
		w.quals[q] = i
		w.str(q.Name)
		w.str(q.Legend)
		w.pos(q.Pos)
	}
	w.len(len(g.Pathways), g.Pathways == nil)
	for i, p := range g.Pathways {
		w.pathways[p] = i
		w.int(p.Index)
		w.str(p.Key)
		w.str(p.Name)
		w.strings(p.Prefixes)
		w.strings(p.ICD10)
		w.pos(p.Pos)
	}
	// The codes first without their notes, which refer to codes.
	w.len(len(g.Codes), g.Codes == nil)
	for i, c := range g.Codes {
		w.codes[c] = i
		w.str(c.Suffix)
		w.int(c.Num)
		w.str(c.Name)
		w.int(int(c.Kind))
		w.bool(c.Table)
		w.str(c.Description)
		w.len(len(c.LocalNames), c.LocalNames == nil)
		for _, ln := range c.LocalNames {
			w.str(ln.Code)
			w.str(ln.Name)
			w.pos(ln.Pos)
		}
		w.len(len(c.Cells), c.Cells == nil)
		for _, cell := range c.Cells {
			w.bool(cell.Allowed)
			w.qual(cell.Qualifier)
		}
		if c.Cells != nil {
			w.skippable(func() {
				for _, cell := range c.Cells {
					w.pos(cell.Pos)
				}
			})
		}
		w.pos(c.Pos)
		w.places(c.Places)
	}
	// The notes and the sections are texts of the guide that eval and
	// report do not show: a section they step over (decodeGuideTests).
	w.skippable(func() {
		for _, c := range g.Codes {
			w.len(len(c.Notes), c.Notes == nil)
			for _, n := range c.Notes {
				if n.Code != c {
					panic(fmt.Sprintf("a note of code %s belongs to another code", c.Suffix)) // for developers: a bug in go generate, never run by users
				}
				w.notes[n] = len(w.notes)
				w.pathwayRefs(n.Pathways)
				w.skippable(func() { w.positions(n.PathwayPos) }) // only the lint reads them
				w.str(n.Heading)
				w.str(n.Text)
				w.bool(n.BeforeTable)
				w.pos(n.Pos)
			}
		}
		w.len(len(g.Sections), g.Sections == nil)
		for _, s := range g.Sections {
			w.str(s.Heading)
			w.str(s.Text)
			w.bool(s.Pathways)
			w.len(len(s.Codes), s.Codes == nil)
			for _, c := range s.Codes {
				w.code(c)
			}
			w.pos(s.Pos)
		}
	})
	w.len(len(g.Rules), g.Rules == nil)
	for _, r := range g.Rules {
		w.str(r.ID)
		w.int(int(r.Severity))
		w.pathwayRefs(r.Pathways)
		w.str(r.Name)
		w.str(r.Message)
		w.str(r.Ref)
		w.str(r.Section)
		w.strings(r.Quotes)
		w.skippable(func() { // the notes are not read in model mode
			w.len(len(r.GuideNotes), r.GuideNotes == nil)
			for _, n := range r.GuideNotes {
				k, ok := w.notes[n]
				if !ok {
					panic(fmt.Sprintf("rule %s cites a note that no code has", r.ID)) // for developers: a bug in go generate, never run by users
				}
				w.int(k)
			}
		})
		w.when(r.When)
		w.strings(r.Mentions)
		w.pos(r.Pos)
		w.places(r.Places)
		w.cond(r.cond)
	}
	for _, lts := range [][]*LeadTime{g.LeadTimes, g.LocalLeadTimes} {
		w.len(len(lts), lts == nil)
		for _, lt := range lts {
			w.str(lt.ID)
			w.str(lt.Name)
			w.pathway(lt.Pathway)
			w.bool(lt.Local)
			w.str(lt.From)
			w.strings(lt.To)
			w.int(int(lt.FromOcc))
			w.int(int(lt.ToOcc))
			w.when(lt.When)
			w.strings(lt.Mentions)
			w.bool(lt.HasTarget)
			w.int(lt.Target)
			w.str(lt.Ref)
			w.str(lt.Section)
			w.strings(lt.Quotes)
			w.pos(lt.Pos)
			w.places(lt.Places)
			w.cond(lt.cond)
		}
	}
	w.len(len(g.Tests), g.Tests == nil)
	for _, t := range g.Tests {
		w.str(t.ID)
		w.len(len(t.Attrs), t.Attrs == nil)
		for _, a := range t.Attrs {
			w.str(a.Name)
			w.str(a.Value)
			w.int(a.Number)
			w.bool(a.IsNum)
		}
		w.len(len(t.Events), t.Events == nil)
		for _, e := range t.Events {
			w.str(e.Code)
			w.str(e.Date)
			w.pos(e.Pos)
		}
		w.len(len(t.Expect), t.Expect == nil)
		for _, x := range t.Expect {
			w.int(int(x.Kind))
			w.strings(x.IDs)
			w.str(x.ID)
			w.int(x.Days)
			w.bool(x.Bool)
			w.pos(x.Pos)
			w.str(x.Line)
		}
		w.pos(t.Pos)
	}
	out = binary.AppendUvarint(nil, guideFormVersion)
	for _, n := range w.counts {
		out = binary.AppendUvarint(out, uint64(n))
	}
	return append(out, w.buf...), nil
}

func (w *guideWriter) uint(x uint64) { w.buf = binary.AppendUvarint(w.buf, x) }
func (w *guideWriter) int(x int)     { w.buf = binary.AppendVarint(w.buf, int64(x)) }

func (w *guideWriter) bool(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

// len writes a slice's or map's length plus one, or 0 for nil.
func (w *guideWriter) len(n int, isNil bool) {
	if isNil {
		w.uint(0)
		return
	}
	w.uint(uint64(n) + 1)
}

func (w *guideWriter) str(s string) {
	if k, ok := w.strs[s]; ok {
		w.uint(uint64(k) + 1)
		return
	}
	w.strs[s] = len(w.strs)
	w.uint(0)
	w.uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
}

func (w *guideWriter) strings(ss []string) {
	w.counts[kindStringElem] += len(ss)
	w.len(len(ss), ss == nil)
	for _, s := range ss {
		w.str(s)
	}
}

func (w *guideWriter) pos(p lang.Pos) {
	w.str(p.File)
	w.int(p.Line)
	w.int(p.Column)
}

func (w *guideWriter) positions(ps []lang.Pos) {
	w.len(len(ps), ps == nil)
	for _, p := range ps {
		w.pos(p)
	}
}

// skippable writes what f writes as a section of its own: its length in
// bytes, then its bytes, with a table of strings of its own, so that a
// decoder that does not keep it (model mode: the conditions' syntax,
// Places, the positions of the cells and of the notes' pathways) steps
// over it without reading it;
// reading them through was half of decoding 10.6 for eval (issue 16).
func (w *guideWriter) skippable(f func()) {
	buf, strs := w.buf, w.strs
	w.buf, w.strs = nil, map[string]int{}
	f()
	section := w.buf
	w.buf, w.strs = buf, strs
	w.uint(uint64(len(section)))
	w.buf = append(w.buf, section...)
}

// when writes a condition's syntax (Rule.When, LeadTime.When), a
// skippable section.
func (w *guideWriter) when(e *lang.Expr) { w.skippable(func() { w.expr(e) }) }

// places writes Places, a skippable section.
func (w *guideWriter) places(m map[string]lang.Pos) { w.skippable(func() { w.placesIn(m) }) }

func (w *guideWriter) placesIn(m map[string]lang.Pos) {
	w.len(len(m), m == nil)
	// In key order, so that the form is the same on every run.
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w.str(k)
		w.pos(m[k])
	}
}

// ref writes a reference: 0 for nil, else the index plus one.
func (w *guideWriter) ref(k int, ok, isNil bool, what string) {
	switch {
	case isNil:
		w.uint(0)
	case !ok:
		panic(what + " that is not the guide's") // for developers: a bug in go generate, never run by users
	default:
		w.uint(uint64(k) + 1)
	}
}

func (w *guideWriter) pathway(p *Pathway) {
	k, ok := w.pathways[p]
	w.ref(k, ok, p == nil, "a pathway")
}

func (w *guideWriter) code(c *Code) {
	k, ok := w.codes[c]
	w.ref(k, ok, c == nil, "a code")
}

func (w *guideWriter) qual(q *Qualifier) {
	k, ok := w.quals[q]
	w.ref(k, ok, q == nil, "a qualifier")
}

func (w *guideWriter) pathwayRefs(ps []*Pathway) {
	w.counts[kindPathwayRef] += len(ps)
	w.len(len(ps), ps == nil)
	for _, p := range ps {
		w.pathway(p)
	}
}

// cond writes a condition: its nodes (typed), then the nodes' positions,
// in the order eachTyped visits them, in a section of their own. Only
// the checks and the lint report at a node's position; eval steps over
// them, where reading a position for every node was a sixth of decoding
// the conditions (issue 16).
func (w *guideWriter) cond(t *typed) {
	w.typed(t)
	w.skippable(func() { eachTyped(t, func(n *typed) { w.pos(n.pos) }) })
}

// eachTyped calls f for t and each node under it, t first, then its
// arguments in order.
func eachTyped(t *typed, f func(*typed)) {
	if t == nil {
		return
	}
	f(t)
	for _, a := range t.args {
		eachTyped(a, f)
	}
}

// typed writes a condition's nodes, without their positions (cond).
func (w *guideWriter) typed(t *typed) {
	w.bool(t != nil)
	if t == nil {
		return
	}
	w.counts[kindTyped]++
	w.counts[kindTypedPtr] += len(t.args)
	var has uint64
	for i, set := range []bool{t.args != nil, t.cmp != "", t.fn != "", t.num != 0, t.str != "",
		t.day != 0, t.name != "", t.code != nil, t.pre != "", t.qual != nil} {
		if set {
			has |= 1 << i
		}
	}
	w.uint(has)
	w.int(int(t.typ))
	w.str(t.op)
	if has&typedArgs != 0 {
		w.len(len(t.args), false)
		for _, a := range t.args {
			w.typed(a)
		}
	}
	if has&typedCmp != 0 {
		w.str(t.cmp)
	}
	if has&typedFn != 0 {
		w.str(t.fn)
	}
	if has&typedNum != 0 {
		w.int(t.num)
	}
	if has&typedStr != 0 {
		w.str(t.str)
	}
	if has&typedDay != 0 {
		w.int(int(t.day))
	}
	if has&typedName != 0 {
		w.str(t.name)
	}
	if has&typedCode != 0 {
		w.code(t.code)
	}
	if has&typedPre != 0 {
		w.str(t.pre)
	}
	if has&typedQual != 0 {
		w.qual(t.qual)
	}
}

// The bits of a condition node's mark of the fields it has (not zero),
// which are the only ones written: a node has three or four of its ten,
// and reading them all was a third of decoding 10.6 for eval (issue 16).
const (
	typedArgs = 1 << iota
	typedCmp
	typedFn
	typedNum
	typedStr
	typedDay
	typedName
	typedCode
	typedPre
	typedQual
)

func (w *guideWriter) lpos(p lexer.Position) {
	w.str(p.Filename)
	w.int(p.Offset)
	w.int(p.Line)
	w.int(p.Column)
}

func (w *guideWriter) optStr(s *string) {
	w.bool(s != nil)
	if s != nil {
		w.counts[kindString]++
		w.str(*s)
	}
}

func (w *guideWriter) expr(e *lang.Expr) {
	w.bool(e != nil)
	if e == nil {
		return
	}
	w.counts[kindExpr]++
	w.counts[kindAndPtr] += len(e.Right)
	w.lpos(e.Pos)
	w.and(e.Left)
	w.len(len(e.Right), e.Right == nil)
	for _, a := range e.Right {
		w.and(a)
	}
}

func (w *guideWriter) and(a *lang.AndExpr) {
	w.bool(a != nil)
	if a == nil {
		return
	}
	w.counts[kindAnd]++
	w.counts[kindNotPtr] += len(a.Right)
	w.lpos(a.Pos)
	w.not(a.Left)
	w.len(len(a.Right), a.Right == nil)
	for _, n := range a.Right {
		w.not(n)
	}
}

func (w *guideWriter) not(n *lang.NotExpr) {
	w.bool(n != nil)
	if n == nil {
		return
	}
	w.counts[kindNot]++
	w.lpos(n.Pos)
	w.not(n.Not)
	w.cmp(n.Cmp)
}

func (w *guideWriter) cmp(c *lang.Cmp) {
	w.bool(c != nil)
	if c == nil {
		return
	}
	w.counts[kindCmp]++
	w.counts[kindOperandPtr] += len(c.In)
	w.lpos(c.Pos)
	w.operand(c.Left)
	w.str(c.Op)
	w.operand(c.Right)
	w.len(len(c.In), c.In == nil)
	for _, o := range c.In {
		w.operand(o)
	}
}

func (w *guideWriter) operand(o *lang.Operand) {
	w.bool(o != nil)
	if o == nil {
		return
	}
	w.counts[kindOperand]++
	w.lpos(o.Pos)
	for _, s := range []*string{o.Code, o.Date, o.Number, o.String, o.Bool} {
		w.optStr(s)
	}
	w.bool(o.Call != nil)
	if c := o.Call; c != nil {
		w.counts[kindCall]++
		w.counts[kindExprPtr] += len(c.Args)
		w.lpos(c.Pos)
		w.str(c.Func)
		w.len(len(c.Args), c.Args == nil)
		for _, a := range c.Args {
			w.expr(a)
		}
	}
	w.optStr(o.Name)
	w.expr(o.Paren)
}

// guideReader decodes what encodeGuide wrote. The strings it returns
// are parts of data, which is never changed.
type guideReader struct {
	// data is the form; at is how much of it has been read. Reading on
	// by an index instead of cutting data at every field (a string's
	// pointer and length written back each time) takes a tenth of the
	// decoder's instructions off (issue 16).
	data   string
	at     int
	strs   []string
	g      *Guide
	notes  []*Note
	failed bool

	// The blocks the nodes of each kind are taken from, allocated at
	// once from the counts before the guide.
	typeds    []typed
	typedPtrs []*typed
	// The elements of the guide's lists of strings and of pathways (109
	// and 88 allocations for 10.6 one by one).
	stringElems     []string
	pathwayRefElems []*Pathway
	exprs           []lang.Expr
	exprPtrs        []*lang.Expr
	ands            []lang.AndExpr
	andPtrs         []*lang.AndExpr
	nots            []lang.NotExpr
	notPtrs         []*lang.NotExpr
	cmps            []lang.Cmp
	operands        []lang.Operand
	operandPtrs     []*lang.Operand
	calls           []lang.Call
	optStrs         []string

	// model: the guide is decoded for evaluation only (decodeGuideTests
	// with tests false), without what only the text's readers use: the
	// conditions' syntax (When), where properties are written (Places)
	// and where a code's cells are. Their sections are stepped over
	// (skippable).
	model bool
}

// take returns the next node of block; a form with more nodes than it
// counted is damaged.
func take[T any](r *guideReader, block *[]T) *T {
	if len(*block) == 0 {
		r.fail()
		return new(T)
	}
	x := &(*block)[0]
	*block = (*block)[1:]
	return x
}

// takeN returns the next n elements of block, as a slice of its own.
func takeN[T any](r *guideReader, block *[]T, n int) []T {
	if n > len(*block) {
		r.fail()
		return make([]T, n)
	}
	x := (*block)[:n:n]
	*block = (*block)[n:]
	return x
}

// section reads a skippable section (guideWriter.skippable) with read,
// or steps over it in model mode.
func (r *guideReader) section(read func()) {
	n := r.uint()
	if n > uint64(r.left()) {
		r.fail()
		return
	}
	if r.model || r.failed {
		r.at += int(n)
		return
	}
	data, at, strs := r.data, r.at, r.strs
	r.data, r.at, r.strs = data[at:at+int(n)], 0, nil
	read()
	if r.at != len(r.data) {
		r.fail()
	}
	if !r.failed {
		r.data, r.at = data, at+int(n)
	}
	r.strs = strs
}

// when reads a condition's syntax (Rule.When, LeadTime.When); nil in
// model mode.
func (r *guideReader) when() (e *lang.Expr) {
	r.section(func() { e = r.expr() })
	return e
}

// blocks reads the counts of the nodes and allocates their blocks.
func (r *guideReader) blocks() {
	var counts [nodeKinds]int
	for i := range counts {
		n := r.uint()
		if n > uint64(r.left()) { // every node takes a byte at least
			r.fail()
			return
		}
		counts[i] = int(n)
	}
	r.typeds, r.typedPtrs = make([]typed, counts[kindTyped]), make([]*typed, counts[kindTypedPtr])
	r.stringElems, r.pathwayRefElems = make([]string, counts[kindStringElem]), make([]*Pathway, counts[kindPathwayRef])
	if r.model {
		// The syntax nodes (of When, and of the test cases) are not
		// read: no blocks of 76 KB for 10.6 allocated and never used,
		// each a page fault or more at every start (issue 16).
		for i := kindExpr; i < nodeKinds; i++ {
			counts[i] = 0
		}
	}
	r.exprs, r.exprPtrs = make([]lang.Expr, counts[kindExpr]), make([]*lang.Expr, counts[kindExprPtr])
	r.ands, r.andPtrs = make([]lang.AndExpr, counts[kindAnd]), make([]*lang.AndExpr, counts[kindAndPtr])
	r.nots, r.notPtrs = make([]lang.NotExpr, counts[kindNot]), make([]*lang.NotExpr, counts[kindNotPtr])
	r.cmps, r.operands = make([]lang.Cmp, counts[kindCmp]), make([]lang.Operand, counts[kindOperand])
	r.operandPtrs, r.calls = make([]*lang.Operand, counts[kindOperandPtr]), make([]lang.Call, counts[kindCall])
	r.optStrs = make([]string, counts[kindString])
}

// decodeGuide decodes the compiled form of a guide; files are its rule
// files (Guide.Files). A damaged form gives errGuideForm, never a panic.
func decodeGuide(data string, files lang.Sources) (g *Guide, err error) {
	return decodeGuideTests(data, files, true)
}

// decodeGuideTests is decodeGuide, without the test cases (Guide.Tests,
// the last part of the form) unless tests is true: a third of the
// decoding, which only check, test, diff and the language server use.
// Without them the guide is for evaluation only (eval, report): it also
// comes without the conditions' syntax (Rule.When, LeadTime.When),
// without Places (of the guide, its codes, rules and lead times),
// without the positions of the cells (Cell.Pos) and of the conditions'
// nodes, and without the codes' notes (Code.Notes, Rule.GuideNotes) and
// the guide's sections (Guide.Sections), which only the readers of the
// text use (explain, diff, fmt, guide, the lint, the language server).
// Decoding 10.6 for evaluation allocates a third of the memory of the
// whole decoding (131 against 381 KB, each new page of it a page fault
// at start) and takes a seventh of its time (78 against 515 µs, decoded
// over and over by testing.Benchmark, 1 December; issue 16).
func decodeGuideTests(data string, files lang.Sources, tests bool) (g *Guide, err error) {
	r := &guideReader{data: data, g: &Guide{Files: files}, model: !tests}
	defer func() {
		// An index out of range in a damaged form stops here too.
		if e := recover(); e != nil {
			g, err = nil, errGuideForm
		}
	}()
	if r.uint() != guideFormVersion {
		return nil, errGuideForm
	}
	if r.blocks(); r.failed {
		return nil, errGuideForm
	}
	g = r.g
	g.Version = r.str()
	g.Date = r.str()
	g.Title = r.str()
	g.Sources = r.strings()
	g.Notes = r.strings()
	if r.bool() {
		g.ChangeLog = &ChangeLog{Date: r.str(), Text: r.str(), Pos: r.pos()}
	}
	g.Pos = r.pos()
	g.Places = r.places()
	g.VersionPos = r.pos()
	g.SourcePos = r.positions()

	// The maps by name are made from the lists once they are read
	// (makeIndex, at their size), or, for the commands that only
	// evaluate, on the first look-up (Guide.lazyIndex).
	g.lazyIndex = r.model
	if n, ok := r.len(); ok {
		qs := make([]Qualifier, n)
		g.Qualifiers = make([]*Qualifier, n)
		for i := range qs {
			q := &qs[i]
			q.Name, q.Legend, q.Pos = r.str(), r.str(), r.pos()
			g.Qualifiers[i] = q
		}
	}
	if n, ok := r.len(); ok {
		ps := make([]Pathway, n)
		g.Pathways = make([]*Pathway, n)
		for i := range ps {
			p := &ps[i]
			p.Index, p.Key, p.Name = r.int(), r.str(), r.str()
			p.Prefixes, p.ICD10, p.Pos = r.strings(), r.strings(), r.pos()
			g.Pathways[i] = p
		}
	}
	if n, ok := r.len(); ok {
		cs := make([]Code, n)
		g.Codes = make([]*Code, n)
		for i := range cs {
			c := &cs[i]
			c.Suffix, c.Num, c.Name = r.str(), r.int(), r.str()
			c.Kind, c.Table, c.Description = Kind(r.int()), r.bool(), r.str()
			if n, ok := r.len(); ok {
				c.LocalNames = make([]LocalName, n)
				for j := range c.LocalNames {
					c.LocalNames[j] = LocalName{Code: r.str(), Name: r.str(), Pos: r.pos()}
				}
			}
			if n, ok := r.len(); ok {
				c.Cells = make([]Cell, n)
				for j := range c.Cells {
					c.Cells[j].Allowed = r.bool()
					c.Cells[j].Qualifier = r.qual()
				}
				r.section(func() {
					for j := range c.Cells {
						c.Cells[j].Pos = r.pos()
					}
				})
			}
			c.Pos, c.Places = r.pos(), r.places()
			g.Codes[i] = c
		}
	}
	r.section(func() { r.notesAndSections(g) })
	if n, ok := r.len(); ok {
		rs := make([]Rule, n)
		g.Rules = make([]*Rule, n)
		for i := range rs {
			x := &rs[i]
			x.ID, x.Severity, x.Pathways = r.str(), Severity(r.int()), r.pathwayRefs()
			x.Name, x.Message, x.Ref, x.Section, x.Quotes = r.str(), r.str(), r.str(), r.str(), r.strings()
			r.section(func() {
				if n, ok := r.len(); ok {
					x.GuideNotes = make([]*Note, n)
					for j := range x.GuideNotes {
						x.GuideNotes[j] = r.notes[r.int()]
					}
				}
			})
			x.When, x.Mentions, x.Pos, x.Places, x.cond = r.when(), r.strings(), r.pos(), r.places(), r.cond()
			g.Rules[i] = x
		}
	}
	for _, dst := range []*[]*LeadTime{&g.LeadTimes, &g.LocalLeadTimes} {
		n, ok := r.len()
		if !ok {
			continue
		}
		ls := make([]LeadTime, n)
		*dst = make([]*LeadTime, n)
		for i := range ls {
			lt := &ls[i]
			lt.ID, lt.Name, lt.Pathway, lt.Local = r.str(), r.str(), r.pathway(), r.bool()
			lt.From, lt.To, lt.FromOcc, lt.ToOcc = r.str(), r.strings(), Occurrence(r.int()), Occurrence(r.int())
			lt.When, lt.Mentions, lt.HasTarget, lt.Target = r.when(), r.strings(), r.bool(), r.int()
			lt.Ref, lt.Section, lt.Quotes = r.str(), r.str(), r.strings()
			lt.Pos, lt.Places, lt.cond = r.pos(), r.places(), r.cond()
			(*dst)[i] = lt
		}
	}
	if !g.lazyIndex {
		g.makeIndex()
	}
	if !tests {
		if r.failed {
			return nil, errGuideForm
		}
		return g, nil
	}
	if n, ok := r.len(); ok {
		ts := make([]Test, n)
		g.Tests = make([]*Test, n)
		for i := range ts {
			t := &ts[i]
			t.ID = r.str()
			if n, ok := r.len(); ok {
				t.Attrs = make([]TestAttr, n)
				for j := range t.Attrs {
					t.Attrs[j] = TestAttr{Name: r.str(), Value: r.str(), Number: r.int(), IsNum: r.bool()}
				}
			}
			if n, ok := r.len(); ok {
				t.Events = make([]TestEvent, n)
				for j := range t.Events {
					t.Events[j] = TestEvent{Code: r.str(), Date: r.str(), Pos: r.pos()}
				}
			}
			if n, ok := r.len(); ok {
				t.Expect = make([]Expectation, n)
				for j := range t.Expect {
					x := &t.Expect[j]
					x.Kind, x.IDs, x.ID, x.Days = ExpectKind(r.int()), r.strings(), r.str(), r.int()
					x.Bool, x.Pos, x.Line = r.bool(), r.pos(), r.str()
				}
			}
			t.Pos = r.pos()
			g.Tests[i] = t
		}
	}
	if r.failed || r.left() != 0 {
		return nil, errGuideForm
	}
	return g, nil
}

// notesAndSections reads the codes' notes and the guide's sections (a
// section of the form, which model mode steps over: they were a sixth of
// decoding 10.6, 64 000 instructions of a 100-row eval's 2.7 million,
// issue 16).
func (r *guideReader) notesAndSections(g *Guide) {
	for _, c := range g.Codes {
		n, ok := r.len()
		if !ok {
			continue
		}
		ns := make([]Note, n)
		c.Notes = make([]*Note, n)
		for j := range ns {
			x := &ns[j]
			x.Code = c
			x.Pathways = r.pathwayRefs()
			r.section(func() { x.PathwayPos = r.positions() })
			x.Heading, x.Text, x.BeforeTable, x.Pos = r.str(), r.str(), r.bool(), r.pos()
			c.Notes[j] = x
			r.notes = append(r.notes, x)
		}
	}
	if n, ok := r.len(); ok {
		ss := make([]Section, n)
		g.Sections = make([]*Section, n)
		for i := range ss {
			s := &ss[i]
			s.Heading, s.Text, s.Pathways = r.str(), r.str(), r.bool()
			if n, ok := r.len(); ok {
				s.Codes = make([]*Code, n)
				for j := range s.Codes {
					s.Codes[j] = r.code()
				}
			}
			s.Pos = r.pos()
			g.Sections[i] = s
		}
	}
}

func (r *guideReader) fail() {
	r.failed = true
	r.at = len(r.data)
}

// left is how many bytes are left to read.
func (r *guideReader) left() int { return len(r.data) - r.at }

func (r *guideReader) uint() uint64 {
	var x uint64
	var s uint
	for i := r.at; i < len(r.data) && s < 7*binary.MaxVarintLen64; i++ {
		b := r.data[i]
		if b < 0x80 {
			r.at = i + 1
			return x | uint64(b)<<s
		}
		x |= uint64(b&0x7f) << s
		s += 7
	}
	r.fail()
	return 0
}

func (r *guideReader) int() int {
	u := r.uint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return int(x)
}

func (r *guideReader) bool() bool {
	if r.at >= len(r.data) {
		r.fail()
		return false
	}
	r.at++
	return r.data[r.at-1] != 0
}

// len reads a length written by guideWriter.len: ok is false for nil. A
// length longer than what is left (every element takes a byte at least)
// is damage.
func (r *guideReader) len() (n int, ok bool) {
	k := r.uint()
	if k == 0 {
		return 0, false
	}
	if k-1 > uint64(r.left()) {
		r.fail()
		return 0, false
	}
	return int(k - 1), true
}

func (r *guideReader) str() string {
	k := r.uint()
	if k > 0 {
		return r.strs[k-1]
	}
	n := r.uint()
	if n > uint64(r.left()) {
		r.fail()
		return ""
	}
	s := r.data[r.at : r.at+int(n)]
	r.at += int(n)
	r.strs = append(r.strs, s)
	return s
}

func (r *guideReader) strings() []string {
	n, ok := r.len()
	if !ok {
		return nil
	}
	ss := takeN(r, &r.stringElems, n)
	for i := range ss {
		ss[i] = r.str()
	}
	return ss
}

func (r *guideReader) pos() lang.Pos {
	return lang.Pos{File: r.str(), Line: r.int(), Column: r.int()}
}

func (r *guideReader) positions() []lang.Pos {
	n, ok := r.len()
	if !ok {
		return nil
	}
	ps := make([]lang.Pos, n)
	for i := range ps {
		ps[i] = r.pos()
	}
	return ps
}

// places reads Places; nil in model mode.
func (r *guideReader) places() (m map[string]lang.Pos) {
	r.section(func() { m = r.placesIn() })
	return m
}

func (r *guideReader) placesIn() map[string]lang.Pos {
	n, ok := r.len()
	if !ok {
		return nil
	}
	m := make(map[string]lang.Pos, n)
	for range n {
		k := r.str()
		m[k] = r.pos()
	}
	return m
}

// ref reads a reference: -1 for nil.
func (r *guideReader) ref() int { return int(r.uint()) - 1 }

func (r *guideReader) pathway() *Pathway {
	if k := r.ref(); k >= 0 {
		return r.g.Pathways[k]
	}
	return nil
}

func (r *guideReader) code() *Code {
	if k := r.ref(); k >= 0 {
		return r.g.Codes[k]
	}
	return nil
}

func (r *guideReader) qual() *Qualifier {
	if k := r.ref(); k >= 0 {
		return r.g.Qualifiers[k]
	}
	return nil
}

func (r *guideReader) pathwayRefs() []*Pathway {
	n, ok := r.len()
	if !ok {
		return nil
	}
	ps := takeN(r, &r.pathwayRefElems, n)
	for i := range ps {
		ps[i] = r.pathway()
	}
	return ps
}

func (r *guideReader) typed() *typed {
	if !r.bool() || r.failed {
		return nil
	}
	t := take(r, &r.typeds)
	has := r.uint()
	t.typ, t.op = Type(r.int()), r.str()
	if has&typedArgs != 0 {
		n, ok := r.len()
		if !ok {
			r.fail()
			return nil
		}
		t.args = takeN(r, &r.typedPtrs, n)
		for i := range t.args {
			t.args[i] = r.typed()
		}
	}
	if has&typedCmp != 0 {
		t.cmp = r.str()
	}
	if has&typedFn != 0 {
		t.fn = r.str()
	}
	if has&typedNum != 0 {
		t.num = r.int()
	}
	if has&typedStr != 0 {
		t.str = r.str()
	}
	if has&typedDay != 0 {
		t.day = Day(r.int())
	}
	if has&typedName != 0 {
		t.name = r.str()
	}
	if has&typedCode != 0 {
		t.code = r.code()
	}
	if has&typedPre != 0 {
		t.pre = r.str()
	}
	if has&typedQual != 0 {
		t.qual = r.qual()
	}
	return t
}

// cond reads a condition written by guideWriter.cond: its nodes, then
// their positions, which model mode steps over.
func (r *guideReader) cond() *typed {
	t := r.typed()
	r.section(func() { eachTyped(t, func(n *typed) { n.pos = r.pos() }) })
	return t
}

func (r *guideReader) lpos() lexer.Position {
	return lexer.Position{Filename: r.str(), Offset: r.int(), Line: r.int(), Column: r.int()}
}

func (r *guideReader) optStr() *string {
	if !r.bool() {
		return nil
	}
	s := take(r, &r.optStrs)
	*s = r.str()
	return s
}

func (r *guideReader) expr() *lang.Expr {
	if !r.bool() || r.failed {
		return nil
	}
	e := take(r, &r.exprs)
	e.Pos = r.lpos()
	e.Left = r.and()
	if n, ok := r.len(); ok {
		e.Right = takeN(r, &r.andPtrs, n)
		for i := range e.Right {
			e.Right[i] = r.and()
		}
	}
	return e
}

func (r *guideReader) and() *lang.AndExpr {
	if !r.bool() || r.failed {
		return nil
	}
	a := take(r, &r.ands)
	a.Pos = r.lpos()
	a.Left = r.not()
	if n, ok := r.len(); ok {
		a.Right = takeN(r, &r.notPtrs, n)
		for i := range a.Right {
			a.Right[i] = r.not()
		}
	}
	return a
}

func (r *guideReader) not() *lang.NotExpr {
	if !r.bool() || r.failed {
		return nil
	}
	n := take(r, &r.nots)
	n.Pos = r.lpos()
	n.Not = r.not()
	n.Cmp = r.cmp()
	return n
}

func (r *guideReader) cmp() *lang.Cmp {
	if !r.bool() || r.failed {
		return nil
	}
	c := take(r, &r.cmps)
	c.Pos = r.lpos()
	c.Left = r.operand()
	c.Op = r.str()
	c.Right = r.operand()
	if n, ok := r.len(); ok {
		c.In = takeN(r, &r.operandPtrs, n)
		for i := range c.In {
			c.In[i] = r.operand()
		}
	}
	return c
}

func (r *guideReader) operand() *lang.Operand {
	if !r.bool() || r.failed {
		return nil
	}
	o := take(r, &r.operands)
	o.Pos = r.lpos()
	o.Code, o.Date, o.Number, o.String, o.Bool = r.optStr(), r.optStr(), r.optStr(), r.optStr(), r.optStr()
	if r.bool() {
		c := take(r, &r.calls)
		c.Pos, c.Func = r.lpos(), r.str()
		if n, ok := r.len(); ok {
			c.Args = takeN(r, &r.exprPtrs, n)
			for i := range c.Args {
				c.Args[i] = r.expr()
			}
		}
		o.Call = c
	}
	o.Name = r.optStr()
	o.Paren = r.expr()
	return o
}
