package htmlw

import (
	"bytes"
	"html/template"
	"math"
	"strings"
	"testing"
)

// templated renders v in each of the contexts the pages put values in,
// with html/template, and returns what it wrote for v in each.
func templated(t testing.TB, v any) []string {
	t.Helper()
	const src = `<p>{{.}}</p>|<td class="{{.}}">x</td>|<title>{{.}}</title>|<svg><title>{{.}}</title><text x="{{.}}" aria-label="{{.}}">{{.}}</text></svg>`
	var b bytes.Buffer
	if err := template.Must(template.New("t").Parse(src)).Execute(&b, v); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	var got []string
	for _, cut := range []struct{ before, after string }{
		{"<p>", "</p>|"}, {`<td class="`, `">x`}, {"|<title>", "</title>|"},
		{"<svg><title>", "</title><text"}, {`<text x="`, `" aria`}, {`aria-label="`, `">`}, {`">`, "</text></svg>"},
	} {
		_, rest, ok := strings.Cut(out, cut.before)
		if !ok {
			t.Fatalf("%q: no %q in %q", v, cut.before, out)
		}
		val, _, ok := strings.Cut(rest, cut.after)
		if !ok {
			t.Fatalf("%q: no %q in %q", v, cut.after, out)
		}
		out = rest
		got = append(got, val)
	}
	return got
}

func TestEscapeLikeTemplate(t *testing.T) {
	for _, s := range []string{
		"", "plain", "Bröstcancer (VG9)", `a<b>&"c'+d`, "\x00", "nul\x00in", "bad \xff\xfe utf8", "\xc3",
		"1e+06", "–…", "\u2028\ufdd0\uffff", "<script>alert(1)</script>", "&amp;", "a\tb\nc\r",
	} {
		want := templated(t, s)
		got := string(AppendEscaped(nil, s))
		for i, w := range want {
			if got != w {
				t.Errorf("AppendEscaped(%q) = %q, html/template wrote %q in context %d", s, got, w, i)
			}
		}
	}
}

func TestNumbersLikeTemplate(t *testing.T) {
	for _, x := range []float64{0, 1, -1, 680, 150.5, 0.1, 1e-5, 123456789, 1e20, 1e21, 2.5e21, -3.25, math.Inf(1), math.NaN(), 310.33} {
		var p Page
		p.Float(x)
		if want := templated(t, x); string(p.buf) != want[1] {
			t.Errorf("Float(%v) = %q, html/template wrote %q", x, p.buf, want[1])
		}
	}
	for _, n := range []int{0, 5, -7, 1234567, math.MinInt64, math.MaxInt64} {
		var p Page
		p.Int(n)
		if want := templated(t, n); string(p.buf) != want[0] {
			t.Errorf("Int(%d) = %q, html/template wrote %q", n, p.buf, want[0])
		}
	}
}

func FuzzEscapeLikeTemplate(f *testing.F) {
	for _, s := range []string{"", "a<b", "\x00\xff+'\"&>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := string(AppendEscaped(nil, s))
		for i, w := range templated(t, s) {
			if got != w {
				t.Fatalf("AppendEscaped(%q) = %q, html/template wrote %q in context %d", s, got, w, i)
			}
		}
	})
}

func TestPageWrites(t *testing.T) {
	var p Page
	p.Raw(`<td class="num">`)
	p.Text("a&b")
	p.Int(42)
	p.Raw("</td>")
	p.Elem(`td class="num"`, "<1>")
	p.Elem("th", "")
	var b bytes.Buffer
	n, err := p.WriteTo(&b)
	if want := `<td class="num">a&amp;b42</td><td class="num">&lt;1&gt;</td><th></th>`; err != nil || b.String() != want || n != int64(len(want)) {
		t.Errorf("WriteTo wrote %q (%d, %v), want %q", b.String(), n, err, want)
	}
}

// TestStart: the page's start has the title escaped in <title> and in
// the heading, and the style as it is between <style> and </style>.
func TestStart(t *testing.T) {
	var p Page
	p.Start(`Rapport <1> & "två"`, "h1 { color: #000; }\n")
	var b strings.Builder
	p.WriteTo(&b)
	want := `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport &lt;1&gt; &amp; &#34;två&#34;</title>
<style>
h1 { color: #000; }
</style>
</head>
<body>
<h1>Rapport &lt;1&gt; &amp; &#34;två&#34;`
	if got := b.String(); got != want {
		t.Errorf("Start wrote\n%s\nwant\n%s", got, want)
	}
}
