package input

import (
	"bytes"
	"testing"
)

// TestSameBytes checks fastRow's comparison against bytes.Equal for
// every length up to 20 and a difference at every position: the loads
// it compares overlap, and none may miss a byte.
func TestSameBytes(t *testing.T) {
	for n := 0; n <= 20; n++ {
		a := make([]byte, n)
		for i := range a {
			a[i] = byte('a' + i)
		}
		if !sameBytes(a, bytes.Clone(a)) {
			t.Fatalf("length %d: equal bytes reported different", n)
		}
		for i := range n {
			b := bytes.Clone(a)
			b[i] ^= 0x20
			if sameBytes(a, b) {
				t.Errorf("length %d: a difference at %d not seen", n, i)
			}
		}
		if n > 0 && sameBytes(a, a[:n-1]) {
			t.Errorf("length %d: a shorter value reported equal", n)
		}
	}
}
