#!/usr/bin/env bash
# The release rehearsal, end to end on this machine, as docs/operations.md tells operators to do it:
#
#   release N    `floe migrate`, content written through the API, two instances behind nginx;
#   release N+1  (N's jar plus a feature with a schema change: scripts/rehearsal/next-release/) migrated while N
#                serves, rolled out one instance at a time, content written with it (pages, and page summaries in
#                its new column);
#   roll back    code first, one instance at a time back to N (which works on N+1's schema), then data:
#                `floe migrate summaries zero` with N+1's jar while N serves;
#
# all the while wrk sends GETs for pages, the sitemap and the API through nginx. Fails unless every request answered
# 2xx, every instance stopped with exit code 0, and every page (drafts, live versions, revisions) and every row that
# N can represent is the same after the rollback as before it. Prints the load's figures at the end.
#
#   scripts/rehearsal.sh
#
# FLOE_JAR=FILE                     release N's jar (default: target/floe.jar, built when missing or older than the sources)
# FLOE_REHEARSAL_LOGS=DIR           where the logs go when it fails (default: target/rehearsal-logs)
# FLOE_REHEARSAL_START_SECONDS=N    how long an instance may take to become ready (default 300)
# FLOE_REHEARSAL_DELAY_MS=N         each of wrk's 8 connections waits N ms between requests (default 20: a steady
#                                   rate of about 350 requests a second; 0 sends as fast as the machine allows)
# Needs root or an existing PostgreSQL (scripts/postgres.sh) and Redis (scripts/redis.sh), nginx, wrk, curl, jq, zip
# and unzip; installs the missing ones with apt-get and fails (never skips) when it cannot. Binds 127.0.0.1 only;
# cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
. .mvn/find-jdk.sh
java="$JAVA_HOME/bin/java"

