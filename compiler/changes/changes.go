// Package changes compares two checked guide versions (*compiler.Guide)
// and lists what changed between them as records, keyed by what the
// guide is about (pathway, code, rule, lead time) and never by where a
// declaration sits in the files, and renders them as text, a Swedish
// changelog in Markdown, JSON or one self-contained HTML page.
//
// Every record has a stable id (cell-disallowed, rule-added, …; the full
// list is Kinds) and a level that says what the change asks of the people
// who code: Action (they must code differently), Review (someone must read
// it and decide) or Info (wording, or details of the rule files).
package changes

import (
	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/lang"
)

// Level is how much a change matters to the people who code.
type Level int

// The levels, lowest first, so that a level compares with >=.
const (
	Info   Level = iota // wording, or details of the rule files only
	Review              // guidance or definitions changed: read it and decide
	Action              // coders must code differently (or an error appears)
)

// LevelNames are the words for the levels, by Level.
var LevelNames = []string{"info", "review", "action"}

func (l Level) String() string { return LevelNames[l] }

// ParseLevel returns the level called s.
func ParseLevel(s string) (Level, bool) {
	for i, n := range LevelNames {
		if n == s {
			return Level(i), true
		}
	}
	return 0, false
}

// Change is one difference between two guide versions.
type Change struct {
	ID    string // one of Kinds, e.g. "cell-disallowed"
	Level Level
	// Pathway is the key of the one pathway the change concerns, as in
	// the newer version (the older for a removed pathway); "" otherwise.
	Pathway     string
	PathwayName string
	// Pathways are the keys when the change concerns several pathways (a
	// note for several, a rule of several); nil otherwise.
	Pathways []string
	// Code is the code as the guide writes it: one pathway's code
	// ("VN858", "VN450/VN650" for two prefixes) or the general form
	// ("VXX58"); "" when the change is not about a code.
	Code     string
	Suffix   string // "58"
	CodeName string
	// Subject names what else the change is about: a rule, lead-time,
	// test or qualifier id, or a note's heading.
	Subject string
	// Swedish says the change, as a line of the guide's change log (the
	// json's message).
	Swedish string
	// Old and New are the values before and after, in words ("" when the
	// thing did not exist on that side).
	Old, New string
	// OldPos and NewPos are the places in each rule set (zero when the
	// thing does not exist on that side).
	OldPos, NewPos lang.Pos

	order sortKey
	group string  // the heading the change is listed under
	log   logInfo // how the change enters the change log
}

// Meta reports whether the change is about the version rather than
// what it says (the guide header: version, date, title, sources, notes
// on how it was reconstructed). Such records are listed after the
// changes, are not counted as changes, and leave the change log.
func (c *Change) Meta() bool {
	k := KindOf(c.ID)
	return k != nil && k.Meta
}

// Prose reports whether Old and New are running text (notes,
// descriptions, messages), best shown as a word-by-word difference.
func (c *Change) Prose() bool {
	k := KindOf(c.ID)
	return k != nil && k.Prose
}

// Kind describes one change id: what it means and its level.
type Kind struct {
	ID string
	// Level is the level of every change with this id, unless Levels
	// says how it depends on the direction of the change.
	Level  Level
	Levels string
	// Opposite is the id the same change has from new to old.
	Opposite string
	// Prose marks ids whose old and new values are running text.
	Prose bool
	// Meta marks the ids of the guide header: metadata of the version,
	// not changes of what it says (Change.Meta).
	Meta bool
	// Doc says what the id means.
	Doc string
}

