package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
	svfruntime "github.com/rcc/svfrules/runtime"
)

// parseAll parses the client's folder with the open files' current text,
// in name order.
func parseAll(t *testing.T, c *client) ([]*lang.File, lang.Sources) {
	t.Helper()
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*lang.File
	src := lang.Sources{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(c.dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if text, ok := c.texts[e.Name()]; ok {
			data = []byte(text)
		}
		src[e.Name()] = data
		f, ds := lang.Parse(e.Name(), data)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", e.Name(), ds)
		}
		files = append(files, f)
	}
	return files, src
}

// brief writes diagnostics as "line:char-line:char severity message"
// lines (from 0, as the protocol counts), for exact comparison.
func brief(ds []protocol.Diagnostic) []string {
	out := []string{}
	for _, d := range ds {
		sev := 0
		if d.Severity != nil {
			sev = int(*d.Severity)
		}
		out = append(out, fmt.Sprintf("%d:%d-%d:%d %d %s", d.Range.Start.Line, d.Range.Start.Character,
			d.Range.End.Line, d.Range.End.Character, sev, strings.ReplaceAll(d.Message, "\n", " | ")))
	}
	return out
}

func wantDiags(t *testing.T, what string, got []protocol.Diagnostic, want ...string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if b := brief(got); !slices.Equal(b, want) {
		t.Errorf("%s:\ngot  %q\nwant %q", what, b, want)
	}
}

// compilerSays returns what the compiler reports for the file name of
// the client's folder with the open files' current text, as svfrules
// check --rules would: "summary | detail" per diagnostic, in order.
func (c *client) compilerSays(name string) []string {
	c.t.Helper()
	dir := filepath.Join(c.t.TempDir(), filepath.Base(c.dir))
	if err := os.Mkdir(dir, 0o755); err != nil {
		c.t.Fatal(err)
	}
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		c.t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(c.dir, e.Name()))
		if err != nil {
			c.t.Fatal(err)
		}
		if text, ok := c.texts[e.Name()]; ok {
			data = []byte(text)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			c.t.Fatal(err)
		}
	}
	_, diags, _ := compiler.Load(os.DirFS(dir), ".", "")
	out := []string{}
	for _, d := range diags {
		if d.Pos.File == name {
			m := d.Summary
			if d.Detail != "" {
				m += "\n" + d.Detail
			}
			out = append(out, strings.ReplaceAll(m, "\n", " | "))
		}
	}
	return out
}

// wantCompiler checks that got is, at the places given ("16:15-16:19 1":
// range and severity), what the compiler reports for the file name: the
// server shows what svfrules check says, and the tests do not repeat the
// message catalogue's words.
func (c *client) wantCompiler(what, name string, got []protocol.Diagnostic, places ...string) {
	c.t.Helper()
	says := c.compilerSays(name)
	if len(says) != len(places) {
		c.t.Errorf("%s: the compiler gives %d diagnostics, the test expects %d: %q", what, len(says), len(places), says)
		return
	}
	want := make([]string, len(places))
	for i, p := range places {
		want[i] = p + " " + says[i]
	}
	if b := brief(got); !slices.Equal(b, want) {
		c.t.Errorf("%s:\ngot  %q\nwant %q", what, b, want)
	}
}

// replace edits the first occurrence of old in the open file name (whose
// text is *text) into new and keeps *text in step.
func (c *client) replace(name string, text *string, old, new string) {
	c.t.Helper()
	p := find(c.t, *text, old, 0)
	starts := lineStarts(*text)
	from := offsetOf(*text, starts, p)
	end := positionOf(*text, starts, from+len(old))
	c.edit(name, protocol.Range{Start: p, End: end}, new)
	*text = (*text)[:from] + new + (*text)[from+len(old):]
}

func TestDiagnosticsUnknownCodeAndClearing(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	text := c.openFile("ledtider.svf")
	wantDiags(t, "10.6 as it is", c.diagnostics("ledtider.svf"))

	c.replace("ledtider.svf", &text, "when not has(XX44)", "when not has(XX47)")
	c.wantCompiler("unknown code", "ledtider.svf", c.diagnostics("ledtider.svf"), "16:15-16:19 1")
	if got := brief(c.diagnostics("ledtider.svf")); !strings.Contains(got[0], "XX47") || !strings.HasSuffix(got[0], `"XX40"?`) {
		t.Errorf("the diagnostic does not name XX47 and suggest XX40: %q", got)
	}

	c.replace("ledtider.svf", &text, "XX47", "XX44")
	wantDiags(t, "fixed", c.diagnostics("ledtider.svf"))
	if code := c.close(); code != 0 {
		t.Errorf("exit code after shutdown and exit: %d, want 0", code)
	}
}

