package safefile

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTempDir: the directory is the user's alone, and cleanup or
// RemoveTemps (what the signal handler does) removes it with its files.
func TestTempDir(t *testing.T) {
	parent := t.TempDir()
	for _, how := range []string{"cleanup", "RemoveTemps"} {
		path, cleanup, err := TempDir(parent, "x-*")
		if err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil || st.Mode().Perm() != 0o700 {
			t.Fatalf("%s: %v %v, want a directory with mode 0700", how, st, err)
		}
		if err := os.WriteFile(filepath.Join(path, "part"), []byte("data"), 0o600); err != nil {
			t.Fatal(err)
		}
		if how == "cleanup" {
			cleanup()
		} else {
			RemoveTemps()
		}
		if left, _ := os.ReadDir(parent); len(left) != 0 {
			t.Errorf("%s: %d entries left in %s", how, len(left), parent)
		}
		cleanup() // again: nothing to do
	}
}
