//go:build !windows

package safefile

import "github.com/rcc/svfrules/internal/msg"

const deniedText = msg.FileDenied

// isSharingViolation is false: only Windows locks open files.
func isSharingViolation(error) bool { return false }
