package compiler

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// Type is the static type of an expression.
type Type int

const (
	tInvalid Type = iota // after an error; suppresses follow-on errors
	tBool
	tNumber
	tString
	tDate
	tCodes // a set of codes: only as a function argument
)

// typeNames name the types in diagnostics.
var typeNames = []string{msg.TypeInvalid, msg.TypeBool, msg.TypeNumber, msg.TypeText, msg.TypeDate, msg.TypeCodes}

func (t Type) String() string { return typeNames[t] }

// Attributes are the episode attributes conditions can use, with types.
// It and the language's other tables are made on first use, not at every
// start of every command (issue 16).
var Attributes = lazy.Value[map[string]Type]{New: func() map[string]Type {
	return map[string]Type{
		"age": tNumber, "sex": tString, "county": tString, "region": tString,
		"referring_region": tString, "diagnosis": tString, "intent": tString,
	}
}}

// CodeSets are the named code sets, relative to the episode's pathway.
var CodeSets = lazy.Value[map[string]bool]{New: func() map[string]bool {
	return map[string]bool{
		"start":        true, // the start code (10)
		"mandatory":    true, // codes mandatory when the event happens (91, 44)
		"treatment":    true, // closing codes at start of treatment
		"other_reason": true, // closing codes for another reason
		"closing":      true, // every closing code
		"voluntary":    true, // voluntary codes
		"codes":        true, // every code of the episode
		"unknown":      true, // codes this guide version does not have
		"disallowed":   true, // codes whose table cell for the pathway is unmarked
		"foreign":      true, // codes of another pathway
	}
}}

// Functions are the functions of the expression language with a one-line
// description, the detail of a wrong call.
var Functions = lazy.Value[map[string]string]{New: func() map[string]string {
	return map[string]string{
		"has":         msg.FuncHas,
		"count":       msg.FuncCount,
		"first":       msg.FuncFirst,
		"last":        msg.FuncLast,
		"days":        msg.FuncDays,
		"known":       msg.FuncKnown,
		"prefixes":    msg.FuncPrefixes,
		"icd10_in":    msg.FuncICD10In,
		"icd10_scope": msg.FuncICD10Scope,
		"qualified":   msg.FuncQualified,
	}
}}

// typed is a checked expression, independent of the pathway. Lowering it
// for one pathway gives a closure.
type typed struct {
	typ  Type
	op   string // and or not cmp in lit attr set code qual call
	args []*typed
	cmp  string
	fn   string
	num  int
	str  string
	day  Day
	name string // attribute or set name
	code *Code
	pre  string // written prefix of a code literal; "" for XX/VXX
	qual *Qualifier
	pos  lang.Pos
}

type typeChecker struct {
	c        *checker
	mentions []string
	// pathways are those the condition is evaluated for; nil: every
	// pathway (a rule without a pathway line).
	pathways []*Pathway
}

func (tc *typeChecker) errorf(p lang.Pos, w int, detail, format string, args ...any) *typed {
	tc.c.errorf(p, w, detail, format, args...)
	return &typed{typ: tInvalid}
}

// expect checks e and that its type is want.
func (tc *typeChecker) expect(e *lang.Expr, want Type, what string) *typed {
	t := tc.expr(e)
	if t.typ != tInvalid && t.typ != want {
		tc.c.errorf(pos(e.Pos), 1, fmt.Sprintf(msg.ConditionTypeDetail, what, want), msg.ConditionType, t.typ, want)
		return &typed{typ: tInvalid}
	}
	return t
}

func (tc *typeChecker) expr(e *lang.Expr) *typed {
	left := tc.and(e.Left)
	if len(e.Right) == 0 {
		return left
	}
	out := &typed{typ: tBool, op: "or", args: []*typed{tc.boolean(left, "or")}, pos: pos(e.Pos)}
	for _, r := range e.Right {
		out.args = append(out.args, tc.boolean(tc.and(r), "or"))
	}
	return out.orInvalid()
}

