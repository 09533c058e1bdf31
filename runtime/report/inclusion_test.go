package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

func TestReadInclusionBase(t *testing.T) {
	g := program(t).Guide
	win, _ := charmap.Windows1252.NewEncoder().String("Region;Vårdförlopp;Period;Beräknat antal\r\n1;Livmoderkroppscancer;2024-K1;20\r\n")
	tests := []struct {
		name, data string
		want       string // rows as region/pathway/period/estimate, or the error
	}{
		{"bom and semicolons", "\ufeffregion;vårdförlopp;period;beräknat antal\n01;livmoderkroppscancer;2024-K1;20\n;;;\nRegion Uppsala;VH3;2024-k2;1 200\n",
			"01/livmoderkroppscancer/2024-K1/20 03/livmoderkroppscancer/2024-K2/1200 quarter"},
		{"windows-1252 from Excel", win, "01/livmoderkroppscancer/2024-K1/20 quarter"},
		{"commas, extra column, pathway by name", "enhet,region,vårdförlopp,period,beräknat antal\nx,Stockholm,Hjärntumörer,2024,12\n",
			"01/hjarntumorer/2024/12 year"},
		{"months", "region;vårdförlopp;period;beräknat antal\n25;VL2;2024-03;4\n", "25/hjarntumorer/2024-03/4 month"},
		{"missing column", "region;förlopp;period;beräknat antal\n", `b.csv:1: kolumnen "vårdförlopp" saknas (rubrikerna är "region", "förlopp", "period", "beräknat antal"); skriv region;vårdförlopp;period;beräknat antal.`},
		{"empty file", "", "b.csv: filen är tom; första raden ska vara rubrikerna region;vårdförlopp;period;beräknat antal."},
		{"no rows", "region;vårdförlopp;period;beräknat antal\n", "b.csv: beräkningsunderlaget har inga rader under rubrikerna."},
		{"unknown region", "region;vårdförlopp;period;beräknat antal\n02;VL2;2024;4\n", `b.csv:2: region: "02" är ingen region; skriv regionens kod (01 Stockholm … 25 Norrbotten, 1 läses som 01) eller namn (Region Stockholm)`},
		{"unknown pathway", "region;vårdförlopp;period;beräknat antal\n01;VX9;2024;4\n", `b.csv:2: vårdförlopp: "VX9" är inget vårdförlopp i dessa regler; skriv förloppets namn, nyckel eller prefix (till exempel VL2)`},
		{"bad period", "region;vårdförlopp;period;beräknat antal\n01;VL2;24;4\n", `b.csv:2: period: "24" är ingen period; skriv år (2024), kvartal (2024-K1) eller månad (2024-03)`},
		{"mixed periods", "region;vårdförlopp;period;beräknat antal\n01;VL2;2024;4\n03;VL2;2024-K1;4\n", "b.csv:3: period: perioderna ska vara av ett slag i hela filen: de första är år, den här kvartal"},
		{"bad estimate", "region;vårdförlopp;period;beräknat antal\n01;VL2;2024;0\n", `b.csv:2: beräknat antal: "0" är inget antal; skriv ett heltal större än 0`},
		{"empty field", "region;vårdförlopp;period;beräknat antal\n01;VL2;;4\n", "b.csv:2: period: tomt; fyll i ett värde eller ta bort raden"},
		{"duplicate", "region;vårdförlopp;period;beräknat antal\n01;VL2;2024;4\nStockholm;hjarntumorer;2024;5\n", "b.csv:3: region: 01, Hjärntumörer, 2024 finns redan på rad 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := ReadInclusionBase("b.csv", []byte(tt.data), g)
			var got string
			if err != nil {
				got = err.Error()
			} else {
				var parts []string
				for _, r := range b.Rows {
					parts = append(parts, fmt.Sprintf("%s/%s/%s/%d", r.Region, g.Pathways[r.Pathway].Key, r.Period, r.Estimate))
				}
				got = strings.Join(append(parts, b.Period), " ")
			}
			if got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	// A workbook: its first sheet.
	f := excelize.NewFile()
	for i, row := range [][]any{{"Region", "Vårdförlopp", "Period", "Beräknat antal"}, {"01", "VH3", "2024-K1", 20}} {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	b, err := ReadInclusionBase("b.xlsx", buf.Bytes(), g)
	if err != nil || len(b.Rows) != 1 || b.Rows[0].Region != "01" || b.Rows[0].Estimate != 20 || b.Rows[0].Period != "2024-K1" {
		t.Errorf("xlsx: %+v, %v", b, err)
	}
}

// inclusionData: Stockholm (01) endometrial cancer 14 reportable episodes
// closed in 2024-K1 and 6 in 2024-K2, Uppsala (03) 3 in 2024-K1, five
// Stockholm episodes without a closing code (not reportable: one would
// be a small count, 24 episodes less 23 reportable), Stockholm
// brain tumours 7 in 2024-K1 and Uppsala 1 that no row of the base has.
func inclusionData() string {
	var eps []episode
	add := func(n int, region, pre, closing string, days int) {
		for i := 0; i < n; i++ {
			e := closed(fmt.Sprintf("%s%s-%d-%d", pre, region, days, i), pre, closing, days+i)
			e.region = region
			eps = append(eps, e)
		}
	}
	add(14, "01", "VH3", "50", 20) // closed 2024-01-30 …
	add(6, "01", "VH3", "50", 90)  // closed 2024-04-09 …
	add(3, "03", "VH3", "50", 30)
	for i := 0; i < 5; i++ {
		eps = append(eps, episode{id: fmt.Sprintf("open%d", i), region: "01", county: "01", sex: "K", age: "67", codes: []codeAt{{"VH310", 0}}})
	}
	add(7, "01", "VL2", "54", 30)
	add(1, "03", "VL2", "54", 30)
	return csvOf(eps)
}

const inclusionBaseText = "region;vårdförlopp;period;beräknat antal\nStockholm;Livmoderkroppscancer;2024-K1;20\n1;VH3;2024-K2;10\nRegion Uppsala;livmoderkroppscancer;2024-K1;8\nStockholm;VL2;2024-K1;12\n"

// TestInclusionMeasure asserts the measure on a constructed data set in
// every format: Uppsala's 3 is hidden (primary). Stockholm's 6 in K2 is
// shown: the pathway table lists every pathway of the guide and hides
// its empty rows like small ones, and the audit of counts then hides
// endometrial cancer's row, so its 23 reportable episodes no longer give
// 23 − 14 − 6 = 3. The brain tumours' 7 is shown, as the
// pathway's 8 includes one episode outside the base. The attacker pins
// nothing.
func TestInclusionMeasure(t *testing.T) {
	p := program(t)
	base, err := ReadInclusionBase("b.csv", []byte(inclusionBaseText), p.Guide)
	if err != nil {
		t.Fatal(err)
	}
	r := build(t, inclusionData(), Options{MinCell: DefaultMinCell, Inclusion: base})
	var got []string
	for _, row := range r.Inclusion.Rows {
		got = append(got, fmt.Sprintf("%s %s %s est=%d n=%s share=%v met=%v hidden=%v", row.Region, row.Pathway, row.Period, row.Estimate,
			countText(row.Reported), deref(row.Share), derefB(row.Met), row.Suppressed))
	}
	diffLines(t, got, []string{
		"01 livmoderkroppscancer 2024-K1 est=20 n=14 share=70 met=true hidden=false",
		"01 livmoderkroppscancer 2024-K2 est=10 n=6 share=60 met=false hidden=false",
		"03 livmoderkroppscancer 2024-K1 est=8 n=– share=<nil> met=<nil> hidden=true",
		"01 hjarntumorer 2024-K1 est=12 n=7 share=58.3 met=false hidden=false",
	})
	for _, ps := range r.Pathways {
		if ps.Pathway == "livmoderkroppscancer" && ps.Reportable != nil {
			t.Errorf("%s: reportable %d shown beside the inclusion rows 14 and 6 (and Uppsala's hidden 3)", ps.Pathway, *ps.Reportable)
		}
	}
	truth := build(t, inclusionData(), Options{MinCell: 1, Inclusion: base})
	if leaks, pub, tn, tw := attackReport(t, r, truth); len(leaks) > 0 {
		t.Errorf("pinned down: %s", describeLeaks(pub, tn, tw, leaks))
	}

	md := render(t, r, "markdown")
	for _, want := range []string{
		"## Inklusion i SVF (mål 70 %)\n",
		"| Region | Vårdförlopp | Period | Beräknat antal | Rapporterade SVF | Andel (%) | 70 % nått |\n|---|---|---|--:|--:|--:|:-:|\n" +
			"| 01 Stockholm | Livmoderkroppscancer (VH3) | 2024-K1 | 20 | 14 | 70,0 | ja |\n" +
			"| 01 Stockholm | Livmoderkroppscancer (VH3) | 2024-K2 | 10 | 6 | 60,0 | nej |\n" +
			"| 03 Uppsala | Livmoderkroppscancer (VH3) | 2024-K1 | 8 | – | – | – |\n" +
			"| 01 Stockholm | Hjärntumörer (VL2) | 2024-K1 | 12 | 7 | 58,3 | nej |\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	html := render(t, r, "html")
	for _, want := range []string{
		"<h2>Inklusion i SVF (mål 70 %)</h2>",
		`<tr><td>01 Stockholm</td><td>Livmoderkroppscancer (VH3)</td><td>2024-K1</td><td class="num">20</td><td class="num">14</td><td class="num">70,0</td><td class="num">ja</td></tr>`,
		`<tr><td>01 Stockholm</td><td>Livmoderkroppscancer (VH3)</td><td>2024-K2</td><td class="num">10</td><td class="num">6</td><td class="num">60,0</td><td class="num">nej</td></tr>`,
		`<tr><td>03 Uppsala</td><td>Livmoderkroppscancer (VH3)</td><td>2024-K1</td><td class="num">8</td><td class="num">–</td><td class="num">–</td><td class="num">–</td></tr>`,
		`<tr><td>01 Stockholm</td><td>Hjärntumörer (VL2)</td><td>2024-K1</td><td class="num">12</td><td class="num">7</td><td class="num">58,3</td><td class="num">nej</td></tr>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	csvText := render(t, r, "csv")
	var inc []string
	for _, l := range strings.Split(csvText, "\n") {
		if strings.HasPrefix(l, "inclusion,") || strings.HasPrefix(l, "level,") {
			inc = append(inc, strings.TrimSuffix(l, "\r"))
		}
	}
	diffLines(t, inc, []string{
		"level,pathway,pathway_name,leadtime,leadtime_name,target,n,within,share,goal,met,mean,sd,p10,median,p90,excluded,excluded_by,suppressed,inclusion_region,inclusion_period,estimate",
		"inclusion,livmoderkroppscancer,Livmoderkroppscancer,,,,14,,70.0,70,true,,,,,,,,false,01,2024-K1,20",
		"inclusion,livmoderkroppscancer,Livmoderkroppscancer,,,,6,,60.0,70,false,,,,,,,,false,01,2024-K2,10",
		"inclusion,livmoderkroppscancer,Livmoderkroppscancer,,,,,,,70,,,,,,,,,true,03,2024-K1,8",
		"inclusion,hjarntumorer,Hjärntumörer,,,,7,,58.3,70,false,,,,,,,,false,01,2024-K1,12",
	})
	var js struct {
		Inclusion Inclusion `json:"inclusion"`
	}
	if err := json.Unmarshal([]byte(render(t, r, "json")), &js); err != nil {
		t.Fatal(err)
	}
	if js.Inclusion.Goal != 70 || js.Inclusion.Period != "quarter" || len(js.Inclusion.Rows) != 4 ||
		*js.Inclusion.Rows[0].Reported != 14 || js.Inclusion.Rows[1].Reported == nil || *js.Inclusion.Rows[1].Reported != 6 ||
		js.Inclusion.Rows[2].Reported != nil || *js.Inclusion.Rows[3].Share != 58.3 {
		t.Errorf("json: %+v", js.Inclusion)
	}
	f, err := excelize.OpenReader(strings.NewReader(render(t, r, "xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Inklusion", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if !equalRows(rows, [][]string{
		{"Region", "Vårdförlopp", "Period", "Beräknat antal", "Rapporterade SVF", "Andel (%)", "70 % nått"},
		{"01 Stockholm", "Livmoderkroppscancer (VH3)", "2024-K1", "20", "14", "70", "ja"},
		{"01 Stockholm", "Livmoderkroppscancer (VH3)", "2024-K2", "10", "6", "60", "nej"},
		{"03 Uppsala", "Livmoderkroppscancer (VH3)", "2024-K1", "8", "–", "–", "–"},
		{"01 Stockholm", "Hjärntumörer (VL2)", "2024-K1", "12", "7", "58.3", "nej"},
	}) {
		t.Errorf("xlsx sheet Inklusion: %q", rows)
	}

	// Without the base nothing changes: no table, no json key.
	plain := build(t, inclusionData(), Options{MinCell: DefaultMinCell})
	if plain.Inclusion != nil || strings.Contains(render(t, plain, "json"), "inclusion") || strings.Contains(render(t, plain, "markdown"), "Inklusion") {
		t.Error("a report without --inclusion-base shows the inclusion measure")
	}
}

func deref(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}

func derefB(x *bool) any {
	if x == nil {
		return nil
	}
	return *x
}

// withInclusion adds the inclusion measure to a random table: per
// pathway and region the reportable episodes split between two
// quarters, its episodes without a lead time in a row or in none.
func withInclusion(t tableSpec, rng *rand.Rand) tableSpec {
	t.incK1, t.slackOut = nil, nil
	for p := range t.pathways {
		var k1 []int
		out := rng.Intn(2) == 0
		for gi := 0; gi < t.groups; gi++ {
			total := t.regionTotal(p, gi)
			if gi == 0 && !out {
				total += t.slack[p]
			}
			k1 = append(k1, rng.Intn(total+1))
		}
		t.incK1, t.slackOut = append(t.incK1, k1), append(t.slackOut, out)
	}
	return t
}

// TestInclusionProof: the attacker of TestSuppressionProof, told the
// inclusion rows and their relations to the pathway table and the
// lead-time cells, pins down no hidden figure, and no row shows a count
// under min-cell.
func TestInclusionProof(t *testing.T) {
	rng := rand.New(rand.NewSource(13))
	hidden := 0
	for i := 0; i < proofTables/2; i++ {
		tb := withInclusion(randomTable(rng), rng)
		pub, tn, tw, _, _, _ := publish(tb)
		if pub.inclusion == nil {
			t.Fatal("no inclusion table")
		}
		for _, row := range pub.inclusion.Rows {
			if row.Reported == nil {
				hidden++
				if row.Share != nil || row.Met != nil || !row.Suppressed {
					t.Fatalf("table %d: a hidden row shows its share: %+v", i, row)
				}
			} else if *row.Reported >= 1 && *row.Reported < tb.minCell {
				t.Fatalf("table %d (%v): an inclusion row shows %d", i, tb, *row.Reported)
			}
		}
		leaks, err := attack(pub, tn, tw)
		if err != nil {
			t.Fatalf("table %d (%v): %v", i, tb, err)
		}
		if len(leaks) > 0 {
			t.Fatalf("table %d (%v): the attacker pins down %s", i, tb, describeLeaks(pub, tn, tw, leaks))
		}
	}
	if hidden == 0 {
		t.Fatal("no inclusion row hidden: the test proves nothing")
	}
	t.Logf("%d tables, %d inclusion rows hidden, nothing pinned", proofTables/2, hidden)
}

// TestInclusionProofFailsWithoutAudit: with the rows only hidden when
// small (no audit), the attacker pins some down — from the pathway
// table's reportable episodes.
func TestInclusionProofFailsWithoutAudit(t *testing.T) {
	auditCounts = false
	defer func() { auditCounts = true }()
	rng := rand.New(rand.NewSource(13))
	pinned := 0
	for i := 0; i < proofTables/10; i++ {
		tb := withInclusion(randomTable(rng), rng)
		pub, tn, tw, _, _, _ := publish(tb)
		leaks, err := attack(pub, tn, tw)
		if err != nil {
			t.Fatalf("table %d (%v): %v", i, tb, err)
		}
		for _, l := range leaks {
			if strings.HasPrefix(l.what, "inclusion ") {
				pinned++
			}
		}
	}
	if pinned == 0 {
		t.Error("without the audit the attacker pins no inclusion row")
	}
	t.Logf("without the audit: %d inclusion rows pinned", pinned)
}

// TestInclusionProofFailsWithoutLeadBounds: when the audit of the
// lead-time cells (suppress.go) does not take the inclusion rows as
// bounds of each region's and period's lead times, the attacker pins
// down hidden lead-time cells through them.
func TestInclusionProofFailsWithoutLeadBounds(t *testing.T) {
	inclusionLeadBounds = false
	defer func() { inclusionLeadBounds = true }()
	rng := rand.New(rand.NewSource(13))
	pinned := 0
	for i := 0; i < proofTables/5; i++ {
		tb := withInclusion(randomTable(rng), rng)
		pub, tn, tw, _, _, _ := publish(tb)
		leaks, err := attack(pub, tn, tw)
		if err != nil {
			t.Fatalf("table %d (%v): %v", i, tb, err)
		}
		for _, l := range leaks {
			if l.measure >= 0 {
				pinned++
			}
		}
	}
	if pinned == 0 {
		t.Error("without the inclusion bounds the attacker pins no lead-time cell")
	}
	t.Logf("without the inclusion bounds: %d lead-time figures pinned", pinned)
}
