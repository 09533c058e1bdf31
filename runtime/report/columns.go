package report

import (
	"fmt"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime/escape"
	"github.com/rcc/svfrules/runtime/input"
)

// byAttr is the attribute each dimension of the input reads; the period
// dimensions read the closing code's date, which every input has.
var byAttr = map[string]compiler.AttrSet{
	"region": compiler.AttrRegion, "county": compiler.AttrCounty,
	"sex": compiler.AttrSex, "agegroup": compiler.AttrAge,
}

// CheckColumns refuses an input without a column a --by dimension reads
// (runtime.ColumnChecker). Without it every group would be "okänd": a
// report that looks broken down and is not, which a coordinator could
// take for the breakdown asked for. The run stops at the input's header,
// before its rows are read, and nothing is written.
func (c *Collector) CheckColumns(fc input.FileColumns) error {
	for _, d := range c.opts.By {
		a, ok := byAttr[d]
		if !ok || fc.Absent&a == 0 {
			continue
		}
		field := a.Names()[0]
		return fmt.Errorf(msg.ReportByNoColumn, strings.ToLower(dimensionLabels[d]), escape.Printable(fc.File),
			input.FieldName(field), strings.ReplaceAll(input.FieldName(field), " ", "_"))
	}
	return nil
}
