package impact

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/compiler/changes"
	"github.com/rcc/svfrules/rules"
	"github.com/rcc/svfrules/runtime/input"
)

// modified10_6 is guide 10.6 with four changes, each with a different
// effect on episodes:
//   - the rule vl260_kraver_vl244 removed (and the test that expects it
//     reworded): VL260 without VL244 loses an error;
//   - VN859 no longer allowed: VN8 episodes closed with VN859 gain
//     kod_ej_tillaten;
//   - livkropp_kirurgi's target shortened from 32 to 25 days;
//   - code 78 made voluntary: an episode closed with 78 is no longer
//     reportable.
func modified10_6(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	edits := map[string][][2]string{
		"regler.svf":      {{"rule vl260_kraver_vl244 \"VL260 kräver VL244\" {", ""}},
		"tester.svf":      {{"expect findings vl260_kraver_vl244", "expect no findings"}},
		"behandling.svf":  {{"    myeloproliferativ_neoplasia  x # guiden", "    myeloproliferativ_neoplasia  - # guiden"}},
		"ledtider.svf":    {{"target 32 days", "target 25 days"}},
		"annan_orsak.svf": {{"code 78 \"Misstanke om cancer avskrivs\" {\n  kind other_reason", "code 78 \"Misstanke om cancer avskrivs\" {\n  kind voluntary"}},
	}
	entries, err := fs.ReadDir(rules.FS(), "10.6")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := fs.ReadFile(rules.FS(), "10.6/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for _, ed := range edits[e.Name()] {
			if strings.Count(s, ed[0]) != 1 {
				t.Fatalf("%s: %q is not there exactly once; 10.6 changed, adjust the test", e.Name(), ed[0])
			}
			if ed[1] == "" { // remove the whole block
				i := strings.Index(s, ed[0])
				j := i + strings.Index(s[i:], "\n}\n") + 3
				s = s[:i] + s[j:]
				continue
			}
			s = strings.Replace(s, ed[0], ed[1], 1)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

func TestEvaluate(t *testing.T) {
	from, diags, _ := compiler.Load(rules.FS(), "10.6", "rules/10.6")
	if from == nil {
		t.Fatal(diags)
	}
	to, diags, _ := compiler.Load(modified10_6(t), ".", "mod")
	if to == nil {
		t.Fatal(diags)
	}
	cs := changes.Compare(from, to)
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID+" "+c.Code+c.Subject)
	}
	wantIDs := []string{
		"code-kind-changed VXX78",
		"rule-removed VL260vl260_kraver_vl244",
		"leadtime-target-changed livkropp_kirurgi",
		"cell-disallowed VN859",
		"test-changed vl260_utan_vl244_fel",
	}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Fatalf("changes:\n%s\nwant\n%s", strings.Join(ids, "\n"), strings.Join(wantIDs, "\n"))
	}
	// The same rows with the second row of D03 moved to the end, after
	// 600 unaffected episodes: the evaluator streams the first batch
	// (with D03's first row only), finds D03 again, and starts over
	// grouping the whole input. The result must not change.
	data, err := os.ReadFile("testdata/episodes.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	var filler []string
	for i := 0; i < 600; i++ {
		filler = append(filler, fmt.Sprintf("F%03d;01;60;K;01;VG910;2024-01-01\n", i), fmt.Sprintf("F%03d;01;60;K;01;VG950;2024-01-20\n", i))
	}
	moved := append(append(append(append([]string{}, lines[:7]...), filler...), lines[8:]...), lines[7])
	shuffled := t.TempDir() + "/episodes.csv"
	if err := os.WriteFile(shuffled, []byte(strings.Join(moved, "")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path    string
		workers int
		extra   int      // episodes added
		rows    []string // the file's lines
	}{{"testdata/episodes.csv", 1, 0, lines}, {"testdata/episodes.csv", 2, 0, lines}, {"testdata/episodes.csv", 4, 0, lines}, {shuffled, 2, 600, moved}} {
		in, cleanup, err := input.FileInput(tc.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer cleanup()
		workers := tc.workers
		im, err := Evaluate(compiler.Compile(from), compiler.Compile(to), cs, []input.Input{in}, input.Options{}, workers)
		if err != nil {
			t.Fatal(err)
		}
		im.Files = []string{"testdata/episodes.csv"} // the same content under another name
		eps := func(n int, ex ...string) changes.Episodes { return changes.Episodes{N: n, Examples: ex} }
		// rejected is the rejected row whose date is date, as eval lists it.
		rejected := func(episode, date string) changes.RejectedRow {
			row := slices.IndexFunc(tc.rows, func(l string) bool { return strings.Contains(l, date) }) + 1
			reason := `datumet "` + date + `" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD`
			return changes.RejectedRow{Episode: episode, File: tc.path, Row: row, Field: "date", Reason: reason,
				FieldText: "datum", Text: fmt.Sprintf("%s:%d: datum: %s", tc.path, row, reason)}
		}
		want := &changes.Impact{
			// D11 and D12 have a rejected row: incomplete, not compared.
			// D12 without its VL244 would lose vl260_kraver_vl244.
			// D13 loses the warning vxx44_efter_avslut when 78 no longer
			// closes; D14's lead time stays within the shortened target.
			Files: []string{"testdata/episodes.csv"}, Episodes: 12 + tc.extra, RowsRead: 30 + 2*tc.extra, RowsRejected: 2,
			Incomplete: 2, Rejected: []changes.RejectedRow{rejected("D11", "2024-13-08"), rejected("D12", "2024-13-15")},
			Total: changes.Effect{GainFinding: eps(4, "D03", "D07", "D08"), LoseFinding: eps(3, "D01", "D06", "D13"),
				Reportability: eps(2, "D05", "D13"), LeadTimeVerdict: eps(1, "D04")},
			ByChange: []changes.Effect{
				{LoseFinding: eps(1, "D13"), Reportability: eps(2, "D05", "D13")},
				{LoseFinding: eps(2, "D01", "D06")},
				{LeadTimeVerdict: eps(1, "D04")},
				{GainFinding: eps(4, "D03", "D07", "D08")},
				{},
			},
		}
		if !reflect.DeepEqual(im, want) {
			t.Errorf("%s, workers %d:\n got %+v\nwant %+v", tc.path, workers, im, want)
		}
	}
}

// TestEvaluateShuffled: the rows of the example export shuffled give the
// same comparison as the rows in order. (The first pass over shuffled
// rows, which Run throws away, once counted episodes in part beside the
// whole ones, or failed as if the file had changed while it was read.)
func TestEvaluateShuffled(t *testing.T) {
	load := func(v string) *compiler.Program {
		g, diags, _ := compiler.Load(rules.FS(), v, "rules/"+v)
		if g == nil {
			t.Fatal(diags)
		}
		return compiler.Compile(g)
	}
	from, to := load("10.5"), load("10.6")
	cs := changes.Compare(from.Guide, to.Guide)
	var want *changes.Impact
	for _, name := range []string{"example.csv", "example_shuffled.csv"} {
		in, cleanup, err := input.FileInput("../../testdata/episodes/"+name, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer cleanup()
		for _, blockSize := range []int{0, 512} {
			im, err := Evaluate(from, to, cs, []input.Input{in}, input.Options{BlockSize: blockSize}, 2)
			if err != nil {
				t.Fatal(err)
			}
			im.Files = nil
			if want == nil {
				want = im
				if im.Total.Empty() || im.Episodes != 53 {
					t.Fatalf("%s: %d episodes, total %+v: the versions should differ on some", name, im.Episodes, im.Total)
				}
				continue
			}
			if !reflect.DeepEqual(im, want) {
				t.Errorf("%s, blocks of %d bytes:\n got %+v\nwant %+v", name, blockSize, im, want)
			}
		}
	}
}
