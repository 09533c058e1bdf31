//go:build !linux

package runtime

// populated returns room for n values of T, all zero, and what gives it
// back (nothing to do here: an ordinary slice; see populate_linux.go).
func populated[T any](n int) (s []T, release func()) {
	return make([]T, n), func() {}
}
