package main

import (
	"bytes"

	"github.com/rcc/svfrules/compiler"
	svfruntime "github.com/rcc/svfrules/runtime"
)

// severity is the severity of a value of eval's --severity and
// --fail-on (error, warning, info); SevError for another. A switch, not
// a map made at every start (issue 16).
func severity(name string) compiler.Severity {
	switch name {
	case "warning":
		return compiler.SevWarning
	case "info":
		return compiler.SevInfo
	}
	return compiler.SevError
}

// sevFilter is a renderer that shows only the findings of a severity at
// least min. It hands the inner renderer a copy of the result, so the
// summary's counts (made from the result itself) still count every
// finding.
type sevFilter struct {
	inner svfruntime.Renderer
	min   compiler.Severity
}

func (f sevFilter) Episode(buf *bytes.Buffer, r *svfruntime.EpisodeResult) {
	keep := true
	for _, x := range r.Result.Findings {
		keep = keep && x.Rule.Severity <= f.min
	}
	if keep {
		f.inner.Episode(buf, r)
		return
	}
	cp := *r
	cp.Result.Findings = nil
	for _, x := range r.Result.Findings {
		if x.Rule.Severity <= f.min {
			cp.Result.Findings = append(cp.Result.Findings, x)
		}
	}
	f.inner.Episode(buf, &cp)
}

// filterSeverity wraps render so that it shows only findings of min or
// more severe, keeping what else render is (a Wrapper, a Lister).
func filterSeverity(render svfruntime.Renderer, min compiler.Severity) svfruntime.Renderer {
	f := sevFilter{render, min}
	w, isWrapper := render.(svfruntime.Wrapper)
	l, isLister := render.(svfruntime.Lister)
	switch {
	case isWrapper && isLister:
		return struct {
			sevFilter
			svfruntime.Wrapper
			wantsLists
		}{f, w, wantsLists{l}}
	case isWrapper:
		return struct {
			sevFilter
			svfruntime.Wrapper
		}{f, w}
	case isLister:
		return struct {
			sevFilter
			wantsLists
		}{f, wantsLists{l}}
	}
	return f
}

// wantsLists forwards Lister's own method only (its Episode is the
// filter's).
type wantsLists struct{ l svfruntime.Lister }

func (w wantsLists) WantsLists() bool { return w.l.WantsLists() }

// failsOn reports whether eval's exit code is 1 under --fail-on: a row
// was rejected, or (unless level is none) an episode has a finding of
// the level or more severe.
func failsOn(sum *svfruntime.Summary, g *compiler.Guide, level string) bool {
	if sum.RowsRejected > 0 {
		return true
	}
	if level == "none" {
		return false
	}
	if sum.HasErrors() {
		return true // every level is error or less severe
	}
	min := severity(level)
	for _, r := range g.Rules {
		if r.Severity <= min && sum.FindingsByRule[r.ID] > 0 {
			return true
		}
	}
	return false
}
