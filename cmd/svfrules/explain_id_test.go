package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime/report"
)

// TestExplainEveryPrintedID explains, for every embedded version, every
// id eval, report and check print: every rule, national and local lead
// time, pathway key and prefix, the findings svfrules makes itself and
// the report's reasons for leaving a lead time out, and diff's change
// kinds and levels (TestExplainChangeKinds); each must exit 0,
// name the id and say the version. The ids go through explain's id path
// with the version loaded once (loading it ~800 times took two minutes);
// the whole command runs for one id of each kind.
func TestExplainEveryPrintedID(t *testing.T) {
	for _, v := range rules.Versions() {
		rs := embeddedRuleSet(v)
		if rs == nil {
			t.Fatalf("%s does not compile", v)
		}
		g := rs.guide
		ids := knownIDs(g)
		for _, p := range g.Pathways {
			ids = append(ids, p.Prefixes...)
		}
		// The report's reasons for leaving a lead time out, which its
		// json and csv print as ids.
		ids = append(ids, report.ExcludedTwoClosings, report.ExcludedCloseBefore, report.ExcludedFromCodeAbsent)
		// diff's change kinds and levels are the same in every version,
		// and their explanations name none.
		diffIDs := map[string]bool{}
		for _, id := range changeIDs() {
			diffIDs[id] = true
		}
		for _, id := range ids {
			var out, errb bytes.Buffer
			c := &cli{stdout: &out, stderr: &errb}
			code := c.explainID(explainCommand, rs, id)
			if code != exitOK || errb.Len() > 0 {
				t.Errorf("explain --guide %s %s: exit %d, stderr %q", v, id, code, errb.String())
				continue
			}
			if !strings.Contains(out.String(), id) || (!diffIDs[id] && !strings.Contains(out.String(), "kodningsvägledning "+v+" (")) {
				t.Errorf("explain --guide %s %s does not name the id and the version:\n%s", v, id, out.String())
			}
		}
		kinds := []string{g.Rules[0].ID, g.LeadTimes[0].ID, g.LocalLeadTimes[0].ID, g.Pathways[0].Key, g.Pathways[0].Prefixes[0], synthetics()[0].id}
		for _, id := range kinds {
			var out, errb bytes.Buffer
			if code := run([]string{"explain", "--guide", v, id}, nil, &out, &errb); code != exitOK || errb.Len() > 0 || !strings.Contains(out.String(), id) {
				t.Errorf("svfrules explain --guide %s %s: exit %d, stderr %q, stdout %q", v, id, code, errb.String(), out.String())
			}
		}
	}
}
