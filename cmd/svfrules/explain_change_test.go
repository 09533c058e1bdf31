package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler/changes"
)

// TestExplainChangeKinds: every change kind of diff has a Swedish
// explanation (and, when its level depends on the change, says how), so
// a new kind without one fails; svfrules explain takes each as diff
// prints it, in brackets, and bare, and every level by its --level id
// and by the word of diff's text output.
func TestExplainChangeKinds(t *testing.T) {
	var ids []string
	texts := changeKindTexts()
	for _, k := range changes.Kinds {
		ids = append(ids, "["+k.ID+"]")
		if texts[k.ID].what == "" {
			t.Errorf("change kind %s has no Swedish explanation (changeKindTexts)", k.ID)
		}
		if k.Levels != "" && texts[k.ID].level == "" {
			t.Errorf("change kind %s's level depends on the change (%s), and explain does not say how", k.ID, k.Levels)
		}
	}
	if len(texts) != len(changes.Kinds) {
		t.Errorf("%d explanations for %d change kinds", len(texts), len(changes.Kinds))
	}
	for l := range changes.LevelNames {
		ids = append(ids, changes.Level(l).String(), levelWords.Get()[changes.Level(l)])
	}
	for _, id := range ids {
		var stdout, stderr bytes.Buffer
		code := run([]string{"explain", id}, nil, &stdout, &stderr)
		if code != exitOK || stderr.Len() > 0 || !strings.Contains(stdout.String(), strings.Trim(id, "[]")) {
			t.Errorf("explain %s: exit %d, stdout:\n%s\nstderr:\n%s", id, code, stdout.String(), stderr.String())
		}
	}
}
