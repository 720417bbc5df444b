#!/usr/bin/env bash
# The console in a real browser (console_e2e.js: Debian's chromium driven by Playwright, pinned in
# package-lock.json and installed from the npm registry at test time into WORK), against a real
# console on loopback serving a copy of the demo source, a published folder served by a plain
# HTTP server, and a headless kiosk that takes its updates from there and reports to the console.
# Usage: console_browser_test.sh KIOSK_CONSOLE KIOSK DEMO_BUNDLE SOURCE WORK [SHOTS_DIR]
# With CONSOLE_BROWSER_SCRIPT=page_load_bench.js the same set-up serves the page-load benchmark.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
console=$1 kiosk=$2 demo=$3 source=$4 work=$5 shots=${6:-$5/shots}
source "$here/../npm_pinned.sh"
npm_pinned console_browser "$here" "$work" playwright-core "Playwright" python3 minisign curl /usr/bin/chromium
run=$work/run
rm -rf "$run" && mkdir -p "$run" "$shots"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

cp -r "$source" "$run/src"
data=$run/data
printf "ed's long password\n" | "$console" add-user --data "$data" Ed editor >/dev/null
printf "tara's long password\n" | "$console" add-user --data "$data" Tara translator ar >/dev/null
printf "pia's long password\n" | "$console" add-user --data "$data" Pia publisher >/dev/null
minisign -G -W -p "$run/pia.pub" -s "$run/pia.key" >/dev/null
"$console" set-key --data "$data" Pia "$run/pia.key" >/dev/null
kiosk_token=$("$console" add-kiosk --data "$data" hub-centro-1 "Snodo centro" 2>/dev/null)
xss_token=$("$console" add-kiosk --data "$data" xss-test "<b>site</b>" 2>/dev/null)

# Waits for a line matching $2 in file $1 and prints its first match of sed expression $3.
wait_for() {
  for _ in $(seq 300); do grep -q "$2" "$1" 2>/dev/null && { sed -n "$3" "$1" | head -1; return; }; sleep 0.1; done
  echo "console_browser: no \"$2\" in $1:" >&2; cat "$1" >&2; exit 1
}

mkdir -p "$run/published"
python3 -m http.server --bind 127.0.0.1 0 --directory "$run/published" >"$run/http.log" 2>&1 &
pids+=($!)
port=$(wait_for "$run/http.log" "Serving HTTP" 's/.* port \([0-9]*\).*/\1/p')
"$console" serve --data "$data" --source "$run/src" --published "$run/published" --listen 127.0.0.1:0 --kiosk "$kiosk" >"$run/console.log" 2>&1 &
pids+=($!)
url=$(wait_for "$run/console.log" serving 's/.*serving \(http:[^ ]*\)/\1/p')

# Version 1 published from the console, as the fleet runs it before the day's edits.
curl -s -c "$run/pia.jar" -H 'Content-Type: application/json' -d "{\"name\":\"Pia\",\"password\":\"pia's long password\"}" "${url}api/login" >"$run/login.json"
csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf"])' "$run/login.json")
head=$(curl -s -b "$run/pia.jar" "${url}api/review" | python3 -c 'import json,sys; print(json.load(sys.stdin)["head"])')
curl -s -b "$run/pia.jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d "{\"head\":\"$head\"}" "${url}api/publish" | grep -q '"version":1' ||
  { echo "console_browser: version 1 was not published" >&2; cat "$run/console.log" >&2; exit 1; }

# The kiosk: updates from the published folder, reports to the console.
printf 'channel = demo\nreport_url = %sapi/report\nreport_token = %s\nreport_every = 60\n' "$url" "$kiosk_token" >"$run/kiosk.conf"
"$kiosk" --headless --config "$run/kiosk.conf" --store "$run/store" --bundle "$demo" --trust "$run/pia.pub" \
  --update-url "http://127.0.0.1:$port" --check-every 2 >"$run/kiosk.log" 2>&1 &
pids+=($!)

if [ "${CONSOLE_BROWSER_SCRIPT:-}" = page_load_bench.js ]; then
  NODE_PATH="$work/node_modules" node "$here/page_load_bench.js" "$url"
  exit
fi
if ! NODE_PATH="$work/node_modules" timeout 600 node "$here/console_e2e.js" "$url" "$shots" "$xss_token"; then
  echo "--- console log"; tail -30 "$run/console.log"; echo "--- kiosk log"; tail -30 "$run/kiosk.log"
  exit 1
fi
