package workbook

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// xmlScanner reads a part's XML token by token as encoding/xml's Decoder
// (strict, Token) reads it: the same tokens, the same text (entities
// decoded, line ends made \n), and an error wherever the Decoder gives
// one (a *syntaxError for the XML, the reader's error for a part that
// does not unpack). It exists for speed: the Decoder allocates for every
// token and reads byte by byte through an interface, which made a sheet
// of a million rows take a minute; this one reads runs of bytes from its
// own buffer and allocates nothing per token. Comments, processing
// instructions and directives are read and checked as the Decoder checks
// them, and skipped. The differential fuzz test (FuzzSheetRows) holds it
// to the Decoder, and FuzzWorkbookParts the small parts read with it
// (readRoot) to encoding/xml's Unmarshal.
type xmlScanner struct {
	rd       io.Reader
	buf      []byte
	pos, end int
	rerr     error // the reader's error once it gave one (io.EOF at the end)
	err      error // what the scan ended in
	lines    int   // line ends in the bytes dropped from buf
	counted  int   // buf[:counted] is in lines already

	name  []byte // the last start or end element's name, as written
	local []byte // its name without a prefix
	names []byte // the open elements' names, one after the other
	open  []int  // where each open element's name starts in names
	close bool   // the last start element closed itself: its end is next
	text  []byte // the last text's characters
	abuf  []byte // the last start element's attributes' names and values
	attrs []xattr
	tmp   []byte
	high  bool // the last name read has a byte past ASCII
}

// xattr is an attribute of the last start element: abuf[ls:le] is its
// name without a prefix, abuf[le:ve] its value.
type xattr struct{ ls, le, ve int }

// What a scan's next step read.
const (
	tokError = iota // s.err says what
	tokEOF
	tokStart // s.name, s.local, s.attr
	tokEnd   // s.name, s.local
	tokText  // s.text
)

// newXMLScanner scans rd with a buffer of size bytes (at least 2: the
// last byte read stays in it).
func newXMLScanner(rd io.Reader, size int) *xmlScanner {
	return &xmlScanner{rd: rd, buf: make([]byte, max(size, 2))}
}

// syntaxError is where a part's XML breaks off and why: what
// encoding/xml's SyntaxError tells, without linking encoding/xml (its
// package initialisation, a map of 252 HTML entities, cost every run of
// svfrules some 55 000 instructions at start-up). partError shows the
// line to the user; the message is for developers.
type syntaxError struct {
	msg  string
	line int
}

// Error is the text encoding/xml's SyntaxError has.
func (e *syntaxError) Error() string {
	return "XML syntax error on line " + strconv.Itoa(e.line) + ": " + e.msg
}

// syntax ends the scan with a syntax error at the line read to.
func (s *xmlScanner) syntax(m string) {
	if s.err == nil {
		s.err = &syntaxError{msg: m, line: 1 + s.lines + bytes.Count(s.buf[s.counted:s.pos], []byte{'\n'})}
	}
}

// getc reads a byte.
func (s *xmlScanner) getc() (byte, bool) {
	if s.pos >= s.end {
		return s.fill()
	}
	s.pos++
	return s.buf[s.pos-1], true
}

// fill reads more of the part into buf, keeping the last byte read for
// ungetc, and returns its first new byte.
func (s *xmlScanner) fill() (byte, bool) {
	if s.err != nil || s.rerr != nil {
		return 0, false
	}
	if s.end > 0 {
		s.lines += bytes.Count(s.buf[s.counted:s.end], []byte{'\n'})
		s.buf[0] = s.buf[s.end-1]
		s.pos, s.end, s.counted = 1, 1, 1
	}
	for empty := 0; s.pos == s.end && s.rerr == nil; empty++ {
		n, err := s.rd.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.rerr = err
		} else if n == 0 && empty > 100 {
			s.rerr = io.ErrNoProgress
		}
	}
	if s.pos < s.end {
		b := s.buf[s.pos]
		s.pos++
		return b, true
	}
	return 0, false
}

// mustgetc reads a byte that must be there.
func (s *xmlScanner) mustgetc() (byte, bool) {
	if s.pos < s.end {
		s.pos++
		return s.buf[s.pos-1], true
	}
	b, ok := s.fill()
	if !ok {
		s.failRead("unexpected EOF")
	}
	return b, ok
}

// failRead ends the scan where the part ended (a syntax error m) or
// could not be read.
func (s *xmlScanner) failRead(m string) {
	if s.err != nil {
		return
	}
	if s.rerr == io.EOF {
		s.syntax(m)
		return
	}
	s.err = s.rerr
}

