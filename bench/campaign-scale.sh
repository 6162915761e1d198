#!/usr/bin/env bash
# Campaign clustering at scale (issue 3): a million sightings across ten thousand organisations.
#
#   bench/campaign-scale.sh [ORGANISATIONS] [SIGHTINGS] [SEED]     (default 10000 1000000 20250718)
#
# Builds the bench jar (bench module and what it needs), then runs it under /usr/bin/time -v with
# -Xmx4g: it makes a seeded SightingWorld (sightings directly, no log files), times
# CampaignAnalyzer.analyzeSightings on it, and scores the campaigns against the world's truth
# (B-cubed over source IPs). Prints the process's wall time and peak RSS, then the bench's lines.
# Extra JVM options go in JAVA_OPTS, e.g. a profile:
#   JAVA_OPTS="-XX:StartFlightRecording=filename=target/bench/campaigns.jfr,settings=profile" bench/campaign-scale.sh
# Results go to target/bench/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
organisations="${1:-10000}"
sightings="${2:-1000000}"
seed="${3:-20250718}"
out="$here/target/bench"
mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }

(cd "$here" && mvn -q -pl bench -am package -DskipTests)

# shellcheck disable=SC2086
/usr/bin/time -v -o "$out/campaign-scale.time" \
  java -Xmx4g ${JAVA_OPTS:-} -jar "$here/bench/target/tradecraft-bench.jar" \
  --organisations "$organisations" --sightings "$sightings" --seed "$seed" > "$out/campaign-scale.txt"

wall="$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/campaign-scale.time")"
rss="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$out/campaign-scale.time")"
echo "process: wall $wall, peak RSS $((rss / 1024)) MB (java -Xmx4g)"
cat "$out/campaign-scale.txt"
