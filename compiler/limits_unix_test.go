//go:build unix

package compiler

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/lang"
)

// TestLoadRefusesDevicesAndFIFOs: in a real folder, a rule file that is a
// link to /dev/zero (read, it never ends) or a FIFO (opened, it waits for
// a writer) is a diagnostic, not memory exhausted or a hang.
func TestLoadRefusesDevicesAndFIFOs(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "noll.svf")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "rör.svf"), 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	g, diags, _ := Load(os.DirFS(dir), ".", "r")
	want := lang.Diagnostics{
		{Summary: fmt.Sprintf(msg.RuleFileNotRegular, msg.RuleFileKindDevice), Detail: msg.RuleFileNotRegularDetail, Pos: lang.Pos{File: "r/noll.svf"}},
		{Summary: fmt.Sprintf(msg.RuleFileNotRegular, msg.RuleFileKindPipe), Detail: msg.RuleFileNotRegularDetail, Pos: lang.Pos{File: "r/rör.svf"}},
	}
	if g != nil || !reflect.DeepEqual(diags, want) {
		t.Errorf("got\n%s\nwant\n%s", dump(diags), dump(want))
	}
}