say() { printf '[rehearsal %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
die() { printf 'rehearsal: %s\n' "$*" >&2; exit 1; }

# --- tools ---------------------------------------------------------------------------------------------------------
missing=()
for tool in nginx:nginx wrk:wrk curl:curl jq:jq zip:zip unzip:unzip python3:python3; do
  command -v "${tool%%:*}" >/dev/null || [ -x "/usr/sbin/${tool%%:*}" ] || missing+=("${tool#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}; install them (apt-get install -y ${missing[*]})"
  say "installing ${missing[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

# --- release N and N+1 ---------------------------------------------------------------------------------------------
jar="${FLOE_JAR:-}"
if [ -z "$jar" ]; then
  jar="$root/target/floe.jar"
  if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
    say "building release N (target/floe.jar)"
    ./mvnw -q -B -DskipTests package >&2 || die "the build failed"
  fi
fi
[ -f "$jar" ] || die "FLOE_JAR: no such file: $jar"

work="$(mktemp -d /tmp/floe-rehearsal.XXXXXX)"
logs="${FLOE_REHEARSAL_LOGS:-$root/target/rehearsal-logs}"
chmod 755 "$work" # the postgres user must reach its data folder inside
pids=()
wrk_pid=
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx/nginx.pid" ] && "$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" -s stop 2>/dev/null || true
  [ -d "$work/pg" ] && bash "$root/scripts/postgres.sh" stop "$work/pg" >/dev/null 2>&1 || true
  [ -d "$work/redis" ] && bash "$root/scripts/redis.sh" stop "$work/redis" >/dev/null 2>&1 || true
  if [ "$rc" != 0 ] && [ -d "$work" ]; then
    mkdir -p "$logs"
    for log in "$work"/*.log "$work"/nginx/error.log; do
      [ -f "$log" ] && { echo "----- last lines of $log" >&2; tail -n 25 "$log" >&2; cp "$log" "$logs/"; }
    done
    echo "rehearsal: the logs are in $logs" >&2
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
started=$(date +%s)

cp "$jar" "$work/floe-n.jar"
say "building release N+1: release N plus the summaries feature and its migration"
n1="$work/n1"
mkdir -p "$n1/n" "$n1/add/BOOT-INF/classes/db/changelog"
(cd "$n1/n" && unzip -q "$work/floe-n.jar" 'BOOT-INF/*')
"$JAVA_HOME/bin/javac" -parameters -nowarn -d "$n1/add/BOOT-INF/classes" -cp "$n1/n/BOOT-INF/classes:$n1/n/BOOT-INF/lib/*" \
  $(find scripts/rehearsal/next-release/src/main/java -name '*.java') || die "compiling release N+1 failed"
cp -r scripts/rehearsal/next-release/src/main/resources/. "$n1/add/BOOT-INF/classes/"
cp "$n1/n/BOOT-INF/classes/db/changelog/db.changelog-master.yaml" "$n1/add/BOOT-INF/classes/db/changelog/"
echo '  - include: { file: summaries/changelog.yaml, relativeToChangelogFile: true }' \
  >>"$n1/add/BOOT-INF/classes/db/changelog/db.changelog-master.yaml"
cp "$work/floe-n.jar" "$work/floe-n1.jar"
# Stored, not deflated: Spring Boot's launcher reads nested entries in place.
(cd "$n1/add" && zip -q -0 -r "$work/floe-n1.jar" BOOT-INF)
rm -rf "$n1"
# Each release runs from its extracted jar, as the image runs Floe. Once a release's database is migrated, a short
# serving run (`archive` below, scripts/class-archive.sh) writes a class-data archive that its later commands and
# instances map: a start then takes about half the CPU of one from the fat jar.
for release in n n1; do
  "$java" -Djarmode=tools -jar "$work/floe-$release.jar" extract --destination "$work/app-$release" >/dev/null \
    || die "extracting release $release failed"
done
# jvm RELEASE: java with the options the launcher uses, for that release. N+1 is N's jar with classes added, not a
# build: the Spring context processed when N was built (pom.xml, process-aot) lacks the summaries feature's beans, so
# N+1 starts the ordinary way. A real release is built, and processed, whole.
jvm() {
  local archive="$work/app-$1/floe.jsa" share="" spring=""
  [ ! -f "$archive" ] || share="-XX:SharedArchiveFile=$archive"
  [ "$1" = n ] || spring="-Dspring.aot.enabled=false"
  echo "$java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC $share -Xlog:cds*=off -Xlog:aot*=off $spring"
}

# --- services ------------------------------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pg_port=$(bash scripts/postgres.sh start "$work/pg") || die "PostgreSQL could not be installed or started"
eval "$(bash scripts/postgres.sh env "$work/pg")"
say "PostgreSQL on 127.0.0.1:$pg_port"

export BASE_SETTINGS_MODULE=production
export SECRET_KEY="rehearsal-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export SITE_DOMAIN=www.rehearsal.test
unset FLOE_MIGRATE_ON_START SPRING_DATASOURCE_URL FLOE_SITE_DIR REDIS_ADDRESS ELASTICSEARCH_ADDRESS
# Two instances share Redis, as docs/operations.md requires of several instances: without it each one's page cache
# would keep serving a page edited through the other.
mkdir -p "$work/redis"
bash scripts/redis.sh start "$work/redis" >/dev/null || die "Redis could not be installed or started"
eval "$(bash scripts/redis.sh env "$work/redis")"

# `floe COMMAND` with release N or N+1 (the launcher's JVM options), as an operator runs it next to the site.
floe_n() { FLOE_VAR_DIR="$work/var-cli" $(jvm n) -jar "$work/app-n/floe-n.jar" "$@"; }
floe_n1() { FLOE_VAR_DIR="$work/var-cli" $(jvm n1) -jar "$work/app-n1/floe-n1.jar" "$@"; }
# archive RELEASE: the release's class-data archive, from a short run of `floe serve` on its migrated database, with
# the instances' heap.
archive() {
  FLOE_VAR_DIR="$work/var-archive-$1" bash scripts/class-archive.sh "$work/app-$1/floe.jsa" "$work/archive-$1.log" \
    $(jvm "$1") -Xmx512m -jar "$work/app-$1/floe-$1.jar" || die "no class-data archive for release $(label "$1")"
}

port_a=$(free_port); port_b=$(free_port); port_proxy=$(free_port)
declare -A pid_of release_of
label() { [ "$1" = n1 ] && echo N+1 || echo N; }
# start_instance NAME RELEASE(n|n1) PORT: `floe serve` of that release, each instance with its own var folder.
start_instance() {
  local name=$1 release=$2 port=$3 t0
  t0=$(date +%s%N)
  FLOE_VAR_DIR="$work/var-$name" PORT=$port FLOE_COMMIT="release-$release" \
    $(jvm "$release") -Xmx512m -jar "$work/app-$release/floe-$release.jar" serve \
    >>"$work/instance-$name.log" 2>&1 &
  pid_of[$name]=$!
  release_of[$name]=$release
  pids+=($!)
  local deadline=$(( $(date +%s) + ${FLOE_REHEARSAL_START_SECONDS:-300} ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    kill -0 "${pid_of[$name]}" 2>/dev/null || die "instance $name (release $release) exited while starting"
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/-/health/ready")" = 200 ]; then
      local commit
      commit=$(curl -s -H "Host: $SITE_DOMAIN" "http://127.0.0.1:$port/-/version" | jq -r .commit)
      [ "$commit" = "release-$release" ] || die "instance $name answers as $commit, not release-$release"
      # The instances share Redis, so N starts from the context Spring processed at build time with it (pom.xml).
      local started
      started=$(grep -E "Starting (AOT-processed )?Floe" "$work/instance-$name.log" | tail -n 1)
      [ "$release" = n1 ] || [[ $started == *"AOT-processed FloeWithRedis"* ]] \
        || die "instance $name did not start from the context processed at build time (see instance-$name.log)"
      say "instance $name (release $(label "$release")) ready on port $port in $(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }') s"
      return 0
    fi
    sleep 0.3
  done
  die "instance $name did not become ready in ${FLOE_REHEARSAL_START_SECONDS:-300} s"
}
# stop_instance NAME: SIGTERM, as an orchestrator sends; it must drain and exit 0.
stop_instance() {
  local name=$1 rc=0 t0
  t0=$(date +%s%N)
  kill -TERM "${pid_of[$name]}"
  wait "${pid_of[$name]}" || rc=$?
  [ "$rc" = 0 ] || die "instance $name exited with $rc on SIGTERM, not 0"
  say "instance $name stopped (exit 0) in $(awk -v ns=$(( $(date +%s%N) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }') s"
}
# roll NAME RELEASE PORT: replaces one instance by one of RELEASE, the other one serving meanwhile.
roll() { stop_instance "$1"; start_instance "$1" "$2" "$3"; }

mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
chmod 1777 "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 512; }
http {
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    log_format upstreams '\$time_iso8601 \$status \$upstream_status \$request_uri';
    access_log $work/nginx/access.log upstreams buffer=64k;
    upstream floe {
        server 127.0.0.1:$port_a max_fails=0;
        server 127.0.0.1:$port_b max_fails=0;
        keepalive 16;
    }
    server {
        listen 127.0.0.1:$port_proxy;
        server_name $SITE_DOMAIN;
        location / {
            include $root/deploy/nginx/floe-proxy.conf;
        }
    }
}
EOF
"$nginx_bin" -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx" || die "nginx rejects its configuration"
site="http://127.0.0.1:$port_proxy"

# api METHOD PATH [JSON]: through nginx with the token; fails on anything but 2xx.
api() {
  local out status
  out="$work/api.out"
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$1" -H "Host: $SITE_DOMAIN" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' ${3:+--data "$3"} "$site$2")
  [ "${status:0:1}" = 2 ] || die "$1 $2 answered $status: $(cat "$out")"
  cat "$out"
}
# new_page PARENT SLUG TITLE: a published page with one text block; prints its id.
new_page() {
  local id
  id=$(api POST /api/v2/pages/ "$(jq -nc --argjson parent "$1" --arg slug "$2" --arg title "$3" \
    '{parent: $parent, type: "layout_page", title: $title, slug: $slug,
      slots: {main: [{type: "text", value: {html: ("<p>" + $title + ", written for the rehearsal.</p>")}}]}}')" | jq -r .id)
  api POST "/api/v2/pages/$id/publish/" >/dev/null
  echo "$id"
}
# snapshot FILE: every page with its draft, live version and revisions, through the API; and each table's row count.
snapshot() {
  local total offset=0
  : >"$1"
  total=$(api GET '/api/v2/pages/?draft=true&limit=1' | jq .meta.total)
  while [ "$offset" -lt "$total" ]; do
    api GET "/api/v2/pages/?draft=true&limit=100&offset=$offset" | jq -S -c '.items[]' | sed 's/^/page /' >>"$1"
    offset=$((offset + 100))
  done
  for id in $(sed -n 's/^page //p' "$1" | jq -r .id); do
    api GET "/api/v2/pages/$id/revisions/" | jq -S -c '.items' | sed "s/^/revisions of $id /" >>"$1"
    curl -s -H "Host: $SITE_DOMAIN" "$site$(api GET "/api/v2/pages/$id/?draft=true" | jq -r .path)" | sha256sum \
      | sed "s/ .*/ rendered page $id/" >>"$1"
  done
  psql -XqAt -c "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
                 AND table_name NOT LIKE 'databasechangelog%' ORDER BY 1" | while read -r table; do
    echo "rows $table $(psql -XqAt -c "SELECT COUNT(*) FROM \"$table\"")"
  done >>"$1"
}

