#!/usr/bin/env bash
# The benchmarks of issue 7, end to end, in one command. Not part of any build or test suite.
#
#   bench/run.sh [--quick]
#
# Steps (each prints grep-able lines; everything lands in $OUT, and $OUT/summary.md has the tables):
#   1. build the jar and the bench module (-Pbench)         6. HTTP: startup to first answer, wrk at
#   2. generate the synthetic corpora (seeded)                 c=1,8,32,64 on a mixed query list, once
#   3. per corpus, REPEATS times, interleaved: `index` with     while an index run competes; heap, RSS
#      1 and 2 workers, Tika-only with 1 and 2 workers;     7. Solr 9.10.1 peer (../shared/peers/run-peer.sh)
#      pdftotext on the PDFs                                    and our server on the same queries.tsv
#   4. index size against text size                            with the same wrk settings (c=1,4)
#   5. JMH: service vs raw-Lucene floor, suggest;           8. summary.md (bench/summarize.py)
#      KindCost: the service's cost per query kind
#
# Knobs (environment; --quick lowers the defaults in brackets):
#   BENCH_N ["1000 10000"; quick "200"]   synthetic sizes      BENCH_REPEATS [3; quick 1]
#   BENCH_REAL_REPEATS [BENCH_REPEATS]  indexing repeats on the real corpus (slow: PDFs)
#   BENCH_REAL_WORKERS ["1 2"]  worker counts measured on the real corpus
#   BENCH_REAL [1]  real corpus (../shared/corpus without hostile/)   BENCH_SOLR [1]  Solr peer
#   BENCH_DATA [/tmp/stdsearch-bench]  corpora, indexes, results     BENCH_PORT [18080]
#   BENCH_SYN_WORKERS ["1 2"]  worker counts measured on the synthetic corpora (the server uses 2)
#   BENCH_TIKA [1]  Tika-only baselines (at 100,000 they take as long as indexing itself)
#   BENCH_BUILD [1]  BENCH_JFR [1] (profile the server during c=8)   JAVA_HOME [temurin 25]
# At scale, e.g. 100,000 synthetic standards only (about two hours on 2 cores):
#   BENCH_N=100000 BENCH_REPEATS=1 BENCH_REAL=0 BENCH_SOLR=0 BENCH_TIKA=0 BENCH_SYN_WORKERS=2 bench/run.sh --quick
# Load goes to 127.0.0.1 only; every wrk run is bounded in requests and seconds.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
. "$HERE/env.sh"
DATA="${BENCH_DATA:-/tmp/stdsearch-bench}"
PEERS="${BENCH_PEERS:-$ROOT/../shared/peers}"
CORPUS="${BENCH_CORPUS:-$ROOT/../shared/corpus}"
PORT="${BENCH_PORT:-18080}"
if [ $QUICK = 1 ]; then
  NS="${BENCH_N:-200}"; REPEATS="${BENCH_REPEATS:-1}"
  JMH_OPTS="-f 1 -wi 2 -w 2s -i 3 -r 2s"; JMH_KINDS="${BENCH_KINDS:-mixed,zh,id}"
  WARM=300; REQS=1000; DUR=20
else
  NS="${BENCH_N:-1000 10000}"; REPEATS="${BENCH_REPEATS:-3}"
  JMH_OPTS="-f 1 -wi 3 -w 3s -i 5 -r 3s"; JMH_KINDS="${BENCH_KINDS:-mixed,en1,en2,zh,id,phrase}"
  WARM=2000; REQS=5000; DUR=60
fi
CONNS="1 8 32 64"
JAR="$ROOT/search-api/target/stdsearch.jar"
BENCH_CP() { echo "$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"; }
OUT="$DATA/results-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
exec > >(tee "$OUT/run.log") 2>&1
load() { cut -d' ' -f1-3 /proc/loadavg; }
say() { echo "$*"; }

SERVER_PID=""; BG_PID=""
cleanup() {
  for p in $BG_PID $SERVER_PID; do kill -TERM "$p" 2>/dev/null || true; done
  for p in $BG_PID $SERVER_PID; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

# ---- 0. machine
{
  echo "date: $(date -Is)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') x $(nproc)"
  echo "memory: $(free -g | awk '/Mem:/{print $2" GB"}')"
  echo "java: $("$JAVA" -version 2>&1 | head -1)"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo n/a) (working tree as built)"
  echo "load average at start: $(load)"
  echo "mode: quick=$QUICK N=[$NS] repeats=$REPEATS"
} | tee "$OUT/env.txt"

# ---- 1. build
if [ "${BENCH_BUILD:-1}" = 1 ]; then
  (cd "$ROOT" && ./mvnw -q -B -Pbench -pl bench -am package -DskipTests) || { echo "build failed"; exit 1; }
fi

