package compiler

import (
	"reflect"
	"testing"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/rcc/svfrules/lang"
)

// TestGuideFormFields fails when a type that the compiled guide form
// (guideform.go) writes field by field gains or loses a field: the form
// must then carry it too (encodeGuide and decodeGuide), or a guide loaded
// from it would lack what the text says. TestEmbeddedParsed finds a
// missing field only where an embedded version uses it.
func TestGuideFormFields(t *testing.T) {
	for _, tc := range []struct {
		v      any
		fields int
	}{
		// The guide's own maps, their lazyIndex and indexOnce, and Files
		// are rebuilt, not written.
		{Guide{}, 27}, {ChangeLog{}, 3}, {Section{}, 5}, {Qualifier{}, 3},
		{Pathway{}, 6}, {Code{}, 11}, {LocalName{}, 3}, {Cell{}, 3}, {Note{}, 7},
		{Rule{}, 14}, {LeadTime{}, 18}, {Test{}, 5}, {TestAttr{}, 4},
		{TestEvent{}, 3}, {Expectation{}, 7}, {typed{}, 13}, {lang.Pos{}, 3},
		{lexer.Position{}, 4}, {lang.Expr{}, 3}, {lang.AndExpr{}, 3},
		{lang.NotExpr{}, 3}, {lang.Cmp{}, 5}, {lang.Operand{}, 9}, {lang.Call{}, 3},
	} {
		typ := reflect.TypeOf(tc.v)
		if n := typ.NumField(); n != tc.fields {
			t.Errorf("%s has %d fields, the compiled guide form %d: update guideform.go (both directions), then this test and go generate ./rules", typ, n, tc.fields)
		}
	}
}
