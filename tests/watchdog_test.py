#!/usr/bin/env python3
"""The kiosk as systemd runs it (Type=notify, WatchdogSec=), with this script in systemd's place.

Usage: watchdog_test.py KIOSK DEMO_BUNDLE

It listens on a NOTIFY_SOCKET as systemd does, starts the kiosk headless with WATCHDOG_USEC set,
and checks: READY=1 arrives; WATCHDOG=1 heartbeats keep coming while the screen is idle (the loop
draws nothing, yet wakes to beat); once KIOSK_TEST_FREEZE_AFTER_MS makes the render loop hang,
the heartbeats stop, the deadline passes, and the kiosk dies of the SIGABRT systemd would send
(Restart=always then starts it again). Prints one line per check; exits 1 if any failed.
"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

KIOSK, BUNDLE = sys.argv[1], sys.argv[2]
WATCHDOG_S = 1.5
FREEZE_AFTER_S = 4.0

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    print(("PASS " if ok else "FAIL ") + name + (f" ({detail})" if detail else ""))
    passed += 1 if ok else 0
    failed += 0 if ok else 1


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "notify")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    env = dict(os.environ, NOTIFY_SOCKET=path, WATCHDOG_USEC=str(int(WATCHDOG_S * 1e6)),
               KIOSK_TEST_FREEZE_AFTER_MS=str(int(FREEZE_AFTER_S * 1000)), SDL_VIDEODRIVER="offscreen")
    kiosk = subprocess.Popen([KIOSK, "--headless", "--bundle", BUNDLE, "--lang", "en"], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    start = time.monotonic()
    ready_at, beats, last_beat, fired_at = None, [], None, None
    while time.monotonic() - start < 30 and kiosk.poll() is None:
        deadline = (last_beat or start) + WATCHDOG_S
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            message = sock.recv(4096).decode()
        except socket.timeout:
            if ready_at is None:
                continue  # systemd waits TimeoutStartSec for READY=1, not the watchdog
            fired_at = time.monotonic() - start  # what systemd does when the deadline passes
            kiosk.send_signal(signal.SIGABRT)
            break
        now = time.monotonic()
        for line in message.split("\n"):
            if line == "READY=1" and ready_at is None:
                ready_at = now - start
            elif line == "WATCHDOG=1":
                beats.append(now - start)
                last_beat = now
    try:
        kiosk.wait(timeout=20)
    except subprocess.TimeoutExpired:
        kiosk.kill()
        kiosk.wait()
    stderr = kiosk.stderr.read().decode(errors="replace")

    check("READY=1 once the loop runs", ready_at is not None, f"after {ready_at:.2f} s" if ready_at else "never")
    # The kiosk's freeze clock starts with its render loop, which READY=1 announces, not with the
    # process: start-up takes longer on a slow machine or under qemu-user. Times from READY=1 on.
    loop_start = ready_at or 0.0
    beats = [t - loop_start for t in beats]
    fired_at = fired_at - loop_start if fired_at is not None else None
    before_freeze = [t for t in beats if t < FREEZE_AFTER_S]
    gaps = [b - a for a, b in zip(before_freeze, before_freeze[1:])]
    # The kiosk beats every WatchdogSec/3; what matters is that systemd never sees WatchdogSec pass
    # without one (a loaded machine stretches the gaps, as ASan beside stress-ng did to 1.02 s).
    check("heartbeats while the screen is idle, each within WatchdogSec of the last",
          len(before_freeze) >= 4 and max(gaps, default=99) < WATCHDOG_S,
          f"{len(before_freeze)} beats, largest gap {max(gaps, default=0):.2f} s")
    check("the frozen loop stops the heartbeats", bool(beats) and beats[-1] < FREEZE_AFTER_S + WATCHDOG_S / 3 + 0.5,
          f"last beat {beats[-1]:.2f} s after READY=1" if beats else "no beats")
    check("the watchdog deadline passes and systemd would act", fired_at is not None and fired_at > FREEZE_AFTER_S,
          f"{fired_at:.2f} s after READY=1" if fired_at else "never")
    check("the kiosk dies of the watchdog's SIGABRT", kiosk.returncode == -signal.SIGABRT, f"exit {kiosk.returncode}")
    check("the kiosk said why it hung", "render loop hangs now" in stderr)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
