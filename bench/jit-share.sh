#!/usr/bin/env bash
# How much of an indexing run's CPU the JIT compilers take, per JVM (the indexer and each extraction
# worker): every thread's CPU time is read from /proc until the run ends, and the compiler threads
# ("C1 CompilerThre", "C2 CompilerThre") are summed apart.
#
#   bench/jit-share.sh DOCS [JAR_FOLDER]        (JAR_FOLDER: stdsearch.jar + lib/, default search-api/target)
#
# One run of `index --workers 2 --ocr off` into a fresh temporary index. One line per JVM:
# "JIT role=indexer|worker pid=... cpu_s=<all threads> compiler_s=<compiler threads> share=...",
# then the indexer's own summary line. A thread's last second of CPU can be missed when it ends
# between two reads (every 0.5 s), so the figures are slightly low for the workers, which end last.
#
# Knobs (environment): JIT_OPTS  JVM options of the indexer only (e.g. -XX:TieredStopAtLevel=1);
# JAVA_TOOL_OPTIONS reaches every JVM of the run, the workers included.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(dirname "$HERE")"
. "$HERE/env.sh"
DOCS="${1:?usage: jit-share.sh DOCS [JAR_FOLDER]}"
JARS="${2:-$ROOT/search-api/target}"
OUT="$(mktemp -d)"; trap 'rm -rf "$OUT"' EXIT
TCK=$(getconf CLK_TCK)

# shellcheck disable=SC2086  # JIT_OPTS and JFLAGS are lists of options
"$JAVA" $JFLAGS ${JIT_OPTS:-} -jar "$JARS/stdsearch.jar" index --docs "$DOCS" --index "$OUT/index" \
  --workers 2 --ocr off > "$OUT/run.log" 2>&1 &
INDEXER=$!

# pid/tid/compiler-or-not -> last utime+stime seen, in clock ticks
declare -A seen
while kill -0 "$INDEXER" 2>/dev/null; do
  for pid in "$INDEXER" $(pgrep -P "$INDEXER" || true); do
    for stat in /proc/"$pid"/task/*/stat; do
      line=$(cat "$stat" 2>/dev/null) || continue
      name=${line#*(}; name=${name%)*}
      read -r -a rest <<< "${line##*) }"
      kind=other; [[ "$name" == *Compiler* ]] && kind=compiler
      tid=${stat%/stat}; tid=${tid##*/}
      seen["$pid/$tid/$kind"]=$(( rest[11] + rest[12] ))
    done
  done
  sleep 0.5
done
wait "$INDEXER" || { echo "the indexing run failed:"; tail -5 "$OUT/run.log"; exit 1; }

declare -A all compiler
for key in "${!seen[@]}"; do
  pid=${key%%/*}; ticks=${seen[$key]}
  all[$pid]=$(( ${all[$pid]:-0} + ticks ))
  [[ "$key" == */compiler ]] && compiler[$pid]=$(( ${compiler[$pid]:-0} + ticks ))
done
for pid in "${!all[@]}"; do
  role=worker; [ "$pid" = "$INDEXER" ] && role=indexer
  awk -v r="$role" -v p="$pid" -v a="${all[$pid]}" -v c="${compiler[$pid]:-0}" -v t="$TCK" \
    'BEGIN { printf "JIT role=%s pid=%s cpu_s=%.1f compiler_s=%.1f share=%.2f\n", r, p, a / t, c / t, (a > 0 ? c / a : 0) }'
done | sort
grep -E "docs/s" "$OUT/run.log" | tail -1
