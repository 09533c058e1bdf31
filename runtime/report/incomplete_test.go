package report

import (
	"bytes"
	"encoding/csv"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rcc/svfrules/internal/msg"
)

// TestIncompleteEpisodesLeftOut: an episode with a rejected row is in no
// measure and no pathway, and Underlag says how many were left out.
// Before, I1 (a middle row rejected) gave a lead time of 100 days to the
// measure, and I2 (its VH310 row rejected) was an endometrium episode
// with an error.
func TestIncompleteEpisodesLeftOut(t *testing.T) {
	text := "episode;code;date\n"
	for _, id := range []string{"A", "B", "C", "D", "E"} {
		text += id + ";VH310;2024-01-01\n" + id + ";VH350;2024-01-21\n"
	}
	text += "I1;VH310;2024-01-01\nI1;VH315;2024-13-02\nI1;VH350;2024-04-10\n" +
		"I2;VH310;2024-01-32\nI2;VH350;2024-01-21\n"
	r, sum := buildSum(t, text, Options{MinCell: 1})
	if sum.EpisodesIncomplete != 2 {
		t.Fatalf("summary: %d incomplete episodes, want 2", sum.EpisodesIncomplete)
	}
	in := r.Input
	if countText(in.Episodes) != "5" || countText(in.Reportable) != "5" || countText(in.WithErrors) != "0" ||
		countText(in.Incomplete) != "2" || countText(in.RowsRejected) != "2" {
		t.Errorf("input: episodes %s, reportable %s, with errors %s, incomplete %s, rejected %s; want 5, 5, 0, 2, 2",
			countText(in.Episodes), countText(in.Reportable), countText(in.WithErrors), countText(in.Incomplete), countText(in.RowsRejected))
	}
	// Every pathway has its row; only endometrial cancer holds anyone.
	for _, ps := range r.Pathways {
		want := "0"
		if ps.Pathway == "livmoderkroppscancer" {
			want = "5"
		}
		if got := countText(ps.Episodes); got != want {
			t.Errorf("pathway %q: %s episodes, want %s", ps.Name, got, want)
		}
	}
	want := "leadtime livmoderkroppscancer livkropp_kirurgi: n=5 within=5 share=100.0 met=true mean=20.0 sd=0.0 p10=20.0 median=20.0 p90=20.0 excluded=0"
	found := false
	for _, l := range lines(r) {
		if strings.HasPrefix(l, "leadtime livmoderkroppscancer livkropp_kirurgi:") {
			found = true
			if l != want {
				t.Errorf("measure:\n got %s\nwant %s", l, want)
			}
		}
	}
	if !found {
		t.Errorf("no measure of livkropp_kirurgi in\n%s", strings.Join(lines(r), "\n"))
	}
	md := render(t, r, "markdown")
	if !strings.Contains(md, "Underlag: 15 rader lästa, 2 avvisade; 5 förlopp, 5 rapporterbara, 0 med fel. Dessutom 2 ofullständiga förlopp (med en avvisad rad), som inte ingår i något mått") {
		t.Errorf("markdown does not say the incomplete episodes were left out:\n%s", md)
	}

	// Under the limit the rejected rows and incomplete episodes are still
	// counted as the list after the tables shows them (they are the
	// user's own rows), no blank rows are claimed, and the episodes are
	// hidden: the 2 incomplete and the rejected rows must not give the 5
	// away.
	r = build(t, text, Options{MinCell: 6})
	if countText(r.Input.Incomplete) != "2" || countText(r.Input.RowsRejected) != "2" || len(r.ToCorrect.Incomplete) != 2 {
		t.Errorf("min-cell 6: incomplete %s, rejected %s, listed %d; want 2, 2, 2", countText(r.Input.Incomplete),
			countText(r.Input.RowsRejected), len(r.ToCorrect.Incomplete))
	}
	md = render(t, r, "markdown")
	want = "Underlag: 15 rader lästa, 2 avvisade; – förlopp, – rapporterbara, – med fel. Dessutom 2 ofullständiga förlopp"
	if !strings.Contains(md, want) {
		t.Errorf("min-cell 6: markdown does not say\n%s\nin\n%s", want, md)
	}
}

