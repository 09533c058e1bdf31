package safefile

import (
	"errors"
	"github.com/rcc/svfrules/internal/msg"
	"io/fs"
	"syscall"
)

// Describe says in Swedish why a write failed, for the common causes (a
// full disk, a size limit, no permission), followed by the system's own
// words in parentheses; other errors as they are.
func Describe(err error) string {
	var why string
	switch {
	case errors.Is(err, syscall.ENOSPC):
		why = msg.FileNoSpace
	case errors.Is(err, syscall.EFBIG):
		why = msg.FileTooLarge
	case errors.Is(err, syscall.EDQUOT):
		why = msg.FileQuota
	case errors.Is(err, syscall.EROFS):
		why = msg.FileReadOnly
	case errors.Is(err, fs.ErrPermission) || isSharingViolation(err):
		why = deniedText
	case errors.Is(err, syscall.EIO):
		why = msg.FileIO
	case errors.Is(err, syscall.EPIPE):
		why = msg.FileBrokenPipe
	case errors.Is(err, fs.ErrNotExist):
		why = msg.FileNoDir
	default:
		return errText(err)
	}
	return why + " (" + errText(err) + ")"
}

// errText is err without the path of a *fs.PathError, which would name
// the temporary file.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
