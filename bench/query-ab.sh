#!/usr/bin/env bash
# A/B of search speed: builds (or JVM options) answering the same request file over the same index,
# one after the other in each round, so that a noisy machine weighs on all of them alike.
#
#   bench/query-ab.sh LABEL=JAR_FOLDER:INDEX [LABEL=JAR_FOLDER:INDEX ...]
#
# JAR_FOLDER holds stdsearch.jar and lib/ (a copy of search-api/target); INDEX an index that build
# reads (the same one for builds of one schema). For each label, round and connection count one
# line: "QAB label rN c=C cpu_ms=<server CPU per request> LOAD requests=... qps=... p50=... p99=...".
#
# Knobs (environment):
#   AB_REQ      request file: one "GET<TAB>path" per line, e.g. the like-for-like requests that
#               bench/side-by-side.sh writes ($BENCH_DATA/sbs-*/like-syn10000.req)   [required]
#   AB_DOCS     the folder the index was built from (the server watches it)         [required]
#   AB_CONNS ["1 4 8"]  AB_ROUNDS [2]  AB_REQS [5000]  AB_WARM [2000]  AB_PORT [18112]
#   AB_OPTS     JVM options of every server [the launcher's: search-api/src/main/dist/stdsearch];
#   AB_OPTS_<LABEL> those of one label instead (e.g. AB_OPTS_g1="-Xmx1g -XX:+UseG1GC")
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
. "$HERE/env.sh"
: "${AB_REQ:?AB_REQ: a request file}" "${AB_DOCS:?AB_DOCS: the documents folder of the index}"
LOAD_LUA="$ROOT/../shared/peers/load.lua"
[ -f "$LOAD_LUA" ] || { echo "needs ../shared/peers/load.lua"; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk"; exit 1; }
CONNS="${AB_CONNS:-1 4 8}"; ROUNDS="${AB_ROUNDS:-2}"; REQS="${AB_REQS:-5000}"; WARM="${AB_WARM:-2000}"
PORT="${AB_PORT:-18112}"
DEFAULT_OPTS="${AB_OPTS:-$(launcher_opts)}"
OUT="$(mktemp -d)"
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$OUT"' EXIT

cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
for round in $(seq 1 "$ROUNDS"); do
  for spec in "$@"; do
    label="${spec%%=*}"; rest="${spec#*=}"; jar="${rest%%:*}"; index="${rest#*:}"
    opts_var="AB_OPTS_$label"; opts="${!opts_var:-$DEFAULT_OPTS}"
    # shellcheck disable=SC2086
    "$JAVA" $opts $JFLAGS -jar "$jar/stdsearch.jar" \
      serve --docs "$AB_DOCS" --index "$index" --port "$PORT" --workers 2 > "$OUT/serve.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 240); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/ready" || true)" = 200 ] && break
      kill -0 "$SERVER" 2>/dev/null || { echo "server $label died"; tail -20 "$OUT/serve.log"; exit 1; }
      sleep 0.5
    done
    wrk -t1 -c4 -d60s --timeout 10s -s "$LOAD_LUA" "http://127.0.0.1:$PORT" -- "$AB_REQ" "$WARM" 1 > /dev/null 2>&1 || true
    for c in $CONNS; do
      t0=$(cpu_ticks "$SERVER")
      line=$(wrk -t1 -c"$c" -d60s --timeout 10s -s "$LOAD_LUA" "http://127.0.0.1:$PORT" -- "$AB_REQ" "$REQS" 1 | grep '^LOAD' || true)
      t1=$(cpu_ticks "$SERVER")
      n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<< "$line")
      cpu=$(awk -v a="$t0" -v b="$t1" -v n="${n:-0}" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", n ? (b-a)*1000/hz/n : 0}')
      echo "QAB $label r$round c=$c cpu_ms=$cpu $line load=$(cut -d' ' -f1 /proc/loadavg)"
    done
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  done
done
