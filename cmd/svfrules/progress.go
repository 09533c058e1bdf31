package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/runtime/input"
)

// progress shows how much of the input has been read, on one line that
// rewrites itself: "läst 123 MB av 261 MB (47 %)". It appears once a run
// has taken progressDelay and changes at most every progressEvery.
type progress struct {
	w     io.Writer
	now   func() time.Time
	start time.Time

	mu     sync.Mutex
	total  int64
	read   []int64 // by input
	last   time.Time
	shown  int // width of the line on screen, 0 when none
	closed bool
}

const (
	progressDelay = 500 * time.Millisecond
	progressEvery = 200 * time.Millisecond
)

// newProgress measures the inputs' sizes (an input that cannot be opened
// counts 0; the run reports it). now is the clock (time.Now).
func newProgress(w io.Writer, inputs []input.Input, now func() time.Time) *progress {
	p := &progress{w: w, now: now, read: make([]int64, len(inputs))}
	p.start = p.now()
	for _, in := range inputs {
		rc, err := in.Open()
		if err != nil {
			continue
		}
		if f, ok := rc.(interface{ Stat() (os.FileInfo, error) }); ok {
			if info, err := f.Stat(); err == nil {
				p.total += info.Size()
			}
		}
		rc.Close()
	}
	return p
}

// wrap returns inputs whose readers count what is read. An input opened
// again (the run restarts when an episode's rows are not adjacent) counts
// from zero again.
func (p *progress) wrap(inputs []input.Input) []input.Input {
	out := make([]input.Input, len(inputs))
	for i, in := range inputs {
		open := in.Open
		out[i] = input.Input{Name: in.Name, Open: func() (io.ReadCloser, error) {
			rc, err := open()
			if err != nil {
				return nil, err
			}
			p.mu.Lock()
			p.read[i] = 0
			p.mu.Unlock()
			return countingReadCloser{rc, p, i}, nil
		}}
	}
	return out
}

type countingReadCloser struct {
	io.ReadCloser
	p *progress
	i int
}

func (c countingReadCloser) Read(b []byte) (int, error) {
	n, err := c.ReadCloser.Read(b)
	c.p.add(c.i, n)
	return n, err
}

func (p *progress) add(i, n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.read[i] += int64(n)
	now := p.now()
	if p.closed || now.Sub(p.start) < progressDelay || now.Sub(p.last) < progressEvery {
		return
	}
	p.last = now
	var read int64
	for _, r := range p.read {
		read += r
	}
	line := fmt.Sprintf(msg.ProgressRead, byteSize(read), byteSize(p.total))
	if p.total > 0 {
		line += fmt.Sprintf(msg.ProgressShare, min(100, read*100/p.total))
	}
	pad := ""
	if len([]rune(line)) < p.shown {
		pad = strings.Repeat(" ", p.shown-len([]rune(line)))
	}
	fmt.Fprintf(p.w, "\r%s%s", line, pad)
	p.shown = max(p.shown, len([]rune(line)))
}

// finish clears the line; nil-safe, so callers need not check whether a
// progress line was wanted.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	if p.shown > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.shown))
		p.shown = 0
	}
}

// byteSize writes a size in kB below a megabyte, else in MB (decimal).
func byteSize(n int64) string {
	if n < 1_000_000 {
		return fmt.Sprintf(msg.ProgressKB, n/1000)
	}
	return fmt.Sprintf(msg.ProgressMB, n/1_000_000)
}
