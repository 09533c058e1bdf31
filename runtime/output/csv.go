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

type csvRenderer struct{}

// csvHeader is the header of the csv format: one row per finding.
var csvHeader = []string{"episode", "pathway", "reported_as", "severity", "rule", "message", "codes", "input", "source"}

func (csvRenderer) Episode(buf *bytes.Buffer, r *runtime.EpisodeResult) {
	if r.Result.Incomplete {
		places := make([]string, len(r.In.Rejected))
		for i, rej := range r.In.Rejected {
			places[i] = rej.File + ":" + strconv.Itoa(rej.Row)
		}
		w := csv.NewWriter(buf)
		_ = w.Write(safeCells([]string{r.In.ID, "", "", compiler.SevError.String(), IncompleteRule,
			fmt.Sprintf(msg.IncompleteCSV, len(places), strings.Join(places, ", ")), "", strings.Join(places, " "), ""}))
		w.Flush()
		return
	}
	if len(r.Result.Findings) == 0 {
		return
	}
	w := csv.NewWriter(buf)
	pathway := ""
	if r.Result.Pathway != nil {
		pathway = r.Result.Pathway.Key
	}
	for i := range r.Result.Findings {
		f := &r.Result.Findings[i]
		_ = w.Write(safeCells([]string{r.In.ID, pathway, r.Result.ReportedAs, f.Rule.Severity.String(), f.Rule.ID,
			f.Rule.Message, strings.Join(findingCodes(r, f), " "), findingInput(r, f), f.Rule.Pos.String()}))
	}
	w.Flush()
}

// Wrap writes the header, the findings and then the rejected rows, so one
// spreadsheet holds everything that needs fixing.
func (csvRenderer) Wrap(sum *runtime.Summary, episodes io.Reader, w io.Writer) error {
	cw := csv.NewWriter(w)
	_ = cw.Write(csvHeader)
	cw.Flush()
	if _, err := io.Copy(w, episodes); err != nil {
		return err
	}
	for _, rej := range sum.Rejected {
		_ = cw.Write(safeCells([]string{"", "", "", "error", RejectedRowRule, rej.Reason, rej.Field, rej.File + ":" + strconv.Itoa(rej.Row), ""}))
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
