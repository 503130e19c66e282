#!/bin/bash
# Every throughput figure of issue 7 (scaling out) in one go, beside the Django / nginx anchor run right after:
#
#   bench/scale.sh [bench/run.sh's options: --build-dir DIR, --anchor DIR, --skip-anchor, --keep, ...]
#
# bench/run.sh does the work (one PostgreSQL, one Floe with production settings, the anchor's 20-block article,
# wrk -t2 -c32 -d10s --latency, 3 runs, median, then ../shared/anchors/django-perf/run.sh); with BENCH_SCALE set it
# measures, besides the uncached render, the API and the start-up to ready from the AOT cache:
#   - the cached page, plain and gzip, from the in-process page cache and from the page cache in Redis (a Redis of
#     its own, scripts/redis.sh), with each instance's RSS after the load;
#   - nginx serving the same HTML as a static file, plain and precompressed (gzip_static): the limit for a cached page;
# and prints issue 7's targets as ratios within the run: cached pages at 50% or more of nginx's static rate, the
# uncached render at 5x Django or more with p99 under 50 ms, RSS under 300 MB, ready in under 3 s.
# A smoke run of the script itself: BENCH_DURATION=2s BENCH_LONG_WARMUP=0 bench/scale.sh --skip-anchor
# (figures from it mean nothing). Needs what bench/run.sh needs, plus redis-server and nginx.
set -euo pipefail
BENCH_SCALE=1 exec bash "$(cd "$(dirname "$0")" && pwd)/run.sh" "$@"
