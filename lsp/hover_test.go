package lsp

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/rcc/svfrules/compiler"
)

// hoverAt asks for the hover at the nth occurrence of word in the open
// file name (text), on the word's second character.
func (c *client) hoverAt(name, text, word string, nth int) (string, protocol.Range) {
	c.t.Helper()
	p := find(c.t, text, word, nth)
	p.Character++
	var h *struct {
		Contents protocol.MarkupContent `json:"contents"`
		Range    protocol.Range         `json:"range"`
	}
	c.call(protocol.MethodTextDocumentHover, protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(name)}, Position: p}}, &h)
	if h == nil {
		return "", protocol.Range{}
	}
	if h.Contents.Kind != protocol.MarkupKindMarkdown {
		c.t.Errorf("hover kind %q, want markdown", h.Contents.Kind)
	}
	return h.Contents.Value, h.Range
}

func TestHover(t *testing.T) {
	c := startClient(t, copyGuide(t, "10.6"))
	texts := map[string]string{}
	for _, n := range []string{"ledtider.svf", "regler.svf", "tester.svf", "sarskilda.svf"} {
		texts[n] = c.openFile(n)
	}
	c.diagnostics("sarskilda.svf")
	for _, tc := range []struct {
		file, word string
		nth        int
		rng        protocol.Range
		parts      []string // the hover's paragraphs that are checked, by index; "" skips one
	}{
		{"ledtider.svf", "XX44", 0, rng(16, 15, 19), []string{
			"**Kod 44 – Behandlingsbeslut efter utökad utredning**, obligatorisk vid särskild händelse",
			"",
			"Får användas i: Bukspottkörtelcancer (VB6), Gallblåsecancer (VB5), Hjärntumörer (VL2), Levercancer (VB4), Njurcancer (VK0), Okänd primärtumör (CUP) (VP9), Prostatacancer (VJ1), Tjock- och ändtarmscancer (VB2)",
			"Förtydliganden eller avvikelser: allmänt, Hjärntumörer",
		}},
		{"ledtider.svf", "hjarntumorer", 0, rng(12, 10, 22), []string{
			"**Hjärntumörer** (förlopp `hjarntumorer`)",
			"Prefix: VL2",
			"Diagnoskoder (ICD-10): C71",
		}},
		{"ledtider.svf", "hjarn_hog_ingen_atgard", 0, rng(11, 9, 31), []string{
			"**Ledtid `hjarn_hog_ingen_atgard`** – Högmalign tumör grad III–IV: välgrundad misstanke till beslut om att operationen var tillräcklig behandling",
			"Från XX10 till XX73, i Hjärntumörer",
			"mål 37 dagar",
			"Källa: Maligna hjärntumörer, Ledtider för nationell uppföljning",
		}},
		{"regler.svf", "has(XX60)", 0, rng(114, 7, 10), []string{"`has(S, …)` ger sant/falskt: förloppet har en kod i någon av mängderna."}},
		{"regler.svf", "vl260_kraver_vl244", 0, rng(109, 5, 23), []string{
			"**Regel `vl260_kraver_vl244`** – VL260 kräver VL244",
			"Allvarlighet: fel",
			"Gäller: Hjärntumörer",
			"Meddelande: VL260 – Start av första behandling, beslut om exspektans får endast användas för lågmalign tumör grad I–II som kodats med VL244.",
			"Källa: VXX60 – Förtydliganden eller avvikelser: Hjärntumörer (ny i 10.6)",
		}},
		{"sarskilda.svf", "VL244", 1, rng(68, 7, 12), []string{
			"**VL244 – Behandlingsbeslut vid misstanke om lågmalign tumör grad I-II**, Hjärntumörer (VL2), obligatorisk vid särskild händelse",
			"Får användas i förloppet.",
		}},
		{"tester.svf", "age", 0, rng(9, 2, 5), []string{"`age` (tal): patientens ålder."}},
	} {
		got, r := c.hoverAt(tc.file, texts[tc.file], tc.word, tc.nth)
		if r != tc.rng {
			t.Errorf("%s %q: range %v, want %v", tc.file, tc.word, r, tc.rng)
		}
		paras := strings.Split(got, "\n\n")
		for i, want := range tc.parts {
			if want == "" {
				continue
			}
			if i >= len(paras) || paras[i] != want {
				t.Errorf("%s %q: paragraph %d:\n%s\nwant\n%s\n(whole: %s)", tc.file, tc.word, i, at(paras, i), want, got)
			}
		}
	}

	// The rule id after expect findings; nothing in a comment or a string.
	p := find(t, texts["tester.svf"], "findings okand_kod", 0)
	p.Character += uint32(len("findings o"))
	var h *struct {
		Contents protocol.MarkupContent `json:"contents"`
	}
	c.call(protocol.MethodTextDocumentHover, protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: c.uri("tester.svf")}, Position: p}}, &h)
	if h == nil || !strings.HasPrefix(h.Contents.Value, "**Regel `okand_kod`** – Okänd kod\n\nAllvarlighet: fel\n\nGäller: alla förlopp\n\n") {
		t.Errorf("hover on a rule id in expect findings: %+v", h)
	}
	for _, w := range []string{"# VL244 markerar", "\"Högmalign tumör"} {
		if got, _ := c.hoverAt("ledtider.svf", texts["ledtider.svf"], w, 0); got != "" {
			t.Errorf("hover in %q: %q, want none", w, got)
		}
	}
	// A lead time's target of one day is "1 dag".
	if got, _ := c.hoverAt("ledtider.svf", texts["ledtider.svf"], "hjarn_vgm_till_remiss_mottagen", 0); !strings.Contains(got, "\n\nmål 1 dag, lokal ledtid") {
		t.Errorf("one-day target: %q", got)
	}
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return "(none)"
}

// Every attribute, function and code set the compiler knows has a
// Swedish text for hover and completion, and docs/language.md documents
// each in its tables: a name added to the language without its text
// fails here.
func TestHoverDocsCoverTheLanguage(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "docs", "language.md"))
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, names []string, docs map[string]string, inDoc string) {
		for _, n := range names {
			if docs[n] == "" {
				t.Errorf("%s %s has no text in lsp (internal/msg/lsp.go)", what, n)
			}
			if !strings.Contains(string(doc), fmt.Sprintf(inDoc, n)) {
				t.Errorf("%s %s is not in the tables of docs/language.md", what, n)
			}
		}
		if len(docs) != len(names) {
			t.Errorf("%ss: %d texts for %d names", what, len(docs), len(names))
		}
	}
	check("attribute", slices.Collect(maps.Keys(compiler.Attributes.Get())), attrDocs.Get(), "| `%s` |")
	check("function", slices.Collect(maps.Keys(compiler.Functions.Get())), funcDocs.Get(), "| `%s(")
	check("code set", slices.Collect(maps.Keys(compiler.CodeSets.Get())), setDocs.Get(), "| `%s` |")
}
