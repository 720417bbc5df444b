#!/usr/bin/env bash
# Soak benchmark (issue 20): the whole kiosk, headless, under random visitors for a million
# frames with an update installed every 50,000, at the lowest priority (it takes hours on a
# shared machine). Prints progress every 50,000 frames and the report at the end; exits non-zero
# when memory grew after warm-up, a problem was logged, a screen was never reached or an update
# did not install. The output is also kept in soak-SEED.log in the build folder.
# Usage: tests/bench/soak.sh [BUILD_DIR] [SEED] [FRAMES] [more soak_bench options]
#        (defaults build/release, 1, 1000000; e.g. tests/bench/soak.sh build/release 7 20000 --warm-up 5000 --update-every 5000)
set -euo pipefail
build=${1:-build/release}
seed=${2:-1}
frames=${3:-1000000}
shift $(( $# < 3 ? $# : 3 ))
log=$build/soak-$seed.log
echo "soak: seed $seed, $frames frames; output also in $log"
nice -n 19 "$build/tests/bench/soak_bench" --seed "$seed" --frames "$frames" "$@" 2>&1 | tee "$log" | grep --line-buffered '^soak\|^  '
exit "${PIPESTATUS[0]}"
