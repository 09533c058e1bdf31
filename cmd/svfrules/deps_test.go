package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoExcelizeInBinary: excelize is linked into the tests only (as the
// oracle of the workbook tests), never into svfrules. Linked, its package
// initialisation cost every run of every command some 14 ms at start-up,
// more than the whole start-up budget (issue 16); internal/workbook reads
// and writes the workbooks instead. net/http came with it, and must not
// come back either.
func TestNoExcelizeInBinary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list -deps gave %d packages: the test does not test", len(deps))
	}
	for _, d := range deps {
		if strings.Contains(d, "excelize") || d == "net/http" {
			t.Errorf("svfrules links %s", d)
		}
	}
}
