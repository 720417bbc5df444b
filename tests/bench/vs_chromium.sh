#!/usr/bin/env bash
# The kiosk against a Chromium kiosk on the same guide page (issue 24): cold start, memory and
# idle CPU, headless and on an X display, in one interleaved run (tests/bench/vs_chromium.py).
# Writes the README's table to build/vs_chromium.md. Chromium and Xvfb come from Debian; the
# script installs them only when asked (--install), never the test suite. A chrome-headless-shell
# on PATH is measured too.
# Usage: tests/bench/vs_chromium.sh [--install] [BUILD_DIR]   (default build/release)
#        RUNS=12 DISPLAY_RUNS=3 IDLE=10 tests/bench/vs_chromium.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = --install ]; then
  shift
  apt-get install -y chromium xvfb
fi
build=${1:-build/release}
for tool in chromium python3; do
  command -v "$tool" >/dev/null || { echo "vs_chromium: $tool is not installed. Fix: tests/bench/vs_chromium.sh --install" >&2; exit 1; }
done
[ -x "$build/kiosk/kiosk" ] || { echo "vs_chromium: no kiosk in $build. Fix: build first (README: Two commands)" >&2; exit 1; }
exec python3 tests/bench/vs_chromium.py --kiosk "$build/kiosk/kiosk" --bundle "$build/torino.kbundle" --source content/torino \
  --runs "${RUNS:-12}" --display-runs "${DISPLAY_RUNS:-3}" --idle "${IDLE:-10}" --out "$build/vs_chromium.md"
