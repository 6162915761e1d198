#!/usr/bin/env bash
# Exposure reading speed beside jq (issue 4): Shodan-style banners, same file, same run.
#
#   bench/exposure-speed.sh [COUNT] [RUNS]        (defaults 1000000 and 5)
#
# Writes a seeded banner file (ShodanBannerFile, ~680 bytes a line) to target/bench/, then runs, in
# turn and RUNS times, `jq -c .` over it (parse and re-print every banner: the floor of any
# JSON-lines tool) and `tradecraft exposure FILE --format json --no-services` (the whole analysis:
# parse, fingerprint, judge, summarise), after one warm-up of each. The runs alternate because the
# speed of a shared virtual machine drifts by tens of percent over minutes: each pair is measured
# under the same conditions, and the ratio reported is the median of the pairs' ratios.
# Needs jq (apt-get install jq). Results go to target/bench/exposure-speed.tsv.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
count="${1:-1000000}"
runs="${2:-5}"
out="$here/target/bench"
mkdir -p "$out"
command -v jq >/dev/null || { echo "needs jq (apt-get install jq)" >&2; exit 1; }

(cd "$here" && mvn -q -pl bench -am package -DskipTests)
"$here/tradecraft" --version > /dev/null   # builds the CLI jar when sources changed, outside the timing
file="$out/banners-$count.json"
[ -f "$file" ] || java -cp "$here/bench/target/tradecraft-bench.jar" dev.tradecraft.bench.ShodanBannerFile "$file" "$count"
size="$(du -m "$file" | cut -f1)"
# An empty workspace: the timing is of reading scan data, not of a cross-reference with a last hunt.
workspace="$out/exposure-workspace"
mkdir -p "$workspace"

seconds() {
  local started ended
  started="$(date +%s%N)"
  "$@" > /dev/null
  ended="$(date +%s%N)"
  echo "scale=3; ($ended - $started) / 1000000000" | bc
}

jq_run() { jq -c . "$file"; }
tradecraft_run() { "$here/tradecraft" exposure "$file" --format json --no-services --quiet --workspace "$workspace"; }

echo "file: $count banners, $size MB; warming up"
jq_run > /dev/null
tradecraft_run > /dev/null
results="$out/exposure-speed.tsv"
printf 'run\tjq_seconds\ttradecraft_seconds\tratio\n' > "$results"
for run in $(seq "$runs"); do
  jq_seconds="$(seconds jq_run)"
  tradecraft_seconds="$(seconds tradecraft_run)"
  ratio="$(echo "scale=2; $jq_seconds / $tradecraft_seconds" | bc)"
  printf '%s\t%s\t%s\t%s\n' "$run" "$jq_seconds" "$tradecraft_seconds" "$ratio" | tee -a "$results"
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
jq_median="$(tail -n +2 "$results" | cut -f2 | median)"
tradecraft_median="$(tail -n +2 "$results" | cut -f3 | median)"
ratio_median="$(tail -n +2 "$results" | cut -f4 | median)"
echo
echo "jq -c .             : median ${jq_median} s → $(echo "$count / $jq_median" | bc) banners/s"
echo "tradecraft exposure : median ${tradecraft_median} s → $(echo "$count / $tradecraft_median" | bc) banners/s"
echo "ratio (median of pairs): ${ratio_median}× (goal: 5×)"
