#!/usr/bin/env bash
# Builds the data benchmark in Release and measures `campaignc import`'s engine on generated data:
# bench/import.sh [--contacts 10000,100000,1000000] [--seed 42]. Prints a Markdown table with rows/s
# and the peak memory of the process. Build output goes to $BENCH_ARTIFACTS (default bench/.artifacts).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$repo/bench/databench.sh" import "$@"
