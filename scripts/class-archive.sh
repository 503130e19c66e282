#!/usr/bin/env bash
# Writes a class-data archive of what a serving instance loads, for the instances and commands started after it.
#
#   scripts/class-archive.sh ARCHIVE LOG JAVA [JVM_OPTION...] -jar FLOE_JAR
#
# Runs `floe serve` with the caller's environment on a free port of 127.0.0.1, waits until it is ready, requests its
# home page and stops it with SIGTERM; the JVM writes ARCHIVE as it exits. The run's output goes to LOG. Exits 1 with
# one line on stderr when the instance does not become ready within 5 minutes or no archive is written.
#
# Why a serving run: an archive holds only the classes its run loaded. A one-off command starts its context lazily
# and without a web server; an archive from `floe check` held 17,000 of the 25,000 classes an instance loads, and an
# instance started from it was ready about 2 s later than from this one (docs/benchmarks.md, session 12).
set -euo pipefail
[ $# -ge 4 ] || { echo "usage: scripts/class-archive.sh ARCHIVE LOG JAVA [JVM_OPTION...] -jar FLOE_JAR" >&2; exit 2; }
archive=$1 log=$2 java=$3; shift 3
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
rm -f "$archive"
PORT=$port "$java" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds*=off -Xlog:aot*=off "$@" serve >"$log" 2>&1 &
pid=$!
trap 'kill -KILL "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 3000); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/-/health/ready")" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { echo "class-archive.sh: floe serve stopped during start-up; see $log" >&2; exit 1; }
  sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/-/health/ready")" = 200 ] \
  || { echo "class-archive.sh: floe serve was not ready within 5 minutes; see $log" >&2; exit 1; }
# The first page's classes too: templates, the page cache, the renderers.
curl -s -o /dev/null "http://127.0.0.1:$port/" || true
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
trap - EXIT
[ -s "$archive" ] || { echo "class-archive.sh: floe serve wrote no class archive; see $log" >&2; exit 1; }