// space skips white space.
func (s *xmlScanner) space() {
	for {
		for ; s.pos < s.end; s.pos++ {
			if c := s.buf[s.pos]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
				return
			}
		}
		if _, ok := s.fill(); !ok {
			return
		}
		s.pos--
	}
}

// next reads the next token that is an element's start or end or text.
func (s *xmlScanner) next() int {
	if s.err != nil {
		return tokError
	}
	if s.close {
		s.close = false
		return tokEnd
	}
	for {
		b, ok := s.getc()
		if !ok {
			if s.err == nil && s.rerr == io.EOF && len(s.open) == 0 {
				return tokEOF
			}
			s.failRead("unexpected EOF")
			return tokError
		}
		if b != '<' {
			s.pos--
			var ok bool
			if s.text, ok = s.readText(s.text[:0], -1, false); !ok {
				return tokError
			}
			return tokText
		}
		if b, ok = s.mustgetc(); !ok {
			return tokError
		}
		switch b {
		case '/':
			if !s.elementName() {
				s.syntax("expected element name after </")
				return tokError
			}
			s.space()
			if b, ok = s.mustgetc(); !ok {
				return tokError
			}
			if b != '>' {
				s.syntax("invalid characters between </" + string(s.local) + " and >")
				return tokError
			}
			n := len(s.open)
			if n == 0 {
				s.syntax("unexpected end element </" + string(s.local) + ">")
				return tokError
			}
			if !bytes.Equal(s.names[s.open[n-1]:], s.name) {
				s.syntax("element <" + string(s.names[s.open[n-1]:]) + "> closed by </" + string(s.name) + ">")
				return tokError
			}
			s.names, s.open = s.names[:s.open[n-1]], s.open[:n-1]
			return tokEnd
		case '?':
			if !s.procInst() {
				return tokError
			}
		case '!':
			if b, ok = s.mustgetc(); !ok {
				return tokError
			}
			switch b {
			case '-':
				if !s.comment() {
					return tokError
				}
			case '[':
				for i := 0; i < 6; i++ {
					if b, ok = s.mustgetc(); !ok {
						return tokError
					}
					if b != "CDATA["[i] {
						s.syntax("invalid <![ sequence")
						return tokError
					}
				}
				if s.text, ok = s.readText(s.text[:0], -1, true); !ok {
					return tokError
				}
				return tokText
			default:
				if !s.directive() {
					return tokError
				}
			}
		default:
			s.pos--
			return s.startElement()
		}
	}
}

// startElement reads a start element's name and attributes, after its <.
func (s *xmlScanner) startElement() int {
	if !s.elementName() {
		s.syntax("expected element name after <")
		return tokError
	}
	s.attrs, s.abuf = s.attrs[:0], s.abuf[:0]
	for {
		s.space()
		b, ok := s.mustgetc()
		if !ok {
			return tokError
		}
		if b == '/' {
			if b, ok = s.mustgetc(); !ok {
				return tokError
			}
			if b != '>' {
				s.syntax("expected /> in element")
				return tokError
			}
			s.close = true
			return tokStart
		}
		if b == '>' {
			s.open = append(s.open, len(s.names))
			s.names = append(s.names, s.name...)
			return tokStart
		}
		s.pos--
		ls := len(s.abuf)
		var n int
		if s.abuf, n, ok = s.readName(s.abuf); !ok || !s.checkName(s.abuf[ls:]) || n > 1 {
			s.syntax("expected attribute name in element")
			return tokError
		}
		if local := localName(s.abuf[ls:]); len(local) < len(s.abuf)-ls {
			s.abuf = append(s.abuf[:ls], local...)
		}
		le := len(s.abuf)
		s.space()
		if b, ok = s.mustgetc(); !ok {
			return tokError
		}
		if b != '=' {
			s.syntax("attribute name without = in element")
			return tokError
		}
		s.space()
		if b, ok = s.mustgetc(); !ok {
			return tokError
		}
		if b != '"' && b != '\'' {
			s.syntax("unquoted or missing attribute value in element")
			return tokError
		}
		if s.abuf, ok = s.readText(s.abuf, int(b), false); !ok {
			return tokError
		}
		s.attrs = append(s.attrs, xattr{ls, le, len(s.abuf)})
	}
}

// attr returns the value of the last start element's first attribute
// named name (without a prefix).
func (s *xmlScanner) attr(name string) ([]byte, bool) {
	for _, a := range s.attrs {
		if string(s.abuf[a.ls:a.le]) == name {
			return s.abuf[a.le:a.ve], true
		}
	}
	return nil, false
}

