#!/usr/bin/env bash
# Runs the whole benchmark suite with its final settings and writes, under benchmarks/results/:
# <Bench>.txt (JMH's text output), <Bench>.json (JMH JSON, -rf json), <Bench>.env.txt (when, where
# and the load average before and after), memory.txt (JOL footprint), sizes.json (stage changes per
# dataset) and summary.md (the tables for RESULTS.md). The results are committed: RESULTS.md's
# tables are summary.md as written, so every published figure has its raw JMH output next to it.
#
# Build first (from the repository root):  mvn -B -pl benchmarks -am package -DskipTests
# Then:                                     benchmarks/run.sh            (every workload)
#                                           benchmarks/run.sh SequenceBench   (some of them)
# Extra JMH options may be given in JMH_OPTS, e.g. JMH_OPTS="-p deals=100000" for a quicker run.
# SMOKE=1 benchmarks/run.sh makes a quick smoke run (1 fork, 1 short warm-up and measurement, small
# datasets; figures are NOT final) into benchmarks/results-smoke/.
# Run on a quiet machine: the script records the load average before and after.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/benchmarks.jar"
out="$here/results"
[[ -z "${SMOKE:-}" ]] || out="$here/results-smoke"
[[ -f "$jar" ]] || { echo "no $jar: build with 'mvn -B -pl benchmarks -am package -DskipTests'" >&2; exit 1; }
mkdir -p "$out"
benches=("$@")
[[ ${#benches[@]} -gt 0 ]] || benches=(FunnelReportBench SequenceBench LiveAppendBench CsvIngestBench ProcessReportBench)

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host: $(uname -srm), $(nproc) cores"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -1
} > "$out/environment.txt"

for b in "${benches[@]}"; do
  echo "== $b (load $(cut -d' ' -f1-3 /proc/loadavg))"
  smoke=""
  if [[ -n "${SMOKE:-}" ]]; then
    case "$b" in
      FunnelReportBench) smoke="-f 1 -wi 1 -i 1 -w 1s -r 1s -p deals=100000,1000000" ;;
      SequenceBench) smoke="-f 1 -wi 1 -i 1 -w 1s -r 1s -p events=1000000 -p entities=100000" ;;
      LiveAppendBench) smoke="-f 1 -wi 1 -i 1 -p deals=200000" ;;
      CsvIngestBench) smoke="-f 1 -wi 1 -i 1 -p deals=100000" ;;
      ProcessReportBench) smoke="-f 1 -wi 1 -i 1 -w 1s -r 1s -p deals=100000 -p slaDeals=20000" ;;
    esac
  fi
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "host: $(uname -srm), $(nproc) cores"
    echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -version 2>&1 | head -1
  } > "$out/$b.env.txt"
  # shellcheck disable=SC2086
  java -jar "$jar" "$b" -prof gc -rf json -rff "$out/$b.json" $smoke ${JMH_OPTS:-} | tee "$out/$b.txt"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/$b.env.txt"
done

java -Xmx6g -Djdk.attach.allowAttachSelf -Djol.magicFieldOffset=true \
  -cp "$jar" dev.funnel.benchmarks.MemoryFootprint 1000000 | tee "$out/memory.txt"
java -Xmx8g -cp "$jar" dev.funnel.benchmarks.Sizes 100000 200000 1000000 2000000 > "$out/sizes.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/environment.txt"

python3 "$here/summarize.py" "$out" > "$out/summary.md"
echo "wrote $out/summary.md: paste it into benchmarks/RESULTS.md"
