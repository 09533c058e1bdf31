package safefile

import (
	"errors"
	"io/fs"
	"syscall"
	"testing"
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