// Kinds are every change id, in the order records are listed within one
// pathway and code. docs/diff.md has the same table.
var Kinds = []*Kind{
	{ID: "guide-version-changed", Level: Info, Meta: true, Opposite: "guide-version-changed", Doc: "the header's version number"},
	{ID: "guide-date-changed", Level: Info, Meta: true, Opposite: "guide-date-changed", Doc: "the header's publication date"},
	{ID: "guide-title-changed", Level: Info, Meta: true, Opposite: "guide-title-changed", Doc: "the header's title"},
	{ID: "guide-sources-changed", Level: Info, Meta: true, Opposite: "guide-sources-changed", Doc: "the header's `source` lines"},
	{ID: "guide-changelog-changed", Level: Info, Meta: true, Opposite: "guide-changelog-changed", Prose: true, Doc: "the header's `changelog`: the version's own entry in the guide's change log"},
	{ID: "guide-notes-changed", Level: Info, Meta: true, Opposite: "guide-notes-changed", Prose: true, Doc: "the header's `note` texts (e.g. how a version was reconstructed)"},

	{ID: "section-added", Level: Review, Opposite: "section-removed", Prose: true, Doc: "a section of the guide's text (a chapter heading and its text), compared when both versions have sections"},
	{ID: "section-removed", Level: Review, Opposite: "section-added", Prose: true, Doc: "a section of the guide's text removed"},
	{ID: "section-changed", Level: Review, Opposite: "section-changed", Prose: true, Doc: "the text under a section's heading"},

	{ID: "qualifier-added", Level: Info, Opposite: "qualifier-removed", Doc: "a table qualifier is defined (cells that use it are listed as qualifier-changed)"},
	{ID: "qualifier-removed", Level: Info, Opposite: "qualifier-added", Doc: "a table qualifier is no longer defined"},
	{ID: "qualifier-legend-changed", Level: Review, Opposite: "qualifier-legend-changed", Prose: true, Doc: "what a qualifier means (its legend under the tables)"},

	{ID: "pathway-added", Level: Review, Opposite: "pathway-removed", Doc: "a new pathway, with the codes its tables allow"},
	{ID: "pathway-removed", Level: Action, Opposite: "pathway-added", Doc: "a pathway no longer exists"},
	{ID: "pathway-key-changed", Level: Info, Opposite: "pathway-key-changed", Doc: "the pathway's key in the rule files (matched by its prefixes)"},
	{ID: "pathway-renamed", Level: Info, Opposite: "pathway-renamed", Doc: "the pathway's name"},
	{ID: "pathway-prefix-changed", Level: Action, Opposite: "pathway-prefix-changed", Doc: "the pathway's code prefix(es): every code of the pathway changes"},
	{ID: "pathway-icd10-changed", Level: Review, Opposite: "pathway-icd10-changed", Doc: "the ICD-10 codes the pathway description names"},

	{ID: "code-added", Level: Review, Levels: "action for a start or mandatory code (it must be coded), review otherwise", Opposite: "code-removed", Doc: "a new code suffix, with the pathways whose table allows it"},
	{ID: "code-removed", Level: Action, Opposite: "code-added", Doc: "a code no longer exists"},
	{ID: "code-kind-changed", Level: Action, Levels: "action when the code starts, closes or must be coded where it did not, or a condition reads a code set it enters or leaves; review otherwise", Opposite: "code-kind-changed", Doc: "what the code does (start, mandatory, treatment, other_reason, voluntary), e.g. 73 moved from other reason to treatment"},
	{ID: "code-renamed", Level: Info, Opposite: "code-renamed", Doc: "the code's heading in the guide"},
	{ID: "code-description-changed", Level: Review, Opposite: "code-description-changed", Prose: true, Doc: "the text under the code's heading"},
	{ID: "code-scope-changed", Level: Review, Opposite: "code-scope-changed", Doc: "the code changed between a table and every pathway; the cells that changed follow as cell records"},
	{ID: "local-name-added", Level: Info, Opposite: "local-name-removed", Doc: "a pathway-specific name of a code (VL244)"},
	{ID: "local-name-removed", Level: Info, Opposite: "local-name-added", Doc: "a pathway-specific name removed"},
	{ID: "local-name-changed", Level: Info, Opposite: "local-name-changed", Doc: "a pathway-specific name reworded"},

	{ID: "cell-allowed", Level: Review, Levels: "action for a start or mandatory code (it must now be coded there), review otherwise", Opposite: "cell-disallowed", Doc: "a table cell changed from - to x: the code may be used in the pathway"},
	{ID: "cell-disallowed", Level: Action, Opposite: "cell-allowed", Doc: "a table cell changed from x to -: the code may no longer be used in the pathway"},
	{ID: "qualifier-changed", Level: Action, Levels: "action when a cell gains or changes its qualifier (a new restriction), review when it loses it", Opposite: "qualifier-changed", Doc: "a table cell's qualifier (kur, all)"},

	{ID: "note-added", Level: Review, Opposite: "note-removed", Prose: true, Doc: "a note (Förtydliganden eller avvikelser) for a code, in general or for pathways"},
	{ID: "note-removed", Level: Review, Opposite: "note-added", Prose: true, Doc: "a note removed"},
	{ID: "note-changed", Level: Review, Levels: "review when the text changed, info when only the heading did", Opposite: "note-changed", Prose: true, Doc: "a note's text or heading (same code and pathways)"},
	{ID: "note-pathways-changed", Level: Review, Opposite: "note-pathways-changed", Doc: "the same note text now concerns other pathways"},

	{ID: "rule-added", Level: Action, Levels: "action for an error or warning rule, review for an info rule", Opposite: "rule-removed", Doc: "a new checkable rule"},
	{ID: "rule-removed", Level: Review, Opposite: "rule-added", Doc: "a rule no longer exists: what it found is no longer reported"},
	{ID: "rule-changed", Level: Action, Levels: "action for an error or warning rule, review for an info rule", Opposite: "rule-changed", Doc: "a rule's condition (compared in the canonical format, so layout and comments do not count)"},
	{ID: "rule-severity-changed", Level: Action, Levels: "action when raised (info → warning → error), review when lowered", Opposite: "rule-severity-changed", Doc: "a rule's severity"},
	{ID: "rule-pathways-changed", Level: Action, Levels: "action when the rule now applies to a pathway it did not, review when it only applies to fewer", Opposite: "rule-pathways-changed", Doc: "the pathways a rule applies to"},
	{ID: "rule-renamed", Level: Info, Opposite: "rule-renamed", Doc: "a rule's Swedish name (on its header line)"},
	{ID: "rule-message-changed", Level: Info, Opposite: "rule-message-changed", Prose: true, Doc: "a rule's message"},
	{ID: "rule-ref-changed", Level: Info, Opposite: "rule-ref-changed", Doc: "where in the guide a rule comes from"},

	{ID: "leadtime-added", Level: Review, Opposite: "leadtime-removed", Doc: "a new lead time"},
	{ID: "leadtime-removed", Level: Review, Opposite: "leadtime-added", Doc: "a lead time no longer exists"},
	{ID: "leadtime-target-changed", Level: Action, Levels: "action when shortened, review when lengthened", Opposite: "leadtime-target-changed", Doc: "a lead time's target in calendar days"},
	{ID: "leadtime-target-added", Level: Action, Opposite: "leadtime-target-removed", Doc: "a lead time without a target now has one"},
	{ID: "leadtime-target-removed", Level: Review, Opposite: "leadtime-target-added", Doc: "a lead time's target was removed (no target can be given)"},
	{ID: "leadtime-changed", Level: Review, Opposite: "leadtime-changed", Doc: "a lead time's pathway, from or to codes, or condition"},
	{ID: "leadtime-renamed", Level: Info, Opposite: "leadtime-renamed", Doc: "a lead time's name"},
	{ID: "leadtime-ref-changed", Level: Info, Opposite: "leadtime-ref-changed", Doc: "where a lead time is defined"},

	{ID: "test-added", Level: Info, Opposite: "test-removed", Doc: "a test case of the rule files"},
	{ID: "test-removed", Level: Info, Opposite: "test-added", Doc: "a test case removed"},
	{ID: "test-changed", Level: Info, Opposite: "test-changed", Doc: "a test case's attributes, events or expectations"},
}

