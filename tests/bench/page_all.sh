#!/usr/bin/env bash
# Memory benchmark (issue 4): the kiosk pages through every guide in every language of the demo
# bundle, as a visitor would (language, home, category, guide), and reports its peak resident
# set and the glyph atlas's size. Targets: peak RSS < 80 MB, atlas ≤ 2048×2048.
# Usage: tests/bench/page_all.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
build=${1:-build/release}
bundle=$build/torino.kbundle
script=$(mktemp --suffix=.kscript)
trap 'rm -f "$script"' EXIT

q() { sqlite3 -readonly "$bundle" "$1"; }
{
  for lang in $(q "SELECT code FROM language ORDER BY position"); do
    echo "tap-item nav:home"
    echo "tap-item lang:$lang"
    echo "expect-lang $lang"
    q "SELECT g.id, g.category_id FROM guide g JOIN category c ON c.id = g.category_id ORDER BY c.position, g.position" |
      while IFS='|' read -r guide category; do
        echo "tap-item nav:home"
        echo "tap-item category:$category"
        echo "tap-item guide:$guide"
        echo "expect-route guide/$guide"
      done
  done
  echo "report"
} >"$script"

echo "$(grep -c '^expect-route' "$script") guide pages, $(grep -c '^expect-lang' "$script") languages"
/usr/bin/time -v "$build/kiosk/kiosk" --bundle "$bundle" --lang it --open home --size 1920x1080 --script "$script" 2>&1 |
  grep -E '^report:|Maximum resident set size|Elapsed \(wall|^script|error' | sed 's/^\s*//'
