#!/usr/bin/env bash
# EVTX reading speed (issue 6): `tradecraft evtx dump` beside libevtx's `evtxexport`, same files,
# same run, whole processes (JVM start included).
#
#   bench/evtx-speed.sh [ORGANISATIONS]        (default 60)
#
# Data: a seeded ToolShell world whose Windows events are written as .evtx (`tradecraft demo
# --windows-events evtx`: Sysmon and Security logs, one file per host and day, in Windows' chunk
# and template layout), and the 202 SigmaHQ regression .evtx files when ../shared/corpus is there.
# Timed with hyperfine: evtxexport -f xml, one process per file (as ../shared/reference/peers.md
# measures it); tradecraft evtx dump --format xml and --format jsonl, on one thread and on all
# cores. records/s from the record count, MB/s from the .evtx bytes. Needs hyperfine, jq and
# evtxexport (apt-get install hyperfine jq libevtx-utils).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
organisations="${1:-60}"
out="$here/target/bench/evtx"
mkdir -p "$out"
for tool in hyperfine jq evtxexport; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install hyperfine jq libevtx-utils)" >&2; exit 1; }
done

if [ ! -f "$out/world-$organisations.done" ]; then
  rm -rf "$out/demo-world" "$out"/world-*.done
  "$here/tradecraft" demo --workspace "$out" --organisations "$organisations" --windows-events evtx --quiet > /dev/null
  touch "$out/world-$organisations.done"
fi
# Through the launcher, with the JVM options a user gets (the quick JIT compiler below 1 GiB).
tc="$here/tradecraft"

measure() {
  local name="$1" dir="$2"
  local list="$out/$name.files"
  find "$dir" -name '*.evtx' | sort > "$list"
  local files bytes records
  files="$(wc -l < "$list")"
  bytes="$(xargs cat < "$list" | wc -c)"
  records="$("$tc" evtx dump "$dir" --format jsonl --quiet | wc -l)"
  echo "== $name: $files files, $records records, $((bytes / 1000000)) MB of .evtx, $(nproc) cores"
  hyperfine -w 1 -r "${RUNS:-5}" --export-json "$out/$name.json" \
    -n "evtxexport -f xml (one process per file)" "xargs -n 1 evtxexport -f xml < $list > /dev/null 2>&1" \
    -n "tradecraft evtx dump --format xml, 1 thread" "$tc evtx dump $dir --format xml --threads 1 --quiet > /dev/null" \
    -n "tradecraft evtx dump --format xml, all cores" "$tc evtx dump $dir --format xml --quiet > /dev/null" \
    -n "tradecraft evtx dump --format jsonl, 1 thread" "$tc evtx dump $dir --format jsonl --threads 1 --quiet > /dev/null" \
    -n "tradecraft evtx dump --format jsonl, all cores" "$tc evtx dump $dir --format jsonl --quiet > /dev/null" \
    > /dev/null
  jq -r --argjson records "$records" --argjson bytes "$bytes" '
    (.results[0].mean) as $base
    | .results[] | "\(.command): \(.mean * 1000 | floor) ms ± \(.stddev * 1000 | floor) ms → \($records / .mean | floor) records/s, \(($bytes / .mean / 1e5 | floor) / 10) MB/s, \(($base / .mean * 10 | floor) / 10)× evtxexport"' \
    "$out/$name.json"
}

measure "world-$organisations" "$out/demo-world/events"
regression="$here/../shared/corpus/sigma-regression"
if [ -d "$regression" ]; then
  measure sigma-regression "$regression"
fi
