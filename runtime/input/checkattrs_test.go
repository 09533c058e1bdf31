package input

import (
	"fmt"
	"strconv"
	"testing"
)

// TestCheckAttrsCanon: a value checkAttrs normalises to one of a few
// (sex, intent, a county or region code, whichever way it was written)
// comes with the same text as a string (rowAttrs.canon), which the
// builder keeps instead of its own string of the bytes.
func TestCheckAttrsCanon(t *testing.T) {
	type canonCase struct {
		col      int
		in, want string
	}
	cases := []canonCase{
		{colSex, "m", "M"}, {colSex, "K", "K"}, {colSex, "1", "M"}, {colSex, "2", "K"},
		{colSex, "Man", "M"}, {colSex, "KVINNA", "K"},
		{colIntent, "KUR", "kur"}, {colIntent, "pal", "pal"}, {colIntent, "Kurativ", "kur"}, {colIntent, "palliativ", "pal"},
		{colRegion, "Region Stockholm", "01"}, {colCounty, "Västra Götaland", "14"}, {colReferring, "9", "09"},
	}
	for _, n := range []int{1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 17, 18, 19, 20, 21, 22, 23, 24, 25} {
		code := fmt.Sprintf("%02d", n)
		for _, col := range []int{colRegion, colCounty, colReferring} {
			cases = append(cases, canonCase{col, code, code}, canonCase{col, strconv.Itoa(n), code})
		}
	}
	for _, c := range cases {
		var a rowAttrs
		a.val[c.col] = []byte(c.in)
		if field, reason := checkAttrs(&a, nil); field != "" {
			t.Fatalf("%s %q: %s", colNames[c.col], c.in, reason)
		}
		if got := a.canon[c.col-colRegion]; got != c.want || got != string(a.val[c.col]) {
			t.Errorf("%s %q: canon %q, value %q; want %q for both", colNames[c.col], c.in, got, a.val[c.col], c.want)
		}
	}
}
