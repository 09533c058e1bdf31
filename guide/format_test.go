package guide

import (
	"bytes"
	"strings"
	"testing"
)

// render writes d in format f.
func render(t *testing.T, d *Doc, f string) string {
	t.Helper()
	var buf bytes.Buffer
	var err error
	switch f {
	case "text":
		err = WriteText(&buf, d)
	case "markdown":
		err = WriteMarkdown(&buf, d)
	case "html":
		err = WriteHTML(&buf, d)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// body cuts the HTML page down to what is between <body> and </body>.
func body(page string) string {
	page = page[strings.Index(page, "<body>\n")+len("<body>\n"):]
	return page[:strings.Index(page, "</body>")]
}

// A text of the rule files keeps its paragraphs, its lines and its lists
// (nested by two spaces) in every format, and the formats escape what
// would otherwise be markup.
func TestFormats(t *testing.T) {
	text := "Regionen ska då rapportera\n\n1. datum för välgrundad misstanke (VXX10)\n2. datum för avslut\n\nFörsta raden.\nAndra raden med *stjärnor*, _understreck_, <b> & [länk](#).\n\n- punkt\n  - underpunkt\n  - en till\n- sista"
	d := &Doc{Title: "Vägledning <1>", Blocks: []Block{
		{Kind: Title, Text: "Vägledning"},
		{Kind: Chapter, Text: "# Kapitel"},
		{Kind: CodeHeading, Text: "VXX44 – Behandlingsbeslut"},
		{Kind: Paragraphs, Text: text},
		{Kind: CodeTable, Rows: [][]string{{"x", "Huvud- och halscancer (kur)"}, {"", "Myelom | x"}}},
		{Kind: Legend, Text: "kur: endast kurativ"},
		{Kind: Notice, Text: "Anmärkning från svfrules: - inget"},
	}}
	tests := []struct{ format, want string }{
		{"text", `Vägledning

# Kapitel

VXX44 – Behandlingsbeslut

Regionen ska då rapportera

1. datum för välgrundad misstanke (VXX10)
2. datum för avslut

Första raden.
Andra raden med *stjärnor*, _understreck_, <b> & [länk](#).

- punkt
  - underpunkt
  - en till
- sista

x	Huvud- och halscancer (kur)
	Myelom | x
kur: endast kurativ

Anmärkning från svfrules: - inget
`},
		{"markdown", `# Vägledning

## \# Kapitel

### VXX44 – Behandlingsbeslut

Regionen ska då rapportera

1. datum för välgrundad misstanke (VXX10)
2. datum för avslut

Första raden.\
Andra raden med \*stjärnor\*, \_understreck\_, \<b\> & \[länk\](\#).

- punkt
  - underpunkt
  - en till
- sista

| Används | Vårdförlopp |
| --- | --- |
| x | Huvud- och halscancer (kur) |
|  | Myelom \| x |

kur: endast kurativ

> Anmärkning från svfrules: - inget
`},
		{"html", `<h1>Vägledning</h1>
<h2># Kapitel</h2>
<h3>VXX44 – Behandlingsbeslut</h3>
<p>Regionen ska då rapportera</p>
<ol>
<li>datum för välgrundad misstanke (VXX10)</li>
<li>datum för avslut</li>
</ol>
<p>Första raden.<br>
Andra raden med *stjärnor*, _understreck_, &lt;b&gt; &amp; [länk](#).</p>
<ul>
<li>punkt<ul>
<li>underpunkt</li>
<li>en till</li>
</ul>
</li>
<li>sista</li>
</ul>
<table class="cells">
<thead><tr><th>Används</th><th>Vårdförlopp</th></tr></thead>
<tbody>
<tr><td class="mark">x</td><td>Huvud- och halscancer (kur)</td></tr>
<tr><td class="mark"></td><td>Myelom | x</td></tr>
</tbody>
</table>
<p class="legend">kur: endast kurativ</p>
<p class="notice">Anmärkning från svfrules: - inget</p>
`},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			got := render(t, d, tc.format)
			if tc.format == "html" {
				if !strings.Contains(got, "<title>Vägledning &lt;1&gt;</title>") {
					t.Errorf("the title is not escaped:\n%s", got)
				}
				got = body(got)
			}
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s\n(got %q)", got, tc.want, got)
			}
		})
	}
}

// mdEscape keeps a line from starting a list, a heading or a quote.
func TestMarkdownEscape(t *testing.T) {
	for in, want := range map[string]string{
		"- ett":          `\- ett`,
		"+ ett":          `\+ ett`,
		"1. ett":         `1\. ett`,
		"2024-11-05":     "2024-11-05",
		"10.6":           "10.6",
		"# rubrik":       `\# rubrik`,
		"> citat":        `\> citat`,
		"a\\b":           `a\\b`,
		"`kod`":          "\\`kod\\`",
		"VXX5X-, VXX6X-": "VXX5X-, VXX6X-",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}
