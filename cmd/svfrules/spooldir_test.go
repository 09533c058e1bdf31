package main

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestSpoolDir: eval's temporary files go beside the -o file (beside its
// target when -o is a symbolic link), in TMPDIR ("") without -o or when
// -o is no regular file.
func TestSpoolDir(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "annan")
	if err := os.Mkdir(other, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "fynd.csv")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(other, "mål.csv")
	if err := os.WriteFile(target, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ output, want string }{
		{"", ""},
		{file, dir},
		{filepath.Join(dir, "ny.csv"), dir},
		{filepath.Join(other, "saknas", "ny.csv"), filepath.Join(other, "saknas")},
		{dir, ""}, // a folder: no regular file (refused elsewhere)
	}
	if runtime.GOOS != "windows" {
		link := filepath.Join(dir, "länk.csv")
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		dangling := filepath.Join(dir, "död.csv")
		if err := os.Symlink(filepath.Join(other, "finns-inte.csv"), dangling); err != nil {
			t.Fatal(err)
		}
		cases = append(cases,
			struct{ output, want string }{"/dev/null", ""},
			struct{ output, want string }{link, other},
			struct{ output, want string }{dangling, dir})
	}
	for _, c := range cases {
		if got := spoolDir(c.output); got != c.want {
			t.Errorf("spoolDir(%q) = %q, want %q", c.output, got, c.want)
		}
	}
}
