package changes

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"testing"
)

// fullView is a page with every part the template had filled, each value
// unlike the others and with every character html/template escapes and
// some it does not (invalid UTF-8, a character past its table).
func fullView() htmlView {
	n := 0
	s := func() string {
		n++
		return fmt.Sprintf("v%d <b>&amp;\"'+\x00\xff–", n)
	}
	item := func(spans bool) htmlItem {
		it := htmlItem{Level: s(), ID: s(), Swedish: s(), Where: s(), Episodes: s(), Lines: []string{s(), s()}}
		if spans {
			it.Spans = []Span{{Equal, s()}, {Deleted, s()}, {Inserted, s()}, {Op(7), s()}}
		}
		return it
	}
	return htmlView{
		Title: s(), Old: s(), New: s(), Status: s(), Hidden: s(),
		Levels: []*htmlLevel{
			{Title: s(), Groups: []*htmlGroup{
				{Title: s(), Subs: []*htmlSub{{Title: s(), Items: []htmlItem{item(true), item(false)}}, {Items: []htmlItem{{Level: s()}}}}},
				{Subs: []*htmlSub{{Title: s()}}},
			}},
			{Title: s()},
		},
		Impact: &htmlImpact{Title: s(), Summary: s(), Head: []string{s(), s()},
			Rows:       []htmlRow{{Label: s(), Cells: []string{s(), s()}}, {Label: s(), Total: true}},
			Incomplete: s(), RejectedTitle: s(), RejectedHead: []string{s(), s()},
			Rejected: []RejectedRow{{Episode: s(), File: s(), Row: -12, FieldText: s(), Reason: s()}, {Row: 1 << 40}}},
		WithTextDiff: true, LineDiffTitle: s(), NoLineDiffers: s(),
		TextDiff: [][]htmlLine{{{Class: s(), Text: s()}, {Text: s()}}, {}},
	}
}

// TestPageLikeTemplate holds the page written by hand to the template
// it was rendered with until issue 16 (testdata/page.html.tmpl, run
// here with html/template): the same bytes for a page with every part
// and every value hostile, and for pages without the optional parts.
// A change to the page changes both.
func TestPageLikeTemplate(t *testing.T) {
	src, err := os.ReadFile("testdata/page.html.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.New("diff").Parse(string(src)))
	bare := fullView()
	bare.Hidden, bare.Levels, bare.Impact, bare.WithTextDiff = "", nil, nil, false
	noLines := fullView()
	noLines.TextDiff = nil
	plainImpact := fullView()
	plainImpact.Impact.Incomplete, plainImpact.Impact.Rejected = "", nil
	for name, v := range map[string]htmlView{"full": fullView(), "bare": bare, "no line differs": noLines, "impact without rejected": plainImpact} {
		var want, got bytes.Buffer
		if err := tmpl.Execute(&want, v); err != nil {
			t.Fatal(err)
		}
		if err := v.write(&got); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			g, w := got.Bytes(), want.Bytes()
			i := 0
			for i < len(g) && i < len(w) && g[i] == w[i] {
				i++
			}
			t.Errorf("%s: the page differs from the template's at byte %d:\ngot  %q\nwant %q", name, i, g[max(0, i-80):min(len(g), i+80)], w[max(0, i-80):min(len(w), i+80)])
		}
	}
}
