package safefile

import (
	"errors"
	"syscall"

	"github.com/rcc/svfrules/internal/msg"
)

// deniedText: on Windows a file open in another program is the usual
// reason why it cannot be replaced.
const deniedText = msg.FileDeniedOpen

// isSharingViolation reports ERROR_SHARING_VIOLATION (32) and
// ERROR_LOCK_VIOLATION (33): another program has the file open.
func isSharingViolation(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == 32 || errno == 33)
}
