package compiler

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// Ext is the file extension of rule files.
const Ext = ".svf"

// DuplicateRuleID is the id of svfrules' own finding for an event on
// several rows (runtime.DuplicateRule): no rule of the files, so a
// rule-file test cannot expect it, and check says why.
const DuplicateRuleID = "dubblettrad"

// Limits on what is read as rule files. A whole guide version is about a
// dozen files and 100 kB; the limits are far above that and keep a wrong
// folder, a huge file or a device (a link to /dev/zero) from exhausting
// memory or hanging the tool.
const (
	// MaxFileSize is the largest rule file read, in bytes (4 MiB).
	MaxFileSize = 4 << 20
	// MaxFiles is the most rule files read from one folder.
	MaxFiles = 1000
)

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
		return nil, lang.Diagnostics{{Summary: fmt.Sprintf(msg.RulesFolderUnreadable, describeReadError(err)),
			Detail: msg.RulesFolderUnreadableDetail, Pos: lang.Pos{File: display}}}, src
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), Ext) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, lang.Diagnostics{{Summary: msg.RulesFolderEmpty, Detail: msg.RulesFolderEmptyDetail, Pos: lang.Pos{File: display}}}, src
	}
	if len(names) > MaxFiles {
		return nil, lang.Diagnostics{TooManyRuleFiles(display, len(names))}, src
	}
	var files []*lang.File
	var diags lang.Diagnostics
	for _, n := range names {
		shown := path.Join(display, n)
		data, err := ReadRuleFile(fsys, path.Join(dir, n), shown)
		if err != nil {
			var d *lang.Diagnostic
			if !errors.As(err, &d) {
				d = &lang.Diagnostic{Summary: fmt.Sprintf(msg.RuleFileUnreadable, describeReadError(err)), Pos: lang.Pos{File: shown}}
			}
			diags = append(diags, d)
			continue
		}
		src[shown] = data
		f, ds := lang.Parse(shown, data)
		diags = append(diags, ds...)
		files = append(files, f)
	}
	g, diags := checkAndLint(files, diags, src, display)
	return g, diags, src
}

// checkAndLint checks parsed files as one guide version (see checkParsed)
// and adds the lint's warnings when the check passed.
func checkAndLint(files []*lang.File, diags lang.Diagnostics, src lang.Sources, display string) (*Guide, lang.Diagnostics) {
	g, diags := checkParsed(files, diags, src)
	if g != nil {
		diags = append(diags, Lint(g, folderName(display))...)
		diags.Sort()
	}
	return g, diags
}

// folderName is the last element of a folder as shown ("rules/10.6",
// `C:\regler\10.7`), for the lint's version check.
func folderName(display string) string {
	display = strings.TrimRight(display, `/\`)
	if i := strings.LastIndexAny(display, `/\`); i >= 0 {
		return display[i+1:]
	}
	return display
}

// checkParsed checks parsed files (in name order) as one guide version,
// unless reading or parsing them gave errors (diags).
func checkParsed(files []*lang.File, diags lang.Diagnostics, src lang.Sources) (*Guide, lang.Diagnostics) {
	if diags.HasErrors() {
		diags.Sort()
		return nil, diags
	}
	g, ds := Check(files, src)
	if ds.HasErrors() {
		return nil, ds
	}
	return g, ds
}

// ReadRuleFile reads the rule file name of fsys. Only a regular file (a
// link is followed) of at most MaxFileSize bytes is read: anything else
// is refused with a *lang.Diagnostic naming the file as shown, before it
// is opened (opening a FIFO waits for a writer) or, for a file that grows
// while it is read, as soon as it passes the limit. Other failures are
// returned as the file system's error.
func ReadRuleFile(fsys fs.FS, name, shown string) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if d := checkRuleFile(info, shown); d != nil {
		return nil, d
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have been replaced since it was looked at.
	if info, err := f.Stat(); err != nil {
		return nil, err
	} else if d := checkRuleFile(info, shown); d != nil {
		return nil, d
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf(msg.RuleFileReadFailed, name, err)
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(shown)
	}
	return data, nil
}

// checkRuleFile refuses what is not a regular file or is too large.
func checkRuleFile(info fs.FileInfo, shown string) *lang.Diagnostic {
	mode := info.Mode()
	if !mode.IsRegular() {
		kind := msg.RuleFileKindOther
		switch {
		case mode.IsDir():
			kind = msg.RuleFileKindDir
		case mode&fs.ModeNamedPipe != 0:
			kind = msg.RuleFileKindPipe
		case mode&fs.ModeSocket != 0:
			kind = msg.RuleFileKindSocket
		case mode&(fs.ModeDevice|fs.ModeCharDevice) != 0:
			kind = msg.RuleFileKindDevice
		}
		return &lang.Diagnostic{Severity: lang.Error, Summary: fmt.Sprintf(msg.RuleFileNotRegular, kind),
			Detail: msg.RuleFileNotRegularDetail, Pos: lang.Pos{File: shown}}
	}
	if info.Size() > MaxFileSize {
		return tooLarge(shown)
	}
	return nil
}

func tooLarge(shown string) *lang.Diagnostic {
	return &lang.Diagnostic{Severity: lang.Error, Summary: fmt.Sprintf(msg.RuleFileTooLarge, MaxFileSize>>20),
		Detail: fmt.Sprintf(msg.RuleFileTooLargeDetail, MaxFileSize>>20), Pos: lang.Pos{File: shown}}
}

// TooManyRuleFiles is the diagnostic for a folder (as shown) with n rule
// files, more than MaxFiles.
func TooManyRuleFiles(shown string, n int) *lang.Diagnostic {
	return &lang.Diagnostic{Severity: lang.Error, Summary: fmt.Sprintf(msg.RuleFilesTooMany, n, MaxFiles),
		Detail: msg.RuleFilesTooManyDetail, Pos: lang.Pos{File: shown}}
}

// describeReadError says in Swedish why a file or folder could not be
// read; other failures keep the system's words, without the path (the
// diagnostic names it).
func describeReadError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return msg.RulesNoSuchFolder
	case errors.Is(err, fs.ErrPermission):
		return msg.RulesNoPermission
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
