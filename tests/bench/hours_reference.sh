#!/usr/bin/env bash
# Probe, not yet a test: the kiosk's opening_hours evaluation against the reference JavaScript
# library `opening_hours` (npm registry, version pinned below), on generated cases of the grammar
# the kiosk reads today (weekday ranges and lists, spans past midnight, month ranges, dates off,
# PH, `,`, 24/7, the nth weekday of the month), each asked for the state and the next change at a random 2026 moment in
# Europe/Rome. Ours through `kiosk-bundle hours TEXT --at T`, one process per case. Needs node and
# npm (installs the library into a temporary folder) and python3. Issue 21 makes this a suite test.
# Usage: tests/bench/hours_reference.sh [BUILD_DIR] [RULE_SETS]   (5 moments per rule set)
set -euo pipefail
build=${1:-build/release}
sets=${2:-400}
tool=$(realpath "$build/content/kiosk-bundle")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund opening_hours@3.15.0 >/dev/null)

python3 - "$work/cases.json" "$sets" <<'PY'
import json, random, sys
random.seed(7)
days = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
def span():
    a = random.randint(0, 22 * 4) * 15
    b = a + random.randint(1, 12 * 4) * 15
    if b > 24 * 60 and random.random() < 0.7: b = 24 * 60
    return f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}"
def dayset():
    i = random.randint(0, 6); j = random.randint(i, 6)
    s = days[i] if i == j else f"{days[i]}-{days[j]}"
    return s + ("," + random.choice(days) if random.random() < 0.2 else "")
def nth():
    r = random.random()
    if r < 0.4: return f"[{random.choice([1, 2, 3, 4, 5, -1, -2])}]"
    if r < 0.7: return f"[{random.randint(1, 2)},{random.randint(3, 5)}]"
    a = random.randint(1, 4); return f"[{a}-{random.randint(a, 5)}]"
def rule():
    r = random.random()
    if r < 0.08: return f"{random.choice(days)}{nth()} " + (span() if random.random() < 0.7 else "off")
    if r < 0.1: return f"{random.choice(months)} {random.randint(1, 28)} off"
    if r < 0.2: return f"{random.choice(months)}-{random.choice(months)} {dayset()} {span()}"
    if r < 0.3: return "PH off"
    if r < 0.35: return f"PH {span()}"
    if r < 0.45: return f"{dayset()} off"
    return f"{dayset()} " + ",".join(sorted({span() for _ in range(random.randint(1, 2))}))
cases = []
for _ in range(int(sys.argv[2])):
    text = "; ".join(rule() for _ in range(random.randint(1, 3)))
    if random.random() < 0.05: text = "24/7; " + text
    for _ in range(5):
        cases.append({"text": text, "at": f"2026-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}T{random.randint(0, 23):02d}:{random.randint(0, 59):02d}"})
json.dump(cases, open(sys.argv[1], "w"))
PY

cat >"$work/reference.js" <<'JS'
const oh = require("opening_hours");
const cases = require("./cases.json");
const place = {lat: 45.07, lon: 7.68, address: {country_code: "it", state: "Piemonte"}};
console.log(JSON.stringify(cases.map(c => {
  try {
    const hours = new oh(c.text, place), at = new Date(c.at + ":00");
    const state = hours.getUnknown(at) ? "unknown" : hours.getState(at) ? "open" : "closed";
    const next = hours.getNextChange(at, new Date(at.getTime() + 400 * 86400e3));
    return state + (next ? " " + next.toISOString() : "");
  } catch (e) { return "error"; }
})));
JS
(cd "$work" && TZ=Europe/Rome node reference.js >reference.json)

python3 - "$work" "$tool" <<'PY'
import datetime, json, subprocess, sys
work, tool = sys.argv[1], sys.argv[2]
cases = json.load(open(f"{work}/cases.json")); reference = json.load(open(f"{work}/reference.json"))
same, differ = 0, []
for case, expected in zip(cases, reference):
    run = subprocess.run([tool, "hours", case["text"], "--at", case["at"]], capture_output=True, text=True)
    ours = "error"
    if run.returncode == 0:
        state, _, until = run.stdout.split("\n")[0].partition(" until ")
        ours = state.strip()
        if until:
            ours += " " + datetime.datetime.fromisoformat(until.strip()).astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    if ours == expected: same += 1
    else: differ.append((case, ours, expected))
print(f"{same} of {len(cases)} equal to opening_hours 3.15.0")
for case, ours, expected in differ[:20]:
    print(f"  {case['text']!r} at {case['at']}: ours {ours}, reference {expected}")
PY
