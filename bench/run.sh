#!/bin/bash
# Floe's throughput benchmark, side by side with the Django / nginx anchor (issue 2).
#
#   bench/run.sh [--build-dir DIR] [--anchor DIR] [--skip-anchor] [--anchor-results DIR] [--keep]
#
# In one go, on 127.0.0.1 only:
#   1. builds DIR/floe.jar if it is missing (DIR defaults to target/, relative to the checkout);
#   2. starts its own PostgreSQL 15 (free port, temporary folder) and Floe on it with production settings and the
#      bench/site site project, and times start-up to /-/health/ready;
#   3. seeds the anchor's content through the content API (bench/seed.py): /news/restoring-the-harbour-crane/
#      (20 blocks, ~28 KB) and 100 other 20-block articles (10 unpublished);
#   4. measures, exactly as the anchor does (wrk -t2 -c32 -d10s --latency after a 3 s warm-up, 3 runs, median),
#      the public page render and GET /api/v2/pages/{id}/ of the same page;
#   5. runs the anchor (../shared/anchors/django-perf/run.sh, ~3.5 min) right after, in the same go;
#   6. prints one table with Floe, Django (uncached, cached) and nginx, and the ratios Floe/Django, Floe/nginx.
# Needs: JDK 25, wrk, curl, python3, PostgreSQL 15 (/usr/lib/postgresql/15), and for the anchor
# python3-django gunicorn python3-psycopg2 nginx-light; run as root (the anchor and PostgreSQL use runuser).
# The report is printed and kept in bench/results/ (git-ignored). Every process started here is stopped on exit.
#
# Environment: BENCH_JAVA_OPTS (more JVM flags for the server, after deploy/image/java-options), MVN_FLAGS (default "-q -B"),
#              BENCH_LONG_WARMUP (seconds, default 60: an extra render row after a longer JIT warm-up; 0 skips it),
#              FLOE_BENCH_PG_BIN (default /usr/lib/postgresql/15/bin),
#              BENCH_AOT (default 1: after seeding, extract the jar and make the JVM's AOT cache with a training run,
#              as deploy/Dockerfile does, and start from them; 0: plain java -jar),
#              BENCH_DURATION (wrk's -d for measured runs, default 10s: the anchor's; shorter only for a smoke run),
#              BENCH_SCALE (set by bench/scale.sh: also the cached page, plain and gzip, from the in-process cache
#              and from Redis, beside nginx serving the same HTML as a static file; see bench/scale.sh).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD_DIR=target
ANCHOR=$ROOT/../shared/anchors/django-perf
SKIP_ANCHOR="" ANCHOR_RESULTS="" KEEP="" ANCHOR_FAILED=""
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) BUILD_DIR=$2; shift 2 ;;
    --build-dir=*) BUILD_DIR=${1#*=}; shift ;;
    --anchor) ANCHOR=$2; shift 2 ;;
    --skip-anchor) SKIP_ANCHOR=1; shift ;;
    --anchor-results) ANCHOR_RESULTS=$2; shift 2 ;;   # reuse an earlier anchor run's results/ (no ratios then!)
    --keep) KEEP=1; shift ;;                          # keep the temporary folder
    -h|--help) awk 'NR>1 && /^#/{sub(/^# ?/, ""); print; next} NR>1{exit}' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case $BUILD_DIR in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac
