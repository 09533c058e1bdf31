// Command svfrules checks, formats, shows and (later) evaluates the SVF
// coding guide written as rule files. Run `svfrules help` for the
// commands.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"github.com/rcc/svfrules/compiler"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/internal/safefile"
	_ "github.com/rcc/svfrules/internal/stackstart" // the stack a run needs, first (issue 16)
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
	startupGC()
	safefile.HandleSignals()
	stdout, stderr := pipeStream{streamFile(os.Stdout)}, pipeStream{streamFile(os.Stderr)}
	return protect(stderr, func() int {
		return runWith(os.Args[1:], os.Stdin, stdout, stderr, func() { safefile.ExitOnSignal(syscall.SIGPIPE) })
	})
}

// protect runs f; a panic in it removes the temporary files, is reported
// on stderr in one message and gives exit 2.
func protect(stderr io.Writer, f func() int) (code int) {
	defer func() {
		if r := recover(); r != nil {
			safefile.RemoveTemps()
			fmt.Fprintf(stderr, msg.InternalError, r)
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
	// redirected is the -o file of a command whose result otherwise goes
	// to standard output (check, test, table, explain, versions, diff):
	// stdout writes to it, and dispatch commits it when the command ends
	// without a usage error.
	redirected *output
}

// redirectable reports whether -o of command name is handled by parse,
// pointing stdout at the file; eval, report and guide open their -o
// themselves.
func redirectable(name string) bool {
	switch name {
	case "check", "test", "table", "explain", "versions", "diff":
		return true
	}
	return false
}

func commands() []*command {
	return []*command{evalCommand, reportCommand, checkCommand, testCommand, fmtCommand, tableCommand, guideCommand, explainCommand, diffCommand, versionsCommand, lspCommand, completionCommand}
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
		fmt.Fprintf(stderr, msg.CannotWriteStdout+"\n", name, safefile.Describe(out.err))
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
			if args[1] == "help" { // svfrules help help: how to get help is the command list
				c.mainUsage(stdout)
				return exitOK
			}
			if cmd := findCommand(args[1]); cmd != nil {
				c.commandUsage(stdout, cmd, nil)
				return exitOK
			}
			fmt.Fprintf(stderr, msg.UnknownHelpTopic+"\n", args[1])
			c.suggestCommand(args[1])
			return exitUsage
		}
		c.mainUsage(stdout)
		return exitOK
	case "--version", "-version":
		c.printVersion(stdout)
		return exitOK
	}
	cmd := findCommand(name)
	if cmd == nil && strings.HasPrefix(name, "-") {
		// A misspelt global flag (--verison): a flag, not a command.
		fmt.Fprintf(stderr, "svfrules: "+msg.FlagUnknown+"\n", name)
		if dym := suggestFlag(name, globalFlags); dym != "" {
			fmt.Fprintln(stderr, dym)
		}
		fmt.Fprintln(stderr, msg.SeeHelp)
		return exitUsage
	}
	if cmd == nil {
		fmt.Fprintf(stderr, msg.UnknownCommand+"\n", name)
		c.suggestCommand(name)
		return exitUsage
	}
	code := cmd.run(c, cmd, args[1:])
	return c.finishOutput(cmd, code)
}

// finishOutput puts a command's -o file into place, or drops it when
// the command failed (exit 2): a failed run leaves no file behind.
func (c *cli) finishOutput(cmd *command, code int) int {
	out := c.redirected
	if out == nil {
		return code
	}
	c.redirected = nil
	defer out.discard()
	if code == exitUsage {
		return code
	}
	if err := out.commit(); err != nil {
		fmt.Fprintf(c.stderr, "svfrules %s: "+msg.CannotWriteOutput+"\n", cmd.name, err)
		return exitUsage
	}
	return code
}

// suggestCommand prints the command closest to name, if any, and where
// the list of commands is.
func (c *cli) suggestCommand(name string) {
	var names []string
	for _, k := range commands() {
		names = append(names, k.name)
	}
	if dym := lang.DidYouMean(name, names); dym != "" {
		fmt.Fprintf(c.stderr, "%s\n", dym)
	}
	fmt.Fprintln(c.stderr, msg.SeeHelp)
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
	fmt.Fprint(w, msg.MainUsage)
	for _, k := range commands() {
		fmt.Fprintf(w, msg.CommandLine, k.name, k.summary)
	}
	fmt.Fprintf(w, msg.MainUsageTail, rules.Latest())
}

func (c *cli) commandUsage(w io.Writer, cmd *command, fs *pflag.FlagSet) {
	fmt.Fprintf(w, msg.CommandUsage, cmd.name, cmd.usage, strings.TrimSpace(cmd.help))
	if fs == nil {
		fs = cmd.flags(nil)
	}
	if fs.HasFlags() {
		fmt.Fprint(w, msg.FlagsHeading+flagUsages(fs))
	}
}

