package rules

import (
	"reflect"
	"testing"
)

// TestParsedIndex checks that the index of guides.bin gives back each
// form as written, and that a damaged index gives none, without a panic
// (the rule files are then parsed).
func TestParsedIndex(t *testing.T) {
	forms := map[string][]byte{"9.0": []byte("first form"), "10.6": []byte("second\x00form"), "x": nil}
	names := []string{"9.0", "10.6", "x"}
	data := string(AppendParsed(nil, names, forms))
	idx := readIndex(data)
	if !reflect.DeepEqual(idx.names, names) {
		t.Fatalf("names %q, want %q", idx.names, names)
	}
	for _, v := range names {
		if got, ok := idx.forms[v]; !ok || got != string(forms[v]) {
			t.Errorf("%s: form %q (%v), want %q", v, got, ok, forms[v])
		}
	}
	for cut := 0; cut < len(data); cut++ {
		if idx := readIndex(data[:cut]); len(idx.forms) != 0 {
			t.Errorf("index cut at %d: %d forms, want none", cut, len(idx.forms))
		}
	}
	// The embedded file has a form of every embedded version.
	for _, v := range Versions() {
		if _, ok := Parsed(v); !ok {
			t.Errorf("parsed/guides.bin has no form of %s: run go generate ./rules", v)
		}
	}
}
