package compiler

import "testing"

// stringBefore is Day.String as it was before Append: the oracle that
// Append (and String, now written with it) must match byte for byte,
// for days far outside four-digit years too.
func stringBefore(d Day) string {
	z := int(d) + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	b := []byte("0000-00-00")
	put := func(at, v, n int) {
		for i := n - 1; i >= 0; i-- {
			b[at+i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(0, y, 4)
	put(5, m, 2)
	put(8, dd, 2)
	return string(b)
}

// TestDayAppendLikeString: Append appends what String gave, after what
// the buffer holds, and String is unchanged, on every day from year
// -2000 to 12000 and on the ends of Day's range.
func TestDayAppendLikeString(t *testing.T) {
	days := []Day{-1 << 31, -1<<31 + 1, 1<<31 - 1, 1<<31 - 719469, -719468, -719469, 0}
	for d := civilToDays(-2000, 1, 1); d <= civilToDays(12000, 12, 31); d++ {
		days = append(days, d)
	}
	buf := []byte("x;")
	for _, d := range days {
		want := stringBefore(d)
		if got := d.String(); got != want {
			t.Fatalf("Day(%d).String() = %q, want %q", d, got, want)
		}
		got := d.Append(buf[:2])
		if string(got) != "x;"+want {
			t.Fatalf("Day(%d).Append(%q) = %q, want %q", d, "x;", got, "x;"+want)
		}
	}
	if got := Day(0).Append(nil); string(got) != "1970-01-01" {
		t.Errorf("Day(0).Append(nil) = %q, want 1970-01-01", got)
	}
	if n := testing.AllocsPerRun(100, func() { buf = Day(19000).Append(buf[:0]) }); n != 0 {
		t.Errorf("Append into room allocates %v times, want 0", n)
	}
}
