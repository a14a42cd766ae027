#!/usr/bin/env bash
# stdsearch next to Solr 9.10.1 on the same synthetic standards (issue 16), in one command:
# end-to-end indexing, index size, and QPS with p50/p99 at 1, 4 and 8 connections, like for like
# (the peer's own queries.tsv with `snippets=0&facets=field`) and as shipped (the same queries
# with our defaults: 3 passages per hit, facets field and year, glossary expansion).
#
#   bench/side-by-side.sh [N...]                 (default: 10000 100000)
#
# Per corpus size and round, alternating so that the machine's noise hits both sides:
#   ours: fresh index (--workers 2), size;  Solr: run-peer.sh (Tika 2 threads + /update, size,
#   load at each connection count);  ours: server on the index, the same load, like for like and
#   as shipped, server CPU per request.  Odd and even rounds put the two sides in opposite order.
# Every jar folder in SBS_JARS (stdsearch.jar + lib/) runs in each round, one after the other:
# an A/B of two builds is SBS_JARS="/tmp/old /tmp/new" (each folder a copy of search-api/target).
#
# Knobs (environment, defaults in brackets):
#   SBS_ROUNDS [2]            rounds per corpus size (100,000: use 1; a round takes about an hour here)
#   SBS_JARS [search-api/target]   jar folders to compare, in order
#   SBS_CONNS ["1 4 8"]  SBS_REQS [5000]  SBS_WARM [2000]  SBS_DUR [60]   wrk settings (per run)
#   SBS_SOLR [1]  Solr peer    SBS_INDEX [1]  index afresh (0: reuse $DATA/sbs-idx-* if present)
#   SBS_JFR [0]   1: JFR (settings=profile) of our indexing run, its extraction workers included
#                 (jfr-index-*/, one recording per JVM: bench/jfr-stages.py DIR/*.jfr), and of the server
#   BENCH_DATA [/tmp/stdsearch-bench]  corpora, indexes, results   SBS_PORT [18080]  SOLR_PORT [18983]
#   SBS_BUILD [1]  build the jar first (only when SBS_JARS is not given)
#   SBS_QUERIES  a queries.tsv to use before (or without) Solr's: SBS_SOLR=0 needs it
#   SBS_SERVER_OPTS  our server's JVM options [the launcher's: search-api/src/main/dist/stdsearch]
#   SBS_PEER_EXTRACT_HEAP  heap of the peer's Tika extraction client [its own 2g below 30,000
#                 standards, 14g from 30,000]: that client keeps every extracted document until it
#                 ends, and 2g runs out near 40,000 synthetic standards. Only that JVM's -Xmx changes
#                 (through a `java` wrapper handed to run-peer.sh); Solr's own heap stays PEER_HEAP.
# Results: $DATA/sbs-<time>/run.log (grep-able INDEX, INDEX_SIZE, LOAD, SOLR_* lines) and
# summary.md (bench/sbs-summary.py). Load goes to 127.0.0.1 only; each wrk run is bounded in
# requests and seconds (../shared/peers/load.lua, one wrk thread, as the peers are measured).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
. "$HERE/env.sh"
DATA="${BENCH_DATA:-/tmp/stdsearch-bench}"
PEERS="${BENCH_PEERS:-$ROOT/../shared/peers}"
PORT="${SBS_PORT:-18080}"
SOLR_PORT="${SOLR_PORT:-18983}"
NS="${*:-10000 100000}"
ROUNDS="${SBS_ROUNDS:-2}"
CONNS="${SBS_CONNS:-1 4 8}"
REQS="${SBS_REQS:-5000}"; WARM="${SBS_WARM:-2000}"; DUR="${SBS_DUR:-60}"
JFR="${SBS_JFR:-0}"
# Our server runs with the JVM options of the launcher users start it with; every build alike.
SERVER_OPTS="${SBS_SERVER_OPTS:-$(launcher_opts)}"
if [ -z "${SBS_JARS:-}" ]; then
  if [ "${SBS_BUILD:-1}" = 1 ]; then
    (cd "$ROOT" && ./mvnw -q -B -pl search-api -am package -DskipTests) || { echo "build failed"; exit 1; }
  fi
  SBS_JARS="$ROOT/search-api/target"