func (tc *typeChecker) and(e *lang.AndExpr) *typed {
	left := tc.not(e.Left)
	if len(e.Right) == 0 {
		return left
	}
	out := &typed{typ: tBool, op: "and", args: []*typed{tc.boolean(left, "and")}, pos: pos(e.Pos)}
	for _, r := range e.Right {
		out.args = append(out.args, tc.boolean(tc.not(r), "and"))
	}
	return out.orInvalid()
}

func (t *typed) orInvalid() *typed {
	for _, a := range t.args {
		if a.typ == tInvalid {
			return &typed{typ: tInvalid}
		}
	}
	return t
}

// boolean reports an operand of and/or/not that is not true/false.
func (tc *typeChecker) boolean(t *typed, op string) *typed {
	if t.typ == tInvalid || t.typ == tBool {
		return t
	}
	return tc.errorf(t.pos, 1, fmt.Sprintf(msg.NotBooleanDetail, op), msg.NotBoolean, op, t.typ)
}

func (tc *typeChecker) not(e *lang.NotExpr) *typed {
	if e.Not != nil {
		inner := tc.not(e.Not)
		inner = tc.boolean(inner, "not")
		if inner.typ == tInvalid {
			return inner
		}
		return &typed{typ: tBool, op: "not", args: []*typed{inner}, pos: pos(e.Pos)}
	}
	return tc.cmp(e.Cmp)
}

func (tc *typeChecker) cmp(e *lang.Cmp) *typed {
	left := tc.operand(e.Left)
	switch {
	case e.Right != nil:
		right := tc.operand(e.Right)
		if left.typ == tInvalid || right.typ == tInvalid {
			return &typed{typ: tInvalid}
		}
		// The operator lies after the left operand; operators are not
		// words, so look for the text itself (`age<18` has no spaces).
		opPos := tc.c.find(left.pos, e.Op)
		if left.typ != right.typ {
			return tc.errorf(opPos, width(e.Op), fmt.Sprintf(msg.CompareTypesDetail, left.typ, right.typ), msg.CompareTypes, left.typ, right.typ)
		}
		switch left.typ {
		case tCodes:
			return tc.errorf(opPos, width(e.Op), msg.CompareCodeSetsDetail, msg.CompareCodeSets)
		case tBool, tString:
			if e.Op != "==" && e.Op != "!=" {
				return tc.errorf(opPos, width(e.Op), fmt.Sprintf(msg.CompareOrderDetail, left.typ), msg.CompareOrder, left.typ, e.Op)
			}
		}
		return &typed{typ: tBool, op: "cmp", cmp: e.Op, args: []*typed{left, right}, pos: left.pos}
	case e.In != nil:
		if left.typ == tInvalid {
			return left
		}
		if left.typ != tString && left.typ != tNumber {
			return tc.errorf(left.pos, 1, msg.InTypeDetail, msg.InType, left.typ)
		}
		out := &typed{typ: tBool, op: "in", args: []*typed{left}, pos: left.pos}
		for _, o := range e.In {
			item := tc.operand(o)
			if item.typ == tInvalid {
				return item
			}
			if item.op != "lit" || item.typ != left.typ {
				return tc.errorf(item.pos, 1, fmt.Sprintf(msg.InItemDetail, left.typ), msg.InItem, left.typ)
			}
			out.args = append(out.args, item)
		}
		return out
	}
	return left
}

