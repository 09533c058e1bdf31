//go:build !windows

package safefile

const deniedText = msgDenied

// isSharingViolation is false: only Windows locks open files.
func isSharingViolation(error) bool { return false }
