package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/cp1252"
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/internal/workbook"
	"github.com/rcc/svfrules/runtime/input"
)

// The inclusion measure (seed 003, Tabell 1: the national goal that 70 %
// of new cancer cases in SVF diagnoses go through an SVF).
//
// The denominator is an estimate of new cases per region, pathway and
// period (the beräkningsunderlag), given by the user in a file; the
// numerator is the input's reportable episodes of that region and
// pathway whose closing code is dated in the period (the period of the
// lead-time measure too: the closing code's date).

// InclusionGoal is the national goal, in per cent.
const InclusionGoal = 70

// regionCode is the two-digit code of a region given by code or name
// ("Stockholm", "Region Uppsala"): the episode readers' table
// (input.RegionCode), so that a file of estimates and the episodes name
// regions alike.
func regionCode(s string) (string, bool) { return input.RegionCode(s) }

// BaseRow is one row of the beräkningsunderlag.
type BaseRow struct {
	Region   string // the two-digit code, as episodes have it
	Pathway  int    // index in the guide
	Period   string // "2024", "2024-K1" or "2024-03"
	Estimate int
	Line     int // the file's row, for messages
}

// InclusionBase is the file read: its rows and the period form all of
// them have ("year", "quarter" or "month").
type InclusionBase struct {
	Rows   []BaseRow
	Period string
}

var (
	yearRe    = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}$`) }}
	quarterRe = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^(\d{4})-?[KkQq]([1-4])$`) }}
	monthRe   = lazy.Value[*regexp.Regexp]{New: func() *regexp.Regexp { return regexp.MustCompile(`^(\d{4})-(0[1-9]|1[0-2])$`) }}
)

// periodOf normalises a period to the report's form and says which form
// it is.
func periodOf(s string) (string, string, bool) {
	switch {
	case yearRe.Get().MatchString(s):
		return s, "year", true
	case quarterRe.Get().MatchString(s):
		m := quarterRe.Get().FindStringSubmatch(s)
		return m[1] + "-K" + m[2], "quarter", true
	case monthRe.Get().MatchString(s):
		return s, "month", true
	}
	return "", "", false
}

// periodWord is the Swedish word of a period of the inclusion base.
func periodWord(p string) string {
	switch p {
	case "year":
		return msg.InclusionYear
	case "quarter":
		return msg.InclusionQuarter
	case "month":
		return msg.InclusionMonth
	}
	return ""
}

