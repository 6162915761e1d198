#!/usr/bin/env bash
# Whole-process Sigma hunt speed (issue 5): every SigmaHQ rule, the CLI, JSON event files.
#
#   bench/sigma-hunt-speed.sh [ORGANISATIONS]        (default 600)
#
# Generates a seeded ToolShell world (`tradecraft demo`), then times with hyperfine
#   tradecraft hunt --rules rules --rules rules-emerging-threats --rules rules-threat-hunting EVENTS
# over the world's Windows event files (evtx_dump-shape JSON: Sysmon, Security, PowerShell…), JVM
# start, rule loading and reading included, all cores. events/s come from the hunt's own event
# count; the ratio is against Hayabusa's published 12,800 events/s (3,633 rules, 4,817,181 events,
# MacBook Air; see ../shared/reference/sigma.md §4.1). Needs hyperfine, jq and ../shared/corpus.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
organisations="${1:-600}"
out="$here/target/bench/sigma-hunt"
rules="$here/../shared/corpus/sigma"
mkdir -p "$out"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[ -d "$rules/rules" ] || { echo "needs the SigmaHQ rules under $rules" >&2; exit 1; }

if [ ! -f "$out/world-$organisations.done" ]; then
  rm -rf "$out/demo-world"
  "$here/tradecraft" demo --workspace "$out" --organisations "$organisations" --quiet > /dev/null
  touch "$out/world-$organisations.done"
fi
events_dir="$out/demo-world/events"
workspace="$out/workspace"
hunt=(java -XX:+UseParallelGC -Xmn256m -jar "$here/cli/target/tradecraft.jar" hunt --rules "$rules/rules" --rules "$rules/rules-emerging-threats"
      --rules "$rules/rules-threat-hunting" "$events_dir" --quiet --workspace "$workspace")
rm -rf "$workspace"
"${hunt[@]}" --summary-json "$out/summary.json" > /dev/null
events="$(jq '.totals.events' "$out/summary.json")"
hits="$(jq '.totals.hits' "$out/summary.json")"
bytes="$(du -sb "$events_dir" | awk '{print $1}')"

# The hunt keeps its hits in the workspace (docs/workspace.md). First: every run into an empty
# workspace (all hits written); then the same input again into the kept one (nothing new to write).
hyperfine -N -w 1 -r 3 --output=pipe --export-json "$out/hyperfine.json" \
  --prepare "rm -rf $workspace" -n "tradecraft hunt, all SigmaHQ rules, new workspace" "${hunt[*]}" \
  --prepare "true" -n "tradecraft hunt, all SigmaHQ rules, same input again" "${hunt[*]}"
echo
echo "input: $events events, $((bytes / 1000000)) MB of JSON, $(nproc) cores; $hits hits"
jq -r --argjson events "$events" '.results[] | "\(.command): mean \(.mean * 1000 | floor) ms ± \(.stddev * 1000 | floor) ms → \($events / .mean | floor) events/s, \(($events / .mean / 12800 * 10 | floor) / 10)× Hayabusa published 12,800"' "$out/hyperfine.json"
