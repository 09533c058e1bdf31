package lsp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"testing/fstest"
	"time"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
	svfruntime "github.com/rcc/svfrules/runtime"
)

// folder is one guide version's folder of rule files. Its check runs on
// the check loop only, so cache needs no lock; snap is read by the
// handlers under the server's lock.
type folder struct {
	dir   string
	cache map[string]*source // the last text of each file and its parse
	disk  map[string]stamp   // when and how big each file on disk was when read
	snap  *snapshot          // the last check
	shown map[string]string  // per file, the diagnostics last published (as JSON), to send only changes
}

// source is one rule file as checked: its text and parse.
type source struct {
	name   string // base name, as diagnostics name it
	text   []byte
	file   *lang.File // partial when the file has syntax errors
	diags  lang.Diagnostics
	starts []int // line starts of text
}

// stamp tells whether a file on disk changed since it was read.
type stamp struct {
	mod  time.Time
	size int64
}

// snapshot is the result of one check of a folder.
type snapshot struct {
	dir   string
	names []string           // base names of the rule files, sorted
	files map[string]*source // by base name; missing for a file that could not be read
	// guide is the checked model; when the files do not parse, the
	// model of the declarations that did, so hover and completion keep
	// working while a line is half typed.
	guide *compiler.Guide
	// diags are the diagnostics of the check: reading, syntax, the
	// compiler's checks, its lint warnings and failing test cases.
	diags lang.Diagnostics
}

// overlay is the text of an open document at the time of a check.
type overlay struct {
	text    string
	version int32
	uri     string
}

// hasRuleFiles reports whether dir holds a .svf file.
func hasRuleFiles(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), compiler.Ext) {
			return true
		}
	}
	return false
}

// markDirty schedules a check of dir; the caller holds s.mu.
func (s *Server) markDirty(dir string) {
	if s.folders[dir] == nil {
		s.folders[dir] = &folder{dir: dir, cache: map[string]*source{}, disk: map[string]stamp{}, shown: map[string]string{}}
	}
	s.dirty[dir] = true
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// checkLoop checks dirty folders until ctx ends. Edits that arrive while
// a check runs are taken together by the next one, so a burst of typing
// costs one check, not one per key.
func (s *Server) checkLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.wake:
		}
		for ctx.Err() == nil {
			s.mu.Lock()
			var dirs []string
			for d := range s.dirty {
				dirs = append(dirs, d)
			}
			if len(dirs) == 0 {
				s.mu.Unlock()
				break
			}
			sort.Strings(dirs)
			dir := dirs[0]
			delete(s.dirty, dir)
			f := s.folders[dir]
			open := map[string]overlay{}
			for _, d := range s.docs {
				if filepath.Dir(d.path) == dir {
					open[filepath.Base(d.path)] = overlay{text: d.text, version: d.version, uri: string(d.uri)}
				}
			}
			prev := f.snap
			s.mu.Unlock()

			snap := s.safeCheck(f, open, prev)
			s.mu.Lock()
			f.snap = snap
			conn := s.conn
			s.mu.Unlock()
			s.publish(ctx, conn, f, snap, open)
			if s.checked != nil {
				s.checked(dir)
			}
		}
	}
}

// safeCheck is f.check; a panic in it (a bug) is logged and the last
// check's results stay, so the session goes on.
func (s *Server) safeCheck(f *folder, open map[string]overlay, prev *snapshot) (snap *snapshot) {
	defer func() {
		if r := recover(); r != nil {
			s.mu.Lock()
			s.panics++
			s.mu.Unlock()
			fmt.Fprintf(s.log, msg.LSPInternalError+"\n%s\n", "check "+f.dir, r, debug.Stack())
			f.cache = map[string]*source{}
			snap = prev
			if snap == nil {
				snap = &snapshot{dir: f.dir, files: map[string]*source{}}
			}
		}
	}()
	return f.check(open, prev)
}