fi
OUT="$DATA/sbs-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
exec > >(tee "$OUT/run.log") 2>&1
load() { cut -d' ' -f1 /proc/loadavg; }

SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && { kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }; }
trap cleanup EXIT

{
  echo "date: $(date -Is)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') x $(nproc); memory: $(free -g | awk '/Mem:/{print $2" GB"}')"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo n/a)"
  for J in $SBS_JARS; do echo "jar: $J ($(unzip -p "$J/stdsearch.jar" META-INF/MANIFEST.MF 2>/dev/null | sed -n 's/^Implementation-Version: //p' | tr -d '\r'))"; done
  echo "sizes: $NS  rounds: $ROUNDS  conns: $CONNS  requests: $REQS (warm-up $WARM, at most ${DUR}s)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/env.txt"

tag_of() { basename "$(dirname "$1")" | sed 's/[^A-Za-z0-9_.-]/_/g'; } # a jar folder's label
jar_tag() { local t; t=$(basename "$1"); [ "$t" = target ] && t=$(tag_of "$1"); echo "$t"; }

# ---- ours: index
index_ours() { # corpus jar-folder round
  local D="$DATA/$1" J="$2" T; T=$(jar_tag "$2")
  local I="$DATA/sbs-idx-$1-$T" R="$OUT/index-$1-$T-r$3.json" L0 jfr=""
  if [ "${SBS_INDEX:-1}" = 0 ] && [ -d "$I" ]; then return 0; fi
  rm -rf "$I"; L0=$(load)
  # JAVA_TOOL_OPTIONS reaches the extraction workers too (JVMs of their own): one recording per
  # process in the folder; JFR's start-up lines would go to a worker's protocol channel, so off.
  [ "$JFR" = 1 ] && { mkdir -p "$OUT/jfr-index-$1-$T-r$3"
    jfr="-Xlog:jfr+startup=off -XX:StartFlightRecording=filename=$OUT/jfr-index-$1-$T-r$3/,settings=profile,dumponexit=true"; }
  JAVA_TOOL_OPTIONS="$jfr" /usr/bin/time -f "%e %M" -o "$OUT/time-$1-$T-r$3.txt" \
    "$JAVA" $JFLAGS -jar "$J/stdsearch.jar" index --docs "$D" --index "$I" --workers 2 --ocr off --report "$R" \
    >"$OUT/index-$1-$T-r$3.out" 2>&1 || { echo "INDEX_FAILED corpus=$1 jar=$T round=$3"; tail -5 "$OUT/index-$1-$T-r$3.out"; return 0; }
  python3 - "$R" "$1" "$T" "$3" "$L0" "$(load)" "$(du -sb "$I" | cut -f1)" "$(cat "$OUT/time-$1-$T-r$3.txt")" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["report"]
wall, rss = sys.argv[8].split()
print("INDEX corpus=%s jar=%s round=%s docs=%d time=%.1fs docs/s=%.1f wall=%ss extract_s=%.1f index_s=%.1f index_bytes=%s index_mb=%.0f rss_kb=%s load=%s..%s" % (
    sys.argv[2], sys.argv[3], sys.argv[4], r["indexed"], r["seconds"], r["indexed"] / r["seconds"], wall,
    r["extract_seconds"], r["index_seconds"], sys.argv[7], int(sys.argv[7]) / 1e6, rss, sys.argv[5], sys.argv[6]))
EOF
}

