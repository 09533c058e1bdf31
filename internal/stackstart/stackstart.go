// Package stackstart gives the main goroutine the stack a run of
// svfrules needs, at once and first: a goroutine starts with 2 KB of
// stack, and each time it runs out Go copies it to one twice the size,
// looking up every frame on it in the binary's tables to do so. Three
// such copies (in internal/godebug's and participle's initialisation,
// and deep under eval when it reads the header of its input) cost a
// 100-row eval some 0.2 to 0.3 ms of its 4.5 on the bench's machine,
// much of it first touches of the tables' pages (issue 16). Grown here,
// the stack is copied once, with three frames on it.
//
// Go initialises packages in the order of their import paths, each once
// those it imports are: this one imports nothing, so it comes before
// every package of the standard library that does, internal/godebug
// among them (TestStackGrownFirst in cmd/svfrules). Import it for its
// side effect from main.
package stackstart

// frame is the size of grow's frame: the stack it leaves is 32 KB, twice
// the deepest of a 100-row eval, so that the common commands do not grow
// it again before the garbage collector, which shrinks a stack that uses
// a quarter of its size, runs.
const frame = 28 << 10

func init() { grow() }

// grow has a frame of frame bytes, which the stack must hold: Go checks
// for the room on entry and grows the stack then. The array is never
// written (never is false): zeroing it touched seven pages of the new
// stack that a run does not use otherwise, each a page fault (issue 16).
//
//go:noinline
func grow() byte {
	if never {
		var b [frame]byte
		return last(&b)
	}
	return 0
}

// never is false; grow cannot know it.
var never bool

// last reads b, so that grow's frame is not optimised away.
//
//go:noinline
func last(b *[frame]byte) byte { return b[frame-1] }
