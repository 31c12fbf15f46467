#!/usr/bin/env bash
# Duban benchmarks: bench/run.sh [scale: 1|8|136|3000] [h2|mariadb|all]
# Builds the test classes, generates `scale` synthetic counties, runs the end-to-end harness on each
# database (MariaDB: its own database duban_bench_<scale>, dropped afterwards), then the engine's
# JMH benchmarks, and prints the results table. Everything is written under target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE="${1:-8}"
DATABASES="${2:-all}"
OUT=target/bench
mkdir -p "$OUT"
# -Xmx1g: the 1 GB target. ParallelGC: higher throughput than G1 on 2 cores for these batch
# runs (see BENCHMARKS.md); override with BENCH_JAVA_OPTS.
JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC}"
# BENCH_DAYS: the as-of days evaluated, daily|weekly|monthly|quarterly|one (default by scale: 1 daily,
# 8 weekly, 136 monthly, more quarterly)
# JFR: BENCH_JFR=1 records target/bench/<scale>-<db>.jfr for profiling
[ "${BENCH_JFR:-0}" = 1 ] && JFR=1 || JFR=0

./mvnw -o -q test-compile
./mvnw -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"

case "$DATABASES" in
  all) DATABASES="h2 mariadb" ;;
  h2|mariadb) ;;
  *) echo "数据库应为 h2、mariadb 或 all，实为 $DATABASES" >&2; exit 2 ;;
esac

{
  echo "# $(date -Iseconds) scale=$SCALE databases=$DATABASES java_opts=$JAVA_OPTS"
  echo "# $(lscpu | grep -E '^Model name' | sed 's/  */ /g'); $(nproc) cores; $(free -g | awk '/Mem:/ {print $2 " GB RAM"}'); $(java -version 2>&1 | head -1)"
} >> "$OUT/results.tsv"

for DB in $DATABASES; do
  EXTRA=()
  [ "$JFR" = 1 ] && EXTRA+=("-XX:StartFlightRecording=filename=$OUT/$SCALE-$DB.jfr,settings=profile")
  echo "== end to end: $SCALE counties on $DB (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  java $JAVA_OPTS "${EXTRA[@]}" -Xlog:gc:file="$OUT/gc-$SCALE-$DB.log" -cp "$CP" org.duban.bench.EndToEnd "$SCALE" "$DB" "$OUT" ${BENCH_DAYS:-} \
    > "$OUT/run-$SCALE-$DB.log" 2>&1 || { echo "失败，见 $OUT/run-$SCALE-$DB.log" >&2; tail -30 "$OUT/run-$SCALE-$DB.log" >&2; exit 1; }
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done

# HOOK (engine part, perf-engine): the rule-engine JMH benchmarks (engine vs plain-Java floor,
# compile/reload per plan, 3,000-region decision table). Put their command here, e.g.
#   java $JAVA_OPTS -cp "$CP" org.openjdk.jmh.Main 'org.duban.bench.engine.*' -rf json -rff "$OUT/jmh-$SCALE.json"
if [ -n "${BENCH_JMH_CMD:-}" ]; then
  echo "== engine (JMH)"
  eval "$BENCH_JMH_CMD"
fi

echo
echo "== results ($OUT/results.tsv, this scale)"
grep -v '^#' "$OUT/results.tsv" | awk -F'\t' -v s="$SCALE" '$1 == s' | column -t -s$'\t'
