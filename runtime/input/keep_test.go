package input

import (
	"fmt"
	"strings"
	"testing"
)

// TestKeepNewRunAfterUnorderedRows reads files that open with many runs of
// one row each (as a shuffled export does), so that keepNewRun stops
// keeping rows for the short cuts, and then turn adjacent again, with
// attributes that change within an episode, dates of another width, a
// rejected row and quotes: the result must be the one of reading without
// the short cuts, on one goroutine and in blocks (fuzzRead checks both).
func TestKeepNewRunAfterUnorderedRows(t *testing.T) {
	head := "episode;code;date;region;age;sex;county;unit\n"
	unordered := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "U%03d;VL210;2024-01-%02d;01;%d;K;01;avd %d\n", i, i%28+1, 40+i%30, i)
		}
		return b.String()
	}
	tails := map[string]string{
		"adjacent": "A1;VL210;2024-02-01;01;50;K;01;x\nA1;VL244;2024-02-03;01;50;K;01;y\nA1;VL254;2024-02-05;01;50;K;01;z\n",
		// The age changes on the second row: a row kept from before
		// the skip would compare it with the wrong attributes.
		"changing":  "A2;VL210;2024-02-01;01;50;K;01;x\nA2;VL244;2024-02-03;01;51;K;01;x\nA2;VL254;2024-02-05;01;51;K;01;x\n",
		"dates":     "A3;VL210;20240201;01;50;K;01;x\nA3;VL244;2024-02-03;01;50;K;01;x\nA3;VL254;20240205;01;50;K;01;x\n",
		"rejected":  "A4;VL210;2024-02-01;01;50;K;01;x\nA4;VL244;2024-02-30;01;50;K;01;x\nA4;VL254;2024-02-05;01;50;K;01;x\n",
		"quoted":    "A5;VL210;2024-02-01;01;50;K;01;\"a;b\"\nA5;VL244;2024-02-03;01;50;K;01;\"a;b\"\nA5;VL254;2024-02-05;01;50;K;01;c\n",
		"same id":   "U099;VL244;2024-03-01;01;69;K;01;avd 99\nU099;VL254;2024-03-02;01;69;K;01;avd 99\n",
		"continues": "U099;VL254;2024-03-02;01;69;K;01;avd 99\n",
	}
	for _, n := range []int{31, 32, 33, 47, 48, 49, 100, 300} {
		for name, tail := range tails {
			t.Run(fmt.Sprintf("%d/%s", n, name), func(t *testing.T) {
				fuzzRead(t, head+unordered(n)+tail+unordered(20)+tail, 0, false)
			})
		}
	}
}
