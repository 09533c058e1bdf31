package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestThousands: counts from 1 000 on are grouped by three with a no-break
// space where people read them (markdown, html: "2 010 rader lästa"), and
// stay plain numbers where programs and Excel compute with them (csv of
// both dialects, json, the workbook's cells). Before, the text formats
// wrote 2010.
func TestThousands(t *testing.T) {
	// Every definition has lead times, some over target, so nothing is
	// hidden: a definition without any would be hidden like a small
	// cell, and with it the 1 005 beside it (else the total less the
	// 1 005 would show it empty); and 1 005 lead times all within target
	// would make the hidden ones' share 100 % too, so the totals would go.
	// The input's episodes and the all-pathways cell are hidden: every
	// other pathway of the guide has its row, and beside a visible 1 017
	// they would be known to be empty.
	var eps []episode
	for i := range 1005 {
		days := 20
		if i < 5 {
			days = 40
		}
		eps = append(eps, closed(fmt.Sprintf("E%04d", i), "VH3", "50", days))
	}
	for i := range 6 {
		eps = append(eps, closed(fmt.Sprintf("S%d", i), "VH3", "52", 30), closed(fmt.Sprintf("P%d", i), "VH3", "58", 20))
	}
	r := build(t, csvOf(eps), Options{MinCell: 5})
	nb := func(s string) string { return strings.ReplaceAll(s, "_", "\u00a0") }
	for _, c := range []struct{ format, want string }{
		{"markdown", nb("Underlag: 2_034 rader lästa, 0 avvisade; – förlopp, – rapporterbara, – med fel.")},
		{"markdown", nb("| Livmoderkroppscancer (VH3) | 1_017 | 1_017 | – |")},
		{"markdown", nb("| Välgrundad misstanke till start av första behandling, kirurgi | 32 dagar | 1_005 | 1_000 | 99,5 % |")},
		{"html", nb("Underlag: 2_034 rader lästa, 0 avvisade; – förlopp, – rapporterbara, – med fel.")},
		{"html", nb(`<td class="num">1_005</td>`)},
		{"json", `"rows_read": 2034,`},
		{"json", `"n": 1005,`},
		{"csv", ",32,1005,1000,99.5,"},
	} {
		if out := render(t, r, c.format); !strings.Contains(out, c.want) {
			t.Errorf("%s lacks %q", c.format, c.want)
		}
	}
	var excel bytes.Buffer
	if err := Write(&excel, r, "csv", WriteOptions{CSVDialect: "excel"}); err != nil {
		t.Fatal(err)
	}
	if out := excel.String(); !strings.Contains(out, ";32;1005;1000;99,5;") || strings.Contains(out, "\u00a0") {
		t.Errorf("excel csv: want plain 1005, no no-break space:\n%s", out)
	}
	for _, f := range []string{"json", "csv"} {
		if strings.Contains(render(t, r, f), "\u00a0") {
			t.Errorf("%s has a no-break space", f)
		}
	}
	// The workbook's figures are numbers, not grouped text.
	f, err := excelize.OpenReader(strings.NewReader(render(t, r, "xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Förlopp per vårdförlopp", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	at := slices.IndexFunc(rows, func(row []string) bool { return len(row) > 0 && row[0] == "Livmoderkroppscancer (VH3)" })
	if at < 0 || len(rows[at]) < 3 || rows[at][1] != "1017" || rows[at][2] != "1017" {
		t.Fatalf("xlsx Förlopp per vårdförlopp: %q, want 1017 as numbers", rows)
	}
	cell := fmt.Sprintf("B%d", at+1)
	if typ, err := f.GetCellType("Förlopp per vårdförlopp", cell); err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("xlsx %s is of type %v (%v), want a number", cell, typ, err)
	}
}
