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
#      then 5000 requests or 60 s, whichever ends first. Each line carries the CPU the node and our
#      server spent per answered request (utime+stime of /proc/PID/stat around the measured run):
#      on shared cores our server's CPU per request is what separates the API's QPS from the node's;
#      and the shard-level searches the node ran per request (1 for the search itself).
#      BENCH_ROUNDS rounds, each running the direct searches, then every build of BENCH_JARS in turn
#      against the same node (the node warms up across rounds: compare builds within a round)
#   8. RATIO lines: the API's QPS over the direct QPS of the same round and connections, per build
# Knobs: BENCH_N [10000], BENCH_DATA [/tmp/stdsearch-bench-os], BENCH_PEER [1], BENCH_QUERIES,
#   BENCH_CONNS ["1 4"], BENCH_HEAP [2g], BENCH_WARMREQ [2000], BENCH_MAXREQ [5000], BENCH_MAXDUR [60],
#   BENCH_BUILD [1], JAVA_HOME [temurin 25], BENCH_SERVER_OPTS: our server's JVM options [the
#     launcher's, search-api/src/main/dist/stdsearch],
#   BENCH_REINDEX [1]: 0 keeps the node's data under BENCH_DATA/node from an earlier run and skips
#     step 5 (indexing takes minutes; the node must hold the index BENCH_INDEX),
#   BENCH_JARS [search-api/target]: jar folders (stdsearch.jar + lib/) to compare, e.g. "/tmp/a /tmp/b";
#     one server each, on ports BENCH_API_PORT, +1, ...
#   BENCH_ROUNDS [2], BENCH_SNIPPETS [1] (0 skips the api-snippets runs), BENCH_JFR (a folder: each
#     server records a JFR profile there), BENCH_NODE_PORT [19400], BENCH_API_PORT [18090],
#   BENCH_INDEX [bench], BENCH_NODE_CPUS and BENCH_CLIENT_CPUS (taskset CPU lists, e.g. 1 and 0: the
#     node on cores of its own, our servers and wrk on the others, as when the API runs on machines
#     apart from the cluster's; unset, everything shares every core). Load goes to 127.0.0.1 only;
#     every run is bounded.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
. "$HERE/env.sh"
N="${1:-${BENCH_N:-10000}}"
# Our server runs with the JVM options of the launcher users start it with; every build alike.
SERVER_OPTS="${BENCH_SERVER_OPTS:-$(launcher_opts)}"
DATA="${BENCH_DATA:-/tmp/stdsearch-bench-os}"
PEERS="${BENCH_PEERS:-$ROOT/../shared/peers}"
CONNS="${BENCH_CONNS:-1 4}"
HEAP="${BENCH_HEAP:-2g}"
WARMREQ="${BENCH_WARMREQ:-2000}"
MAXREQ="${BENCH_MAXREQ:-5000}"
MAXDUR="${BENCH_MAXDUR:-60}"
NODE_HTTP="${BENCH_NODE_PORT:-19400}"; NODE_TRANSPORT=$((NODE_HTTP + 100)); API_PORT="${BENCH_API_PORT:-18090}"
INDEX="${BENCH_INDEX:-bench}"
REINDEX="${BENCH_REINDEX:-1}"
ROUNDS="${BENCH_ROUNDS:-2}"
JARS="${BENCH_JARS:-$ROOT/search-api/target}"
OUT="$DATA/results-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
exec > >(tee "$OUT/run.log") 2>&1
load() { cut -d' ' -f1-3 /proc/loadavg; }

