package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/runtime/escape"
)

// writeCSV writes one row per measure cell, with the group dimensions as
// columns after the definition. Suppressed figures are empty. Numbers use
// a decimal point; values from the data that a spreadsheet would run as a
// formula (starting with = + - @) get a leading apostrophe.
func writeCSV(w io.Writer, r *Report) error {
	cw := csv.NewWriter(w)
	head := []string{"level", "pathway", "pathway_name", "leadtime", "leadtime_name", "target"}
	head = append(head, r.By...)
	head = append(head, "n", "within", "share", "goal", "met", "mean", "sd", "p10", "median", "p90",
		"excluded", "excluded_by", "suppressed")
	if err := cw.Write(head); err != nil {
		return err
	}
	for i := range r.Measures {
		m := &r.Measures[i]
		row := []string{m.Level, m.Pathway, m.PathwayName, m.LeadTime, m.LeadTimeName, optInt(m.Target)}
		for _, g := range m.Group {
			row = append(row, escape.SafeCell(g.Value))
		}
		var met string
		if m.Met != nil {
			met = strconv.FormatBool(*m.Met)
		}
		var by []string
		for _, rc := range m.ExcludedBy {
			by = append(by, rc.Reason+"="+strconv.Itoa(rc.Count))
		}
		row = append(row, optInt(m.N), optInt(m.Within), optFloat(m.Share), optInt(m.Goal), met,
			optFloat(m.Mean), optFloat(m.SD), optFloat(m.P10), optFloat(m.Median), optFloat(m.P90),
			optInt(m.Excluded), strings.Join(by, " "), strconv.FormatBool(m.Suppressed))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	if err := writeLocalCSV(cw, r); err != nil {
		return err
	}
	// One row per pathway of the input without lead-time definitions,
	// so that the file says why they have no measure.
	for _, key := range r.Coverage.InputWithout {
		row := []string{noLeadTimesLevel, key, r.Coverage.names[key], "", "", ""}
		for range r.By {
			row = append(row, "")
		}
		row = append(row, "", "", "", "", "", "", "", "", "", "", "", "", "false")
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// noLeadTimesLevel is the level column of the rows of the input's
// pathways that the rules have no lead times for.
const noLeadTimesLevel = "no_leadtimes"

func optInt(x *int) string {
	if x == nil {
		return ""
	}
	return strconv.Itoa(*x)
}

func optFloat(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatFloat(*x, 'f', 1, 64)
}
