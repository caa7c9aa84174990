#!/usr/bin/env bash
# Every figure of the generated section of docs/benchmarks.md: runs each `tokenmatch bench` command
# the report names (writing its JSON into docs/bench-results/), then regenerates the tables and plots.
# About 2 minutes on a quiet 2-core machine. Run it with nothing else running; the report gives the
# load average beside each figure.
#
#   scripts/bench-all.sh            all figures, then the report
#   scripts/bench-all.sh --report   only the report, from the JSON already there
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build Cli -c Release -m:1 -v q -nologo >/dev/null
tm=(dotnet Cli/bin/Release/net10.0/tokenmatch.dll)
out=docs/bench-results

if [ "${1:-}" != "--report" ]; then
  for depth in 1000 10000 100000; do
    "${tm[@]}" bench core --commands 5000000 --depth "$depth" --accounts 10000 --json "$out/core-depth-$depth.json" --no-progress
  done
  "${tm[@]}" bench core --commands 5000000 --depth 1000000 --accounts 1000000 --json "$out/core-depth-1000000.json" --no-progress
  "${tm[@]}" bench pipeline --commands 5000000 --json "$out/pipeline.json" --no-progress
  "${tm[@]}" bench journal --commands 5000000 --fsync batch --json "$out/journal.json" --no-progress
  "${tm[@]}" bench replay --commands 5000000 --json "$out/replay.json" --no-progress
  "${tm[@]}" bench gateway --commands 1000000 --connections 4 --json "$out/gateway.json" --no-progress
  "${tm[@]}" bench core --latency --median-bound-us 100 --json "$out/core-latency.json" --no-progress
  "${tm[@]}" bench pipeline --latency --median-bound-us 10000 --rate-max 1600000 --json "$out/pipeline-latency.json" --no-progress
fi
"${tm[@]}" bench report "$out" --doc docs/benchmarks.md
