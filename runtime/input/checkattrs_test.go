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

// TestCheckAttrsShortValues: every value of one or two bytes of the age,
// sex and county columns, which checkAttrs reads itself when they are
// the usual ones, and a few longer ones, are read as parseAge, normSex
// and normCounty read them.
func TestCheckAttrsShortValues(t *testing.T) {
	county := func(v []byte) ([]byte, string, int, bool) {
		c, ok := normCounty(v)
		if !ok {
			return nil, "", 0, false
		}
		return c, countyString(c), 0, true
	}
	for _, tt := range []struct {
		col int
		// want is what checkAttrs makes of v: its value and canon, the
		// age, and whether v is valid.
		want func(v []byte) (val []byte, canon string, age int, ok bool)
	}{
		{colAge, func(v []byte) ([]byte, string, int, bool) {
			n, ok := parseAge(v)
			return v, "", n, ok
		}},
		{colSex, func(v []byte) ([]byte, string, int, bool) {
			s, ok := normSex(v)
			return s, string(s), 0, ok
		}},
		{colRegion, county}, {colCounty, county}, {colReferring, county},
	} {
		var values [][]byte
		for _, v := range []string{"100", "130", "131", "1a5", "60 år", "007", "012", "1.5", "Man", "kvinna", "Region Stockholm"} {
			values = append(values, []byte(v))
		}
		for x := range 256 {
			values = append(values, []byte{byte(x)})
			for y := range 256 {
				values = append(values, []byte{byte(x), byte(y)})
			}
		}
		for _, v := range values {
			var a rowAttrs
			a.val[tt.col] = v
			field, _ := checkAttrs(&a, nil)
			val, canon, age, ok := tt.want(v)
			if ok != (field == "") {
				t.Fatalf("%s %q: rejected %v, want %v", colNames[tt.col], v, field != "", !ok)
			}
			if !ok {
				continue
			}
			got := a.val[tt.col]
			if string(got) != string(val) || tt.col != colAge && a.canon[tt.col-colRegion] != canon || a.age != age || a.hasAge != (tt.col == colAge) {
				t.Fatalf("%s %q: value %q canon %q age %d (%v), want %q %q %d", colNames[tt.col], v,
					got, a.canon[tt.col-colRegion], a.age, a.hasAge, val, canon, age)
			}
		}
	}
}
