package main

import (
	"fmt"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/compiler/changes"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/runtime/report"
)

// valueName is one value of an enumerated flag: the name programs and
// scripts use, and the Swedish word the output prints for it, which is
// accepted as a synonym (eval --severity fel, diff --level åtgärd).
// hidden values are accepted but not listed (report --by pathway);
// svOnly values are listed by their Swedish word only, and the name is
// accepted without being shown (report --by län, not county (län)).
type valueName struct {
	name, sv string
	hidden   bool
	svOnly   bool
}

// valueTable is the one table of a flag's values, in the order help and
// messages list them.
type valueTable []valueName

// parse returns the name a value stands for, either word, in any case.
func (t valueTable) parse(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, v := range t {
		if s == v.name || s == v.sv {
			return v.name, true
		}
	}
	return "", false
}

// list is the values as help and usage errors show them: "error (fel),
// warning (varning) eller info (information)"; a value whose Swedish
// word is the same is shown once.
func (t valueTable) list() string {
	var parts []string
	for _, v := range t {
		if v.hidden {
			continue
		}
		p := v.name
		switch {
		case v.svOnly:
			p = v.sv
		case v.sv != "" && v.sv != v.name:
			p += " (" + v.sv + ")"
		}
		parts = append(parts, p)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + msg.ListAnd + " " + parts[len(parts)-1]
}

// unknown is the usage error for a value not in t: which values there
// are, and the nearest one when a value is close (menade du "fel"?).
func (t valueTable) unknown(flag, value string) string {
	var names []string
	for _, v := range t {
		if v.hidden {
			continue
		}
		names = append(names, v.name)
		if v.sv != "" && v.sv != v.name {
			names = append(names, v.sv)
		}
	}
	text := fmt.Sprintf(msg.FlagValueUnknown, value, flag, t.list())
	if dym := lang.DidYouMean(strings.ToLower(value), names); dym != "" {
		text += "; " + dym
	}
	return text
}

// severityValues are eval's --severity, with the words its output
// prints (Severity.Describe).
var severityValues = valueTable{
	{name: compiler.SevError.String(), sv: compiler.SevError.Describe()},
	{name: compiler.SevWarning.String(), sv: compiler.SevWarning.Describe()},
	{name: compiler.SevInfo.String(), sv: compiler.SevInfo.Describe()},
}

// failOnValues are eval's --fail-on: a severity, or none (only rejected
// rows fail).
var failOnValues = append(append(valueTable{}, severityValues...), valueName{name: "none", sv: msg.FailOnNone})

// levelValues are diff's --level and --fail-on, most important first,
// with the words the text output prints.
var levelValues = valueTable{
	{name: changes.Action.String(), sv: msg.DiffLevelAction},
	{name: changes.Review.String(), sv: msg.DiffLevelReview},
	{name: changes.Info.String(), sv: msg.DiffLevelInfo},
}

// byValues returns report's --by dimensions, with the column titles the
// report prints (made when asked for, not at every start of svfrules:
// issue 16). pathway is accepted (every measure is per pathway) but
// not listed, as help does not list it. Help, usage errors and
// completion name the Swedish words only (län, kön, kvartal): the
// users write Swedish; the ids (county, sex, quarter), which json and
// csv's rfc4180 dialect print, are accepted as well, and "menade du"
// suggests from both.
func byValues() valueTable {
	var t valueTable
	for _, d := range report.Dimensions {
		t = append(t, valueName{name: d, sv: strings.ToLower(report.DimensionLabel(d)), hidden: d == "pathway", svOnly: true})
	}
	return t
}

// shown are the values help lists, in their listed word (for
// completion).
func (t valueTable) shown() []string {
	var out []string
	for _, v := range t {
		switch {
		case v.hidden:
		case v.svOnly:
			out = append(out, v.sv)
		default:
			out = append(out, v.name)
		}
	}
	return out
}
