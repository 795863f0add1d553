#!/usr/bin/env bash
# Builds campaignc and the benchmark in Release, then runs the benchmark; arguments go to it
# (bench/run.sh --help lists them, e.g. --markdown, --large, --profile, --runs 9).
# Build output goes to $BENCH_ARTIFACTS (default bench/.artifacts, git-ignored), apart from other builds.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="${BENCH_ARTIFACTS:-$repo/bench/.artifacts}"
mkdir -p "$artifacts"
artifacts="$(cd "$artifacts" && pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "bench: building Release into $artifacts" >&2
if ! build_log="$(dotnet build "$repo/bench/CampaignDsl.Bench/CampaignDsl.Bench.csproj" -c Release \
    --artifacts-path "$artifacts" -nologo -v quiet 2>&1)"; then
  printf '%s\n' "$build_log" >&2
  echo "bench: the build failed" >&2
  exit 2
fi

exec "$artifacts/bin/CampaignDsl.Bench/release/CampaignDsl.Bench" \
  --campaignc "$artifacts/bin/Campaignc/release/campaignc" "$@"
