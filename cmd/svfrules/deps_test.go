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
// come back either. Nor must html/template (and text/template under it),
// whose initialisation was 80 000 instructions of every start, a
// twentieth of a 100-row eval: internal/htmlw writes the two HTML pages,
// escaping as html/template did, and their tests run the templates. Nor
// encoding/xml, also the tests' oracle only: its package initialisation
// (a map of 252 HTML entities) cost every run some 55 000 instructions
// (6 % of svfrules --version's) and a few page faults, for three small
// parts of a workbook that internal/workbook's own scanner reads.
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
		switch {
		case strings.Contains(d, "excelize"), d == "net/http", d == "html/template", d == "text/template", d == "encoding/xml":
			t.Errorf("svfrules links %s", d)
		}
	}
}
