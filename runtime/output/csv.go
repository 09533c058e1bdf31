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
	"github.com/rcc/svfrules/runtime/input"
)

// csvRenderer writes one row per finding, then a row per lead time over
// its target and per rejected row, so that one spreadsheet holds
// everything that needs work. Each kind of row fills its own columns
// (a finding its rule, a lead time its lead time, days and target, a
// rejected row its field), and the first column says which kind it is.
// The excel dialect is what Swedish Excel opens with a double-click
// (UTF-8 with a byte order mark, semicolons, CRLF, Swedish headers,
// kinds, severities and pathway names); rfc4180 is the comma form with
// English column names and ids, for programs.
type csvRenderer struct {
	excel bool
}

// csvHeader is the header of the rfc4180 dialect.
var csvHeader = []string{"kind", "episode", "pathway", "reported_as", "severity", "rule", "rule_name", "leadtime", "leadtime_name",
	"days", "target", "field", "message", "codes", "input", "source", "section"}

// csvHeaderExcel is the header of the excel dialect: the rfc4180 one
// without source (the rule's file is for the quality group, in json),
// the name before the id.
var csvHeaderExcel = []string{msg.ColKind, msg.ColEpisode, msg.ColPathway, msg.ColReportedAs, msg.ColSeverity, msg.ColRule, msg.ColRuleID,
	msg.ColLeadTime, msg.ColLeadTimeID, msg.ColDays, msg.ColTarget, msg.ColField, msg.ColMessage, msg.ColCodes, msg.ColRows, msg.ColSection}

// csvRow is one row of either dialect.
type csvRow struct {
	kind                          csvKind
	episode, pathway, reportedAs  string
	severity, rule, ruleName      string
	leadTime, leadTimeName        string
	days, target                  string
	field, message, codes, places string
	source, section               string
}

// csvKind is what a row of the csv is about.
type csvKind int

const (
	kindFinding csvKind = iota
	kindOverTarget
	kindIncomplete
	kindRejected
)

// csvKinds are the kinds' words: rfc4180's ids, the excel dialect's
// Swedish.
var csvKinds = [...][2]string{
	kindFinding:    {"finding", msg.KindFinding},
	kindOverTarget: {"over_target", msg.KindOverTarget},
	kindIncomplete: {"incomplete", msg.KindIncomplete},
	kindRejected:   {"rejected", msg.KindRejected},
}

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

// field is a rejected row's field in the dialect: its Swedish name, with
// the file's header where that differs, for Excel; the field id
// (date, code …) for programs, as json has it.
func (c csvRenderer) field(r input.Rejection) string {
	if c.excel {
		return r.FieldText()
	}
	return r.Field
}

// write writes a row in the dialect's columns.
func (c csvRenderer) write(w *csv.Writer, r csvRow) {
	if c.excel {
		_ = w.Write(safeCells([]string{csvKinds[r.kind][1], r.episode, r.pathway, r.reportedAs, r.severity, r.ruleName, r.rule,
			r.leadTimeName, r.leadTime, r.days, r.target, r.field, r.message, r.codes, r.places, r.section}))
		return
	}
	_ = w.Write(safeCells([]string{csvKinds[r.kind][0], r.episode, r.pathway, r.reportedAs, r.severity, r.rule, r.ruleName,
		r.leadTime, r.leadTimeName, r.days, r.target, r.field, r.message, r.codes, r.places, r.source, r.section}))
}

func (c csvRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	if r.Result.Incomplete {
		places := make([]string, len(r.In.Rejected))
		for i, rej := range r.In.Rejected {
			places[i] = rej.File + ":" + strconv.Itoa(rej.Row)
		}
		w := c.writer(buf)
		c.write(w, csvRow{kind: kindIncomplete, episode: r.In.ID, severity: c.severity(compiler.SevError), rule: IncompleteRule,
			ruleName: msg.ExplainIncompleteName, message: incompleteCSV(places),
			places: strings.Join(places, " ")})
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
			pathway = p.Label()
		}
	}
	for i := range r.Result.Findings {
		f := &r.Result.Findings[i]
		c.write(w, csvRow{kind: kindFinding, episode: r.In.ID, pathway: pathway, reportedAs: r.Result.ReportedAs,
			severity: c.severity(f.Rule.Severity), rule: f.Rule.ID, ruleName: f.Rule.Name, message: f.Rule.Message,
			codes: strings.Join(findingCodes(r, f), " "), places: findingRows(r, f), source: f.Rule.Pos.String(), section: f.Rule.Section})
	}
	w.Flush()
}

// findingRows is every input row of a finding's codes, file:row, each
// once (see samePlace), or the episode's first row when it names no code.
func findingRows(r *runtime.EpisodeResult, f *runtime.Finding) string {
	if len(f.Events) == 0 {
		return findingInput(r, f)
	}
	var b strings.Builder
	for i, e := range f.Events {
		if i > 0 && samePlace(r, f.Events[i-1], e) {
			continue // a JSON Lines line once
		}
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
				pathway = o.PathwayLabel
			}
			c.write(cw, csvRow{kind: kindOverTarget, episode: o.Episode, pathway: pathway, reportedAs: o.ReportedAs,
				leadTime: o.LeadTime, leadTimeName: o.Name, days: strconv.Itoa(o.Days), target: strconv.Itoa(o.Target),
				message: fmt.Sprintf(msg.OverTargetCSV, o.Name, o.Days, o.Target, o.Days-o.Target), codes: o.From + " " + o.To,
				places: o.FromFile + ":" + strconv.Itoa(o.FromRow) + " " + o.File + ":" + strconv.Itoa(o.Row)})
		}
	}
	for _, rej := range sum.Rejected {
		c.write(cw, csvRow{kind: kindRejected, episode: rej.Episode, severity: c.severity(compiler.SevError), rule: RejectedRowRule,
			ruleName: msg.ExplainRejectedName, field: c.field(rej), message: rej.Reason, places: rej.File + ":" + strconv.Itoa(rej.Row)})
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

// incompleteCSV is the message of an incomplete episode's row, in the
// singular for one rejected row.
func incompleteCSV(places []string) string {
	if len(places) == 1 {
		return fmt.Sprintf(msg.IncompleteCSVOne, places[0])
	}
	return fmt.Sprintf(msg.IncompleteCSV, len(places), strings.Join(places, ", "))
}
