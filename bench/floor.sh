#!/bin/bash
# The stack's floor: how long the libraries DESIGN.md chose (Spring Boot 4 with web, security, actuator and
# validation; Hibernate ORM 7 with Liquibase; Hibernate Search 8 on Lucene; Pebble) take to start and how much memory
# they hold, with one indexed entity and one page and nothing of Floe's own (bench/floor/), beside Floe on the same
# database, run after run. It tells which part of Floe's start-up time and resident memory is Floe's to cut.
#
#   bench/floor.sh KEPT_DIR [--rounds N] [--spring-aot] [--opts 'JVM OPTIONS']
#
# KEPT_DIR is a folder kept by `bench/run.sh --keep` (its PostgreSQL, seeded articles and extracted floe.jar). Both
# apps run as the image runs Floe: the extracted jar, deploy/image/java-options, an AOT cache from a training run of
# their own (10 s of their page). Per start: wall and CPU time to ready, RSS at ready, classes loaded; then
# wrk -t2 -c32 (3 s warm-up, 10 s measured) on the page and RSS after it.
#   --spring-aot   the floor is also built with Spring's AOT processing (the spring-aot profile) and runs with it
#   --opts         JVM options for both apps, after deploy/image/java-options (a smaller heap: --opts -Xmx128m)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
usage() { echo "usage: bench/floor.sh KEPT_DIR [--rounds N] [--spring-aot] [--opts 'JVM OPTIONS']" >&2; exit 2; }
[ $# -ge 1 ] || usage
W=$1; shift
ROUNDS=3 SPRING_AOT="" OPTS=()
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) [ $# -ge 2 ] || usage; ROUNDS=$2; shift 2 ;;
    --spring-aot) SPRING_AOT=1; shift ;;
    --opts) [ $# -ge 2 ] || usage; read -ra OPTS <<<"$2"; shift 2 ;;
    *) usage ;;
  esac
done
[ -d "$W/pg/data" ] && [ -f "$W/app/floe.jar" ] || { echo "bench/floor.sh: $W is not a folder kept by bench/run.sh --keep" >&2; exit 2; }
. "$ROOT/.mvn/find-jdk.sh"
JAVA=$JAVA_HOME/bin/java
PGBIN=${FLOE_BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port) PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
PID=""
cleanup() {
  set +e
  if [ -n "$PID" ]; then kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; fi
  as_pg "$PGBIN/pg_ctl" -D "$W/pg/data" -m fast -w stop >/dev/null 2>&1
}
trap cleanup EXIT
trap 'exit 130' INT TERM

(cd "$HERE/floor" && "$ROOT/mvnw" -q -B clean package -DskipTests ${SPRING_AOT:+-Pspring-aot}) >"$W/floor-build.log" 2>&1 || { echo "bench/floor.sh: building bench/floor failed; its log: $W/floor-build.log" >&2; exit 1; }
rm -rf "$W/floor" && "$JAVA" -Djarmode=tools -jar "$HERE/floor/target/floor.jar" extract --destination "$W/floor" >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$W/pg/data" -l "$W/pg/data/log" -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $W/pg/sock" -w start >/dev/null
as_pg "$PGBIN/dropdb" -h 127.0.0.1 -p "$PGPORT" --if-exists floor
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" floor

SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
COMMON=(-u PGPASSWORD -u REDIS_ADDRESS -u ELASTICSEARCH_ADDRESS PORT="$PORT" SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1)
FLOE_ENV=("${COMMON[@]}" BASE_SETTINGS_MODULE=production SITE_DOMAIN=localhost VIRTUAL_HOST=127.0.0.1
  PGHOST=127.0.0.1 PGPORT="$PGPORT" PGDATABASE=floe PGUSER=postgres FLOE_VAR_DIR="$W/var"
  FLOE_PAGE_CACHE_ENABLED=false FLOE_SITE_DIR="$HERE/site" SECRET_KEY="$SECRET")
FLOOR_ENV=("${COMMON[@]}" SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/floor" SPRING_DATASOURCE_USERNAME=postgres
  FLOOR_INDEX="$W/floor-index" SERVER_TOMCAT_THREADS_MAX=$((2 * $(nproc))))
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rss() { awk '/VmRSS/{printf "%d", $2 / 1024}' "/proc/$1/status"; }
start() {   # start APP LOG OPTIONS...: starts floe or floor (PID) and waits until ready: READY_MS, READY_CPU_MS
  local app=$1 log=$2 t0 i=0 ready; shift 2
  t0=$(date +%s%N)
  if [ "$app" = floe ]; then
    ready=$BASE/-/health/ready
    env "${FLOE_ENV[@]}" "$JAVA" "@$ROOT/deploy/image/java-options" "${OPTS[@]}" "$@" -jar "$W/app/floe.jar" serve >"$log" 2>&1 &
  else
    ready=$BASE/actuator/health/readiness
    env "${FLOOR_ENV[@]}" "$JAVA" "@$ROOT/deploy/image/java-options" "${OPTS[@]}" ${SPRING_AOT:+-Dspring.aot.enabled=true} "$@" -jar "$W/floor/floor.jar" >"$log" 2>&1 &
  fi
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$ready")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { echo "$app stopped during start-up; its log:" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.01; i=$((i + 1)); [ $i -lt 12000 ] || { echo "timeout waiting for $app to be ready" >&2; exit 1; }
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  READY_CPU_MS=$(( $(ticks "$PID") * 1000 / $(getconf CLK_TCK) ))
}
stop() { kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
page() { if [ "$1" = floe ]; then echo "$BASE/news/restoring-the-harbour-crane/"; else echo "$BASE/notes/101/"; fi; }

echo "== bench/floor.sh on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   both: @deploy/image/java-options ${OPTS[*]}; the floor $([ -n "$SPRING_AOT" ] && echo with || echo without) Spring's AOT processing"
# The floor's first start applies its one changeset; later starts, like Floe's in production, do not migrate.
for app in floor floe; do
  extra=(); [ "$app" = floor ] && extra=(-Dspring.liquibase.enabled=true)
  start "$app" "$W/floor-train-$app.log" -XX:AOTCacheOutput="$W/floor-$app.aot" "${extra[@]}"
  curl -sf -o /dev/null "$(page "$app")" || { echo "$app's page did not answer 200" >&2; exit 1; }
  wrk -t2 -c8 -d10s "$(page "$app")" >/dev/null
  stop
done
for round in $(seq "$ROUNDS"); do
  for app in floor floe; do
    extra=(); [ "$app" = floor ] && extra=(-Dspring.liquibase.enabled=false)
    start "$app" "$W/floor-$app-$round.log" -XX:AOTCache="$W/floor-$app.aot" "${extra[@]}"
    classes=$(jcmd "$PID" PerfCounter.print 2>/dev/null | awk -F= '/java.cls.loadedClasses=/{l=$2} /java.cls.sharedLoadedClasses=/{s=$2} END{print l " (" s " from the cache)"}')
    line="$app (round $round): ready $READY_MS ms, CPU to ready $READY_CPU_MS ms, RSS at ready $(rss "$PID") MiB, $classes classes"
    wrk -t2 -c32 -d3s "$(page "$app")" >/dev/null
    res=$(wrk -t2 -c32 -d10s --latency "$(page "$app")")
    line+=" | $(awk '/Requests\/sec/{printf "%d", $2}' <<<"$res") req/s, p99 $(awk '/ 99%/{print $2}' <<<"$res"), RSS after load $(rss "$PID") MiB"
    echo "$line | load $(cut -d' ' -f1 /proc/loadavg)"
    stop
  done
done
