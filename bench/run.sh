#!/usr/bin/env bash
# Benchmark of `svfrules eval` against a plain Go baseline that only reads
# the rows with encoding/csv and counts episodes (testdata/bench/baseline).
# eval runs as a coordinator runs it (the default text output: episodes
# with findings, and the summary) and with --format jsonl (every episode
# with its lead times written out).
#
#   bash bench/run.sh                      # from the repository root
#   RUNS=5 EPISODES=200000 bash bench/run.sh
#
# It builds both programs, generates (once, cached in testdata/bench/, which
# git ignores) a synthetic export of 1 000 000 invented episodes with
# testdata/synth, runs each program RUNS times (default 5), the baseline
# and eval taking turns, and reports the median wall time and peak RSS,
# measured with GNU time (Debian/Ubuntu: `apt-get install time`), and the
# median of the rounds' ratios. Goals for eval on the adjacent-rows file:
#
#   time eval / time baseline   <= 0.5
#   peak RSS of eval            <= 150 MB
#   CPU use (user+sys)/wall     >  1.2   (more than one core busy)
#
# Then eval runs on the same rows shuffled (the rows of an episode not
# adjacent); its time and RSS are reported without a goal.
#
# This is not a Go test: `go test ./...` does not run it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${RUNS:-5}
episodes=${EPISODES:-1000000}
seed=1
dir=testdata/bench
bin=$dir/bin

die() { echo "bench: $*" >&2; exit 1; }

timer=/usr/bin/time
[[ -x $timer ]] && $timer -f '%e' true 2>/dev/null ||
	die "GNU time is needed at $timer (Debian/Ubuntu: apt-get install time)"

# --- Build ---------------------------------------------------------------
mkdir -p "$bin"
echo "building svfrules, baseline and synth ..."
go build -o "$bin/svfrules" ./cmd/svfrules
go build -o "$bin/baseline" ./testdata/bench/baseline
go build -o "$bin/synth" ./testdata/synth

"$bin/svfrules" eval --help >/dev/null 2>&1 ||
	die "'svfrules eval --help' failed: this build of svfrules has no eval command yet, nothing to benchmark"

