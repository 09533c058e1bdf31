package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/rcc/svfrules/internal/msg"
)

// misspell returns name with two letters swapped, or with its last
// letter dropped when it is too short to swap in.
func misspell(name string) string {
	r := []rune(name)
	if len(r) < 4 {
		return string(r[:len(r)-1])
	}
	i := len(r) / 2
	if r[i] == r[i+1] || r[i+1] == '-' || r[i] == '-' {
		return string(append(r[:i:i], r[i+1:]...)) // drop one instead
	}
	r[i], r[i+1] = r[i+1], r[i]
	return string(r)
}

// TestEveryMisspeltFlagSuggested: for every flag of every command, a
// misspelling of it (two letters swapped, or one dropped) gets "menade
// du" with that flag, and so do svfrules' own flags before a command.
func TestEveryMisspeltFlagSuggested(t *testing.T) {
	check := func(args []string, want string) {
		t.Helper()
		var stdout, stderr bytes.Buffer
		code := run(args, nil, &stdout, &stderr)
		line := fmt.Sprintf(msg.DidYouMean, want)
		if code != exitUsage || !strings.Contains(stderr.String(), "\n"+line+"\n") {
			t.Errorf("svfrules %s: exit %d, stderr:\n%s\nwant exit 2 and %s", strings.Join(args, " "), code, stderr.String(), line)
		}
	}
	for _, g := range globalFlags {
		check([]string{"--" + misspell(strings.TrimPrefix(g, "--"))}, g)
	}
	n := 0
	for _, cmd := range commands() {
		cmd.flags(nil).VisitAll(func(f *pflag.Flag) {
			n++
			check([]string{cmd.name, "--" + misspell(f.Name)}, "--"+f.Name)
		})
	}
	if n < 40 {
		t.Errorf("only %d flags walked", n)
	}
}
