#!/usr/bin/env bash
# The OpenSearch backend's benchmark (issue 17), end to end, in one command. Not part of any build
# or test suite.
#
#   bench/opensearch.sh [N]        (N synthetic standards, default 10000)
#
# Steps (each prints grep-able lines; everything lands in $OUT):
#   1. build the jar, the bench module and the test node's classpath
#   2. the synthetic corpus (bench/gen-standards.py, seed 7)
#   3. the OpenSearch peer (../shared/peers/run-peer.sh DOCS opensearch): OpenSearch 2.19.6 with the
#      peer's own schema, queried directly; it writes the queries.tsv used below (BENCH_PEER=0 skips
#      it and takes BENCH_QUERIES instead)
#   4. our node: OpenSearch 3.9.0 from Maven Central in a JVM of its own (the test node's launcher),
#      heap BENCH_HEAP, OpenSearch's G1 flags
#   5. INDEX lines: `index` into the embedded index (the baseline on the same machine) and into the
#      node through the bulk sink, 2 extraction workers each: docs/s end to end
#   6. `serve --backend opensearch --no-indexing`; request files for each query of queries.tsv: our API
#      without snippets (the peer's work: hits, a facet on field, a year range), our API with its
#      default 3 snippets, and the very search our API sends, sent to the node directly
#   7. LOAD lines: wrk with shared/peers/load.lua, 1 thread, c = BENCH_CONNS; warm-up 2000 requests,
#      then 5000 requests or 60 s, whichever ends first
# Knobs: BENCH_N [10000], BENCH_DATA [/tmp/stdsearch-bench-os], BENCH_PEER [1], BENCH_QUERIES,
#   BENCH_CONNS ["1 4"], BENCH_HEAP [2g], BENCH_WARMREQ [2000], BENCH_MAXREQ [5000], BENCH_MAXDUR [60],
#   BENCH_BUILD [1], JAVA_HOME [temurin 25]. Load goes to 127.0.0.1 only; every run is bounded.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
N="${1:-${BENCH_N:-10000}}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
JFLAGS="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
DATA="${BENCH_DATA:-/tmp/stdsearch-bench-os}"
PEERS="${BENCH_PEERS:-$ROOT/../shared/peers}"
CONNS="${BENCH_CONNS:-1 4}"
HEAP="${BENCH_HEAP:-2g}"
WARMREQ="${BENCH_WARMREQ:-2000}"
MAXREQ="${BENCH_MAXREQ:-5000}"
MAXDUR="${BENCH_MAXDUR:-60}"
NODE_HTTP=19400; NODE_TRANSPORT=19500; API_PORT=18090
INDEX=bench
OUT="$DATA/results-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
exec > >(tee "$OUT/run.log") 2>&1
load() { cut -d' ' -f1-3 /proc/loadavg; }

