#!/usr/bin/env bash
# Builds the data benchmark in Release and measures `campaignc run`'s ticks with the five-stage re-engagement example
# (examples/reengagement/we_miss_you) on the simulate benchmark's generated stores (cached in $BENCH_ARTIFACTS/stores):
# the first tick, idle ticks (nothing due), the tick a week in, and a simulation of that week (what a replaying pass cost).
# bench/tick.sh [--contacts 100000,1000000] [--events-per-contact 10] [--runs 5] [--seed 42]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="${BENCH_ARTIFACTS:-$repo/bench/.artifacts}"
exec "$repo/bench/databench.sh" tick \
  --plan "$repo/examples/reengagement/we_miss_you.plan.json" --cache "$artifacts/stores" "$@"