# ---- 2. corpora
CORPORA=()
for N in $NS; do
  D="$DATA/syn$N"
  if [ ! -f "$D.done" ]; then
    rm -rf "$D"; python3 "$HERE/gen-standards.py" "$D" "$N" 7 | tee "$OUT/gen-$N.txt"; touch "$D.done"
  fi
  CORPORA+=("syn$N")
done
if [ "${BENCH_REAL:-1}" = 1 ] && [ -d "$CORPUS" ]; then
  # copies, not links: the indexer refuses links leading out of the docs folder
  if [ ! -f "$DATA/real.done" ]; then
    rm -rf "$DATA/real"; mkdir -p "$DATA/real"
    for d in cn intl w3c rfc sts; do cp -rL "$CORPUS/$d" "$DATA/real/"; done; touch "$DATA/real.done"
  fi
  cp "$HERE/real-queries.tsv" "$DATA/real.queries.tsv"
  CORPORA+=("real")
fi

# ---- 3./4. indexing: ours, Tika-only, pdftotext
index_run() { # corpus workers rep
  local D="$DATA/$1" I="$DATA/idx-$1-w$2" R="$OUT/index-$1-w$2-r$3.json"
  local L0 try
  for try in 1 2 3; do
    rm -rf "$I"; L0=$(load)
    /usr/bin/time -f "%e %M" -o "$OUT/time-$1-w$2-r$3.txt" \
      "$JAVA" $JFLAGS -jar "$JAR" index --docs "$D" --index "$I" --workers "$2" --ocr off --report "$R" >"$OUT/index-$1-w$2-r$3.out" 2>&1 && break
    # a failed run is a finding, not noise: keep its log and say why, then retry
    cp "$OUT/index-$1-w$2-r$3.out" "$OUT/index-$1-w$2-r$3-failed$try.out"
    echo "INDEX_FAILED corpus=$1 workers=$2 rep=$3 try=$try: $(grep -E 'ERROR|error:' "$OUT/index-$1-w$2-r$3.out" | head -2 | tr '\n' ' ')"
  done
  [ -f "$R" ] || return 0
  python3 - "$R" "$1" "$2" "$3" "$L0" "$(load)" "$(du -sb "$I" | cut -f1)" "$(cut -d' ' -f2 "$OUT/time-$1-w$2-r$3.txt")" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["report"]
print("INDEX corpus=%s workers=%s rep=%s docs=%d bytes=%d time=%.1fs docs/s=%.2f MB/s=%.3f extract_s=%.1f index_s=%.1f index_bytes=%s rss_kb=%s load=%s..%s status=%s" % (
    sys.argv[2], sys.argv[3], sys.argv[4], r["indexed"], r["bytes"], r["seconds"], r["indexed"] / r["seconds"],
    r["bytes"] / 1e6 / r["seconds"], r["extract_seconds"], r["index_seconds"], sys.argv[7], sys.argv[8],
    sys.argv[5].split()[0], sys.argv[6].split()[0], json.dumps(r["per_status"], separators=(",", ":"))))
EOF
}
tika_run() { # corpus workers rep
  local L0; L0=$(load)
  "$JAVA" $JFLAGS -cp "$(BENCH_CP)" org.stdsearch.index.TikaOnlyExtraction "$DATA/$1" "$2" 2>"$OUT/tika-$1-w$2-r$3.err" \
    | sed "s/^TIKA_ONLY /TIKA_ONLY corpus=$1 rep=$3 load=${L0%% *}..$(load | cut -d' ' -f1) /"
}
for C in "${CORPORA[@]}"; do
  say "== indexing $C  (load $(load))"
  [ -n "$(find "$DATA/$C" -iname '*.pdf' -print -quit)" ] && "$PEERS/pdftotext-bench.sh" "$DATA/$C" | sed "s/^PDFTOTEXT /PDFTOTEXT corpus=$C /"
  R=$REPEATS; [ "$C" = real ] && R="${BENCH_REAL_REPEATS:-$REPEATS}"
  for rep in $(seq 1 "$R"); do
    for W in $( [ "$C" = real ] && echo "${BENCH_REAL_WORKERS:-1 2}" || echo "${BENCH_SYN_WORKERS:-1 2}"); do
      index_run "$C" "$W" "$rep"
      if [ "${BENCH_TIKA:-1}" = 1 ]; then tika_run "$C" "$W" "$rep"; fi
    done
  done
done