JAR=$BUILD_DIR/floe.jar
PGBIN=${FLOE_BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
# Server JVM: the defaults every instance runs with (the image, the launcher, the cluster), then BENCH_JAVA_OPTS.
JAVA_OPTS="@$ROOT/deploy/image/java-options ${BENCH_JAVA_OPTS-}"
CLI_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1"   # the one-off createsuperuser / createtoken commands
ARTICLE=/news/restoring-the-harbour-crane/
AOT=${BENCH_AOT:-1}                           # 1: serve from the extracted jar with an AOT cache, as the image does
LONG_WARMUP=${BENCH_LONG_WARMUP:-60}          # seconds of extra warm-up before the extra "warmed JVM" row; 0: none
WRK_ARGS=(-t2 -c32 -d"${BENCH_DURATION:-10s}" --latency)   # identical to the anchor
WARM_ARGS=(-t2 -c32 -d3s)                     # un-measured warm-up before each set of 3
UNLOADED_ARGS=(-t1 -c1 -d5s --latency)        # single-connection latency
T_START=$(date +%s)

for tool in wrk curl python3 "$PGBIN/pg_ctl"; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool is missing" >&2; exit 1; }
done
[ -n "$SKIP_ANCHOR" ] || [ -n "$ANCHOR_RESULTS" ] || [ -x "$ANCHOR/run.sh" ] || [ -f "$ANCHOR/run.sh" ] \
  || { echo "bench/run.sh: no anchor at $ANCHOR (use --anchor DIR or --skip-anchor)" >&2; exit 1; }

# ---------------------------------------------------------------- JDK and jar
. "$ROOT/.mvn/find-jdk.sh"                    # sets JAVA_HOME to a JDK 25 or exits naming the problem
JAVA=$JAVA_HOME/bin/java
if [ ! -f "$JAR" ]; then
  echo "== building $JAR"
  (cd "$ROOT" && ./mvnw ${MVN_FLAGS:--q -B} -Dfloe.build.dir="$BUILD_DIR" -DskipTests package)
fi

# ---------------------------------------------------------------- work folder, cleanup
W=$(mktemp -d /tmp/floe-bench.XXXXXX)
chmod 755 "$W"
R=$W/results
mkdir -p "$R" "$W/var"
FPID="" PG_STARTED="" NGINX_CONF=""
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  set +e
  if [ -n "$FPID" ] && kill -0 "$FPID" 2>/dev/null; then kill -TERM "$FPID"; wait "$FPID" 2>/dev/null; fi
  if [ -n "$PG_STARTED" ]; then as_pg "$PGBIN/pg_ctl" -D "$W/pg/data" -m fast -w stop >/dev/null; fi
  if [ -n "$NGINX_CONF" ]; then nginx -c "$NGINX_CONF" -p "$W/nginx" -s stop 2>/dev/null; fi
  [ ! -d "$W/redis" ] || bash "$ROOT/scripts/redis.sh" stop "$W/redis"
  if [ -z "$KEEP" ]; then rm -rf "$W"; else echo "kept $W"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
cpu_busy_idle() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $5+$6}' /proc/stat; }
tree_ticks() {   # CPU ticks (utime+stime) of a pid and its direct children
  local p t=0
  for p in $1 $(pgrep -P "$1"); do
    t=$((t + $(sed 's/.*) //' /proc/$p/stat 2>/dev/null | awk '{print $12+$13}' || echo 0)))
  done
  echo $t
}
mem_of() {       # rss/pss (kB) of one process
  echo "rss_kb=$(awk '/^VmRSS/{print $2}' /proc/$1/status) pss_kb=$(awk '/^Pss:/{print $2}' /proc/$1/smaps_rollup) nproc=1"
}
probe() {        # the anchor's single-thread CPU speed probe: median ms of 5 x sum(i*i, 1M); lower = faster
  /usr/bin/python3 -c 'import time,statistics as st
def f():
    t=time.perf_counter(); sum(i*i for i in range(1000000)); return (time.perf_counter()-t)*1000
print("%.0f" % st.median(f() for _ in range(5)))'
}
# bench LABEL URL [WRK ARG...]: warm-up, 3 measured runs (CPU ticks of the server, SRV_PID or else Floe's, and of
# PostgreSQL recorded), 1 unloaded-latency run. Writes the same files as the anchor's run.sh, so bench/summarize.py
# reads both alike.
bench() {
  local label=$1 url=$2 i s0 s1 q0 q1 b0 b1 i0 i1 srv=${SRV_PID:-$FPID}
  shift 2
  probe >"$R/$label.probe"
  wrk "${WARM_ARGS[@]}" "$@" "$url" >/dev/null
  for i in 1 2 3; do
    s0=$(tree_ticks "$srv"); q0=$(tree_ticks "$PGPID")
    read -r b0 i0 < <(cpu_busy_idle)
    { TIMEFORMAT='%R %U %S'; time wrk "${WRK_ARGS[@]}" "$@" "$url" >"$R/$label-run$i.txt"; } 2>"$R/$label-run$i.time"
    read -r b1 i1 < <(cpu_busy_idle)
    s1=$(tree_ticks "$srv"); q1=$(tree_ticks "$PGPID")
    awk -v b=$((b1-b0)) -v t=$((b1-b0+i1-i0)) -v n="$(nproc)" 'BEGIN{printf "%.3f\n", b/t*n}' >"$R/$label-run$i.cpu"
    echo "srv_ticks=$((s1-s0)) pg_ticks=$((q1-q0)) hz=$(getconf CLK_TCK)" >"$R/$label-run$i.ticks"
    echo "   $label run $i: $(grep -E 'Requests/sec' "$R/$label-run$i.txt" | awk '{print $2}') req/s"
  done
  wrk "${UNLOADED_ARGS[@]}" "$@" "$url" >"$R/$label-unloaded.txt"
}

