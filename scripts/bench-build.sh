#!/bin/sh
# Benchmark `socnav build` on synthetic catalogues.
# Usage: scripts/bench-build.sh [SIZES]    e.g. scripts/bench-build.sh 1000,10000
# Without SIZES: 1000, 10000 and 100000 services (the last takes a few minutes).
set -eu
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
    SOCNAV_BENCH_SIZES="$1"
    export SOCNAV_BENCH_SIZES
fi
exec cargo bench --bench build