func (tc *typeChecker) operand(o *lang.Operand) *typed {
	p := pos(o.Pos)
	switch {
	case o.Code != nil:
		return tc.codeLiteral(*o.Code, p)
	case o.Date != nil:
		d, ok := ParseDay(*o.Date)
		if !ok {
			return tc.errorf(p, width(*o.Date), msg.NotADateDetail, msg.NotADate, *o.Date)
		}
		return &typed{typ: tDate, op: "lit", day: d, pos: p}
	case o.Number != nil:
		n, err := strconv.Atoi(*o.Number)
		if err != nil {
			return tc.errorf(p, width(*o.Number), msg.NumberTooLargeDetail, msg.NumberTooLarge, *o.Number)
		}
		return &typed{typ: tNumber, op: "lit", num: n, pos: p}
	case o.String != nil:
		return &typed{typ: tString, op: "lit", str: (&lang.Text{String: o.String}).Value(), pos: p}
	case o.Bool != nil:
		return &typed{typ: tBool, op: "lit", num: map[string]int{"false": 0, "true": 1}[*o.Bool], pos: p}
	case o.Call != nil:
		return tc.call(o.Call)
	case o.Name != nil:
		return tc.name(*o.Name, p)
	case o.Paren != nil:
		return tc.expr(o.Paren)
	}
	return &typed{typ: tInvalid}
}

func (tc *typeChecker) codeLiteral(written string, p lang.Pos) *typed {
	code := tc.c.resolveCode(written, p)
	if code == nil {
		return &typed{typ: tInvalid}
	}
	tc.mentions = append(tc.mentions, written)
	pre := written[:len(written)-2]
	if pre == "XX" || pre == "VXX" {
		pre = ""
	}
	return &typed{typ: tCodes, op: "code", code: code, pre: pre, pos: p}
}

func (tc *typeChecker) name(n string, p lang.Pos) *typed {
	if t, ok := Attributes.Get()[n]; ok {
		return &typed{typ: t, op: "attr", name: n, pos: p}
	}
	if _, ok := CodeSets.Get()[n]; ok {
		tc.mentions = append(tc.mentions, n)
		return &typed{typ: tCodes, op: "set", name: n, pos: p}
	}
	var names []string
	for k := range Attributes.Get() {
		names = append(names, k)
	}
	for k := range CodeSets.Get() {
		names = append(names, k)
	}
	detail := lang.DidYouMean(n, names)
	if detail == "" {
		detail = fmt.Sprintf(msg.UnknownNameDetail,
			quoteAll([]string{"age", "sex", "county", "region", "referring_region", "diagnosis", "intent"}),
			quoteAll([]string{"start", "mandatory", "treatment", "other_reason", "closing", "voluntary", "codes", "unknown", "disallowed", "foreign"}))
	}
	return tc.errorf(p, width(n), detail, msg.UnknownName, n)
}

