// Package rules embeds the rule files of every guide version, one folder
// per version (rules/10.6/…), into the binary.
package rules

import (
	"embed"
	"encoding/binary"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/internal/lazy"
)

//go:embed */*.svf
var files embed.FS

// parsed holds every version's rule files as parsed and checked when
// svfrules was built (see compiler.LoadEmbedded), in one file, written by
//
//go:generate go run ./gen
//go:embed parsed/guides.bin
var parsed string

// The layout of parsed/guides.bin: the number of versions, then for
// each its name, the offset of its form after the index and its length
// (each a uvarint, the name's length before its bytes), then the forms.
// A string is embedded without a copy (embed.FS copies every file read),
// and only the pages of it that are read are touched: loading one
// version reads its form alone, svfrules versions the headers (issue 16).

// Parsed returns the generated form of version v, and false when there
// is none.
func Parsed(v string) (string, bool) {
	f, ok := parsedIndex.Get().forms[v]
	return f, ok
}

// ParsedVersions returns the versions that have a generated form, in the
// order of the file.
func ParsedVersions() []string { return parsedIndex.Get().names }

type formIndex struct {
	names []string
	forms map[string]string
}

// parsedIndex is the index of parsed, read once.
var parsedIndex = lazy.Value[formIndex]{New: func() formIndex { return readIndex(parsed) }}

// readIndex reads the index of a guides.bin; a damaged one gives no
// forms (the rule files are parsed instead).
func readIndex(data string) formIndex {
	idx := formIndex{forms: map[string]string{}}
	next := func() (uint64, bool) {
		x, n := Uvarint(data)
		if n <= 0 {
			return 0, false
		}
		data = data[n:]
		return x, true
	}
	count, ok := next()
	if !ok || count > uint64(len(data)) {
		return formIndex{}
	}
	type entry struct {
		name        string
		offset, len uint64
	}
	entries := make([]entry, 0, count)
	for range count {
		n, ok := next()
		if !ok || n > uint64(len(data)) {
			return formIndex{}
		}
		e := entry{name: data[:n]}
		data = data[n:]
		var ok1, ok2 bool
		e.offset, ok1 = next()
		e.len, ok2 = next()
		if !ok1 || !ok2 {
			return formIndex{}
		}
		entries = append(entries, e)
	}
	for _, e := range entries {
		if e.offset > uint64(len(data)) || e.len > uint64(len(data))-e.offset {
			return formIndex{}
		}
		idx.names = append(idx.names, e.name)
		idx.forms[e.name] = data[e.offset : e.offset+e.len]
	}
	return idx
}

// AppendParsed appends the form of guides.bin with forms by version, in
// the order of names, to out (for the generator).
func AppendParsed(out []byte, names []string, forms map[string][]byte) []byte {
	out = binary.AppendUvarint(out, uint64(len(names)))
	offset := 0
	for _, v := range names {
		out = binary.AppendUvarint(out, uint64(len(v)))
		out = append(out, v...)
		out = binary.AppendUvarint(out, uint64(offset))
		out = binary.AppendUvarint(out, uint64(len(forms[v])))
		offset += len(forms[v])
	}
	for _, v := range names {
		out = append(out, forms[v]...)
	}
	return out
}

// Uvarint is binary.Uvarint on a string, for the index here and the
// generated forms' headers (compiler), read without a copy to []byte.
func Uvarint(s string) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
	return 0, 0
}

// FS returns the embedded rule folders; each top-level folder is a version.
func FS() fs.FS { return files }

// Versions returns the embedded guide versions, oldest first, compared
// numerically (9.3 < 10.2 < 10.6).
func Versions() []string { return slices.Clone(versions.Get()) }

// versions lists the folders once: a run asks for them two or three
// times (the latest, whether a version is embedded), each a listing of
// the embedded files and a sort (issue 16).
var versions = lazy.Value[[]string]{New: func() []string {
	entries, _ := fs.ReadDir(files, ".")
	var vs []string
	for _, e := range entries {
		if e.IsDir() {
			vs = append(vs, e.Name())
		}
	}
	slices.SortFunc(vs, CompareVersions)
	return vs
}}

// Latest returns the newest embedded version.
func Latest() string {
	vs := versions.Get()
	if len(vs) == 0 {
		return ""
	}
	return vs[len(vs)-1]
}

// CompareVersions compares dotted version numbers part by part as
// numbers: it returns -1, 0 or 1. A missing part is 0, and so is a part
// that is not a number. It allocates nothing: sorting the versions with
// strings.Split and strconv.Atoi was 1.3 % of a 100-row eval's
// instructions (issue 16).
func CompareVersions(a, b string) int {
	for a != "" || b != "" {
		var x, y int
		x, a = versionPart(a)
		y, b = versionPart(b)
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// versionPart returns the number of s's first dot-separated part (0 when
// it is not a number, as strconv.Atoi's error gave) and what follows
// its dot.
func versionPart(s string) (int, string) {
	// A part of at most nine digits (none: 0, as Atoi's error gives),
	// as every version's are, is read here: strings.Cut and
	// strconv.Atoi made sorting the eleven versions 19 000 instructions
	// of every run (issue 16).
	n, i := 0, 0
	for i < len(s) && i < 9 && '0' <= s[i] && s[i] <= '9' {
		n = 10*n + int(s[i]-'0')
		i++
	}
	if i == len(s) {
		return n, ""
	}
	if s[i] == '.' {
		return n, s[i+1:]
	}
	part, rest, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(part)
	if err != nil {
		n = 0
	}
	return n, rest
}
