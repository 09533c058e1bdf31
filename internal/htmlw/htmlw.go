// Package htmlw writes the HTML pages of `report` and `diff`: the
// markup as written, every value escaped as html/template escapes text
// and quoted attribute values (TestEscapeLikeTemplate), with which the
// pages were rendered before. Linking html/template (and text/template
// under it) cost every command its package initialisation, some 80 000
// instructions and a dozen page faults at each start, a twentieth of a
// 100-row eval, for two pages whose few places for values are all text
// or quoted attributes (issue 16).
package htmlw

import (
	"io"
	"strconv"
	"strings"
)

// Page is an HTML page being written, in memory until WriteTo.
type Page struct{ buf []byte }

// Start writes the start of a page in Swedish whose title and heading
// are title: the head, with the style sheet style (constant text: what
// goes between <style> and </style>), and the body up to the heading's
// text, which the caller ends with </h1>. The report's and the diff's
// pages start so, each with a style of its own.
func (p *Page) Start(title, style string) {
	p.Raw(`<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>`)
	p.Text(title)
	p.Raw("</title>\n<style>\n")
	p.Raw(style)
	p.Raw("</style>\n</head>\n<body>\n<h1>")
	p.Text(title)
}

// Raw writes markup as it is: only constant text of the page, never a
// value from the data.
func (p *Page) Raw(s string) { p.buf = append(p.buf, s...) }

// Text writes a value escaped, for element text or a quoted attribute.
func (p *Page) Text(s string) { p.buf = AppendEscaped(p.buf, s) }

// Elem writes an element of tag (a name, with any attributes: `td
// class="num"`) holding the value text, escaped: <tag>text</tag>.
func (p *Page) Elem(tag, text string) {
	p.buf = append(p.buf, '<')
	p.buf = append(p.buf, tag...)
	p.buf = append(p.buf, '>')
	p.buf = AppendEscaped(p.buf, text)
	p.buf = append(p.buf, "</"...)
	if i := strings.IndexByte(tag, ' '); i >= 0 {
		tag = tag[:i]
	}
	p.buf = append(p.buf, tag...)
	p.buf = append(p.buf, '>')
}

// Int writes n as text/template shows an int: in decimal digits, which
// need no escaping.
func (p *Page) Int(n int) { p.buf = strconv.AppendInt(p.buf, int64(n), 10) }

// Float writes x as text/template shows a float64 (fmt's %v: the
// shortest form, with an exponent from 1e21), escaped: the exponent's +
// is written &#43;, as html/template wrote it.
func (p *Page) Float(x float64) { p.Text(strconv.FormatFloat(x, 'g', -1, 64)) }

// WriteTo writes the page to w.
func (p *Page) WriteTo(w io.Writer) (int64, error) {
	n, err := w.Write(p.buf)
	return int64(n), err
}

// AppendEscaped appends s to dst with the characters html/template
// escapes in text, in RCDATA (<title>) and in quoted attribute values
// replaced as it replaces them: NUL by U+FFFD, " ' + by character
// references, & < > by entities. Every other byte, invalid UTF-8
// included, is kept. The characters replaced are all ASCII, and no byte
// of a multi-byte character is ASCII, so s is read byte by byte.
func AppendEscaped(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, rep...)
		start = i + 1
	}
	return append(dst, s[start:]...)
}