# --- release N -----------------------------------------------------------------------------------------------------
say "release N: floe migrate"
floe_n migrate >"$work/migrate-n.log" || die "floe migrate (release N) failed: $(tail -n 1 "$work/migrate-n.log")"
archive n
printf 'rehearsal-password-%s\n' "$$" | floe_n createsuperuser --email editor@rehearsal.test --password-stdin >/dev/null \
  || die "floe createsuperuser failed"
token=$(floe_n createtoken --email editor@rehearsal.test | tail -n 1)
start_instance a n "$port_a"
start_instance b n "$port_b"
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" || die "nginx did not start"
say "nginx on 127.0.0.1:$port_proxy in front of ports $port_a and $port_b"

say "release N: writing content"
home=$(api GET '/api/v2/pages/?path=/' | jq -r '.items[0].id')
section_n=$(new_page "$home" news "News")
for i in $(seq 1 12); do new_page "$section_n" "story-$i" "Story $i" >/dev/null; done
api PATCH "/api/v2/pages/$section_n/" "$(jq -nc --argjson v "$(api GET "/api/v2/pages/$section_n/?draft=true" | jq .version)" \
  '{version: $v, title: "News (a draft not yet published)"}')" >/dev/null

# The load: the pages, the sitemap and the API, read through nginx by wrk at a steady rate for as long as the
# rehearsal lasts.
{
  echo /
  echo /sitemap.xml
  echo '/api/v2/pages/?limit=20'
  api GET "/api/v2/pages/?limit=50" | jq -r '.items[] | .path, "/api/v2/pages/\(.id)/"'
} >"$work/paths.txt"
WRK_PATHS="$work/paths.txt" WRK_HOST="$SITE_DOMAIN" WRK_DELAY_MS="${FLOE_REHEARSAL_DELAY_MS:-20}" wrk -t1 -c8 -d30m --timeout 10s \
  -s "$root/scripts/rehearsal/load.lua" "$site/" >"$work/wrk.out" 2>"$work/wrk.err" &
