#!/usr/bin/env bash
# Search figures for docs/benchmarks.md: search latency (p50/p99) over 10,000 published pages on the embedded Lucene
# index and on a real OpenSearch 2.19 node (scripts/opensearch.sh), and full reindex throughput (pages/s).
#
#   bench/search.sh [PAGES] [BACKENDS]      (defaults: 10000, "lucene opensearch")
#
# For each backend, in a temporary folder on 127.0.0.1 only: migrates an embedded H2 database, seeds PAGES published
# pages straight through SQL (scripts/SeedPages.java; the index knows nothing of them yet), starts `floe serve`, runs
# `floe reindex` beside it (its wall time gives pages/s; the serving instance, which owns the embedded index, does the
# indexing on Lucene), then measures GET /api/v2/search/ and the /search/ page with wrk (-t2 -c8 -d10s --latency,
# after a 5 s warm-up) for a few queries. Builds into target-bench-search/ (FLOE_BENCH_BUILD_DIR), offline.
# Needs a JDK 25, wrk and curl. Every process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh

pages="${1:-10000}"
backends="${2:-lucene opensearch}"
build="${FLOE_BENCH_BUILD_DIR:-target-bench-search}"
for tool in wrk curl; do command -v "$tool" >/dev/null || { echo "search.sh: $tool is needed" >&2; exit 1; }; done
./mvnw -q -B -o -Dfloe.build.dir="$build" -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$build/classpath.txt" >&2
cp="$build/classes:$(cat "$build/classpath.txt")"
java="$JAVA_HOME/bin/java"

work="$(mktemp -d)"
serve_pid=""
cleanup() {
  [ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null || true
  scripts/opensearch.sh stop "$work/node" || true
  rm -rf "$work"
}
trap cleanup EXIT

floe() { "$java" -XX:+UseSerialGC -cp "$cp" dev.floe.ops.Floe "$@"; }
latency() { # URL -> "p50 p99 req/s"
  wrk -t2 -c8 -d5s "$1" >/dev/null
  wrk -t2 -c8 -d10s --latency "$1" | awk '
    /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /^Requests\/sec/ { rps = $2 }
    END { printf "%s %s %s", p50, p99, rps }'
}

queries=("harbour archive" "photographs garden" "page 7342" "catalogued maps")
results=()
for backend in $backends; do
  dir="$work/$backend"
  mkdir -p "$dir"
  export BASE_SETTINGS_MODULE=develop FLOE_VAR_DIR="$dir/var"
  unset ELASTICSEARCH_ADDRESS
  if [ "$backend" = opensearch ]; then
    address=$(FLOE_OPENSEARCH_OWNER=$$ scripts/opensearch.sh start "$work/node")
    export ELASTICSEARCH_ADDRESS="$address"
  fi
  floe migrate >/dev/null
  "$java" -cp "$cp" scripts/SeedPages.java seed "$pages" >&2
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # java itself in the background, not the floe function: $! must be the JVM's pid for the kills below to stop it.
  PORT=$port "$java" -XX:+UseSerialGC -cp "$cp" dev.floe.ops.Floe serve >"$dir/serve.log" 2>&1 &
  serve_pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/-/health/ready")" = 200 ]; do
    kill -0 "$serve_pid" 2>/dev/null || { tail -n 40 "$dir/serve.log" >&2; exit 1; }
    sleep 0.5
  done
  start=$(date +%s%N)
  floe reindex >"$dir/reindex.log" 2>&1 || { cat "$dir/reindex.log" >&2; exit 1; }
  end=$(date +%s%N)
  reindex_s=$(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }')
  indexed=$(grep -oE 'Reindexed [0-9]+' "$dir/reindex.log" | grep -oE '[0-9]+')
  rate=$(awk -v n="$indexed" -v s="$reindex_s" 'BEGIN { printf "%.0f", n / s }')
  total=$(curl -s "http://127.0.0.1:$port/api/v2/search/?q=harbour" | python3 -c 'import json,sys; print(json.load(sys.stdin)["meta"]["total"])')
  results+=("$backend: floe reindex of $indexed pages in $reindex_s s wall (JVM start included) = $rate pages/s; 'harbour' matches $total pages")
  for q in "${queries[@]}"; do
    enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$q")
    read -r p50 p99 rps <<<"$(latency "http://127.0.0.1:$port/api/v2/search/?q=$enc")"
    results+=("$backend: API  q=\"$q\"  p50 $p50  p99 $p99  $rps req/s")
  done
  read -r p50 p99 rps <<<"$(latency "http://127.0.0.1:$port/search/?q=harbour+archive")"
  results+=("$backend: page /search/?q=harbour archive  p50 $p50  p99 $p99  $rps req/s")
  read -r p50 p99 rps <<<"$(latency "http://127.0.0.1:$port/search/suggest?q=page+73")"
  results+=("$backend: suggest q=\"page 73\"  p50 $p50  p99 $p99  $rps req/s")
  kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=""
  [ "$backend" = opensearch ] && scripts/opensearch.sh stop "$work/node"
done
echo "== search figures: $pages pages, $(nproc) cores, $("$java" -version 2>&1 | head -1); wrk -t2 -c8 -d10s --latency"
printf '%s\n' "${results[@]}"
