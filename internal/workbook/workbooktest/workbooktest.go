// Package workbooktest checks workbooks in a real spreadsheet program,
// for the tests of the packages that write them.
package workbooktest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// ConvertWithLibreOffice converts a workbook to one CSV per sheet (;,
// UTF-8, the cells as stored) with LibreOffice (headless; package
// libreoffice-calc-nogui) and returns them by sheet name: proof that a
// real spreadsheet program opens the workbook. Without LibreOffice it
// skips the test, except in CI (CI set), where it fails.
func ConvertWithLibreOffice(t testing.TB, workbook []byte) map[string]string {
	t.Helper()
	soffice := ""
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			soffice = p
			break
		}
	}
	if soffice == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("LibreOffice is not installed; CI must have it (apt-get install libreoffice-calc-nogui)")
		}
		t.Skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui); skipping the spreadsheet test")
	}
	dir := t.TempDir()
	book := filepath.Join(dir, "bok.xlsx")
	if err := os.WriteFile(book, workbook, 0o644); err != nil {
		t.Fatal(err)
	}
	// A profile of its own: another LibreOffice running (or a test in
	// parallel) would otherwise take the conversion over.
	profile, err := os.MkdirTemp("", "svfrules-lo-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// 59 is ;, 34 ", 76 UTF-8; the last -1 writes every sheet to a file.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+profile, "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", dir, book)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	sheets := map[string]string{}
	files, _ := filepath.Glob(filepath.Join(dir, "bok-*.csv"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		sheets[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(name), "bok-"), ".csv")] = string(b)
	}
	if len(sheets) == 0 {
		t.Fatalf("libreoffice wrote no sheets:\n%s", out)
	}
	return sheets
}
