#!/usr/bin/env bash
# Sigma matching speed, events in memory (issue 5): JMH, one and two threads.
#
#   bench/sigma-speed.sh
#
# Every SigmaHQ rule (rules, rules-emerging-threats, rules-threat-hunting) that compiles against the
# built-in logsource mappings, over SigmaHQ's regression events plus the Windows events of a seeded
# ToolShell world (SigmaMatchBench). JMH sums throughput over its threads, so each score is the
# total events/s at that thread count. Needs ../shared/corpus beside the project.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$here" && mvn -q -pl bench -am package -DskipTests)
for threads in 1 2; do
  (cd "$here" && java -cp bench/target/tradecraft-bench.jar org.openjdk.jmh.Main SigmaMatchBench -t "$threads" -f 1 \
      -rf json -rff "target/bench/sigma-match-t$threads.json") | grep -E "SigmaMatchBench:|^Benchmark|matchOneEvent"
done
