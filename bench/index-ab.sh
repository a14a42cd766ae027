#!/usr/bin/env bash
# A/B of indexing speed: builds indexing the same folder into a fresh index, one after the other in
# each round (the order alternates from round to round), so that a noisy machine weighs on all of
# them alike and neither build always runs first.
#
#   bench/index-ab.sh DOCS LABEL=JAR_FOLDER [LABEL=JAR_FOLDER ...]
#
# JAR_FOLDER holds stdsearch.jar and lib/ (a copy of search-api/target). Each run is
# `index --workers 2 --ocr off` as bench/side-by-side.sh runs it. One line per label and round:
# "IAB label rN docs=... wall_s=... cpu_s=<user+sys of the indexer and its workers> docs_per_s=...
# rss_mb=<peak of the indexer> index_mb=... segments=... load=<1-min load average before>".
#
# Knobs (environment): AB_ROUNDS [2]  AB_WORKERS [2]  AB_KEEP [0] (1: keep the last index of each
# label in $AB_OUT)  AB_OUT [a temporary folder]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
. "$HERE/env.sh"
DOCS="${1:?usage: index-ab.sh DOCS LABEL=JAR_FOLDER ...}"; shift
[ $# -ge 1 ] || { echo "usage: index-ab.sh DOCS LABEL=JAR_FOLDER ..."; exit 1; }
ROUNDS="${AB_ROUNDS:-2}"; WORKERS="${AB_WORKERS:-2}"
OUT="${AB_OUT:-$(mktemp -d)}"; mkdir -p "$OUT"
[ -n "${AB_OUT:-}" ] || trap 'rm -rf "$OUT"' EXIT

run() { # label jar-folder round
  local index="$OUT/idx-$1" t0 wall user sys rss
  rm -rf "$index"; t0=$(cut -d' ' -f1 /proc/loadavg)
  # /usr/bin/time counts the children the indexer waited for: its extraction workers.
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/time-$1" "$JAVA" $JFLAGS -jar "$2/stdsearch.jar" index \
    --docs "$DOCS" --index "$index" --workers "$WORKERS" --ocr off --report "$OUT/report-$1.json" \
    > "$OUT/index-$1.log" 2>&1 || { echo "IAB $1 r$3 FAILED"; tail -5 "$OUT/index-$1.log"; return 0; }
  read -r wall user sys rss < "$OUT/time-$1"
  python3 - "$OUT/report-$1.json" "$1" "$3" "$wall" "$user" "$sys" "$rss" "$(du -sb "$index" | cut -f1)" \
    "$(find "$index" -name '*.si' | wc -l)" "$t0" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["report"]
label, rnd, wall, user, sys_, rss, size, segs, load = sys.argv[2:]
print("IAB %s r%s docs=%d wall_s=%s cpu_s=%.1f docs_per_s=%.1f rss_mb=%.0f index_mb=%.0f segments=%s load=%s" % (
    label, rnd, r["indexed"], wall, float(user) + float(sys_), r["indexed"] / float(wall),
    int(rss) / 1024, int(size) / 1e6, segs, load))
EOF
  [ "${AB_KEEP:-0}" = 1 ] || rm -rf "$index"
}

specs=("$@")
for round in $(seq 1 "$ROUNDS"); do
  order=("${specs[@]}")
  if [ $((round % 2)) = 0 ]; then # every other round in reverse order
    order=(); for ((i = ${#specs[@]} - 1; i >= 0; i--)); do order+=("${specs[$i]}"); done
  fi
  for spec in "${order[@]}"; do
    run "${spec%%=*}" "${spec#*=}" "$round"
  done
done
