#!/usr/bin/env bash
# A throw-away PostgreSQL for tests and CI, listening on 127.0.0.1 only.
#
#   scripts/postgres.sh start DIR [PORT]   initdb into DIR (which must be empty or missing) and start the server on
#                                          PORT (a free port is picked when PORT is empty or 0); creates the role and
#                                          database `floe` (password `floe`) and prints the port on stdout.
#   scripts/postgres.sh stop DIR           stop the server started in DIR, if it runs (never fails).
#   scripts/postgres.sh env DIR            print `export PG...=...` lines for the server started in DIR.
#
# Installs Debian's `postgresql` package with apt-get when no server binaries are found (root only). PostgreSQL
# refuses to run as root, so as root the server runs as the `postgres` user. Exits non-zero with a message on
# stderr when PostgreSQL cannot be installed or started.
set -euo pipefail

say() { echo "postgres.sh: $*" >&2; }
die() { say "$*"; exit 1; }

DB_NAME=floe
DB_USER=floe
DB_PASSWORD=floe

# Prints the bin folder of the newest PostgreSQL server installed (Debian layout), or nothing.
find_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
    fi
  done | sort -t/ -k4,4n | tail -n 1
}

install_postgres() {
  [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed and installing it needs root: apt-get install -y postgresql"
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is missing: install PostgreSQL by hand"
  say "PostgreSQL is not installed: installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 || die "apt-get update failed"
  apt-get install -y -q --no-install-recommends postgresql </dev/null >&2 || die "apt-get install postgresql failed"
  # The package may start its default cluster (port 5432); we run our own, so stop what the install just started.
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | while read -r version name _ status _; do
      if [ "$status" = online ]; then
        pg_ctlcluster "$version" "$name" stop >&2 || true
      fi
    done
  fi
}

# Runs a server binary as the postgres user when we are root (PostgreSQL refuses root), as ourselves otherwise.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

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
    if ! port_in_use "$port"; then
      echo "$port"
      return 0
    fi
    tries=$((tries + 1))
  done
  die "no free port found on 127.0.0.1"
}

start() {
  local dir="$1" wanted="${2:-0}"
  [ -n "$dir" ] || die "usage: postgres.sh start DIR [PORT]"
  local bindir
  bindir="$(find_bindir)"
  if [ -z "$bindir" ]; then
    install_postgres
    bindir="$(find_bindir)"
    [ -n "$bindir" ] || die "the postgresql package was installed but no initdb was found under /usr/lib/postgresql"
  fi
  say "using $("$bindir/postgres" --version)"

  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "there is no postgres user to run the server as"
    chown postgres: "$dir"
    # The postgres user must be able to reach DIR through its parents (mktemp -d makes them 0700).
    as_owner test -x "$dir" || die "the postgres user cannot reach $dir: use a folder whose parents others may enter"
  fi
  chmod 700 "$dir"
  local data="$dir/data" sock="$dir/sock"
  as_owner mkdir -p "$data" "$sock"
  echo "$DB_PASSWORD" > "$dir/.pwfile.tmp"
  chmod 644 "$dir/.pwfile.tmp"
  if ! as_owner "$bindir/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$dir/.pwfile.tmp" -E UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi
  rm -f "$dir/.pwfile.tmp"

  local port attempt
  for attempt in 1 2 3 4 5; do
    if [ "$wanted" != 0 ] && [ -n "$wanted" ]; then port="$wanted"; else port="$(pick_port)"; fi
    # 300 connections: the test suite keeps a Spring context alive per distinct configuration (about ten), each with
    # its own pool of ten, beside the floe commands and instances the tests start; 100 ran out.
    if as_owner "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
          -o "-c listen_addresses=127.0.0.1 -p $port -k $sock -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300" \
          start >&2; then
      break
    fi
    if [ "$wanted" != 0 ] && [ -n "$wanted" ] || [ $attempt = 5 ]; then
      tail -n 30 "$data/server.log" >&2 || true
      die "PostgreSQL did not start on 127.0.0.1:$port"
    fi
    say "port $port was taken, trying another"
  done
  echo "$port" > "$dir/port"

  as_owner "$bindir/psql" -h "$sock" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
      -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" \
      -c "CREATE DATABASE $DB_NAME OWNER $DB_USER" </dev/null >&2 \
    || die "could not create the $DB_NAME database"
  # Prove that a client reaches it over TCP with the password, as Floe will.
  PGPASSWORD="$DB_PASSWORD" "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$DB_USER" -d "$DB_NAME" -tAq \
      -c "select 1" </dev/null >/dev/null \
    || die "the $DB_NAME database does not answer on 127.0.0.1:$port"
  say "PostgreSQL is up on 127.0.0.1:$port (database $DB_NAME, data in $data)"
  echo "$port"
}

stop() {
  local dir="$1"
  [ -n "$dir" ] || die "usage: postgres.sh stop DIR"
  local data="$dir/data" bindir
  [ -f "$data/postmaster.pid" ] || return 0
  bindir="$(find_bindir)"
  [ -n "$bindir" ] || return 0
  as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 30 stop >&2 \
    || as_owner "$bindir/pg_ctl" -D "$data" -m immediate -w -t 30 stop >&2 \
    || say "could not stop the server in $data"
  return 0
}

print_env() {
  local dir="$1"
  [ -f "$dir/port" ] || die "no server was started in $dir"
  echo "export PGHOST=127.0.0.1 PGPORT=$(cat "$dir/port") PGDATABASE=$DB_NAME PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD"
}

case "${1:-}" in
  start) start "${2:-}" "${3:-0}" ;;
  stop) stop "${2:-}" ;;
  env) print_env "${2:-}" ;;
  *) die "usage: postgres.sh start DIR [PORT] | stop DIR | env DIR" ;;
esac
