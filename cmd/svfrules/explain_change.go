package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rcc/svfrules/compiler/changes"
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
)

// changeKindText is what explain says about a change kind of diff: what
// changed and what it means, and how its level is chosen when that
// depends on the change ("" when the kind has one level).
type changeKindText struct{ what, level string }

// changeKindTexts are the Swedish explanations of every change kind, by
// id (TestExplainEveryPrintedID holds them to changes.Kinds).
func changeKindTexts() map[string]changeKindText {
	return map[string]changeKindText{
		"guide-version-changed":    {msg.ChangeKindGuideVersionChanged, ""},
		"guide-date-changed":       {msg.ChangeKindGuideDateChanged, ""},
		"guide-title-changed":      {msg.ChangeKindGuideTitleChanged, ""},
		"guide-sources-changed":    {msg.ChangeKindGuideSourcesChanged, ""},
		"guide-changelog-changed":  {msg.ChangeKindGuideChangelogChanged, ""},
		"guide-notes-changed":      {msg.ChangeKindGuideNotesChanged, ""},
		"section-added":            {msg.ChangeKindSectionAdded, ""},
		"section-removed":          {msg.ChangeKindSectionRemoved, ""},
		"section-changed":          {msg.ChangeKindSectionChanged, ""},
		"qualifier-added":          {msg.ChangeKindQualifierAdded, ""},
		"qualifier-removed":        {msg.ChangeKindQualifierRemoved, ""},
		"qualifier-legend-changed": {msg.ChangeKindQualifierLegendChanged, ""},
		"pathway-added":            {msg.ChangeKindPathwayAdded, ""},
		"pathway-removed":          {msg.ChangeKindPathwayRemoved, ""},
		"pathway-key-changed":      {msg.ChangeKindPathwayKeyChanged, ""},
		"pathway-renamed":          {msg.ChangeKindPathwayRenamed, ""},
		"pathway-prefix-changed":   {msg.ChangeKindPathwayPrefixChanged, ""},
		"pathway-icd10-changed":    {msg.ChangeKindPathwayIcd10Changed, ""},
		"code-added":               {msg.ChangeKindCodeAdded, msg.ChangeKindCodeAddedLevel},
		"code-removed":             {msg.ChangeKindCodeRemoved, ""},
		"code-kind-changed":        {msg.ChangeKindCodeKindChanged, msg.ChangeKindCodeKindChangedLevel},
		"code-renamed":             {msg.ChangeKindCodeRenamed, ""},
		"code-description-changed": {msg.ChangeKindCodeDescriptionChanged, ""},
		"code-scope-changed":       {msg.ChangeKindCodeScopeChanged, ""},
		"local-name-added":         {msg.ChangeKindLocalNameAdded, ""},
		"local-name-removed":       {msg.ChangeKindLocalNameRemoved, ""},
		"local-name-changed":       {msg.ChangeKindLocalNameChanged, ""},
		"cell-allowed":             {msg.ChangeKindCellAllowed, msg.ChangeKindCellAllowedLevel},
		"cell-disallowed":          {msg.ChangeKindCellDisallowed, ""},
		"qualifier-changed":        {msg.ChangeKindQualifierChanged, msg.ChangeKindQualifierChangedLevel},
		"note-added":               {msg.ChangeKindNoteAdded, ""},
		"note-removed":             {msg.ChangeKindNoteRemoved, ""},
		"note-changed":             {msg.ChangeKindNoteChanged, msg.ChangeKindNoteChangedLevel},
		"note-pathways-changed":    {msg.ChangeKindNotePathwaysChanged, ""},
		"rule-added":               {msg.ChangeKindRuleAdded, msg.ChangeKindRuleAddedLevel},
		"rule-removed":             {msg.ChangeKindRuleRemoved, ""},
		"rule-changed":             {msg.ChangeKindRuleChanged, msg.ChangeKindRuleChangedLevel},
		"rule-severity-changed":    {msg.ChangeKindRuleSeverityChanged, msg.ChangeKindRuleSeverityChangedLevel},
		"rule-pathways-changed":    {msg.ChangeKindRulePathwaysChanged, msg.ChangeKindRulePathwaysChangedLevel},
		"rule-renamed":             {msg.ChangeKindRuleRenamed, ""},
		"rule-message-changed":     {msg.ChangeKindRuleMessageChanged, ""},
		"rule-ref-changed":         {msg.ChangeKindRuleRefChanged, ""},
		"leadtime-added":           {msg.ChangeKindLeadtimeAdded, ""},
		"leadtime-removed":         {msg.ChangeKindLeadtimeRemoved, ""},
		"leadtime-target-changed":  {msg.ChangeKindLeadtimeTargetChanged, msg.ChangeKindLeadtimeTargetChangedLevel},
		"leadtime-target-added":    {msg.ChangeKindLeadtimeTargetAdded, ""},
		"leadtime-target-removed":  {msg.ChangeKindLeadtimeTargetRemoved, ""},
		"leadtime-changed":         {msg.ChangeKindLeadtimeChanged, ""},
		"leadtime-renamed":         {msg.ChangeKindLeadtimeRenamed, ""},
		"leadtime-ref-changed":     {msg.ChangeKindLeadtimeRefChanged, ""},
		"test-added":               {msg.ChangeKindTestAdded, ""},
		"test-removed":             {msg.ChangeKindTestRemoved, ""},
		"test-changed":             {msg.ChangeKindTestChanged, ""},
	}
}

