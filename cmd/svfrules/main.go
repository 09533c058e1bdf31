// Command svfrules checks, formats, shows and (later) evaluates the SVF
// coding guide written as rule files. Run `svfrules help` for the
// commands.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/internal/safefile"
	"github.com/rcc/svfrules/lang"
	"github.com/rcc/svfrules/rules"
)

// Exit codes, the same for every command.
const (
	exitOK    = 0 // all is well
	exitFound = 1 // the command found what it looks for (e.g. unformatted files)
	exitUsage = 2 // usage error, unreadable file, rules that do not compile
)

func main() {
	os.Exit(mainCode())
}

// mainCode runs the command line of the process: temporary files of -o
// and fmt -w are removed on SIGINT, SIGTERM, SIGHUP and SIGPIPE (exit 128
// + the signal) and after a panic, which is reported in one message
// instead of a goroutine dump (exit 2). A closed standard output (EPIPE)
// ends the program as SIGPIPE does.
func mainCode() int {
	safefile.HandleSignals()
	return protect(os.Stderr, func() int {
		return runWith(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, func() { safefile.ExitOnSignal(syscall.SIGPIPE) })
	})
}

// protect runs f; a panic in it removes the temporary files, is reported
// on stderr in one message and gives exit 2.
func protect(stderr io.Writer, f func() int) (code int) {
	defer func() {
		if r := recover(); r != nil {
			safefile.RemoveTemps()
			fmt.Fprintf(stderr, msgInternalError, r)
			code = exitUsage
		}
	}()
	return f()
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	usage   string // argument synopsis
	help    string // what it does, with an example
	run     func(c *cli, cmd *command, args []string) int
}

// cli carries the streams of one invocation, so tests can run it in-process.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	out            *stdoutWriter // stdout, which keeps its first write error
}

func commands() []*command {
	return []*command{evalCommand, reportCommand, checkCommand, testCommand, fmtCommand, tableCommand, guideCommand, explainCommand, diffCommand, versionsCommand, lspCommand}
}

// run runs one command line with the given streams and returns the exit
// code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(args, stdin, stdout, stderr, nil)
}

// runWith is run; brokenPipe, if not nil, is called when standard output
// fails with EPIPE. Whatever the command, a failed write of standard
// output is exit 2 with a message naming it.
func runWith(args []string, stdin io.Reader, stdout, stderr io.Writer, brokenPipe func()) int {
	out := &stdoutWriter{w: stdout, brokenPipe: brokenPipe}
	c := &cli{stdin: stdin, stdout: out, stderr: stderr, out: out}
	code := c.dispatch(args)
	if out.err != nil {
		name := "svfrules"
		if len(args) > 0 {
			if findCommand(args[0]) != nil || args[0] == "help" {
				name += " " + args[0]
			}
		}
		fmt.Fprintf(stderr, "%s: "+msgCannotWriteStdout+"\n", name, safefile.Describe(out.err))
		return exitUsage
	}
	return code
}

// dispatch runs the command args[0].
func (c *cli) dispatch(args []string) int {
	stdout, stderr := c.stdout, c.stderr
	if len(args) == 0 {
		c.mainUsage(stderr)
		return exitUsage
	}
	name := args[0]
	switch name {
	case "help", "-h", "--help":
		if len(args) > 1 {
			if cmd := findCommand(args[1]); cmd != nil {
				c.commandUsage(stdout, cmd, nil)
				return exitOK
			}
		}
		c.mainUsage(stdout)
		return exitOK
	}
	cmd := findCommand(name)
	if cmd == nil {
		var names []string
		for _, k := range commands() {
			names = append(names, k.name)
		}
		fmt.Fprintf(stderr, "svfrules: unknown command %q\n", name)
		if dym := lang.DidYouMean(name, names); dym != "" {
			fmt.Fprintf(stderr, "%s\n", dym)
		}
		fmt.Fprintf(stderr, "Run 'svfrules help' for the list of commands.\n")
		return exitUsage
	}
	return cmd.run(c, cmd, args[1:])
}

