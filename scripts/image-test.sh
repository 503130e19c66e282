#!/usr/bin/env bash
# Proves deploy/Dockerfile without a Docker engine: builds the image with podman on a local base image, runs its
# `migrate` and then `serve` (production settings) against a real PostgreSQL and Redis on 127.0.0.1, waits until it is
# ready, runs the image's HEALTHCHECK and `floe smoke` against it, stops it with SIGTERM, and prints figures (image
# size, start-up time to ready with and without the AOT cache, RSS after start). CI runs this script.
#
# It installs what is missing with apt-get (podman, runc, debootstrap, redis-server, postgresql, curl) and exits
# non-zero when something cannot be had; it never skips a step. Run it as root from anywhere in the checkout.
#
# Environment (all optional):
#   FLOE_IMAGE_TAG          image to build and test (default localhost/floe:image-test)
#   FLOE_IMAGE_M2           a Maven user folder (repository/, wrapper/) mounted read-only into the build stage, whose
#                           artifacts Maven uses before downloading (default ~/.m2 when it has a repository); what
#                           it lacks comes from Maven Central into the build stage's cache
#   FLOE_IMAGE_MEMORY       memory limit of the Floe containers (default 1g, as a small production instance)
#   FLOE_IMAGE_COMPARE=no   skip the second start without the AOT cache (saves a minute or so)
#   FLOE_PODMAN_ROOT, FLOE_PODMAN_RUNROOT, FLOE_BASE_CACHE   see scripts/image/lib.sh
set -euo pipefail

cd "$(dirname "$0")/.."
root="$(pwd)"
. "$root/scripts/image/lib.sh"

t0=$(date +%s)
phase_start=$t0
section() { printf '\n========== %s ==========\n' "$*" >&2; }
phase_done() {
  local now
  now=$(date +%s)
  say "$1 took $((now - phase_start))s"
  phase_start=$now
}
ms_now() { date +%s%3N; }

[ "$(id -u)" = 0 ] || die "run as root (podman with runc, PostgreSQL as the postgres user, apt-get)"
[ -f deploy/Dockerfile ] || die "deploy/Dockerfile is missing"

tag="${FLOE_IMAGE_TAG:-localhost/floe:image-test}"
memory="${FLOE_IMAGE_MEMORY:-1g}"
name="floe-image-test-$$"

section "tools"
ensure_commands podman=podman runc=runc debootstrap=debootstrap curl=curl redis-server=redis-server \
  flock=util-linux objcopy=binutils
find_jdk25
say "$(podman --version), $(runc --version | head -n 1), JDK $JDK25"

# One run at a time on this machine: they share the podman store and the base-image cache.
mkdir -p "$(dirname "$FLOE_PODMAN_ROOT")" "$FLOE_BASE_CACHE"
exec 9>"$FLOE_BASE_CACHE/.image-test.lock"
flock -w 1800 9 || die "another image test still runs after 30 minutes (lock $FLOE_BASE_CACHE/.image-test.lock)"

# /tmp rather than TMPDIR: the postgres user must be able to enter every parent folder.
work="$(mktemp -d /tmp/floe-image-test.XXXXXX)"
chmod 755 "$work"
redis_pid=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  if [ "$rc" != 0 ] && [ -f "$work/serve.log" ]; then
    say "the end of the Floe container's log:"
    tail -n 40 "$work/serve.log" >&2
  fi
  pm rm -f -i -t 5 "$name" "$name-migrate" "$name-smoke" >/dev/null 2>&1
  pm image prune -f >/dev/null 2>&1
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null
  [ -d "$work/pg" ] && bash "$root/scripts/postgres.sh" stop "$work/pg"
  rm -rf "$work"
  if [ "$rc" = 0 ]; then say "PASSED in $(( $(date +%s) - t0 ))s"; else say "FAILED (exit $rc) after $(( $(date +%s) - t0 ))s"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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
    port_in_use "$port" || { echo "$port"; return 0; }
    tries=$((tries + 1))
  done
  die "no free port on 127.0.0.1"
}
# podman without the noise it makes on a machine without systemd (it cannot schedule healthcheck timers; the
# healthcheck is run by hand below).
pmq() { pm "$@" 2> >(grep -v -e 'unable to get systemd connection' >&2); }

section "deployment files (chart rendered and checked, compose, stack, workflow, Dockerfile)"
py=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' 2>/dev/null; then py="$candidate"; break; fi
done
if [ -z "$py" ]; then
  ensure_commands /usr/bin/python3=python3
  [ -f /usr/lib/python3/dist-packages/yaml/__init__.py ] || {
    say "installing python3-yaml"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-yaml </dev/null >&2 \
      || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-yaml </dev/null >&2; } \
      || die "python3-yaml could not be installed"
  }
  py=/usr/bin/python3
