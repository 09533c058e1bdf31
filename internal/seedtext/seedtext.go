// Package seedtext gives tests the plain text of coding guide 10.6, the
// authority the rule files are compared with. It lives in the shared
// folder cloned beside the repository, not in the repository itself.
package seedtext

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// name is the guide's text file in shared/seeds (seeds/README.md).
const name = "000_eeb2fd4c2fffc3c9.txt"

// Path is the guide text's path: ../shared/seeds beside the repository.
func Path() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "seeds", name)
}

// Read returns the guide text. Without the shared folder the test is
// skipped, with what to do; under CI (.ci/run sets CI) it fails, since
// there a missing guide text is a broken checkout, not a reason to skip.
func Read(t testing.TB, purpose string) []byte {
	t.Helper()
	path := Path()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		if os.Getenv("CI") != "" {
			t.Fatalf("guide text %s not found; CI must clone the shared folder beside the repository", path)
		}
		t.Skipf("guide text %s not found: clone the shared folder beside the repository to %s", path, purpose)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}