# ---- 5. JMH in process
for C in "${CORPORA[@]}"; do
  say "== JMH $C  (load $(load))"
  "$JAVA" $JFLAGS -cp "$(BENCH_CP)" org.openjdk.jmh.Main 'QueryBenchmark' $JMH_OPTS -p kind="$JMH_KINDS" \
    -jvmArgsAppend "$JFLAGS -Xmx1g -Dbench.index=$DATA/idx-$C-w2 -Dbench.queries=$DATA/$C.queries.tsv" \
    -rf json -rff "$OUT/jmh-$C.json" >"$OUT/jmh-$C.txt" 2>&1 || echo "JMH failed: see $OUT/jmh-$C.txt"
  grep -E '^(Benchmark|QueryBenchmark)' "$OUT/jmh-$C.txt" | grep -v 'p0\.[0-8]' | grep -v 'p0\.9999\|p1\.00' || true
  # the service's cost per query kind, single-threaded (which kind costs what)
  "$JAVA" $JFLAGS -Xmx1g -cp "$(BENCH_CP)" org.stdsearch.search.lucene.KindCost "$DATA/idx-$C-w2" "$DATA/$C.queries.tsv" 3 \
    2>/dev/null | sed "s/^KIND_COST /KIND_COST corpus=$C /" || echo "KindCost failed on $C"
done

# ---- 6./7. HTTP
urlenc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$1"; }
our_requests() { # queries.tsv (kind<TAB>q) -> wrk request lines: facets field,year; snippets on
  python3 - "$1" >"$2" <<'EOF'
import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"):
    kind, q = line.rstrip("\n").split("\t", 1)
    print("GET\t/api/v1/search?" + urllib.parse.urlencode([("q", q), ("facets", "field,year"), ("size", "10")]))
EOF
}
peer_requests() { # peers' queries.tsv (q<TAB>from<TAB>to) -> ours, as the peers ask: facet on field, year range
  python3 - "$1" >"$2" <<'EOF'
import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"):
    q, a, b = line.rstrip("\n").split("\t")
    print("GET\t/api/v1/search?" + urllib.parse.urlencode(
        [("q", q), ("year_from", a), ("year_to", b), ("facets", "field"), ("size", "10")]))
EOF
}
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; } # user+system clock ticks of a process
wrk_run() { # tag conns reqfile warm max dur
  wrk -t1 -c"$2" -d"$6"s --timeout 10s -s "$PEERS/load.lua" "http://127.0.0.1:$PORT" -- "$3" "$4" 1 >/dev/null 2>&1 || true
  local L0 C0 C1 N; L0=$(load); C0=$(cpu_ticks "$SERVER_PID")
  wrk -t1 -c"$2" -d"$6"s --timeout 10s -s "$PEERS/load.lua" "http://127.0.0.1:$PORT" -- "$3" "$5" 1 >"$OUT/wrk-$1-c$2.out" 2>&1 || true
  C1=$(cpu_ticks "$SERVER_PID"); N=$(sed -n 's/^LOAD requests=\([0-9]*\).*/\1/p' "$OUT/wrk-$1-c$2.out")
  grep '^FIRST_ERROR' "$OUT/wrk-$1-c$2.out" || true
  # server CPU per request: what a request costs, far less sensitive to the machine's load than latency
  sed -n "s/^LOAD /LOAD $1 conns=$2 load=${L0%% *} cpu_ms_per_req=$(awk -v a="$C0" -v b="$C1" -v n="${N:-0}" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", n ? (b-a)*1000/hz/n : 0}') /p" "$OUT/wrk-$1-c$2.out"
}
start_server() { # corpus [jfr-file [delay]]; STARTUP_FLAGS adds JVM flags (the CDS archive run)
  local extra="${STARTUP_FLAGS:-}"
  [ -n "${2:-}" ] && extra="$extra -XX:StartFlightRecording=filename=$2,settings=profile,delay=${3:-0}s"
  local T0; T0=$(date +%s.%N)
  "$JAVA" $JFLAGS -Xmx1g $extra -jar "$JAR" serve --docs "$DATA/$1" --index "$DATA/idx-$1-w2" --port "$PORT" --workers 2 \
    >"$OUT/serve-$1.out" 2>"$OUT/serve-$1.err" &
  SERVER_PID=$!
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/search?q=protocol&size=10" || true)" = 200 ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died"; tail -20 "$OUT/serve-$1.err"; return 1; }
    sleep 0.05
  done
  printf 'STARTUP corpus=%s%s first_answer=%.2fs load=%s\n' "$1" "${STARTUP_TAG:-}" "$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')" "$(load | cut -d' ' -f1)"
  # the server re-checks the folder in the background after opening the index: wait for that pass
  for _ in $(seq 1 1200); do grep -q '^files seen' "$OUT/serve-$1.out" && break; sleep 0.5; done
}
stop_server() {
  kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}
memory() { # corpus
  local live
  live=$( ("$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >/dev/null && "$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info) 2>/dev/null \
    | sed -n 's/.*heap.*, used \([0-9]*\)K.*/\1/p' | head -1)
  echo "MEMORY corpus=$1 heap_used_after_gc=$(awk -v k="${live:-0}" 'BEGIN{printf "%.0fMB", k/1024}') rss_now=$(awk '/VmRSS/{printf "%.0fMB", $2/1024}' /proc/$SERVER_PID/status) rss_peak=$(awk '/VmHWM/{printf "%.0fMB", $2/1024}' /proc/$SERVER_PID/status) heap_max=1g"
}