fi
"$py" "$root/scripts/image/check-deploy.py" >&2 || die "the deployment files have problems (above)"
phase_done "deployment file checks"

section "local base images"
read -r jre_image jdk_image < <(bash "$root/scripts/image/base.sh") || die "the local base images could not be made"
[ -n "${jdk_image:-}" ] || die "scripts/image/base.sh printed no image names"
say "runtime base $jre_image, build base $jdk_image"
phase_done "base images"

section "build $tag"
commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
build_args=(
  --build-arg "BASE_IMAGE=$jre_image" --build-arg "BUILD_IMAGE=$jdk_image"
  --build-arg "FLOE_COMMIT=$commit" --build-arg "FLOE_BUILD_TIME=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
)
m2="${FLOE_IMAGE_M2:-$HOME/.m2}"
if [ -d "$m2/repository" ]; then
  # Read-only, as Maven's "tail" local repository: what it lacks (the checkout may have just gained a dependency) is
  # downloaded from Maven Central into the build stage's cache instead.
  say "the build stage takes the Maven artifacts it can from $m2 (mounted read-only)"
  build_args+=(-v "$m2:/m2seed:ro" --build-arg "MAVEN_ARGS=-Dmaven.repo.local.tail=/m2seed/repository")
  if [ -d "$m2/wrapper/dists" ]; then
    build_args+=(--build-arg MAVEN_USER_HOME=/m2seed)
  fi
else
  say "no Maven repository at $m2: the build stage downloads from Maven Central"
fi
# Old images of earlier runs go first: with the vfs driver every layer is a whole copy of the file system.
pm image prune -f >/dev/null 2>&1 || true
# --layers=false: one commit per stage instead of one per instruction, which with vfs turns ~8 minutes into ~1
# (and keeps the store small); --format docker: OCI images have no HEALTHCHECK.
if ! pm build --layers=false --format docker --network host "${PM_LIMITS[@]}" -f deploy/Dockerfile "${build_args[@]}" \
      -t "$tag" . >"$work/build.log" 2>&1; then
  grep -v -e '\[warning\]\[aot' "$work/build.log" | tail -n 60 >&2
  die "podman build -f deploy/Dockerfile failed (log above)"
fi
grep -E '^aot-train:' "$work/build.log" >&2 || true
phase_done "image build"

section "inspect the image"
image_bytes="$(pm image inspect "$tag" --format '{{.Size}}')"
base_bytes="$(pm image inspect "$jre_image" --format '{{.Size}}')"
user="$(pm image inspect "$tag" --format '{{.Config.User}}')"
health="$(pm image inspect "$tag" --format '{{json .Config.Healthcheck}}')"
revision="$(pm image inspect "$tag" --format '{{index .Config.Labels "org.opencontainers.image.revision"}}')"
say "user $user; healthcheck $health; revision label $revision"
case "$user" in ""|0|0:*|root|root:*) die "the image runs as root (USER is '$user')" ;; esac
[ "$health" != null ] && [ -n "$health" ] || die "the image has no HEALTHCHECK (was it built with --format docker?)"
[ "$revision" = "$commit" ] || die "the revision label is '$revision', not the commit $commit"
aot_size="$(pmq run --rm --network host "${PM_LIMITS[@]}" "$tag" sh -c 'du -m /opt/floe/app/floe.aot | cut -f1')" \
  || die "the image has no AOT cache at /opt/floe/app/floe.aot"
app_size="$(pmq run --rm --network host "${PM_LIMITS[@]}" "$tag" sh -c 'du -sm /opt/floe/app/lib | cut -f1')"
pmq run --rm --network host "${PM_LIMITS[@]}" "$tag" floe --version >/dev/null \
  || die "\`podman run IMAGE floe --version\` failed"
pmq run --rm --network host "${PM_LIMITS[@]}" "$tag" sh -c \
    'cd /tmp && floe new /tmp/site >/dev/null && test -n "$(ls -A /tmp/site)" && [ "$(id -u)" = 10001 ]' \
  || die "\`floe new\` does not work in the image (is the site template in the jar?), or it does not run as 10001"
help="$(pmq run --rm --network host "${PM_LIMITS[@]}" "$tag" --help 2>&1)" || true
grep -q 'migrate' <<<"$help" || { echo "$help" >&2; die "\`podman run IMAGE --help\` does not list floe's commands"; }
phase_done "inspection"

section "PostgreSQL and Redis on 127.0.0.1"
pg_port="$(bash "$root/scripts/postgres.sh" start "$work/pg")" || die "PostgreSQL could not be started"
redis_port="$(pick_port)"
mkdir -p "$work/redis"
redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no \
  --dir "$work/redis" --pidfile "$work/redis/pid" --logfile "$work/redis/log" >/dev/null \
  || die "redis-server did not start"
