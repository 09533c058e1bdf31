package input

import (
	"math/rand/v2"
	"testing"
)

// TestParseDayMidnight compares parseDay, which looks a date with
// Excel's midnight time (" 00:00:00") up by its date first, with the
// way it went before: the date as it is (parseDigitDay), then
// parseOther, which reads the time. The dates are random and often
// broken (days the calendar does not have, day-first forms, letters,
// separators), with midnight and other times after them, in both date
// orders (issue 16).
func TestParseDayMidnight(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 4))
	dates := []string{"2024-01-15", "2024-02-29", "2023-02-29", "2024-02-30", "2024-13-01", "0001-01-01", "9999-12-31",
		"15-01-2024", "15/01/2024", "1/2/2024", "2024/01/15", "20240115", "2024-1-15", "2024-01-1a", "2024;01-15", "2024-01-15 "}
	times := []string{" 00:00:00", " 00:00", " 13:45:00", "T00:00:00", "", " 00:00:00.5", " 24:00:00", " 00:00:0", "  0:00:00", " 00:00:00 "}
	for _, dmy := range []bool{false, true} {
		// Builders kept from date to date, so that dates are also
		// looked up again (the cache is no part of the answer).
		b, ref := newBuilder("x", nil), newBuilder("x", nil)
		b.dmy, ref.dmy = dmy, dmy
		for range 4000 {
			d := []byte(dates[rng.IntN(len(dates))] + times[rng.IntN(len(times))])
			if rng.IntN(4) == 0 {
				d[rng.IntN(len(d))] = "0123456789- :T;\x00\xf6"[rng.IntN(16)]
			}
			day, ok := b.parseDay(d)
			wantDay, wantOK := ref.parseDigitDay(d)
			if !wantOK {
				wantDay, wantOK = ref.parseOther(d)
			}
			if day != wantDay || ok != wantOK {
				t.Fatalf("parseDay(%q) with dmy %v = %v, %v; parseDigitDay and parseOther %v, %v", d, dmy, day, ok, wantDay, wantOK)
			}
		}
	}
}
