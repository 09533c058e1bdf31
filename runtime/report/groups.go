package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/runtime/input"
)

// The groups of --by. A table broken down by --by lists every
// combination of the dimensions' values that could occur, whether the
// export has an episode in it or not: listing only the combinations
// seen would tell a reader that a hidden cell holds at least one lead
// time (a row "04, M" says a man of county 04 is in it). The values are
// the national lists (the 21 regions and counties, both sexes, the age
// bands), each with "okänd", and the years, quarters or months from the
// export's earliest closing date to its latest (any pathway's), so the
// rows depend on nothing but --by and the export's period.
//
// No dimension takes free values from the export: the readers refuse a
// region or county outside the national list. A dimension of free values
// would need its list fixed before the data are read (a published code
// list); taking the values the export has would list exactly what must
// not show.

// MaxGroups is the most combinations of --by values a table may list.
// Every combination is a row, empty or not (above), so the rows multiply:
// --by region,län,kön,åldersgrupp,kvartal on the 278-row example gave 35
// 000 combinations, 383 000 table rows, 68 MB, 1.7 GB of memory and ten
// minutes; --by län,kön,åldersgrupp,kvartal over a year (1 584) takes
// seconds. Beyond MaxGroups the report is refused with what to drop.
const MaxGroups = 3000

// GroupsBefore returns how many combinations the dimensions by give at
// least, before the input is read: the national lists' sizes, with each
// period dimension counted once (its values come from the export).
// report refuses a --by above MaxGroups with it before reading a row.
func GroupsBefore(by []string) int {
	n := 1
	for d, dim := range by {
		if !isPeriod(dim) {
			n *= len((&aggregate{}).dimValues(d, dim))
		}
	}
	return n
}

// Groups returns how many combinations of the --by dimensions' values
// each table broken down by them lists (1 without --by), known once the
// input is read: the periods run from its first closing date to its
// last.
func (c *Collector) Groups() int {
	n := 1
	for d, dim := range c.opts.By {
		n *= len(c.agg.dimValues(d, dim))
	}
	return n
}

func isPeriod(dim string) bool { return dim == "year" || dim == "quarter" || dim == "month" }

// dimValues returns the values of dimension dim (position d in By) in
// the order the report sorts them: the national list, with any value
// the export has that is not in it (the readers refuse such values, so
// only tables built by the tests have them).
func (a *aggregate) dimValues(d int, dim string) []string {
	var vs []string
	switch dim {
	case "region", "county":
		vs = append(vs, input.RegionCodes()...)
	case "sex":
		vs = append(vs, "M", "K")
	case "agegroup":
		for _, g := range AgeGroups {
			vs = append(vs, g.Label)
		}
	case "year", "quarter", "month":
		vs = a.periods(dim)
	}
	if !isPeriod(dim) {
		vs = append(vs, Unknown)
	}
	have := map[string]bool{}
	for _, v := range vs {
		have[v] = true
	}
	for _, vals := range a.groups {
		if v := vals[d]; !have[v] {
			have[v] = true
			vs = append(vs, v)
		}
	}
	sort.SliceStable(vs, func(i, j int) bool { return groupSortKey(dim, vs[i]) < groupSortKey(dim, vs[j]) })
	return vs
}

// periods lists the years, quarters or months from the export's first
// closing date to its last.
func (a *aggregate) periods(dim string) []string {
	if !a.dated {
		return nil
	}
	ym := func(s string) (int, int) {
		y, _ := strconv.Atoi(s[:4])
		m, _ := strconv.Atoi(s[5:7])
		return y, m
	}
	y, m := ym(a.firstDay.String())
	ly, lm := ym(a.lastDay.String())
	var vs []string
	for ; y < ly || (y == ly && m <= lm); m++ {
		if m > 12 {
			y, m = y+1, 1
			if y > ly {
				break
			}
		}
		var v string
		switch dim {
		case "year":
			v = strconv.Itoa(y)
		case "quarter":
			v = fmt.Sprintf("%d-K%d", y, (m+2)/3)
		default:
			v = fmt.Sprintf("%d-%02d", y, m)
		}
		if len(vs) == 0 || vs[len(vs)-1] != v {
			vs = append(vs, v)
		}
	}
	return vs
}

// allGroups returns the key of every combination of the dimensions'
// values, ordered dimension by dimension, and remembers their values.
func (a *aggregate) allGroups() []string {
	if len(a.opts.By) == 0 {
		return []string{""}
	}
	combos := [][]string{nil}
	for d, dim := range a.opts.By {
		vs := a.dimValues(d, dim)
		next := make([][]string, 0, len(combos)*len(vs))
		for _, c := range combos {
			for _, v := range vs {
				next = append(next, append(append([]string(nil), c...), v))
			}
		}
		combos = next
	}
	keys := make([]string, 0, len(combos))
	for _, vals := range combos {
		k := strings.Join(vals, "\x00")
		if _, ok := a.groups[k]; !ok {
			a.groups[k] = vals
		}
		keys = append(keys, k)
	}
	return keys
}