// kindRank is the place of each kind in Kinds, by id; made when first
// read (diff, explain), not at every start (issue 16).
var kindRank = lazy.Value[map[string]int]{New: func() map[string]int {
	m := make(map[string]int, len(Kinds))
	for i, k := range Kinds {
		m[k.ID] = i
	}
	return m
}}

// KindOf returns the kind with id, or nil.
func KindOf(id string) *Kind {
	if i, ok := kindRank.Get()[id]; ok {
		return Kinds[i]
	}
	return nil
}

// Count is how many changes there are at each level.
type Count struct {
	Action, Review, Info int
}

// Total is the number of changes.
func (c Count) Total() int { return c.Action + c.Review + c.Info }

// CountLevels counts the changes of cs by level; the header's records
// (Change.Meta) are not changes and are not counted.
func CountLevels(cs []Change) Count {
	var n Count
	for i := range cs {
		if !cs[i].Meta() {
			n = n.add(cs[i].Level)
		}
	}
	return n
}

func (c Count) add(l Level) Count {
	switch l {
	case Action:
		c.Action++
	case Review:
		c.Review++
	default:
		c.Info++
	}
	return c
}

// AtLeast reports whether a change of level l or higher is in cs; the
// header's records (Change.Meta) are not changes.
func AtLeast(cs []Change, l Level) bool {
	for i := range cs {
		if cs[i].Level >= l && !cs[i].Meta() {
			return true
		}
	}
	return false
}

// Filter keeps the changes at level min or above whose id is not in
// ignore; the header's records (Change.Meta) are kept unless ignored,
// since they are not changes and have no level to filter by. keep[i]
// says whether cs[i] was kept, so that what is parallel to cs (an
// Impact's ByChange) can follow.
func Filter(cs []Change, min Level, ignore []string) (out []Change, keep []bool) {
	skip := map[string]bool{}
	for _, id := range ignore {
		skip[id] = true
	}
	keep = make([]bool, len(cs))
	for i := range cs {
		c := &cs[i]
		if skip[c.ID] || !c.Meta() && c.Level < min {
			continue
		}
		keep[i] = true
		out = append(out, *c)
	}
	return out, keep
}
