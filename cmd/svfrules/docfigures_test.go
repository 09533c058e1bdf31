package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocsFigures: the figures README.md and docs/language.md quote for
// guide 10.6 are what `svfrules check` says of it now: the check line in
// docs/language.md verbatim, and the number of test episodes in the
// README's sentences about `svfrules test` and the compiler's speed. A
// rule or test case added to the guide fails here until the documents
// say so.
func TestDocsFigures(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--rules", "../../rules/10.6"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("check: exit code %d\n%s", code, stderr.String())
	}
	line := strings.Replace(strings.TrimSpace(stdout.String()), "../../rules/10.6:", "rules/10.6:", 1)
	m := regexp.MustCompile(`, (\d+) test$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("check's line names no count of tests: %q", line)
	}
	tests := m[1]
	read := func(name string) string {
		b, err := os.ReadFile("../../" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if lang := read("docs/language.md"); !strings.Contains(lang, "\n"+line+"\n") {
		t.Errorf("docs/language.md does not quote check's line %q", line)
	}
	readme := read("README.md")
	for _, want := range []string{"runs the " + tests + " example episodes", "prose and " + tests + " test episodes"} {
		if !strings.Contains(readme, want) {
			t.Errorf("README.md does not say %q", want)
		}
	}
}
