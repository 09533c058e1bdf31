package output

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/escape"
)

// csvRenderer writes one row per finding, then a row per lead time over
// its target and per rejected row, so that one spreadsheet holds
// everything that needs work. The excel dialect is what Swedish Excel
// opens with a double-click (UTF-8 with a byte order mark, semicolons,
// CRLF, Swedish headers, severities and pathway names); rfc4180 is the
// comma form with English column names, for programs.
type csvRenderer struct {
	excel bool
}

// csvHeader is the header of the rfc4180 dialect.
var csvHeader = []string{"episode", "pathway", "reported_as", "severity", "rule", "message", "codes", "input", "source"}

// csvHeaderExcel is the header of the excel dialect.
var csvHeaderExcel = []string{msg.ColEpisode, msg.ColPathway, msg.ColReportedAs, msg.ColSeverity, msg.ColRuleID, msg.ColMessage, msg.ColCodes, msg.ColRows}

func (csvRenderer) WantsLists() bool { return true }

func (c csvRenderer) writer(w io.Writer) *csv.Writer {
	return escape.NewCSVWriter(w, c.excel)
}

func (c csvRenderer) severity(s compiler.Severity) string {
	if c.excel {
		return s.Describe()
	}
	return s.String()
}

// row writes a row of the dialect: the excel dialect has no source
// column (the rule's file is for the quality group, in json).
func (c csvRenderer) row(w *csv.Writer, episode, pathway, reportedAs, severity, rule, message, codes, rows, source string) {
	if c.excel {
		_ = w.Write(safeCells([]string{episode, pathway, reportedAs, severity, rule, message, codes, rows}))
		return
	}
	_ = w.Write(safeCells([]string{episode, pathway, reportedAs, severity, rule, message, codes, rows, source}))
}

func (c csvRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	if r.Result.Incomplete {
		places := make([]string, len(r.In.Rejected))
		for i, rej := range r.In.Rejected {
			places[i] = rej.File + ":" + strconv.Itoa(rej.Row)
		}
		w := c.writer(buf)
		c.row(w, r.In.ID, "", "", c.severity(compiler.SevError), IncompleteRule,
			fmt.Sprintf(msg.IncompleteCSV, len(places), strings.Join(places, ", ")), "", strings.Join(places, " "), "")
		w.Flush()
		return
	}
	if len(r.Result.Findings) == 0 {
		return
	}
	w := c.writer(buf)
	pathway := ""
	if p := r.Result.Pathway; p != nil {
		pathway = p.Key
		if c.excel {
			pathway = p.Name
		}
	}
	for i := range r.Result.Findings {
		f := &r.Result.Findings[i]
		c.row(w, r.In.ID, pathway, r.Result.ReportedAs, c.severity(f.Rule.Severity), f.Rule.ID,
			f.Rule.Message, strings.Join(findingCodes(r, f), " "), findingRows(r, f), f.Rule.Pos.String())
	}
	w.Flush()
}

// findingRows is every input row of a finding's codes, file:row, or the
// episode's first row when it names no code.
func findingRows(r *runtime.EpisodeResult, f *runtime.Finding) string {
	if len(f.Events) == 0 {
		return findingInput(r, f)
	}
	var b strings.Builder
	for i, e := range f.Events {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(r.In.EventFile(e))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(r.In.Events[e].Row))
	}
	return b.String()
}

// Wrap writes the header, the findings, the lead times over target and
// then the rejected rows.
func (c csvRenderer) Wrap(sum *runtime.Summary, episodes io.Reader, w io.Writer) error {
	cw := c.writer(w)
	if c.excel {
		if _, err := io.WriteString(w, escape.BOM); err != nil {
			return err
		}
		_ = cw.Write(csvHeaderExcel)
	} else {
		_ = cw.Write(csvHeader)
	}
	cw.Flush()
	if _, err := io.Copy(w, episodes); err != nil {
		return err
	}
	if sum.Lists != nil {
		for _, o := range sum.Lists.OverTarget {
			pathway := o.Pathway
			if c.excel {
				pathway = o.PathwayName
			}
			c.row(cw, o.Episode, pathway, "", "", o.LeadTime, fmt.Sprintf(msg.OverTargetCSV, o.Name, o.Days, o.Target, o.Days-o.Target),
				o.From+" "+o.To, o.FromFile+":"+strconv.Itoa(o.FromRow)+" "+o.File+":"+strconv.Itoa(o.Row), "")
		}
	}
	for _, rej := range sum.Rejected {
		if c.excel {
			reason := rej.Reason
			if rej.Field != "" {
				reason = rej.Field + ": " + reason
			}
			c.row(cw, rej.Episode, "", "", c.severity(compiler.SevError), RejectedRowRule, reason, "", rej.File+":"+strconv.Itoa(rej.Row), "")
			continue
		}
		c.row(cw, rej.Episode, "", "", "error", RejectedRowRule, rej.Reason, rej.Field, rej.File+":"+strconv.Itoa(rej.Row), "")
	}
	cw.Flush()
	return cw.Error()
}

// safeCells applies SafeCell to every cell of a row: the data (ids, file
// names, values quoted in reasons) can start a cell anywhere.
func safeCells(row []string) []string {
	for i, c := range row {
		row[i] = escape.SafeCell(c)
	}
	return row
}

// RejectedRowRule is the rule id under which rejected rows are listed.
const RejectedRowRule = "rad_avvisad"

// IncompleteRule is the rule id under which the csv format lists an
// incomplete episode (one with a rejected row), which is not evaluated.
const IncompleteRule = "forlopp_ofullstandigt"
