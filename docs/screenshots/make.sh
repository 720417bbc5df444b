#!/usr/bin/env bash
# Regenerates the README's screenshots with `kiosk --screenshot`.
# Usage: docs/screenshots/make.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
out=docs/screenshots
shot() { "$build/kiosk/kiosk" --bundle "$build/torino.kbundle" --screenshot "$out/$1.png" "${@:2}"; }
shot languages --open languages
for lang in it en uk ar; do
  shot "home-$lang" --open home --lang "$lang"
  shot "guide-$lang" --open guide/ukraine-call-center --lang "$lang"
done
shot guide-portrait-ar --open guide/permit-booking --lang ar --size 1080x1920
