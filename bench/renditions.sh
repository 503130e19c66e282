#!/bin/bash
# Rendition generation time: ms per rendition for several sizes from a 4000x3000 JPEG, made the way Floe makes them
# (region decoded subsampled through TwelveMonkeys/ImageIO, halving bilinear scaling, JPEG quality 85 or PNG).
#
#   bench/renditions.sh [RUNS]      (RUNS timed runs per size after 2 warm-ups, default 7; prints one table)
#
# Environment: MVN_FLAGS (default "-q -B"), FLOE_BUILD_DIR (default target).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD_DIR=${FLOE_BUILD_DIR:-target}
read -r -a MVN <<< "${MVN_FLAGS:--q -B}"
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh" >/dev/null
./mvnw "${MVN[@]}" -Dfloe.build.dir="$ROOT/$BUILD_DIR" test-compile
./mvnw "${MVN[@]}" -Dfloe.build.dir="$ROOT/$BUILD_DIR" dependency:build-classpath -Dmdep.outputFile="$ROOT/$BUILD_DIR/bench-classpath.txt" >/dev/null
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" -Djava.awt.headless=true -cp "$ROOT/$BUILD_DIR/classes:$ROOT/$BUILD_DIR/test-classes:$(cat "$ROOT/$BUILD_DIR/bench-classpath.txt")" \
  dev.floe.media.RenditionBench "${1:-7}"
