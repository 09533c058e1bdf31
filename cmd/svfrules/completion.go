package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/rcc/svfrules/internal/lazy"
	"github.com/rcc/svfrules/internal/msg"
	"github.com/rcc/svfrules/rules"
)

var completionCommand = &command{
	name:    "completion",
	summary: msg.CompletionSummary,
	usage:   msg.CompletionUsage,
	help:    msg.CompletionHelp,
}

// The command table refers to completion, and completion reads the
// command table: run is set when the program starts.
func init() { completionCommand.run = runCompletion }

// completionShells are the shells completion writes scripts for. It and
// the other tables that only some commands read are made when first
// read, not at every start (issue 16).
var completionShells = lazy.Value[map[string]func(io.Writer, []compCommand)]{New: func() map[string]func(io.Writer, []compCommand) {
	return map[string]func(io.Writer, []compCommand){
		"bash": writeBash, "zsh": writeZsh, "fish": writeFish, "powershell": writePowerShell,
	}
}}

// formatValues are the --format values of each command, for completion.
func formatValues(name string) []string {
	if name == "explain" || name == "versions" {
		return nil // no --format: text only
	}
	w, _ := commandWrites(name)
	return w.formats
}

// compCommand is what a completion script knows of one command.
type compCommand struct {
	name    string
	summary string
	flags   []string // --name and -n
	formats []string // --format values
	// values are the values of the command's other enumerated flags, as
	// help lists them (report --by: the Swedish words), by flag.
	values map[string][]string
}

// valueFlags are the enumerated flags completion offers values for,
// besides --format, by command.
var valueFlags = lazy.Value[map[string]map[string]valueTable]{New: func() map[string]map[string]valueTable {
	return map[string]map[string]valueTable{
		"report": {"--by": byValues()},
		"eval":   {"--severity": severityValues, "--fail-on": failOnValues},
		"diff":   {"--fail-on": levelValues, "--level": levelValues},
	}
}}

// valueFlagNames are the flags of valueFlags, sorted, each once.
func valueFlagNames() []string {
	seen := map[string]bool{}
	for _, fs := range valueFlags.Get() {
		for f := range fs {
			seen[f] = true
		}
	}
	return sortedStrings(seen)
}

// completionData is the command table as completion scripts need it.
func completionData() []compCommand {
	var out []compCommand
	for _, cmd := range commands() {
		cc := compCommand{name: cmd.name, summary: cmd.summary, formats: formatValues(cmd.name), values: map[string][]string{}}
		for f, t := range valueFlags.Get()[cmd.name] {
			cc.values[f] = t.shown()
		}
		cmd.flags(nil).VisitAll(func(f *pflag.Flag) {
			cc.flags = append(cc.flags, "--"+f.Name)
			if f.Shorthand != "" {
				cc.flags = append(cc.flags, "-"+f.Shorthand)
			}
		})
		sort.Strings(cc.flags)
		out = append(out, cc)
	}
	return out
}

func runCompletion(c *cli, cmd *command, args []string) int {
	_, rest, done, code := c.parse(cmd, args)
	if done {
		return code
	}
	if len(rest) != 1 {
		return c.usageError(cmd, msg.CompletionOneShell)
	}
	write, ok := completionShells.Get()[rest[0]]
	if !ok {
		return c.usageError(cmd, msg.CompletionShell, rest[0])
	}
	write(c.stdout, completionData())
	return exitOK
}

func commandNames(cs []compCommand) string {
	var names []string
	for _, c := range cs {
		names = append(names, c.name)
	}
	return strings.Join(names, " ")
}

