#!/usr/bin/env python3
"""Generates opening-hours cases for hours_reference_test.sh: random rule texts of the grammar the
kiosk reads, each asked at a few random moments of 2026 and 2027 on Rome's wall clock. One case
a line, `TEXT<tab>2026-06-24T10:00`. Seeded, so a failure can be run again.
Usage: cases.py OUT.tsv RULE_SETS [SEED]"""
import random
import sys

DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
COMMENTS = ["by appointment", "call first", "ask at the desk"]


def span():
    a = random.randint(0, 22 * 4) * 15
    b = a + random.randint(1, 12 * 4) * 15
    if b > 24 * 60 and random.random() < 0.7:
        b = 24 * 60
    return f"{a // 60:02d}:{a % 60:02d}-{b // 60:02d}:{b % 60:02d}"


def spans():
    return ",".join(sorted({span() for _ in range(random.randint(1, 2))}))


def dayset():
    i = random.randint(0, 6)
    j = random.randint(i, 6)
    s = DAYS[i] if i == j else f"{DAYS[i]}-{DAYS[j]}"
    return s + ("," + random.choice(DAYS) if random.random() < 0.2 else "")


def nth():
    r = random.random()
    if r < 0.4:
        return f"[{random.choice([1, 2, 3, 4, 5, -1, -2])}]"
    if r < 0.7:
        return f"[{random.randint(1, 2)},{random.randint(3, 5)}]"
    a = random.randint(1, 4)
    return f"[{a}-{random.randint(a, 5)}]"


def date():
    m = random.randint(0, 11)
    return m, random.randint(1, MONTH_DAYS[m])


def dated_range():
    """`2026 Dec 24-2027 Jan 06`: a range that happens once."""
    y = random.choice([2026, 2027])
    (m1, d1), (m2, d2) = date(), date()
    y2 = y if (m2, d2) >= (m1, d1) else y + 1
    if random.random() < 0.3:
        y2 += 1
    return f"{y} {MONTHS[m1]} {d1:02d}-{y2} {MONTHS[m2]} {d2:02d}"


def weeks():
    r = random.random()
    if r < 0.3:
        return f"week {random.randint(1, 53):02d}"
    a = random.randint(1, 50)
    b = random.randint(a, 53)
    if r < 0.6:
        return f"week {a:02d}-{b:02d}"
    if r < 0.8:
        return f"week {a:02d}-{b:02d}/{random.randint(2, 4)}"
    return f"week {a:02d}-{b:02d},{random.randint(1, 53):02d}"


def state_or_times():
    return spans() if random.random() < 0.7 else "off"


def rule():
    r = random.random()
    if r < 0.07:
        return f"{random.choice(DAYS)}{nth()} {state_or_times()}"
    if r < 0.10:
        m, d = date()
        return f"{MONTHS[m]} {d} off"
    if r < 0.17:
        return f"{random.choice(MONTHS)}-{random.choice(MONTHS)} {dayset()} {spans()}"
    if r < 0.23:
        return f"{dated_range()} " + ("off" if random.random() < 0.6 else f"{dayset()} {spans()}")
    if r < 0.30:
        return f"{weeks()} {dayset()} {state_or_times()}"
    if r < 0.34:
        return "PH off"
    if r < 0.37:
        return f"PH {span()}"
    if r < 0.41:
        return f'{dayset()} {spans()} "{random.choice(COMMENTS)}"'
    if r < 0.50:
        return f"{dayset()} off"
    return f"{dayset()} {spans()}"


def text():
    rules = [rule() for _ in range(random.randint(1, 3))]
    out = rules[0]
    for r in rules[1:]:
        out += random.choices(["; ", ", "], [0.85, 0.15])[0] + r
    if random.random() < 0.05:
        out = "24/7; " + out
    if random.random() < 0.05:
        out += f' || "{random.choice(COMMENTS)}"'
    return out


def main():
    out, sets = sys.argv[1], int(sys.argv[2])
    random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    cases = []
    for _ in range(sets):
        t = text()
        for _ in range(5):
            at = f"{random.choice([2026, 2027])}-{random.randint(1, 12):02d}-{random.randint(1, 28):02d}T{random.randint(0, 23):02d}:{random.randint(0, 59):02d}"
            cases.append(f"{t}\t{at}\n")
    with open(out, "w") as f:
        f.writelines(cases)


main()
