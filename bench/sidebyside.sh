#!/usr/bin/env bash
# Times commands side by side: ROUNDS rounds, in each of which every
# command runs LOOPS times in a row in one bash loop, one command after
# the other, timed as a whole with bash's microsecond clock; it prints,
# for each command, the median, first quartile and least of its rounds'
# times per run, in ms. Alternating the commands in every round lets
# each see the machine as it is at the time (a VM's speed drifts by 10
# to 50 % over minutes). Output and errors of the commands are thrown
# away; exit status 0 and 1 are accepted (eval exits 1 when it has
# findings), any other stops the script. Used for start-up on the 100-row file (README, Performance):
#
#   F=testdata/bench/episodes_300000_seed1_de730cb4a41c_100.csv
#   bash bench/sidebyside.sh 30 20 "./old eval -o /dev/null $F" \
#       "./svfrules eval -o /dev/null $F" "testdata/bench/bin/baseline $F"
#
# Each command is run by bash -c, so it may hold redirections and
# variables; do not wrap it in env(1), which adds a process per run.
# This is not a Go test: `go test ./...` does not run it.
set -euo pipefail
export LC_NUMERIC=C

(($# >= 3)) || { echo "usage: bash bench/sidebyside.sh ROUNDS LOOPS COMMAND..." >&2; exit 2; }
rounds=$1 loops=$2
shift 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

for ((r = 0; r < rounds; r++)); do
	k=0
	for c in "$@"; do
		t0=$EPOCHREALTIME
		status=0
		bash -c "for ((i = 0; i < $loops; i++)); do $c >/dev/null 2>&1 || { s=\$?; ((s <= 1)) || exit \$s; }; done" || status=$?
		t1=$EPOCHREALTIME
		((status == 0)) || { echo "sidebyside: exit status $status: $c" >&2; exit 1; }
		awk -v a="$t0" -v b="$t1" -v n="$loops" 'BEGIN { printf "%.4f\n", (b - a) * 1000 / n }' >>"$dir/$k"
		k=$((k + 1))
	done
done
k=0
for c in "$@"; do
	sort -n "$dir/$k" | awk -v name="$c" '{ v[NR] = $1 }
		END { printf "median %.3f ms  p25 %.3f  min %.3f  %s\n", v[int((NR + 1) / 2)], v[int((NR + 3) / 4)], v[1], name }'
	k=$((k + 1))
done
