package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime/escape"
)

// writeCSV writes one row per measure cell, with the group dimensions as
// columns after the definition. Suppressed figures are empty. Numbers use
// a decimal point; values from the data that a spreadsheet would run as a
// formula (starting with = + - @) get a leading apostrophe.
//
// In the excel dialect (the default; rfc4180 is the form above) the file
// is what Swedish Excel opens with a double-click: a byte order mark,
// semicolons, CRLF, Swedish headers and levels, decimal commas, ja/nej.
func writeCSV(w io.Writer, r *Report, excel bool) error {
	head := []string{"level", "pathway", "pathway_name", "leadtime", "leadtime_name", "target"}
	head = append(head, r.By...)
	head = append(head, "n", "within", "share", "goal", "met", "mean", "sd", "p10", "median", "p90",
		"excluded", "excluded_by", "suppressed")
	if r.Inclusion != nil {
		// The inclusion measure's rows (level inclusion) have a region, a
		// period and an estimate; the other rows leave them empty.
		head = append(head, "inclusion_region", "inclusion_period", "estimate")
	}
	toCorrect := len(r.ToCorrect.Rejected)+len(r.ToCorrect.Incomplete) > 0
	if toCorrect {
		// The rows to correct (levels incomplete and rejected) are the
		// user's own rows, listed as the HTML page lists them; the
		// other rows leave these columns empty.
		head = append(head, toCorrectHead...)
	}
	var cw csvRows
	if excel {
		if _, err := io.WriteString(w, escape.BOM); err != nil {
			return err
		}
		cw = newExcelRows(w, head)
	} else {
		cw = escape.NewCSVWriter(w, false)
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	cw = padRows{cw, len(head)}
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
	if r.Inclusion != nil {
		for _, row := range r.Inclusion.Rows {
			var met string
			if row.Met != nil {
				met = strconv.FormatBool(*row.Met)
			}
			goal := r.Inclusion.Goal
			out := []string{inclusionLevel, row.Pathway, row.PathwayName, "", "", ""}
			for range r.By {
				out = append(out, "")
			}
			out = append(out, optInt(row.Reported), "", optFloat(row.Share), optInt(&goal), met,
				"", "", "", "", "", "", "", strconv.FormatBool(row.Suppressed), escape.SafeCell(row.Region), row.Period, strconv.Itoa(row.Estimate))
			if err := cw.Write(out); err != nil {
				return err
			}
		}
	}
	if err := writeLocalCSV(cw, r); err != nil {
		return err
	}
	// One row per pathway of the guide without lead-time definitions,
	// so that the file says why they have no measure.
	for _, key := range r.Coverage.Without {
		row := []string{noLeadTimesLevel, key, r.Coverage.names[key], "", "", ""}
		for range r.By {
			row = append(row, "")
		}
		row = append(row, "", "", "", "", "", "", "", "", "", "", "", "", "false")
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	if toCorrect {
		if err := writeToCorrectCSV(cw, r, len(head)-len(toCorrectHead), excel); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// toCorrectHead are the columns of the rows to correct.
var toCorrectHead = []string{"episode", "place", "rejected_rows", "field", "reason", "what_to_do"}

// The level column of the rows to correct.
const (
	incompleteLevel = "incomplete"
	rejectedLevel   = "rejected"
)

// writeToCorrectCSV writes the incomplete episodes and then the rejected
// rows, in input order, with every measure column (the first skip
// columns) empty. They are not aggregates: nothing in them is
// suppressed. A rejected row's field is its Swedish name (and the file's
// header where that differs) in the excel dialect, its id (date, code …)
// in rfc4180, as json has it.
func writeToCorrectCSV(cw csvRows, r *Report, skip int, excel bool) error {
	row := func(level string, cells ...string) error {
		out := make([]string, skip, skip+len(cells))
		out[0] = level
		for _, c := range cells {
			out = append(out, escape.SafeCell(c))
		}
		return cw.Write(out)
	}
	for _, in := range r.ToCorrect.Incomplete {
		if err := row(incompleteLevel, in.Episode, in.File+":"+strconv.Itoa(in.FirstRow), strconv.Itoa(in.Rejected), "", "", msg.ReportCSVIncompleteDo); err != nil {
			return err
		}
	}
	for _, rej := range r.ToCorrect.Rejected {
		field := rej.Field
		if excel {
			field = rej.FieldText()
		}
		if err := row(rejectedLevel, rej.Episode, rej.File+":"+strconv.Itoa(rej.Row), "", field, rej.Reason, msg.ReportCSVRejectedDo); err != nil {
			return err
		}
	}
	return nil
}

// inclusionLevel is the level column of the inclusion measure's rows.
const inclusionLevel = "inclusion"

// padRows fills rows up to the header's width (the inclusion measure's
// columns come last).
type padRows struct {
	csvRows
	width int
}

func (p padRows) Write(row []string) error {
	for len(row) < p.width {
		row = append(row, "")
	}
	return p.csvRows.Write(row)
}

// noLeadTimesLevel is the level column of the rows of the guide's
// pathways that the rules have no lead times for.
const noLeadTimesLevel = "no_leadtimes"

// csvRows writes rows: a csv.Writer, or one that turns them Swedish.
type csvRows interface {
	Write(row []string) error
	Flush()
	Error() error
}

// excelRows writes rows in the excel dialect: the header in Swedish,
// decimals with a comma, true/false as ja/nej, levels in Swedish.
type excelRows struct {
	*csv.Writer
	kind   []string // per column: "float", "bool", "level" or ""
	header bool     // the header is written
}

// csvHeadSV returns the excel dialect's header for rfc4180's c, or "".
// A switch, not a map: a map was built at every start of svfrules,
// whatever the command (issue 16).
func csvHeadSV(c string) string {
	switch c {
	case "level":
		return "nivå"
	case "pathway":
		return "vårdförlopp"
	case "pathway_name":
		return "vårdförlopp (namn)"
	case "leadtime":
		return "ledtid"
	case "leadtime_name":
		return "ledtid (namn)"
	case "target":
		return "mål (dagar)"
	case "n":
		return "n"
	case "within":
		return "inom mål"
	case "share":
		return "andel inom mål (%)"
	case "goal":
		return "nationellt mål (%)"
	case "met":
		return "målet nått"
	case "mean":
		return "medel"
	case "sd":
		return "standardavvikelse"
	case "p10":
		return "p10"
	case "median":
		return "median"
	case "p90":
		return "p90"
	case "excluded":
		return "undantagna"
	case "excluded_by":
		return "undantagna per orsak"
	case "suppressed":
		return "skyddad cell"
	case "inclusion_region":
		return "region (inklusion)"
	case "inclusion_period":
		return "period (inklusion)"
	case "estimate":
		return "beräknat antal"
	case "episode":
		return msg.ReportCSVEpisode
	case "place":
		return msg.ReportCSVPlace
	case "rejected_rows":
		return msg.ReportCSVRejectedRows
	case "field":
		return msg.ReportCSVField
	case "reason":
		return msg.ReportCSVReason
	case "what_to_do":
		return msg.ReportCSVToDo
	}
	return ""
}

// levelSV returns level c in Swedish, or "".
func levelSV(c string) string {
	switch c {
	case LevelAll:
		return "alla"
	case LevelPathway:
		return "vårdförlopp"
	case LevelLeadTime:
		return "ledtid"
	case localLevel:
		return "lokal ledtid"
	case noLeadTimesLevel:
		return "inga ledtider"
	case inclusionLevel:
		return "inklusion"
	case incompleteLevel:
		return msg.KindIncomplete
	case rejectedLevel:
		return msg.KindRejected
	}
	return ""
}

func newExcelRows(w io.Writer, head []string) *excelRows {
	cw := escape.NewCSVWriter(w, true)
	e := &excelRows{Writer: cw, kind: make([]string, len(head))}
	for i, h := range head {
		switch h {
		case "share", "mean", "sd", "p10", "median", "p90":
			e.kind[i] = "float"
		case "met", "suppressed":
			e.kind[i] = "bool"
		case "level":
			e.kind[i] = "level"
		}
	}
	return e
}

func (e *excelRows) Write(row []string) error {
	out := make([]string, len(row))
	for i, c := range row {
		switch {
		case !e.header:
			out[i] = csvHeadSV(c)
			if out[i] == "" { // a --by dimension
				out[i] = strings.ToLower(DimensionLabel(c))
			}
		case i < len(e.kind) && e.kind[i] == "float":
			out[i] = strings.Replace(c, ".", ",", 1)
		case i < len(e.kind) && e.kind[i] == "bool" && c != "":
			out[i] = map[string]string{"true": "ja", "false": "nej"}[c]
		case i < len(e.kind) && e.kind[i] == "level":
			out[i] = cmpOr(levelSV(c), c)
		default:
			out[i] = c
		}
	}
	e.header = true
	return e.Writer.Write(out)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

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
