package guide

import (
	"bufio"
	"io"
	"strings"
)

// WriteText writes the guide as plain text laid out as the plain-text
// guide is: headings on lines of their own, blank lines between blocks,
// table rows as mark, tab, pathway name ("x\tHjärntumörer", "\tMyelom"),
// a table's legends right under it.
func WriteText(w io.Writer, d *Doc) error {
	bw := bufio.NewWriter(w)
	for i, blk := range d.Blocks {
		if i > 0 && blk.Kind != Legend {
			bw.WriteString("\n")
		}
		switch blk.Kind {
		case CodeTable, PrefixList, VersionTable, LeadTimes:
			for _, r := range blk.Rows {
				bw.WriteString(strings.Join(r, "\t"))
				bw.WriteString("\n")
			}
		default:
			bw.WriteString(blk.Text)
			bw.WriteString("\n")
		}
	}
	return bw.Flush()
}
