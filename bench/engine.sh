#!/usr/bin/env bash
# Benchmarks of the rule engine (JMH, no database): the engine against its plain-Java floor, compiling and
# reloading one plan's rules, and criteria tables of many regions. Arguments go to JMH, e.g.
#   bench/engine.sh                                   # everything (about 40 minutes on 2 cores)
#   bench/engine.sh JudgeBenchmark -p regions=136     # one benchmark class, one scale
#   bench/engine.sh 'JudgeBenchmark.(engine|floor)$' -p regions=3000 -prof gc
# Results: the table JMH prints, and target/jmh/engine-<time>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
mkdir -p target/jmh
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
  -rf json -rff "target/jmh/engine-$(date +%Y%m%d-%H%M%S).json" "${@:-.*Benchmark}"
