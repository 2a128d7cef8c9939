#!/usr/bin/env bash
# Compares one call through a generated client with the same call written
# by hand with net/http: a POST with a JSON body and a JSON response to a
# loopback httptest server. Generates the client for
# bench/testdata/call/sale.postman_collection.json in a temporary module,
# adds bench/testdata/call/sale_bench_test.go, runs the benchmarks COUNT
# times (default 10), each time in a new process with the other client
# first, and compares the two with benchstat. BenchmarkSellForCash calls
# the loopback server. BenchmarkSellForCashInProcess returns the response
# from the client's transport, so it times the clients' own work alone.
# Usage: bench/call.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-10}
benchstat_version=v0.0.0-20260908200009-22c9c6c9d4da
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

testify=$(go list -m -f '{{.Version}}' github.com/stretchr/testify)
go build -o "$work/pmgen" ./cmd/pmgen

mkdir "$work/mod"
printf 'module example.com/callbench\n\ngo 1.24\n' >"$work/mod/go.mod"
"$work/pmgen" generate -collection bench/testdata/call/sale.postman_collection.json -out "$work/mod/sale" -package sale
cp bench/testdata/call/sale_bench_test.go "$work/mod/sale/"
cd "$work/mod"
go get "github.com/stretchr/testify@$testify" >/dev/null 2>&1
go mod tidy >/dev/null 2>&1

go test -count=1 -run TestClientsSendSameRequest ./sale
go test -c -o "$work/sale.test" ./sale
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# One process per sample, so that the samples of the two clients
# alternate in time instead of all of one client's coming first, and the
# client that goes first alternates too.
for i in $(seq "$count"); do
	first=generated
	if [ $((i % 2)) -eq 0 ]; then
		first=handwritten
	fi
	SALE_BENCH_FIRST=$first "$work/sale.test" -test.run '^$' -test.bench SellForCash -test.benchmem
done | tee "$work/call.txt"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$root"
go run "golang.org/x/perf/cmd/benchstat@$benchstat_version" -col /client "$work/call.txt"