# ---- ours: server and load
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
wrk_run() { # label conns reqfile
  wrk -t1 -c"$2" -d"$DUR"s --timeout 10s -s "$PEERS/load.lua" "http://127.0.0.1:$PORT" -- "$3" "$WARM" 1 >/dev/null 2>&1 || true
  local L0 C0 C1 N; L0=$(load); C0=$(cpu_ticks "$SERVER_PID")
  wrk -t1 -c"$2" -d"$DUR"s --timeout 10s -s "$PEERS/load.lua" "http://127.0.0.1:$PORT" -- "$3" "$REQS" 1 >"$OUT/wrk-$1-c$2.out" 2>&1 || true
  C1=$(cpu_ticks "$SERVER_PID"); N=$(sed -n 's/^LOAD requests=\([0-9]*\).*/\1/p' "$OUT/wrk-$1-c$2.out")
  grep '^FIRST_ERROR' "$OUT/wrk-$1-c$2.out" || true
  sed -n "s/^LOAD /LOAD $1 conns=$2 load=$L0 cpu_ms_per_req=$(awk -v a="$C0" -v b="$C1" -v n="${N:-0}" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", n ? (b-a)*1000/hz/n : 0}') /p" "$OUT/wrk-$1-c$2.out"
}
start_server() { # corpus jar-folder [jfr-file]
  local T extra=""; T=$(jar_tag "$2")
  [ -n "${3:-}" ] && extra="-XX:StartFlightRecording=filename=$3,settings=profile"
  "$JAVA" $JFLAGS $SERVER_OPTS $extra -jar "$2/stdsearch.jar" serve --docs "$DATA/$1" --index "$DATA/sbs-idx-$1-$T" \
    --port "$PORT" --workers 2 >"$OUT/serve-$1-$T.out" 2>"$OUT/serve-$1-$T.err" &
  SERVER_PID=$!
  for _ in $(seq 1 2400); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/search?q=protocol&size=10" || true)" = 200 ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died"; tail -20 "$OUT/serve-$1-$T.err"; return 1; }
    sleep 0.05
  done
  # the server re-checks the folder after opening the index: measure after that pass
  for _ in $(seq 1 2400); do grep -q '^files seen' "$OUT/serve-$1-$T.out" && break; sleep 0.5; done
}
stop_server() { kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
requests() { # queries.tsv (q<TAB>from<TAB>to) -> like-for-like and as-shipped request files
  python3 - "$1" "$2" "$3" <<'EOF'
import sys, urllib.parse
src, like, shipped = sys.argv[1:4]
with open(like, "w") as a, open(shipped, "w") as b:
    for line in open(src, encoding="utf-8"):
        q, lo, hi = line.rstrip("\n").split("\t")
        base = [("q", q), ("year_from", lo), ("year_to", hi), ("size", "10")]
        a.write("GET\t/api/v1/search?" + urllib.parse.urlencode(base + [("facets", "field"), ("snippets", "0")]) + "\n")
        b.write("GET\t/api/v1/search?" + urllib.parse.urlencode(base) + "\n")
EOF
}
query_ours() { # corpus jar-folder round queries.tsv
  local T jfr=""; T=$(jar_tag "$2")
  [ -d "$DATA/sbs-idx-$1-$T" ] || return 0
  requests "$4" "$OUT/like-$1.req" "$OUT/shipped-$1.req"
  [ "$JFR" = 1 ] && jfr="$OUT/serve-$1-$T-r$3.jfr"
  start_server "$1" "$2" "$jfr" || return 0
  for K in $CONNS; do wrk_run "ours-like corpus=$1 jar=$T round=$3" "$K" "$OUT/like-$1.req"; done
  for K in $CONNS; do wrk_run "ours-shipped corpus=$1 jar=$T round=$3" "$K" "$OUT/shipped-$1.req"; done
  echo "MEMORY corpus=$1 jar=$T round=$3 rss_now=$(awk '/VmRSS/{printf "%.0fMB", $2/1024}' /proc/$SERVER_PID/status) rss_peak=$(awk '/VmHWM/{printf "%.0fMB", $2/1024}' /proc/$SERVER_PID/status)"
  stop_server
}

# ---- Solr: the peers' own script (extraction, indexing, size, load)
solr() { # corpus round
  local W="$OUT/solr-$1-r$2"
  # No OCR on either side: the peer's Tika would OCR scans when tesseract is on PATH.
  local NOTESS="$OUT/no-tesseract"; mkdir -p "$NOTESS"
  printf '#!/bin/sh\nexit 1\n' >"$NOTESS/tesseract"; chmod +x "$NOTESS/tesseract"
  local heap="${SBS_PEER_EXTRACT_HEAP:-}" java="$JAVA"
  [ -z "$heap" ] && [ "${1#syn}" -ge 30000 ] 2>/dev/null && heap=14g
  if [ -n "$heap" ]; then
    java="$OUT/peer-java"
    cat >"$java" <<EOF
#!/usr/bin/env bash
# java for run-peer.sh: the peer's extraction client (peers.PeerTool extract) gets -Xmx$heap
args=(); extract=0
for a in "\$@"; do [ "\$a" = extract ] && extract=1; done
for a in "\$@"; do
  if [ \$extract = 1 ] && [ "\${a#-Xmx}" != "\$a" ]; then args+=("-Xmx$heap"); else args+=("\$a"); fi
done
exec "$JAVA" "\${args[@]}"
EOF
    chmod +x "$java"
  fi
  JAVA="$java" PATH="$NOTESS:$PATH" PEER_WORK="$W" PEER_PORT="$SOLR_PORT" PEER_BUILD="$DATA/peer-build" PEER_CONNS="$CONNS" \
    PEER_MAXREQ="$REQS" PEER_WARMREQ="$WARM" PEER_MAXDUR="$DUR" "$PEERS/run-peer.sh" "$DATA/$1" solr >"$W.txt" 2>&1 || true
  # a peer that failed (its extraction out of memory, say) leaves no summary: say so and go on
  grep -E '^(INDEXING_SUMMARY|INDEX_SIZE|LOAD|MEMORY|EXTRACT |FIRST_ERROR)' "$W.txt" | sed "s/^/SOLR corpus=$1 round=$2 /" \
    || { echo "SOLR_FAILED corpus=$1 round=$2 (log: $W.txt)"; tail -3 "$W/extract.err" 2>/dev/null || true; }
  [ -f "$W/queries.tsv" ] && cp "$W/queries.tsv" "$OUT/queries-$1.tsv"
  # the peer's index and extracted text are large at 100,000: keep only the logs
  rm -rf "$W/home" "$W/extract.jsonl"
}

for N in $NS; do
  C="syn$N"
  if [ ! -f "$DATA/$C.done" ]; then
    rm -rf "${DATA:?}/$C"; python3 "$HERE/gen-standards.py" "$DATA/$C" "$N" 7 | tee "$OUT/gen-$N.txt"; touch "$DATA/$C.done"
  fi
  [ -n "${SBS_QUERIES:-}" ] && cp "$SBS_QUERIES" "$OUT/queries-$C.tsv"
  for R in $(seq 1 "$ROUNDS"); do
    echo "== $C round $R  (load $(load))"
    # odd rounds: ours indexes, Solr, ours answers; even rounds: ours answers (on the last round's
    # index), Solr, ours indexes. So each side goes first once in indexing and once in queries.
    if [ $((R % 2)) = 1 ]; then
      for J in $SBS_JARS; do index_ours "$C" "$J" "$R"; done
      if [ "${SBS_SOLR:-1}" = 1 ]; then solr "$C" "$R"; fi
      for J in $SBS_JARS; do [ -f "$OUT/queries-$C.tsv" ] && query_ours "$C" "$J" "$R" "$OUT/queries-$C.tsv"; done
    else
      for J in $SBS_JARS; do [ -f "$OUT/queries-$C.tsv" ] && query_ours "$C" "$J" "$R" "$OUT/queries-$C.tsv"; done
      if [ "${SBS_SOLR:-1}" = 1 ]; then solr "$C" "$R"; fi
      for J in $SBS_JARS; do index_ours "$C" "$J" "$R"; done
    fi
  done
done
echo "== load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/env.txt"
python3 "$HERE/sbs-summary.py" "$OUT" >"$OUT/summary.md" && echo "summary: $OUT/summary.md"
