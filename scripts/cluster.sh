#!/usr/bin/env bash
# Three Floe instances behind nginx on this machine, sharing one PostgreSQL (scripts/postgres.sh), one Redis
# (scripts/redis.sh), one OpenSearch node (scripts/opensearch.sh) and one S3-compatible store (scripts/s3.sh), all on
# 127.0.0.1, with production settings; everything stops when the script exits.
#
#   scripts/cluster.sh [--build-dir DIR] [--keep] [COMMAND [ARG...]]
#
# Builds DIR/floe.jar when missing (DIR defaults to target/). Then runs COMMAND with the cluster's environment
# (below), or, without a command, prints it and waits for Ctrl-C. The environment, also in $FLOE_CLUSTER_DIR/env:
#   CLUSTER_URL        nginx in front of the three instances
#   INSTANCE_URLS      the instances' own URLs, space separated (A B C)
#   FLOE_TOKEN         an API token of a superuser made for the run
#   FLOE_ADMIN_EMAIL, FLOE_ADMIN_PASSWORD   that superuser's sign-in for the admin
#   FLOE_CLUSTER_DIR   the run's folder; $FLOE_CLUSTER_DIR/instance.sh start|stop|kill N (N = 1..3) and
#                      $FLOE_CLUSTER_DIR/service.sh restart-postgres|stop-redis|start-redis|stop-opensearch|start-opensearch
#                      work on the running cluster
# Environment: CLUSTER_JAVA_OPTS (more JVM flags per instance, after Floe's defaults in deploy/image/java-options).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD_DIR=target KEEP=""
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) BUILD_DIR=$2; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) awk 'NR>1 && /^#/{sub(/^# ?/, ""); print; next} NR>1{exit}' "$0"; exit 0 ;;
    --) shift; break ;;
    -*) echo "cluster.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