echo "== Floe benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(cut -d' ' -f1-3 /proc/loadavg)" >"$R/loadavg-start"

# ---------------------------------------------------------------- PostgreSQL 15
PGPORT=$(free_port)
if [ "$(id -u)" = 0 ]; then install -d -o postgres "$W/pg" "$W/pg/data" "$W/pg/sock"; else mkdir -p "$W/pg/data" "$W/pg/sock"; fi
as_pg "$PGBIN/initdb" -D "$W/pg/data" -U postgres -A trust -E UTF8 --no-locale >"$R/initdb.log"
as_pg "$PGBIN/pg_ctl" -D "$W/pg/data" -l "$W/pg/data/log" \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $W/pg/sock" -w start >/dev/null
PG_STARTED=1
PGPID=$(head -1 "$W/pg/data/postmaster.pid")
as_pg "$PGBIN/psql" -X -q -h "$W/pg/sock" -p "$PGPORT" -U postgres -c "CREATE DATABASE floe" >/dev/null
echo "== PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PGPORT"

# ---------------------------------------------------------------- Floe
FPORT=$(free_port)
BASE=http://127.0.0.1:$FPORT
# Floe's environment, given only to Floe's processes (the anchor must not inherit PG* and the rest). The full-page
# cache is off: these figures are renders (bench/scale.sh measures cached pages).
FLOE_ENV=(-u PGPASSWORD -u REDIS_ADDRESS -u ELASTICSEARCH_ADDRESS -u FORCE_SSL
  BASE_SETTINGS_MODULE=production SITE_DOMAIN=localhost VIRTUAL_HOST=127.0.0.1 FLOE_MIGRATE_ON_START=yes
  PGHOST=127.0.0.1 PGPORT="$PGPORT" PGDATABASE=floe PGUSER=postgres FLOE_VAR_DIR="$W/var" PORT="$FPORT"
  FLOE_PAGE_CACHE_ENABLED=false
  FLOE_SITE_DIR="$HERE/site" SECRET_KEY="$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')")

SERVE_JAR=$JAR SERVE_OPTS=""
start_floe() {   # start_floe LOG: starts the server (FPID), waits for /-/health/ready; START_MS = launch to ready,
                 # START_CPU_MS = the server's CPU time (user + system) until then, which other load inflates far less
  local t0 i=0
  t0=$(now_ns)
  # shellcheck disable=SC2086
  env "${FLOE_ENV[@]}" "$JAVA" $JAVA_OPTS $SERVE_OPTS -jar "$SERVE_JAR" serve >"$1" 2>&1 &
  FPID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/-/health/ready")" = 200 ]; do
    kill -0 "$FPID" 2>/dev/null || { echo "Floe stopped during start-up; its log:" >&2; tail -40 "$1" >&2; exit 1; }
    sleep 0.01; i=$((i+1)); [ $i -lt 12000 ] || { echo "timeout waiting for Floe to be ready" >&2; exit 1; }
  done
  START_MS=$(( ($(now_ns) - t0) / 1000000 ))
  START_CPU_MS=$(( $(tree_ticks "$FPID") * 1000 / $(getconf CLK_TCK) ))
}
stop_floe() { kill -TERM "$FPID"; wait "$FPID" 2>/dev/null || true; FPID=""; }

start_floe "$R/floe-first.log"; first_ms=$START_MS
echo "== Floe ready on $BASE in $first_ms ms (first start: empty database, migrations run)"

