#!/bin/bash
# Which class-data archive serves `floe serve` better: one written by `floe check` (a command's lazy context without a
# web server) or one written by a short serving run (scripts/class-archive.sh, as the cluster and the rehearsal do).
#
#   bench/archive-ab.sh [--build-dir DIR] [--rounds N]
#
# On the embedded defaults (H2 in a throw-away folder, 127.0.0.1 only), from DIR/floe.jar (default target/) extracted
# as the image runs it: writes both archives, then starts `floe serve` from each in turn N times (default 2) and
# prints, per start, the wall and CPU time to /-/health/ready and how many of the classes it loaded came from the
# archive; then the same with the C1 compiler alone, as the tests' JVMs run.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD_DIR=$ROOT/target ROUNDS=2
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) BUILD_DIR=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    *) echo "usage: bench/archive-ab.sh [--build-dir DIR] [--rounds N]" >&2; exit 2 ;;
  esac
done
case $BUILD_DIR in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac
[ -f "$BUILD_DIR/floe.jar" ] || { echo "bench/archive-ab.sh: no $BUILD_DIR/floe.jar; build it with ./mvnw -DskipTests package" >&2; exit 2; }
. "$ROOT/.mvn/find-jdk.sh"
JAVA=$JAVA_HOME/bin/java
W=$(mktemp -d /tmp/floe-archive-ab.XXXXXX)
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill -TERM "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; fi
  rm -rf "$W"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
"$JAVA" -Djarmode=tools -jar "$BUILD_DIR/floe.jar" extract --destination "$W/app" >/dev/null
JAR=$W/app/floe.jar
export FLOE_VAR_DIR=$W/var
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$JAVA" -XX:+UseSerialGC -jar "$JAR" migrate >"$W/migrate.log" 2>&1
"$JAVA" -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$W/check.jsa" -Xlog:cds*=off -Xlog:aot*=off -jar "$JAR" check >"$W/check.log" 2>&1 || true
bash "$ROOT/scripts/class-archive.sh" "$W/serve.jsa" "$W/serve-archive.log" "$JAVA" -XX:+UseSerialGC -jar "$JAR"
for archive in check serve; do
  echo "$archive archive: $(( $(stat -c %s "$W/$archive.jsa") / 1048576 )) MiB"
done

serve() {   # serve LABEL OPTIONS...: one start to ready, then SIGTERM
  local label=$1 t0; shift
  t0=$(date +%s%N)
  PORT=$PORT "$JAVA" -XX:+UseSerialGC "$@" -Xlog:class+load:file="$W/classes.txt" -jar "$JAR" serve >"$W/serve.log" 2>&1 &
  PID=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/-/health/ready")" = 200 ]; do
    kill -0 "$PID" 2>/dev/null || { echo "floe serve stopped; its log:" >&2; tail -20 "$W/serve.log" >&2; exit 1; }
    sleep 0.05
  done
  local wall=$(( ($(date +%s%N) - t0) / 1000000 ))
  local cpu=$(( $(awk '{print $14 + $15}' "/proc/$PID/stat") * 1000 / $(getconf CLK_TCK) ))
  kill -TERM "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  printf '%-22s ready %5d ms, CPU %5d ms, %s of %s classes from the archive\n' "$label" "$wall" "$cpu" \
    "$(grep -c 'shared objects file' "$W/classes.txt")" "$(grep -c 'source:' "$W/classes.txt")"
}
for round in $(seq 1 "$ROUNDS"); do
  for archive in check serve; do
    serve "$archive, round $round" -XX:SharedArchiveFile="$W/$archive.jsa" -Xlog:cds*=off
  done
done
for round in $(seq 1 "$ROUNDS"); do
  for archive in check serve; do
    serve "$archive C1, round $round" -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile="$W/$archive.jsa" -Xlog:cds*=off
  done
done
