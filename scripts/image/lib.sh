# Shared by scripts/image-test.sh and scripts/image/*.sh (sourced, bash). Nothing here starts anything.

say() { echo "image-test: $*" >&2; }
die() { say "FAILED: $*"; exit 1; }

# Where podman keeps this script's images and layers (apart from any other podman use on the machine, so that the
# vfs driver never clashes with another driver's database) and the cache of local base images.
FLOE_PODMAN_ROOT="${FLOE_PODMAN_ROOT:-/var/lib/floe-image-test/storage}"
FLOE_PODMAN_RUNROOT="${FLOE_PODMAN_RUNROOT:-/run/floe-image-test}"
FLOE_BASE_CACHE="${FLOE_BASE_CACHE:-/var/cache/floe-image-base}"

# podman as this machine allows it: runc (crun fails here), vfs storage, cgroupfs (no systemd), events to a file.
pm() {
  podman --root "$FLOE_PODMAN_ROOT" --runroot "$FLOE_PODMAN_RUNROOT" --storage-driver vfs \
    --runtime runc --cgroup-manager cgroupfs --events-backend file "$@"
}

# This sandbox refuses podman's default rlimits (runc: "error setting rlimit type 7"), so every `podman run` and
# `podman build` passes these.
PM_LIMITS=(--ulimit nofile=4096:4096 --ulimit nproc=4096:4096)

# Points JDK25 at a JDK 25 (JAVA_HOME first, then /usr/lib/jvm), or dies saying so.
find_jdk25() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/jlink" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
    if [ "${major:-0}" -ge 25 ] 2>/dev/null; then
      JDK25="$(readlink -f "$candidate")"
      return 0
    fi
  done
  die "no JDK 25 with jlink found (set JAVA_HOME to one, e.g. /usr/lib/jvm/temurin-25-jdk-amd64)"
}

# Installs the Debian packages whose commands are missing (apt-get update once, only when something is missing).
# Arguments: pairs COMMAND=PACKAGE.
ensure_commands() {
  local pair missing=()
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]} and installing needs root"
  command -v apt-get >/dev/null || die "missing ${missing[*]} and there is no apt-get to install them"
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 || die "apt-get update failed"
  apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null >&2 || die "apt-get install ${missing[*]} failed"
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null 2>&1 || die "${pair#*=} was installed but ${pair%%=*} is still missing"
  done
}
