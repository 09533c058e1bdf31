package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/rules"
)

// printVersion writes `svfrules --version`: the module version, the
// commit and its date when the binary was built from a git work tree,
// the Go version, and the embedded guide versions.
func (c *cli) printVersion(w io.Writer) {
	info, ok := debug.ReadBuildInfo()
	version := msg.VersionDevel
	if ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		version = info.Main.Version
	}
	fmt.Fprintf(w, msg.VersionLine, version)
	if ok {
		settings := map[string]string{}
		for _, s := range info.Settings {
			settings[s.Key] = s.Value
		}
		if rev := settings["vcs.revision"]; rev != "" {
			modified := ""
			if settings["vcs.modified"] == "true" {
				modified = msg.VersionModified
			}
			fmt.Fprintf(w, msg.VersionCommit, rev, modified)
		}
		if t := settings["vcs.time"]; t != "" {
			fmt.Fprintf(w, msg.VersionBuilt, t)
		}
		fmt.Fprintf(w, msg.VersionGo, info.GoVersion)
	}
	fmt.Fprintf(w, msg.VersionGuides, strings.Join(rules.Versions(), ", "), rules.Latest())
}
