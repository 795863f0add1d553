#!/usr/bin/env bash
# Builds the data benchmark in Release and measures `campaignc simulate`'s engine: the five-stage re-engagement
# example (examples/reengagement/we_miss_you) over generated contact stores.
# bench/simulate.sh [--contacts 100000,1000000] [--events-per-contact 10] [--days 60] [--runs 3] [--seed 42] [--read-only]
# Each size's store is generated once into $BENCH_ARTIFACTS/stores (default bench/.artifacts) and reused; every run
# is a fresh process writing the timeline to a CSV file. Prints a Markdown table of medians, peak RSS and the
# time ratio between sizes (linearity). --read-only measures reading the contact histories alone.
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
exec "$artifacts/bin/CampaignDsl.DataBench/release/CampaignDsl.DataBench" simulate \
  --plan "$repo/examples/reengagement/we_miss_you.plan.json" --cache "$artifacts/stores" "$@"