// lastAttr returns the value of the last start element's last attribute
// named name (without a prefix): the one encoding/xml's Unmarshal leaves
// in a field, each one overwriting the one before.
func (s *xmlScanner) lastAttr(name string) (string, bool) {
	for i := len(s.attrs) - 1; i >= 0; i-- {
		if a := s.attrs[i]; string(s.abuf[a.ls:a.le]) == name {
			return string(s.abuf[a.le:a.ve]), true
		}
	}
	return "", false
}

// intAttr returns the value of the last start element's last attribute
// named name (without a prefix) as a number, as encoding/xml's
// Unmarshal reads it into an int field: every such attribute is read in
// turn, an empty one is 0, any other is strconv.ParseInt's number of its
// text trimmed of white space, and one that is no number fails. No such
// attribute is 0.
func (s *xmlScanner) intAttr(name string) (int, error) {
	n := 0
	for _, a := range s.attrs {
		if string(s.abuf[a.ls:a.le]) != name {
			continue
		}
		v := s.abuf[a.le:a.ve]
		if len(v) == 0 {
			n = 0
			continue
		}
		k, err := strconv.ParseInt(strings.TrimSpace(string(v)), 10, strconv.IntSize)
		if err != nil {
			return 0, err
		}
		n = int(k)
	}
	return n, nil
}

// readRoot reads a (small) part's root element, its first, as
// encoding/xml's Decoder.Decode reads it into a struct whose fields are
// tagged with paths of one or two element names ("workbookPr",
// "sheets>sheet"): it calls found at each start element that is a child
// of the root (parent nil) or a child of such a child (parent its local
// name), with name its local name (any prefix, any name space) and the
// scanner at the element for its attributes; an element deeper down is
// never a field's, so found is not called for it. It stops at the root's
// end, reading nothing past it, as Decode does. Its error is found's, the
// scanner's where the XML breaks off or the part does not unpack, or
// io.EOF (Decode's) when the part has no element.
func readRoot(s *xmlScanner, found func(s *xmlScanner, parent, name []byte) error) error {
	depth := 0        // open elements, the root at 1
	var parent []byte // the local name of the root's open child
	for {
		var err error
		switch s.next() {
		case tokEOF: // only outside the root: the scanner fails on an open element
			return io.EOF
		case tokError:
			return s.err
		case tokStart:
			switch depth++; depth {
			case 2:
				parent = append(parent[:0], s.local...)
				err = found(s, nil, s.local)
			case 3:
				err = found(s, parent, s.local)
			}
		case tokEnd:
			if depth--; depth == 0 {
				return nil
			}
		}
		if err != nil {
			return err
		}
	}
}

// elementName reads an element's name into s.name and s.local: a name
// with at most one colon.
func (s *xmlScanner) elementName() bool {
	var n int
	var ok bool
	if s.name, n, ok = s.readName(s.name[:0]); !ok || !s.checkName(s.name) || n > 1 {
		return false
	}
	s.local = localName(s.name)
	return true
}

// localName is a name without its prefix (x:row is row; a colon first
// or last is part of the name).
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return name
}

// readName appends a name's bytes to dst: up to a byte below 128 that
// is no name byte (the name's characters are checked by checkName). It
// returns how many colons the name has, and false when there is no
// name here.
func (s *xmlScanner) readName(dst []byte) ([]byte, int, bool) {
	colons := 0
	first := true
	s.high = false
	for {
		i := s.pos
		for i < s.end {
			k := nameClass[s.buf[i]]
			if k == 0 {
				break
			}
			if k != 1 {
				if k == 2 {
					colons++
				} else {
					s.high = true
				}
			}
			i++
		}
		if i > s.pos {
			dst = append(dst, s.buf[s.pos:i]...)
			s.pos = i
			first = false
		}
		if i < s.end {
			return dst, colons, !first
		}
		b, ok := s.mustgetc()
		if !ok {
			return dst, colons, false
		}
		s.pos--
		_ = b
	}
}

// checkName reports whether a name read is an XML name, failing the scan
// when it is not.
func (s *xmlScanner) checkName(name []byte) bool {
	if !s.high && len(name) > 0 && nameClass[name[0]] != 0 && (name[0] < '0' || name[0] > '9') && name[0] != '.' && name[0] != '-' {
		return true // ASCII, a letter, _ or : first
	}
	if !isXMLName(name) {
		s.syntax("invalid XML name: " + string(name))
		return false
	}
	return true
}