# ---------------------------------------------------------------- seed through the content API
t0=$(now_ns)
echo 'bench-password-not-secret-1234' | env "${FLOE_ENV[@]}" "$JAVA" $CLI_OPTS -jar "$JAR" createsuperuser --email bench@example.org --password-stdin >"$R/createsuperuser.log" 2>&1
t1=$(now_ns)
TOKEN=$(env "${FLOE_ENV[@]}" "$JAVA" $CLI_OPTS -jar "$JAR" createtoken --email bench@example.org 2>"$R/createtoken.err" | tail -n 1)
t2=$(now_ns)
seed=$(python3 "$HERE/seed.py" "$BASE" "$TOKEN")
t3=$(now_ns)
echo "== seeded: $seed; createsuperuser $(( (t1 - t0) / 1000000 )) ms, createtoken $(( (t2 - t1) / 1000000 )) ms, API seeding $(( (t3 - t2) / 1000000 )) ms"
ARTICLE_ID=$(sed 's/.*article_id=\([0-9]*\).*/\1/' <<<"$seed")
as_pg "$PGBIN/psql" -X -q -h "$W/pg/sock" -p "$PGPORT" -U postgres -d floe -c "VACUUM ANALYZE"

stop_floe
if [ "$AOT" = 1 ]; then
  # As the image does (deploy/Dockerfile, deploy/image/aot-train): the jar extracted, and a training run that writes
  # the JVM's AOT cache (classes loaded and linked, JIT profiles) when it stops; every later start reads it.
  t0=$(now_ns)
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$W/app" >/dev/null
  SERVE_JAR=$W/app/floe.jar SERVE_OPTS="-XX:AOTCacheOutput=$W/app/floe.aot"
  start_floe "$R/floe-aot-training.log"
  wrk -t2 -c8 -d10s "$BASE$ARTICLE" >/dev/null
  wrk -t2 -c8 -d5s "$BASE/api/v2/pages/$ARTICLE_ID/" >/dev/null
  curl -s -o /dev/null "$BASE/sitemap.xml"; curl -s -o /dev/null "$BASE/no-such-page/"
  stop_floe
  [ -s "$W/app/floe.aot" ] || { echo "the training run wrote no AOT cache; its log:" >&2; tail -20 "$R/floe-aot-training.log" >&2; exit 1; }
  SERVE_OPTS="-XX:AOTCache=$W/app/floe.aot"
  echo "== AOT cache: $(du -m "$W/app/floe.aot" | cut -f1) MB, extraction and training run $(( ($(now_ns) - t0) / 1000000 )) ms"
fi
# 3 cold starts on the seeded database (like the anchor's); the median is the start-up figure; bench on the last
ms=() cpu_ms=()
for k in 1 2 3; do
  [ -z "$FPID" ] || stop_floe
  start_floe "$R/floe-serve-$k.log"; ms+=("$START_MS"); cpu_ms+=("$START_CPU_MS")
done
startup=$(printf '%s\n' "${ms[@]}" | sort -n | sed -n 2p)
echo "== start-up to ready: ${ms[*]} ms (median $startup); CPU time until ready: ${cpu_ms[*]} ms (median $(printf '%s\n' "${cpu_ms[@]}" | sort -n | sed -n 2p))"

curl -s -D "$R/floe-headers.txt" -o "$R/floe-body.bin" "$BASE$ARTICLE"
curl -s -o "$R/floe-api-body.bin" "$BASE/api/v2/pages/$ARTICLE_ID/"
grep -q ' 200' "$R/floe-headers.txt" || { echo "the article does not answer 200" >&2; head -5 "$R/floe-headers.txt" >&2; exit 1; }
grep -c 'class="block block--' "$R/floe-body.bin" | grep -qx 20 || { echo "the article does not have 20 blocks" >&2; exit 1; }
echo "== page $ARTICLE: $(stat -c %s "$R/floe-body.bin") bytes HTML; API /api/v2/pages/$ARTICLE_ID/: $(stat -c %s "$R/floe-api-body.bin") bytes JSON"

echo "== measuring Floe"
bench floe "$BASE$ARTICLE"
bench floe-api "$BASE/api/v2/pages/$ARTICLE_ID/"
if [ "$LONG_WARMUP" -gt 0 ]; then
  # extra, beyond the anchor's protocol: the JVM after a longer warm-up (JIT compilation done), as a server that has
  # been up for a while runs; Django has no JIT, so its figures are already steady state after 3 s
  echo "   warming the render for ${LONG_WARMUP} s more (extra row 'after a long warm-up')"
  wrk -t2 -c32 -d"${LONG_WARMUP}s" "$BASE$ARTICLE" >/dev/null
  bench floe-warm "$BASE$ARTICLE"