NODE_PID=""; API_PID=""
cleanup() {
  for p in $API_PID $NODE_PID; do kill -TERM "$p" 2>/dev/null || true; done
  for p in $API_PID $NODE_PID; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

echo "date: $(date -Is)  commit: $(git -C "$ROOT" rev-parse --short HEAD)  N=$N  load: $(load)"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') x $(nproc)  java: $("$JAVA" -version 2>&1 | head -1)"

# ---- 1. build
if [ "${BENCH_BUILD:-1}" = 1 ]; then
  (cd "$ROOT" && ./mvnw -q -B -Pbench -pl bench -am package -DskipTests) || { echo "build failed"; exit 1; }
fi
JAR="$ROOT/search-api/target/stdsearch.jar"
NODE_CP="$ROOT/opensearch-node/target/classes:$(cat "$ROOT/opensearch-node/target/classes/org/stdsearch/opensearch/node/classpath.txt")"
BENCH_CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"

# ---- 2. corpus
DOCS="$DATA/syn$N"
if [ ! -d "$DOCS" ]; then
  python3 "$HERE/gen-standards.py" "$DOCS" "$N" 7 --taxonomy "$ROOT/corpus/taxonomy.json" >/dev/null
fi
echo "CORPUS docs=$(find "$DOCS" -type f ! -name '*.meta.json' | wc -l) bytes=$(du -sb "$DOCS" | cut -f1)"

# ---- 3. the peer
if [ "${BENCH_PEER:-1}" = 1 ]; then
  PEER_WORK="$DATA/peer" PEER_CONNS="$CONNS" PEER_MAXREQ="$MAXREQ" PEER_MAXDUR="$MAXDUR" PEER_WARMREQ="$WARMREQ" \
    "$PEERS/run-peer.sh" "$DOCS" opensearch | tee "$OUT/peer.log" | grep -E '^(INDEXING_SUMMARY|INDEX_SIZE|LOAD|MEMORY|FIRST_ERROR)' \
    | sed 's/^/PEER /'
  QUERIES="$DATA/peer/queries.tsv"
else
  QUERIES="${BENCH_QUERIES:?set BENCH_QUERIES to a queries.tsv when BENCH_PEER=0}"
fi
cp "$QUERIES" "$OUT/queries.tsv"

# ---- 4. our node
rm -rf "$DATA/node"
"$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -XX:G1ReservePercent=25 -XX:InitiatingHeapOccupancyPercent=30 \
  -XX:+AlwaysPreTouch $JFLAGS -cp "$NODE_CP" org.stdsearch.opensearch.node.NodeMain \
  "$DATA/node" bench node-1 $NODE_HTTP $NODE_TRANSPORT cluster_manager,data single >"$OUT/node.log" 2>&1 &
NODE_PID=$!
URL="http://127.0.0.1:$NODE_HTTP"
for _ in $(seq 1 300); do curl -sf "$URL/" >/dev/null && break; sleep 1; done
curl -sf "$URL/" >/dev/null || { echo "the node did not start"; tail -20 "$OUT/node.log"; exit 1; }
echo "NODE $(curl -s "$URL/" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("opensearch", d["version"]["number"], "lucene", d["version"]["lucene_version"])') heap=$HEAP"

# ---- 5. indexing, embedded then OpenSearch
index_run() { # name, extra args
  local name=$1; shift
  local t0=$(date +%s.%N)
  "$JAVA" $JFLAGS -jar "$JAR" index --docs "$DOCS" --workers 2 --ocr off --report "$OUT/index-$name.json" "$@" \
    >"$OUT/index-$name.log" 2>&1 || { tail -20 "$OUT/index-$name.log"; exit 1; }
  local t1=$(date +%s.%N)
  python3 - "$OUT/index-$name.json" "$name" "$t0" "$t1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
rep = r["report"]
wall = float(sys.argv[4]) - float(sys.argv[3])
print(f"INDEX backend={sys.argv[2]} docs={rep['indexed']} run_s={rep['seconds']:.1f} docs_per_s={r['docs_per_second']:.1f} "
      f"process_wall_s={wall:.1f}")
PY
}
rm -rf "$DATA/lucene-index"
echo "load before indexing: $(load)"
index_run embedded --index "$DATA/lucene-index"
index_run opensearch --index "$DATA/os-index" --backend opensearch --opensearch-url "$URL" --opensearch-index "$INDEX"
echo "load after indexing: $(load)"
echo "INDEX_SIZE embedded_bytes=$(du -sb "$DATA/lucene-index" | cut -f1) opensearch_bytes=$(curl -s "$URL/$INDEX,$INDEX-terms,$INDEX-passages,$INDEX-files/_stats/store" | python3 -c 'import json,sys; print(json.load(sys.stdin)["_all"]["total"]["store"]["size_in_bytes"])')"
curl -s "$URL/_cat/indices/$INDEX*?v&h=index,docs.count,store.size" | sed 's/^/INDICES /'

# ---- 6. server and request files
"$JAVA" $JFLAGS -cp "$BENCH_CP" org.stdsearch.search.opensearch.DirectRequests "$URL" "$INDEX" "$QUERIES" "$OUT"
STDSEARCH_RATE_LIMIT=0 "$JAVA" $JFLAGS -jar "$JAR" serve --docs "$DOCS" --index "$DATA/os-index" --port $API_PORT \
  --backend opensearch --opensearch-url "$URL" --opensearch-index "$INDEX" --no-indexing >"$OUT/serve.log" 2>&1 &
API_PID=$!
API="http://127.0.0.1:$API_PORT"
for _ in $(seq 1 120); do curl -sf "$API/ready" >/dev/null && break; sleep 1; done
curl -sf "$API/ready" >/dev/null || { echo "the server did not start"; tail -20 "$OUT/serve.log"; exit 1; }

# ---- 7. load
run_load() { # target name, base URL, request file, connections
  local name=$1 base=$2 file=$3 c=$4
  wrk -t1 -c"$c" -d"$MAXDUR"s --timeout 10s -s "$PEERS/load.lua" "$base" -- "$file" "$WARMREQ" 1 \
    | grep '^FIRST_ERROR' | sed 's/^/WARMUP_/' || true
  wrk -t1 -c"$c" -d"$MAXDUR"s --timeout 10s -s "$PEERS/load.lua" "$base" -- "$file" "$MAXREQ" 1 >"$OUT/wrk-$name-c$c.out"
  grep '^FIRST_ERROR' "$OUT/wrk-$name-c$c.out" || true
  local l; l=$(grep '^LOAD ' "$OUT/wrk-$name-c$c.out")
  echo "${l/LOAD /LOAD target=$name conns=$c }  (load $(load))"
}
for c in $CONNS; do
  # interleaved, so the machine's other load falls on each alike
  run_load direct "$URL" "$OUT/direct.req" "$c"
  run_load api "$API" "$OUT/api.req" "$c"
  run_load api-snippets "$API" "$OUT/api-snippets.req" "$c"
done
echo "MEMORY node_rss_kb=$(awk '/VmRSS/{print $2}' /proc/$NODE_PID/status) server_rss_kb=$(awk '/VmRSS/{print $2}' /proc/$API_PID/status)"
echo "results in $OUT"