func writeBash(w io.Writer, cs []compCommand) {
	fmt.Fprintf(w, `# bash completion for svfrules (svfrules completion bash)
_svfrules() {
    local cur prev cmd
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    cmd="${COMP_WORDS[1]}"
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=( $(compgen -W "%s help --version --help" -- "$cur") )
        return
    fi
    case "$prev" in
        --guide)
            COMPREPLY=( $(compgen -W "%s" -- "$cur") )
            return;;
        --rules|--output|-o)
            COMPREPLY=( $(compgen -f -- "$cur") )
            return;;
        --format)
            case "$cmd" in
`, commandNames(cs), strings.Join(rules.Versions(), " "))
	for _, c := range cs {
		if len(c.formats) > 0 {
			fmt.Fprintf(w, "                %s) COMPREPLY=( $(compgen -W %q -- \"$cur\") );;\n", c.name, strings.Join(c.formats, " "))
		}
	}
	fmt.Fprint(w, "            esac\n            return;;\n")
	for _, f := range valueFlagNames() {
		fmt.Fprintf(w, "        %s)\n            case \"$cmd\" in\n", f)
		for _, c := range cs {
			if vs := c.values[f]; len(vs) > 0 {
				fmt.Fprintf(w, "                %s) COMPREPLY=( $(compgen -W %q -- \"$cur\") );;\n", c.name, strings.Join(vs, " "))
			}
		}
		fmt.Fprint(w, "            esac\n            return;;\n")
	}
	fmt.Fprintf(w, `    esac
    case "$cmd" in
        help)
            COMPREPLY=( $(compgen -W "%s" -- "$cur") )
            return;;
        completion)
            COMPREPLY=( $(compgen -W "bash zsh fish powershell" -- "$cur") )
            return;;
    esac
    if [[ "$cur" == -* ]]; then
        case "$cmd" in
`, commandNames(cs))
	for _, c := range cs {
		fmt.Fprintf(w, "            %s) COMPREPLY=( $(compgen -W %q -- \"$cur\") );;\n", c.name, strings.Join(c.flags, " "))
	}
	fmt.Fprint(w, `        esac
        return
    fi
    COMPREPLY=( $(compgen -f -- "$cur") )
}
complete -o default -F _svfrules svfrules
`)
}

func writeZsh(w io.Writer, cs []compCommand) {
	fmt.Fprint(w, "#compdef svfrules\n# zsh completion for svfrules (svfrules completion zsh)\n_svfrules() {\n  local -a commands\n  commands=(\n")
	for _, c := range cs {
		fmt.Fprintf(w, "    %s\n", zshQuote(c.name+":"+c.summary))
	}
	fmt.Fprint(w, "  )\n  if (( CURRENT == 2 )); then\n    _describe 'kommando' commands\n    return\n  fi\n")
	fmt.Fprintf(w, "  case ${words[CURRENT-1]} in\n    --guide) compadd -- %s; return;;\n    --rules|--output|-o) _files; return;;\n    --format)\n      case ${words[2]} in\n", strings.Join(rules.Versions(), " "))
	for _, c := range cs {
		if len(c.formats) > 0 {
			fmt.Fprintf(w, "        %s) compadd -- %s;;\n", c.name, strings.Join(c.formats, " "))
		}
	}
	fmt.Fprint(w, "      esac\n      return;;\n")
	for _, f := range valueFlagNames() {
		fmt.Fprintf(w, "    %s)\n      case ${words[2]} in\n", f)
		for _, c := range cs {
			if vs := c.values[f]; len(vs) > 0 {
				fmt.Fprintf(w, "        %s) compadd -- %s;;\n", c.name, strings.Join(vs, " "))
			}
		}
		fmt.Fprint(w, "      esac\n      return;;\n")
	}
	fmt.Fprint(w, "  esac\n  case ${words[2]} in\n")
	fmt.Fprintf(w, "    help) compadd -- %s; return;;\n    completion) compadd -- bash zsh fish powershell; return;;\n", commandNames(cs))
	fmt.Fprint(w, "  esac\n  if [[ $PREFIX == -* ]]; then\n    case ${words[2]} in\n")
	for _, c := range cs {
		fmt.Fprintf(w, "      %s) compadd -- %s;;\n", c.name, strings.Join(c.flags, " "))
	}
	fmt.Fprint(w, "    esac\n    return\n  fi\n  _files\n}\ncompdef _svfrules svfrules\n")
}

