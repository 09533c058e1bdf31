package safefile

import (
	"errors"
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
		why = msgNoSpace
	case errors.Is(err, syscall.EFBIG):
		why = msgTooLarge
	case errors.Is(err, syscall.EDQUOT):
		why = msgQuota
	case errors.Is(err, syscall.EROFS):
		why = msgReadOnly
	case errors.Is(err, fs.ErrPermission) || isSharingViolation(err):
		why = deniedText
	case errors.Is(err, syscall.EIO):
		why = msgIO
	case errors.Is(err, syscall.EPIPE):
		why = msgBrokenPipe
	case errors.Is(err, fs.ErrNotExist):
		why = msgNoDir
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