for _ in $(seq 1 50); do [ -s "$work/redis/pid" ] && break; sleep 0.1; done
redis_pid="$(cat "$work/redis/pid" 2>/dev/null)" || die "redis-server wrote no pid file"
[ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = PONG ] || die "Redis does not answer on $redis_port"
say "PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port"

app_port="$(pick_port)"
secret="$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | cut -c1-48)"
# Production settings, as the stack would give them (FORCE_SSL stays off: no TLS proxy in front here).
cat >"$work/env" <<EOF
BASE_SETTINGS_MODULE=production
SECRET_KEY=$secret
SITE_DOMAIN=127.0.0.1
VIRTUAL_HOST=localhost
FORCE_SSL=no
PGHOST=127.0.0.1
PGPORT=$pg_port
PGDATABASE=floe
PGUSER=floe
PGPASSWORD=floe
REDIS_ADDRESS=127.0.0.1:$redis_port
PORT=$app_port
EOF
mkdir -p "$work/var"
chown 10001:0 "$work/var"
run_args=(--network host "${PM_LIMITS[@]}" --memory "$memory" --env-file "$work/env" -v "$work/var:/opt/floe/var")
phase_done "services"

section "migrate (podman run IMAGE migrate)"
m0=$(ms_now)
pmq run --rm --name "$name-migrate" "${run_args[@]}" "$tag" migrate >"$work/migrate.log" 2>&1 \
  || { tail -n 40 "$work/migrate.log" >&2; die "\`floe migrate\` in the image failed"; }
migrate_ms=$(( $(ms_now) - m0 ))
tail -n 3 "$work/migrate.log" >&2
pmq run --rm "${run_args[@]}" "$tag" showmigrations >"$work/showmigrations.log" 2>&1 \
  || { cat "$work/showmigrations.log" >&2; die "\`floe showmigrations\` in the image failed"; }
phase_done "migrate"

# Starts `floe serve` in a container (extra podman arguments first), waits for /-/health/ready, and sets
# ready_ms (wall clock from `podman run` to ready), cpu_ms (the JVM's CPU time until then) and rss_kb.
serve_and_wait() {
  local s0 pid code="" ticks
  pm rm -f "$name" >/dev/null 2>&1 || true
  sync # the previous container's writes must not land on this start's clock
  s0=$(ms_now)
  pmq run -d --name "$name" "${run_args[@]}" "$@" "$tag" >/dev/null || die "podman run $tag (serve) failed"
  while :; do
    code="$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$app_port/-/health/ready" || true)"
    [ "$code" = 200 ] && break
    if [ "$(pm inspect "$name" --format '{{.State.Running}}')" != true ]; then
      pm logs "$name" >"$work/serve.log" 2>&1 || true
      die "the Floe container stopped before it was ready"
    fi
    [ $(( $(ms_now) - s0 )) -lt 600000 ] || { pm logs "$name" >"$work/serve.log" 2>&1; die "not ready within 10 minutes (last status $code)"; }
    sleep 0.1
  done
  ready_ms=$(( $(ms_now) - s0 ))
  pid="$(pm inspect "$name" --format '{{.State.Pid}}')"
  ticks="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
  cpu_ms=$(( ticks * 1000 / $(getconf CLK_TCK) ))
  sleep 5 # let start-up work settle before reading the memory figure
  rss_kb="$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")"
  [ "$(tr '\0' ' ' <"/proc/$pid/cmdline" | cut -d' ' -f1)" = java ] || die "PID 1 of the container is not the JVM"
}

section "serve (production, PostgreSQL, Redis, AOT cache)"
serve_and_wait
aot_ready_ms=$ready_ms aot_cpu_ms=$cpu_ms aot_rss_kb=$rss_kb
say "ready after ${ready_ms} ms (JVM CPU ${cpu_ms} ms), RSS $((rss_kb / 1024)) MB"
# With REDIS_ADDRESS set, serve starts from the context Spring processed at build time with Redis (pom.xml).
pm logs "$name" >"$work/serve.log" 2>&1 || true
grep -q "Starting AOT-processed FloeWithRedis" "$work/serve.log" \
  || die "serve did not start from the context processed at build time with Redis"
say "context: processed at build time (FloeWithRedis)"
stats="$(pm stats --no-stream --format '{{.MemUsage}} {{.CPUPerc}}' "$name" 2>/dev/null || echo unavailable)"
say "podman stats: $stats"

