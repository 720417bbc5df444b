#!/usr/bin/env bash
# Regenerates the README's screenshots with `kiosk --screenshot`: the language chooser, home
# in four languages, and the same guide in every language of the demo bundle.
# Usage: docs/screenshots/make.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
out=docs/screenshots
shot() { "$build/kiosk/kiosk" --bundle "$build/torino.kbundle" --screenshot "$out/$1.png" "${@:2}"; }
shot languages --open languages
for lang in it en uk ar; do
  shot "home-$lang" --open home --lang "$lang"
done
for lang in it en fr es ar fa ur uk ru zh ro sq ti am so bn; do
  shot "guide-$lang" --open guide/food-help --lang "$lang"
done
shot guide-portrait-ar --open guide/permit-booking --lang ar --size 1080x1920
shot guide-portrait-zh --open guide/permit-booking --lang zh --size 1080x1920
