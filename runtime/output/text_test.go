package output

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/escape"
)

// TestWriteLabels: the text format writes a pathway's and a rule's label
// piece by piece, as Label makes it.
func TestWriteLabels(t *testing.T) {
	for _, p := range []*compiler.Pathway{
		{Name: "Hjärntumörer", Prefixes: []string{"VL2"}},
		{Name: "Akuta leukemier", Prefixes: []string{"VN4", "VN6"}},
		{Name: "", Prefixes: nil},
	} {
		var buf bytes.Buffer
		writePathwayLabel(&buf, p)
		if buf.String() != p.Label() {
			t.Errorf("writePathwayLabel = %q, Label = %q", buf.String(), p.Label())
		}
	}
	for _, r := range []*compiler.Rule{{ID: "startkod_saknas", Name: "Startkod saknas"}, {ID: "utan_namn"}} {
		var buf bytes.Buffer
		writeRuleLabel(&buf, r)
		if buf.String() != r.Label() {
			t.Errorf("writeRuleLabel = %q, Label = %q", buf.String(), r.Label())
		}
	}
}

// TestOverTargetLines: the list of lead times over target is written as
// fmt writes msg.TextOverTarget, escapes and all.
func TestOverTargetLines(t *testing.T) {
	over := []runtime.OverTarget{
		{Episode: "S1", PathwayLabel: "Hjärntumörer (VL2)", Days: 40, Target: 31, Name: "VGM till behandling", LeadTime: "ledtid_vgm",
			From: "VL210", FromDate: 19800, To: "VL254", ToDate: 19840, File: "a.csv", Row: 7},
		{Episode: "E\x1b2 ö", PathwayLabel: "Akuta leukemier (VN4/VN6)", Days: 0, Target: -3, Name: "100 % %d", LeadTime: "x",
			From: "VN410", FromDate: -1, To: "VN650", ToDate: 0, File: "d\u202eir/b.csv", Row: 1234567},
	}
	var want strings.Builder
	fmt.Fprintf(&want, msg.TextOverTargetHead, msg.Int(len(over)))
	for _, o := range over {
		fmt.Fprintf(&want, msg.TextOverTarget, escape.Printable(o.Episode), o.PathwayLabel, o.Days, o.Target, o.Days-o.Target, o.Name, o.LeadTime,
			o.From, o.FromDate, o.To, o.ToDate, escape.Printable(o.File), o.Row)
	}
	var got bytes.Buffer
	writeOverTargetText(&got, over)
	if got.String() != want.String() {
		t.Errorf("writeOverTargetText:\n%s\nwant (fmt):\n%s", got.String(), want.String())
	}
}

// TestCutFormat: a message is cut at %s and %d, %% is a percent sign,
// and an argument of the wrong kind or a missing one shows as fmt shows
// it.
func TestCutFormat(t *testing.T) {
	f := cutFormat("a %s b %d%% c %s")
	for _, tc := range []struct {
		args []lineArg
		want string
	}{
		{[]lineArg{{s: "x"}, {n: -5, num: true}, {day: 0, isDay: true}}, "a x b -5% c 1970-01-01"},
		{[]lineArg{{n: 1, num: true}, {s: "y"}, {s: ""}}, "a %!s(BADARG) b %!d(BADARG)% c "},
		{[]lineArg{{s: "x"}}, "a x b %!d(MISSING)% c %!s(MISSING)"},
	} {
		if got := string(f.append(nil, tc.args)); got != tc.want {
			t.Errorf("append(%v) = %q, want %q", tc.args, got, tc.want)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("cutFormat did not panic on the verb v")
		}
	}()
	cutFormat("%v")
}
