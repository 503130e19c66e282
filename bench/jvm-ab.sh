#!/bin/bash
# Compares sets of JVM options for an instance, start-up and the first half-minute of load, on the database a
# `bench/run.sh --keep` left behind (its PostgreSQL, seeded articles and extracted jar).
#
#   bench/jvm-ab.sh KEPT_DIR [--rounds N] 'LABEL=OPTIONS' 'LABEL=OPTIONS' ...
#
# A set runs KEPT_DIR/app/floe.jar, or with 'LABEL@APP_DIR=OPTIONS' the jar extracted into APP_DIR
# (java -Djarmode=tools -jar floe.jar extract --destination APP_DIR): two builds compared on one database.
#
# Each set gets its own AOT cache from a training run with its options (as deploy/image/aot-train makes one), then
# the sets take turns N times (default 2), so a drift in the machine's speed falls on each alike. Per start: wall and
# CPU time to /-/health/ready, and when Spring's start was over (its log's "process running for"); then the anchor's
# protocol on the article (wrk -t2 -c32: 3 s warm-up, three 10 s runs) with req/s, p99 and the server's CPU per
# request for each run, RSS at the end (and its anonymous and file-backed parts) and the CPU time its JIT compiler threads used. Options come after
# deploy/image/java-options, as FLOE_JAVA_OPTS does. An empty OPTIONS is the default.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
[ $# -ge 2 ] || { echo "usage: bench/jvm-ab.sh KEPT_DIR [--rounds N] 'LABEL=OPTIONS' ..." >&2; exit 2; }
W=$1; shift
ROUNDS=2
if [ "${1:-}" = --rounds ]; then ROUNDS=$2; shift 2; fi
[ -d "$W/pg/data" ] && [ -f "$W/app/floe.jar" ] || { echo "bench/jvm-ab.sh: $W is not a folder kept by bench/run.sh --keep" >&2; exit 2; }
. "$ROOT/.mvn/find-jdk.sh"
JAVA=$JAVA_HOME/bin/java
PGBIN=${FLOE_BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port) FPORT=$(free_port)
BASE=http://127.0.0.1:$FPORT
URL=$BASE/news/restoring-the-harbour-crane/
FPID=""
cleanup() {
  set +e
  if [ -n "$FPID" ]; then kill -TERM "$FPID" 2>/dev/null; wait "$FPID" 2>/dev/null; fi
  as_pg "$PGBIN/pg_ctl" -D "$W/pg/data" -m fast -w stop >/dev/null 2>&1
}
trap cleanup EXIT
trap 'exit 130' INT TERM
as_pg "$PGBIN/pg_ctl" -D "$W/pg/data" -l "$W/pg/data/log" -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $W/pg/sock" -w start >/dev/null

FLOE_ENV=(-u PGPASSWORD -u REDIS_ADDRESS -u ELASTICSEARCH_ADDRESS -u FORCE_SSL
  BASE_SETTINGS_MODULE=production SITE_DOMAIN=localhost VIRTUAL_HOST=127.0.0.1
  PGHOST=127.0.0.1 PGPORT="$PGPORT" PGDATABASE=floe PGUSER=postgres FLOE_VAR_DIR="$W/var" PORT="$FPORT"
  FLOE_PAGE_CACHE_ENABLED=false FLOE_SITE_DIR="$HERE/site"
  SECRET_KEY="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')")
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
start() {   # start LOG APP_DIR OPTIONS...: starts the instance (FPID), waits until ready; READY_MS, READY_CPU_MS
  local log=$1 app=$2 t0 i=0; shift 2
  t0=$(date +%s%N)
  env "${FLOE_ENV[@]}" "$JAVA" "@$ROOT/deploy/image/java-options" "$@" -jar "$app/floe.jar" serve >"$log" 2>&1 &
  FPID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/-/health/ready")" = 200 ]; do
    kill -0 "$FPID" 2>/dev/null || { echo "the instance stopped during start-up; its log:" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.01; i=$((i + 1)); [ $i -lt 12000 ] || { echo "timeout waiting for ready" >&2; exit 1; }
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  READY_CPU_MS=$(( $(ticks "$FPID") * 1000 / $(getconf CLK_TCK) ))
}
stop() { kill -TERM "$FPID"; wait "$FPID" 2>/dev/null || true; FPID=""; }

labels=() opts=() apps=()
for v in "$@"; do
  label=${v%%=*} app=$W/app
  case $label in *@*) app=${label#*@}; label=${label%%@*} ;; esac
  [ -f "$app/floe.jar" ] || { echo "bench/jvm-ab.sh: no floe.jar in $app" >&2; exit 2; }
  labels+=("$label"); opts+=("${v#*=}"); apps+=("$app")
done
echo "== bench/jvm-ab.sh on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   every set: @deploy/image/java-options, then its options; the article $URL"
for k in "${!labels[@]}"; do
  # A newer build than the one that seeded the database would not be ready until its migrations ran (production
  # settings do not migrate on start).
  env "${FLOE_ENV[@]}" "$JAVA" -jar "${apps[$k]}/floe.jar" migrate >"$W/jvm-ab-migrate-${labels[$k]}.log" 2>&1 \
    || { echo "bench/jvm-ab.sh: floe migrate failed for ${labels[$k]}; see $W/jvm-ab-migrate-${labels[$k]}.log" >&2; exit 1; }
  # shellcheck disable=SC2086 # the options are a list
  start "$W/jvm-ab-train-${labels[$k]}.log" "${apps[$k]}" -XX:AOTCacheOutput="$W/jvm-ab-${labels[$k]}.aot" ${opts[$k]}
  wrk -t2 -c8 -d10s "$URL" >/dev/null
  wrk -t2 -c8 -d5s "$BASE/api/v2/pages/53/" >/dev/null
  stop
done
for round in $(seq "$ROUNDS"); do
  for k in "${!labels[@]}"; do
    # shellcheck disable=SC2086
    start "$W/jvm-ab-${labels[$k]}-$round.log" "${apps[$k]}" -XX:AOTCache="$W/jvm-ab-${labels[$k]}.aot" ${opts[$k]}
    started=$(grep -o 'process running for [0-9.]*' "$W/jvm-ab-${labels[$k]}-$round.log" | awk '{printf "%d", $4 * 1000}')
    line="${labels[$k]} (round $round): ready $READY_MS ms (Spring's start over at ${started:-?} ms), CPU to ready $READY_CPU_MS ms"
    wrk -t2 -c32 -d3s "$URL" >/dev/null
    for r in 1 2 3; do
      a=$(ticks "$FPID"); res=$(wrk -t2 -c32 -d10s --latency "$URL"); b=$(ticks "$FPID")
      n=$(awk '/requests in/{print $1}' <<<"$res")
      line+=" | run $r: $(awk '/Requests\/sec/{printf "%d", $2}' <<<"$res") req/s, p99 $(awk '/ 99%/{print $2}' <<<"$res"),"
      line+=" $(awk -v t=$((b - a)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.3f", t * 1000 / hz / n}') ms CPU/req"
    done
    jit=0
    for t in /proc/"$FPID"/task/*; do
      case "$(cat "$t/comm" 2>/dev/null)" in C1*|C2*) jit=$((jit + $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0))) ;; esac
    done
    # RssFile is mostly the AOT cache's mapped pages, which instances started from one cache on one host share.
    line+=" | RSS $(awk '/VmRSS/{r=$2} /RssAnon/{a=$2} /RssFile/{f=$2} END{printf "%d MiB (anon %d, file %d)", r/1024, a/1024, f/1024}' "/proc/$FPID/status")"
    line+=", JIT threads alive $((jit * 1000 / $(getconf CLK_TCK))) ms CPU"
    line+=" | load $(cut -d' ' -f1 /proc/loadavg)"
    echo "$line"
    stop
  done
done