func (tc *typeChecker) call(call *lang.Call) *typed {
	p := pos(call.Pos)
	if _, ok := Functions.Get()[call.Func]; !ok {
		var names []string
		for k := range Functions.Get() {
			names = append(names, k)
		}
		return tc.errorf(p, width(call.Func), hint(call.Func, sortedKeys(toSet(names))), msg.UnknownFunction, call.Func)
	}
	out := &typed{op: "call", fn: call.Func, pos: p}
	if call.Func == "qualified" {
		if len(call.Args) != 1 || qualifierName(call.Args[0]) == "" {
			return tc.errorf(p, width(call.Func), msg.QualifiedArgsDetail, msg.QualifiedArgs)
		}
		name := qualifierName(call.Args[0])
		q := tc.c.g.qualifiers[name]
		if q == nil {
			var names []string
			for _, q := range tc.c.g.Qualifiers {
				names = append(names, q.Name)
			}
			return tc.errorf(pos(call.Args[0].Pos), width(name), orElse(hint(name, names), fmt.Sprintf(msg.UndefinedQualifierNone, name, name)), msg.UndefinedQualifier, name)
		}
		tc.mentions = append(tc.mentions, "qualified("+name+")")
		return &typed{typ: tCodes, op: "qual", qual: q, pos: p}
	}
	for _, a := range call.Args {
		t := tc.expr(a)
		if t.typ == tInvalid {
			return t
		}
		if t.pos.Line == 0 {
			t.pos = pos(a.Pos)
		}
		out.args = append(out.args, t)
	}
	argErr := func(detail string) *typed {
		return tc.errorf(p, width(call.Func), detail, msg.WrongArguments, call.Func)
	}
	switch call.Func {
	case "has", "count", "first", "last", "prefixes":
		if len(out.args) == 0 {
			return argErr(Functions.Get()[call.Func])
		}
		for _, a := range out.args {
			if a.typ != tCodes {
				return tc.errorf(a.pos, 1, Functions.Get()[call.Func], msg.TakesCodeSets, call.Func, a.typ)
			}
		}
		out.typ = map[string]Type{"has": tBool, "count": tNumber, "first": tDate, "last": tDate, "prefixes": tNumber}[call.Func]
	case "days":
		if len(out.args) != 2 || out.args[0].typ != tDate || out.args[1].typ != tDate {
			return argErr(msg.DaysArgs)
		}
		out.typ = tNumber
	case "known":
		if len(out.args) != 1 || out.args[0].typ == tCodes || out.args[0].typ == tBool {
			return argErr(msg.KnownArgs)
		}
		out.typ = tBool
	case "icd10_in":
		if len(out.args) < 2 || out.args[0].typ != tString {
			return argErr(Functions.Get()[call.Func])
		}
		for _, a := range out.args[1:] {
			if a.op != "lit" || a.typ != tString {
				return tc.errorf(a.pos, 1, msg.NotICD10RangeDetail, msg.NotICD10Range, a.describe())
			}
			if _, ok := parseICDRange(a.str); !ok {
				detail := msg.NotICD10RangeDetail
				if up := strings.ToUpper(a.str); up != a.str {
					if _, ok := parseICDRange(up); ok {
						// On one line: a hint that ends a line is offered as a
						// fix by the language server, and this diagnostic marks
						// only the opening quote, not the text to replace.
						detail = fmt.Sprintf(msg.DidYouMean, up) + " " + msg.ICD10Capitals
					}
				}
				return tc.errorf(a.pos, 1, detail, msg.NotICD10Range, lang.Quote(a.str))
			}
		}
		out.typ = tBool
	case "icd10_scope":
		if len(out.args) != 1 || out.args[0].typ != tString {
			return argErr(msg.ICD10ScopeArgs)
		}
		if missing, with := tc.withoutICD10(); missing != "" {
			detail := msg.ICD10ScopeMissingDetail
			if len(with) > 0 {
				detail += fmt.Sprintf(msg.ICD10ScopeExample, strings.Join(with, ", "))
			}
			return tc.errorf(p, width(call.Func), detail, msg.ICD10ScopeMissing, missing)
		}
		out.typ = tBool
	}
	return out
}

func qualifierName(e *lang.Expr) string {
	if len(e.Right) == 0 && len(e.Left.Right) == 0 && e.Left.Left.Cmp != nil {
		cmp := e.Left.Left.Cmp
		if cmp.Right == nil && cmp.In == nil && cmp.Left.Name != nil {
			return *cmp.Left.Name
		}
	}
	return ""
}

func toSet(list []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range list {
		m[s] = true
	}
	return m
}

// describe names a non-literal argument for a diagnostic.
func (t *typed) describe() string {
	if t.op == "lit" {
		return lang.Quote(t.str)
	}
	return fmt.Sprintf(msg.ValueOfType, t.typ)
}

// withoutICD10 returns the first pathway the condition is evaluated for
// that declares no icd10 scope ("" when all do), and the keys of the
// pathways that declare one.
func (tc *typeChecker) withoutICD10() (missing string, with []string) {
	for _, pw := range tc.c.g.Pathways {
		if len(pw.ICD10) > 0 {
			with = append(with, pw.Key)
		}
	}
	pws := tc.pathways
	if pws == nil {
		pws = tc.c.g.Pathways
	}
	for _, pw := range pws {
		if len(pw.ICD10) == 0 {
			return pw.Key, with
		}
	}
	return "", with
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
