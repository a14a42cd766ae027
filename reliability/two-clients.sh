#!/usr/bin/env bash
# Issue 19, item 4: one light client beside one heavy client, against the server of this working
# tree and, when BEFORE_JAR is given, against an older build in the same run. Not part of any build.
#
#   reliability/two-clients.sh [SECONDS]
#
# Knobs (environment):
#   CORPUS [../shared/corpus without hostile/]   INDEX [/tmp/stdsearch-reliability/index]: built once
#   BEFORE_JAR  a stdsearch.jar (with its lib/ beside it) to measure the same way first
#   HEAVY_RATE [15]  heavy searches per second    PORT [18190]    BUILD [1]
# The light client queries bench/real-queries.tsv one at a time from 127.0.0.2; the heavy client
# sends from 127.0.0.1 at HEAVY_RATE whether or not its earlier searches have answered.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
SECONDS_EACH="${1:-60}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
DATA="${DATA:-/tmp/stdsearch-reliability}"
CORPUS="${CORPUS:-$DATA/corpus}"
INDEX="${INDEX:-$DATA/index}"
PORT="${PORT:-18190}"
RATE="${HEAVY_RATE:-15}"
JAR="$ROOT/search-api/target/stdsearch.jar"
# The JVM options of the launcher (search-api/src/main/dist/stdsearch), for both builds alike.
SERVER_OPTS="${SERVER_OPTS:--Xms64m -Xmx1g -XX:+UseParallelGC}"
mkdir -p "$DATA"

if [ "${BUILD:-1}" = 1 ]; then
  (cd "$ROOT" && ./mvnw -q -B -Pbench -pl bench -am package -DskipTests) || { echo "build failed"; exit 1; }
fi
CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"
if [ ! -d "$CORPUS" ]; then
  mkdir -p "$CORPUS"
  for d in "$ROOT/../shared/corpus"/*/; do
    [ "$(basename "$d")" = hostile ] || cp -r "$d" "$CORPUS/"
  done
fi
if [ ! -d "$INDEX" ]; then
  "$JAVA" -Xmx1g -jar "$JAR" index --docs "$CORPUS" --index "$INDEX" --workers 2 --ocr off > "$DATA/index.log" 2>&1
fi

SERVER=""
cleanup() { [ -n "$SERVER" ] && kill -TERM "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT

measure() { # name jar
  local name="$1" jar="$2"
  STDSEARCH_WATCH_INTERVAL=0 STDSEARCH_OCR=off "$JAVA" $SERVER_OPTS --add-modules jdk.incubator.vector -jar "$jar" serve --docs "$CORPUS" --index "$INDEX" \
    --port "$PORT" > "$DATA/server-$name.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/ready" > /dev/null && break; sleep 1; done
  echo "== $name ($(git -C "$ROOT" rev-parse --short HEAD)); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" -cp "$CP" org.stdsearch.reliability.TwoClients "http://127.0.0.1:$PORT/" "$ROOT/bench/real-queries.tsv" \
    "$SECONDS_EACH" "$RATE" || true
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); server RSS: $(ps -o rss= -p "$SERVER" | awk '{printf "%.0f MB", $1/1024}')"
  kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
}

[ -n "${BEFORE_JAR:-}" ] && measure before "$BEFORE_JAR"
measure after "$JAR"
