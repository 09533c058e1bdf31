package lsp

import (
	"slices"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// complete asks for completion at the end of the nth occurrence of
// before in text, and returns the items.
func (c *client) complete(name, text, before string, nth int) []protocol.CompletionItem {
	c.t.Helper()
	p := find(c.t, text, before, nth)
	starts := lineStarts(text)
	p = positionOf(text, starts, offsetOf(text, starts, p)+len(before))
	var items []protocol.CompletionItem
	c.call(protocol.MethodTextDocumentCompletion, protocol.CompletionParams{TextDocumentPositionParams: c.at(name, p)}, &items)
	return items
}

func labels(items []protocol.CompletionItem) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Label)
	}
	return out
}

func TestCompletionTableRows(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	text := c.openFile("behandling.svf")
	// The brain-tumour row of code 50's table taken out: it is the one
	// pathway offered at the start of a row, typed or not.
	c.replace("behandling.svf", &text, "    hjarntumorer                 - # guiden: \"Hjärtumörer\"\n", "    \n")
	c.diagnostics("behandling.svf")
	if got := labels(c.complete("behandling.svf", text, "gallblasecancer              x\n    ", 0)); !slices.Equal(got, []string{"hjarntumorer"}) {
		t.Errorf("at an empty row: %q, want [hjarntumorer]", got)
	}
	c.replace("behandling.svf", &text, "gallblasecancer              x\n    \n", "gallblasecancer              x\n    hjar\n")
	items := c.complete("behandling.svf", text, "    hjar", 0)
	if got := labels(items); !slices.Equal(got, []string{"hjarntumorer"}) || *items[0].Detail != "Hjärntumörer (VL2)" {
		t.Errorf("after hjar: %q", got)
	}
	// Two rows missing: both, and the item that writes both rows.
	c.replace("behandling.svf", &text, "    hudmelanom                   x\n", "")
	items = c.complete("behandling.svf", text, "    hjar", 0)
	if got := labels(items); !slices.Equal(got, []string{"hjarntumorer", "hudmelanom", "alla saknade rader (2 förlopp)"}) {
		t.Fatalf("two missing: %q", got)
	}
	all := items[2]
	if *all.InsertText != "hjarntumorer                 ${1|x,-|}\n    hudmelanom                   ${2|x,-|}" || *all.InsertTextFormat != protocol.InsertTextFormatSnippet {
		t.Errorf("all missing rows: %q", *all.InsertText)
	}
	// A qualifier in a cell; the marks after a key.
	if got := labels(c.complete("behandling.svf", text, "huvud_och_halscancer         x (", 0)); !slices.Equal(got, []string{"kur", "all"}) {
		t.Errorf("in a cell's parentheses: %q", got)
	}
	if got := labels(c.complete("behandling.svf", text, "    huvud_och_halscancer ", 0)); !slices.Equal(got, []string{"x", "-"}) {
		t.Errorf("after a key: %q", got)
	}
}

func TestCompletionContexts(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	text := c.openFile("regler.svf")
	c.replace("regler.svf", &text, "  when has(unknown)\n", "  when has(unknown) or has(\n")
	c.replace("regler.svf", &text, "  severity error\n", "  severity \n")
	c.replace("regler.svf", &text, "rule kod_ej_tillaten", "\nrule kod_ej_tillaten")
	c.diagnostics("regler.svf")

	cond := labels(c.complete("regler.svf", text, "or has(", 0))
	for _, w := range []string{"XX10", "XX44", "XX90", "closing", "unknown", "age", "diagnosis", "has", "icd10_in", "and", "not"} {
		if !slices.Contains(cond, w) {
			t.Errorf("condition lacks %q: %q", w, cond)
		}
	}
	if slices.Contains(cond, "hjarntumorer") || slices.Contains(cond, "severity") {
		t.Errorf("condition offers a pathway or a property: %q", cond)
	}
	if got := labels(c.complete("regler.svf", text, "  severity ", 0)); !slices.Equal(got, []string{"error", "warning", "info"}) {
		t.Errorf("severity: %q", got)
	}
	if got := labels(c.complete("regler.svf", text, "qualified(", 0)); !slices.Equal(got, []string{"kur", "all"}) {
		t.Errorf("qualified(: %q", got)
	}
	pw := labels(c.complete("regler.svf", text, "  pathway ", 0))
	if len(pw) != 30 || pw[0] != "akuta_leukemier" || !slices.Contains(pw, "hjarntumorer") {
		t.Errorf("pathway: %d items %q", len(pw), pw)
	}
	if got := labels(c.complete("regler.svf", text, "rule okand_kod \"Okänd kod\" {\n  ", 0)); !slices.Equal(got, []string{"message", "pathway", "ref", "severity", "when"}) {
		t.Errorf("start of a rule's line: %q", got)
	}
	if got := labels(c.complete("regler.svf", text, "  when has(unknown) or has(\n}\n", 0)); !slices.Equal(got, []string{"guide", "section", "qualifier", "pathway", "code", "rule", "leadtime", "test"}) {
		t.Errorf("top level: %q", got)
	}
	// Nothing in a comment or a string.
	for _, before := range []string{"# Kontrollerbara", "message \"Koden finns"} {
		if got := c.complete("regler.svf", text, before, 0); len(got) != 0 {
			t.Errorf("in %q: %q", before, labels(got))
		}
	}

	tests := c.openFile("tester.svf")
	c.replace("tester.svf", &tests, "  expect findings okand_kod\n", "  expect findings okand_kod, \n  expect leadtime \n  event \n")
	c.diagnostics("tester.svf")
	// regler.svf's okand_kod has a syntax error now (has( left open): the
	// model of what parsed has the other rules.
	rules := labels(c.complete("tester.svf", tests, "expect findings okand_kod, ", 0))
	if len(rules) < 20 || rules[0] != "kod_ej_tillaten" || slices.Contains(rules, "okand_kod") || !slices.Contains(rules, "vl260_kraver_vl244") {
		t.Errorf("expect findings: %q", rules)
	}
	if lts := labels(c.complete("tester.svf", tests, "  expect leadtime ", 0)); len(lts) < 10 || lts[0] != "hjarn_hog_ingen_atgard" {
		t.Errorf("expect leadtime: %q", lts)
	}
	events := c.complete("tester.svf", tests, "  event ", 0)
	if len(events) != 768 || events[0].Label != "VN405" || *events[0].Detail != "Remissbeslut vid misstanke, Akuta leukemier" {
		t.Errorf("event: %d items, first %q", len(events), labels(events[:1]))
	}
}
