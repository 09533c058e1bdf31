package guide_test

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rcc/svfrules/guide"
	"github.com/rcc/svfrules/internal/browsertest"
)

// renderHTML renders an embedded version as HTML.
func renderHTML(t *testing.T, version, pathway string) string {
	t.Helper()
	g := load(t, version)
	opts := guide.Options{}
	if pathway != "" {
		if opts.Pathway = g.Pathway(pathway); opts.Pathway == nil {
			t.Fatalf("no pathway %s", pathway)
		}
	}
	var buf bytes.Buffer
	if err := guide.WriteHTML(&buf, guide.Build(g, opts)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// external matches anything a page could load from elsewhere.
var external = regexp.MustCompile(`(?i)\b(src|href)\s*=|url\(|@import|<script|<link`)

// The HTML guide is one self-contained page in Swedish: it loads nothing,
// shows in Chromium without console messages, and prints on A4 pages.
func TestHTMLInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := browsertest.Chromium(t)
	for _, tc := range []struct{ name, version, pathway string }{
		{"joint", "10.6", ""},
		{"hjarntumorer", "10.6", "hjarntumorer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := renderHTML(t, tc.version, tc.pathway)
			if !strings.Contains(page, `<html lang="sv">`) {
				t.Error(`the page is not <html lang="sv">`)
			}
			if m := external.FindString(page); m != "" {
				t.Errorf("the page refers to something outside itself: %q", m)
			}
			shot, console := browsertest.Screenshot(t, browser, page)
			if len(console) > 0 {
				t.Errorf("the page logged to the console:\n%s", strings.Join(console, "\n"))
			}
			browsertest.CheckScreenshot(t, shot)
			pages := browsertest.PrintPages(t, browser, page)
			if len(pages) < 2 {
				t.Errorf("printed %d pages, want the guide over several", len(pages))
			}
			for i, p := range pages {
				// A4 is 595.28 × 841.89 points.
				if math.Abs(p[0]-595.28) > 1 || math.Abs(p[1]-841.89) > 1 {
					t.Errorf("page %d is %.1f × %.1f points, not A4", i+1, p[0], p[1])
				}
			}
			t.Logf("%d A4 pages", len(pages))
			if dir := os.Getenv("SVFRULES_SCREENSHOT_DIR"); dir != "" {
				data, _ := os.ReadFile(shot)
				_ = os.WriteFile(filepath.Join(dir, "guide-"+tc.name+".png"), data, 0o644)
			}
		})
	}
}

// TestPrintCheckCanFail: a page that asks for Letter paper is caught by
// the same page-size check, so the test above is not vacuous.
func TestPrintCheckCanFail(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	browser := browsertest.Chromium(t)
	pages := browsertest.PrintPages(t, browser, `<!DOCTYPE html><html lang="sv"><head><style>@page { size: letter; }</style></head><body><p>brev</p></body></html>`)
	if len(pages) != 1 || math.Abs(pages[0][0]-612) > 1 {
		t.Errorf("pages %v, want one Letter page (612 points wide)", pages)
	}
}
