package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rcc/svfrules/internal/browsertest"
)

// The HTML report must look right in a real browser: these tests open it
// in headless Chromium (internal/browsertest: Debian package chromium;
// .ci/run installs it), take an A4-sized screenshot at 150 dpi and read
// the browser's console. Without Chromium they are skipped, except in CI
// (CI set), where they fail.

func TestHTMLInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := browsertest.Chromium(t)
	r := build(t, csvOf(knownAnswers()), Options{MinCell: DefaultMinCell, By: []string{"sex"}})
	shot, console := browsertest.Screenshot(t, browser, render(t, r, "html"))
	if len(console) > 0 {
		t.Errorf("the page logged to the console:\n%s", strings.Join(console, "\n"))
	}
	browsertest.CheckScreenshot(t, shot)
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
	browser := browsertest.Chromium(t)
	_, console := browsertest.Screenshot(t, browser, `<!DOCTYPE html><html><body><p>kaputt</p><script>throw new Error("avsiktligt fel")</script></body></html>`)
	if len(console) != 1 || !strings.Contains(console[0], "avsiktligt fel") {
		t.Errorf("console lines %q, want the one uncaught error", console)
	}
}
