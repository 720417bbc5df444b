#!/usr/bin/env bash
# Idle benchmark: the kiosk with its window open and no input for 10 s must use < 1 % of one
# core. Measures CPU time from /proc (user + system) over a 10 s window after start-up, for a
# real X11 window under Xvfb (when installed: apt-get install xvfb) and for the headless loop.
# Usage: tests/bench/idle_cpu.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
build=${1:-build/release}
kiosk=$build/kiosk/kiosk
bundle=$build/torino.kbundle
settle=3 window=10
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() {  # measure LABEL COMMAND...
  local label=$1; shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$settle"
  local before after
  before=$(cpu_ticks "$pid")
  sleep "$window"
  after=$(cpu_ticks "$pid")
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  awk -v l="$label" -v d=$((after - before)) -v t="$ticks" -v w="$window" \
    'BEGIN { printf "%-34s %5.2f %% of one core (%d ticks of 1/%d s in %d s)\n", l, 100 * d / t / w, d, t, w }'
}

echo "kiosk idle CPU, ${window} s without input after ${settle} s of start-up"
if command -v Xvfb >/dev/null; then
  Xvfb :97 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null' EXIT
  sleep 1
  measure "X11 window 1920x1080 (Xvfb)" env DISPLAY=:97 "$kiosk" --bundle "$bundle" --windowed 1920x1080 --lang en
else
  echo "(Xvfb not installed: apt-get install xvfb to measure a real X11 window)"
fi
measure "headless loop 1920x1080" "$kiosk" --bundle "$bundle" --headless --lang en
