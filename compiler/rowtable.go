package compiler

import (
	"encoding/binary"
	"math/bits"

	"github.com/rcc/svfrules/rules"
)

// The code entries of each pathway (PathwayProgram.rowOf and rows, which
// buildRows works out from the pathway's sets) are written for every
// embedded version when svfrules is built, in the version's generated
// form (see embedded.go): working them out was a tenth of the
// instructions of a 100-row eval (0.4 of 3.7 million for the 8 pathways
// it meets), reading them takes a seventh of that (issue 16). An entry is used only when the fingerprint of what
// buildRows would read (rowsFingerprint) is the one it was made from, so
// a guide whose sets differ (edited rule files under the same version,
// a compiler that lowers differently) has its rows worked out as before.
//
// Layout of the table: the number of pathways (a uvarint), then for each,
// by Pathway.Index, its entry's length in bytes and the entry: the
// fingerprint (8 bytes, little-endian), the number of prefixes and the
// row of each (a byte), the number of rows, the distinct values of the
// rows' entries (their number, then each a uvarint), then the rows'
// entries, each a byte: the index of its value. A pathway's entries have
// a dozen distinct values: written as uvarints the rows took longer to
// read than to work out.

// rowsFingerprint identifies what buildRows reads for pp: the number of
// prefixes, the guide's start and closing codes (mixed once, in Compile:
// startClosing), pp's sets and its own codes.
func (p *Program) rowsFingerprint(pp *PathwayProgram) uint64 {
	h := p.startClosing ^ uint64(len(pp.sets))
	for _, s := range pp.sets {
		h = mixSet(h, s)
	}
	return mixSet(h, pp.Own)
}

// mixSet mixes the words of s into h.
func mixSet(h uint64, s CodeSet) uint64 {
	h = bits.RotateLeft64(h^uint64(len(s)), 29) * 0x9e3779b97f4a7c15
	for _, w := range s {
		h = bits.RotateLeft64(h^w, 29) * 0x9e3779b97f4a7c15
	}
	return h
}

// appendRowTable appends the table of p's pathways, whose rows buildRows
// has worked out (every pathway compiled, none from a table), to out.
func appendRowTable(out []byte, p *Program) []byte {
	out = binary.AppendUvarint(out, uint64(len(p.Guide.Pathways)))
	var entry []byte
	for i := range p.Guide.Pathways {
		pp := p.Pathway(i)
		entry = binary.LittleEndian.AppendUint64(entry[:0], p.rowsFingerprint(pp))
		entry = binary.AppendUvarint(entry, uint64(len(pp.rowOf)))
		entry = append(entry, pp.rowOf...)
		entry = binary.AppendUvarint(entry, uint64(len(pp.rows)/100))
		var values []uint64
		index := map[uint64]int{}
		for _, x := range pp.rows {
			if _, ok := index[x]; !ok {
				index[x] = len(values)
				values = append(values, x)
			}
		}
		if len(values) > 256 {
			panic("more than 256 distinct code entries in a pathway") // for developers: widen the table's index
		}
		entry = binary.AppendUvarint(entry, uint64(len(values)))
		for _, x := range values {
			entry = binary.AppendUvarint(entry, x)
		}
		for _, x := range pp.rows {
			entry = append(entry, byte(index[x]))
		}
		out = binary.AppendUvarint(out, uint64(len(entry)))
		out = append(out, entry...)
	}
	return out
}

// loadRows sets pp's rows from the table entry of pathway i, and reports
// whether it did: not when there is no entry, or it was made from other
// sets than pp's.
func (p *Program) loadRows(pp *PathwayProgram, i int) bool {
	t := tableReader{data: p.rowTable}
	n, ok := t.uint()
	if !ok || uint64(i) >= n {
		return false
	}
	var e tableReader
	for k := 0; k <= i; k++ {
		size, ok := t.uint()
		if !ok || size > uint64(len(t.data)) {
			return false
		}
		e.data, t.data = t.data[:size], t.data[size:]
	}
	if len(e.data) < 8 || binary.LittleEndian.Uint64([]byte(e.data[:8])) != p.rowsFingerprint(pp) {
		return false
	}
	e.data = e.data[8:]
	prefixes, ok := e.uint()
	if !ok || prefixes != uint64(len(p.Prefixes)) || prefixes > uint64(len(e.data)) {
		return false
	}
	rowOf := []uint8(e.data[:prefixes])
	e.data = e.data[prefixes:]
	nrows, ok := e.uint()
	if !ok || nrows > 256 {
		return false
	}
	nvalues, ok := e.uint()
	if !ok || nvalues > 256 {
		return false
	}
	var values [256]uint64
	for k := range nvalues {
		if values[k], ok = e.uint(); !ok {
			return false
		}
	}
	if uint64(len(e.data)) != 100*nrows {
		return false
	}
	rows := make([]uint64, 100*nrows)
	var last byte                      // the largest index
	for k, b := range []byte(e.data) { // no copy: the conversion only ranges
		rows[k] = values[b]
		last |= b
	}
	if uint64(last) >= nvalues && !allBelow(e.data, nvalues) {
		return false
	}
	for _, r := range rowOf {
		if uint64(r) >= nrows {
			return false
		}
	}
	pp.rowOf, pp.rows = rowOf, rows
	return true
}

// allBelow reports whether every byte of s is below n.
func allBelow(s string, n uint64) bool {
	for i := range len(s) {
		if uint64(s[i]) >= n {
			return false
		}
	}
	return true
}

// tableReader reads uvarints from the front of data.
type tableReader struct{ data string }

func (t *tableReader) uint() (uint64, bool) {
	x, n := rules.Uvarint(t.data)
	if n <= 0 {
		return 0, false
	}
	t.data = t.data[n:]
	return x, true
}
