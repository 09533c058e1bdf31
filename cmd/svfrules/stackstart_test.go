package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestStackGrownFirst: the package that grows the main goroutine's stack
// (internal/stackstart) is initialised before any package but the
// runtime's own and those that import nothing and sort before it, so that the stack is copied while it holds three frames
// and not again under internal/godebug's, participle's and eval's calls
// (issue 16). Go initialises packages in the order of their import
// paths once their imports are: an import added to stackstart, or a
// rename, would move it. The order is the one GODEBUG=inittrace=1 prints
// for svfrules --version (the real main, see TestMain).
func TestStackGrownFirst(t *testing.T) {
	bin, err := exec.LookPath("svfrules")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("svfrules --version: %v; stderr: %s", err, stderr.String())
	}
	var order []string // the packages initialised, in order
	for _, line := range strings.Split(stderr.String(), "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[0] == "init" && strings.HasPrefix(f[2], "@") {
			order = append(order, f[1])
		}
	}
	const grower = "github.com/rcc/svfrules/internal/stackstart"
	before := map[string]bool{} // the packages initialised before grower
	for _, pkg := range order {
		if pkg == grower {
			if !before["internal/godebug"] {
				return
			}
			break
		}
		// Only the runtime's, and packages that import nothing to wait
		// for and sort before it (crypto/internal/fips140deps/cpu in
		// the test binary), may come first.
		if pkg != "runtime" && !strings.HasPrefix(pkg, "internal/runtime/") && pkg != "internal/bytealg" && pkg > grower {
			t.Fatalf("%s is initialised before %s; the order: %s", pkg, grower, strings.Join(order, ", "))
		}
		before[pkg] = true
	}
	t.Fatalf("%s is not initialised before internal/godebug; the order: %s", grower, strings.Join(order, ", "))
}