// ReadInclusionBase reads the beräkningsunderlag from data (CSV with
// `;`, `,` or tab, UTF-8 with or without BOM or Windows-1252; or an xlsx
// workbook, its first sheet). Columns: region, vårdförlopp (the
// pathway's name, key or prefix), period, beräknat antal; others are
// ignored. Blank rows are skipped.
func ReadInclusionBase(name string, data []byte, g *compiler.Guide) (*InclusionBase, error) {
	var records [][]string
	var err error
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		records, err = xlsxRecords(data)
	} else {
		records, err = csvRecords(data)
	}
	if err != nil {
		return nil, fmt.Errorf(msg.InclusionOpen, name, err)
	}
	if len(records) == 0 {
		return nil, fmt.Errorf(msg.InclusionNoHeader, name)
	}
	cols := map[string]int{}
	var heads []string
	for i, h := range records[0] {
		k := strings.ToLower(strings.TrimSpace(h))
		heads = append(heads, strconv.Quote(strings.TrimSpace(h)))
		if _, ok := cols[k]; !ok {
			cols[k] = i
		}
	}
	need := []string{"region", "vårdförlopp", "period", "beräknat antal"}
	idx := make([]int, len(need))
	for i, n := range need {
		j, ok := cols[n]
		if !ok {
			return nil, fmt.Errorf(msg.InclusionColumn, name, n, strings.Join(heads, ", "))
		}
		idx[i] = j
	}
	pathways := map[string]int{}
	for _, pw := range g.Pathways {
		pathways[strings.ToLower(pw.Key)] = pw.Index
		pathways[strings.ToLower(pw.Name)] = pw.Index
		for _, p := range pw.Prefixes {
			pathways[strings.ToLower(p)] = pw.Index
		}
	}
	base := &InclusionBase{}
	type cell struct {
		region, period string
		pathway        int
	}
	seen := map[cell]int{}
	for r, rec := range records[1:] {
		line := r + 2
		field := func(i int) string {
			if idx[i] < len(rec) {
				return strings.TrimSpace(rec[idx[i]])
			}
			return ""
		}
		blank := true
		for _, v := range rec {
			if strings.TrimSpace(v) != "" {
				blank = false
			}
		}
		if blank {
			continue
		}
		bad := func(col int, format string, args ...any) error {
			return fmt.Errorf(msg.InclusionField, name, line, need[col], fmt.Sprintf(format, args...))
		}
		for i := range need {
			if field(i) == "" {
				return nil, bad(i, msg.InclusionEmpty)
			}
		}
		region, ok := regionCode(field(0))
		if !ok {
			return nil, bad(0, msg.InclusionRegion, field(0))
		}
		row := BaseRow{Region: region, Line: line}
		p, ok := pathways[strings.ToLower(field(1))]
		if !ok {
			return nil, bad(1, msg.InclusionPathway, field(1))
		}
		row.Pathway = p
		period, form, ok := periodOf(field(2))
		if !ok {
			return nil, bad(2, msg.InclusionPeriod, field(2))
		}
		if base.Period == "" {
			base.Period = form
		} else if base.Period != form {
			return nil, bad(2, msg.InclusionMixed, periodWord(base.Period), periodWord(form))
		}
		row.Period = period
		est, err := strconv.Atoi(strings.ReplaceAll(strings.ReplaceAll(field(3), " ", ""), "\u00a0", ""))
		if err != nil || est < 1 {
			return nil, bad(3, msg.InclusionEstimate, field(3))
		}
		row.Estimate = est
		k := cell{strings.ToLower(row.Region), row.Period, p}
		if first, ok := seen[k]; ok {
			return nil, bad(0, msg.InclusionDuplicate, row.Region, g.Pathways[p].Name, row.Period, first)
		}
		seen[k] = line
		base.Rows = append(base.Rows, row)
	}
	if len(base.Rows) == 0 {
		return nil, fmt.Errorf(msg.InclusionNoRows, name)
	}
	return base, nil
}