NODE_PID=""; API_PIDS=""
# command prefixes that keep a process on the given CPUs (taskset execs it: $! stays its pid)
NODE_PIN=(); [ -n "${BENCH_NODE_CPUS:-}" ] && NODE_PIN=(taskset -c "$BENCH_NODE_CPUS")
CLIENT_PIN=(); [ -n "${BENCH_CLIENT_CPUS:-}" ] && CLIENT_PIN=(taskset -c "$BENCH_CLIENT_CPUS")
cleanup() {
  for p in $API_PIDS $NODE_PID; do kill -TERM "$p" 2>/dev/null || true; done
  for p in $API_PIDS $NODE_PID; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

echo "date: $(date -Is)  commit: $(git -C "$ROOT" rev-parse --short HEAD)  N=$N  load: $(load)"
echo "cpus: node ${BENCH_NODE_CPUS:-all}, servers and wrk ${BENCH_CLIENT_CPUS:-all}"
echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') x $(nproc)  java: $("$JAVA" -version 2>&1 | head -1)"

# ---- 1. build
if [ "${BENCH_BUILD:-1}" = 1 ]; then
  (cd "$ROOT" && ./mvnw -q -B -Pbench -pl bench -am package -DskipTests) || { echo "build failed"; exit 1; }
fi
JAR="$ROOT/search-api/target/stdsearch.jar"
for J in $JARS; do
  [ -f "$J/stdsearch.jar" ] || { echo "no stdsearch.jar in $J"; exit 1; }
  echo "jar: $J ($(unzip -p "$J/stdsearch.jar" META-INF/MANIFEST.MF 2>/dev/null | sed -n 's/^Implementation-Version: //p' | tr -d '\r'))"
done
NODE_CP="$ROOT/opensearch-node/target/classes:$(cat "$ROOT/opensearch-node/target/classes/org/stdsearch/opensearch/node/classpath.txt")"
BENCH_CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/classpath.txt")"

# ---- 2. corpus
DOCS="$DATA/syn$N"
if [ ! -d "$DOCS" ]; then
  python3 "$HERE/gen-standards.py" "$DOCS" "$N" 7 --taxonomy "$ROOT/corpus/taxonomy.json" >/dev/null
fi
echo "CORPUS docs=$(find "$DOCS/" -type f ! -name '*.meta.json' | wc -l) bytes=$(du -sbL "$DOCS" | cut -f1)"

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
if [ "$REINDEX" = 1 ]; then
  rm -rf "$DATA/node"
elif [ ! -d "$DATA/node/data" ]; then
  echo "BENCH_REINDEX=0 but there is no node data in $DATA/node"; exit 1
fi
"${NODE_PIN[@]}" "$JAVA" -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -XX:G1ReservePercent=25 -XX:InitiatingHeapOccupancyPercent=30 \
  -XX:+AlwaysPreTouch $JFLAGS -cp "$NODE_CP" org.stdsearch.opensearch.node.NodeMain \
  "$DATA/node" bench node-1 $NODE_HTTP $NODE_TRANSPORT cluster_manager,data single >"$OUT/node.log" 2>&1 &
NODE_PID=$!
URL="http://127.0.0.1:$NODE_HTTP"
for _ in $(seq 1 300); do curl -sf "$URL/" >/dev/null && break; sleep 1; done
curl -sf "$URL/" >/dev/null || { echo "the node did not start"; tail -20 "$OUT/node.log"; exit 1; }
echo "NODE $(curl -s "$URL/" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("opensearch", d["version"]["number"], "lucene", d["version"]["lucene_version"])') heap=$HEAP"

# ---- 5. indexing, embedded then OpenSearch
if [ "$REINDEX" = 1 ]; then
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
fi
curl -s "$URL/_cluster/health/$INDEX*?wait_for_status=yellow&timeout=120s" >/dev/null
echo "INDEX_SIZE embedded_bytes=$(du -sb "$DATA/lucene-index" | cut -f1) opensearch_bytes=$(curl -s "$URL/$INDEX,$INDEX-terms,$INDEX-passages,$INDEX-files/_stats/store" | python3 -c 'import json,sys; print(json.load(sys.stdin)["_all"]["total"]["store"]["size_in_bytes"])')"
curl -s "$URL/_cat/indices/$INDEX*?v&h=index,docs.count,store.size" | sed 's/^/INDICES /'

# ---- 6. servers and request files
"$JAVA" $JFLAGS -cp "$BENCH_CP" org.stdsearch.search.opensearch.DirectRequests "$URL" "$INDEX" "$QUERIES" "$OUT"
tag() { basename "$(dirname "$1/x")"; }
declare -A API_OF PID_OF
port=$API_PORT
for J in $JARS; do
  T=$(tag "$J"); [ "$T" = target ] && T=head
  extra=""; [ -n "${BENCH_JFR:-}" ] && mkdir -p "$BENCH_JFR" && extra="-XX:StartFlightRecording=filename=$BENCH_JFR/$T.jfr,settings=profile"
  STDSEARCH_RATE_LIMIT=0 "${CLIENT_PIN[@]}" "$JAVA" $JFLAGS $SERVER_OPTS $extra -jar "$J/stdsearch.jar" serve --docs "$DOCS" --index "$DATA/os-index" \
    --port $port --backend opensearch --opensearch-url "$URL" --opensearch-index "$INDEX" --no-indexing \
    >"$OUT/serve-$T.log" 2>&1 &
  PID_OF[$T]=$!; API_PIDS="$API_PIDS $!"; API_OF[$T]="http://127.0.0.1:$port"
  port=$((port + 1))
done
TAGS=""
for J in $JARS; do
  T=$(tag "$J"); [ "$T" = target ] && T=head; TAGS="$TAGS $T"
  for _ in $(seq 1 120); do curl -sf "${API_OF[$T]}/ready" >/dev/null && break; sleep 1; done
  curl -sf "${API_OF[$T]}/ready" >/dev/null || { echo "the server $T did not start"; tail -20 "$OUT/serve-$T.log"; exit 1; }
done

# ---- 7. load
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
searches() { curl -s "$URL/_stats/search?filter_path=_all.total.search.query_total" | python3 -c 'import json,sys; print(json.load(sys.stdin)["_all"]["total"]["search"]["query_total"])'; }
per_req() { awk -v a="$1" -v b="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", n ? (b-a)*1000/hz/n : 0}'; }
run_load() { # target name, base URL, request file, connections, server pid (or "")
  local name=$1 base=$2 file=$3 c=$4 spid=${5:-}
  "${CLIENT_PIN[@]}" wrk -t1 -c"$c" -d"$MAXDUR"s --timeout 10s -s "$PEERS/load.lua" "$base" -- "$file" "$WARMREQ" 1 \
    | grep '^FIRST_ERROR' | sed 's/^/WARMUP_/' || true
  local n0 n1 s0=0 s1=0 q0 q1 l req
  q0=$(searches); n0=$(cpu_ticks "$NODE_PID"); [ -n "$spid" ] && s0=$(cpu_ticks "$spid")
  "${CLIENT_PIN[@]}" wrk -t1 -c"$c" -d"$MAXDUR"s --timeout 10s -s "$PEERS/load.lua" "$base" -- "$file" "$MAXREQ" 1 >"$OUT/wrk-${name// /_}-c$c.out"
  n1=$(cpu_ticks "$NODE_PID"); [ -n "$spid" ] && s1=$(cpu_ticks "$spid"); q1=$(searches)
  grep '^FIRST_ERROR' "$OUT/wrk-${name// /_}-c$c.out" || true
  l=$(grep '^LOAD ' "$OUT/wrk-${name// /_}-c$c.out")
  req=$(sed -n 's/^LOAD requests=\([0-9]*\).*/\1/p' "$OUT/wrk-${name// /_}-c$c.out")
  # shard searches per request: 1 for the search itself, more for the API's second requests
  local cpu="node_cpu_ms_per_req=$(per_req "$n0" "$n1" "$req") node_searches_per_req=$(awk -v a="$q0" -v b="$q1" -v n="$req" 'BEGIN{printf "%.2f", n ? (b-a)/n : 0}')"
  [ -n "$spid" ] && cpu="$cpu server_cpu_ms_per_req=$(per_req "$s0" "$s1" "$req")"
  echo "${l/LOAD /LOAD target=$name conns=$c $cpu }  (load $(load))" | tee -a "$OUT/load.lines"
}
for r in $(seq 1 "$ROUNDS"); do
  for c in $CONNS; do
    # interleaved, so the machine's other load falls on each alike
    run_load "direct round=$r" "$URL" "$OUT/direct.req" "$c"
    for T in $TAGS; do run_load "api jar=$T round=$r" "${API_OF[$T]}" "$OUT/api.req" "$c" "${PID_OF[$T]}"; done
    if [ "${BENCH_SNIPPETS:-1}" = 1 ]; then
      for T in $TAGS; do run_load "api-snippets jar=$T round=$r" "${API_OF[$T]}" "$OUT/api-snippets.req" "$c" "${PID_OF[$T]}"; done
    fi
  done
done
MEM="MEMORY node_rss_kb=$(awk '/VmRSS/{print $2}' /proc/$NODE_PID/status)"
for T in $TAGS; do MEM="$MEM server_${T}_rss_kb=$(awk '/VmRSS/{print $2}' /proc/${PID_OF[$T]}/status)"; done
echo "$MEM"

# ---- 8. ratios, within each round
python3 - "$OUT/load.lines" <<'PY'
import re, sys
direct, rows = {}, []
for line in open(sys.argv[1]):
    f = dict(re.findall(r"(\w+)=(\S+)", line.split("  (load")[0]))
    if f["target"] == "direct":
        direct[(f["round"], f["conns"])] = f
    else:
        rows.append(f)
for f in rows:
    d = direct.get((f["round"], f["conns"]))
    if d:
        print(f"RATIO {f['target']} jar={f['jar']} round={f['round']} conns={f['conns']} qps={f['qps']} "
              f"direct_qps={d['qps']} ratio={float(f['qps']) / float(d['qps']):.2f} "
              f"server_cpu_ms_per_req={f['server_cpu_ms_per_req']} node_cpu_ms_per_req={f['node_cpu_ms_per_req']} "
              f"direct_node_cpu_ms_per_req={d['node_cpu_ms_per_req']}")
PY
echo "results in $OUT"
