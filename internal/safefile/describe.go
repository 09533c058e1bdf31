package safefile

import (
	"errors"
	"fmt"
	"github.com/rcc/svfrules/internal/msg"
	"io/fs"
	"syscall"
)

// Describe says in Swedish why a write failed. The common causes (a full
// disk, a size limit, no permission, a missing folder, …) are said in
// Swedish only; any other error is given as the system's own text, marked
// as such, since it is in the system's language (English) and cannot be
// translated here.
func Describe(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return msg.FileNoSpace
	case errors.Is(err, syscall.EFBIG):
		return msg.FileTooLarge
	case errors.Is(err, syscall.EDQUOT):
		return msg.FileQuota
	case errors.Is(err, syscall.EROFS):
		return msg.FileReadOnly
	case errors.Is(err, fs.ErrPermission) || isSharingViolation(err):
		return deniedText
	case errors.Is(err, syscall.EIO):
		return msg.FileIO
	case errors.Is(err, syscall.EPIPE):
		return msg.FileBrokenPipe
	case errors.Is(err, syscall.EISDIR):
		return msg.FileIsFolder
	case errors.Is(err, syscall.ENOTDIR):
		return msg.FileNotFolder
	case errors.Is(err, fs.ErrExist):
		return msg.FileExists
	case errors.Is(err, fs.ErrNotExist):
		return msg.FileNoDir
	case errors.Is(err, errIsDir):
		return err.Error() // ours, in Swedish already
	}
	return fmt.Sprintf(msg.FileSystemText, errText(err))
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
