package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/rcc/svfrules/internal/safefile"
)

// fileState is what the fault tests compare of a file before and after a
// command: its bytes, mode, the target of a symbolic link, its inode and
// link count.
type fileState struct {
	data  string
	mode  os.FileMode
	link  string
	ino   uint64
	nlink uint64
}

func (s fileState) String() string {
	return fmt.Sprintf("%d bytes, mode %v, link %q, inode %d, %d links", len(s.data), s.mode, s.link, s.ino, s.nlink)
}

// stateOf reads path's state; a symbolic link is followed for the rest.
func stateOf(path string) (fileState, error) {
	var s fileState
	li, err := os.Lstat(path)
	if err != nil {
		return s, err
	}
	if li.Mode()&os.ModeSymlink != 0 {
		if s.link, err = os.Readlink(path); err != nil {
			return s, err
		}
	}
	info, err := os.Stat(path)
	if err != nil {
		return s, err
	}
	s.mode = info.Mode()
	s.ino, s.nlink = inode(info)
	if info.Mode().IsRegular() {
		b, err := os.ReadFile(path)
		if err != nil {
			return s, err
		}
		s.data = string(b)
	}
	return s, nil
}

// tempFiles lists the temporary files of svfrules left in dir: those of
// safefile (.svfrules-*) and of the runtime (svfrules-*).
func tempFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), safefile.TempPrefix) || strings.HasPrefix(e.Name(), "svfrules-") {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// snapKey is where a script keeps the states taken by snap.
const snapKey = "snapshots"

// scriptSetup gives a script the RULES variable and room for snapshots.
func scriptSetup(env *testscript.Env) error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	env.Setenv("RULES", wd+"/../../rules")
	env.Values[snapKey] = map[string]fileState{}
	return nil
}

// faultCmds are the script commands of the fault tests:
//
//	snap FILE...   remember the files' states
//	unchanged      every remembered file has its state still
//	notemps [DIR]  no temporary file of svfrules in DIR (default: $WORK)
var faultCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"snap": func(ts *testscript.TestScript, neg bool, args []string) {
		snaps := ts.Value(snapKey).(map[string]fileState)
		for _, a := range args {
			s, err := stateOf(ts.MkAbs(a))
			ts.Check(err)
			snaps[a] = s
		}
	},
	"unchanged": func(ts *testscript.TestScript, neg bool, args []string) {
		snaps := ts.Value(snapKey).(map[string]fileState)
		var names []string
		for n := range snaps {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			s, err := stateOf(ts.MkAbs(n))
			ts.Check(err)
			if s != snaps[n] {
				ts.Fatalf("%s changed: was %v, is %v", n, snaps[n], s)
			}
		}
	},
	"notemps": func(ts *testscript.TestScript, neg bool, args []string) {
		dir := ts.Getenv("WORK")
		if len(args) > 0 {
			dir = ts.MkAbs(args[0])
		}
		left, err := tempFiles(dir)
		ts.Check(err)
		if len(left) > 0 {
			ts.Fatalf("temporary files left in %s: %s", filepath.Base(dir), strings.Join(left, ", "))
		}
	},
}
