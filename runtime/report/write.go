package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
)

// Formats are the output formats of the report.
var Formats = []string{"html", "markdown", "csv", "json", "xlsx"}

// WriteOptions are the choices of a format's form.
type WriteOptions struct {
	// CSVDialect is "excel" (the default: what Swedish Excel opens) or
	// "rfc4180" (commas, English headers, for programs).
	CSVDialect string
}

// Write writes the report in format (one of Formats); o, when given,
// chooses the form.
func Write(w io.Writer, r *Report, format string, o ...WriteOptions) error {
	var opts WriteOptions
	if len(o) > 0 {
		opts = o[0]
	}
	switch format {
	case "json":
		return writeJSON(w, r)
	case "csv":
		return writeCSV(w, r, opts.CSVDialect != "rfc4180")
	case "markdown":
		return writeMarkdown(w, r)
	case "html":
		return writeHTML(w, r)
	case "xlsx":
		return writeXLSX(w, r)
	}
	return fmt.Errorf(msg.ReportFormat, format, strings.Join(Formats, ", "))
}

// writeJSON writes the report as one indented document. Suppressed
// figures are null, never left out, so every measure has the same keys.
func writeJSON(w io.Writer, r *Report) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}

func jsonQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// --- numbers for people -----------------------------------------------------

// Dash stands for a figure that is not shown because the cell is
// suppressed.
const Dash = "–"

// sv formats a one-decimal figure the Swedish way: "54,5".
func sv(x float64) string { return msg.Decimal(x) }

// hasShare: the measure has a numerator and share (its definition has a
// target). hasStats: it has a distribution (one definition, not a total).
func hasShare(m *Measure) bool { return m.Goal != nil }
func hasStats(m *Measure) bool { return m.Level == LevelLeadTime }

// figure formats a one-decimal figure: "–" when the cell is suppressed,
// blank when the measure has no such figure.
func figure(x *float64, m *Measure, applies bool) string {
	switch {
	case !applies:
		return ""
	case x == nil && m.Suppressed:
		return Dash
	case x == nil:
		return ""
	}
	return sv(*x)
}

func stat(x *float64, m *Measure) string { return figure(x, m, hasStats(m)) }

func shareText(m *Measure) string {
	s := figure(m.Share, m, hasShare(m))
	if s == "" || s == Dash {
		return s
	}
	return s + " %"
}

// nText is n, or "–" when the cell is suppressed.
func nText(m *Measure) string {
	if m.N == nil {
		return Dash
	}
	return msg.Int(*m.N)
}

func withinText(m *Measure) string {
	switch {
	case !hasShare(m):
		return ""
	case m.Within == nil:
		return Dash
	}
	return msg.Int(*m.Within)
}

func metText(m *Measure) string {
	switch {
	case !hasShare(m):
		return ""
	case m.Met == nil:
		return Dash
	case *m.Met:
		return "ja"
	}
	return "nej"
}

// targetText is a target in days, in Swedish: "1 dag", "17 dagar".
func targetText(t *int) string {
	switch {
	case t == nil:
		return "inget mål"
	case *t == 1:
		return "1 dag"
	}
	return strconv.Itoa(*t) + " dagar"
}

// reasonText names a reason for leaving lead times out, for people.
func reasonText(reason string) string {
	switch reason {
	case ExcludedTwoClosings:
		return "flera avslutskoder"
	case ExcludedCloseBefore:
		return "avslut före start"
	case ExcludedFromCodeAbsent:
		return "från-kod saknas"
	}
	return ""
}

// excludedText: "2 (1 flera avslutskoder, 1 avslut före start)", or "–"
// when the count is hidden.
func excludedText(m *Measure) string {
	switch {
	case m.Excluded == nil:
		return Dash // hidden, with its reasons
	case len(m.ExcludedBy) == 0:
		return "0"
	}
	parts := make([]string, len(m.ExcludedBy))
	for i, rc := range m.ExcludedBy {
		parts[i] = msg.Int(rc.Count) + " " + reasonText(rc.Reason)
	}
	return fmt.Sprintf("%s (%s)", countText(m.Excluded), strings.Join(parts, ", "))
}

// countText is a count, or "–" when it is hidden.
func countText(n *int) string {
	if n == nil {
		return Dash
	}
	return msg.Int(*n)
}

// measureTitle names the measure's lead time for people.
func measureTitle(m *Measure) string {
	switch m.Level {
	case LevelAll, LevelPathway:
		return "Alla ledtider med mål"
	}
	return m.LeadTimeName
}

func pathwayLabel(ps PathwaySummary) string {
	if ps.Prefix == "" {
		return ps.Name
	}
	return ps.Name + " (" + ps.Prefix + ")"
}

func findingsText(fs []FindingCount) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		// The name for people, the id for explain, the severity in
		// Swedish.
		sev := f.Severity
		if i := slices.Index(compiler.SeverityNames, sev); i >= 0 {
			sev = compiler.Severity(i).Describe()
		}
		if f.Name != "" {
			parts[i] = fmt.Sprintf("%s (%s; %s, %s)", f.Name, f.Rule, sev, msg.Int(f.Count))
		} else {
			parts[i] = fmt.Sprintf("%s (%s, %s)", f.Rule, sev, msg.Int(f.Count))
		}
	}
	return strings.Join(parts, ", ")
}