wrk_pid=$!
sleep 5

# --- release N+1 ---------------------------------------------------------------------------------------------------
say "release N+1: floe migrate --plan, then floe migrate while release N serves"
floe_n1 migrate --plan | grep -qi 'ALTER TABLE .*page.* ADD .*summary' || die "release N+1's plan does not add page.summary"
floe_n1 migrate >"$work/migrate-n1.log" || die "floe migrate (release N+1) failed: $(tail -n 1 "$work/migrate-n1.log")"
grep -q 'Applied summaries-0001-page-summary.' "$work/migrate-n1.log" || die "release N+1 did not apply its migration"
archive n1
# Editors keep working on release N between the migration and the rollout: N's writes on N+1's schema.
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $SITE_DOMAIN" "$site/api/v2/pages/$home/summary/")" = 404 ] \
  || die "release N+1 is serving before its rollout"
new_page "$section_n" "written-by-n-on-the-new-schema" "Written by release N on N+1's schema" >/dev/null
say "release N+1: rolling restart"
roll a n1 "$port_a"
roll b n1 "$port_b"

say "release N+1: writing content (pages, an edit, summaries)"
section_n1=$(new_page "$home" events "Events")
for i in $(seq 1 8); do
  id=$(new_page "$section_n1" "event-$i" "Event $i")
  api PUT "/api/v2/pages/$id/summary/" "$(jq -nc --arg s "Event $i in one line" '{summary: $s}')" >/dev/null
