// Package lazy holds values made on their first use.
package lazy

import "sync"

// Value is a value that New makes on the first Get, once, whichever
// goroutines ask. A package-level Value whose New is a function literal
// that captures nothing is data the linker lays out, so it costs a start
// of svfrules nothing until it is used. A package-level sync.OnceValue
// is a call at package initialisation: each allocated its closures at
// every start of every command, some thirty of them a thousand
// instructions each and scattered small objects (issue 16). As with
// sync.OnceValue, if New panics, every Get panics with the same value.
type Value[T any] struct {
	New      func() T
	once     sync.Once
	v        T
	panicked bool
	p        any
}

// Get returns the value, making it on the first call.
func (l *Value[T]) Get() T {
	l.once.Do(l.make)
	if l.panicked {
		panic(l.p)
	}
	return l.v
}

func (l *Value[T]) make() {
	defer func() {
		if p := recover(); p != nil {
			l.panicked, l.p = true, p
		}
	}()
	l.v = l.New()
}
