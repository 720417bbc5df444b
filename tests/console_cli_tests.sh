#!/usr/bin/env bash
# kiosk-console as an administrator sets it up and a browser and a kiosk meet it: accounts and
# kiosks added on the command line, then the real server on loopback driven with curl.
# Usage: console_cli_tests.sh KIOSK_CONSOLE TESTS_DIR KIOSK DEMO_BUNDLE
set -u
console=$1 tests=$2 kiosk=$3 demo=$4
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
source "$tests/lib.sh"

out=$("$console" 2>&1); rc=$?
check "no command: usage, exit 2" test $rc -eq 2
check "no command: usage names serve" contains "$out" "kiosk-console serve --data DIR"
out=$("$console" add-user Anna editor 2>&1); rc=$?
check "no --data: exit 2" test $rc -eq 2
check "no --data: says what to do" contains "$out" "Fix: name the folder the console keeps its database in"
out=$(echo "a long password" | "$console" add-user --data "$work/data" Anna poet 2>&1); rc=$?
check "a bad role is named" contains "$out" '"poet" is not a role. Fix: editor, translator, publisher or administrator'
out=$(echo "short" | "$console" add-user --data "$work/data" Anna editor 2>&1); rc=$?
check "a short password is refused" contains "$out" "the password for Anna is too short. Fix: use at least 10 characters"
out=$(echo "anna's long password" | "$console" add-user --data "$work/data" Anna editor 2>&1); rc=$?
check "an editor is added" test $rc -eq 0
check "an editor is added: said" contains "$out" "account Anna (editor) saved"
# A publisher's signing key: the stock minisign's key file, checked, kept readable by the console alone.
minisign -G -W -p "$work/pub.key" -s "$work/sec.key" >/dev/null
out=$("$console" set-key --data "$work/data" Anna "$work/sec.key" 2>&1); rc=$?
check "set-key refuses a non-publisher" contains "$out" "Anna is not a publisher's account. Fix: add it with add-user NAME publisher"
echo "paola's long password" | "$console" add-user --data "$work/data" Paola publisher >/dev/null
echo "not a key" >"$work/not.key"
out=$("$console" set-key --data "$work/data" Paola "$work/not.key" 2>&1); rc=$?
check "set-key refuses a file that is no key" contains "$out" "is not a minisign secret key"
out=$("$console" set-key --data "$work/data" Paola "$work/sec.key" 2>&1); rc=$?
check "set-key keeps the key" cmp -s "$work/sec.key" "$work/data/keys/Paola.key"
check "set-key: the key readable by the console only" test "$(stat -c %a "$work/data/keys/Paola.key")" = 600
check "set-key says it has no password" contains "$out" "a key without a password"
token=$("$console" add-kiosk --data "$work/data" hub-nord-1 "Snodo nord" 2>/dev/null)
check "a kiosk's token: 64 hex digits" grep -qxE '[0-9a-f]{64}' <<<"$token"
check "the token is not kept in the database" test -z "$(sqlite3 "$work/data/console.db" "SELECT name FROM kiosks WHERE digest = '$token'")"

"$console" serve --data "$work/data" --listen 127.0.0.1:0 --report-interval 60 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q serving "$work/serve.log" && break; sleep 0.1; done
url=$(sed -n 's/.*serving \(http:[^ ]*\)/\1/p' "$work/serve.log")
check "serve says where it listens" contains "$url" "http://127.0.0.1:"

status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
check "the front end is served" contains "$(curl -s "$url")" '<script type="module" src="js/app.js"></script>'
check "its scripts are served as JavaScript" contains "$(curl -s -D - -o /dev/null "$url/js/app.js")" 'Content-Type: text/javascript'
check "a kiosk reports" test "$(status -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"version": 3, "printer": "paper_out", "uptime_s": 100}' "${url}api/report")" = 204
check "the fleet needs a session" test "$(status "${url}api/fleet")" = 401
curl -s -c "$work/cookies" -H 'Content-Type: application/json' -d '{"name": "Anna", "password": "anna'"'"'s long password"}' "${url}api/login" >"$work/login.json"
check "sign-in answers with a CSRF token" grep -q '"csrf":"[0-9a-f]\{64\}"' "$work/login.json"
fleet=$(curl -s -b "$work/cookies" "${url}api/fleet")
check "the fleet shows the kiosk's report" contains "$fleet" '"name":"hub-nord-1"'
check "the fleet marks its printer" contains "$fleet" '"paper":true'

# A headless kiosk configured to report: its first report arrives at once, and the fleet shows it.
token2=$("$console" add-kiosk --data "$work/data" questura-1 "Questura" 2>/dev/null)
printf 'report_url = %sapi/report\nreport_every = 60\n' "$url" >"$work/kiosk.conf"
out=$("$kiosk" --headless --config "$work/kiosk.conf" --bundle "$demo" --exit-after 500 2>&1); rc=$?
check "report_url without report_token is refused" contains "$out" "report_url is set but report_token is not. Fix: add report_token ="
printf 'report_token = abc\n' >>"$work/kiosk.conf"
out=$("$kiosk" --headless --config "$work/kiosk.conf" --bundle "$demo" --exit-after 500 2>&1)
check "a bad report_token is named with its fix" contains "$out" 'report_token: "abc" is not valid. Fix: write the 64 hex digits kiosk-console add-kiosk printed'
sed -i '$d' "$work/kiosk.conf"
printf 'report_token = %s\n' "$token2" >>"$work/kiosk.conf"
"$kiosk" --headless --config "$work/kiosk.conf" --bundle "$demo" --exit-after 1500 >"$work/kiosk.log" 2>&1
check "the kiosk ran" grep -q "^frames:" "$work/kiosk.log"
fleet=$(curl -s -b "$work/cookies" "${url}api/fleet")
row=$(python3 -c 'import json,sys; k=[k for k in json.load(sys.stdin)["kiosks"] if k["name"]=="questura-1"][0]; print(json.dumps(k["report"]) if "report" in k else "none")' <<<"$fleet")
check "the kiosk's report reached the fleet" contains "$row" '"version": 1'
check "the kiosk's report names its channel" contains "$row" '"channel": "demo"'
check "the kiosk's report says it has no printer" contains "$row" '"printer": "none"'
check "the kiosk's report has its free space" python3 -c 'import json,sys; assert json.loads(sys.argv[1])["free_bytes"] > 0' "$row"
# A console that is not there: the kiosk logs it once and runs on.
printf 'report_url = http://127.0.0.1:9/api/report\nreport_token = %s\n' "$token2" >"$work/nowhere.conf"
"$kiosk" --headless --config "$work/nowhere.conf" --bundle "$demo" --exit-after 1500 >"$work/nowhere.log" 2>&1; rc=$?
check "an absent console: the kiosk runs on" test $rc -eq 0
check "an absent console: said once in the log" test "$(grep -c "report to http://127.0.0.1:9/api/report not taken" "$work/nowhere.log")" -eq 1

kill "$server"; wait "$server" 2>/dev/null; rc=$?
check "serve stops on SIGTERM" test $rc -eq 0
server=
finish console_cli
