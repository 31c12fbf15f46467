#!/usr/bin/env bash
# Duban benchmarks: bench/run.sh [scale: 1|8|136|3000] [h2|mariadb|all]
# Builds the test classes, generates `scale` synthetic counties, runs the end-to-end harness on each
# database (MariaDB: its own database duban_bench_<scale>, dropped afterwards), then the engine's
# JMH benchmarks (bench/engine.sh), and prints the results table. Everything is written under target/bench/.
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

./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
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

# The rule engine alone (JMH, no database): Drools against the plain-Java floor over the same standings,
# on one and two threads, at this scale; then compiling and reloading one plan's rules. BENCH_JMH=0 skips
# it; BENCH_JMH_CMD replaces it (e.g. "bench/engine.sh CriteriaTableBenchmark -p regions=8,136").
if [ "${BENCH_JMH:-1}" = 1 ]; then
  echo "== rule engine (JMH): engine vs floor at $SCALE regions, rule load"
  if [ -n "${BENCH_JMH_CMD:-}" ]; then
    eval "$BENCH_JMH_CMD"
  else
    bench/engine.sh 'JudgeBenchmark.(engine|floor)(TwoThreads)?$' -p regions="$SCALE" > "$OUT/jmh-$SCALE.log" 2>&1
    bench/engine.sh 'RuleLoadBenchmark' >> "$OUT/jmh-$SCALE.log" 2>&1
    sed -n '/^Benchmark /,$p' "$OUT/jmh-$SCALE.log"
  fi
fi

echo
echo "== results ($OUT/results.tsv, this scale)"
grep -v '^#' "$OUT/results.tsv" | awk -F'\t' -v s="$SCALE" '$1 == s' | column -t -s$'\t'
