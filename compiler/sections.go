package compiler

import (
	"fmt"
	"strconv"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// This file checks the guide text that is not a code: the sections
// (chapters, "Kodernas uppbyggnad") and the header's change-log entry.
// Only the renderer (svfrules guide) reads them; they never change a
// verdict.

// changeLog records the header's change-log entry; a second one is an
// error, since it would silently win.
func (c *checker) changeLog(p lang.Pos, cl *lang.ChangeLog) {
	if prev := c.g.ChangeLog; prev != nil {
		c.errorf(p, width("changelog"), fmt.Sprintf(msg.ChangeLogTwiceDetail, prev.Pos.Line), msg.ChangeLogTwice)
		return
	}
	if !validDate(cl.Date) {
		c.errorf(c.at(p, cl.Date, 0), width(cl.Date), msg.ChangeLogBadDateDetail, msg.ChangeLogBadDate, cl.Date)
	}
	c.g.ChangeLog = &ChangeLog{Date: cl.Date, Text: cl.Text.Value(), Pos: p}
}

// sections builds the sections in declaration order. Each code stands in
// at most one; when the folder has sections, each code must stand in one,
// or the rendered guide would leave it out.
func (c *checker) sections(decls []*lang.Section) {
	placed := map[int]lang.Pos{}
	var pathwaysAt *lang.Pos
	for _, d := range decls {
		sec := &Section{Heading: d.Heading.Value(), Pos: pos(d.Pos)}
		textLine := 0
		for _, prop := range d.Props {
			pp := pos(prop.Pos)
			switch {
			case prop.Text != nil:
				if textLine != 0 {
					c.errorf(pp, width("text"), fmt.Sprintf(msg.SectionTextTwiceDetail, textLine), msg.SectionTextTwice)
					continue
				}
				textLine = pp.Line
				sec.Text = prop.Text.Value()
			case prop.Pathways:
				if pathwaysAt != nil {
					c.errorf(pp, width("pathways"), msg.SectionPathwaysTwiceDetail, msg.SectionPathwaysTwice, pathwaysAt.String())
					continue
				}
				pathwaysAt = &pp
				sec.Pathways = true
			default:
				for i, written := range prop.Codes {
					at := c.at(pp, written, countBefore(prop.Codes, i))
					n, err := strconv.Atoi(written)
					code := c.g.codes[n]
					if err != nil || len(written) != 2 || code == nil {
						c.errorf(at, width(written), msg.SectionUnknownCodeDetail, msg.SectionUnknownCode, written)
						continue
					}
					if first, dup := placed[n]; dup {
						c.errorf(at, width(written), msg.SectionCodeTwiceDetail, msg.SectionCodeTwice, written, first.String())
						continue
					}
					placed[n] = at
					sec.Codes = append(sec.Codes, code)
				}
			}
		}
		c.g.Sections = append(c.g.Sections, sec)
	}
	if len(decls) == 0 {
		return
	}
	for _, code := range c.g.Codes {
		if _, ok := placed[code.Num]; !ok {
			c.errorf(code.Pos, 2, msg.SectionCodeMissingDetail, msg.SectionCodeMissing, code.Suffix)
		}
	}
}