// nameClass is what readName makes of a byte: 0 ends a name, 1 is an
// ASCII name byte, 2 a colon, 3 a byte of a character past ASCII. It is
// a constant, not a table computed at package initialisation, which
// every start of every command paid for (issue 16); TestScanTables
// holds it to that computation.
const nameClass = "" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 00–1F
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x01\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x02\x00\x00\x00\x00\x00" + // 20–3F
	"\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x00\x00\x00\x01" + // 40–5F
	"\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x00\x00\x00\x00" + // 60–7F
	"\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03" + // 80–9F
	"\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03" + // A0–BF
	"\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03" + // C0–DF
	"\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03\x03" // E0–FF

func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '_' || c == ':' || c == '.' || c == '-'
}

// isXMLName reports whether name is a name as encoding/xml checks names
// (isName), deciding a name of ASCII alone without the tables: a
// letter, _ or : first, then those, digits, . or -.
func isXMLName(name []byte) bool {
	if len(name) == 0 {
		return false
	}
	if c := name[0]; c < utf8.RuneSelf && !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_' || c == ':') {
		return false
	}
	for _, c := range name {
		if c >= utf8.RuneSelf {
			return isName(name)
		}
		if !isNameByte(c) {
			return false
		}
	}
	return true
}

// procInst reads a processing instruction after its <?: <?xml …?> must
// be version 1.0 in UTF-8.
func (s *xmlScanner) procInst() bool {
	tn, _, ok := s.readName(s.tmp[:0])
	s.tmp = tn
	if !ok || !s.checkName(tn) {
		s.syntax("expected target name after <?")
		return false
	}
	xmlDecl := string(tn) == "xml"
	s.space()
	var data []byte
	var b0 byte
	for {
		b, ok := s.mustgetc()
		if !ok {
			return false
		}
		if xmlDecl {
			data = append(data, b)
		}
		if b0 == '?' && b == '>' {
			break
		}
		b0 = b
	}
	if !xmlDecl {
		return true
	}
	content := string(data[:len(data)-2])
	if ver := procInstParam("version", content); ver != "" && ver != "1.0" {
		s.err = fmt.Errorf("xml: unsupported version %q; only version 1.0 is supported", ver)
		return false
	}
	if enc := procInstParam("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") {
		s.err = fmt.Errorf("xml: encoding %q declared but Decoder.CharsetReader is nil", enc)
		return false
	}
	return true
}

