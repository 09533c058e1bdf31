package compiler

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/rcc/svfrules/lang"
)

// Ext is the file extension of rule files.
const Ext = ".svf"

// Load reads every rule file (*.svf) in dir of fsys, parses and checks
// them as one guide version. Files are read in name order so that
// diagnostics and output do not depend on the file system. display is
// prepended to file names in diagnostics (e.g. "rules/10.6").
//
// Syntax errors stop before the semantic checks: a declaration that did
// not parse would otherwise show up as a cascade of "missing" errors.
func Load(fsys fs.FS, dir, display string) (*Guide, lang.Diagnostics, lang.Sources) {
	src := lang.Sources{}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, lang.Diagnostics{{Summary: fmt.Sprintf("cannot read rule folder: %v", unwrapPathError(err)),
			Detail: "give a folder that holds the .svf files of one guide version", Pos: lang.Pos{File: display}}}, src
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), Ext) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, lang.Diagnostics{{Summary: "no rule files (*.svf) in the folder",
			Detail: "a guide version is a folder of .svf files; see docs/language.md", Pos: lang.Pos{File: display}}}, src
	}
	var files []*lang.File
	var diags lang.Diagnostics
	for _, n := range names {
		data, err := fs.ReadFile(fsys, path.Join(dir, n))
		shown := path.Join(display, n)
		if err != nil {
			diags = append(diags, &lang.Diagnostic{Summary: fmt.Sprintf("cannot read: %v", unwrapPathError(err)), Pos: lang.Pos{File: shown}})
			continue
		}
		src[shown] = data
		f, ds := lang.Parse(shown, data)
		diags = append(diags, ds...)
		files = append(files, f)
	}
	if diags.HasErrors() {
		diags.Sort()
		return nil, diags, src
	}
	g, ds := Check(files, src)
	if ds.HasErrors() {
		return nil, ds, src
	}
	return g, ds, src
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}