func findCommand(name string) *command {
	for _, k := range commands() {
		if k.name == name {
			return k
		}
	}
	return nil
}

func (c *cli) mainUsage(w io.Writer) {
	fmt.Fprint(w, `svfrules turns the national SVF coding guide (Kodningsvägledning) into
executable rules: it evaluates a region's episode files against the guide
(coding errors and lead times), checks, tests and formats the rule files,
shows the guide's tables and what it says about a code, and lists what
changed between two guide versions.

Usage:
  svfrules <command> [flags] [arguments]

Commands:
`)
	for _, k := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", k.name, k.summary)
	}
	fmt.Fprintf(w, `
Run 'svfrules help <command>' or 'svfrules <command> --help' for details.
Without --rules or --guide, commands use the newest embedded guide version (%s).
Exit codes: 0 ok; 1 found what the command looks for; 2 usage error,
unreadable file, output that cannot be written or rules that do not
compile; 128 + N when stopped by signal N (130 for Ctrl-C).
`, rules.Latest())
}

func (c *cli) commandUsage(w io.Writer, cmd *command, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "Usage: svfrules %s %s\n\n%s\n", cmd.name, cmd.usage, strings.TrimSpace(cmd.help))
	if fs == nil {
		fs = cmd.flags(nil)
	}
	if fs.HasFlags() {
		fmt.Fprintf(w, "\nFlags:\n%s", fs.FlagUsages())
	}
}