// flagUsages is pflag's FlagUsages in Swedish: pflag writes "(default …)"
// and type names ("string") itself.
func flagUsages(fs *pflag.FlagSet) string {
	type line struct{ left, help string }
	var lines []line
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, help := pflag.UnquoteUsage(f)
		if name != "" {
			left += " " + name
		}
		if t := f.Value.Type(); f.DefValue != "" && f.DefValue != "[]" && t != "bool" && t != "stringArray" {
			help += fmt.Sprintf(msg.FlagDefault, f.DefValue)
		}
		lines = append(lines, line{left, help})
		width = max(width, len([]rune(left)))
	})
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%s%s   %s\n", l.left, strings.Repeat(" ", width-len([]rune(l.left))), l.help)
	}
	return b.String()
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
	fs.BoolP("help", "h", false, msg.FlagHelp)
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
	// inclusionBase is report's --inclusion-base FILE.
	inclusionBase string
	textDiff      bool
	failOn        string
	severity      string   // eval --severity
	level         string   // diff --level
	ignore        []string // diff --ignore
	episodes      []string
	sheet         string // --sheet: the sheet of xlsx workbooks to read
	pathway       string // --pathway of guide

	// dateOrder is --date-order: ymd (the default) or dmy.
	dateOrder string
	// columns are the --column values, FIELD=HEADER.
	columns []string
	// formatGiven: --format was on the command line (else -o's
	// extension may choose it); csvDialect is --csv-dialect.
	formatGiven bool
	csvDialect  string
}

func (o *options) register(cmd string, fs *pflag.FlagSet) {
	ruleFlags := func() {
		fs.StringVar(&o.rulesDir, "rules", "", msg.FlagRules)
		fs.StringVar(&o.guide, "guide", "", msg.FlagGuide)
	}
	switch cmd {
	case "check":
		ruleFlags()
		fs.StringVar(&o.format, "format", "", msg.FlagFormatCheck)
		fs.StringVarP(&o.output, "output", "o", "", msg.FlagOutput)
	case "fmt":
		fs.BoolVarP(&o.write, "write", "w", false, msg.FlagWrite)
		fs.BoolVarP(&o.list, "list", "l", false, msg.FlagList)
		fs.BoolVarP(&o.diff, "diff", "d", false, msg.FlagDiff)
		fs.BoolVar(&o.check, "check", false, msg.FlagCheck)
	case "table":
		ruleFlags()
		fs.StringVar(&o.format, "format", "", msg.FlagFormatTable)
		fs.StringVarP(&o.output, "output", "o", "", msg.FlagOutput)
	case "guide":
		ruleFlags()
		fs.StringVar(&o.pathway, "pathway", "", msg.GuideFlagPathway)
		fs.StringVar(&o.format, "format", "", msg.GuideFlagFormat)
		fs.StringVarP(&o.output, "output", "o", "", msg.GuideFlagOutput)
	case "explain":
		ruleFlags()
		fs.StringVarP(&o.output, "output", "o", "", msg.FlagOutput)
	case "versions":
		fs.StringVarP(&o.output, "output", "o", "", msg.FlagOutput)
	case "eval":
		ruleFlags()
		fs.StringVar(&o.format, "format", "", msg.FlagFormatEval) // the default is in the text: text, or -o's extension
		fs.StringVarP(&o.output, "output", "o", "", msg.FlagOutput)
		fs.StringVar(&o.encoding, "encoding", "", msg.FlagEncoding)
		fs.StringVar(&o.sheet, "sheet", "", msg.FlagSheet)
		fs.StringVar(&o.dateOrder, "date-order", "", msg.FlagDateOrder)
		fs.StringArrayVar(&o.columns, "column", nil, msg.FlagColumn)
		fs.StringVar(&o.severity, "severity", "", fmt.Sprintf(msg.FlagSeverity, severityValues.list()))
		fs.StringVar(&o.failOn, "fail-on", "", fmt.Sprintf(msg.FlagFailOnEval, failOnValues.list()))
	case "report":
		ruleFlags()
		fs.StringVar(&o.by, "by", "", fmt.Sprintf(msg.FlagBy, byValues().list()))
		fs.IntVar(&o.minCell, "min-cell", 5, msg.FlagMinCell)
		fs.StringVar(&o.inclusionBase, "inclusion-base", "", msg.FlagInclusionBase)
		fs.StringVar(&o.format, "format", "", msg.FlagFormatReport)
		fs.StringVarP(&o.output, "output", "o", "", msg.FlagOutputReport)
		fs.StringVar(&o.encoding, "encoding", "", msg.FlagEncoding)
		fs.StringVar(&o.sheet, "sheet", "", msg.FlagSheet)
		fs.StringVar(&o.dateOrder, "date-order", "", msg.FlagDateOrder)
		fs.StringArrayVar(&o.columns, "column", nil, msg.FlagColumn)
	case "diff":
		fs.StringVar(&o.format, "format", "", msg.FlagFormatDiff)
		fs.StringVarP(&o.output, "output", "o", "", msg.FlagOutput)
		fs.BoolVar(&o.textDiff, "text", false, msg.FlagText)
		fs.StringVar(&o.failOn, "fail-on", "", fmt.Sprintf(msg.FlagFailOnDiff, levelValues.list()))
		fs.StringVar(&o.level, "level", "", fmt.Sprintf(msg.FlagLevel, levelValues.list()))
		fs.StringSliceVar(&o.ignore, "ignore", nil, msg.FlagIgnore)
		fs.StringArrayVar(&o.episodes, "episodes", nil, msg.FlagEpisodes)
		fs.StringVar(&o.sheet, "sheet", "", msg.FlagSheet)
		fs.StringVar(&o.dateOrder, "date-order", "", msg.FlagDateOrder)
		fs.StringArrayVar(&o.columns, "column", nil, msg.FlagColumn)
	case "test":
		ruleFlags()
		fs.StringVar(&o.run, "run", "", msg.FlagRun)
		fs.StringVar(&o.format, "format", "", msg.FlagFormatTest)
		fs.StringVarP(&o.output, "output", "o", "", msg.FlagOutput)
	}
	o.registerOutput(cmd, fs)
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
		fmt.Fprintf(c.stderr, "svfrules %s: %s\n", cmd.name, flagError(err))
		if dym := flagSuggestion(fs, err); dym != "" {
			fmt.Fprintln(c.stderr, dym)
		}
		fmt.Fprintf(c.stderr, msg.SeeCommandHelp+"\n", cmd.name)
		return nil, nil, true, exitUsage
	}
	if h, _ := fs.GetBool("help"); h {
		c.commandUsage(c.stdout, cmd, fs)
		return nil, nil, true, exitOK
	}
	opts.formatGiven = fs.Changed("format")
	if code, ok := c.chooseFormat(cmd, opts); !ok {
		return nil, nil, true, code
	}
	if redirectable(cmd.name) && opts.output != "" {
		if code, ok := c.redirect(cmd, opts, fs.Args()); !ok {
			return nil, nil, true, code
		}
	}
	return opts, fs.Args(), false, 0
}

