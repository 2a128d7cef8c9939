#!/usr/bin/env bash
# Measures how long the package that pmgen generates for the synthetic
# collection of 1,000 requests takes to compile, in a temporary module:
# with an empty build cache, and with the standard library and testify
# already in the cache. Usage: bench/compile.sh [REQUESTS].
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/time ]; then
	echo "bench/compile.sh: /usr/bin/time is missing; install GNU time with: apt-get install -y time" >&2
	exit 1
fi

n=${1:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

testify=$(go list -m -f '{{.Version}}' github.com/stretchr/testify)
go build -o "$work/pmgen" ./cmd/pmgen
go run ./bench/synth -out "$work/in" -requests "$n" >/dev/null

mkdir "$work/mod"
printf 'module example.com/synthbench\n\ngo 1.24\n' >"$work/mod/go.mod"
"$work/pmgen" generate -collection "$work/in/synth-$n.postman_collection.json" \
	-env "$work/in/synth.postman_environment.json" -out "$work/mod/synth" -package synth 2>/dev/null
cd "$work/mod"
# The generated sequence tests use testify, at the version pmgen uses.
go get "github.com/stretchr/testify@$testify" >/dev/null 2>&1
go mod tidy >/dev/null 2>&1
echo "generated package: $(ls synth/*.go | wc -l) Go files, $(cat synth/*.go | wc -l) lines"

# The baseline module imports the standard packages that the generated
# package imports and nothing else, so its build time is the part of an
# empty-cache build that does not depend on pmgen's output.
mkdir "$work/base"
printf 'module example.com/baseline\n\ngo 1.24\n' >"$work/base/go.mod"
{
	echo "package baseline"
	go list -f '{{join .Imports "\n"}}' ./synth | sed 's/.*/import _ "&"/'
} >"$work/base/baseline.go"

# warm contains the compiled standard library and testify, nothing of the
# generated package.
warm="$work/warm-cache"
GOCACHE="$warm" go build $(go list -deps -test ./... | grep -v '^example.com/' | grep -v '^\[') 2>/dev/null || true

# timed LABEL CACHE COMMAND... runs the command with a copy of the cache
# folder CACHE, or an empty one when CACHE is "", and prints its times.
timed() {
	local label=$1 from=$2
	shift 2
	local cache="$work/cache"
	rm -rf "$cache"
	if [ -n "$from" ]; then cp -r "$from" "$cache"; else mkdir "$cache"; fi
	GOCACHE="$cache" /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" >/dev/null
	awk -v label="$label" '{ printf "%-52s %8.2f %8.2f %8.2f %10.0f\n", label, $1, $2, $3, $4 / 1024 }' "$work/time.txt"
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-52s %8s %8s %8s %10s\n' command wall_s user_s sys_s max_rss_MiB
(cd "$work/base" && timed "baseline: the same std imports (empty cache)" "" go build ./...)
timed "go build ./... (empty cache)" "" go build ./...
timed "go test -run '^\$' ./... (empty cache)" "" go test -count=1 -run '^$' ./...
timed "go vet ./... (empty cache)" "" go vet ./...
timed "go build ./... (std and testify cached)" "$warm" go build ./...
timed "go test -run '^\$' ./... (std and testify cached)" "$warm" go test -count=1 -run '^$' ./...
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
