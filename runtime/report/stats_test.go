package report

import (
	"math"
	"testing"

	"github.com/rcc/svfrules/compiler"
)

func TestDescribe(t *testing.T) {
	seq := func(from, to int) []int32 {
		var s []int32
		for i := from; i <= to; i++ {
			s = append(s, int32(i))
		}
		return s
	}
	tests := []struct {
		name             string
		days             []int32
		mean, sd         float64 // sd < 0: none
		p10, median, p90 float64
	}{
		// Type 7 on 1..10: h = 9p; p10 = 1 + 0.9·1, median between 5 and 6,
		// p90 = 9 + 0.1·1. Sample sd of 1..10 = √(82.5/9).
		{"1..10", seq(1, 10), 5.5, 3.0276503540974917, 1.9, 5.5, 9.1},
		{"one value", []int32{12}, 12, -1, 12, 12, 12},
		{"two values", []int32{10, 20}, 15, 7.0710678118654755, 11, 15, 19},
		{"unsorted with ties", []int32{7, 3, 3, 9, 3}, 5, 2.8284271247461903, 3, 3, 8.2},
		{"same day is 0 days", []int32{0, 0, 1, 2}, 0.75, 0.9574271077563381, 0, 0.5, 1.7},
		{"odd count", seq(1, 7), 4, 2.160246899469287, 1.6, 4, 6.4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := describe(append([]int32(nil), tt.days...))
			check := func(what string, got, want float64) {
				t.Helper()
				if math.Abs(got-want) > 1e-9 {
					t.Errorf("%s = %v, want %v", what, got, want)
				}
			}
			check("mean", s.mean, tt.mean)
			if tt.sd < 0 {
				if s.hasSD {
					t.Errorf("sd = %v for one value, want none", s.sd)
				}
			} else {
				check("sd", s.sd, tt.sd)
			}
			check("p10", s.p10, tt.p10)
			check("median", s.median, tt.median)
			check("p90", s.p90, tt.p90)
		})
	}
}

func TestRound1(t *testing.T) {
	for _, tt := range []struct{ in, want float64 }{
		{42.142857, 42.1}, {12.15, 12.2}, {0.05, 0.1}, {68.18181818, 68.2}, {1.9000000000000001, 1.9}, {80, 80},
	} {
		if got := round1(tt.in); got != tt.want {
			t.Errorf("round1(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestGroupValues(t *testing.T) {
	rec := &record{region: "01", county: "", sex: "K", age: 17}
	tests := []struct {
		dim, date, want string
		age             int
	}{
		{"region", "2024-03-31", "01", 17},
		{"county", "2024-03-31", Unknown, 17},
		{"sex", "2024-03-31", "K", 17},
		{"agegroup", "2024-03-31", "0–17", 17},
		{"agegroup", "2024-03-31", "18–39", 18},
		{"agegroup", "2024-03-31", "40–64", 64},
		{"agegroup", "2024-03-31", "65–79", 65},
		{"agegroup", "2024-03-31", "80+", 80},
		{"agegroup", "2024-03-31", "80+", 104},
		{"agegroup", "2024-03-31", Unknown, -1},
		{"year", "2024-12-31", "2024", 17},
		{"quarter", "2024-03-31", "2024-K1", 17},
		{"quarter", "2024-04-01", "2024-K2", 17},
		{"quarter", "2025-12-31", "2025-K4", 17},
		{"month", "2024-02-29", "2024-02", 17},
	}
	for _, tt := range tests {
		rec.age = tt.age
		if got := groupValue(tt.dim, rec, dayOf(t, tt.date)); got != tt.want {
			t.Errorf("%s of %s, age %d = %q, want %q", tt.dim, tt.date, tt.age, got, tt.want)
		}
	}
}

func dayOf(t *testing.T, s string) compiler.Day {
	t.Helper()
	d, ok := compiler.ParseDay(s)
	if !ok {
		t.Fatalf("bad date %q", s)
	}
	return d
}
