#!/usr/bin/env bash
# Builds the data benchmark (bench/CampaignDsl.DataBench) in Release into $BENCH_ARTIFACTS (default bench/.artifacts) and
# runs it with the arguments given: bench/import.sh, bench/simulate.sh and bench/tick.sh call it.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="${BENCH_ARTIFACTS:-$repo/bench/.artifacts}"
mkdir -p "$artifacts"
artifacts="$(cd "$artifacts" && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! build_log="$(dotnet build "$repo/bench/CampaignDsl.DataBench/CampaignDsl.DataBench.csproj" -c Release \
    --artifacts-path "$artifacts" -nologo -v quiet 2>&1)"; then
  printf '%s\n' "$build_log" >&2
  echo "bench: the build failed" >&2
  exit 2
fi
exec "$artifacts/bin/CampaignDsl.DataBench/release/CampaignDsl.DataBench" "$@"
