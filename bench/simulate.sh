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
exec "$repo/bench/databench.sh" simulate \
  --plan "$repo/examples/reengagement/we_miss_you.plan.json" --cache "$artifacts/stores" "$@"
