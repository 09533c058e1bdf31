package output

import (
	"bytes"
	"fmt"
	"io"
	"sort"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
)

// WriteSummaryText writes the summary for people, in one write: line by
// line it was a write (a system call) for each of some 20 lines on
// standard error, about 1 % of a 100-row eval (issue 16).
func WriteSummaryText(w io.Writer, s *runtime.Summary) {
	var b bytes.Buffer
	writeSummaryText(&b, s)
	w.Write(b.Bytes()) // a summary that cannot be shown has no one to tell
}

func writeSummaryText(w io.Writer, s *runtime.Summary) {
	fmt.Fprintf(w, msg.SummaryHead, s.Guide)
	if s.EpisodesIncomplete > 0 {
		fmt.Fprintf(w, msg.SummaryRowsIncomplete, msg.Int(s.RowsRead), msg.Int(s.RowsEvaluated), msg.Int(s.RowsIncomplete), msg.Int(s.RowsRejected))
	} else {
		fmt.Fprintf(w, msg.SummaryRows, msg.Int(s.RowsRead), msg.Int(s.RowsEvaluated), msg.Int(s.RowsRejected))
	}
	if s.RowsBlank > 0 {
		fmt.Fprintf(w, blankText(s), msg.Int(s.RowsBlank))
	}
	if s.EventsEvaluated != s.RowsEvaluated { // JSON Lines: a row (line) lists many
		fmt.Fprintf(w, msg.SummaryEvents, msg.Int(s.EventsEvaluated))
	}
	fmt.Fprintf(w, msg.SummaryEpisodes, msg.Int(s.Episodes), msg.Int(s.EpisodesWithErrors), msg.Int(s.Reportable))
	if s.EpisodesIncomplete > 0 {
		fmt.Fprintf(w, msg.SummaryIncomplete, msg.Int(s.EpisodesIncomplete))
	}
	if s.Grouped {
		io.WriteString(w, msg.SummaryGrouped)
		// A row without an id is its neighbours' (input.Rejection.NoID),
		// but in a file not sorted by episode it may be anyone's.
		noID := 0
		for i := range s.Rejected {
			if s.Rejected[i].NoID() {
				noID++
			}
		}
		if noID > 0 {
			fmt.Fprintf(w, msg.SummaryGroupedNoID, msg.Int(noID))
		}
	}
	WriteCaseIDs(w, s.CaseIDs)
	runtime.WriteColumnsText(w, s)
	writeCounts(w, msg.SummaryByRule, s.FindingsByRule, s.Names)
	writeCounts(w, msg.SummaryByPathway, s.EpisodesByPathway, s.Names)
	if s.RowsDateOrder > 0 { // last, where it is read
		if s.RowsDateOrder == 1 {
			io.WriteString(w, msg.SummaryDateOrderOne)
		} else {
			fmt.Fprintf(w, msg.SummaryDateOrder, s.RowsDateOrder)
		}
	}
}

// blankText is the summary's line on blank rows in the words of the
// inputs' formats: in a CSV file a row of nothing but separators, in a
// workbook a row without a value.
func blankText(s *runtime.Summary) string {
	var csv, sheet bool
	for _, fc := range s.Columns {
		switch {
		case fc.Workbook:
			sheet = true
		case !fc.JSONL:
			csv = true
		}
	}
	switch {
	case sheet && csv:
		return msg.SummaryBlankBoth
	case sheet:
		return msg.SummaryBlankSheet
	}
	return msg.SummaryBlank
}

// writeCounts writes counts by rule or pathway under their names (the
// key itself when names has none), in the order of the names.
func writeCounts(w io.Writer, title string, m map[string]int, names map[string]string) {
	if len(m) == 0 {
		return
	}
	labels := make([]string, 0, len(m))
	count := make(map[string]int, len(m))
	for k, n := range m {
		l := names[k]
		if l == "" {
			l = k
		}
		if _, dup := count[l]; !dup {
			labels = append(labels, l)
		}
		count[l] += n
	}
	sort.Strings(labels)
	fmt.Fprintf(w, "  %s:\n", title)
	for _, l := range labels {
		fmt.Fprintf(w, "    %6s  %s\n", msg.Int(count[l]), l)
	}
}

// caseIDsShown is how many pairs of ids that differ only in case the
// text summary lists; json and xlsx list them all.
const caseIDsShown = 20

// WriteCaseIDs writes the ids that differ only in case, each with its
// first row, for the user to check: in eval's summary, and on report's
// and diff's stderr.
func WriteCaseIDs(w io.Writer, pairs []runtime.CaseIDs) {
	if len(pairs) == 0 {
		return
	}
	fmt.Fprintf(w, msg.SummaryCaseIDs, msg.Int(len(pairs)))
	for _, p := range pairs[:min(len(pairs), caseIDsShown)] {
		fmt.Fprintf(w, msg.SummaryCaseIDPair, p[0].ID, p[0].File, p[0].Row, p[1].ID, p[1].File, p[1].Row)
	}
	if len(pairs) > caseIDsShown {
		fmt.Fprintf(w, msg.SummaryCaseIDsMore, msg.Int(len(pairs)-caseIDsShown))
	}
}