// redirect points stdout at the -o file, through safefile (written beside
// it, renamed into place when the command has succeeded). As for eval,
// -o must not be a file the command reads: a rule file of --rules (or of
// diff's folders) or an --episodes file.
func (c *cli) redirect(cmd *command, o *options, args []string) (int, bool) {
	if code, ok := c.checkPaths(cmd, o.episodes, o.output, o.rulesDir); !ok {
		return code, false
	}
	if cmd.name == "diff" {
		for _, a := range args {
			if info, err := os.Stat(a); err == nil && info.IsDir() {
				if code, ok := c.checkPaths(cmd, nil, o.output, a); !ok {
					return code, false
				}
			}
		}
	}
	out, err := openOutput(o.output, c.stdout)
	if err != nil {
		fmt.Fprintf(c.stderr, "svfrules %s: %v\n", cmd.name, err)
		return exitUsage, false
	}
	c.redirected = out
	c.stdout = out
	return 0, true
}

// flagError is pflag's error in Swedish.
func flagError(err error) string {
	var notExist *pflag.NotExistError
	var needs *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(err, &notExist):
		if sh := notExist.GetSpecifiedShortnames(); len(sh) == 1 {
			return fmt.Sprintf(msg.FlagUnknown, "-"+sh)
		} else if sh != "" {
			return fmt.Sprintf(msg.FlagUnknownShort, []rune(notExist.GetSpecifiedName())[0], sh)
		}
		return fmt.Sprintf(msg.FlagUnknown, "--"+notExist.GetSpecifiedName())
	case errors.As(err, &needs):
		name := "--" + needs.GetFlag().Name
		if needs.GetSpecifiedShortnames() != "" {
			name = "-" + needs.GetFlag().Shorthand
		}
		return fmt.Sprintf(msg.FlagNeedsValue, name, name)
	case errors.As(err, &invalid):
		return fmt.Sprintf(msg.FlagBadValue, invalid.GetValue(), "--"+invalid.GetFlag().Name)
	case errors.As(err, &syntax):
		return fmt.Sprintf(msg.FlagBadSyntax, syntax.GetSpecifiedFlag())
	}
	return fmt.Sprintf(msg.FlagError, err)
}

// globalFlags are the flags svfrules takes before a command.
var globalFlags = []string{"--version", "--help"}

