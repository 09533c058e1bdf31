package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/rcc/svfrules/internal/msg"
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

// folderExists reports whether the folder of the file err names exists.
func folderExists(err error) bool {
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Path == "" {
		return false
	}
	info, serr := os.Stat(filepath.Dir(pe.Path))
	return serr == nil && info.IsDir()
}

// nextStep says what to do about a failed write, for the common causes
// (the user can act on them), else "".
func nextStep(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist) && !folderExists(err), errors.Is(err, syscall.ENOTDIR):
		return msg.FileStepNoDir
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.EROFS), errors.Is(err, fs.ErrPermission):
		return msg.FileStepOtherFolder
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return msg.FileStepNoSpace
	}
	return ""
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