case $BUILD_DIR in /*) ;; *) BUILD_DIR=$ROOT/$BUILD_DIR ;; esac
JAR=$BUILD_DIR/floe.jar
# Instances run with the JVM defaults of the image and the launcher.
JAVA_OPTS="@$ROOT/deploy/image/java-options ${CLUSTER_JAVA_OPTS-}"

for tool in curl python3; do command -v "$tool" >/dev/null || { echo "cluster.sh: $tool is missing" >&2; exit 1; }; done
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  [ "$(id -u)" = 0 ] || { echo "cluster.sh: nginx is missing: apt-get install -y nginx-light" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx-light </dev/null >&2
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
. "$ROOT/.mvn/find-jdk.sh"
JAVA=$JAVA_HOME/bin/java
if [ ! -f "$JAR" ]; then
  echo "== building $JAR" >&2
  (cd "$ROOT" && ./mvnw -q -B -Dfloe.build.dir="$BUILD_DIR" -DskipTests package)
fi

W=$(mktemp -d /tmp/floe-cluster.XXXXXX)
chmod 755 "$W"
cleanup() {
  set +e
  for n in 1 2 3; do [ -x "$W/instance.sh" ] && "$W/instance.sh" stop "$n" 2>/dev/null; done
  [ -f "$W/nginx/nginx.pid" ] && "$NGINX" -c "$W/nginx/nginx.conf" -p "$W/nginx" -s stop 2>/dev/null
  "$HERE/redis.sh" stop "$W/redis" 2>/dev/null
  "$HERE/opensearch.sh" stop "$W/opensearch" 2>/dev/null
  "$HERE/s3.sh" stop "$W/s3" >/dev/null 2>&1
  "$HERE/postgres.sh" stop "$W/pg" >/dev/null 2>&1
  if [ -z "$KEEP" ]; then rm -rf "$W"; else echo "kept $W" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# OpenSearch takes the longest to start: it starts while the others do.
FLOE_OPENSEARCH_OWNER=$$ "$HERE/opensearch.sh" start "$W/opensearch" >"$W/opensearch.address" & OS_STARTING=$!
PGPORT=$("$HERE/postgres.sh" start "$W/pg")
REDIS_PORT=$("$HERE/redis.sh" start "$W/redis")
"$HERE/s3.sh" start "$W/s3" >/dev/null
wait $OS_STARTING || { echo "cluster.sh: OpenSearch did not start" >&2; exit 1; }
OS_ADDRESS=$(cat "$W/opensearch.address")
PORTS=("$(free_port)" "$(free_port)" "$(free_port)")
NGINX_PORT=$(free_port)
SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')

# Each instance's environment; var folders apart (search index, local media), everything shared lives in services.
cat >"$W/instance.env" <<EOF
BASE_SETTINGS_MODULE=production
SITE_DOMAIN=localhost
VIRTUAL_HOST=127.0.0.1
SECRET_KEY=$SECRET
FLOE_MIGRATE_ON_START=yes
PGHOST=127.0.0.1
PGPORT=$PGPORT
PGDATABASE=floe
PGUSER=floe
PGPASSWORD=floe
REDIS_ADDRESS=127.0.0.1:$REDIS_PORT
ELASTICSEARCH_ADDRESS=$OS_ADDRESS
EOF
"$HERE/s3.sh" env "$W/s3" | sed 's/^export //' | tr ' ' '\n' >>"$W/instance.env"
# Instances and commands run from the extracted jar with a class-data archive, as the image runs from its AOT cache.
# After `floe migrate` (a release migrates once, before its instances start), a short serving run writes the archive
# (scripts/class-archive.sh): every start after it maps those classes instead of loading them, about half the CPU of
# a start from the fat jar. Then `floe check`, with the archive, must find the cluster's settings sound.
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$W/app" >/dev/null
APP_JAR=$W/app/$(basename "$JAR")
CDS="-XX:SharedArchiveFile=$W/app/floe.jsa -Xlog:cds*=off -Xlog:aot*=off"
env $(cat "$W/instance.env") FLOE_VAR_DIR="$W/var-cli" "$JAVA" -XX:+UseSerialGC \
  -jar "$APP_JAR" migrate >"$W/migrate.log" 2>&1 \
  || { echo "cluster.sh: floe migrate failed; see $W/migrate.log" >&2; exit 1; }
env $(cat "$W/instance.env") FLOE_VAR_DIR="$W/var-cli" bash "$HERE/class-archive.sh" "$W/app/floe.jsa" "$W/archive.log" \
  "$JAVA" $JAVA_OPTS -jar "$APP_JAR"
env $(cat "$W/instance.env") FLOE_VAR_DIR="$W/var-cli" "$JAVA" $JAVA_OPTS $CDS -jar "$APP_JAR" check >"$W/check.log" 2>&1 \
  || { echo "cluster.sh: floe check found a problem with the cluster's settings: $(tail -n 1 "$W/check.log")" >&2; exit 1; }
cat >"$W/instance.sh" <<EOF
#!/usr/bin/env bash
# instance.sh start|stop|kill N: the cluster's instance N (1..3). start waits until it is ready.
set -euo pipefail
ports=(${PORTS[*]})
n=\$2; port=\${ports[\$((n-1))]}; pidfile=$W/instance-\$n.pid
case \$1 in
  start)
    mkdir -p $W/var-\$n
    env \$(cat $W/instance.env) FLOE_VAR_DIR=$W/var-\$n PORT=\$port $JAVA $JAVA_OPTS $CDS -jar $APP_JAR serve >>$W/instance-\$n.log 2>&1 &
    echo \$! >\$pidfile
    for i in \$(seq 1 1200); do
      [ "\$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:\$port/-/health/ready)" = 200 ] && exit 0
      kill -0 \$(cat \$pidfile) 2>/dev/null || { echo "instance \$n stopped during start-up; see $W/instance-\$n.log" >&2; exit 1; }
      sleep 0.1
    done
    echo "instance \$n was not ready within 120 s" >&2; exit 1 ;;
  stop|kill)
    [ -f \$pidfile ] || exit 0
    pid=\$(cat \$pidfile)
    if kill -0 \$pid 2>/dev/null; then
      if [ \$1 = kill ]; then kill -KILL \$pid; else kill -TERM \$pid; fi
      while kill -0 \$pid 2>/dev/null; do sleep 0.05; done
    fi
    rm -f \$pidfile ;;
  *) echo "usage: instance.sh start|stop|kill N" >&2; exit 2 ;;
esac
EOF
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cat >"$W/service.sh" <<EOF
#!/usr/bin/env bash
# service.sh restart-postgres|stop-redis|start-redis|stop-opensearch|start-opensearch: faults for the running cluster.
set -euo pipefail
as_pg() { if [ "\$(id -u)" = 0 ]; then runuser -u postgres -- "\$@"; else "\$@"; fi; }
case \$1 in
  restart-postgres) as_pg $PGBIN/pg_ctl -D $W/pg/data -m fast -w restart >/dev/null ;;
  stop-redis) $HERE/redis.sh stop $W/redis ;;
  start-redis) $HERE/redis.sh start $W/redis $REDIS_PORT >/dev/null ;;
  stop-opensearch) $HERE/opensearch.sh stop $W/opensearch ;;
  start-opensearch) FLOE_OPENSEARCH_OWNER=$$ $HERE/opensearch.sh start $W/opensearch ${OS_ADDRESS##*:} >/dev/null ;;
  *) echo "usage: service.sh restart-postgres|stop-redis|start-redis|stop-opensearch|start-opensearch" >&2; exit 2 ;;
esac
EOF
chmod +x "$W/instance.sh" "$W/service.sh"

t0=$(date +%s%N)
"$W/instance.sh" start 1
"$W/instance.sh" start 2 & s2=$!
"$W/instance.sh" start 3 & s3=$!
wait $s2; wait $s3
# Which context each started: the one Spring processed at build time (pom.xml, process-aot) or the ordinary one.
processed=$(grep -l "Starting AOT-processed" "$W"/instance-[123].log 2>/dev/null | wc -l)
echo "== three instances ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms (ports ${PORTS[*]}); $processed of 3 from the context processed at build time" >&2

mkdir -p "$W/nginx/tmp" "$W/static"
chmod 1777 "$W/nginx/tmp"
cat >"$W/nginx/nginx.conf" <<EOF
worker_processes 2;
pid $W/nginx/nginx.pid;
error_log $W/nginx/error.log warn;
events { worker_connections 1024; }
http {
    client_body_temp_path $W/nginx/tmp/body;
    proxy_temp_path $W/nginx/tmp/proxy;
    fastcgi_temp_path $W/nginx/tmp/fastcgi;
    uwsgi_temp_path $W/nginx/tmp/uwsgi;
    scgi_temp_path $W/nginx/tmp/scgi;
    access_log off;
    upstream floe {
        server 127.0.0.1:${PORTS[0]} max_fails=0;
        server 127.0.0.1:${PORTS[1]} max_fails=0;
        server 127.0.0.1:${PORTS[2]} max_fails=0;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        client_max_body_size 20m;
        # The same HTML as a static file, for the benchmark's nginx baseline.
        location /-static/ { alias $W/static/; default_type text/html; }
        location / { include $ROOT/deploy/nginx/floe-proxy.conf; }
    }
}
EOF
"$NGINX" -q -c "$W/nginx/nginx.conf" -p "$W/nginx"

as_cli() { env $(cat "$W/instance.env") FLOE_VAR_DIR="$W/var-1" "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 $CDS -jar "$APP_JAR" "$@"; }
ADMIN_PASSWORD=cluster-password-not-secret-1234
echo "$ADMIN_PASSWORD" | as_cli createsuperuser --email cluster@example.org --password-stdin >"$W/createsuperuser.log" 2>&1
TOKEN=$(as_cli createtoken --email cluster@example.org 2>"$W/createtoken.err" | tail -n 1)

cat >"$W/env" <<EOF
export CLUSTER_URL=http://127.0.0.1:$NGINX_PORT
export INSTANCE_URLS="http://127.0.0.1:${PORTS[0]} http://127.0.0.1:${PORTS[1]} http://127.0.0.1:${PORTS[2]}"
export FLOE_TOKEN=$TOKEN
export FLOE_ADMIN_EMAIL=cluster@example.org FLOE_ADMIN_PASSWORD=$ADMIN_PASSWORD
export FLOE_CLUSTER_DIR=$W
EOF
. "$W/env"
if [ $# -gt 0 ]; then
  "$@"
else
  cat "$W/env"
  echo "== the cluster runs; Ctrl-C stops it" >&2
  while true; do sleep 3600; done
fi