// section is a part of the human report: the all-pathways measure, or one
// pathway with its measures.
type section struct {
	title    string
	pathway  string
	summary  *PathwaySummary
	measures []*Measure
}

// sections groups the measures for people: all pathways first, then each
// pathway that has lead-time measures, in the report's order.
func sections(r *Report) []section {
	secs := []section{{title: "Alla vårdförlopp med ledtidsmål"}}
	for i := range r.Measures {
		m := &r.Measures[i]
		if m.Level == LevelAll {
			secs[0].measures = append(secs[0].measures, m)
			continue
		}
		last := &secs[len(secs)-1]
		if last.pathway != m.Pathway {
			sec := section{title: m.PathwayName, pathway: m.Pathway}
			for j := range r.Pathways {
				if r.Pathways[j].Pathway == m.Pathway {
					sec.summary = &r.Pathways[j]
					sec.title = pathwayLabel(r.Pathways[j])
				}
			}
			secs = append(secs, sec)
			last = &secs[len(secs)-1]
		}
		last.measures = append(last.measures, m)
	}
	return secs
}

// byText names the breakdown: "vårdförlopp och ledtid, region, kön".
func byText(r *Report) string {
	s := "vårdförlopp och ledtid"
	for _, d := range r.By {
		s += ", " + strings.ToLower(DimensionLabel(d))
	}
	return s
}

// introLines say what the report measures, on what, and what "–" means.
func introLines(r *Report) []string {
	in := &r.Input
	blank := ""
	if n := in.RowsBlank; n == nil || *n > 0 {
		blank = fmt.Sprintf(msg.ReportBlank, countText(n))
		if n != nil && *n == 1 {
			blank = msg.ReportBlankOne
		}
	}
	rejected := fmt.Sprintf(msg.ReportRejectedRows, countText(in.RowsRejected))
	if n := in.RowsRejected; n != nil && *n == 1 {
		rejected = msg.ReportRejectedOne
	}
	underlag := fmt.Sprintf(msg.ReportUnderlag, countText(in.RowsRead), rejected, blank, countText(in.Episodes),
		countText(in.Reportable), countText(in.WithErrors))
	switch n := in.Incomplete; {
	case n != nil && *n == 1:
		underlag += msg.ReportIncompleteOne
	case n == nil || *n > 0:
		underlag += fmt.Sprintf(msg.ReportIncomplete, countText(n))
	}
	return []string{
		fmt.Sprintf("Kodningsvägledning %s (%s).", r.Guide, r.GuideDate),
		fmt.Sprintf("Mått: andelen rapporterbara förlopp vars ledtid är högst målet, mot målnivån %d %%. Ledtiden räknas i kalenderdagar från ledtidens startkod (VXX10) till avslutskoden; perioden är avslutskodens datum.", r.Goal),
		"Indelning: " + byText(r) + ".",
		coverageText(r),
		underlag,
		SuppressedLegend(r.MinCell),
	}
}

// SuppressedLegend explains the dash of a suppressed cell or count.
func SuppressedLegend(minCell int) string {
	return fmt.Sprintf(suppressedLegend, Dash, minCell)
}

// suppressedLegend is the legend of "–" (Dash, min-cell): a lead-time
// cell with fewer lead times, any other count under the limit, or either
// hidden to protect another.
const suppressedLegend = "%s visas inte: cellen har färre än %d ledtider eller antalet är så litet (småtal), eller så är det dolt så att ett småtal inte kan räknas fram ur det som visas. En dold cell visar inte heller n."

// methodLines say how the figures are computed.
func methodLines(r *Report) []string {
	return []string{
		"Medelvärde och standardavvikelse (stickprov, n − 1) i dagar; 10:e percentil, median och 90:e percentil med linjär interpolation mellan närmaste rang (typ 7, som Excels PERCENTIL.INK och MEDIAN). Alla tal avrundas till en decimal; om målet är nått avgörs på antalen.",
		"Undantagna: förlopp med fel som gör ledtiden otillförlitlig räknas inte i n utan redovisas för sig: flera avslutskoder (regeln flera_avslutskoder) och avslutskoden daterad före startkoden (regeln avslut_fore_start).",
		"Alla ledtider med mål: summan av vårdförloppets ledtider som har mål. Dagar från ledtider med olika mål slås inte ihop till en fördelning. En ledtid utan mål (inget mål) visar fördelningen men ingen andel.",
	}
}

// coverageText says for how many pathways the rules have lead times,
// which, and that the others are only in the pathway table. It names no
// pathway by whether the input holds it.
func coverageText(r *Report) string {
	c := &r.Coverage
	if len(c.WithLeadTimes) == 0 {
		return fmt.Sprintf(msg.ReportCoverageNone, c.Pathways)
	}
	s := fmt.Sprintf(msg.ReportCoverage, len(c.WithLeadTimes), c.Pathways, nameList(c, c.WithLeadTimes))
	if len(c.Without) > 0 {
		s += fmt.Sprintf(msg.ReportCoverageWithout, len(c.Without))
	}
	return s
}

// nameList is the pathways' names joined as Swedish writes a list:
// "A, B och C".
func nameList(c *Coverage, keys []string) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k
		if n := c.names[k]; n != "" {
			names[i] = n
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + msg.ReportAnd + names[len(names)-1]
}
