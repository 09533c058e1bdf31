package report

import (
	"math"
	"slices"
)

// stats are the distribution figures of a list of lead times in days.
type stats struct {
	mean, median, p10, p90 float64
	sd                     float64
	hasSD                  bool // the sample standard deviation needs two values
}

// describe computes the statistics of days (at least one value). It sorts
// days in place, so the result never depends on the order the episodes
// were evaluated in.
func describe(days []int32) stats {
	slices.Sort(days)
	n := len(days)
	var sum float64
	for _, d := range days {
		sum += float64(d)
	}
	s := stats{mean: sum / float64(n)}
	if n > 1 {
		var ss float64
		for _, d := range days {
			dev := float64(d) - s.mean
			ss += dev * dev
		}
		s.sd, s.hasSD = math.Sqrt(ss/float64(n-1)), true
	}
	s.p10 = percentile(days, 1)
	s.median = percentile(days, 5)
	s.p90 = percentile(days, 9)
	return s
}

// percentile is the quantile of sorted values at tenths/10 (1 for the
// 10th percentile, 5 for the median, 9 for the 90th) by linear
// interpolation between closest ranks (Hyndman and Fan's type 7; R's
// default, Excel's PERCENTILE.INC and MEDIAN): h = (n−1)·p, and the value
// lies between the values at ranks ⌊h⌋ and ⌊h⌋+1 (counted from 0) in
// proportion to h's fraction. h is computed in tenths, in integers, so no
// rounding error can move a value across a boundary.
func percentile(sorted []int32, tenths int) float64 {
	h := (len(sorted) - 1) * tenths
	lo, frac := h/10, h%10
	if frac == 0 {
		return float64(sorted[lo])
	}
	return float64(sorted[lo]) + float64(frac)*float64(sorted[lo+1]-sorted[lo])/10
}

// round1 rounds to one decimal, halves away from zero: every figure of
// the report is shown with one decimal, and every format shows the same.
func round1(x float64) float64 { return math.Round(x*10) / 10 }
