// Command gen writes rules/parsed/VERSION.bin for every embedded guide
// version: its rule files parsed and checked, for svfrules to load without
// the parser (compiler.LoadEmbedded). Run it after changing a rule file or
// the language:
//
//	go generate ./rules
//
// compiler.TestEmbeddedParsed fails while a generated file is stale.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
)

func main() {
	if err := run("parsed"); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run writes the files into dir (relative to rules/, where go generate
// runs) and removes those of versions that are no longer embedded.
func run(dir string) error {
	keep := map[string]bool{}
	for _, v := range rules.Versions() {
		data, err := compiler.EncodeEmbedded(v)
		if err != nil {
			// Such a version is parsed on every load, which reports why.
			fmt.Fprintf(os.Stderr, "gen: rules/%s is not pre-parsed: %v\n", v, err)
			continue
		}
		name := filepath.Join(dir, v+".bin")
		keep[name] = true
		if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
			continue
		}
		tmp := name + ".tmp"
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp, name); err != nil {
			return err
		}
	}
	old, err := filepath.Glob(filepath.Join(dir, "*.bin"))
	if err != nil {
		return err
	}
	for _, name := range old {
		if !keep[name] && strings.HasSuffix(name, ".bin") {
			if err := os.Remove(name); err != nil {
				return err
			}
		}
	}
	return nil
}
