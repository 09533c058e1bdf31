package compiler

import (
	"math/rand/v2"
	"testing"
	"unsafe"
)

// TestPtrSets compares ptrSets with a Go map on random puts and gets of
// pointers into one block (neighbours, as a condition's nodes are) and
// into separate objects, through several growths.
func TestPtrSets(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	block := make([]typed, 500)
	var keys []unsafe.Pointer
	for i := range block {
		keys = append(keys, unsafe.Pointer(&block[i]))
	}
	for range 200 {
		keys = append(keys, unsafe.Pointer(new(*typed)))
	}
	var m ptrSets
	want := map[unsafe.Pointer]CodeSet{}
	for step := range 5000 {
		k := keys[rng.IntN(len(keys))]
		if rng.IntN(3) == 0 {
			s := CodeSet{uint64(step)}
			m.put(k, s)
			want[k] = s
			continue
		}
		got, ok := m.get(k)
		w, wok := want[k]
		if ok != wok || (ok && got[0] != w[0]) {
			t.Fatalf("step %d: get = %v, %v; want %v, %v", step, got, ok, w, wok)
		}
	}
	if m.n != len(want) {
		t.Errorf("%d keys counted, %d put", m.n, len(want))
	}
	for k, w := range want {
		if got, ok := m.get(k); !ok || got[0] != w[0] {
			t.Errorf("after all: get = %v, %v; want %v", got, ok, w)
		}
	}
}
