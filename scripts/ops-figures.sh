#!/usr/bin/env bash
# Figures for docs/benchmarks.md: `floe backup` and `floe restore` of a site with 10,000 published pages (and their
# revisions and some media), and reversing and re-applying one migration on it. On the embedded H2 database by
# default; on PostgreSQL when PG* is set (the restore then goes into a scratch schema of the same database).
#
#   scripts/ops-figures.sh [PAGES]
#
# Builds into target-figures/ (FLOE_FIGURES_BUILD_DIR=DIR to change), offline. Each figure is the command's wall time,
# JVM start included, and for backup and restore also the time the command itself reports.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh

pages="${1:-10000}"
build="${FLOE_FIGURES_BUILD_DIR:-target-figures}"
./mvnw -q -B -o -Dfloe.build.dir="$build" -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$build/classpath.txt" >&2
cp="$build/classes:$(cat "$build/classpath.txt")"
java="$JAVA_HOME/bin/java"

work="$(mktemp -d)"
postgres=no
[ -n "${PGHOST:-}${PGPORT:-}${PGDATABASE:-}${PGUSER:-}" ] && postgres=yes
source_schema="figures_src_$$"
target_schema="figures_dst_$$"
cleanup() {
  if [ "$postgres" = yes ]; then
    unset SPRING_DATASOURCE_URL
    "$java" -cp "$cp" scripts/SeedPages.java drop-schema "$source_schema" >/dev/null 2>&1 || true
    "$java" -cp "$cp" scripts/SeedPages.java drop-schema "$target_schema" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

floe() { "$java" -XX:+UseSerialGC -cp "$cp" dev.floe.ops.Floe "$@"; }
# Runs a command, keeping its output in $work/last.out; prints the wall time in seconds.
timed() {
  local start end
  start=$(date +%s%N)
  "$@" >"$work/last.out" 2>&1 || { cat "$work/last.out" >&2; echo "ops-figures: '$*' failed" >&2; exit 1; }
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }'
}
reported() { grep -oE ' in [0-9.]+ s' "$work/last.out" | tail -n 1 | grep -oE '[0-9.]+'; }
use_schema() {
  local url="jdbc:postgresql://${PGHOST:-localhost}:${PGPORT:-5432}/${PGDATABASE:-floe}?currentSchema=$1"
  export SPRING_DATASOURCE_URL="$url"
}

export BASE_SETTINGS_MODULE=test
export FLOE_VAR_DIR="$work/source"
if [ "$postgres" = yes ]; then
  "$java" -cp "$cp" scripts/SeedPages.java create-schema "$source_schema"
  "$java" -cp "$cp" scripts/SeedPages.java create-schema "$target_schema"
  use_schema "$source_schema"
  database="PostgreSQL ${PGHOST:-localhost}:${PGPORT:-5432}"
else
  database="embedded H2"
fi
floe migrate >/dev/null
"$java" -cp "$cp" scripts/SeedPages.java seed "$pages" >&2
mkdir -p "$FLOE_VAR_DIR/media/images"
for i in $(seq 1 20); do head -c 100000 /dev/urandom >"$FLOE_VAR_DIR/media/images/photo-$i.jpg"; done

backup_wall=$(timed floe backup "$work/site.zip"); backup_own=$(reported)
archive_bytes=$(stat -c %s "$work/site.zip")
scrub_wall=$(timed floe backup --scrub "$work/staging.zip")
reverse_wall=$(timed floe migrate redirects zero)
reapply_wall=$(timed floe migrate redirects)

export FLOE_VAR_DIR="$work/target"
[ "$postgres" = yes ] && use_schema "$target_schema"
restore_wall=$(timed floe restore "$work/site.zip"); restore_own=$(reported)
force_wall=$(timed floe restore --force "$work/site.zip"); force_own=$(reported)

cat <<REPORT
Floe operations on $pages pages ($database, $(nproc) cores, $(date -u +%Y-%m-%d))
  archive                          $(awk -v b="$archive_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') (zip; $pages pages, $pages revisions, 20 media files of 100 kB)
  floe backup                      ${backup_wall} s wall, ${backup_own} s of work
  floe backup --scrub              ${scrub_wall} s wall
  floe restore (empty database)    ${restore_wall} s wall, ${restore_own} s of work (includes migrating the empty database)
  floe restore --force (replace)   ${force_wall} s wall, ${force_own} s of work
  floe migrate redirects zero      ${reverse_wall} s wall$([ "$postgres" = no ] && echo " (includes the H2 snapshot of the whole database)")
  floe migrate redirects           ${reapply_wall} s wall
REPORT
