#!/usr/bin/env bash
# Idle benchmark (issues 2 and 5): with no input, an unchanging screen draws no frames and uses
# < 1 % of one core; the attract screen and the "Still there?" countdown animate at 10 frames a
# second at most. Measures CPU time from /proc (user + system) over a 10 s window after 3 s of
# start-up, and the frames the kiosk reports drawing in the whole run. A real X11 window under
# Xvfb is measured too when Xvfb is installed (apt-get install xvfb).
# Usage: tests/bench/idle_cpu.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
build=${1:-build/release}
kiosk=$build/kiosk/kiosk
bundle=$build/torino.kbundle
settle=3 window=10
ticks=$(getconf CLK_TCK)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() {  # measure LABEL COMMAND...   (the command runs settle + window seconds, then exits)
  local label=$1; shift
  "$@" >"$work/out" 2>/dev/null &
  local pid=$!
  sleep "$settle"
  local before after
  before=$(cpu_ticks "$pid")
  sleep "$window"
  after=$(cpu_ticks "$pid")
  wait "$pid" 2>/dev/null || true
  local frames
  frames=$(sed -n 's/^frames: \([0-9]*\).*/\1/p' "$work/out")
  awk -v l="$label" -v d=$((after - before)) -v t="$ticks" -v w="$window" -v f="${frames:-?}" -v s=$((settle + window)) \
    'BEGIN { printf "%-40s %5.2f %% of one core (%d ticks of 1/%d s in %d s); %s frames in %d s\n", l, 100 * d / t / w, d, t, w, f, s }'
}

run_ms=$(((settle + window) * 1000))
echo "kiosk CPU over ${window} s without input, after ${settle} s of start-up"
measure "home, headless 1920x1080" "$kiosk" --bundle "$bundle" --headless --lang en --exit-after $run_ms
measure "attract screen, headless 1920x1080" "$kiosk" --bundle "$bundle" --headless --exit-after $run_ms
# The countdown runs from 5 s to 15 s after the last touch (start-up counts as one).
printf 'idle_timeout = 15\nidle_countdown = 10\n' >"$work/idle.conf"
measure "countdown (5-13 s idle), headless" "$kiosk" --bundle "$bundle" --config "$work/idle.conf" --headless --lang en --exit-after $run_ms
if command -v Xvfb >/dev/null; then
  Xvfb :97 -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
  sleep 1
  measure "home, X11 window 1920x1080 (Xvfb)" env DISPLAY=:97 "$kiosk" --bundle "$bundle" --windowed 1920x1080 --lang en --exit-after $run_ms
else
  echo "(Xvfb not installed: apt-get install xvfb to measure a real X11 window)"
fi