done
story=$(api GET '/api/v2/pages/?path=/news/story-1/' | jq -r '.items[0].id')
api PATCH "/api/v2/pages/$story/" "$(jq -nc --argjson v "$(api GET "/api/v2/pages/$story/?draft=true" | jq .version)" \
  '{version: $v, title: "Story 1, edited with release N+1"}')" >/dev/null
api POST "/api/v2/pages/$story/publish/" >/dev/null
api PUT "/api/v2/pages/$story/summary/" '{"summary": "The first story"}' >/dev/null
[ "$(api GET "/api/v2/pages/$story/summary/" | jq -r .summary)" = "The first story" ] || die "release N+1 lost a summary"
snapshot "$work/before.txt"

# --- roll back: code, then data ------------------------------------------------------------------------------------
say "roll back code: rolling restart to release N (on N+1's schema)"
roll a n "$port_a"
roll b n "$port_b"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $SITE_DOMAIN" "$site/api/v2/pages/$story/summary/")" = 404 ] \
  || die "release N answers for summaries: the rollback did not take"
say "roll back data: floe migrate summaries zero with release N+1, while release N serves"
floe_n1 migrate summaries zero --plan | grep -qi 'DROP COLUMN summary' || die "the reversal's plan does not drop page.summary"
floe_n1 migrate summaries zero >"$work/reverse.log" || die "floe migrate summaries zero failed: $(tail -n 1 "$work/reverse.log")"
grep -q 'Reversed summaries-0001-page-summary.' "$work/reverse.log" || die "the reversal did not say it reversed the change"
[ -z "$(psql -XqAt -c "SELECT column_name FROM information_schema.columns WHERE table_name = 'page' AND column_name = 'summary'")" ] \
  || die "page.summary is still there after the reversal"
floe_n showmigrations | grep -q '\[ \]' && die "release N sees pending migrations after the rollback"
floe_n check --deploy >"$work/check.log" 2>&1 || true
grep -Eq 'migrations.*all [0-9]+ applied' "$work/check.log" || die "floe check --deploy (release N) does not find every migration applied: $(cat "$work/check.log")"
sleep 3
snapshot "$work/after.txt"
if ! diff -u "$work/before.txt" "$work/after.txt" >"$work/diff.txt"; then
  head -n 40 "$work/diff.txt" >&2
  die "content differs before and after the rollback"
fi
say "content after the rollback is what it was before ($(grep -c '^page ' "$work/before.txt") pages with their drafts, live versions, revisions and rendered HTML; row counts of $(grep -c '^rows ' "$work/before.txt") tables)"

# --- the load's verdict ----------------------------------------------------------------------------------------------
kill -INT "$wrk_pid"
wait "$wrk_pid" || true
wrk_pid=
stop_instance a
stop_instance b
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx" -s quit
sleep 1
result=$(grep '^requests=' "$work/wrk.out" || true)
[ -n "$result" ] || die "wrk printed no result: $(cat "$work/wrk.out" "$work/wrk.err")"
retried=$(grep -c ',' "$work/nginx/access.log" || true)
say "load through nginx during two rolling restarts and both migrations: $result retried_by_nginx=$retried"
say "rehearsal took $(( $(date +%s) - started )) s"
eval "$(echo "$result" | tr ' ' '\n' | grep -E '^(requests|failed)=')"
[ "$requests" -gt 0 ] || die "wrk sent no request"
if [ "$failed" != 0 ]; then
  echo "rehearsal: what nginx answered instead of 2xx (count, status, upstreams' statuses), and when:" >&2
  awk '$2 !~ /^2/ { print $2, $3 }' "$work/nginx/access.log" | sort | uniq -c | sort -rn | head -n 10 >&2
  awk '$2 !~ /^2/ { print substr($1, 12, 8) }' "$work/nginx/access.log" | uniq -c | head -n 30 >&2
  awk '$2 !~ /^2/ && $2 != 502' "$work/nginx/access.log" | head -n 10 >&2
  head -n 5 "$work/wrk.err" >&2
  die "$failed of $requests requests failed during the rehearsal (see above)"
fi
say "PASSED: no failed request, no lost content"
