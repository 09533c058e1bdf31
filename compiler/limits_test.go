package compiler

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// growingFS is a file system whose files say they are empty when looked
// at, as a file that is still being written does, but hold size bytes
// when read.
type growingFS struct{ size int }

func (g growingFS) Open(name string) (fs.File, error) {
	return &growingFile{r: io.LimitReader(zeros{}, int64(g.size))}, nil
}

func (g growingFS) Stat(name string) (fs.FileInfo, error) { return emptyInfo{}, nil }

type growingFile struct{ r io.Reader }

func (f *growingFile) Stat() (fs.FileInfo, error) { return emptyInfo{}, nil }
func (f *growingFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *growingFile) Close() error               { return nil }

// zeros reads as '#' forever: a comment line that never ends.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '#'
	}
	return len(p), nil
}

type emptyInfo struct{}

func (emptyInfo) Name() string       { return "g.svf" }
func (emptyInfo) Size() int64        { return 0 }
func (emptyInfo) Mode() fs.FileMode  { return 0o644 }
func (emptyInfo) ModTime() time.Time { return time.Time{} }
func (emptyInfo) IsDir() bool        { return false }
func (emptyInfo) Sys() any           { return nil }

// TestReadRuleFileLimits: only regular files of at most MaxFileSize bytes
// are read as rule files; anything else is a diagnostic that names the
// file, given before the file is opened (a FIFO would wait for a writer,
// a device never ends) or, when the file grows while it is read, as soon
// as it passes the limit.
func TestReadRuleFileLimits(t *testing.T) {
	notRegular := func(kind string) error {
		return &lang.Diagnostic{Summary: fmt.Sprintf(msg.RuleFileNotRegular, kind), Detail: msg.RuleFileNotRegularDetail, Pos: lang.Pos{File: "r/g.svf"}}
	}
	tooLarge := &lang.Diagnostic{Summary: "regelfilen är större än 4 MiB",
		Detail: "en regelfil får vara högst 4 MiB (hela vägledningen 10.6 är omkring 100 kB); kontrollera att det är rätt fil, eller dela upp den i flera filer",
		Pos:    lang.Pos{File: "r/g.svf"}}
	cases := []struct {
		name string
		fsys fs.FS
		size int   // of the data read when there is no error
		err  error // a *lang.Diagnostic
	}{
		{"a regular file", fstest.MapFS{"g.svf": {Data: []byte("# x\n")}}, 4, nil},
		{"exactly the limit", fstest.MapFS{"g.svf": {Data: bytes.Repeat([]byte("#"), MaxFileSize)}}, MaxFileSize, nil},
		{"one byte over", fstest.MapFS{"g.svf": {Data: bytes.Repeat([]byte("#"), MaxFileSize+1)}}, 0, tooLarge},
		{"a file that grows while read", growingFS{MaxFileSize + 1}, 0, tooLarge},
		{"a file that grows while read, within the limit", growingFS{MaxFileSize}, MaxFileSize, nil},
		{"a FIFO", fstest.MapFS{"g.svf": {Mode: fs.ModeNamedPipe}}, 0, notRegular("en namngiven pipe (FIFO)")},
		{"a device", fstest.MapFS{"g.svf": {Mode: fs.ModeDevice | fs.ModeCharDevice}}, 0, notRegular("en enhetsfil")},
		{"a socket", fstest.MapFS{"g.svf": {Mode: fs.ModeSocket}}, 0, notRegular("en socket")},
		{"a folder", fstest.MapFS{"g.svf": {Mode: fs.ModeDir}}, 0, notRegular("en mapp")},
		{"something else", fstest.MapFS{"g.svf": {Mode: fs.ModeIrregular}}, 0, notRegular("något annat")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data, err := ReadRuleFile(tc.fsys, "g.svf", "r/g.svf")
			if !reflect.DeepEqual(err, tc.err) {
				t.Fatalf("got error %#v, want %#v", err, tc.err)
			}
			if len(data) != tc.size {
				t.Errorf("read %d bytes, want %d", len(data), tc.size)
			}
		})
	}
}

// TestLoadLimits: Load refuses a folder of more than MaxFiles rule files
// before reading any, and reports each file that is not a rule file.
func TestLoadLimits(t *testing.T) {
	many := func(n int) fstest.MapFS {
		fsys := fstest.MapFS{}
		for i := range n {
			fsys[fmt.Sprintf("r/%04d.svf", i)] = &fstest.MapFile{Data: []byte("# x\n")}
		}
		return fsys
	}
	cases := []struct {
		name string
		fsys fstest.MapFS
		want lang.Diagnostics
	}{
		{"too many files", many(MaxFiles + 1), lang.Diagnostics{{Summary: "mappen har 1001 regelfiler (*.svf); högst 1000 läses",
			Detail: "en version av vägledningen är ett tiotal filer; kontrollera att det är rätt mapp", Pos: lang.Pos{File: "shown"}}}},
		{"files that are not rule files among others", fstest.MapFS{
			"r/a.svf": {Data: []byte("# a rule file\n")},
			"r/b.svf": {Mode: fs.ModeNamedPipe},
			"r/c.svf": {Data: []byte(strings.Repeat("#", MaxFileSize+1))},
		}, lang.Diagnostics{
			{Summary: fmt.Sprintf(msg.RuleFileNotRegular, msg.RuleFileKindPipe), Detail: msg.RuleFileNotRegularDetail, Pos: lang.Pos{File: "shown/b.svf"}},
			{Summary: fmt.Sprintf(msg.RuleFileTooLarge, 4), Detail: fmt.Sprintf(msg.RuleFileTooLargeDetail, 4), Pos: lang.Pos{File: "shown/c.svf"}},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, diags, _ := Load(tc.fsys, "r", "shown")
			if g != nil {
				t.Errorf("Load returned a guide")
			}
			if !reflect.DeepEqual(diags, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", dump(diags), dump(tc.want))
			}
		})
	}
	// At the limit the files are read (and found to be no guide).
	_, diags, _ := Load(many(MaxFiles), "r", "shown")
	if len(diags) == 0 || strings.HasPrefix(diags[0].Summary, "mappen har") {
		t.Errorf("%d files: got %s", MaxFiles, dump(diags))
	}
}

func dump(ds lang.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%+v\n", *d)
	}
	return b.String()
}
