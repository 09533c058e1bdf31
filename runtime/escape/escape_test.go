package escape

import "testing"

// TestPrintableAndSafeCell: the exact escapes of Printable and the cells
// SafeCell changes.
func TestPrintableAndSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"KS-24-0001":     "KS-24-0001",
		"SÖS-24 ärende":  "SÖS-24 ärende",
		"E\x1b[31mX":     `E\x1b[31mX`,
		"a\nb\tc\rd":     `a\nb\tc\rd`,
		"\u202eevil":     `\u202eevil`,
		"bad\xffbyte":    `bad\xffbyte`,
		"del\x7f\u0085x": `del\x7f\u0085x`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+46": "'+46", "-:12": "'-:12", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"": "", "E1": "E1", " =1": " =1", "'=1": "'=1",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}
