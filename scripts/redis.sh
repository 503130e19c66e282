#!/usr/bin/env bash
# A throw-away Redis for tests, CI and scripts/cluster.sh, listening on 127.0.0.1 only, keeping nothing on disk.
#
#   scripts/redis.sh start DIR [PORT]   start redis-server with its pid file and log in DIR on PORT (a free port is
#                                       picked when PORT is empty or 0); prints the port on stdout.
#   scripts/redis.sh stop DIR           stop the server started in DIR, if it runs (never fails).
#   scripts/redis.sh env DIR            print `export REDIS_ADDRESS=127.0.0.1:PORT` for the server started in DIR.
#
# Installs Debian's `redis-server` package with apt-get when it is missing (root only). Exits non-zero with a message
# on stderr when Redis cannot be installed or started.
set -euo pipefail

say() { echo "redis.sh: $*" >&2; }
die() { say "$*"; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The lowest port the kernel hands out for outgoing connections (at least 21000, so the range below is not empty).
ephemeral_low() {
  local low
  low=$(awk '{print $1}' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "${low:-0}" -gt 21000 ] 2>/dev/null && echo "$low" || echo 32768
}

pick_port() {
  local port tries=0
  while [ $tries -lt 200 ]; do
    # Below the kernel's ephemeral range (ip_local_port_range, 32768 by default): a port held by an outgoing
    # connection does not answer the check below, yet cannot be bound (S3Proxy failed so in CI).
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % ( $(ephemeral_low) - 20000 ) ))
    if ! port_in_use "$port"; then echo "$port"; return 0; fi
    tries=$((tries + 1))
  done
  die "no free port found on 127.0.0.1"
}

install_redis() {
  [ "$(id -u)" = 0 ] || die "redis-server is not installed and installing it needs root: apt-get install -y redis-server"
  command -v apt-get >/dev/null || die "redis-server is not installed and apt-get is missing: install Redis by hand"
  say "redis-server is not installed: installing Debian's redis-server package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 || die "apt-get update failed"
  apt-get install -y -q --no-install-recommends redis-server </dev/null >&2 || die "apt-get install redis-server failed"
  # The package may start its own server on 6379; ours runs apart, so stop that one if the install started it.
  if command -v systemctl >/dev/null && systemctl is-active --quiet redis-server 2>/dev/null; then
    systemctl stop redis-server >&2 || true
  elif [ -x /etc/init.d/redis-server ]; then
    /etc/init.d/redis-server stop >&2 || true
  fi
}

start() {
  local dir="${1:-}" port="${2:-0}"
  [ -n "$dir" ] || die "usage: redis.sh start DIR [PORT]"
  command -v redis-server >/dev/null || install_redis
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null; then
    die "a Redis started in $dir still runs (pid $(cat "$dir/redis.pid")): stop it first"
  fi
  if [ -z "$port" ] || [ "$port" = 0 ]; then
    port=$(pick_port)
  elif ! [[ $port =~ ^[0-9]+$ ]] || [ "$port" -gt 65535 ]; then
    die "PORT must be a number from 1 to 65535, not '$port'"
  elif port_in_use "$port"; then
    die "port $port on 127.0.0.1 is already in use"
  fi
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >&2 || die "redis-server did not start; see $dir/redis.log"
  echo "$port" >"$dir/port"
  local i
  for i in $(seq 1 400); do # 20 s: a loaded machine can be that slow
    if port_in_use "$port"; then echo "$port"; return 0; fi
    sleep 0.05
  done
  die "redis-server did not answer on port $port; see $dir/redis.log"
}

stop() {
  local dir="${1:-}"
  [ -n "$dir" ] || die "usage: redis.sh stop DIR"
  [ -f "$dir/redis.pid" ] || return 0
  local pid
  pid=$(cat "$dir/redis.pid")
  if kill -0 "$pid" 2>/dev/null && grep -q redis "/proc/$pid/comm" 2>/dev/null; then
    kill -TERM "$pid"
    local i
    for i in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
  fi
  rm -f "$dir/redis.pid"
}

env_of() {
  local dir="${1:-}"
  [ -n "$dir" ] && [ -f "$dir/port" ] || die "no Redis was started in '${dir}'"
  echo "export REDIS_ADDRESS=127.0.0.1:$(cat "$dir/port")"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  env) shift; env_of "$@" ;;
  *) die "usage: redis.sh start DIR [PORT] | stop DIR | env DIR" ;;
esac