fi
mem=$(mem_of "$FPID")
heap=$("$JAVA_HOME/bin/jcmd" "$FPID" GC.heap_info 2>/dev/null | grep -m1 -iE 'total|heap' | sed 's/^ *//' || true)
for l in floe floe-api floe-warm; do [ -f "$R/$l-run1.txt" ] || continue; echo "startup_ms=$startup startups=$(IFS=/; echo "${ms[*]}") first_start_ms=$first_ms $mem" >"$R/$l.meta"; done
echo "heap after load: $heap" >"$R/floe-heap.txt"
echo "== RSS after load: $(( $(awk '/^VmRSS/{print $2}' "/proc/$FPID/status") / 1024 )) MiB (peak $(( $(awk '/^VmHWM/{print $2}' "/proc/$FPID/status") / 1024 )) MiB)"
if [ -n "${BENCH_SCALE:-}" ]; then
  # Cached pages: the same article from the page cache, plain and gzip (kept compressed in the cache), first in this
  # process, then in Redis as several instances share it; and nginx serving the same HTML as a static file, plain
  # and from a precompressed .gz (gzip_static), the limit for a cached page on this machine.
  GZIP=(-H "Accept-Encoding: gzip")
  cached_rows() {   # cached_rows LABEL: the article from the cache, plain and gzip, and the instance's RSS after load
    curl -s -o /dev/null "$BASE$ARTICLE"
    curl -s -D - -o /dev/null "$BASE$ARTICLE" | tr -d '\r' | grep -qi '^x-floe-cache: hit' \
      || { echo "the article is not served from the page cache ($1)" >&2; exit 1; }
    bench "$1" "$BASE$ARTICLE"
    bench "$1-gzip" "$BASE$ARTICLE" "${GZIP[@]}"
    for l in "$1" "$1-gzip"; do echo "startup_ms=$START_MS $(mem_of "$FPID")" >"$R/$l.meta"; done
  }
  stop_floe
  FLOE_ENV=("${FLOE_ENV[@]/FLOE_PAGE_CACHE_ENABLED=false/FLOE_PAGE_CACHE_ENABLED=true}")
  start_floe "$R/floe-cached.log"
  echo "== measuring Floe's cached page (in-process cache)"
  cached_rows floe-cached
  stop_floe
  REDIS_PORT=$(bash "$ROOT/scripts/redis.sh" start "$W/redis")
  FLOE_ENV+=(REDIS_ADDRESS="127.0.0.1:$REDIS_PORT")   # env applies it after its -u REDIS_ADDRESS
  start_floe "$R/floe-redis.log"
  for _ in $(seq 1 50); do   # the cache steps aside until the instance hears Redis (a second at most)
    curl -s -D - -o /dev/null "$BASE$ARTICLE" | tr -d '\r' | grep -qi '^x-floe-cache: \(hit\|miss\)' && break; sleep 0.2
  done
  echo "== measuring Floe's cached page (shared cache in Redis)"
  cached_rows floe-redis-cached
  stop_floe
  bash "$ROOT/scripts/redis.sh" stop "$W/redis"
  mkdir -p "$W/nginx/html" "$W/nginx/tmp"
  cp "$R/floe-body.bin" "$W/nginx/html/index.html"
  gzip -9 -k "$W/nginx/html/index.html"
  NPORT=$(free_port)
  NGINX_CONF=$W/nginx/nginx.conf
  cat >"$NGINX_CONF" <<EOF
worker_processes 2;
pid $W/nginx/nginx.pid;
error_log $W/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $W/nginx/tmp/body;
    proxy_temp_path $W/nginx/tmp/proxy;
    fastcgi_temp_path $W/nginx/tmp/fastcgi;
    uwsgi_temp_path $W/nginx/tmp/uwsgi;
    scgi_temp_path $W/nginx/tmp/scgi;
    server {
        listen 127.0.0.1:$NPORT;
        root $W/nginx/html;
        default_type text/html;
        gzip_static on;
        location / { index index.html; }
    }
}
EOF
  nginx -q -c "$NGINX_CONF" -p "$W/nginx"
  sleep 0.5
  echo "== measuring nginx serving Floe's HTML as a static file"
  SRV_PID=$(cat "$W/nginx/nginx.pid")
  bench nginx-floe "http://127.0.0.1:$NPORT/"
  bench nginx-floe-gzip "http://127.0.0.1:$NPORT/" "${GZIP[@]}"
  for l in nginx-floe nginx-floe-gzip; do
    echo "startup_ms=0 rss_kb=$(for p in $SRV_PID $(pgrep -P "$SRV_PID"); do echo /proc/$p/status; done | xargs awk '/^VmRSS/{s+=$2} END{print s}') nproc=3" >"$R/$l.meta"
  done
  SRV_PID=""
  nginx -c "$NGINX_CONF" -p "$W/nginx" -s stop; NGINX_CONF=""
  FPID=""
