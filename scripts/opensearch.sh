#!/usr/bin/env bash
# A throw-away single-node OpenSearch 2.19 for tests, CI and benchmarks, listening on 127.0.0.1 only, run from
# Maven Central jars (scripts/opensearch/pom.xml) with a 512 MB heap.
#
#   scripts/opensearch.sh start DIR [PORT]   start a node keeping its data in DIR on PORT (a free port when empty or
#                                            0); waits until it answers and prints its address on stdout.
#   scripts/opensearch.sh stop DIR           stop the node started in DIR, if it runs (never fails).
#   scripts/opensearch.sh env DIR            print `export ELASTICSEARCH_ADDRESS=...` for the node started in DIR.
#
# The node also stops by itself when the process given in FLOE_OPENSEARCH_OWNER (a pid) ends. Its jars and compiled
# program are kept in ${XDG_CACHE_HOME:-~/.cache}/floe/opensearch-node-* for every later node.
set -euo pipefail

say() { echo "opensearch.sh: $*" >&2; }
die() { say "$*"; exit 1; }

here="$(cd "$(dirname "$0")/.." && pwd)"

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The lowest port the kernel hands out for outgoing connections (at least 21000, so the range below is not empty).
ephemeral_low() {
  local low
  low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "${low:-0}" -gt 21000 ] 2>/dev/null && echo "$low" || echo 32768
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    # Below the kernel's ephemeral range (ip_local_port_range, 32768 by default): a port held by an outgoing
    # connection does not answer the check below, yet cannot be bound (S3Proxy failed so in CI).
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % ( $(ephemeral_low) - 20000 ) ))
    if ! port_in_use "$port"; then
      echo "$port"
      return
    fi
  done
  die "no free port found"
}

# The node's jars and compiled OpenSearchNode, made once per version of scripts/opensearch/ and shared by every node
# (a test run starts several; fetching the jars and compiling took seconds each time). Prints the folder.
node_program() {
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/floe" version program building
  version="$(cat "$here/scripts/opensearch/pom.xml" "$here/scripts/opensearch/OpenSearchNode.java" "$JAVA_HOME/release" | cksum | cut -d' ' -f1)"
  program="$cache/opensearch-node-$version"
  if [ ! -f "$program/.complete" ]; then
    mkdir -p "$cache"
    building="$(mktemp -d "$cache/opensearch-node-building.XXXXXX")"
    "$here/mvnw" -q -B -f "$here/scripts/opensearch/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$building/lib" >&2 || { rm -rf "$building"; die "could not fetch the OpenSearch jars"; }
    "$JAVA_HOME/bin/javac" -nowarn -d "$building/classes" -cp "$building/lib/*" "$here/scripts/opensearch/OpenSearchNode.java" >&2 \
      || { rm -rf "$building"; die "could not compile scripts/opensearch/OpenSearchNode.java"; }
    touch "$building/.complete"
    # Another start may have made it meanwhile: the first one in place stays.
    mv -T "$building" "$program" 2>/dev/null || rm -rf "$building"
  fi
  echo "$program"
}

start() {
  local dir="$1" port="${2:-0}"
  [ -n "$dir" ] || die "usage: opensearch.sh start DIR [PORT]"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
    die "a node already runs from $dir (pid $(cat "$dir/pid")); stop it first"
  fi
  . "$here/.mvn/find-jdk.sh"
  local program
  program="$(node_program)"
  [ "$port" != 0 ] || port="$(free_port)"
  port_in_use "$port" && die "port $port is in use"
  nohup "$JAVA_HOME/bin/java" -Xms512m -Xmx512m -XX:+UseSerialGC -Dlog4j2.disable.jmx=true \
    -cp "$program/classes:$program/lib/*" OpenSearchNode "$dir/node" "$port" "${FLOE_OPENSEARCH_OWNER:-0}" \
    >"$dir/node.log" 2>&1 &
  echo $! >"$dir/pid"
  echo "http://127.0.0.1:$port" >"$dir/address"
  for _ in $(seq 1 240); do
    if curl -fsS -m 2 "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      echo "http://127.0.0.1:$port"
      return
    fi
    kill -0 "$(cat "$dir/pid")" 2>/dev/null || die "the node stopped while starting; see $dir/node.log"
    sleep 0.5
  done
  stop "$dir"
  die "the node did not answer within 120 s; see $dir/node.log"
}

stop() {
  local dir="$1" pid
  [ -f "$dir/pid" ] || return 0
  pid="$(cat "$dir/pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.25
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/pid"
}

env_lines() {
  local dir="$1"
  [ -f "$dir/address" ] || die "no node was started in $dir"
  echo "export ELASTICSEARCH_ADDRESS=$(cat "$dir/address")"
}

case "${1:-}" in
  start) start "${2:-}" "${3:-0}" ;;
  stop) stop "${2:?usage: opensearch.sh stop DIR}" ;;
  env) env_lines "${2:?usage: opensearch.sh env DIR}" ;;
  *) die "usage: opensearch.sh start DIR [PORT] | stop DIR | env DIR" ;;
esac
