// Package report computes the lead-time measure over evaluated episodes —
// the share of reportable pathways started within their lead-time target,
// against the national 80 % goal — broken down by region, county, sex, age
// group and period, with small cells suppressed, and writes it as JSON,
// CSV, Markdown or a self-contained HTML page.
//
// The measure follows Socialstyrelsen's way of specifying one (seed 004):
// denominator, numerator, share, and for times the mean, standard
// deviation, 10th percentile, median and 90th percentile. docs/report.md
// defines every figure.
package report

import (
	"fmt"
	"strings"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// Goal is the national lead-time goal in percent: 80 % of the patients in
// an SVF go through it within the pathway's lead times (ledtidsmålet,
// Socialstyrelsen's report, seed 003).
const Goal = 80

// DefaultMinCell is the smallest number of lead times a cell must have to
// show its share and statistics: RCC's own tools hide cells under 5.
const DefaultMinCell = 5

// Levels of a measure: one lead-time definition, all definitions with a
// target of one pathway, or all pathways.
const (
	LevelLeadTime = "leadtime"
	LevelPathway  = "pathway"
	LevelAll      = "all"
)

// Reasons a lead time is left out of the measure. They are the ids of the
// rules in regler.svf that report the same error, so a reader can look
// them up.
const (
	ExcludedTwoClosings    = "flera_avslutskoder" // more than one closing code: which one ends the pathway is unknown
	ExcludedCloseBefore    = "avslut_fore_start"  // the closing code is dated before the start code
	ExcludedFromCodeAbsent = "fran_kod_saknas"    // reportable, but the definition's from-code is missing
)

// Dimensions are the names --by accepts, in the order they are documented.
// "pathway" is accepted for symmetry: every measure is per pathway anyway.
var Dimensions = []string{"pathway", "region", "county", "sex", "agegroup", "year", "quarter", "month"}

// DimensionLabel is the Swedish column title of a group dimension (one
// of Dimensions), the word --by also accepts for it.
func DimensionLabel(d string) string {
	switch d {
	case "pathway":
		return msg.DimPathway
	case "region":
		return msg.DimRegion
	case "county":
		return msg.DimCounty
	case "sex":
		return msg.DimSex
	case "agegroup":
		return msg.DimAgeGroup
	case "year":
		return msg.DimYear
	case "quarter":
		return msg.DimQuarter
	case "month":
		return msg.DimMonth
	}
	return ""
}

// constError is an error that is a constant (errBadRecord, errSearch,
// errBudget): one made by errors.New at package level was work at every
// start of every command.
type constError string

func (e constError) Error() string { return string(e) }

// Unknown is the group value of an attribute the input does not have.
const Unknown = "okänd"

// ParseBy parses a comma-separated list of dimensions. It drops "pathway"
// (always part of the breakdown) and refuses unknown names and repeats.
func ParseBy(s string) ([]string, error) {
	var by []string
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ",") {
		d := strings.ToLower(strings.TrimSpace(part))
		if d == "" {
			continue
		}
		known := false
		for _, k := range Dimensions {
			if k == d {
				known = true
			}
		}
		if !known {
			return nil, fmt.Errorf(msg.ReportByUnknown, d, strings.Join(Dimensions, ", "))
		}
		if seen[d] {
			return nil, fmt.Errorf(msg.ReportByTwice, d)
		}
		seen[d] = true
		if d != "pathway" {
			by = append(by, d)
		}
	}
	return by, nil
}

// Options choose the breakdown and the suppression limit.
type Options struct {
	// By are the group dimensions (from ParseBy), in the order given.
	By []string
	// MinCell: a cell with fewer lead times shows no outcome (≥ 1).
	MinCell int
	// Inclusion is the beräkningsunderlag of the inclusion measure; nil
	// for none.
	Inclusion *InclusionBase
}

// Report is the lead-time report of one run.
type Report struct {
	Guide     string   `json:"guide"`
	GuideDate string   `json:"guide_date"`
	By        []string `json:"by"`
	MinCell   int      `json:"min_cell"`
	Goal      int      `json:"goal"`
	// Percentile names the percentile definition used.
	Percentile string      `json:"percentile"`
	Input      InputCounts `json:"input"`
	// Coverage says which pathways the rules define lead times for.
	Coverage    Coverage         `json:"leadtime_coverage"`
	Pathways    []PathwaySummary `json:"pathways"`
	Definitions []Definition     `json:"definitions"`
	Measures    []Measure        `json:"measures"`
	// LocalDefinitions and LocalMeasures are the local lead times (times
	// between intermediate steps), apart from the national measure; see
	// local.go.
	LocalDefinitions []Definition `json:"local_definitions"`
	LocalMeasures    []Measure    `json:"local_measures"`
	// ToCorrect lists the input's rejected rows and the episodes they
	// left incomplete: the user's own rows, to correct before reporting.
	// They are not a published aggregate and nothing in them is
	// suppressed; leave the list out of a report that is published.
	ToCorrect ToCorrect `json:"to_correct"`
	// Inclusion is the inclusion measure (report --inclusion-base), nil
	// without a beräkningsunderlag.
	Inclusion *Inclusion `json:"inclusion,omitempty"`
}

// ToCorrect are the rows of the input to correct: every rejected row
// (file, row, field, reason) and every incomplete episode.
type ToCorrect struct {
	Rejected   []input.Rejection           `json:"rejected"`
	Incomplete []runtime.IncompleteEpisode `json:"incomplete"`
}

