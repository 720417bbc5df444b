#!/usr/bin/env bash
# The kiosk's opening-hours evaluation against the reference JavaScript library `opening_hours`
# (pinned in package-lock.json, installed from the npm registry at test time into WORK): the
# same generated cases (cases.py: weekday ranges and lists, spans past midnight, months, dates,
# dated ranges with years, week numbers, the nth weekday, PH, comments, `,` and `||`), each
# asked for the state and the next change in Europe/Rome. Every answer must be equal.
# Usage: hours_reference_test.sh HOURS_CASES_PROGRAM WORK [RULE_SETS [SEED]]   (5 moments per rule set)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
program=$1 work=$2 sets=${3:-1000} seed=${4:-7}
source "$here/../npm_pinned.sh"
npm_pinned hours_reference "$here" "$work" opening_hours "the reference library" python3

python3 "$here/cases.py" "$work/cases.tsv" "$sets" "$seed"
NODE_PATH="$work/node_modules" TZ=Europe/Rome node "$here/reference.js" "$work/cases.tsv" >"$work/reference.txt"
"$program" "$work/cases.tsv" >"$work/ours.txt"

python3 - "$work" <<'PY'
import datetime, sys
work = sys.argv[1]
lines = lambda name: open(f"{work}/{name}").read().splitlines()
cases, ours, reference = lines("cases.tsv"), lines("ours.txt"), lines("reference.txt")
if not len(ours) == len(reference) == len(cases):
    sys.exit(f"hours_reference: {len(cases)} cases, but {len(ours)} answers from the kiosk and {len(reference)} from the library")

# Two kinds of difference are the library's, and known, so they are counted apart and listed,
# never taken for equal:
# - a time in the hour skipped when clocks go forward (02:30 on the last Sunday of March) opens,
#   for the kiosk, at the jump (03:00 summer time, the first moment the clock shows past it); the
#   library adds the hour to the wall clock and opens at 03:30;
# - on the day after a change of clock (a day of 23 or 25 hours), the library moves the part of a
#   span past midnight a day too far: `We-Sa 14:30-25:30` opens on Monday 29 March 2027 at 00:00.
def parse(t): return datetime.datetime.fromisoformat(t.replace(".000Z", "+00:00"))
def last_sunday(year, month):
    day = datetime.datetime(year, month, 31, 1, tzinfo=datetime.timezone.utc)
    return day - datetime.timedelta(days=(day.weekday() + 1) % 7)
clock_changes = [last_sunday(y, m) for y in range(2026, 2030) for m in (3, 10)]
def kind_of(o, r):
    (so, _, to), (sr, _, tr) = o.partition(" "), r.partition(" ")
    if so != sr or not tr: return None
    if to and to in {last_sunday(y, 3).strftime("%Y-%m-%dT%H:%M:%S.000Z") for y in range(2026, 2030)} \
            and datetime.timedelta(0) < parse(tr) - parse(to) < datetime.timedelta(hours=1):
        return "skipped hour"
    if any(datetime.timedelta(0) <= parse(tr) - c < datetime.timedelta(hours=48) for c in clock_changes):
        return "day after a change of clock"
    return None

differ, known = [], {"skipped hour": [], "day after a change of clock": []}
for c, o, r in zip(cases, ours, reference):
    if o == r: continue
    kind = kind_of(o, r)
    (known[kind] if kind else differ).append((c.split("\t"), o, r))
refused = sum(r == "error" for r in reference)
equal = len(cases) - len(differ) - sum(len(k) for k in known.values())
print(f"opening hours: {equal} of {len(cases)} equal to the reference library ({refused} refused by both); "
      f"{len(known['skipped hour'])} differ only in the hour skipped when clocks go forward, "
      f"{len(known['day after a change of clock'])} on the day after a change of clock; {len(differ)} differ otherwise")
for title, items in [("otherwise", differ)] + list(known.items()):
    for (text, at), o, r in items[:10]:
        print(f"  {title}: {text!r} at {at}: kiosk {o}, reference {r}")
# Cases both refuse test nothing: a generator that writes mostly those is broken.
sys.exit(1 if differ or refused > len(cases) // 20 else 0)
PY