// flags builds the command's flag set; parse fills opts when not nil.
func (cmd *command) flags(opts *options) *pflag.FlagSet {
	if opts == nil {
		opts = &options{}
	}
	fs := pflag.NewFlagSet(cmd.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	opts.register(cmd.name, fs)
	fs.BoolP("help", "h", false, "show this help")
	return fs
}

// options are all flags of all commands; each command registers its own.
type options struct {
	rulesDir string
	guide    string
	format   string
	write    bool
	list     bool
	diff     bool
	check    bool
	run      string
	output   string
	encoding string
	by       string
	minCell  int
	textDiff bool
	failOn   string
	level    string   // diff --level
	ignore   []string // diff --ignore
	episodes []string
	sheet    string // --sheet: the sheet of xlsx workbooks to read
	pathway  string // --pathway of guide

	// dateOrder is --date-order: ymd (the default) or dmy.
	dateOrder string
	// columns are the --column values, FIELD=HEADER.
	columns []string
}

func (o *options) register(cmd string, fs *pflag.FlagSet) {
	ruleFlags := func() {
		fs.StringVar(&o.rulesDir, "rules", "", "read the rule files from this `folder` instead of the embedded rules")
		fs.StringVar(&o.guide, "guide", "", "use this embedded guide `version` (default: the newest)")
	}
	switch cmd {
	case "check":
		ruleFlags()
		fs.StringVar(&o.format, "format", "text", "output `format`: text or json")
	case "fmt":
		fs.BoolVarP(&o.write, "write", "w", false, "write the formatted text back to the file")
		fs.BoolVarP(&o.list, "list", "l", false, "list the files whose formatting differs")
		fs.BoolVarP(&o.diff, "diff", "d", false, "show the changes as a unified diff")
		fs.BoolVar(&o.check, "check", false, "exit 1 when a file is not formatted (lists it, changes nothing)")
	case "table":
		ruleFlags()
		fs.StringVar(&o.format, "format", "text", "output `format`: csv, markdown or text")
	case "guide":
		ruleFlags()
		fs.StringVar(&o.pathway, "pathway", "", msg.GuideFlagPathway)
		fs.StringVar(&o.format, "format", "", msg.GuideFlagFormat)
		fs.StringVarP(&o.output, "output", "o", "", msg.GuideFlagOutput)
	case "explain":
		ruleFlags()
	case "eval":
		ruleFlags()
		fs.StringVar(&o.format, "format", "text", "output `format`: text, jsonl, csv or json")
		fs.StringVarP(&o.output, "output", "o", "", "write the output to this `file` instead of standard output")
		fs.StringVar(&o.encoding, "encoding", "", "input `encoding`: utf-8 or windows-1252 (default: detect)")
		fs.StringVar(&o.sheet, "sheet", "", "read this `sheet` of xlsx workbooks (default: the first)")
		fs.StringVar(&o.dateOrder, "date-order", "", "read dates written with / or . as day first with `dmy` (7/3/2024 is 7 March); default ymd reads only year-first dates")
		fs.StringArrayVar(&o.columns, "column", nil, "give `FIELD=HEADER` to read the column headed HEADER as FIELD, e.g. intent=Behandlingsintention (repeat for more)")
	case "report":
		ruleFlags()
		fs.StringVar(&o.by, "by", "", "break the measure down by these comma-separated `dimensions`: region, county, sex, agegroup, year, quarter, month")
		fs.IntVar(&o.minCell, "min-cell", 5, "hide a cell with fewer than `N` lead times (its n and outcome) and every count under N")
		fs.StringVar(&o.format, "format", "", "output `format`: html, markdown, csv or json (default: from the -o file's extension, else markdown)")
		fs.StringVarP(&o.output, "output", "o", "", "write the report to this `file` instead of standard output")
		fs.StringVar(&o.encoding, "encoding", "", "input `encoding`: utf-8 or windows-1252 (default: detect)")
		fs.StringVar(&o.sheet, "sheet", "", "read this `sheet` of xlsx workbooks (default: the first)")
		fs.StringVar(&o.dateOrder, "date-order", "", "read dates written with / or . as day first with `dmy` (7/3/2024 is 7 March); default ymd reads only year-first dates")
		fs.StringArrayVar(&o.columns, "column", nil, "give `FIELD=HEADER` to read the column headed HEADER as FIELD, e.g. intent=Behandlingsintention (repeat for more)")
	case "diff":
		fs.StringVar(&o.format, "format", "text", "output `format`: text, markdown, json or html")
		fs.BoolVar(&o.textDiff, "text", false, "add a line diff of the rule files (unified format)")
		fs.StringVar(&o.failOn, "fail-on", "", "exit 1 when a change at this `level` or above exists: action, review or info")
		fs.StringVar(&o.level, "level", "", "show only the changes at this `level` or above: action, review or info")
		fs.StringSliceVar(&o.ignore, "ignore", nil, "leave out the changes with these `ids` (comma-separated or repeated, e.g. rule-message-changed)")
		fs.StringArrayVar(&o.episodes, "episodes", nil, "evaluate episode `files` with both versions (several after it, or repeat the flag)")
		fs.StringVar(&o.sheet, "sheet", "", "read this `sheet` of xlsx workbooks (default: the first)")
		fs.StringVar(&o.dateOrder, "date-order", "", "read dates written with / or . as day first with `dmy` (7/3/2024 is 7 March); default ymd reads only year-first dates")
		fs.StringArrayVar(&o.columns, "column", nil, "give `FIELD=HEADER` to read the column headed HEADER as FIELD, e.g. intent=Behandlingsintention (repeat for more)")
	case "test":
		ruleFlags()
		fs.StringVar(&o.run, "run", "", "run only the cases whose id matches this `regex`")
		fs.StringVar(&o.format, "format", "text", "output `format`: text or json")
	}
}

// parse parses the command's flags. It returns done with an exit code when
// the command must stop (help shown or a usage error).
func (c *cli) parse(cmd *command, args []string) (opts *options, rest []string, done bool, code int) {
	opts = &options{}
	fs := cmd.flags(opts)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			c.commandUsage(c.stdout, cmd, fs)
			return nil, nil, true, exitOK
		}
		fmt.Fprintf(c.stderr, "svfrules %s: %v\n", cmd.name, err)
		fmt.Fprintf(c.stderr, "Run 'svfrules %s --help' for usage.\n", cmd.name)
		return nil, nil, true, exitUsage
	}
	if h, _ := fs.GetBool("help"); h {
		c.commandUsage(c.stdout, cmd, fs)
		return nil, nil, true, exitOK
	}
	return opts, fs.Args(), false, 0
}

