// Package browsertest opens HTML pages in headless Chromium for tests:
// a screenshot of an A4-sized window, the console messages the page
// logged, and the page printed to PDF. Without Chromium the tests are
// skipped, except in CI (CI set, as .ci/run sets it), where they fail.
package browsertest

import (
	"bytes"
	"context"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Chromium returns the browser's path, or skips the test (fails it in CI).
func Chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed; CI must have it (apt-get install chromium)")
	}
	t.Skip("chromium is not installed (apt-get install chromium); skipping the browser test")
	return ""
}

// run opens page in headless Chromium with the extra flags and returns
// the browser's log.
func run(t *testing.T, browser, page string, flags ...string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	// The profile is outside t.TempDir: the browser's helpers may still
	// be writing in it when the test cleans up.
	profile, err := os.MkdirTemp("", "svfrules-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(profile)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"}, flags...)
	cmd := exec.CommandContext(ctx, browser, append(args, "file://"+file)...)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, log.String())
	}
	return log.String()
}

// Screenshot opens page in a 1240×1754 window (A4 at 150 dpi) and returns
// the screenshot's path and the console messages the page logged.
func Screenshot(t *testing.T, browser, page string) (shot string, console []string) {
	t.Helper()
	shot = filepath.Join(t.TempDir(), "shot.png")
	log := run(t, browser, page, "--screenshot="+shot, "--window-size=1240,1754")
	// With --enable-logging every console message is a line with
	// ":CONSOLE" (any message counts: the pages have no script).
	for _, l := range strings.Split(log, "\n") {
		if strings.Contains(l, ":CONSOLE") {
			console = append(console, l)
		}
	}
	return shot, console
}

// CheckScreenshot requires a real PNG of the window's size that is not
// blank.
func CheckScreenshot(t *testing.T, shot string) {
	t.Helper()
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("the screenshot is not a PNG")
	}
	if len(data) < 20_000 {
		t.Errorf("the screenshot is %d bytes: too small for a rendered page", len(data))
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != 1240 || b.Dy() != 1754 {
		t.Errorf("screenshot is %dx%d, want 1240x1754", b.Dx(), b.Dy())
	}
	// Ink: pixels that are clearly not white; text and tables give
	// several percent, a blank or failed page none.
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			if c := color.GrayModel.Convert(img.At(x, y)).(color.Gray); c.Y < 200 {
				ink++
			}
		}
	}
	if share := float64(ink) / float64(b.Dx()*b.Dy()/4); share < 0.01 {
		t.Errorf("the screenshot is almost blank (%.2f %% ink)", 100*share)
	}
}

var mediaBoxRE = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)

// PrintPages prints page to PDF as the browser's print dialog would, and
// returns the size of every page in points, in order of appearance.
func PrintPages(t *testing.T, browser, page string) [][2]float64 {
	t.Helper()
	pdf := filepath.Join(t.TempDir(), "page.pdf")
	run(t, browser, page, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatalf("no PDF: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatal("the printed file is not a PDF")
	}
	var sizes [][2]float64
	for _, m := range mediaBoxRE.FindAllSubmatch(data, -1) {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		sizes = append(sizes, [2]float64{w, h})
	}
	return sizes
}
