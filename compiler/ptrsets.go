package compiler

import (
	"math/bits"
	"unsafe"
)

// ptrSets maps pointers (a condition's nodes, their argument slots) to
// code sets, for the lowerer, which looks up each operand's set three or
// four times in compiling a rule. Go's maps (80 to 240 instructions a
// look-up there) were a fifth of compiling a pathway (issue 16); this
// table finds a pointer by a multiplicative hash of it and linear
// probing in slots at most half full.
type ptrSets struct {
	keys  []unsafe.Pointer
	vals  []CodeSet
	n     int  // keys set
	shift uint // 64 - log2(len(keys))
}

// slot returns where k is in m, or the empty slot where it would go.
func (m *ptrSets) slot(k unsafe.Pointer) int {
	mask := len(m.keys) - 1
	i := int(uint64(uintptr(k)) * 0x9e3779b97f4a7c15 >> m.shift)
	for m.keys[i] != nil && m.keys[i] != k {
		i = (i + 1) & mask
	}
	return i
}

// get returns the set of k, and whether there is one.
func (m *ptrSets) get(k unsafe.Pointer) (CodeSet, bool) {
	if m.n == 0 {
		return nil, false
	}
	i := m.slot(k)
	return m.vals[i], m.keys[i] != nil
}

// put sets the set of k (not nil) to s.
func (m *ptrSets) put(k unsafe.Pointer, s CodeSet) {
	if 2*(m.n+1) > len(m.keys) { // at most half full: short probes
		m.grow()
	}
	i := m.slot(k)
	if m.keys[i] == nil {
		m.n++
	}
	m.keys[i], m.vals[i] = k, s
}

// reset empties m, keeping its slots.
func (m *ptrSets) reset() {
	clear(m.keys)
	clear(m.vals)
	m.n = 0
}

func (m *ptrSets) grow() {
	keys, vals := m.keys, m.vals
	size := max(64, 2*len(keys))
	m.keys, m.vals = make([]unsafe.Pointer, size), make([]CodeSet, size)
	m.shift = uint(64 - bits.TrailingZeros(uint(size)))
	m.n = 0
	for i, k := range keys {
		if k != nil {
			m.put(k, vals[i])
		}
	}
}