section "HEALTHCHECK and floe smoke"
pmq healthcheck run "$name" || die "the image's HEALTHCHECK reports unhealthy while /-/health/ready answers 200"
say "HEALTHCHECK: healthy"
for path in / /-/health/ready /-/health/live /api/v2/pages/; do
  code="$(curl -s -o "$work/body" -m 10 -w '%{http_code}' "http://127.0.0.1:$app_port$path" || true)"
  [ "$code" = 200 ] && [ -s "$work/body" ] || die "GET $path answered $code (or an empty body)"
  say "GET $path: $code"
done
code="$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'Host: not-our-site.example' "http://127.0.0.1:$app_port/" || true)"
say "GET / with an unknown Host: $code (400 expected: only SITE_DOMAIN and VIRTUAL_HOST are served)"
# Not failures (the chart's probes send Host: SITE_DOMAIN), but worth knowing: what a bare Kubernetes probe would get.
code="$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H "Host: 10.1.2.3:$app_port" "http://127.0.0.1:$app_port/-/health/ready" || true)"
say "GET /-/health/ready with a pod IP as Host (a probe without headers): $code"
code="$(curl -s -o "$work/version" -m 10 -w '%{http_code}' "http://127.0.0.1:$app_port/-/version" || true)"
if [ "$code" = 200 ]; then
  grep -q "\"commit\" *: *\"$commit\"" "$work/version" \
    || die "/-/version does not give the image's commit $commit: $(head -c 300 "$work/version")"
  say "GET /-/version: $(head -c 300 "$work/version")"
else
  say "GET /-/version: $code (the app has no /-/version yet; the image sets FLOE_COMMIT=$commit for it)"
fi
if grep -qE '^ +smoke ' <<<"$help"; then
  pmq run --rm --name "$name-smoke" --network host "${PM_LIMITS[@]}" "$tag" \
      smoke "http://127.0.0.1:$app_port/" /api/v2/pages/ /-/health/ready >"$work/smoke.log" 2>&1 \
    || { cat "$work/smoke.log" >&2; die "floe smoke failed against the image"; }
  sed 's/^/  smoke: /' "$work/smoke.log" | grep -v -e '^  smoke: \[' >&2
  say "floe smoke: passed"
else
  say "this image has no \`floe smoke\`: the curl checks above stand in for it"
fi
pmq exec "$name" floe showmigrations >/dev/null 2>&1 || die "\`podman exec CONTAINER floe showmigrations\` failed"
say "podman exec CONTAINER floe showmigrations: ok"

section "stop with SIGTERM"
s0=$(ms_now)
pmq stop -t 60 "$name" >/dev/null || die "podman stop failed"
stop_ms=$(( $(ms_now) - s0 ))
exit_code="$(pm inspect "$name" --format '{{.State.ExitCode}}')"
pm logs "$name" >"$work/serve.log" 2>&1 || true
[ "$exit_code" = 0 ] || [ "$exit_code" = 143 ] || die "the container exited with $exit_code on SIGTERM (137 = killed)"
grep -q -i 'graceful shutdown' "$work/serve.log" || die "no graceful shutdown in the log after SIGTERM"
say "stopped in ${stop_ms} ms, exit code $exit_code, graceful shutdown logged"

plain_ready_ms="" plain_cpu_ms="" plain_rss_kb=""
if [ "${FLOE_IMAGE_COMPARE:-yes}" != no ]; then
  section "serve again without the AOT cache (FLOE_AOT=no), for comparison"
  serve_and_wait -e FLOE_AOT=no
  plain_ready_ms=$ready_ms plain_cpu_ms=$cpu_ms plain_rss_kb=$rss_kb
  say "ready after ${ready_ms} ms (JVM CPU ${cpu_ms} ms), RSS $((rss_kb / 1024)) MB"
  pmq stop -t 60 "$name" >/dev/null || die "podman stop failed"
fi

section "figures"
{
  echo "image $tag: $((image_bytes / 1000000)) MB (local base $((base_bytes / 1000000)) MB; app libraries ${app_size} MB; AOT cache ${aot_size} MB)"
  echo "floe migrate (fresh PostgreSQL, container start included): ${migrate_ms} ms"
  echo "start-up to ready, with the AOT cache:    ${aot_ready_ms} ms wall, ${aot_cpu_ms} ms JVM CPU; RSS after start $((aot_rss_kb / 1024)) MB"
  if [ -n "$plain_ready_ms" ]; then
    echo "start-up to ready, without the AOT cache: ${plain_ready_ms} ms wall, ${plain_cpu_ms} ms JVM CPU; RSS after start $((plain_rss_kb / 1024)) MB"
  fi
  echo "stop on SIGTERM: ${stop_ms} ms (exit $exit_code)"
  echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); container memory limit $memory"
} | tee "$work/figures" >&2
