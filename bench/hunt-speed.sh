#!/usr/bin/env bash
# Whole-process hunt speed, beside the peer an analyst would reach for first.
#
#   bench/hunt-speed.sh [ORGANISATIONS]        (default 120)
#
# Generates a seeded ToolShell world (scenarios module, through `tradecraft demo`), then times with
# hyperfine, in the same run:
#   - tradecraft hunt over the IIS logs and Windows events (built-in rules + indicators, all cores)
#   - tradecraft hunt with --threads 1
#   - ripgrep fixed-string scan of the same IIS logs for the built-in feed's indicator values
# and prints events/s from the hunt's own event count. Needs hyperfine and ripgrep
# (apt-get install hyperfine ripgrep). Results go to target/bench/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
organisations="${1:-120}"
out="$here/target/bench"
mkdir -p "$out"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
command -v rg >/dev/null || { echo "needs ripgrep (apt-get install ripgrep)" >&2; exit 1; }

"$here/tradecraft" demo --workspace "$out" --organisations "$organisations" --quiet > "$out/demo.txt"
world="$out/demo-world"
"$here/tradecraft" hunt "$world/weblogs" "$world/events" --quiet --summary-json "$out/summary.json" --workspace "$out/workspace" > /dev/null
events="$(jq '.totals.events' "$out/summary.json")"
bytes="$(du -sb "$world/weblogs" "$world/events" | awk '{s+=$1} END {print s}')"
# The feed's values, refanged, as fixed strings (what an analyst greps for).
grep -v '^#' "$here/content/iocs/toolshell.csv" | tail -n +2 | cut -d, -f2 | sed 's/\[\.\]/./g' > "$out/iocs.txt"

jar="$here/cli/target/tradecraft.jar"
# The timed hunts run into the workspace the first hunt filled: the same input again, nothing new to write
# (bench/sigma-hunt-speed.sh also times hunts into an empty workspace).
hyperfine -N -w 1 -r 5 --output=pipe --export-json "$out/hyperfine.json" \
  -n "tradecraft hunt (all cores)" "java -jar $jar hunt $world/weblogs $world/events --quiet --workspace $out/workspace" \
  -n "tradecraft hunt --threads 1" "java -jar $jar hunt $world/weblogs $world/events --quiet --threads 1 --workspace $out/workspace" \
  -n "rg -z -c -F -f iocs.txt (IIS logs only)" "rg -z -c -F -f $out/iocs.txt $world/weblogs"

echo
echo "world: $organisations organisations, $events events, $((bytes / 1000000)) MB on disk (some gzipped)"
jq -r --argjson events "$events" '.results[] | "\(.command): mean \(.mean | . * 1000 | floor) ms ± \(.stddev | . * 1000 | floor) ms" + (if (.command | startswith("tradecraft")) then " → \($events / .mean | floor) events/s" else "" end)' "$out/hyperfine.json"
