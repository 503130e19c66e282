#!/usr/bin/env bash
# A throw-away S3-compatible server (S3Proxy with its filesystem backend) for tests and CI, on 127.0.0.1 only.
#
#   scripts/s3.sh start DIR [PORT]   start S3Proxy with its data in DIR (empty or missing) on PORT (a free port when
#                                    empty or 0), with the bucket `floe-media`; prints the port on stdout.
#   scripts/s3.sh stop DIR           stop the server started in DIR, if it runs (never fails).
#   scripts/s3.sh env DIR            print `export AWS_...=...` lines that point Floe (and its tests) at it.
#
# The media tests start their own S3Proxy; this script is for running the whole suite, or Floe itself, with
# AWS_* set. S3Proxy's jar comes from Maven Central through ./mvnw (the build copies it to target/s3proxy/).
set -euo pipefail

say() { echo "s3.sh: $*" >&2; }
die() { say "$*"; exit 1; }

root="$(cd "$(dirname "$0")/.." && pwd)"
S3PROXY_VERSION=2.7.0
BUCKET=floe-media
ACCESS_KEY=floe-local-access
SECRET_KEY=floe-local-secret-0123456789

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

find_java() {
  # shellcheck source=/dev/null
  . "$root/.mvn/find-jdk.sh" >/dev/null 2>&1 || true
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; return; fi
  command -v java || die "no java found: install a JDK (25) or set JAVA_HOME"
}

jar_path() {
  local jar="$root/target/s3proxy/s3proxy.jar"
  if [ ! -f "$jar" ]; then
    say "fetching S3Proxy $S3PROXY_VERSION through Maven"
    (cd "$root" && ./mvnw -q -B -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
        -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" \
        -DoutputDirectory="$root/target/s3proxy" -Dmdep.stripVersion=true -Dmdep.stripClassifier=true >&2) \
      || die "could not fetch org.gaul:s3proxy:$S3PROXY_VERSION from Maven Central"
    [ -f "$root/target/s3proxy/s3proxy.jar" ] || mv "$root/target/s3proxy/s3proxy"*.jar "$jar" 2>/dev/null || true
    [ -f "$jar" ] || die "S3Proxy's jar is not at $jar after fetching it"
  fi
  echo "$jar"
}

start() {
  local dir="$1" wanted="${2:-0}"
  [ -n "$dir" ] || die "usage: s3.sh start DIR [PORT]"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
  local java jar port
  java="$(find_java)"
  jar="$(jar_path)"
  if [ "$wanted" != 0 ] && [ -n "$wanted" ]; then port="$wanted"; else port="$(pick_port)"; fi
  # The filesystem backend keeps each bucket as a folder: making it is making the bucket.
  mkdir -p "$dir/data/$BUCKET"
  cat > "$dir/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$ACCESS_KEY
s3proxy.credential=$SECRET_KEY
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/data
PROPS
  nohup "$java" -Xmx256m -jar "$jar" --properties "$dir/s3proxy.properties" >"$dir/s3proxy.log" 2>&1 &
  echo $! > "$dir/pid"
  echo "$port" > "$dir/port"
  local waited=0
  until port_in_use "$port"; do
    kill -0 "$(cat "$dir/pid")" 2>/dev/null || { tail -n 30 "$dir/s3proxy.log" >&2; die "S3Proxy stopped at start"; }
    [ $waited -lt 600 ] || { stop "$dir"; die "S3Proxy did not answer on 127.0.0.1:$port within 60 s"; }
    sleep 0.1
    waited=$((waited + 1))
  done
  say "S3Proxy is up on 127.0.0.1:$port (bucket $BUCKET, data in $dir/data)"
  echo "$port"
}

stop() {
  local dir="$1"
  [ -n "$dir" ] && [ -f "$dir/pid" ] || return 0
  local pid
  pid="$(cat "$dir/pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/pid"
  return 0
}

print_env() {
  local dir="$1"
  [ -f "$dir/port" ] || die "no server was started in $dir"
  echo "export AWS_STORAGE_BUCKET_NAME=$BUCKET AWS_ACCESS_KEY_ID=$ACCESS_KEY AWS_SECRET_ACCESS_KEY=$SECRET_KEY" \
       "AWS_S3_ENDPOINT_URL=http://127.0.0.1:$(cat "$dir/port") AWS_REGION=us-east-1"
}

case "${1:-}" in
  start) start "${2:-}" "${3:-0}" ;;
  stop) stop "${2:-}" ;;
  env) print_env "${2:-}" ;;
  *) die "usage: s3.sh start DIR [PORT] | stop DIR | env DIR" ;;
esac
