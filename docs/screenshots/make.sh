#!/usr/bin/env bash
# Regenerates the README's screenshots with `kiosk --screenshot` and `kiosk --script`: the
# language chooser, home in four languages, the same guide in every language of the demo bundle,
# the screens of a kiosk's life: attract, search, high contrast, the idle countdown, admin; and
# places: the list, a place's card, the map; links' QR screens; printed tickets (`kiosk --print-preview`).
# Usage: docs/screenshots/make.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
out=docs/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kiosk() { "$build/kiosk/kiosk" --bundle "$build/torino.kbundle" "$@"; }
shot() { kiosk --screenshot "$out/$1.png" "${@:2}"; }
# scripted NAME KIOSK_ARGS... : runs the script on standard input, which ends in a screenshot.
scripted() {
  { cat; echo "screenshot $PWD/$out/$1.png"; } >"$work/$1.kscript"
  kiosk "${@:2}" --script "$work/$1.kscript"
}

shot languages --open languages
for lang in it en uk ar; do
  shot "home-$lang" --open home --lang "$lang"
done
for lang in it en fr es ar fa ur uk ru zh ro sq ti am so bn; do
  shot "guide-$lang" --open guide/food-help --lang "$lang"
done
for lang in en ar ti; do
  shot "home-portrait-$lang" --open home --lang "$lang" --size 1080x1920
done
shot home-zh --open home --lang zh
shot attract-portrait --open attract --size 1080x1920
shot place-no-address-zh --open place/hub-centro --lang zh
shot place-no-address-am --open place/hub-nord --lang am --size 1080x1920
shot guide-phone-ar --open guide/ukraine-call-center --lang ar
printf 'tap-item guide:staff\n' | scripted staff-ar --lang ar --open guide/permit-booking
shot guide-portrait-ar --open guide/permit-booking --lang ar --size 1080x1920
shot guide-portrait-zh --open guide/permit-booking --lang zh --size 1080x1920

shot attract --open attract --lang it
printf 'position = 45.0703, 7.6869\n' >"$work/position.conf"
shot places-fa --open places --lang fa --config "$work/position.conf"
shot place-card-en --open place/rednova-call-center --lang en
shot place-mobile-unit-uk --open place/mobile-unit --lang uk
shot qr-en --open qr/prenotafacile --lang en
shot qr-ar --open qr/rednova-phone --lang ar
printf 'tap-item map:zoom_out\n' | scripted map-en --lang en --open map --config "$work/position.conf"
shot map-place-ar --open map/rednova-call-center --lang ar --config "$work/position.conf"
printf 'tap-item a11y:contrast\n' | scripted map-high-contrast-zh --lang zh --open map --config "$work/position.conf"
shot map-portrait-bn --open map --lang bn --size 1080x1920 --config "$work/position.conf"
printf 'tap-item nav:search\ntap-item key:p\ntap-item key:e\ntap-item key:r\ntap-item key:m\n' | scripted search-it --lang it --open home
printf 'tap-item nav:search\ntap-item key:ا\ntap-item key:ل\ntap-item key:س\ntap-item key:ك\n' | scripted search-ar --lang ar --open home
printf 'tap-item nav:search\ntap-item key:ж\ntap-item key:и\ntap-item key:т\n' | scripted search-uk-portrait --lang uk --open home --size 1080x1920
# Chinese by its pinyin; Amharic by consonant, then vowel form (ደ then ድ: ደ's forms stay on show).
printf 'tap-item nav:search\ntype juliu\n' | scripted search-zh --lang zh --open home
printf 'tap-item nav:search\ntype ፈቃድ\n' | scripted search-am-portrait --lang am --open home --size 1080x1920
printf 'tap-item a11y:contrast\ntap-item a11y:text\n' | scripted high-contrast-bn --lang bn --open guide/food-help
printf 'idle_timeout = 15\nidle_countdown = 10\n' >"$work/idle.conf"
printf 'wait 6500\n' | scripted countdown-fa --lang fa --open guide/food-help --config "$work/idle.conf"
# On a QR screen the patience is doubled (30 s here) and the countdown is a band over the header.
printf 'wait 21000\n' | scripted qr-countdown-ar --lang ar --open qr/rednova-phone --config "$work/idle.conf"
echo 2468 | "$build/kiosk/kiosk" --hash-pin >"$work/admin.conf"
printf 'tap-item pin:2\ntap-item pin:4\ntap-item pin:6\n' | scripted admin-pin --lang it --open admin --config "$work/admin.conf"
printf 'tap-item pin:2\ntap-item pin:4\ntap-item pin:6\ntap-item pin:8\ntap-item pin:ok\n' | scripted admin-panel --lang it --open admin --config "$work/admin.conf"
printf 'location = Snodo Torino Solidale (kiosk example)\n' >"$work/ticket.conf"
printf 'printer = /nonexistent/usb/lp0\n' >"$work/no-printer.conf"
for lang in en ar zh bn; do
  kiosk --print-preview "$out/ticket-$lang.png" --open place/rednova-call-center --lang "$lang" --paper 80 --config "$work/ticket.conf"
done
kiosk --print-preview "$out/ticket-guide-zh-58mm.png" --open guide/permit-booking --lang zh --paper 58 --config "$work/ticket.conf"
printf 'tap-item ticket:print\nwait 300\n' | scripted print-unavailable-en --lang en --open place/rednova-call-center --config "$work/no-printer.conf"
