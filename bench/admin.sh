#!/usr/bin/env bash
# Server time of each admin page-editing screen with 10,000 pages in the tree (issue 5's "< 100 ms" target).
#
#   bench/admin.sh [PAGES]
#
# Builds into target-bench-admin/ (offline), makes a fresh embedded database (or uses PostgreSQL when PG* is set),
# seeds PAGES published pages (default 10000) with scripts/SeedPages.java, adds some drafts, reviews, schedules and
# a binned page, starts `floe serve` on a free loopback port, signs in as an administrator, and fetches every screen
# 5 times to warm up, then 20 times. Prints, per screen, the median and 90th percentile of the time from sending
# the request to the first byte of the answer (curl's time_starttransfer - time_pretransfer: the server's time,
# on loopback). Everything it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh

pages="${1:-10000}"
build="${FLOE_BENCH_ADMIN_BUILD_DIR:-target-bench-admin}"
./mvnw -q -B -o -Dfloe.build.dir="$build" -DskipTests compile dependency:build-classpath \
  -Dmdep.outputFile="$build/classpath.txt" >&2
cp="$build/classes:$(cat "$build/classpath.txt")"
java="$JAVA_HOME/bin/java"
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

export BASE_SETTINGS_MODULE=test FLOE_VAR_DIR="$work/var"
floe() { "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" dev.floe.ops.Floe "$@"; }
floe migrate >/dev/null
"$java" -cp "$cp" scripts/SeedPages.java seed "$pages" >&2
echo "a long enough bench password" | floe createsuperuser --email bench@floe.test --password-stdin >/dev/null
api_token=$(floe createtoken --email bench@floe.test | tail -n 1)
# A small PNG and a one-page PDF for the media library's screens.
python3 - "$work" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
rows = b"".join(b"\x00" + b"".join(bytes([x * 8, y * 8, 128]) for x in range(32)) for y in range(32))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1] + "/bench.png", "wb").write(png)
objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
           b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
pdf, offsets = b"%PDF-1.4\n", []
for number, body in enumerate(objects, 1):
    offsets.append(len(pdf))
    pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(sys.argv[1] + "/bench.pdf", "wb").write(pdf)
PY
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PORT=$port SERVER_ADDRESS=127.0.0.1 "$java" -XX:+UseSerialGC -Xmx512m -cp "$cp" dev.floe.ops.Floe serve \
  >"$work/serve.log" 2>&1 &
server=$!
base="http://127.0.0.1:$port"
ready=""
for _ in $(seq 1 600); do
  curl -fsS "$base/-/health/ready" >/dev/null 2>&1 && { ready=yes; break; }
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; echo "bench/admin.sh: floe serve stopped" >&2; exit 1; }
  sleep 1
done
[ -n "$ready" ] || { tail -n 20 "$work/serve.log" >&2; echo "bench/admin.sh: floe serve was not ready after 600 s" >&2; exit 1; }

jar="$work/cookies"
csrf() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | awk 'NR == 1'; }
# Sign in through the admin's login form, as a browser does.
login_page=$(curl -fsS -c "$jar" -b "$jar" "$base/admin/login/")
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$(echo "$login_page" | csrf)" \
  --data-urlencode "email=bench@floe.test" --data-urlencode "password=a long enough bench password" "$base/admin/login/"
curl -fsS -o /dev/null -b "$jar" "$base/admin/" || { echo "bench/admin.sh: could not sign in" >&2; exit 1; }
token=$(curl -fsS -b "$jar" "$base/admin/pages/" | csrf)
post() { curl -fsS -o /dev/null -b "$jar" --data-urlencode "_csrf=$token" "$@"; }

