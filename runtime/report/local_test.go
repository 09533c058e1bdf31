package report

import (
	"encoding/json"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime"
	"github.com/rcc/svfrules/runtime/input"
)

// localEpisodes: six brain-tumour episodes whose referral is received 1
// or 2 days after välgrundad misstanke (VL210 → VL215, recommended 1 day),
// one of them still open, and one with VL215 before VL210 (no lead time).
func localEpisodes() []episode {
	var eps []episode
	for i, d := range []int{1, 1, 1, 2, 2} {
		e := closed(string(rune('A'+i)), "VL2", "73", 30)
		e.codes = append(e.codes, codeAt{"VL215", d})
		eps = append(eps, e)
	}
	eps = append(eps, episode{id: "F", region: "01", county: "01", sex: "K", age: "60",
		codes: []codeAt{{"VL210", 0}, {"VL215", 1}}})
	eps = append(eps, episode{id: "G", region: "01", county: "01", sex: "K", age: "60",
		codes: []codeAt{{"VL215", 0}, {"VL210", 3}, {"VL273", 30}}})
	return eps
}

// TestLocalLeadTimes: the local section counts every episode with the
// lead time, open ones too, never a negative time, with the share within
// the recommended time and no goal; a definition under the limit shows
// nothing.
func TestLocalLeadTimes(t *testing.T) {
	r := build(t, csvOf(localEpisodes()), Options{MinCell: 5})
	var got []string
	for _, m := range r.LocalMeasures {
		got = append(got, line(m))
	}
	// Every local definition has a row, also those no episode has
	// (hidden: n 0 is under the limit), of endometrial cancer too, which
	// the export does not hold.
	want := []string{
		"leadtime hjarntumorer hjarn_vgm_till_remiss_mottagen: n=6 within=4 share=66.7 met=- mean=1.3 sd=0.5 p10=1.0 median=1.0 p90=2.0 excluded=0",
		"leadtime hjarntumorer hjarn_besok_till_mdk: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0 suppressed",
		"leadtime hjarntumorer hjarn_mdk_till_operation_hog: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0 suppressed",
		"leadtime hjarntumorer hjarn_mdk_till_operation_lag: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0 suppressed",
		"leadtime hjarntumorer hjarn_operation_till_beslut: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0 suppressed",
		"leadtime livmoderkroppscancer livkropp_vgm_till_pad_besked: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0 suppressed",
		"leadtime livmoderkroppscancer livkropp_pad_besked_till_remissgranskning: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0 suppressed",
		"leadtime livmoderkroppscancer livkropp_remissgranskning_till_beslut: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0 suppressed",
		"leadtime livmoderkroppscancer livkropp_beslut_till_kirurgi: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0 suppressed",
		"leadtime livmoderkroppscancer livkropp_beslut_till_stral_lakemedel: n=- within=- share=- met=- mean=- sd=- p10=- median=- p90=- excluded=0 suppressed",
	}
	diffLines(t, got, want)
	if len(r.LocalDefinitions) != 10 {
		t.Errorf("%d local definitions, want the 10 of rules/10.6", len(r.LocalDefinitions))
	}
	if d := r.LocalDefinitions[0]; d.LeadTime != "hjarn_vgm_till_remiss_mottagen" || d.From != "XX10" || strings.Join(d.To, ",") != "första XX15" {
		t.Errorf("first local definition %+v", d)
	}
	for _, m := range r.LocalMeasures {
		if m.Goal != nil || m.Met != nil {
			t.Errorf("local measure %s has a goal", m.LeadTime)
		}
	}
	// Under the limit: no figure, not even n.
	r = build(t, csvOf(localEpisodes()), Options{MinCell: 7})
	if len(r.LocalMeasures) != 10 {
		t.Errorf("with limit 7: %d local measures, want all 10", len(r.LocalMeasures))
	}
	for _, m := range r.LocalMeasures {
		if !m.Suppressed || m.N != nil || m.Within != nil || m.Share != nil || m.Mean != nil {
			t.Errorf("with limit 7: %s, want suppressed without figures", line(m))
		}
	}
}

// TestLocalLeadTimesLeaveTheNationalMeasure: the example export's report
// with the local lead times and without them (the same rules, their
// LocalLeadTimes removed) has the same national definitions, measures,
// pathway summaries and input counts, in every format once the local
// parts are taken out; the local section is not empty.
func TestLocalLeadTimesLeaveTheNationalMeasure(t *testing.T) {
	data, err := os.ReadFile("../../testdata/episodes/example.csv")
	if err != nil {
		t.Fatal(err)
	}
	g, diags, _ := compiler.Load(rules.FS(), rules.Latest(), "rules/"+rules.Latest())
	if g == nil {
		t.Fatalf("embedded rules do not compile: %v", diags)
	}
	run := func(p *compiler.Program) *Report {
		in := input.Input{Name: "example.csv", Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(string(data))), nil }}
		c := NewCollector(p, Options{MinCell: DefaultMinCell, By: []string{"region"}})
		sum, err := runtime.Run(p, []input.Input{in}, input.Options{}, 2, c, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		return c.Report(sum)
	}
	with := run(compiler.Compile(g))
	g.LocalLeadTimes = nil
	without := run(compiler.Compile(g))
	if len(with.LocalMeasures) == 0 || len(without.LocalMeasures) != 0 {
		t.Fatalf("local measures: %d with, %d without", len(with.LocalMeasures), len(without.LocalMeasures))
	}
	national := func(r *Report) *Report {
		c := *r
		c.LocalDefinitions, c.LocalMeasures = nil, nil
		return &c
	}
	if !reflect.DeepEqual(national(with), national(without)) {
		t.Fatal("the national part of the report differs with the local lead times")
	}
	for _, format := range []string{"csv", "markdown", "html", "json"} {
		w, wo := render(t, with, format), render(t, without, format)
		var stripped string
		switch format {
		case "csv": // the local rows come last
			var keep []string
			for _, l := range strings.Split(w, "\n") {
				if !strings.HasPrefix(l, localLevel+",") {
					keep = append(keep, l)
				}
			}
			stripped = strings.Join(keep, "\n")
		case "markdown": // the local section comes last
			i := strings.Index(w, "\n## "+localTitle)
			if i < 0 {
				t.Fatalf("markdown has no local section")
			}
			stripped = w[:i]
		case "html": // the local section is one <section> before the definitions
			i := strings.Index(w, "<section>\n<h2>"+localTitle)
			j := strings.Index(w[max(i, 0):], "</section>\n")
			if i < 0 || j < 0 {
				t.Fatalf("html has no local section")
			}
			stripped = w[:i] + w[i+j+len("</section>\n"):]
		case "json":
			var a, b map[string]any
			if err := json.Unmarshal([]byte(w), &a); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(wo), &b); err != nil {
				t.Fatal(err)
			}
			if len(a["local_measures"].([]any)) == 0 {
				t.Errorf("json has no local measures")
			}
			delete(a, "local_definitions")
			delete(a, "local_measures")
			delete(b, "local_definitions")
			delete(b, "local_measures")
			if !reflect.DeepEqual(a, b) {
				t.Errorf("json: the national part differs")
			}
			continue
		}
		if stripped != wo && !(format == "markdown" && stripped+"\n" == wo) {
			t.Errorf("%s: without its local part the report is not the one without local lead times", format)
		}
	}
}
