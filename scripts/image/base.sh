#!/usr/bin/env bash
# Makes the two LOCAL base images that scripts/image-test.sh builds deploy/Dockerfile on, since no registry (and so no
# eclipse-temurin image) can be reached here:
#
#   localhost/floe-base:jre-HASH   Debian bookworm minbase + a JRE 25 made with jlink  (stands in for eclipse-temurin:25-jre)
#   localhost/floe-base:jdk-HASH   Debian bookworm minbase + the whole JDK 25          (stands in for eclipse-temurin:25-jdk)
#
# HASH is a hash of this recipe (this file, the JDK's release file, the Debian suite and mirror), so a changed recipe
# makes new images and an unchanged one is reused. The finished root file systems are kept as tar files under
# $FLOE_BASE_CACHE/HASH (default /var/cache/floe-image-base), so a CI machine with an empty podman store only imports
# them again (seconds) instead of running debootstrap (minutes).
#
# Prints "JRE_IMAGE JDK_IMAGE" on stdout. Exits non-zero when anything cannot be had.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"

SUITE="${FLOE_DEBIAN_SUITE:-bookworm}"
MIRROR="${FLOE_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
# The modules of a JRE: everything in the JDK but the development tools (what Temurin's JRE leaves out, too).
JRE_EXCLUDE='jdk\.(compiler|javadoc|jshell|jdeps|jlink|jpackage|hotspot\.agent|jconsole|editpad|internal\.ed|internal\.le|internal\.opt|jartool|jstatd|jdi|jcmd|jdwp\.agent|graal\.compiler|graal\.compiler\.management|internal\.vm\.ci|incubator\.vector)'
JAVA_DIR=opt/java/openjdk
# What `podman import` sets on the images, as the eclipse-temurin images do.
IMAGE_CHANGES=(
  --change "ENV JAVA_HOME=/$JAVA_DIR"
  --change "ENV PATH=/$JAVA_DIR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  --change "ENV LANG=C.UTF-8"
  --change "CMD [\"/bin/bash\"]"
)

find_jdk25
[ "$(id -u)" = 0 ] || die "building the base images needs root (debootstrap, podman with runc)"
ensure_commands debootstrap=debootstrap podman=podman runc=runc objcopy=binutils

hash="$(cat "$0" "$JDK25/release" <(echo "$SUITE $MIRROR ${IMAGE_CHANGES[*]}") | sha256sum | cut -c1-12)"
jre_image="localhost/floe-base:jre-$hash"
jdk_image="localhost/floe-base:jdk-$hash"
cache="$FLOE_BASE_CACHE/$hash"

have_image() { pm image exists "$1" 2>/dev/null; }

if have_image "$jre_image" && have_image "$jdk_image"; then
  say "local base images $jre_image and $jdk_image are present"
  echo "$jre_image $jdk_image"
  exit 0
fi

if [ ! -f "$cache/jre.tar" ] || [ ! -f "$cache/jdk.tar" ]; then
  say "building the local base images (recipe $hash): debootstrap $SUITE, jlink, JDK copy"
  started=$(date +%s)
  mkdir -p "$FLOE_BASE_CACHE"
  work="$(mktemp -d "$FLOE_BASE_CACHE/.work.XXXXXX")"
  # shellcheck disable=SC2064
  trap "umount -R '$work/rootfs/proc' 2>/dev/null || true; rm -rf '$work'" EXIT

  if ! debootstrap --variant=minbase "$SUITE" "$work/rootfs" "$MIRROR" >"$work/debootstrap.log" 2>&1; then
    tail -n 30 "$work/debootstrap.log" >&2
    die "debootstrap --variant=minbase $SUITE failed (log above)"
  fi
  umount -R "$work/rootfs/proc" 2>/dev/null || true
  # Smaller and reproducible enough: no package caches, lists, documentation or logs.
  rm -rf "$work/rootfs"/var/cache/apt/archives/*.deb "$work/rootfs"/var/lib/apt/lists/* \
    "$work/rootfs"/usr/share/doc/* "$work/rootfs"/usr/share/man/* "$work/rootfs"/usr/share/info/* \
    "$work/rootfs"/var/log/* "$work/rootfs"/dev/* "$work/rootfs"/proc/* "$work/rootfs"/sys/* 2>/dev/null || true
  tar --numeric-owner -C "$work/rootfs" -cf "$work/os.tar" .

  # JRE: jlink from the JDK's own run-time image, with its default CDS archive (as `java -Xshare:dump` in the
  # official image) and without debug symbols, man pages or headers.
  mods="$("$JDK25/bin/java" --list-modules | sed 's/@.*//' | grep -v -x -E "$JRE_EXCLUDE" | paste -sd, -)"
  mkdir -p "$work/jre/$(dirname "$JAVA_DIR")"
  "$JDK25/bin/jlink" --add-modules "$mods" --strip-debug --no-man-pages --no-header-files \
      --generate-cds-archive --output "$work/jre/$JAVA_DIR" >&2 \
    || die "jlink could not make a JRE from $JDK25"
  "$work/jre/$JAVA_DIR/bin/java" -version >/dev/null 2>&1 || die "the jlinked JRE does not run"

  # JDK: a plain copy, with symbolic links into the host (cacerts) replaced by the files they point to.
  mkdir -p "$work/jdk/$(dirname "$JAVA_DIR")"
  cp -a "$JDK25" "$work/jdk/$JAVA_DIR"
  rm -f "$work/jdk/$JAVA_DIR/lib/src.zip"
  find "$work/jdk/$JAVA_DIR" -type l | while read -r link; do
    target="$(readlink -f "$link")"
    case "$target" in
      "$work"/*) ;;
      *) [ -f "$target" ] || die "$link points to $target, which is missing"; rm "$link"; cp "$target" "$link" ;;
    esac
  done

  for kind in jre jdk; do
    cp "$work/os.tar" "$work/$kind.tar"
    tar --numeric-owner --owner=0 --group=0 -C "$work/$kind" -rf "$work/$kind.tar" ./opt/java
  done
  mkdir -p "$cache"
  mv "$work/jre.tar" "$cache/jre.tar.part" && mv "$work/jdk.tar" "$cache/jdk.tar.part"
  mv "$cache/jre.tar.part" "$cache/jre.tar" && mv "$cache/jdk.tar.part" "$cache/jdk.tar"
  rm -rf "$work"
  trap - EXIT
  say "local base root file systems made in $(( $(date +%s) - started ))s, cached in $cache"
else
  say "importing the cached local base root file systems from $cache"
fi

for kind in jre jdk; do
  image="localhost/floe-base:$kind-$hash"
  have_image "$image" && continue
  pm import "${IMAGE_CHANGES[@]}" --message "floe local base ($kind, recipe $hash)" "$cache/$kind.tar" "$image" >/dev/null \
    || die "podman import of $cache/$kind.tar failed"
done
# Older recipes' images and root file systems are of no further use.
for old in $(pm images --format '{{.Repository}}:{{.Tag}}' localhost/floe-base 2>/dev/null); do
  case "$old" in *"-$hash") ;; *) pm rmi "$old" >/dev/null 2>&1 || true ;; esac
done
for old in "$FLOE_BASE_CACHE"/*/; do
  [ -d "$old" ] && [ "$(basename "$old")" != "$hash" ] && rm -rf "$old"
done
pm run --rm --network host "${PM_LIMITS[@]}" "$jre_image" java -version >/dev/null 2>&1 \
  || die "the local JRE base image does not run java (podman run $jre_image java -version)"
echo "$jre_image $jdk_image"
