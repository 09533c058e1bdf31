package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/rcc/svfrules/internal/msg"
)

// TestDescribe: the common causes of a failed write are said in Swedish
// only, without the system's English; any other error is the system's
// text, marked as such.
func TestDescribe(t *testing.T) {
	path := func(errno error) error { return &fs.PathError{Op: "open", Path: "/x/.svfrules-tmp-1", Err: errno} }
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"permission denied", path(syscall.EACCES), deniedText},
		{"operation not permitted", path(syscall.EPERM), deniedText},
		{"no such file or directory", path(syscall.ENOENT), "mappen finns inte"},
		{"is a directory", path(syscall.EISDIR), "det är en mapp, inte en fil"},
		{"not a directory", path(syscall.ENOTDIR), "en del av sökvägen är en fil, inte en mapp"},
		{"no space left", path(syscall.ENOSPC), "disken är full"},
		{"file exists", path(syscall.EEXIST), "filen finns redan"},
		{"read-only file system", path(syscall.EROFS), "filsystemet är skrivskyddat"},
		{"file too large", path(syscall.EFBIG), "filen blir större än vad som är tillåtet (filstorleksgräns)"},
		{"input/output error", path(syscall.EIO), "in- eller utmatningsfel på disken"},
		{"target is a folder", errIsDir, "det är en mapp; ange en fil"},
		{"other, without the temporary file's path", path(syscall.ENAMETOOLONG), "systemets felmeddelande: file name too long"},
		{"other error", errors.New("something odd"), "systemets felmeddelande: something odd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Describe(tt.err); got != tt.want {
				t.Errorf("Describe = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestErrorNextStep: a failed write says what to do for the causes a
// user can act on (issue 13): create the folder, write elsewhere, free
// space; nothing for a cause the user cannot change.
func TestErrorNextStep(t *testing.T) {
	path := func(dir string, errno error) error {
		return &fs.PathError{Op: "open", Path: filepath.Join(dir, ".svfrules-tmp-1"), Err: errno}
	}
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"no folder", path("/nope/nope", syscall.ENOENT), "kan inte skriva nope/x.csv: mappen finns inte; nope/x.csv har inte skapats; skapa mappen eller välj en annan"},
		// The folder exists and takes no new file (/proc): not "mappen finns inte".
		{"folder takes no files", path(os.TempDir(), syscall.ENOENT), "kan inte skriva nope/x.csv: kan inte skapa en temporär fil i samma mapp: mappen tar inte emot nya filer; nope/x.csv har inte skapats; spara i en mapp där du får skriva"},
		{"denied", path("/x", syscall.EACCES), "kan inte skriva nope/x.csv: " + deniedText + "; nope/x.csv har inte skapats; spara i en mapp där du får skriva"},
		{"full", path("/x", syscall.ENOSPC), "kan inte skriva nope/x.csv: disken är full; nope/x.csv har inte skapats; frigör plats eller spara på en annan disk"},
		{"other", path("/x", syscall.EIO), "kan inte skriva nope/x.csv: in- eller utmatningsfel på disken; nope/x.csv har inte skapats"},
	} {
		e := &Error{Path: "nope/x.csv", Err: tc.err, Unchanged: true}
		if tc.name == "folder takes no files" {
			e.Step = msg.FileCreateTemp
		}
		if got := e.Error(); got != tc.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tc.name, got, tc.want)
		}
	}
}
