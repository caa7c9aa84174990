#!/usr/bin/env bash
# Mutation testing of the matching core with Stryker.NET (a local tool: .config/dotnet-tools.json).
#
#   scripts/mutation.sh                     every core folder: Matching, Core, Ledger, Markets (hours on 2 cores)
#   scripts/mutation.sh Markets             one folder
#   scripts/mutation.sh Matching 'FullyQualifiedName~Matching|FullyQualifiedName~Reference'
#                                           one folder, only the tests that filter selects (faster)
#   CONCURRENCY=2 scripts/mutation.sh ...   parallel test runners (default 1: the machine is shared)
#
# Reports (HTML and JSON) land in StrykerOutput/<date>/reports under Engine.Tests/. Not part of CI:
# too slow for every run. The score and the survivors that matter are written up in docs/testing.md.
set -euo pipefail
cd "$(dirname "$0")/.."

folders=("${1:-Matching Core Ledger Markets}")
filter="${2:-}"
concurrency="${CONCURRENCY:-1}"

dotnet tool restore >/dev/null

mutate=()
for folder in ${folders[*]}; do
  case "$folder" in
    Matching|Core|Ledger|Markets) mutate+=(--mutate "**/Engine/$folder/**/*.cs") ;;
    *) echo "unknown folder '$folder' (Matching, Core, Ledger or Markets)" >&2; exit 2 ;;
  esac
done

args=(--project Engine.csproj --configuration Release --concurrency "$concurrency"
      --reporter html --reporter json --reporter progress --reporter cleartext "${mutate[@]}")
if [ -n "$filter" ]; then args+=(--test-case-filter "$filter"); fi

cd Engine.Tests
# TOKENMATCH_LONG stays unset: each mutant runs the CI-sized properties.
exec dotnet stryker "${args[@]}"