// zshQuote quotes s in single quotes for zsh.
func zshQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func writeFish(w io.Writer, cs []compCommand) {
	fmt.Fprint(w, "# fish completion for svfrules (svfrules completion fish)\ncomplete -c svfrules -f\n")
	fmt.Fprintf(w, "complete -c svfrules -n __fish_use_subcommand -l version -d %s\n", zshQuote(msg.FlagVersion))
	for _, c := range cs {
		fmt.Fprintf(w, "complete -c svfrules -n __fish_use_subcommand -a %s -d %s\n", c.name, zshQuote(c.summary))
	}
	fmt.Fprintf(w, "complete -c svfrules -n '__fish_seen_subcommand_from help' -a %s\n", zshQuote(commandNames(cs)))
	fmt.Fprint(w, "complete -c svfrules -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish powershell'\n")
	for _, c := range cs {
		for _, f := range c.flags {
			cond := "'__fish_seen_subcommand_from " + c.name + "'"
			switch {
			case f == "--guide":
				fmt.Fprintf(w, "complete -c svfrules -n %s -l guide -x -a %s\n", cond, zshQuote(strings.Join(rules.Versions(), " ")))
			case f == "--format" && len(c.formats) > 0:
				fmt.Fprintf(w, "complete -c svfrules -n %s -l format -x -a %s\n", cond, zshQuote(strings.Join(c.formats, " ")))
			case len(c.values[f]) > 0:
				fmt.Fprintf(w, "complete -c svfrules -n %s -l %s -x -a %s\n", cond, f[2:], zshQuote(strings.Join(c.values[f], " ")))
			case f == "--rules" || f == "--output":
				fmt.Fprintf(w, "complete -c svfrules -n %s -l %s -r -F\n", cond, f[2:])
			case strings.HasPrefix(f, "--"):
				fmt.Fprintf(w, "complete -c svfrules -n %s -l %s\n", cond, f[2:])
			default:
				fmt.Fprintf(w, "complete -c svfrules -n %s -s %s\n", cond, f[1:])
			}
		}
		fmt.Fprintf(w, "complete -c svfrules -n %s -F\n", "'__fish_seen_subcommand_from "+c.name+"'")
	}
}

func writePowerShell(w io.Writer, cs []compCommand) {
	fmt.Fprint(w, "# PowerShell completion for svfrules (svfrules completion powershell)\nRegister-ArgumentCompleter -Native -CommandName svfrules, svfrules.exe -ScriptBlock {\n    param($wordToComplete, $commandAst, $cursorPosition)\n    $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })\n")
	fmt.Fprintf(w, "    $commands = @(%s)\n", psList(strings.Fields(commandNames(cs))))
	fmt.Fprintf(w, "    $guides = @(%s)\n", psList(rules.Versions()))
	fmt.Fprint(w, "    $flags = @{\n")
	for _, c := range cs {
		fmt.Fprintf(w, "        '%s' = @(%s)\n", c.name, psList(c.flags))
	}
	fmt.Fprint(w, "    }\n    $formats = @{\n")
	for _, c := range cs {
		if len(c.formats) > 0 {
			fmt.Fprintf(w, "        '%s' = @(%s)\n", c.name, psList(c.formats))
		}
	}
	fmt.Fprint(w, "    }\n    $values = @{\n")
	for _, c := range cs {
		for _, f := range valueFlagNames() {
			if vs := c.values[f]; len(vs) > 0 {
				fmt.Fprintf(w, "        '%s %s' = @(%s)\n", c.name, f, psList(vs))
			}
		}
	}
	fmt.Fprint(w, `    }
    $n = $words.Count
    if ($wordToComplete -ne '') { $n = $n - 1 }
    $candidates = @()
    if ($n -le 1) {
        $candidates = $commands + @('help', '--version', '--help')
    } else {
        $cmd = $words[1]
        $prev = $words[$n - 1]
        if ($prev -eq '--guide') { $candidates = $guides }
        elseif ($prev -eq '--format' -and $formats.ContainsKey($cmd)) { $candidates = $formats[$cmd] }
        elseif ($values.ContainsKey("$cmd $prev")) { $candidates = $values["$cmd $prev"] }
        elseif ($cmd -eq 'help') { $candidates = $commands }
        elseif ($cmd -eq 'completion') { $candidates = @('bash', 'zsh', 'fish', 'powershell') }
        elseif ($wordToComplete -like '-*' -and $flags.ContainsKey($cmd)) { $candidates = $flags[$cmd] }
        else { return }
    }
    $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`)
}

// psList is a PowerShell list of single-quoted strings.
func psList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return strings.Join(q, ", ")
}
