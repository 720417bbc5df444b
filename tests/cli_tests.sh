#!/usr/bin/env bash
# The programs as a person runs them: messages, exit codes, screenshots and scripts.
# Usage: cli_tests.sh KIOSK KIOSK_BUNDLE DEMO_BUNDLE TESTS_DIR
set -u
kiosk=$1 bundle_tool=$2 demo=$3 tests=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$tests/lib.sh"
png_size() {  # width x height from the PNG header
  local w h
  w=$(od -An -tu1 -j16 -N4 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
  h=$(od -An -tu1 -j20 -N4 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
  echo "${w}x${h}"
}

out=$("$kiosk" --version); check "version" contains "$out" "kiosk 0.1.0"

# Each program links what it uses and no more (README, Layout): the kiosk needs no gettext, and
# kiosk-bundle no screen, network or QR library.
needed() { readelf -d "$1" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' '; }
kiosk_libs=$(needed "$kiosk") tool_libs=$(needed "$bundle_tool")
for lib in libSDL2 libsqlite3 libharfbuzz.so libfreetype libfribidi libunibreak libunistring libicuuc libicui18n libqrencode libsodium libcurl libstb libsystemd libespeak-ng; do
  check "kiosk links $lib" contains "$kiosk_libs" "$lib"
done
check "kiosk does not link libgettextpo" test -z "$(grep -o libgettextpo <<<"$kiosk_libs")"
for lib in libsqlite3 libharfbuzz.so libharfbuzz-subset libfreetype libgeos_c libunistring libicuuc libicui18n libgettextpo libsodium; do
  check "kiosk-bundle links $lib" contains "$tool_libs" "$lib"
done
for lib in libSDL2 libcurl libqrencode libsystemd libstb libespeak-ng; do
  check "kiosk-bundle does not link $lib" test -z "$(grep -o "$lib" <<<"$tool_libs")"
done

out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$kiosk" --bundle "$demo" --lang en 2>&1); rc=$?
check "no display: non-zero exit" test $rc -ne 0
check "no display: says so" contains "$out" "no display found"
check "no display: tells how to get a screenshot" contains "$out" "kiosk --screenshot out.png"
check "no display: one line" test "$(wc -l <<<"$out")" -eq 1

out=$("$kiosk" --bundle "$demo" --screenshot "$work/g.png" --open guide/food-help --lang ru --size 1280x720); rc=$?
check "screenshot: exit 0" test $rc -eq 0
check "screenshot: file at the asked size" test "$(png_size "$work/g.png")" = "1280x720"
check "screenshot: says what it drew" contains "$out" "guide/food-help, ru"

out=$("$kiosk" --bundle "$demo" --lang xx --screenshot "$work/x.png" 2>&1); rc=$?
check "unknown language: refused" test $rc -ne 0
check "unknown language: lists the bundle's" contains "$out" "use one of it en fr es ar fa ur uk ru zh ro sq ti am so bn"
out=$("$kiosk" --bundle "$demo" --open nowhere --screenshot "$work/x.png" 2>&1)
check "bad route: explains routes" contains "$out" "use attract, languages, home, category/<id> or guide/<id>"
out=$("$kiosk" --bundle "$work/none.kbundle" --screenshot "$work/x.png" 2>&1)
check "missing bundle: says how to build one" contains "$out" "kiosk-bundle build"
out=$("$kiosk" --bundle "$demo" --fallback it,zz --screenshot "$work/x.png" 2>&1)
check "fallback: unknown language refused" contains "$out" "--fallback names \"zz\""
out=$("$kiosk" --bundle "$demo" --fallback it --screenshot "$work/x.png" 2>&1)
check "fallback: accepted" contains "$out" "wrote"
# A content manager's preview: the source built unsigned, the band on screen; a source with
# errors has nothing to show and says why.
cp -r "$tests/../content/torino" "$work/preview-src"
out=$("$kiosk" --preview "$work/preview-src" --screenshot "$work/preview.png" --open home --lang ar 2>&1); rc=$?
check "preview: exit 0" test $rc -eq 0
check "preview: built from the source" contains "$out" "preview: built $work/preview-src in"
check "preview: drawn" test -s "$work/preview.png"
sed -i 's/^expires = .*/expires = 2020-01-01/; s/^created = .*/created = 2019-01-01/' "$work/preview-src/bundle.ini"
out=$("$kiosk" --preview "$work/preview-src" --screenshot "$work/x.png" 2>&1); rc=$?
check "preview of a bad source: refused" test $rc -eq 1
check "preview of a bad source: the error, with its file and line" contains "$out" "preview-src/bundle.ini:7: error: expires: the bundle expired on 2020-01-01"
out=$("$kiosk" --preview "$work/preview-src" --store "$work/store" 2>&1); rc=$?
check "preview never mixes with signed content" contains "$out" "--preview shows an unsigned source folder and cannot be combined with"

printf '# portrait kiosk\nrotation = 90\n' >"$work/turned.conf"
out=$("$kiosk" --bundle "$demo" --config "$work/turned.conf" --screenshot "$work/turned.png" --open home --lang en --size 1920x1080); rc=$?
check "rotation: exit 0" test $rc -eq 0
check "rotation: the panel's picture keeps the panel's size" test "$(png_size "$work/turned.png")" = "1920x1080"
printf 'rotation = 90\nrotaton = 0\n' >"$work/typo.conf"
out=$("$kiosk" --bundle "$demo" --config "$work/typo.conf" --screenshot "$work/x.png" 2>&1); rc=$?
check "config: unknown key refused" test $rc -ne 0
check "config: names file, line and key" contains "$out" "typo.conf:2: rotaton: unknown setting. Fix:"
printf 'rotation = 45\n' >"$work/bad.conf"
out=$("$kiosk" --bundle "$demo" --config "$work/bad.conf" --screenshot "$work/x.png" 2>&1)
check "config: bad rotation explained" contains "$out" "bad.conf:1: rotation: \"45\" is not valid. Fix: write 0, 90, 180 or 270"
# Every number has a range (docs/configuration.md): a value past it once wrapped round silently
# (check_every = 4294967296 polled without pause, max_bundle_mb = 2147483648 lifted the cap).
out_of_range() {  # out_of_range 'KEY = VALUE' EXPECTED: refused at start, with file, line, key and range
  printf '# a kiosk\n%s\n' "$1" >"$work/range.conf"
  out=$(timeout 20 "$kiosk" --bundle "$demo" --config "$work/range.conf" --screenshot "$work/x.png" 2>&1); rc=$?
  check "config: $1 refused at start (rc $rc)" test $rc -eq 1
  check "config: $1 names file, line, key and range ($out)" contains "$out" "kiosk: $work/range.conf:2: $2"
}
out_of_range "check_every = 4294967296" 'check_every: "4294967296" is out of range: allowed 60 to 86400 seconds (1 minute to 1 day). Fix: '
out_of_range "max_bundle_mb = 2147483648" 'max_bundle_mb: "2147483648" is out of range: allowed 1 to 4096 megabytes (up to 4 GiB). Fix: '
out_of_range "max_bundle_mb = 4294967296" 'max_bundle_mb: "4294967296" is out of range: allowed 1 to 4096 megabytes'
out_of_range "idle_timeout = 10000000000" 'idle_timeout: "10000000000" is out of range: allowed 15 to 3600 seconds (15 seconds to 1 hour). Fix: '
out_of_range "position = nan, 7.6869" 'position: "nan, 7.6869" is not valid: allowed latitude -90 to 90 and longitude -180 to 180 degrees. Fix: '
out=$("$kiosk" --bundle "$demo" --check-every 86401 --screenshot "$work/x.png" 2>&1); rc=$?
check "--check-every past a day refused (rc $rc)" test $rc -eq 1
check "--check-every: the range and the fix ($out)" contains "$out" "kiosk: --check-every 86401 is out of range: allowed 1 to 86400 seconds (up to 1 day). Fix: e.g. --check-every 900"
out=$(timeout 20 "$kiosk" --bundle "$demo" --config "$work" --screenshot "$work/x.png" 2>&1); rc=$?
check "config: a folder refused (rc $rc)" test $rc -eq 1
check "config: a folder, said so ($out)" contains "$out" "kiosk: cannot read the configuration $work: it is a folder, not a file. Fix: give --config the configuration file"
mkfifo "$work/fifo.conf"
out=$(timeout 20 "$kiosk" --bundle "$demo" --config "$work/fifo.conf" --screenshot "$work/x.png" 2>&1); rc=$?
check "config: a named pipe refused at once, not waited on (rc $rc)" test $rc -eq 1
check "config: a named pipe, said so ($out)" contains "$out" "kiosk: cannot read the configuration $work/fifo.conf: it is a named pipe (FIFO), not a file. Fix: "
out=$(echo 2468 | "$kiosk" --hash-pin); rc=$?
check "hash-pin: exit 0" test $rc -eq 0
check "hash-pin: a configuration line with an Argon2id hash" contains "$out" 'admin_pin_hash = $argon2id$'
check "hash-pin: never the PIN itself" bash -c '! grep -q 2468 <<<"$1"' _ "$out"
out=$(echo 12ab | "$kiosk" --hash-pin 2>&1); rc=$?
check "hash-pin: a bad PIN refused" test $rc -ne 0
check "hash-pin: says what a PIN is" contains "$out" "4 to 12 digits"
printf 'usage_db = %s\n' "$work/usage.sqlite" >"$work/usage.conf"
printf 'tap-item attract:start\ntap-item lang:fa\ntap-item category:food\ntap-item guide:food-help\n' >"$work/visit.kscript"
"$kiosk" --bundle "$demo" --config "$work/usage.conf" --script "$work/visit.kscript" >/dev/null 2>&1
out=$("$kiosk" --config "$work/usage.conf" --usage-csv); rc=$?
check "usage-csv: exit 0" test $rc -eq 0
check "usage-csv: header" contains "$out" "day,event,item,count"
check "usage-csv: the guide the script opened" contains "$out" ",guide_opened,food-help,1"
check "usage-csv: the language chosen" contains "$out" ",language_chosen,fa,1"
out=$("$kiosk" --usage-csv 2>&1); rc=$?
check "usage-csv: without a configuration, says what to give" contains "$out" "usage_db = FILE"
printf 'hours = Mo-Fx 08:00-18:00\n' >"$work/hours.conf"
out=$("$kiosk" --bundle "$demo" --config "$work/hours.conf" --screenshot "$work/x.png" 2>&1); rc=$?
check "config: bad hours refused" test $rc -ne 0
check "config: bad hours say where" contains "$out" "hours.conf:1: hours: \"Mo-Fx 08:00-18:00\" cannot be read at position 3"
echo 2468 | "$kiosk" --hash-pin >"$work/admin.conf"
printf 'hold 30 30 2100\nhold 1890 30 2100\nexpect-route admin\ntap-item pin:2\ntap-item pin:4\ntap-item pin:6\ntap-item pin:8\ntap-item pin:ok\ntap-item admin:close\nexpect-route attract\n' >"$work/admin.kscript"
out=$("$kiosk" --bundle "$demo" --config "$work/admin.conf" --lang en --open home --script "$work/admin.kscript" 2>&1); rc=$?
check "script: the corner gesture and the PIN open the admin panel ($out)" test $rc -eq 0
printf 'position = 45.0703, 7.6869\n' >"$work/position.conf"
printf 'tap-item places:map\nexpect-route map\npinch 960 500 300 150\ndrag 700 400 760 430 400\npinch 960 500 100 250 500\nexpect-route map\ntap-item marker:hub-centro\nexpect-route place/hub-centro\n' >"$work/map.kscript"
out=$("$kiosk" --bundle "$demo" --config "$work/position.conf" --lang en --open places --script "$work/map.kscript" 2>&1); rc=$?
check "script: the map pinched, panned and pinched again taps nothing, then a marker opens its place ($out)" test $rc -eq 0
printf 'tap-item nav:search\ntype regina marg\ntap-item result:place:rednova-call-center\nexpect-route place/rednova-call-center\n' >"$work/type.kscript"
out=$("$kiosk" --bundle "$demo" --lang it --open home --script "$work/type.kscript" 2>&1); rc=$?
check "script: typing on the keyboard finds a place ($out)" test $rc -eq 0
printf 'tap-item nav:search\ntype ፍቓድ\ntap-item result:guide:residence-permit\nexpect-route guide/residence-permit\n' >"$work/type-ti.kscript"
out=$("$kiosk" --bundle "$demo" --lang ti --open home --script "$work/type-ti.kscript" 2>&1); rc=$?
check "script: typing Tigrinya, letter forms included, finds a guide ($out)" test $rc -eq 0
out=$("$kiosk" --windowed big 2>&1)
check "bad size: explains the form" contains "$out" "WIDTHxHEIGHT"

out=$(cd "$work" && "$kiosk" --bundle "$demo" --script "$tests/scripts/walk.kscript" 2>&1); rc=$?
check "walk script passes" test $rc -eq 0
check "walk script reports" contains "$out" "passed"
check "walk script screenshot" test -s "$work/walk-guide-ar.png"

printf 'tap-item lang:zh\nreport\n' >"$work/report.kscript"
out=$("$kiosk" --bundle "$demo" --lang en --open home --script "$work/report.kscript" 2>&1)
check "report: the glyph atlas holds glyphs and stays within 2048" \
  bash -c '[[ "$1" =~ glyph\ atlas\ ([0-9]+)x([0-9]+)\ with\ ([0-9]+)\ glyphs ]] && (( BASH_REMATCH[1] <= 2048 && BASH_REMATCH[3] > 50 ))' _ "$out"
# (No upper bound: under AddressSanitizer its shadow memory counts as anonymous too.)
check "report: the kiosk's anonymous memory, above a few MB" \
  bash -c '[[ "$1" =~ anonymous\ memory\ ([0-9]+)\.[0-9]\ MB ]] && (( BASH_REMATCH[1] > 2 ))' _ "$out"
printf 'tap-item attract:start\ntap-item lang:en\nexpect-route guide/food-help\n' >"$work/fail.kscript"
out=$("$kiosk" --bundle "$demo" --script "$work/fail.kscript" 2>&1); rc=$?
check "failing expectation: non-zero" test $rc -ne 0
check "failing expectation: names the line" contains "$out" "fail.kscript:3: expected the screen guide/food-help, but the kiosk shows home"
printf 'tapp 1 2\n' >"$work/bad.kscript"
out=$("$kiosk" --bundle "$demo" --script "$work/bad.kscript" 2>&1)
check "unknown script command" contains "$out" "bad.kscript:1: unknown command \"tapp\""

out=$("$kiosk" --bundle "$demo" --headless --exit-after 1500 --lang en 2>&1); rc=$?
frames=$(sed -n 's/^frames: \([0-9]*\).*/\1/p' <<<"$out")
check "headless loop exits" test $rc -eq 0
check "idle loop draws only the first frames (got ${frames:-none})" test "${frames:-99}" -le 4

check "headless loop: logs when its first frame was shown" grep -q "^kiosk: first frame shown [0-9]* ms after start$" <<<"$out"
check "headless loop: says when, for tests/bench/vs_chromium.py" grep -q "^first frame presented at [0-9]*\.[0-9]\{6\} s (CLOCK_MONOTONIC)$" <<<"$out"

# On an X display with the software renderer asked for, SDL presents without OpenGL: Mesa and
# LLVM (60 MB, 0.3 s of start-up) are never loaded (platform/display.cpp).
if command -v Xvfb >/dev/null; then
  Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$work/xdisplay" >/dev/null 2>&1 &
  xvfb=$!
  for _ in $(seq 100); do [ -s "$work/xdisplay" ] && break; sleep 0.1; done
  DISPLAY=:$(cat "$work/xdisplay") SDL_RENDER_DRIVER=software "$kiosk" --bundle "$demo" --lang en --exit-after 4000 >"$work/x11.log" 2>&1 &
  x11_kiosk=$!
  for _ in $(seq 100); do grep -q "first frame shown" "$work/x11.log" && break; sleep 0.1; done
  maps=$(cat "/proc/$x11_kiosk/maps" 2>/dev/null)
  wait $x11_kiosk; rc=$?
  kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null
  check "X11, software renderer: shows its first frame" grep -q "first frame shown" "$work/x11.log"
  check "X11, software renderer: exits cleanly (rc $rc)" test $rc -eq 0
  check "X11, software renderer: its maps were read" contains "$maps" "libSDL2"
  check "X11, software renderer: no Mesa or LLVM loaded" test -z "$(grep -E -o "swrast_dri|libLLVM|libGLX_mesa" <<<"$maps" | head -1)"
else
  echo "skip: X11 start-up (Xvfb is not installed; image/build-deps.txt lists it)"
fi

out=$("$bundle_tool" frobnicate 2>&1); rc=$?
check "kiosk-bundle: unknown command" test $rc -eq 2
check "kiosk-bundle: shows usage" contains "$out" "kiosk-bundle build SRC -o OUT.kbundle"
out=$("$bundle_tool" info "$demo")
check "kiosk-bundle info" contains "$out" "languages: it en fr es ar fa ur uk ru zh ro sq ti am so bn"

# Every link as `<id><TAB><target>`: one line per row of links.csv, each a QR screen of its own.
out=$("$bundle_tool" links "$demo" 2>&1); rc=$?
check "links: exit 0" test $rc -eq 0
check "links: one line per link (got $(wc -l <<<"$out"))" test "$(wc -l <<<"$out")" -eq "$(($(wc -l <"$tests/../content/torino/links.csv") - 1))"
check "links: id, tab, target" contains "$out" "$(printf 'rednova-phone\ttel:+39-011-0112-5500')"
check "links: every line has one tab" test "$(awk -F'\t' 'NF != 2' <<<"$out" | wc -l)" -eq 0
out=$("$bundle_tool" links "$work/none.kbundle" 2>&1); rc=$?
check "links: missing bundle refused" test $rc -ne 0
check "links: missing bundle named" contains "$out" "$work/none.kbundle"
# Each link's QR screen opens from the command line; an unknown link leads home.
while IFS=$'\t' read -r id target; do
  out=$("$kiosk" --bundle "$demo" --lang en --open "qr/$id" --screenshot "$work/qr.png" 2>&1)
  check "qr/$id: drawn" contains "$out" "qr/$id, en"
  # A tel: link's groups (tel:+39-011-0112-5500) are for reading; the code carries the digits.
  [[ $target == tel:* ]] && target=${target//-/}
  check "qr/$id: zbarimg reads the target" test "$(zbarimg --quiet --raw --nodbus "$work/qr.png" 2>/dev/null)" = "$target"
done < <("$bundle_tool" links "$demo")
out=$("$kiosk" --bundle "$demo" --lang en --open qr/no-such-link --screenshot "$work/qr.png" 2>&1)
check "qr/unknown: home instead" contains "$out" "home, en"

# A source file that is not an ordinary file, or whose name the system refuses, is a source error
# with its file and fix: never a hang, the memory filled, a bare "filesystem error" or an abort.
# A program with the bug would wait for ever or read without end: timeout, and, outside the
# sanitizer build (whose shadow memory needs the address space), a memory limit.
bounded() { (readelf -d "$1" | grep -q libasan || ulimit -v 2000000; exec timeout 20 "$@"); }
cp -r "$tests/../content/torino" "$work/odd-src"
mkfifo "$work/pipe"
rm "$work/odd-src/lang/en/guides/food-help.md"
ln -s "$work/pipe" "$work/odd-src/lang/en/guides/food-help.md"
ln -sf /dev/zero "$work/odd-src/lang/it/strings.txt"
ln -s loop.csv "$work/odd-src/loop.csv"; ln -sf loop.csv "$work/odd-src/stops.csv"  # stops.csv may be left out: a link there is read
ln -s "$work/pipe" "$work/odd-src/map/pipe.geojson"
sed -i 's/^file = municipalities.geojson$/file = pipe.geojson/' "$work/odd-src/map/layers.txt"
out=$(bounded "$bundle_tool" validate --today 2026-11-24 "$work/odd-src" 2>&1); rc=$?
check "validate odd files: exit 1, neither hung nor killed (rc $rc)" test $rc -eq 1
check "validate: a link to a named pipe ($out)" contains "$out" "lang/en/guides/food-help.md: error: the file cannot be read: it is a named pipe (FIFO), not a file. Fix: "
check "validate: a link to /dev/zero" contains "$out" "lang/it/strings.txt: error: the file cannot be read: it is a character device, not a file. Fix: "
check "validate: a link in a loop" contains "$out" "stops.csv: error: the file cannot be read: it is a symbolic link in a loop"
check "validate: a map file that is a named pipe" contains "$out" 'map/layers.txt:8: error: map layer "municipalities": file "map/pipe.geojson" cannot be read: it is a named pipe (FIFO), not a file. Fix: '
long=$(printf 'm%.0s' $(seq 300))
cp -r "$tests/../content/torino" "$work/long-src"
sed -i "s/^file = municipalities.geojson\$/file = $long.geojson/" "$work/long-src/map/layers.txt"
name_too_long() {  # name_too_long COMMAND...: exit 1, the error at its line, no bare filesystem error
  out=$(bounded "$bundle_tool" "$@" 2>&1); rc=$?
  check "$1: a map file name over 255 bytes, exit 1 (rc $rc)" test $rc -eq 1
  check "$1: the name too long, at its line ($out)" contains "$out" "map/layers.txt:8: error: map layer \"municipalities\": file \"map/$long.geojson\" cannot be read: its name is too long"
  check "$1: never a bare filesystem error" test -z "$(grep -o 'filesystem error' <<<"$out")"
}
name_too_long validate --today 2026-11-24 "$work/long-src"
name_too_long build --today 2026-11-24 "$work/long-src" -o "$work/long.kbundle"
out=$(bounded "$kiosk" --preview "$work/long-src" --screenshot "$work/x.png" 2>&1); rc=$?
check "preview: a map file name over 255 bytes refused, not aborted (rc $rc)" test $rc -eq 1
check "preview: the name too long, at its line ($out)" contains "$out" "long-src/map/layers.txt:8: error: map layer \"municipalities\": file \"map/$long.geojson\" cannot be read: its name is too long"
out=$(bounded "$kiosk" --preview "$work/odd-src" --screenshot "$work/x.png" 2>&1); rc=$?
check "preview: odd files refused, neither hung nor aborted (rc $rc)" test $rc -eq 1
check "preview: a link to a named pipe ($out)" contains "$out" "odd-src/lang/en/guides/food-help.md: error: the file cannot be read: it is a named pipe (FIFO), not a file"

# Translation coverage of the demo source: every language whole, as text and as a web page.
out=$("$bundle_tool" coverage "$tests/../content/torino" --html "$work/coverage.html" 2>&1); rc=$?
check "coverage: exit 0" test $rc -eq 0
check "coverage: a line per language, all whole (got $(grep -c '100.0 %' <<<"$out"))" test "$(grep -c '  100.0 %  ' <<<"$out")" -eq 16
check "coverage: the page written" contains "$(cat "$work/coverage.html" 2>/dev/null)" "<td>bn</td><td>বাংলা</td><td>100.0 %"
out=$("$bundle_tool" coverage "$work/no-such-source" 2>&1); rc=$?
check "coverage: a missing source refused" test $rc -eq 1
check "coverage: the source named" contains "$out" "$work/no-such-source"

# The translators' round trip: export a language as a PO file, check it with gettext's msgfmt,
# translate one entry as a person would in a text editor, import it back.
cp -r "$tests/../content/torino" "$work/po-src"
out=$("$bundle_tool" export-po "$work/po-src" fr -o "$work/fr.po" 2>&1); rc=$?
check "export-po: exit 0 ($out)" test $rc -eq 0
out=$(msgfmt -c -o /dev/null "$work/fr.po" 2>&1); rc=$?
check "export-po: msgfmt -c accepts the file ($out)" test $rc -eq 0
check "export-po: to stdout without -o" test "$("$bundle_tool" export-po "$work/po-src" fr | grep -c '^msgctxt ')" -eq "$(grep -c '^msgctxt ' "$work/fr.po")"
out=$("$bundle_tool" import-po "$work/po-src" "$work/fr.po" 2>&1); rc=$?
check "import-po: unedited, exit 0" test $rc -eq 0
check "import-po: unedited, nothing changed ($out)" contains "$out" "lang/fr: 0 changed, 0 added, "
check "import-po: unedited, every file as it was" diff -r "$tests/../content/torino" "$work/po-src"
sed -i 's/^msgstr "Accueil"$/msgstr "Page d'"'"'accueil"/' "$work/fr.po"
out=$("$bundle_tool" import-po "$work/po-src" "$work/fr.po" 2>&1); rc=$?
check "import-po: one edit, exit 0" test $rc -eq 0
check "import-po: one edit, one change ($out)" contains "$out" "lang/fr: 1 changed, 0 added, "
check "import-po: one edit, one line of strings.txt" test "$(diff "$tests/../content/torino/lang/fr/strings.txt" "$work/po-src/lang/fr/strings.txt" | grep -c '^[<>]')" -eq 2
check "import-po: the new line" grep -qx "nav.home = Page d'accueil" "$work/po-src/lang/fr/strings.txt"
sed -i 's/^msgctxt "nav.back"$/#, fuzzy\nmsgctxt "nav.back"/' "$work/fr.po"
sed -i 's/^msgstr "Page d'"'"'accueil"$/msgstr "Début"/' "$work/fr.po"  # a good edit beside it is imported
out=$("$bundle_tool" import-po "$work/po-src" "$work/fr.po" 2>&1); rc=$?
check "import-po: a fuzzy entry left out, the rest imported, exit 0" test $rc -eq 0
check "import-po: fuzzy named with file, line and fix ($out)" contains "$out" "fr.po:$(grep -n '^msgctxt "nav.back"$' "$work/fr.po" | cut -d: -f1): warning: msgctxt \"nav.back\": not imported: marked fuzzy"
check "import-po: fuzzy, the fix said" contains "$out" "Fix: review the translation and clear the fuzzy flag"
check "import-po: fuzzy, counted as left out" contains "$out" "1 left out (stale, fuzzy or unknown"
check "import-po: the good edit beside it imported" grep -qx "nav.home = Début" "$work/po-src/lang/fr/strings.txt"
check "import-po: the fuzzy one left as it was" grep -qx "nav.back = Retour" "$work/po-src/lang/fr/strings.txt"

# Outdated translations: an Italian text changed after every language recorded its translation.
sed -i 's/^nav.back = Indietro$/nav.back = Torna indietro/' "$work/po-src/lang/it/strings.txt"
out=$("$bundle_tool" validate "$work/po-src" 2>&1); rc=$?
check "validate: outdated translations are warnings, exit 0" test $rc -eq 0
check "validate: one warning per language for the changed Italian text (got $(grep -c 'outdated' <<<"$out"))" test "$(grep -c '"nav.back": outdated' <<<"$out")" -eq 15
check "validate: the outdated line, old and new text ($out)" contains "$out" 'lang/fr/strings.txt:3: warning: key "nav.back": outdated: translated from the it text "Indietro", which is now "Torna indietro"'
check "coverage: counts the outdated apart" contains "$("$bundle_tool" coverage "$work/po-src")" "fr  99.2 %  129/130  1 outdated  Français"
out=$("$bundle_tool" mark-translated "$work/po-src" fr nav.back 2>&1); rc=$?
check "mark-translated: exit 0 ($out)" test $rc -eq 0
check "mark-translated: says what it recorded ($out)" contains "$out" "lang/fr/translated-from.txt: 1 item(s) recorded as translated from today's text, 1 of them outdated before"
out=$("$bundle_tool" validate "$work/po-src" 2>&1)
check "mark-translated: fr no longer outdated, the others still (got $(grep -c '"nav.back": outdated' <<<"$out"))" test "$(grep -c '"nav.back": outdated' <<<"$out")" -eq 14
check "mark-translated: not fr" not_contains "$out" "lang/fr/strings.txt:3: warning"
cp "$work/po-src/lang/fr/translated-from.txt" "$work/record.before"
out=$("$bundle_tool" mark-translated "$work/po-src" fr nav.bakc 2>&1); rc=$?
check "mark-translated: an unknown item, exit 1" test $rc -eq 1
check "mark-translated: the item named with the fix ($out)" contains "$out" 'error: item "nav.bakc" is not an item of the source. Fix: write a strings.txt key'
check "mark-translated: an unknown item records nothing" cmp -s "$work/record.before" "$work/po-src/lang/fr/translated-from.txt"

# Opening hours as the kiosk reads them: open, closed until the next opening, a syntax error.
out=$("$bundle_tool" hours 'Mo-Fr 09:00-17:00; PH off' --at 2026-06-23T10:00 2>&1); rc=$?
check "hours: open, exit 0" test $rc -eq 0
check "hours: open until the closing time (got $(head -1 <<<"$out"))" test "$(head -1 <<<"$out")" = "open until 2026-06-23T17:00+02:00"
out=$("$bundle_tool" hours 'Mo-Fr 09:00-17:00; PH off' --at 2026-06-24T10:00 2>&1); rc=$?  # San Giovanni, Torino's holiday
check "hours: closed, exit 0" test $rc -eq 0
check "hours: closed until the next opening (got $(head -1 <<<"$out"))" test "$(head -1 <<<"$out")" = "closed until 2026-06-25T09:00+02:00"
check "hours: names the rule that applies" contains "$out" "rule: PH off"
out=$("$bundle_tool" hours 'Mo-Fr 9-17' --at 2026-06-23T10:00 2>&1); rc=$?
check "hours: a syntax error exits 1" test $rc -eq 1
check "hours: the error gives the position and the fix" contains "$out" 'position 6: expected a time like 09:00 after "Mo-Fr ". Fix: write hours as HH:MM-HH:MM'
check "hours: the text is shown with a caret under the position" test "$(sed -n 2,3p <<<"$out")" = "$(printf '  Mo-Fr 9-17\n        ^')"
out=$("$bundle_tool" hours 'Mo-Fr 09:00-17:00' --at tomorrow 2>&1); rc=$?
check "hours: a bad --at is a usage error" test $rc -eq 2

finish cli
