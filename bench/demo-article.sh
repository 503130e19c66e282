#!/bin/bash
# Render benchmark on a demo article page (issue 3): ./floe demo on its embedded defaults, wrk as the anchor runs it.
set -euo pipefail
J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
D=$(mktemp -d); PORT=18177
FLOE_VAR_DIR=$D/var PORT=$PORT $J --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmx512m -jar ${FLOE_JAR:-target/floe.jar} demo > $D/log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf $D' EXIT
for i in $(seq 1 600); do grep -q "Floe is running" $D/log && break; sleep 0.1; done
URL=$(curl -s http://127.0.0.1:$PORT/news/ | grep -o 'href="/news/[a-z0-9-]*/"' | head -1 | sed 's/href="//;s/"$//')
echo "page: $URL $(curl -s http://127.0.0.1:$PORT$URL | wc -c) bytes"
wrk -t2 -c32 -d3s http://127.0.0.1:$PORT$URL > /dev/null
T0=$(awk '{print $14+$15}' /proc/$PID/stat)
wrk -t2 -c32 -d10s --latency http://127.0.0.1:$PORT$URL | tee $D/wrk.txt | grep -E "Requests/sec|50%|99%"
T1=$(awk '{print $14+$15}' /proc/$PID/stat)
REQ=$(grep -oE "^ +[0-9]+ requests" $D/wrk.txt | awk '{print $1}')
echo "server CPU ms/request: $(python3 -c "print(round(($T1-$T0)*10/$REQ,3))")"
echo "RSS after load: $(awk '/VmRSS/{print int($2/1024)" MiB"}' /proc/$PID/status)"
