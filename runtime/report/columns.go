package report

import (
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/escape"
	"github.com/rcc/svfrules/runtime/input"
)

// byAttr is the attribute each dimension of the input reads; the period
// dimensions read the closing code's date, which every input has.
func byAttr(d string) (compiler.AttrSet, bool) {
	switch d {
	case "region":
		return compiler.AttrRegion, true
	case "county":
		return compiler.AttrCounty, true
	case "sex":
		return compiler.AttrSex, true
	case "agegroup":
		return compiler.AttrAge, true
	}
	return 0, false
}

// CheckColumns refuses an input without a column a --by dimension reads
// (runtime.ColumnChecker). Without it every group would be "okänd": a
// report that looks broken down and is not, which a coordinator could
// take for the breakdown asked for. The run stops at the input's header,
// before its rows are read, and nothing is written.
func (c *Collector) CheckColumns(fc input.FileColumns) error {
	for _, d := range c.opts.By {
		a, ok := byAttr(d)
		if !ok || fc.Absent&a == 0 {
			continue
		}
		field := a.Names()[0]
		return fmt.Errorf(msg.ReportByNoColumn, strings.ToLower(DimensionLabel(d)), escape.Printable(fc.File),
			input.FieldName(field), strings.ReplaceAll(input.FieldName(field), " ", "_"))
	}
	return nil
}

// see notes which of the attributes --by reads ep has a value for, in
// its input (Collector.seen). Episodes come from several goroutines.
func (c *Collector) see(ep *input.Episode) {
	var has compiler.AttrSet
	if ep.Region != "" {
		has |= compiler.AttrRegion
	}
	if ep.County != "" {
		has |= compiler.AttrCounty
	}
	if ep.Sex != "" {
		has |= compiler.AttrSex
	}
	if ep.HasAge {
		has |= compiler.AttrAge
	}
	has &= c.byAttrs
	v, ok := c.seen.Load(ep.File)
	if !ok {
		v, _ = c.seen.LoadOrStore(ep.File, new(atomic.Uint32))
	}
	u := v.(*atomic.Uint32)
	if old := u.Load(); compiler.AttrSet(old)&has != has {
		u.Or(uint32(has))
	}
}

// CheckRead refuses a JSON Lines input in which no line has a value for
// an attribute a --by dimension reads (runtime.ReadChecker): JSON Lines
// has no header, so that is how its "column" is missing; every group
// would be "okänd", as for a CSV file without the column (CheckColumns).
// Nothing is written.
func (c *Collector) CheckRead(sum *runtime.Summary) error {
	if c.byAttrs == 0 {
		return nil
	}
	for _, fc := range sum.Columns {
		if !fc.JSONL {
			continue
		}
		var has compiler.AttrSet
		if v, ok := c.seen.Load(fc.File); ok {
			has = compiler.AttrSet(v.(*atomic.Uint32).Load())
		}
		for _, d := range c.opts.By {
			a, ok := byAttr(d)
			if !ok || has&a != 0 {
				continue
			}
			field := a.Names()[0]
			return fmt.Errorf(msg.ReportByNoKey, strings.ToLower(DimensionLabel(d)), escape.Printable(fc.File),
				input.FieldName(field), field)
		}
	}
	return nil
}