// Coverage says which pathways have national lead-time definitions in
// the rules, so that a report of other pathways says why it has no lead
// times instead of showing empty rows.
type Coverage struct {
	// Pathways is the number of pathways in the guide.
	Pathways int `json:"pathways"`
	// WithLeadTimes are the keys of the pathways with national lead-time
	// definitions, in the guide's order.
	WithLeadTimes []string `json:"with_leadtimes"`
	// Without are the keys of the guide's pathways without lead-time
	// definitions, in the guide's order: every one, whether the input
	// holds it or not (which pathways the input holds is not shown).
	Without []string `json:"without_leadtimes"`
	// names are the pathways' names by key, for the text formats;
	// labels the names with the prefix beside them (Pathway.Label).
	names, labels map[string]string
}

// labelOf is the pathway of key as the lists show it, "Hjärntumörer
// (VL2)": the name with the prefix beside it; name when the report does
// not know the pathway (a report built by hand in a test).
func (r *Report) labelOf(key, name string) string {
	if l := r.Coverage.labels[key]; l != "" {
		return l
	}
	return name
}

// PercentileDefinition is how p10, median and p90 are computed.
const PercentileDefinition = msg.ReportPercentile

// InputCounts account for the input the report is built from. A count
// is nil when it is hidden (counts.go).
type InputCounts struct {
	RowsRead     *int `json:"rows_read"`
	RowsRejected *int `json:"rows_rejected"`
	// RowsBlank counts the rows of nothing but separators, which are
	// skipped: rows read = the episodes' rows + rejected + blank.
	RowsBlank  *int `json:"rows_blank"`
	Episodes   *int `json:"episodes"`
	Reportable *int `json:"reportable"`
	WithErrors *int `json:"with_errors"`
	// Incomplete counts the episodes with a rejected row, which are left
	// out of everything else (Episodes too): any of their figures could
	// change with the missing row.
	Incomplete *int `json:"incomplete"`
}

// PathwaySummary counts the episodes of one pathway and their findings.
type PathwaySummary struct {
	// Pathway is the key in the rule files; "" for episodes whose codes
	// have no known prefix.
	Pathway string `json:"pathway"`
	Name    string `json:"name"`
	Prefix  string `json:"prefix"`
	// Episodes, Reportable and WithErrors are nil when hidden (counts.go).
	Episodes   *int `json:"episodes"`
	Reportable *int `json:"reportable"`
	WithErrors *int `json:"with_errors"`
	// Findings are the most frequent findings with at least min-cell
	// episodes, most frequent first.
	Findings []FindingCount `json:"findings"`
}

// FindingCount is how many episodes of a pathway a rule found something in.
type FindingCount struct {
	Rule string `json:"rule"`
	// Name is the rule's Swedish name ("" when it has none).
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Count    int    `json:"count"`
}

// TopFindings is how many findings a pathway summary lists.
const TopFindings = 5

// Definition is a lead-time definition of the rule files.
type Definition struct {
	LeadTime string `json:"leadtime"`
	Pathway  string `json:"pathway"`
	// PathwayName is the pathway's name, for people.
	PathwayName string   `json:"pathway_name"`
	Name        string   `json:"name"`
	From        string   `json:"from"`
	To          []string `json:"to"`
	// Target is nil when the pathway description gives none.
	Target *int `json:"target"`
}

// Measure is one cell of the report: the lead times of one definition (or
// of all definitions with a target of a pathway, or of all pathways) in
// one group. Suppressed cells have nil N, Within, Share, Met and
// statistics.
type Measure struct {
	Level string `json:"level"`
	// Pathway is "" at LevelAll; LeadTime is "" above LevelLeadTime.
	Pathway      string `json:"pathway"`
	PathwayName  string `json:"pathway_name"`
	LeadTime     string `json:"leadtime"`
	LeadTimeName string `json:"leadtime_name"`
	Target       *int   `json:"target"`
	Group        Group  `json:"group"`
	// N is the number of lead times in the measure (the denominator).
	N *int `json:"n"`
	// Within is the numerator: lead times of at most the target.
	Within *int     `json:"within"`
	Share  *float64 `json:"share"`
	// Goal and Met are nil for a definition without a target.
	Goal   *int     `json:"goal"`
	Met    *bool    `json:"met"`
	Mean   *float64 `json:"mean"`
	SD     *float64 `json:"sd"`
	P10    *float64 `json:"p10"`
	Median *float64 `json:"median"`
	P90    *float64 `json:"p90"`
	// Excluded counts episodes left out because their lead time is not
	// reliable, by reason; nil, with no reasons, when it is hidden.
	Excluded   *int          `json:"excluded"`
	ExcludedBy []ReasonCount `json:"excluded_by"`
	// Suppressed: the cell has fewer lead times than the limit, or is
	// hidden so that such a cell cannot be worked out from the others.
	// Which of the two is not said: that would tell a reader that n is
	// small.
	Suppressed bool `json:"suppressed"`
}

// ReasonCount is the number of episodes left out for one reason. A cell
// whose count is hidden lists no reasons (counts.go).
type ReasonCount struct {
	Reason string `json:"reason"`
	Count  int    `json:"count"`
}

// GroupValue is one dimension's value of a group.
type GroupValue struct {
	Dim   string
	Value string
}

// Group is the values of a measure's group, in the order of Report.By.
type Group []GroupValue

// MarshalJSON writes the group as an object with its keys in --by order.
func (g Group) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, v := range g {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(jsonQuote(v.Dim))
		b.WriteByte(':')
		b.WriteString(jsonQuote(v.Value))
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// Label is the group for people: "Region 01, Kön K"; "" for no group.
func (g Group) Label() string {
	parts := make([]string, len(g))
	for i, v := range g {
		parts[i] = DimensionLabel(v.Dim) + " " + v.Value
	}
	return strings.Join(parts, ", ")
}
