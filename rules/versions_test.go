package rules

import (
	"strconv"
	"strings"
	"testing"
)

// compareBySplit is CompareVersions as it was written with strings.Split.
func compareBySplit(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) || i < len(pb); i++ {
		var x, y int
		if i < len(pa) {
			x, _ = strconv.Atoi(pa[i])
		}
		if i < len(pb) {
			y, _ = strconv.Atoi(pb[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func TestCompareVersions(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"9.3", "10.2", -1}, {"10.2", "9.3", 1}, {"10.6", "10.6", 0},
		{"10", "10.0", 0}, {"10.0.1", "10", 1}, {"", "", 0}, {"", "0", 0},
		{"1.x", "1.0", 0}, {"1..2", "1.0.2", 0}, {"10.", "10", 0},
		{"-1", "0", -1}, {"99999999999999999999", "1", -1},
	} {
		if got := CompareVersions(tc.a, tc.b); got != tc.want {
			t.Errorf("CompareVersions(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
	parts := []string{"", "0", "1", "2", "9", "10", "x", "-3", "007", "1e3", "12345678", "123456789", "+4", "5 "}
	var versions []string
	for _, p := range parts {
		versions = append(versions, p)
		for _, q := range parts {
			versions = append(versions, p+"."+q)
			for _, r := range parts[:4] {
				versions = append(versions, p+"."+q+"."+r)
			}
		}
	}
	for _, a := range versions {
		for _, b := range versions {
			if got, want := CompareVersions(a, b), compareBySplit(a, b); got != want {
				t.Errorf("CompareVersions(%q, %q) = %d, strings.Split gave %d", a, b, got, want)
			}
		}
	}
}