// procInstParam is a pseudo-attribute's value in an XML declaration, as
// encoding/xml finds it.
func procInstParam(param, s string) string {
	param += "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// comment reads a comment after its <!-.
func (s *xmlScanner) comment() bool {
	b, ok := s.mustgetc()
	if !ok {
		return false
	}
	if b != '-' {
		s.syntax("invalid sequence <!- not part of <!--")
		return false
	}
	var b0, b1 byte
	for {
		if b, ok = s.mustgetc(); !ok {
			return false
		}
		if b0 == '-' && b1 == '-' {
			if b != '>' {
				s.syntax(`invalid sequence "--" not allowed in comments`)
				return false
			}
			return true
		}
		b0, b1 = b1, b
	}
}

// directive reads a directive (<!DOCTYPE …>) after its <! and first
// byte: to its > outside quotes and nested <…>, as the Decoder does.
func (s *xmlScanner) directive() bool {
	inquote := byte(0)
	depth := 0
	for {
		b, ok := s.mustgetc()
		if !ok {
			return false
		}
		if inquote == 0 && b == '>' && depth == 0 {
			return true
		}
	HandleB:
		switch {
		case b == inquote:
			inquote = 0
		case inquote != 0:
		case b == '\'' || b == '"':
			inquote = b
		case b == '>' && inquote == 0:
			depth--
		case b == '<' && inquote == 0:
			const open = "!--"
			for i := 0; i < len(open); i++ {
				if b, ok = s.mustgetc(); !ok {
					return false
				}
				if b != open[i] {
					depth++
					goto HandleB
				}
			}
			var b0, b1 byte
			for {
				if b, ok = s.mustgetc(); !ok {
					return false
				}
				if b0 == '-' && b1 == '-' && b == '>' {
					break
				}
				b0, b1 = b1, b
			}
		}
	}
}

// plain marks (1) the bytes that text takes as they are: a constant, as
// nameClass is, held to its definition by TestScanTables.
const plain = "" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 00–1F
	"\x01\x01\x00\x01\x01\x01\x00\x00\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x01\x00\x01" + // 20–3F
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x00\x01\x01" + // 40–5F
	"\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01" + // 60–7F
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 80–9F
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // A0–BF
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // C0–DF
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" // E0–FF

// readText appends character data to dst, as the Decoder's text reads it:
// to a < (or the quote when quote >= 0, or ]]> in CDATA), entities
// decoded, \r\n and \r made \n, every character checked.
func (s *xmlScanner) readText(dst []byte, quote int, cdata bool) ([]byte, bool) {
	start := len(dst)
	var b0, b1 byte
	trunc := 0
	ascii := true
	for {
		if b1 != '\r' {
			i := s.pos
			for i < s.end && plain[s.buf[i]] != 0 {
				i++
			}
			if n := i - s.pos; n > 0 {
				dst = append(dst, s.buf[s.pos:i]...)
				if n >= 2 {
					b0 = s.buf[i-2]
				} else {
					b0 = b1
				}
				b1 = s.buf[i-1]
				s.pos = i
			}
		}
		b, ok := s.getc()
		if !ok {
			if s.err != nil {
				return dst, false
			}
			if cdata {
				s.failRead("unexpected EOF in CDATA section")
				return dst, false
			}
			break
		}
		if quote < 0 && b0 == ']' && b1 == ']' && b == '>' {
			if cdata {
				trunc = 2
				break
			}
			s.syntax("unescaped ]]> not in CDATA section")
			return dst, false
		}
		if b == '<' && !cdata {
			if quote >= 0 {
				s.syntax("unescaped < inside quoted string")
				return dst, false
			}
			s.pos--
			break
		}
		if quote >= 0 && b == byte(quote) {
			break
		}
		if b == '&' && !cdata {
			if dst, ok = s.entity(dst); !ok {
				return dst, false
			}
			b0, b1 = 0, 0
			ascii = false // the entity may be any character
			continue
		}
		if b >= utf8.RuneSelf || b < 0x20 {
			ascii = false
		}
		switch {
		case b == '\r':
			dst = append(dst, '\n')
		case b1 == '\r' && b == '\n':
		default:
			dst = append(dst, b)
		}
		b0, b1 = b1, b
	}
	dst = dst[:len(dst)-trunc]
	if !ascii {
		for data := dst[start:]; len(data) > 0; {
			r, size := utf8.DecodeRune(data)
			if r == utf8.RuneError && size == 1 {
				s.syntax("invalid UTF-8")
				return dst, false
			}
			data = data[size:]
			if !isInCharacterRange(r) {
				s.syntax(fmt.Sprintf("illegal character code %U", r))
				return dst, false
			}
		}
	}
	return dst, true
}

func isInCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// entity reads an entity after its & and appends its character to dst.
func (s *xmlScanner) entity(dst []byte) ([]byte, bool) {
	b, ok := s.mustgetc()
	if !ok {
		return dst, false
	}
	raw := append(s.tmp[:0], '&')
	defer func() { s.tmp = raw[:0] }()
	if b == '#' {
		raw = append(raw, b)
		if b, ok = s.mustgetc(); !ok {
			return dst, false
		}
		base := uint64(10)
		if b == 'x' {
			base = 16
			raw = append(raw, b)
			if b, ok = s.mustgetc(); !ok {
				return dst, false
			}
		}
		var n uint64
		digits := 0
		for {
			var d uint64
			switch {
			case '0' <= b && b <= '9':
				d = uint64(b - '0')
			case base == 16 && 'a' <= b && b <= 'f':
				d = uint64(b-'a') + 10
			case base == 16 && 'A' <= b && b <= 'F':
				d = uint64(b-'A') + 10
			default:
				d = 99
			}
			if d == 99 {
				break
			}
			raw = append(raw, b)
			digits++
			if n <= unicode.MaxRune {
				n = n*base + d
			}
			if b, ok = s.mustgetc(); !ok {
				return dst, false
			}
		}
		if b != ';' {
			s.pos--
		} else if digits > 0 && n <= unicode.MaxRune {
			return utf8.AppendRune(dst, rune(n)), true
		} else {
			raw = append(raw, ';')
		}
	} else {
		s.pos--
		nameStart := len(raw)
		var named bool
		raw, _, named = s.readName(raw)
		if !named && s.err != nil {
			return dst, false
		}
		if b, ok = s.mustgetc(); !ok {
			return dst, false
		}
		if b != ';' {
			s.pos--
		} else {
			name := raw[nameStart:]
			if isXMLName(name) {
				var c byte
				switch string(name) {
				case "lt":
					c = '<'
				case "gt":
					c = '>'
				case "amp":
					c = '&'
				case "apos":
					c = '\''
				case "quot":
					c = '"'
				}
				if c != 0 {
					return append(dst, c), true
				}
			}
			raw = append(raw, ';')
		}
	}
	ent := string(raw)
	if ent[len(ent)-1] != ';' {
		ent += " (no semicolon)"
	}
	s.syntax("invalid character entity " + ent)
	return dst, false
}