// levelTexts explain diff's levels, by id.
var levelTexts = lazy.Value[map[changes.Level]string]{New: func() map[changes.Level]string {
	return map[changes.Level]string{changes.Action: msg.ChangeLevelAction, changes.Review: msg.ChangeLevelReview, changes.Info: msg.ChangeLevelInfo}
}}

// levelWords are the Swedish words the text output prints for the
// levels (explain takes them too).
var levelWords = lazy.Value[map[changes.Level]string]{New: func() map[changes.Level]string {
	return map[changes.Level]string{changes.Action: msg.DiffLevelAction, changes.Review: msg.DiffLevelReview, changes.Info: msg.DiffLevelInfo}
}}

// explainChange explains id as a change kind of diff or as a level, and
// reports whether it is one. The brackets diff prints around a kind
// ([code-kind-changed]) may be given too.
func explainChange(w io.Writer, id string) bool {
	id = strings.TrimSuffix(strings.TrimPrefix(id, "["), "]")
	if k := changes.KindOf(id); k != nil {
		t, ok := changeKindTexts()[id]
		if !ok {
			return false
		}
		fmt.Fprintf(w, msg.ExplainChangeKindHead, k.ID)
		fmt.Fprint(w, msg.ExplainChangeKindWhat)
		fmt.Fprintln(w, indent(t.what, "  "))
		fmt.Fprint(w, msg.ExplainChangeKindLevel)
		if t.level != "" {
			fmt.Fprintln(w, indent(t.level, "  "))
		} else {
			fmt.Fprintln(w, indent(levelTexts.Get()[k.Level], "  "))
		}
		if k.Meta {
			fmt.Fprint(w, msg.ExplainChangeKindMeta)
		}
		if k.Opposite != k.ID {
			fmt.Fprintf(w, msg.ExplainChangeKindOpposite, k.Opposite)
		}
		fmt.Fprint(w, msg.ExplainChangeKindDo)
		return true
	}
	for l, word := range levelWords.Get() {
		if id == l.String() || id == word {
			explainLevel(w, l)
			return true
		}
	}
	return false
}

// explainLevel writes what a level of diff means and the kinds that can
// have it.
func explainLevel(w io.Writer, l changes.Level) {
	fmt.Fprintf(w, msg.ExplainLevelHead, l, levelWords.Get()[l])
	fmt.Fprintln(w, indent(levelTexts.Get()[l], "  "))
	fmt.Fprint(w, msg.ExplainLevelKinds)
	var ids []string
	for _, k := range changes.Kinds {
		if k.Level == l || slices.Contains(kindLevels(k), l.String()) {
			ids = append(ids, k.ID)
		}
	}
	writeList(w, ids)
	if l == changes.Info {
		fmt.Fprint(w, msg.ExplainSeverityInfo)
	}
}

// kindLevels are the levels a kind's Levels names: the first word of
// each of its clauses ("action for …, review otherwise").
func kindLevels(k *changes.Kind) []string {
	var out []string
	for _, clause := range strings.FieldsFunc(k.Levels, func(r rune) bool { return r == ',' || r == ';' }) {
		if f := strings.Fields(clause); len(f) > 0 {
			if _, ok := changes.ParseLevel(f[0]); ok {
				out = append(out, f[0])
			}
		}
	}
	return out
}

// changeIDs are the ids explainChange takes, for the nearest-id hint.
func changeIDs() []string {
	var ids []string
	for _, k := range changes.Kinds {
		ids = append(ids, k.ID)
	}
	for l, word := range levelWords.Get() {
		ids = append(ids, l.String(), word)
	}
	return ids
}
