package compiler

import "testing"

// TestInKindSet: the named sets that follow the codes' kinds hold the
// codes of their kind (closing those of both closing kinds); the other
// names are not known.
func TestInKindSet(t *testing.T) {
	kinds := []Kind{KindStart, KindMandatory, KindTreatment, KindOtherReason, KindVoluntary}
	for _, tc := range []struct {
		name string
		in   []Kind
	}{
		{"start", []Kind{KindStart}},
		{"mandatory", []Kind{KindMandatory}},
		{"treatment", []Kind{KindTreatment}},
		{"other_reason", []Kind{KindOtherReason}},
		{"voluntary", []Kind{KindVoluntary}},
		{"closing", []Kind{KindTreatment, KindOtherReason}},
	} {
		for _, k := range kinds {
			want := false
			for _, w := range tc.in {
				want = want || w == k
			}
			if in, known := InKindSet(tc.name, k); in != want || !known {
				t.Errorf("InKindSet(%q, %s) = %v, %v; want %v, true", tc.name, k, in, known, want)
			}
		}
	}
	for _, name := range []string{"codes", "unknown", "disallowed", "foreign", "Start", ""} {
		for _, k := range kinds {
			if in, known := InKindSet(name, k); in || known {
				t.Errorf("InKindSet(%q, %s) = %v, %v; want false, false", name, k, in, known)
			}
		}
	}
}