// flagSuggestion is the "did you mean" line for a flag the command does
// not have, or "": the nearest flag of the command, else of svfrules
// itself (svfrules --version). A long name written with one dash
// (-format: pflag reads it as the letters f, o, r …) is taken as the
// long name it spells.
func flagSuggestion(fs *pflag.FlagSet, err error) string {
	var notExist *pflag.NotExistError
	if !errors.As(err, &notExist) {
		return ""
	}
	typed := "--" + notExist.GetSpecifiedName()
	if sh := notExist.GetSpecifiedShortnames(); sh != "" {
		typed = "-" + sh
	}
	var names []string
	fs.VisitAll(func(f *pflag.Flag) { names = append(names, "--"+f.Name) })
	if dym := suggestFlag(typed, names); dym != "" {
		return dym
	}
	// A flag of svfrules itself given after the command (eval --version).
	if s := lang.Suggest(strings.TrimLeft(typed, "-"), trimDashes(globalFlags)); s != "" && s != "help" {
		return fmt.Sprintf(msg.DidYouMean, "svfrules --"+s)
	}
	return ""
}

// suggestFlag is the "did you mean" line for the flag typed among names
// (with their dashes), or "".
func suggestFlag(typed string, names []string) string {
	if s := suggestName(typed, names); s != "" {
		return fmt.Sprintf(msg.DidYouMean, s)
	}
	return ""
}

// suggestName is the flag of names (with their dashes) nearest to the
// flag typed, or "". The dashes do not count: -verison is as near
// --version as verison is, and -format is --format written with one
// dash. One letter (-v) is the one flag that begins with it, if only
// one does.
func suggestName(typed string, names []string) string {
	bare := strings.TrimLeft(typed, "-")
	s := ""
	if len([]rune(bare)) == 1 {
		for _, n := range names {
			if strings.HasPrefix(n, "--"+bare) {
				if s != "" {
					return "" // several: nothing to go by
				}
				s = strings.TrimPrefix(n, "--")
			}
		}
	} else {
		s = lang.Suggest(bare, trimDashes(names))
	}
	if s == "" || "--"+s == typed {
		return ""
	}
	return "--" + s
}

// trimDashes is names without their leading dashes.
func trimDashes(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = strings.TrimLeft(n, "-")
	}
	return out
}

func (c *cli) usageError(cmd *command, format string, args ...any) int {
	fmt.Fprintf(c.stderr, "svfrules %s: %s\n", cmd.name, fmt.Sprintf(format, args...))
	fmt.Fprintf(c.stderr, msg.SeeCommandHelp+"\n", cmd.name)
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
// in rs.diags. An embedded version is linted only when lint is true (for
// check, the one command that shows warnings).
func (c *cli) load(cmd *command, o *options, lint bool) (rs *ruleSet, code int, ok bool) {
	if o.rulesDir != "" && o.guide != "" {
		return nil, c.usageError(cmd, msg.RulesAndGuide), false
	}
	rs = &ruleSet{}
	if o.rulesDir != "" {
		info, err := os.Stat(o.rulesDir)
		if err != nil || !info.IsDir() {
			fmt.Fprintf(c.stderr, msg.CannotReadRuleFolder+"\n", cmd.name, o.rulesDir, describeStatError(err))
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
			fmt.Fprintf(c.stderr, msg.NoEmbeddedVersion+"\n", cmd.name, v, strings.Join(rules.Versions(), ", "))
			if dym := versionHint(v); dym != "" {
				fmt.Fprintln(c.stderr, dym)
			}
			return nil, exitUsage, false
		}
		rs.display = "rules/" + v
		switch {
		case lint:
			rs.guide, rs.diags, rs.src = compiler.LoadEmbedded(v)
		case cmd.name == "eval" || cmd.name == "report":
			// They show no text of the rule files: it is not read.
			rs.guide, rs.diags, rs.src = compiler.LoadEmbeddedModel(v)
		default:
			rs.guide, rs.diags, rs.src = compiler.LoadEmbeddedUnlinted(v)
		}
	}
	return rs, exitOK, true
}

func describeStatError(err error) string {
	if err == nil {
		return msg.IsFileNotFolder
	}
	if errors.Is(err, os.ErrNotExist) {
		return msg.NoSuchFolder
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func isEmbedded(v string) bool { return slices.Contains(rules.Versions(), v) }

// loadOrReport loads the rule set and, when it does not compile, prints
// the diagnostics and returns exit code 2.
func (c *cli) loadOrReport(cmd *command, o *options) (*ruleSet, int, bool) {
	rs, code, ok := c.load(cmd, o, false)
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
		return msg.RulesErrorsOne
	}
	return fmt.Sprintf(msg.RulesErrors, n)
}

func sortedStrings(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