// TestToCorrectInEveryFormat: the rows to correct (incomplete episodes
// and rejected rows, with the episode of each rejected row) are in the
// csv of both dialects as the markdown and HTML list them, unsuppressed
// even under --min-cell: they are the user's own rows.
func TestToCorrectInEveryFormat(t *testing.T) {
	text := "episode;code;date\n"
	for _, id := range []string{"A", "B", "C", "D", "E"} {
		text += id + ";VH310;2024-01-01\n" + id + ";VH350;2024-01-21\n"
	}
	text += "I1;VH310;2024-01-01\nI1;VH315;2024-13-02\nI1;VH350;2024-04-10\n" + ";VH310;2024-01-01\n"
	r := build(t, text, Options{MinCell: 5})
	const blanks = ";;;;;;;;;;;;;;;;;;"
	for _, c := range []struct {
		dialect string
		head    string
		rows    []string
	}{
		{"rfc4180", ",episode,place,rejected_rows,field,reason,what_to_do", []string{
			"incomplete" + strings.ReplaceAll(blanks, ";", ",") + ",I1,test.csv:12,2,,," + msg.ReportCSVIncompleteDo,
			"rejected" + strings.ReplaceAll(blanks, ";", ",") + `,I1,test.csv:13,,date,"datumet ""2024-13-02"" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD",` + msg.ReportCSVRejectedDo,
			"rejected" + strings.ReplaceAll(blanks, ";", ",") + ",,test.csv:15,,episode,\"förlopps-id:t är tomt; varje rad behöver ett. Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: skriv förloppets id på raden (på alla förloppets rader, även om exporten bara skriver det på den första) och kör igen\"," + msg.ReportCSVRejectedDo,
		}},
		{"excel", ";förlopp;fil:rad;avvisade rader;fält;orsak;vad du gör\r", []string{
			"ofullständigt förlopp" + blanks + ";I1;test.csv:12;2;;;\"" + msg.ReportCSVIncompleteDo + "\"\r",
			"avvisad rad" + blanks + `;I1;test.csv:13;;datum;"datumet ""2024-13-02"" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD";` + msg.ReportCSVRejectedDo + "\r",
			"avvisad rad" + blanks + ";;test.csv:15;;förlopp;\"förlopps-id:t är tomt; varje rad behöver ett. Raden kan höra till förloppet närmast före eller efter den i filen, så de bedöms inte: skriv förloppets id på raden (på alla förloppets rader, även om exporten bara skriver det på den första) och kör igen\";" + msg.ReportCSVRejectedDo + "\r",
		}},
	} {
		var b bytes.Buffer
		if err := Write(&b, r, "csv", WriteOptions{CSVDialect: c.dialect}); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if !strings.HasSuffix(lines[0], c.head) {
			t.Errorf("%s: header %q, want it to end with %q", c.dialect, lines[0], c.head)
		}
		if got := lines[len(lines)-len(c.rows):]; !slices.Equal(got, c.rows) {
			t.Errorf("%s: rows to correct\n got %q\nwant %q", c.dialect, got, c.rows)
		}
		// Every row has the header's columns (csv.Reader insists).
		cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF")))
		if c.dialect == "excel" {
			cr.Comma = ';'
		}
		if _, err := cr.ReadAll(); err != nil {
			t.Errorf("%s: %v", c.dialect, err)
		}
	}
	md := render(t, r, "markdown")
	if !strings.Contains(md, "| test.csv:13 | I1 | datum | datumet \"2024-13-02\" finns inte; skriv datum som ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD |") {
		t.Errorf("markdown does not list the rejected row with its episode:\n%s", md)
	}
	if html := render(t, r, "html"); !strings.Contains(html, "<tr><td>test.csv:13</td><td>I1</td><td>datum</td>") {
		t.Errorf("html does not list the rejected row with its episode:\n%s", html)
	}
}

// TestUnderlagLine: the Underlag line counts the rejected rows and the
// incomplete episodes as the rows to correct list them, and names blank
// rows only when there are some. Before, testdata/episodes/incomplete.csv
// gave "4 avvisade, – tomma som hoppades över; … Dessutom – ofullständiga
// förlopp" under the default limit: blank rows that do not exist, and a
// dash for the 2 episodes listed below it.
func TestUnderlagLine(t *testing.T) {
	data, err := os.ReadFile("../../testdata/episodes/incomplete.csv")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	cases := []struct {
		name, text, want string
	}{
		{"incomplete.csv", text, "Underlag: 15 rader lästa, 4 avvisade; – förlopp, – rapporterbara, – med fel. Dessutom 2 ofullständiga förlopp (med en avvisad rad)"},
		// Two blank rows: named, with their number (hiding it protects nothing here).
		{"with a blank row", text + ";;;;;;;;;\n", "Underlag: 16 rader lästa, 4 avvisade, 1 tom som hoppades över; – förlopp"},
		{"with blank rows", text + ";;;;;;;;;\n;;;;;;;;;\n", "Underlag: 17 rader lästa, 4 avvisade, 2 tomma som hoppades över; – förlopp, – rapporterbara, – med fel. Dessutom 2 ofullständiga förlopp"},
	}
	for _, c := range cases {
		r := build(t, c.text, Options{MinCell: 5})
		for _, format := range []string{"markdown", "html"} {
			if out := render(t, r, format); !strings.Contains(out, c.want) {
				t.Errorf("%s, %s: no %q in\n%s", c.name, format, c.want, out)
			}
		}
		if n := len(r.ToCorrect.Rejected); countText(r.Input.RowsRejected) != strconv.Itoa(n) {
			t.Errorf("%s: %s rejected rows, %d listed", c.name, countText(r.Input.RowsRejected), n)
		}
	}
}
