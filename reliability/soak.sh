#!/usr/bin/env bash
# Issue 19's soak: the server of this working tree, ten minutes on the real corpus under mixed load
# from 16 clients, a light client, a heavy client, a stalled-body attacker and a health probe,
# while files are added, changed, touched and deleted (org.stdsearch.reliability.Soak). Then the
# server is stopped and an incremental `index` run over the same folder and index must find
# nothing to do: the final index equals the folder. Not part of any build.
#
#   reliability/soak.sh [SECONDS]        (default 600)
#
# Knobs (environment): DATA [/tmp/stdsearch-reliability]  CORPUS [$DATA/corpus: ../shared/corpus
# without hostile/]  PORT [18191]  BUILD [1]. Figures go to stdout and $DATA/soak-*.log.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
LENGTH="${1:-600}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
DATA="${DATA:-/tmp/stdsearch-reliability}"
CORPUS="${CORPUS:-$DATA/corpus}"
PORT="${PORT:-18191}"
LAUNCHER="$ROOT/search-api/target/stdsearch"
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
# The index of the untouched corpus is built once; each soak works on fresh copies of both.
if [ ! -d "$DATA/index-base" ]; then
  "$LAUNCHER" index --docs "$CORPUS" --index "$DATA/index-base" --workers 2 --ocr off > "$DATA/index-base.log" 2>&1
fi
DOCS="$DATA/soak-docs"; INDEX="$DATA/soak-index"
rm -rf "$DOCS" "$INDEX"
cp -a "$CORPUS" "$DOCS"
cp -a "$DATA/index-base" "$INDEX"

SERVER=""; SAMPLER=""
cleanup() {
  [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "$SERVER" ] && kill -TERM "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
}
trap cleanup EXIT

cpu_seconds() { awk -v t="$(getconf CLK_TCK)" '{print ($14+$15)/t}' "/proc/$1/stat"; }

echo "== soak of $(git -C "$ROOT" rev-parse --short HEAD) for $LENGTH s on $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
STDSEARCH_OCR=off "$LAUNCHER" serve --docs "$DOCS" --index "$INDEX" --port "$PORT" > "$DATA/soak-server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/ready" > /dev/null && break; sleep 1; done
sleep 5 # the start-up pass over the unchanged folder
JPID=$(pgrep -P "$SERVER" java || echo "$SERVER")
CPU0=$(cpu_seconds "$JPID")
( while sleep 10; do
    echo "$(date +%T) rss_mb=$(ps -o rss= -p "$JPID" | awk '{printf "%.0f", $1/1024}') load=$(cut -d' ' -f1 /proc/loadavg)"
  done > "$DATA/soak-samples.log" ) &
SAMPLER=$!

STATUS=0
"$JAVA" -cp "$CP" org.stdsearch.reliability.Soak "http://127.0.0.1:$PORT/" "$DOCS" "$ROOT/bench/real-queries.tsv" \
  "$LENGTH" | tee "$DATA/soak-clients.log" || STATUS=1

CPU1=$(cpu_seconds "$JPID")
kill "$SAMPLER"; SAMPLER=""
curl -s "http://127.0.0.1:$PORT/metrics" > "$DATA/soak-metrics.txt" || true
echo "server CPU during the soak: $(awk -v a="$CPU0" -v b="$CPU1" -v s="$LENGTH" 'BEGIN{printf "%.0f s (%.2f cores)", b-a, (b-a)/s}')"
echo "server RSS (MB) over the soak: $(awk -F'rss_mb=' '{split($2,a," "); print a[1]}' "$DATA/soak-samples.log" | sort -n | awk '{v[NR]=$1} END{printf "min %s, median %s, max %s", v[1], v[int((NR+1)/2)], v[NR]}')"
echo "load average (1 min) over the soak: $(awk -F'load=' '{print $2}' "$DATA/soak-samples.log" | sort -n | awk '{v[NR]=$1} END{printf "min %s, median %s, max %s", v[1], v[int((NR+1)/2)], v[NR]}')"
echo "server log: $(grep -c ' ERROR ' "$DATA/soak-server.log" || true) ERROR lines, $(grep -c ' WARN ' "$DATA/soak-server.log" || true) WARN lines"
echo "GC pauses: $(awk -F'[{} ]' '/^jvm_gc_pause_seconds_count/{n+=$NF} /^jvm_gc_pause_seconds_sum/{s+=$NF} /^jvm_gc_pause_seconds_max/{if($NF>m)m=$NF} END{printf "%d, %.1f s in all, longest %.0f ms", n, s, m*1000}' "$DATA/soak-metrics.txt"); of them for humongous allocations: $(awk -F'[{} ]' '/^jvm_gc_pause_seconds_count.*Humongous/{n+=$NF} END{print n+0}' "$DATA/soak-metrics.txt")"
kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""

# The final index equals the folder: an incremental run finds nothing to add, change or delete,
# and holds every supported file exactly once.
"$LAUNCHER" index --docs "$DOCS" --index "$INDEX" --workers 2 --ocr off --report "$DATA/soak-final.json" \
  > "$DATA/soak-final.log" 2>&1
python3 - "$DATA/soak-final.json" <<'PY' || STATUS=1
import json, sys
r = json.load(open(sys.argv[1]))["report"]
supported = r["files_seen"] - len(r["skipped"])
ok = r["indexed"] == 0 and r["deleted"] == 0 and r["documents_in_index"] == supported
print(f"final index against the folder: files {r['files_seen']}, supported {supported}, in the index "
      f"{r['documents_in_index']}, re-indexed {r['indexed']}, deleted {r['deleted']}: {'EQUAL' if ok else 'DIFFERENT'}")
sys.exit(0 if ok else 1)
PY
exit $STATUS
