package input

import (
	"fmt"
	"testing"
)

// TestCacheSpan: a cache's span starts at 1<<cacheMinBits entries, doubles
// once its misses are half of it, and stops at the table's size.
func TestCacheSpan(t *testing.T) {
	for _, c := range []struct {
		misses int
		bits   uint8
		want   int // entries in use after the misses
	}{
		{0, 12, 1 << 8},
		{127, 12, 1 << 8},
		{128, 12, 1 << 9},
		{128 + 255, 12, 1 << 9},
		{128 + 256, 12, 1 << 10},
		{128 + 256 + 512 + 1024, 12, 1 << 12},
		{100000, 12, 1 << 12},
		{100000, 8, 1 << 8},
	} {
		var s cacheSpan
		for range c.misses {
			s.missed(c.bits)
		}
		if got := 1 << (cacheMinBits + s.grown); got != c.want {
			t.Errorf("after %d misses (table 1<<%d): %d entries in use, want %d", c.misses, c.bits, got, c.want)
		}
		for key := range uint64(5000) {
			if i := s.slot(key*7919, c.bits); i >= uint64(c.want) {
				t.Fatalf("after %d misses: slot %d of key %d is past the %d in use", c.misses, i, key, c.want)
			}
		}
	}
}

// TestCachesStaySmallForASmallInput: the values of a hundred rows go to
// the first entries of the builder's caches, not all over them; the
// values come out right however far the caches have grown.
func TestCachesStaySmallForASmallInput(t *testing.T) {
	b := &builder{strs: map[string]string{}}
	for i := range 100 {
		v := fmt.Sprintf("%02d", i%60)
		if got := b.str([]byte(v)); got != v {
			t.Fatalf("str(%q) = %q", v, got)
		}
		d := fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28)
		day, ok := b.parseDigitDay([]byte(d))
		if !ok || day.String() != d {
			t.Fatalf("parseDigitDay(%q) = %v, %v", d, day, ok)
		}
	}
	for name, used := range map[string]func(i int) bool{
		"short": func(i int) bool { return b.short[i].s != "" },
		"dates": func(i int) bool { return b.dates[i].ok },
	} {
		last := -1
		for i := range 1 << 12 {
			if used(i) {
				last = i
			}
		}
		if last < 0 || last >= 1<<9 {
			t.Errorf("%s: last entry used %d, want one in the first %d", name, last, 1<<9)
		}
	}
	// Many values: the caches grow, and old entries stay right.
	for i := range 20000 {
		d := fmt.Sprintf("%04d-%02d-%02d", 1990+i/336, 1+i/28%12, 1+i%28)
		if day, ok := b.parseDigitDay([]byte(d)); !ok || day.String() != d {
			t.Fatalf("parseDigitDay(%q) = %v, %v", d, day, ok)
		}
		v := fmt.Sprintf("%d", i%5000)
		if got := b.str([]byte(v)); got != v {
			t.Fatalf("str(%q) = %q", v, got)
		}
	}
	if b.dateSpan.grown != 12-cacheMinBits || b.shortSpan.grown != 12-cacheMinBits {
		t.Errorf("after 20000 values the spans grew %d and %d bits, want %d", b.dateSpan.grown, b.shortSpan.grown, 12-cacheMinBits)
	}
}
