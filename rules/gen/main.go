// Command gen writes rules/parsed/guides.bin: every embedded guide
// version's rule files parsed and checked, for svfrules to load without
// the parser (compiler.LoadEmbedded). Run it after changing a rule file,
// the language or the model:
//
//	go generate ./rules
//
// compiler.TestEmbeddedParsed fails while the generated file is stale.
// The file must exist for the rules package to build (go:embed): git has
// it; a version without a current form in it is parsed on every load.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/rules"
)

func main() {
	if err := run(filepath.Join("parsed", "guides.bin")); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run writes the file name (relative to rules/, where go generate runs)
// when it changes.
func run(name string) error {
	var names []string
	forms := map[string][]byte{}
	for _, v := range rules.Versions() {
		data, err := compiler.EncodeEmbedded(v)
		if err != nil {
			// Such a version is parsed on every load, which reports why.
			fmt.Fprintf(os.Stderr, "gen: rules/%s is not pre-parsed: %v\n", v, err)
			continue
		}
		names = append(names, v)
		forms[v] = data
	}
	data := rules.AppendParsed(nil, names, forms)
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
		return nil
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
