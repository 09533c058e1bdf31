package report

import (
	"bytes"
	"context"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The HTML report must look right in a real browser: these tests open it
// in headless Chromium (Debian package chromium; .ci/run installs it),
// take an A4-sized screenshot at 150 dpi and read the browser's console.
// Without Chromium they are skipped, except in CI (CI set), where they fail.

// chromium returns the browser's path, or skips (fails in CI).
func chromium(t *testing.T) string {
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

// screenshot opens page in headless Chromium and returns the screenshot's
// path and the console messages the browser logged.
func screenshot(t *testing.T, browser, page string) (shot string, console []string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
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
	shot = filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--screenshot="+shot, "--window-size=1240,1754",
		"--enable-logging=stderr", "--v=0", "file://"+file)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	// With --enable-logging every console message is a line with
	// ":CONSOLE" (the level is not shown: any message counts, the page
	// has no script that should write one).
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(l, ":CONSOLE") {
			console = append(console, l)
		}
	}
	return shot, console
}

// checkScreenshot requires a real PNG of the window's size that is not
// blank.
func checkScreenshot(t *testing.T, shot string) {
	t.Helper()
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatal("the screenshot is not a PNG")
	}
	if len(data) < 20_000 {
		t.Errorf("the screenshot is %d bytes: too small for a rendered report", len(data))
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != 1240 || b.Dy() != 1754 {
		t.Errorf("screenshot is %dx%d, want 1240x1754", b.Dx(), b.Dy())
	}
	// Ink: pixels that are clearly not white; text, tables and bars give
	// several percent, a blank or failed page none.
	ink := 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			c := color.GrayModel.Convert(img.At(x, y)).(color.Gray)
			if c.Y < 200 {
				ink++
			}
		}
	}
	if share := float64(ink) / float64(b.Dx()*b.Dy()/4); share < 0.01 {
		t.Errorf("the screenshot is almost blank (%.2f %% ink)", 100*share)
	}
}

func TestHTMLInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := chromium(t)
	r := build(t, csvOf(knownAnswers()), Options{MinCell: DefaultMinCell, By: []string{"sex"}})
	shot, console := screenshot(t, browser, render(t, r, "html"))
	if len(console) > 0 {
		t.Errorf("the page logged to the console:\n%s", strings.Join(console, "\n"))
	}
	checkScreenshot(t, shot)
	if dir := os.Getenv("SVFRULES_SCREENSHOT_DIR"); dir != "" {
		data, _ := os.ReadFile(shot)
		_ = os.WriteFile(filepath.Join(dir, "report.png"), data, 0o644)
	}
}

// TestBrowserConsoleCheckCanFail: a page whose script throws is caught by
// the same console check, so the test above is not vacuous.
func TestBrowserConsoleCheckCanFail(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := chromium(t)
	_, console := screenshot(t, browser, `<!DOCTYPE html><html><body><p>kaputt</p><script>throw new Error("avsiktligt fel")</script></body></html>`)
	if len(console) != 1 || !strings.Contains(console[0], "avsiktligt fel") {
		t.Errorf("console lines %q, want the one uncaught error", console)
	}
}