fi
{
  echo "page_bytes=$(stat -c %s "$R/floe-body.bin") api_bytes=$(stat -c %s "$R/floe-api-body.bin") article_id=$ARTICLE_ID"
  echo "java=$("$JAVA" -version 2>&1 | head -1 | tr ' ' '_') java_opts=$(tr ' ' ',' <<<"$JAVA_OPTS")"
} >"$R/floe.info"
[ -z "$FPID" ] || stop_floe
as_pg "$PGBIN/pg_ctl" -D "$W/pg/data" -m fast -w stop >/dev/null; PG_STARTED=""
T_FLOE=$(date +%s)

# ---------------------------------------------------------------- the anchor, in the same go
AR=""
if [ -n "$ANCHOR_RESULTS" ]; then
  AR=$ANCHOR_RESULTS
  echo "== anchor: reusing $AR (NOT from this run: ratios are only indicative)"
elif [ -z "$SKIP_ANCHOR" ]; then
  for p in 15433 18000 18080 18081 18082; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "bench/run.sh: port $p is in use: is another anchor run going on? (the anchor needs 15433, 18000, 18080-18082)" >&2
      exit 1
    fi
  done
  echo "== running the anchor $ANCHOR/run.sh (~3.5 min)"
  env -u PGHOST -u PGDATABASE -u PGUSER -u PGPASSWORD ANCHOR_DIR="$W/anchor" bash "$ANCHOR/run.sh" >"$R/anchor-output.txt" 2>&1 \
    && AR=$W/anchor/results \
    || { ANCHOR_FAILED=1; echo "THE ANCHOR FAILED (no ratios in this report); its output:" >&2; tail -30 "$R/anchor-output.txt" >&2; }
fi
T_END=$(date +%s)

# ---------------------------------------------------------------- report
echo "$(cut -d' ' -f1-3 /proc/loadavg)" >"$R/loadavg-end"
mkdir -p "$HERE/results"
STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p "$HERE/results/raw-$STAMP" && cp -r "$R"/. "$HERE/results/raw-$STAMP/floe" && { [ -z "$AR" ] || cp -r "$AR"/. "$HERE/results/raw-$STAMP/anchor"; }
{
  echo
  echo "# Floe vs Django / nginx, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), kernel $(uname -r)"
  echo "load average (1/5/15 min): at start $(cat "$R/loadavg-start"), at end $(cat "$R/loadavg-end")"
  echo "Floe: jar $JAR built $(unzip -p "$JAR" META-INF/build-info.properties 2>/dev/null | sed -n 's/^build.time=//p' | tr -d '\\') (checkout HEAD $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')), $("$JAVA" -version 2>&1 | head -1), JVM flags: $JAVA_OPTS $SERVE_OPTS"
  echo "Floe settings: BASE_SETTINGS_MODULE=production, PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') (own instance, default config), site project bench/site"
  echo "wrk: wrk ${WRK_ARGS[*]} URL after wrk ${WARM_ARGS[*]}; median of 3 runs; wrk runs on the same cores"
  echo "durations: Floe part $((T_FLOE - T_START)) s, anchor part $((T_END - T_FLOE)) s"
  python3 "$HERE/summarize.py" "$R" ${AR:+"$AR"}
  if [ -n "$AR" ] && [ -f "$AR/report.txt" ]; then
    echo
    echo "## The anchor's own report ($AR/report.txt)"
    cat "$AR/report.txt"
  fi
} | tee "$HERE/results/report-$STAMP.txt"
echo
echo "report: bench/results/report-$STAMP.txt (raw wrk outputs: bench/results/raw-$STAMP/)"
[ -z "$ANCHOR_FAILED" ] || exit 1
