#!/usr/bin/env bash
# Records a release's database queries for the expand/contract test (docs/operations.md, "Migrations"): runs the test
# suite on the embedded database with every query the application sends written down (dev.floe.ops.QueryRecorder), and keeps the distinct ones, sorted, in
# src/test/resources/releases/VERSION/queries.sql. Run it when cutting release VERSION and commit the file; remove the
# folder of the release before it, whose code no longer runs anywhere. PreviousReleaseQueriesTest then runs every
# recorded query against each later release's fully migrated schema.
#
#   scripts/record-queries.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: scripts/record-queries.sh VERSION (such as 0.1.0)}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "record-queries: VERSION must look like 0.1.0, not '$version'" >&2; exit 1; }
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGSERVICE
out="$(pwd)/src/test/resources/releases/$version/queries.sql"
raw="$(mktemp)"
trap 'rm -f "$raw"' EXIT
build="${FLOE_RECORD_BUILD_DIR:-target-record/target}"
# A failing test only means fewer queries recorded; the suite's own run (CI) is where failures count.
./mvnw -B -ntp test -Dfloe.build.dir="$build" -Dfloe.record-queries="$raw" -Dmaven.test.failure.ignore=true \
  -Dtest='!PreviousReleaseQueriesTest' -Dsurefire.failIfNoSpecifiedTests=false </dev/null >&2 \
  || { echo "record-queries: the build failed; nothing recorded" >&2; exit 1; }
[ -s "$raw" ] || { echo "record-queries: no query was recorded" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
{
  echo "-- Release $version's queries as it sent them during its test suite on H2 (scripts/record-queries.sh), one a line."
  LC_ALL=C sort -u "$raw"
} >"$out"
echo "record-queries: $(($(wc -l <"$out") - 1)) distinct statements in $out"
