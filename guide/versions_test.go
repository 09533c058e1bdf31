package guide_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/guide"
	"github.com/rcc/svfrules/rules"
)

// Every embedded version renders, joint and for every pathway, in every
// format, the same bytes twice; every code heading of the joint guide is
// there once; a per-diagnosis guide shows only its own pathway's rows.
func TestEveryVersionAndPathway(t *testing.T) {
	var history []*compiler.Guide
	for _, v := range rules.Versions() {
		g := load(t, v)
		history = append(history, g)
		pathways := append([]*compiler.Pathway{nil}, g.Pathways...)
		for _, p := range pathways {
			opts := guide.Options{Pathway: p, History: guide.History{Versions: history}}
			for _, f := range guide.Formats {
				once, twice := write(t, g, opts, f), write(t, g, opts, f)
				if !bytes.Equal(once, twice) {
					t.Fatalf("guide %s %v %s: two renderings differ", v, p, f)
				}
				if f != "text" {
					continue
				}
				text := string(once)
				if p == nil {
					for _, c := range g.Codes {
						if n := strings.Count(text, "\nVXX"+c.Suffix+" – "+c.Name+"\n"); n != 1 {
							t.Errorf("guide %s: the heading of code %s is there %d times", v, c.Suffix, n)
						}
					}
					continue
				}
				for _, other := range g.Pathways {
					if other != p && strings.Contains(text, "\t"+other.Name+"\n") && !strings.Contains(p.Name, other.Name) {
						t.Errorf("guide %s, %s: a row of %s", v, p.Key, other.Key)
						break
					}
				}
			}
		}
	}
}

func write(t *testing.T, g *compiler.Guide, opts guide.Options, format string) []byte {
	t.Helper()
	d := guide.Build(g, opts)
	var buf bytes.Buffer
	var err error
	switch format {
	case "html":
		err = guide.WriteHTML(&buf, d)
	case "markdown":
		err = guide.WriteMarkdown(&buf, d)
	default:
		err = guide.WriteText(&buf, d)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
