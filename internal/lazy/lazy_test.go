package lazy

import (
	"sync"
	"sync/atomic"
	"testing"
)

var calls atomic.Int32

var counted = Value[*int]{New: func() *int { calls.Add(1); n := 42; return &n }}

func TestValueMadeOnceOnFirstGet(t *testing.T) {
	if calls.Load() != 0 {
		t.Fatalf("New ran %d times before the first Get", calls.Load())
	}
	var wg sync.WaitGroup
	got := make([]*int, 8)
	for i := range got {
		wg.Go(func() { got[i] = counted.Get() })
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("New ran %d times, want 1", calls.Load())
	}
	for i, p := range got {
		if p != got[0] || *p != 42 {
			t.Errorf("Get %d returned %p (%d), want %p (42)", i, p, *p, got[0])
		}
	}
}

func TestValuePanicsOnEveryGet(t *testing.T) {
	made := 0
	v := Value[int]{New: func() int { made++; panic("broken") }}
	for i := range 3 {
		func() {
			defer func() {
				if p := recover(); p != "broken" {
					t.Errorf("Get %d: recovered %v, want the panic of New", i, p)
				}
			}()
			v.Get()
		}()
	}
	if made != 1 {
		t.Errorf("New ran %d times, want 1", made)
	}
}
