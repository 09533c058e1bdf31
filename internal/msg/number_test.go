package msg

import (
	"strings"
	"testing"
)

// TestNumbers: counts and decimals people read are grouped by three with
// a no-break space from 1 000 on, as Swedish typography writes them.
func TestNumbers(t *testing.T) {
	nb := func(s string) string { return strings.ReplaceAll(s, " ", ThousandsSep) }
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1 000", 12345: "12 345", 300000: "300 000",
		1234567: "1 234 567", -1234: "-1 234", -999: "-999"} {
		if got := Int(n); got != nb(want) {
			t.Errorf("Int(%d) = %q, want %q", n, got, nb(want))
		}
	}
	for x, want := range map[float64]string{2.4: "2,4", 0: "0,0", 999.95: "1 000,0", 1234.5: "1 234,5", 41.75: "41,8", -1234.5: "-1 234,5"} {
		if got := Decimal(x); got != nb(want) {
			t.Errorf("Decimal(%v) = %q, want %q", x, got, nb(want))
		}
	}
}
