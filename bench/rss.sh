#!/usr/bin/env bash
# Measures "pmgen generate" on the synthetic collections as a separate
# process: wall and CPU time and the maximum resident set size, as GNU
# time reports them. Usage: bench/rss.sh [SIZES], SIZES defaulting to
# 100,1000,10000 requests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
	echo "bench/rss.sh: /usr/bin/time is missing; install GNU time with: apt-get install -y time" >&2
	exit 1
fi

sizes=${1:-100,1000,10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/pmgen" ./cmd/pmgen
go run ./bench/synth -out "$work/in" -requests "$sizes" >/dev/null

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%8s %10s %8s %8s %8s %12s %12s\n' requests input_MiB wall_s user_s sys_s max_rss_MiB output_MiB
for n in ${sizes//,/ }; do
	in="$work/in/synth-$n.postman_collection.json"
	out="$work/out-$n"
	/usr/bin/time -v -o "$work/time-$n.txt" "$work/pmgen" generate \
		-collection "$in" -env "$work/in/synth.postman_environment.json" \
		-out "$out" -package synth 2>"$work/stderr-$n.txt" || {
		cat "$work/stderr-$n.txt" >&2
		exit 1
	}
	# GNU time -v writes the wall time as h:mm:ss or m:ss.
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-$n.txt" |
		awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
	user=$(sed -n 's/.*User time (seconds): //p' "$work/time-$n.txt")
	sys=$(sed -n 's/.*System time (seconds): //p' "$work/time-$n.txt")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-$n.txt")
	awk -v n="$n" -v in_bytes="$(stat -c %s "$in")" -v wall="$wall" -v user="$user" -v sys="$sys" \
		-v rss="$rss" -v out_bytes="$(du -sb "$out" | cut -f1)" 'BEGIN {
		printf "%8d %10.1f %8.2f %8.2f %8.2f %12.0f %12.1f\n", n, in_bytes / 1048576, wall, user, sys, rss / 1024, out_bytes / 1048576
	}'
	rm -rf "$out"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