for C in "${CORPORA[@]}"; do
  if [ "${BENCH_SOLR:-1}" = 1 ]; then
    say "== Solr peer on $C  (load $(load))"
    # the peer gets its own copy of the peer harness settings; symlinks are fine for it
    # The peers' README describes Tika without OCR (no tesseract on the machine); CI installs it,
    # and the peer's Tika would then OCR every scanned page with a 120 s timeout per file.
    NOTESS="$DATA/no-tesseract"; mkdir -p "$NOTESS"
    printf '#!/bin/sh\nexit 1\n' >"$NOTESS/tesseract"; chmod +x "$NOTESS/tesseract"
    PATH="$NOTESS:$PATH" PEER_WORK="$OUT/solr-$C" PEER_CONNS="1 4" PEER_MAXREQ=$REQS PEER_WARMREQ=$WARM PEER_MAXDUR=$DUR \
      "$PEERS/run-peer.sh" "$DATA/$C" solr 2>&1 | tee "$OUT/solr-$C.txt" | grep -E '^(STARTUP|INDEXING_SUMMARY|INDEX_SIZE|LOAD|MEMORY|EXTRACT |PDFTOTEXT|FIRST_ERROR|==)' || true
  fi
  say "== our server on $C  (load $(load))"
  # start-up, plain and with an application class-data archive (README: faster start-up); the
  # first CDS run writes the archive, the runs after it use it
  rm -f "$DATA/stdsearch-$C.jsa"
  for rep in $(seq 0 "$REPEATS"); do
    STARTUP_TAG="-cds" STARTUP_FLAGS="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$DATA/stdsearch-$C.jsa" \
      start_server "$C" >"$OUT/startup-cds.tmp"; stop_server
    [ "$rep" -gt 0 ] && cat "$OUT/startup-cds.tmp"
  done
  for rep in $(seq 1 "$REPEATS"); do
    start_server "$C"; [ "$rep" -lt "$REPEATS" ] && stop_server
  done
  our_requests "$DATA/$C.queries.tsv" "$OUT/ours-$C.req"
  for K in $CONNS; do wrk_run "ours-$C" "$K" "$OUT/ours-$C.req" "$WARM" "$REQS" "$DUR"; done
  memory "$C"
  if [ -f "$OUT/solr-$C/queries.tsv" ]; then
    peer_requests "$OUT/solr-$C/queries.tsv" "$OUT/peerq-$C.req"
    # Solr's handler returns fields without highlighting: ours once as it answers by default (3
    # highlighted passages per hit) and once without passages, like for like
    sed 's/$/\&snippets=0/' "$OUT/peerq-$C.req" >"$OUT/peerq-$C-nosnip.req"
    for K in 1 4; do wrk_run "peerq-$C" "$K" "$OUT/peerq-$C.req" "$WARM" "$REQS" "$DUR"; done
    for K in 1 4; do wrk_run "peerq-$C-nosnip" "$K" "$OUT/peerq-$C-nosnip.req" "$WARM" "$REQS" "$DUR"; done
  fi
  # queries while an index run competes for the two cores (a fresh index of the same folder)
  rm -rf "$DATA/idx-bg"
  "$JAVA" $JFLAGS -jar "$JAR" index --docs "$DATA/$C" --index "$DATA/idx-bg" --workers 2 --ocr off >"$OUT/index-bg-$C.out" 2>&1 &
  BG_PID=$!
  sleep 5
  wrk_run "ours-$C-while-indexing" 8 "$OUT/ours-$C.req" "$WARM" "$REQS" "$DUR"
  kill -TERM "$BG_PID" 2>/dev/null || true; wait "$BG_PID" 2>/dev/null || true; BG_PID=""
  stop_server
  if [ "${BENCH_JFR:-1}" = 1 ]; then
    # profile pass: c=8 on the mixed list with a JFR recording started after start-up
    start_server "$C" "$OUT/serve-$C.jfr" 1 >/dev/null
    wrk_run "ours-$C-jfr" 8 "$OUT/ours-$C.req" "$WARM" "$REQS" "$DUR" >/dev/null
    stop_server
    "$JAVA_HOME/bin/jfr" print --stack-depth 64 --events jdk.ExecutionSample "$OUT/serve-$C.jfr" >"$OUT/serve-$C.samples" 2>/dev/null || true
  fi
done

echo "== load average at end: $(load)" | tee -a "$OUT/env.txt"
python3 "$HERE/summarize.py" "$OUT" >"$OUT/summary.md"
echo "summary: $OUT/summary.md"
