package compiler

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"testing"

	"github.com/rcc/svfrules/rules"
)

// strs returns every string over alphabet up to n characters long, and
// count random ones up to long characters (a fixed seed).
func strs(alphabet string, n, count, long int) []string {
	out := []string{""}
	level := []string{""}
	for range n {
		var next []string
		for _, s := range level {
			for i := 0; i < len(alphabet); i++ {
				next = append(next, s+alphabet[i:i+1])
			}
		}
		out = append(out, next...)
		level = next
	}
	r := rand.New(rand.NewPCG(16, 16))
	for range count {
		b := make([]byte, r.IntN(long+1))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		out = append(out, string(b))
	}
	return out
}

// TestMatchersAgreeWithPatterns holds each matcher of match.go to the
// regular expression it stands for, on every short string of the
// characters that matter, random longer ones, dates, and every ref of
// every embedded version.
func TestMatchersAgreeWithPatterns(t *testing.T) {
	shapes := []struct {
		pattern string
		match   func(string) bool
	}{
		{`^\d{4}-\d{2}-\d{2}$`, isDateShape},
		{`^\d{2}$`, isSuffix},
		{`^[A-Z]\d{2}(\.\d{1,2})?$`, isICD10},
		{`^\d+(\.\d+)*$`, isVersion},
		{`^[a-z][a-z0-9_]*$`, isIdentKey},
	}
	inputs := strs("09-.AZaz_\n", 5, 20000, 12)
	inputs = append(inputs, "2024-11-05", "2024-1-105", "2024-11-0a", "20241105", "2024-11-05\n", "C71", "C71.1", "C71.12", "C71.123",
		"C71.", "c71", "Ä71", "10.6", "10..6", ".10", "10.", "10.6.1", "a_1", "_a", "aÅ", "١٢", "２４")
	for _, sh := range shapes {
		re := regexp.MustCompile(sh.pattern)
		for _, s := range inputs {
			if got, want := sh.match(s), re.MatchString(s); got != want {
				t.Errorf("%s on %q: %v, want %v", sh.pattern, s, got, want)
			}
		}
	}

	quoted := regexp.MustCompile(`(?::\s*)?"([^"]*)"`)
	codes := regexp.MustCompile(`VXX([0-9]{2})`)
	refs := strs(": \t\"a\n\v", 6, 20000, 30)
	refs = append(refs, strs("VX0 9", 6, 20000, 20)...)
	for _, v := range rules.Versions() {
		g := loadEmbedded(t, v)
		for _, r := range g.Rules {
			refs = append(refs, r.Ref)
		}
		for _, lt := range g.LeadTimes {
			refs = append(refs, lt.Ref)
		}
	}
	for _, ref := range refs {
		var wantQuotes []string
		for _, m := range quoted.FindAllStringSubmatch(ref, -1) {
			wantQuotes = append(wantQuotes, m[1])
		}
		quotes, rest := cutQuotations(ref)
		if !reflect.DeepEqual(quotes, wantQuotes) || rest != quoted.ReplaceAllString(ref, "") {
			t.Errorf("cutQuotations(%q) = %q, %q; want %q, %q", ref, quotes, rest, wantQuotes, quoted.ReplaceAllString(ref, ""))
		}
		var wantCodes []string
		for _, m := range codes.FindAllStringSubmatch(ref, -1) {
			wantCodes = append(wantCodes, m[1])
		}
		if got := codesInRef(ref); !reflect.DeepEqual(got, wantCodes) {
			t.Errorf("codesInRef(%q) = %q, want %q", ref, got, wantCodes)
		}
	}
}