// csvRecords decodes and splits a small CSV file: the BOM dropped, text
// that is not UTF-8 read as Windows-1252 (Excel's "CSV" on Swedish
// Windows), the separator the header's most frequent of ; , and tab.
func csvRecords(data []byte) ([][]string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		data = cp1252.AppendDecoded(nil, data)
	}
	head := data
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	sep := ';'
	for _, s := range []rune{',', '\t'} {
		if bytes.Count(head, []byte(string(s))) > bytes.Count(head, []byte(string(sep))) {
			sep = s
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
	var out [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
}

// xlsxRecords reads the first sheet of a workbook as text.
func xlsxRecords(data []byte) (out [][]string, err error) {
	defer func() {
		// The reader parses untrusted input; a panic in it is the
		// file's fault, reported as an error (as the episode reader
		// does).
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("xlsx: %v", r)
		}
	}()
	return workbook.Records(data)
}

// Inclusion is the inclusion measure's table.
type Inclusion struct {
	Goal   int            `json:"goal"`
	Period string         `json:"period"` // year, quarter or month
	Rows   []InclusionRow `json:"rows"`
}

// InclusionRow is one region, pathway and period: the estimate (public,
// shown always), the reportable episodes and their share of the
// estimate; Reported, Share and Met are nil when the cell is hidden.
type InclusionRow struct {
	Region      string   `json:"region"`
	Pathway     string   `json:"pathway"`
	PathwayName string   `json:"pathway_name"`
	Period      string   `json:"period"`
	Estimate    int      `json:"estimate"`
	Reported    *int     `json:"reported"`
	Share       *float64 `json:"share"`
	Met         *bool    `json:"met"`
	Suppressed  bool     `json:"suppressed"`
}

// inclusionKey is a cell of the numerator.
type inclusionKey struct {
	region, period string // region lower-cased
	pathway        int
}

// inclusionPeriod is the period of a closing date in the base's form.
func inclusionPeriod(form string, d compiler.Day) string {
	return groupValue(form, nil, d)
}

// inclusionTable builds the table's rows with every figure (protectCounts
// hides what must be hidden): in the file's order.
func (a *aggregate) inclusionTable() *Inclusion {
	b := a.opts.Inclusion
	if b == nil {
		return nil
	}
	inc := &Inclusion{Goal: InclusionGoal, Period: b.Period, Rows: []InclusionRow{}}
	for _, r := range b.Rows {
		pw := a.guide.Pathways[r.Pathway]
		n := a.included[inclusionKey{strings.ToLower(r.Region), r.Period, r.Pathway}]
		row := InclusionRow{Region: r.Region, Pathway: pw.Key, PathwayName: pw.Name, Period: r.Period, Estimate: r.Estimate}
		row.Reported = &n
		inc.Rows = append(inc.Rows, row)
	}
	return inc
}

// setInclusion fills in a row's share and goal from its count, or hides
// all three.
func (row *InclusionRow) set(hidden bool) {
	if hidden {
		row.Reported, row.Share, row.Met, row.Suppressed = nil, nil, nil, true
		return
	}
	n := *row.Reported
	share := round1(100 * float64(n) / float64(row.Estimate))
	met := n*100 >= InclusionGoal*row.Estimate
	row.Share, row.Met = &share, &met
}

// months is the first and last month (year·12 + month − 1) of a period
// in the report's form ("2024", "2024-K1", "2024-03"); ok false for
// anything else ("okänd").
func months(p string) (int, int, bool) {
	norm, form, ok := periodOf(p)
	if !ok {
		return 0, 0, false
	}
	y, _ := strconv.Atoi(norm[:4])
	switch form {
	case "year":
		return y * 12, y*12 + 11, true
	case "quarter":
		q := int(norm[6] - '0')
		return y*12 + 3*(q-1), y*12 + 3*q - 1, true
	}
	m, _ := strconv.Atoi(norm[5:7])
	return y*12 + m - 1, y*12 + m - 1, true
}

// compatible: the lead times of group vals (in the dimensions by) can
// be among the episodes of row — the row's region and period do not
// contradict the group's. Lead times are dated by the closing code, as
// the rows' episodes are.
func compatible(row BaseRow, by, vals []string) bool {
	for i, d := range by {
		switch d {
		case "region":
			if !strings.EqualFold(row.Region, vals[i]) {
				return false
			}
		case "year", "quarter", "month":
			a0, a1, ok1 := months(row.Period)
			b0, b1, ok2 := months(vals[i])
			if !ok1 || !ok2 || a1 < b0 || b1 < a0 {
				return false
			}
		}
	}
	return true
}

// protectInclusion adds the inclusion cells' counts to the audit of
// counts (counts.go): each is a slot, hidden when from 1 to minCell − 1;
// a reader knows that a pathway's cells add up to at most its reportable
// episodes (exactly, when every reportable episode is in some cell: a
// reader may know that the file covers the export), and that the cells
// of a pathway that can hold a group's lead times have at least those
// lead times. It returns the slots, row by row, for showing.
//
// The estimate is shown always: it is a public figure (the
// beräkningsunderlag), not a count of patients, and no relation ties it
// to the count (a region may report more episodes than estimated). The
// share is the count over the estimate, so it is hidden with the count,
// and the goal's "uppfyllt" with it (it would bound the count).
func protectInclusion(ca *countAudit, a *aggregate, inc *Inclusion, rowOf map[int]int, minCell int) []int {
	if inc == nil {
		return nil
	}
	b := a.opts.Inclusion
	slots := make([]int, len(inc.Rows))
	byPathway := map[int][]int{}
	for i, row := range inc.Rows {
		slots[i] = ca.add(*row.Reported, 0)
		ca.primaryZero(minCell, slots[i])
		byPathway[b.Rows[i].Pathway] = append(byPathway[b.Rows[i].Pathway], i)
	}
	var pathways []int
	for p := range byPathway {
		pathways = append(pathways, p)
	}
	sort.Ints(pathways)
	for _, p := range pathways {
		rows := byPathway[p]
		r, ok := rowOf[p]
		if !ok {
			continue // no episode of the pathway: its cells are 0
		}
		var ss []int
		var cs []int
		for _, i := range rows {
			ss, cs = append(ss, slots[i]), append(cs, 1)
		}
		ss, cs = append(ss, r), append(cs, -1)
		if !ca.relate(ss, cs, 0, true) {
			ca.relate(ss, cs, 0, false)
		}
		// The lead times of each group of the pathway.
		for _, gk := range a.sortedGroups() {
			n := a.leads[pathwayGroup{p, gk}]
			if n == 0 {
				continue
			}
			var ss, cs []int
			for _, i := range rows {
				if compatible(b.Rows[i], a.opts.By, a.groups[gk]) {
					ss, cs = append(ss, slots[i]), append(cs, -1)
				}
			}
			if len(ss) > 0 {
				ca.relate(ss, cs, n, false)
			}
		}
	}
	return slots
}

// inclusionLeadBounds switches the inclusion rows' bounds of the
// lead-time cells on; only a test switches it off, to show that the
// proof test finds what they prevent.
var inclusionLeadBounds = true

// inclusionBounds are the inclusion cells as bounds of the lead-time
// cells (suppress.go): per pathway and group, the cells that can hold the
// group's lead times have at least as many episodes. Hidden or not, the
// counts are taken as known there (knowing more only hides more).
func (a *aggregate) inclusionBounds(p int, group string) (int, bool) {
	b := a.opts.Inclusion
	if b == nil {
		return 0, false
	}
	sum, any := 0, false
	for _, r := range b.Rows {
		if r.Pathway == p && compatible(r, a.opts.By, a.groups[group]) {
			sum += a.included[inclusionKey{strings.ToLower(r.Region), r.Period, r.Pathway}]
			any = true
		}
	}
	return sum, any
}

// inclusionText is the table as every format but json and csv shows it:
// its title, note, head and rows of text (– for a hidden figure).
type inclusionText struct {
	Title, Note string
	Head        []string
	Rows        [][]string
}

func inclusionTextOf(r *Report) *inclusionText {
	inc := r.Inclusion
	if inc == nil {
		return nil
	}
	t := &inclusionText{
		Title: fmt.Sprintf(msg.InclusionTitle, inc.Goal),
		Note:  fmt.Sprintf(msg.InclusionNote, inc.Goal, periodWord(inc.Period), r.MinCell) + " " + msg.InclusionNoteOutside,
		Head:  []string{msg.ColRegion, msg.ColPathway, msg.ColPeriod, msg.ColEstimate, msg.ColReportedSVF, msg.ColInclusionShare, fmt.Sprintf(msg.ColGoalMet, inc.Goal)},
	}
	for _, row := range inc.Rows {
		share, met := Dash, Dash
		if row.Share != nil {
			share = sv(*row.Share)
		}
		if row.Met != nil {
			met = map[bool]string{true: "ja", false: "nej"}[*row.Met]
		}
		t.Rows = append(t.Rows, []string{strings.TrimSpace(row.Region + " " + input.RegionName(row.Region)), r.labelOf(row.Pathway, row.PathwayName), row.Period,
			msg.Int(row.Estimate), countText(row.Reported), share, met})
	}
	return t
}

// hasInclusion: the beräkningsunderlag has a row of pathway p.
func (a *aggregate) hasInclusion(p int) bool {
	if a.opts.Inclusion == nil {
		return false
	}
	for _, r := range a.opts.Inclusion.Rows {
		if r.Pathway == p {
			return true
		}
	}
	return false
}
