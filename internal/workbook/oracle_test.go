package workbook

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/rcc/svfrules/internal/msg"
)

// fromXML is an error of encoding/xml's as the scanner gives it: its
// SyntaxError as a *syntaxError, which partError shows with the line.
func fromXML(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return &syntaxError{msg: se.Msg, line: se.Line}
	}
	return err
}

// oracleReadShared is readShared as it was, through encoding/xml: the
// oracle the fast reader is held to.
func (r *Reader) oracleReadShared() error {
	if r.sharedOK {
		return nil
	}
	r.sharedOK = true
	const part = "xl/sharedstrings.xml"
	rc, err := r.open(part)
	if errors.Is(err, errMissing) {
		return nil
	}
	if err != nil {
		return err
	}
	defer rc.Close()
	return r.oracleSharedStrings(part, rc)
}

// oracleSharedStrings is sharedStrings as it was, through encoding/xml.
func (r *Reader) oracleSharedStrings(part string, rd io.Reader) error {
	d := xml.NewDecoder(rd)
	var text []byte
	in, phonetic, t := false, 0, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return partError(part, fromXML(err))
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "si":
				in, text = true, text[:0]
			case "rPh": // a phonetic reading, not shown
				phonetic++
			case "t":
				t = in && phonetic == 0
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "si":
				r.shared = append(r.shared, unescape(string(text)))
				in = false
			case "rPh":
				phonetic--
			case "t":
				t = false
			}
		case xml.CharData:
			if t {
				text = append(text, tok...)
			}
		}
	}
}

// oracleSheetRows is sheetRows as it was, through encoding/xml: the
// oracle the fast reader is held to.
func (r *Reader) oracleSheetRows(part string, rd io.Reader, maxRow int, emit func(no int, cells []string, tooLong bool) error) error {
	d := xml.NewDecoder(rd)
	var (
		cells          []string
		no, col, size  int
		tooLong, inRow bool
		typ            string
		style          int
		v, inline      []byte
		inV, inIs, inT bool
		hasInline      bool
		phonetic       int
		badCell        = func(ref string) error { return fmt.Errorf(msg.WorkbookBadCell, part, ref) }
		attr           = func(e xml.StartElement, name string) (string, bool) {
			for _, a := range e.Attr {
				if a.Name.Local == name {
					return a.Value, true
				}
			}
			return "", false
		}
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return partError(part, fromXML(err))
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "row":
				n := no + 1
				if s, ok := attr(tok, "r"); ok {
					k, err := strconv.Atoi(s)
					if err != nil || k <= no || k > maxRows {
						return fmt.Errorf(msg.WorkbookBadRow, part, k)
					}
					n = k
				}
				for no+1 < n {
					no++
					if err := emit(no, nil, false); err != nil {
						return err
					}
				}
				no, col, size, tooLong, inRow = n, -1, 0, false, true
				cells = nil
			case "c":
				if !inRow {
					continue
				}
				next := col + 1
				if ref, ok := attr(tok, "r"); ok {
					c, ok := refColumn(ref)
					if !ok || c < next {
						return badCell(ref)
					}
					next = c
				}
				if next >= MaxColumns {
					return badCell(cellRef(next, no))
				}
				col = next
				typ, _ = attr(tok, "t")
				style = 0
				if s, ok := attr(tok, "s"); ok {
					style, _ = strconv.Atoi(s)
				}
				v, inline, hasInline, phonetic = v[:0], inline[:0], false, 0
			case "v":
				inV = true
			case "is":
				inIs, hasInline = true, true
			case "rPh":
				phonetic++
			case "t":
				inT = inIs && phonetic == 0
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "row":
				if !inRow {
					continue
				}
				inRow = false
				for len(cells) > 0 && cells[len(cells)-1] == "" {
					cells = cells[:len(cells)-1]
				}
				if err := emit(no, cells, tooLong); err != nil {
					return err
				}
			case "c":
				if !inRow || tooLong {
					continue
				}
				s, err := r.cellText(part, typ, style, v, inline, hasInline)
				if err != nil {
					return err
				}
				if size += len(s); size > maxRow {
					tooLong = true
					continue
				}
				for len(cells) < col {
					cells = append(cells, "")
				}
				cells = append(cells, s)
			case "v":
				inV = false
			case "is":
				inIs = false
			case "rPh":
				phonetic--
			case "t":
				inT = false
			case "sheetData":
				return nil
			}
		case xml.CharData:
			switch {
			case inT:
				inline = append(inline, tok...)
			case inV:
				v = append(v, tok...)
			}
		}
	}
}