home=$(curl -fsS "$base/api/v2/pages/?path=/" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
last=$(curl -fsS "$base/api/v2/pages/?path=/page-$pages/" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
middle=$(curl -fsS "$base/api/v2/pages/?path=/page-$((pages / 2))/" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
# Some state for the dashboard and filters: a draft in review, a schedule, a page in the bin.
post -d version=1 -d action=submit -d "title=Page $pages under review" -d layout=default "$base/admin/pages/$last/edit/"
post -d "goLiveAt=2099-01-01T09:00" "$base/admin/pages/$middle/schedule/"
post "$base/admin/pages/$((middle + 1))/delete/"
# Shared content for its screens; its delete confirmation lists the pages that place it.
shared=$(curl -fsS -o /dev/null -w '%{redirect_url}' -b "$jar" --data-urlencode "_csrf=$token" -d title=Notice \
  -d name=bench-notice -d slot.blocks=k -d b.k.type=text --data-urlencode "b.k.html=<p>Notice</p>" \
  "$base/admin/shared-content/new/" | sed -n 's|.*/admin/shared-content/\([0-9]*\)/$|\1|p')
[ -n "$shared" ] || { echo "bench/admin.sh: could not add shared content" >&2; exit 1; }
# An image and a document, placed with the shared content on one page among the many: the delete confirmations of
# all three must find that page.
json_id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
image=$(curl -fsS -H "Authorization: Bearer $api_token" -F "file=@$work/bench.png;type=image/png" -F title=Bench \
  "$base/api/v2/images/" | json_id)
document=$(curl -fsS -H "Authorization: Bearer $api_token" -F "file=@$work/bench.pdf;type=application/pdf" \
  "$base/api/v2/documents/" | json_id)
placing=$(curl -fsS "$base/api/v2/pages/?path=/page-2/" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $api_token" -H "Content-Type: application/json" \
  -d "{\"version\": 1, \"slots\": {\"main\": [{\"type\": \"shared_content\", \"value\": {\"shared_content\": $shared}},
      {\"type\": \"image\", \"value\": {\"image\": $image}}, {\"type\": \"file\", \"value\": {\"document\": $document}}]}}" \
  "$base/api/v2/pages/$placing/" || { echo "bench/admin.sh: could not place the media on /page-2/" >&2; exit 1; }

screens=(
  "/admin/"
  "/admin/pages/"
  "/admin/pages/$home/?offset=5000"
  "/admin/pages/?q=garden&status=live"
  "/admin/pages/?q=page-99"
  "/admin/pages/?status=in-review"
  "/admin/pages/?status=scheduled"
  "/admin/pages/?type=layout_page&status=changed"
  "/admin/pages/$last/edit/"
  "/admin/pages/$middle/revisions/"
  "/admin/pages/$middle/delete/"
  "/admin/pages/$middle/move/?q=page-1"
  "/admin/pages/add/$home/layout_page/"
  "/admin/pages/bin/"
  "/admin/pages/$middle/preview/"
  "/admin/pages/chooser/"
  "/admin/pages/chooser/?q=page-99"
  "/admin/shared-content/"
  "/admin/shared-content/$shared/"
  "/admin/shared-content/$shared/delete/"
  "/admin/media/images/$image/delete/"
  "/admin/media/documents/$document/delete/"
  "/admin/settings/"
  "/admin/settings/response-pages/404/"
)
printf 'Admin screens with %d pages (%s, %d cores, %s): server time in ms, median and p90 of 20 after 5 warm-up\n' \
  "$pages" "${PGHOST:+PostgreSQL $PGHOST}${PGHOST:-embedded H2}" "$(nproc)" "$(date -u +%Y-%m-%d)"
for screen in "${screens[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base$screen")
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$jar" "$base$screen"; done
  for _ in $(seq 1 20); do
    curl -s -o /dev/null -b "$jar" -w '%{time_pretransfer} %{time_starttransfer}\n' "$base$screen"
  done | awk '{ printf "%.2f\n", ($2 - $1) * 1000 }' | sort -n | awk -v s="$screen" -v st="$status" '{ t[NR] = $1 } END {
      printf "  %-48s %3s  median %6.1f  p90 %6.1f\n", s, st, t[int((NR + 1) / 2)], t[int(NR * 0.9)] }'
done