# --- Data (cached) -------------------------------------------------------
# The cache key covers what the data depends on: the generator and the
# embedded rule tables it draws the codes from.
key=$(cat testdata/synth/main.go rules/*/*.svf | sha256sum | cut -c1-12)
data=$dir/episodes_${episodes}_seed${seed}_$key.csv
shuffled=$dir/episodes_${episodes}_seed${seed}_${key}_shuffled.csv
if [[ ! -s $data ]]; then
	echo "generating $data ..."
	rm -f "$dir"/episodes_*.csv
	"$bin/synth" -episodes "$episodes" -seed "$seed" -o "$data.tmp" && mv "$data.tmp" "$data"
fi
if [[ ! -s $shuffled ]]; then
	echo "generating $shuffled ..."
	"$bin/synth" -episodes "$episodes" -seed "$seed" -shuffle -o "$shuffled.tmp" && mv "$shuffled.tmp" "$shuffled"
fi
echo "data: $(du -h "$data" | cut -f1), $("$bin/baseline" "$data")"

# --- Measuring -----------------------------------------------------------
# run NAME CMD...: runs CMD once with GNU time and appends its wall
# seconds, CPU seconds (user+sys) and peak RSS in MB to the arrays
# walls_NAME, cpus_NAME and rsss_NAME. Exit status 0 and 1 are accepted
# (eval exits 1 when it has findings); anything else stops the script,
# showing CMD's stderr (which is otherwise discarded, like its stdout).
run() {
	local name=$1 out errs status wall user sys rss cpu mb
	shift
	out=$(mktemp)
	errs=$(mktemp)
	status=0
	$timer -f '%e %U %S %M' -o "$out" "$@" >/dev/null 2>"$errs" || status=$?
	((status <= 1)) || { tail -n 20 "$errs" >&2; die "$name exited with status $status: $*"; }
	# GNU time puts a "Command exited with non-zero status" line first.
	read -r wall user sys rss < <(tail -n 1 "$out")
	rm -f "$out" "$errs"
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	mb=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
	printf '  %-16s %7s s wall %7s s cpu %7s MB\n' "$name" "$wall" "$cpu" "$mb"
	eval "walls_$name+=($wall) cpus_$name+=($cpu) rsss_$name+=($mb)"
}

# median X...: the middle of the numbers (the lower middle for an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# medians NAME: sets m_wall, m_cpu and m_rss to the medians of NAME's runs.
medians() {
	local -n w=walls_$1 c=cpus_$1 r=rsss_$1
	m_wall=$(median "${w[@]}")
	m_cpu=$(median "${c[@]}")
	m_rss=$(median "${r[@]}")
}

# The baseline and eval take turns, so that both see the machine as it
# is at the time: its speed drifts by 15 % and more over minutes, which
# moved the ratio when each program ran all its runs in a row.
echo "running each $runs times, in turns ..."
walls_baseline=() cpus_baseline=() rsss_baseline=()
walls_eval=() cpus_eval=() rsss_eval=()
walls_jsonl=() cpus_jsonl=() rsss_jsonl=()
walls_shuffled=() cpus_shuffled=() rsss_shuffled=()
for ((i = 1; i <= runs; i++)); do
	echo " round $i"
	run baseline "$bin/baseline" "$data"
	run eval "$bin/svfrules" eval -o /dev/null "$data"
	run jsonl "$bin/svfrules" eval --format jsonl -o /dev/null "$data"
done
medians baseline
base_wall=$m_wall
medians eval
eval_wall=$m_wall eval_cpu=$m_cpu eval_rss=$m_rss
medians jsonl
jsonl_wall=$m_wall jsonl_rss=$m_rss

echo "eval on the shuffled rows, $runs times ..."
for ((i = 1; i <= runs; i++)); do
	run shuffled "$bin/svfrules" eval -o /dev/null "$shuffled"
done
medians shuffled
shuf_wall=$m_wall shuf_rss=$m_rss

# --- Report --------------------------------------------------------------
# The ratio is the median of each round's eval time over the baseline's
# in the same round.
ratios=()
for ((i = 0; i < runs; i++)); do
	ratios+=("$(awk -v e="${walls_eval[i]}" -v b="${walls_baseline[i]}" 'BEGIN { printf "%.3f", e / b }')")
done
ratio=$(awk -v r="$(median "${ratios[@]}")" 'BEGIN { printf "%.2f", r }')
jsonl_ratio=$(awk -v e="$jsonl_wall" -v b="$base_wall" 'BEGIN { printf "%.2f", e / b }')
util=$(awk -v c="$eval_cpu" -v w="$eval_wall" 'BEGIN { printf "%.2f", c / w }')
verdict() { awk -v x="$1" -v op="$2" -v g="$3" 'BEGIN {
	ok = (op == "<=") ? x <= g : x > g; print ok ? "ok" : "MISSED" }'; }

echo
echo "svfrules eval, $episodes episodes, median of $runs runs ($(nproc) CPUs, $(go env GOVERSION))"
printf '  %-34s %8s\n' "eval seconds" "$eval_wall"
printf '  %-34s %8s\n' "baseline seconds" "$base_wall"
printf '  %-34s %8s   goal <= 0.5   %s\n' "ratio eval/baseline" "$ratio" "$(verdict "$ratio" '<=' 0.5)"
printf '  %-34s %8s   goal <= 150   %s\n' "eval peak RSS (MB)" "$eval_rss" "$(verdict "$eval_rss" '<=' 150)"
printf '  %-34s %8s   goal > 1.2    %s\n' "eval CPU use (user+sys)/wall" "$util" "$(verdict "$util" '>' 1.2)"
printf '  %-34s %8s   (ratio %s, peak RSS %s MB)\n' "eval --format jsonl seconds" "$jsonl_wall" "$jsonl_ratio" "$jsonl_rss"
printf '  %-34s %8s\n' "eval seconds, shuffled rows" "$shuf_wall"
printf '  %-34s %8s\n' "eval peak RSS (MB), shuffled rows" "$shuf_rss"
