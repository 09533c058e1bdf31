package runtime

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
)

// TestResult is the outcome of one test case of the rule files.
type TestResult struct {
	Test     *compiler.Test
	Pass     bool
	Failures []string // one line per unmet expectation: expected vs actual
}

// RunTests runs the guide's test cases whose id matches run (nil: all).
func RunTests(p *compiler.Program, run *regexp.Regexp) []TestResult {
	ev := NewEvaluator(p)
	var out []TestResult
	var res Result
	for _, t := range p.Guide.Tests {
		if run != nil && !run.MatchString(t.ID) {
			continue
		}
		tr := TestResult{Test: t}
		ep, err := testEpisode(p, t)
		if err != nil {
			tr.Failures = append(tr.Failures, err.Error())
		} else {
			ev.Evaluate(ep, &res)
			tr.Failures = checkExpectations(t, &res)
		}
		tr.Pass = len(tr.Failures) == 0
		out = append(out, tr)
	}
	return out
}

// testEpisode builds the episode a test case describes.
func testEpisode(p *compiler.Program, t *compiler.Test) (*compiler.Episode, error) {
	ep := &compiler.Episode{}
	for _, a := range t.Attrs {
		switch a.Name {
		case "age":
			ep.Age, ep.HasAge = a.Number, true
		case "sex":
			ep.Sex = a.Value
		case "county":
			ep.County = a.Value
		case "region":
			ep.Region = a.Value
		case "referring_region":
			ep.ReferringRegion = a.Value
		case "diagnosis":
			ep.Diagnosis = a.Value
		case "intent":
			ep.Intent = a.Value
		}
	}
	for _, e := range t.Events {
		id, ok := p.CodeOf(e.Code)
		if !ok {
			return nil, fmt.Errorf(msg.TestNotACode, e.Pos, e.Code)
		}
		day, _ := compiler.ParseDay(e.Date) // checked by the compiler
		ep.Events = append(ep.Events, compiler.Event{Code: id, Date: day})
	}
	return ep, nil
}

func checkExpectations(t *compiler.Test, res *Result) []string {
	var fails []string
	fail := func(x compiler.Expectation, format string, args ...any) {
		fails = append(fails, fmt.Sprintf("%s: %s: %s", x.Pos, x.Line, fmt.Sprintf(format, args...)))
	}
	for _, x := range t.Expect {
		switch x.Kind {
		case compiler.ExpectFindings:
			// dubblettrad is svfrules' own notice, not a rule of the
			// files, which a test case could not name: a case with an
			// event twice shows how the rules count it.
			got := slices.DeleteFunc(res.SortedRuleIDs(), func(id string) bool { return id == DuplicateRule.ID })
			if strings.Join(got, ",") != strings.Join(x.IDs, ",") {
				fail(x, msg.TestWantFindings, strings.Join(x.IDs, ", "), strings.Join(got, ", "))
			}
		case compiler.ExpectLeadTime:
			lt := findLeadTime(res, x.ID)
			switch {
			case lt == nil:
				fail(x, msg.TestWantLeadTimeNone, x.ID, x.Days, leadTimeList(res))
			case lt.Days != x.Days:
				fail(x, msg.TestWantLeadTimeDays, x.ID, x.Days, lt.Days)
			}
		case compiler.ExpectNoLeadTime:
			if lt := findLeadTime(res, x.ID); lt != nil {
				fail(x, msg.TestWantNoLeadTime, x.ID, lt.Days)
			}
		case compiler.ExpectNoLeadTimes:
			if len(res.LeadTimes)+len(res.LocalLeadTimes) > 0 {
				fail(x, msg.TestWantNoLeadTimes, leadTimeList(res))
			}
		case compiler.ExpectReportable:
			if res.Reportable != x.Bool {
				fail(x, msg.TestWantReportable, reportable(x.Bool), reportable(res.Reportable))
			}
		case compiler.ExpectReportedAs:
			if res.ReportedAs != x.ID {
				got := res.ReportedAs
				if got == "" {
					got = msg.TestNotReported
				}
				fail(x, msg.TestWantReportedAs, x.ID, got)
			}
		}
	}
	return fails
}

// findLeadTime finds lead time id, national or local, in res.
func findLeadTime(res *Result, id string) *LeadTime {
	for _, lts := range [][]LeadTime{res.LeadTimes, res.LocalLeadTimes} {
		for i := range lts {
			if lts[i].Def.ID == id {
				return &lts[i]
			}
		}
	}
	return nil
}

func leadTimeList(res *Result) string {
	if len(res.LeadTimes)+len(res.LocalLeadTimes) == 0 {
		return msg.TestNoLeadTimes
	}
	var parts []string
	for _, lt := range res.LeadTimes {
		parts = append(parts, fmt.Sprintf(msg.TestLeadTimeDays, lt.Def.ID, lt.Days))
	}
	for _, lt := range res.LocalLeadTimes {
		parts = append(parts, fmt.Sprintf(msg.TestLocalLeadTimeDays, lt.Def.ID, lt.Days))
	}
	return strings.Join(parts, ", ")
}

// reportable words whether an episode is reported, for a failure.
func reportable(b bool) string {
	if b {
		return msg.TestReportable
	}
	return msg.TestUnreportable
}
