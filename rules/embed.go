// Package rules embeds the rule files of every guide version, one folder
// per version (rules/10.6/…), into the binary.
package rules

import (
	"embed"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed */*.svf
var files embed.FS

// parsed holds every version's rule files as parsed and checked when
// svfrules was built (see compiler.LoadEmbedded), written by
//
//go:generate go run ./gen
//go:embed parsed/*.bin
var parsed embed.FS

// Parsed returns the generated form of version v (parsed/v.bin), and
// false when there is none.
func Parsed(v string) ([]byte, bool) {
	data, err := parsed.ReadFile("parsed/" + v + ".bin")
	return data, err == nil
}

// OpenParsed opens the generated form of version v (parsed/v.bin), to
// read a part of it without copying the whole.
func OpenParsed(v string) (fs.File, error) {
	return parsed.Open("parsed/" + v + ".bin")
}

// ParsedVersions returns the versions that have a generated form.
func ParsedVersions() []string {
	entries, _ := fs.ReadDir(parsed, "parsed")
	var vs []string
	for _, e := range entries {
		if v, ok := strings.CutSuffix(e.Name(), ".bin"); ok {
			vs = append(vs, v)
		}
	}
	return vs
}

// FS returns the embedded rule folders; each top-level folder is a version.
func FS() fs.FS { return files }

// Versions returns the embedded guide versions, oldest first, compared
// numerically (9.3 < 10.2 < 10.6).
func Versions() []string {
	entries, _ := fs.ReadDir(files, ".")
	var vs []string
	for _, e := range entries {
		if e.IsDir() {
			vs = append(vs, e.Name())
		}
	}
	sort.Slice(vs, func(i, j int) bool { return CompareVersions(vs[i], vs[j]) < 0 })
	return vs
}

// Latest returns the newest embedded version.
func Latest() string {
	vs := Versions()
	if len(vs) == 0 {
		return ""
	}
	return vs[len(vs)-1]
}

// CompareVersions compares dotted version numbers part by part as
// numbers: it returns -1, 0 or 1.
func CompareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) || i < len(pb); i++ {
		var x, y int
		if i < len(pa) {
			x, _ = strconv.Atoi(pa[i])
		}
		if i < len(pb) {
			y, _ = strconv.Atoi(pb[i])
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}