// checkFormat reports a --format value that is not one of allowed.
func (c *cli) checkFormat(cmd *command, format string, allowed ...string) (int, bool) {
	for _, a := range allowed {
		if format == a {
			return 0, true
		}
	}
	last := len(allowed) - 1
	return c.usageError(cmd, "unknown --format %q; use %s or %s", format, strings.Join(allowed[:last], ", "), allowed[last]), false
}

func (c *cli) usageError(cmd *command, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "svfrules %s: %s\n", cmd.name, fmt.Sprintf(format, args...))
	fmt.Fprintf(c.stderr, "Run 'svfrules %s --help' for usage.\n", cmd.name)
	return exitUsage
}

// ruleSet is a loaded and checked guide version.
type ruleSet struct {
	guide   *compiler.Guide
	diags   lang.Diagnostics
	src     lang.Sources
	display string // how the rule set is named in messages
}

// load reads the rule set chosen by --rules or --guide (default: newest
// embedded). ok is false when it could not be read; diagnostics are then
// in rs.diags.
func (c *cli) load(cmd *command, o *options) (rs *ruleSet, code int, ok bool) {
	if o.rulesDir != "" && o.guide != "" {
		return nil, c.usageError(cmd, "give --rules or --guide, not both"), false
	}
	rs = &ruleSet{}
	if o.rulesDir != "" {
		info, err := os.Stat(o.rulesDir)
		if err != nil || !info.IsDir() {
			fmt.Fprintf(c.stderr, "svfrules %s: cannot read rule folder %s: %s\n", cmd.name, o.rulesDir, describeStatError(err))
			return nil, exitUsage, false
		}
		rs.display = strings.TrimSuffix(o.rulesDir, "/")
		rs.guide, rs.diags, rs.src = compiler.Load(os.DirFS(o.rulesDir), ".", rs.display)
	} else {
		v := o.guide
		if v == "" {
			v = rules.Latest()
		}
		if !isEmbedded(v) {
			fmt.Fprintf(c.stderr, "svfrules %s: no embedded guide version %q; embedded: %s\n", cmd.name, v, strings.Join(rules.Versions(), ", "))
			if dym := versionHint(v); dym != "" {
				fmt.Fprintln(c.stderr, dym)
			}
			return nil, exitUsage, false
		}
		rs.display = "rules/" + v
		rs.guide, rs.diags, rs.src = compiler.Load(rules.FS(), v, rs.display)
	}
	return rs, exitOK, true
}

func describeStatError(err error) string {
	if err == nil {
		return "it is a file, not a folder"
	}
	if errors.Is(err, os.ErrNotExist) {
		return "no such folder"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func isEmbedded(v string) bool {
	for _, x := range rules.Versions() {
		if x == v {
			return true
		}
	}
	return false
}

// loadOrReport loads the rule set and, when it does not compile, prints
// the diagnostics and returns exit code 2.
func (c *cli) loadOrReport(cmd *command, o *options) (*ruleSet, int, bool) {
	rs, code, ok := c.load(cmd, o)
	if !ok {
		return nil, code, false
	}
	if rs.guide == nil {
		lang.WriteText(c.stderr, rs.diags, rs.src)
		fmt.Fprintf(c.stderr, "%s: %s\n", rs.display, countErrors(rs.diags))
		return nil, exitUsage, false
	}
	return rs, exitOK, true
}

func countErrors(ds lang.Diagnostics) string {
	n := 0
	for _, d := range ds {
		if d.Severity == lang.Error {
			n++
		}
	}
	if n == 1 {
		return "1 error; the rules do not compile"
	}
	return fmt.Sprintf("%d errors; the rules do not compile", n)
}

func sortedStrings(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
