#!/usr/bin/env bash
# Memory benchmark (issue 4): the kiosk pages through every guide in every language of the demo
# bundle, as a visitor would (language, home, category, guide), and reports its peak resident
# set, the glyph atlas's size and the anonymous memory at the end. Targets: peak RSS < 80 MB,
# atlas ≤ 2048×2048, anonymous memory ≤ 32 MB (issue 24).
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
    # A category of one guide opens that guide at once (three touches to what a visitor came for).
    q "SELECT g.id, g.category_id, (SELECT count(*) FROM guide o WHERE o.category_id = g.category_id)
       FROM guide g JOIN category c ON c.id = g.category_id ORDER BY c.position, g.position" |
      while IFS='|' read -r guide category guides; do
        echo "tap-item nav:home"
        echo "tap-item category:$category"
        [ "$guides" -gt 1 ] && echo "tap-item guide:$guide"
        echo "expect-route guide/$guide"
      done
  done
  echo "report"
} >"$script"

echo "$(grep -c '^expect-route' "$script") guide pages, $(grep -c '^expect-lang' "$script") languages"
/usr/bin/time -v "$build/kiosk/kiosk" --bundle "$bundle" --lang it --open home --size 1920x1080 --script "$script" 2>&1 |
  grep -E '^report:|Maximum resident set size|Elapsed \(wall|^script|error' | sed 's/^\s*//'