// A pathway taken out of guide.svf shows in every file that names it,
// though only guide.svf is open, and putting it back clears them all.
func TestDiagnosticsPathwayRemovedShowsInOtherFiles(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	text := c.openFile("guide.svf")
	decl := "pathway hjarntumorer \"Hjärntumörer\" {\n  prefix VL2\n  icd10 \"C71\" # seed 001: \"omfattar diagnoskoden C71\"\n}\n"
	c.replace("guide.svf", &text, decl, "")
	wantDiags(t, "guide.svf", c.diagnostics("guide.svf"))
	counts := map[string]int{}
	for _, name := range []string{"start.svf", "sarskilda.svf", "behandling.svf", "annan_orsak.svf", "frivilliga.svf", "regler.svf", "ledtider.svf", "tester.svf"} {
		ds, _ := c.latest(name)
		var msgs []string
		for _, d := range ds {
			msgs = append(msgs, strings.ReplaceAll(d.Message, "\n", " | "))
			if !strings.Contains(d.Message, "hjarntumorer") && !strings.Contains(d.Message, "VL2") {
				t.Errorf("%s: %q", name, d.Message)
			}
		}
		if says := c.compilerSays(name); !slices.Equal(msgs, says) && len(says)+len(msgs) > 0 {
			t.Errorf("%s: %q, the compiler says %q", name, msgs, says)
		}
		counts[name] = len(ds)
	}
	// Its rows in the 16 tables and its notes; the codes VL244 and VL222 that
	// sarskilda.svf and frivilliga.svf name; the rules and lead times for
	// brain tumours.
	want := map[string]int{"start.svf": 1, "sarskilda.svf": 4, "behandling.svf": 12, "annan_orsak.svf": 5, "frivilliga.svf": 3, "regler.svf": 5, "ledtider.svf": 10, "tester.svf": 0}
	for n, w := range want {
		if counts[n] != w {
			t.Errorf("%s: %d diagnostics, want %d", n, counts[n], w)
		}
	}
	ds, _ := c.latest("start.svf")
	c.wantCompiler("start.svf", "start.svf", ds, "23:4-23:16 1")

	c.replace("guide.svf", &text, "pathway hudmelanom", decl+"pathway hudmelanom")
	wantDiags(t, "guide.svf put back", c.diagnostics("guide.svf"))
	for n := range want {
		if ds, _ := c.latest(n); len(ds) != 0 {
			t.Errorf("%s not cleared: %q", n, brief(ds))
		}
	}
}

// A failing test case (`svfrules test`) is a diagnostic at its id.
func TestDiagnosticsFailingTestCase(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	text := c.openFile("tester.svf")
	c.replace("tester.svf", &text, "expect findings okand_kod\n", "expect no findings\n")
	got := brief(c.diagnostics("tester.svf"))
	// The failure as svfrules test reports it.
	g, _ := compiler.Check(parseAll(t, c))
	var failures []string
	for _, r := range svfruntime.RunTests(compiler.Compile(g), regexp.MustCompile("^okand_kod_fel$")) {
		failures = r.Failures
	}
	want := "8:5-8:18 1 " + fmt.Sprintf(msg.LSPTestFailed, "okand_kod_fel") + " | " + strings.Join(failures, " | ")
	if len(failures) == 0 || !slices.Equal(got, []string{want}) {
		t.Errorf("failing case:\ngot  %q\nwant %q", got, want)
	}
}

// A syntax error stops the checks as `svfrules check` does, and the
// diagnostic is where the slip is.
func TestDiagnosticsSyntaxError(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	text := c.openFile("regler.svf")
	c.replace("regler.svf", &text, "rule okand_kod ", "rul okand_kod ")
	got := brief(c.diagnostics("regler.svf"))
	if len(got) != 1 || !strings.HasPrefix(got[0], "10:0-10:3 1 ") || !strings.Contains(got[0], `"rule"`) {
		t.Errorf("got %q, want one error at rul with a hint to rule", got)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	c.notify(protocol.MethodExit, nil)
	if code := <-c.exit; code != 1 {
		t.Errorf("exit code without shutdown: %d, want 1", code)
	}
}

// The compiler's lint warnings show as warnings: here the header's
// version against the folder's name.
func TestDiagnosticsLintWarning(t *testing.T) {
	c := startClient(t, copyGuideAs(t, "10.6", "10.7"))
	c.openFile("guide.svf")
	got := brief(c.diagnostics("guide.svf"))
	if len(got) != 1 || !strings.HasPrefix(got[0], "6:6-6:12 2 ") || !strings.Contains(got[0], "10.7") {
		t.Errorf("got %q, want the lint warning on the version", got)
	}
}
