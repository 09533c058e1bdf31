package changes

import (
	"github.com/rcc/svfrules/compiler"
)

// Status says how two rule sets compare as a whole.
type Status string

// The statuses of a comparison.
const (
	// Identical: the rule files are the same, byte for byte.
	Identical Status = "identical"
	// LayoutOnly: no change in what the rules say, but the files differ
	// in comments, layout or how the declarations are split into files.
	LayoutOnly Status = "layout-only"
	// MetadataOnly: only the guide header differs (version, date, title,
	// sources, notes on the version): nothing the guide says changed.
	MetadataOnly Status = "metadata-only"
	// Changed: there are changes.
	Changed Status = "changed"
)

// Side names one of the two rule sets compared.
type Side struct {
	Rules   string // where the rules came from: "rules/10.6" or a folder
	Version string
	Date    string
	Title   string
	// ChangeLogDate is the date of the version's entry in the guide's
	// change log (the header's `changelog`), "" when it has none.
	ChangeLogDate string
}

// SideOf describes a guide read from rules.
func SideOf(rules string, g *compiler.Guide) Side {
	s := Side{Rules: rules, Version: g.Version, Date: g.Date, Title: g.Title}
	if g.ChangeLog != nil {
		s.ChangeLogDate = g.ChangeLog.Date
	}
	return s
}

// LogDate is the date the change log heads the version with: its own
// entry's date (10.5's is 2024-02-08, a version dated 2024-02-05), else
// the version's.
func (s Side) LogDate() string {
	if s.ChangeLogDate != "" {
		return s.ChangeLogDate
	}
	return s.Date
}

// VersionLog is one version's part of the change log: its lines
// (ChangeLog) against the version before it.
type VersionLog struct {
	Side   Side
	Status Status
	Lines  []string
}

// FileDiff is the line diff of one rule file, in unified format.
type FileDiff struct {
	Old, New string // file names; "" when the file is only on the other side
	Unified  string
}

// Report is everything one `svfrules diff` shows.
type Report struct {
	From, To Side
	Status   Status
	Changes  []Change
	// TextDiff is the line diff of the rule files, when asked for (nil
	// otherwise; empty when the files are identical).
	TextDiff     []FileDiff
	WithTextDiff bool
	// Impact is what the changes do to episodes, when asked for.
	Impact *Impact
	// Hidden is how many changes Filter left out (--level, --ignore).
	Hidden int
	// Log is the change log version by version, newest first, when the
	// versions between From and To are known (embedded versions); nil
	// otherwise, and the change log is the one of Changes.
	Log []VersionLog
}

// NewReport compares the guides and says whether the rule files differ at
// all: src are the files of each side by name within its rule folder.
func NewReport(from, to Side, changes []Change, fromFiles, toFiles map[string][]byte) *Report {
	r := &Report{From: from, To: to, Changes: changes, Status: Changed}
	switch {
	case len(changes) == 0 && sameFiles(fromFiles, toFiles):
		r.Status = Identical
	case len(changes) == 0:
		r.Status = LayoutOnly
	case CountLevels(changes).Total() == 0:
		r.Status = MetadataOnly
	}
	return r
}

// Filter keeps the changes at level min or above whose id is not in
// ignore (see the function Filter), with their counts of episodes, and
// counts the changes it left out in Hidden. The status stays what the
// comparison found.
func (r *Report) Filter(min Level, ignore []string) {
	kept, keep := Filter(r.Changes, min, ignore)
	for i, k := range keep {
		if !k && !r.Changes[i].Meta() {
			r.Hidden++
		}
	}
	if r.Impact != nil && len(r.Impact.ByChange) == len(r.Changes) {
		var by []Effect
		for i, k := range keep {
			if k {
				by = append(by, r.Impact.ByChange[i])
			}
		}
		r.Impact.ByChange = by
	}
	r.Changes = kept
}

func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for name, x := range a {
		y, ok := b[name]
		if !ok || string(x) != string(y) {
			return false
		}
	}
	return true
}

// Impact is what the changes do to the episodes of one or more files,
// evaluated with both versions.
type Impact struct {
	Files []string
	// Episodes are the episodes judged by both versions: those without a
	// rejected row.
	Episodes     int
	RowsRead     int
	RowsRejected int
	// Incomplete counts the episodes with a rejected row, which neither
	// version judged (a missing row could change any verdict), so no
	// effect of a change on them is told.
	Incomplete int
	// Rejected are the rows that could not be read, in input order.
	Rejected []RejectedRow
	// Total counts every episode whose results differ; an episode that
	// both gains and loses an error counts in both.
	Total Effect
	// Unattributed are the episodes whose results differ but that no
	// listed change explains.
	Unattributed Effect
	// ByChange is parallel to Report.Changes.
	ByChange []Effect
}

// RejectedRow is a row of the episode files that could not be read,
// as eval lists it (runtime/input.Rejection, whose words it carries).
type RejectedRow struct {
	Episode string `json:"episode,omitempty"` // "" when the id could not be read
	File    string `json:"file"`
	Row     int    `json:"row"`
	Field   string `json:"field,omitempty"` // the field's id (date, code …), "" for the row as a whole
	Reason  string `json:"reason"`          // what is wrong and what to do
	// FieldText is the field for people (datum, kod …, with the file's
	// header where it differs); Text is the row as eval's list of rows
	// that could not be read shows it (file:row: field: reason).
	FieldText string `json:"-"`
	Text      string `json:"-"`
}

// Effect counts episodes by how their verdicts differ between the
// versions, with a few example episode ids for each. Only real flips
// count: a lead time whose length or target changes but stays within (or
// over) its target is no difference.
type Effect struct {
	GainFinding   Episodes // an error or warning finding of a rule appears
	LoseFinding   Episodes // an error or warning finding of a rule disappears
	Reportability Episodes // reportable or not, or reported under another prefix
	// LeadTimeVerdict: a lead time with a target goes from within to
	// over it or back, or is measured in one version only.
	LeadTimeVerdict Episodes
}

// Empty reports whether no episode is counted.
func (e Effect) Empty() bool {
	return e.GainFinding.N == 0 && e.LoseFinding.N == 0 && e.Reportability.N == 0 && e.LeadTimeVerdict.N == 0
}

// Episodes is a number of episodes with up to MaxExamples of their ids,
// the first in input order.
type Episodes struct {
	N        int
	Examples []string
}

// MaxExamples is how many example episode ids a count shows.
const MaxExamples = 3

// Add counts one more episode.
func (e *Episodes) Add(id string) {
	e.N++
	if len(e.Examples) < MaxExamples {
		e.Examples = append(e.Examples, id)
	}
}