// check reads the folder (open documents over the files on disk), parses
// what changed since the last check and checks the whole as the compiler
// does: syntax errors stop before the semantic checks, and the test
// cases run only on rules that compile.
func (f *folder) check(open map[string]overlay, prev *snapshot) *snapshot {
	snap := &snapshot{dir: f.dir, files: map[string]*source{}}
	seen := map[string]bool{}
	if entries, err := os.ReadDir(f.dir); err == nil {
		for _, e := range entries {
			if !e.IsDir() && strings.HasSuffix(e.Name(), compiler.Ext) {
				seen[e.Name()] = true
			}
		}
	}
	for name := range open {
		if strings.HasSuffix(name, compiler.Ext) {
			seen[name] = true
		}
	}
	for name := range seen {
		snap.names = append(snap.names, name)
	}
	sort.Strings(snap.names)
	if len(snap.names) > compiler.MaxFiles {
		snap.diags = lang.Diagnostics{compiler.TooManyRuleFiles(f.dir, len(snap.names))}
		snap.names = nil
		return snap
	}

	var diags lang.Diagnostics
	var files []*lang.File
	src := lang.Sources{}
	cache := map[string]*source{}
	for _, name := range snap.names {
		data, err := f.read(name, open)
		if err != nil {
			var d *lang.Diagnostic
			if !errors.As(err, &d) {
				d = &lang.Diagnostic{Severity: lang.Error, Summary: err.Error(), Pos: lang.Pos{File: name}}
			}
			diags = append(diags, d)
			continue
		}
		sf := f.cache[name]
		if sf == nil || !bytes.Equal(sf.text, data) {
			file, ds := lang.Parse(name, data)
			sf = &source{name: name, text: data, file: file, diags: ds, starts: lineStarts(string(data))}
		}
		cache[name] = sf
		snap.files[name] = sf
		src[name] = sf.text
		diags = append(diags, sf.diags...)
		files = append(files, sf.file)
	}
	f.cache = cache
	if len(files) == 0 {
		diags.Sort()
		snap.diags = diags
		return snap
	}
	if diags.HasErrors() {
		// As svfrules check, only the syntax errors are reported (the
		// checks would add a cascade of "missing" errors). The model of
		// what did parse keeps hover and completion going while a line
		// is half typed.
		diags.Sort()
		snap.diags = diags
		if g, _ := compiler.Check(files, src); g != nil {
			snap.guide = g
		}
		return snap
	}
	g, ds := compiler.Check(files, src)
	snap.guide = g
	diags = append(diags, ds...)
	if !ds.HasErrors() {
		// As compiler.Load: the lint warnings of a guide that compiles.
		diags = append(diags, compiler.Lint(g, filepath.Base(f.dir))...)
		diags = append(diags, testFailures(g, snap)...)
	}
	diags.Sort()
	snap.diags = diags
	return snap
}

// read returns the text of the rule file name: the open document's, or
// the file on disk's, with the limits the compiler applies to both.
func (f *folder) read(name string, open map[string]overlay) ([]byte, error) {
	if o, ok := open[name]; ok {
		return compiler.ReadRuleFile(fstest.MapFS{name: &fstest.MapFile{Data: []byte(o.text)}}, name, name)
	}
	// A file on disk that has not changed since the last check is not
	// read again (a check per keystroke reads the other files of the
	// folder each time otherwise).
	if info, err := os.Stat(filepath.Join(f.dir, name)); err == nil && info.Mode().IsRegular() {
		st := stamp{info.ModTime(), info.Size()}
		if sf := f.cache[name]; sf != nil && f.disk[name] == st && int64(len(sf.text)) == st.size {
			return sf.text, nil
		}
		data, err := compiler.ReadRuleFile(os.DirFS(f.dir), name, name)
		if err == nil {
			f.disk[name] = st
		}
		return data, err
	}
	delete(f.disk, name)
	return compiler.ReadRuleFile(os.DirFS(f.dir), name, name)
}

// testFailures runs the guide's test cases (`svfrules test`) and returns
// a diagnostic at every case that fails.
func testFailures(g *compiler.Guide, snap *snapshot) lang.Diagnostics {
	var out lang.Diagnostics
	for _, r := range svfruntime.RunTests(compiler.Compile(g), nil) {
		if r.Pass {
			continue
		}
		p := r.Test.Pos
		if sf := snap.files[p.File]; sf != nil {
			p = wordOnLine(sf, p, r.Test.ID)
		}
		out = append(out, testFailure(r.Test.ID, r.Failures, p))
	}
	return out
}

// wordOnLine returns the place of word on the line of p at or after p, or
// p when it is not there.
func wordOnLine(sf *source, p lang.Pos, word string) lang.Pos {
	line, _, ok := lineOf(string(sf.text), sf.starts, p.Line-1)
	if !ok {
		return p
	}
	for _, t := range lang.Tokens(sf.name, []byte(line)) {
		if t.Text == word && t.Pos.Column >= p.Column {
			return lang.Pos{File: p.File, Line: p.Line, Column: t.Pos.Column}
		}
	}
	return p
}
