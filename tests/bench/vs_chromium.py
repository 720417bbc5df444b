#!/usr/bin/env python3
"""The kiosk against a Chromium kiosk showing the same guide page (issue 24).

The page is the food-help guide of the demo source in Arabic, English and Chinese, as plain HTML
with the same Noto fonts at 1920x1080, served from loopback. Every figure is taken in one run,
the programs interleaved, so the ratios hold on a shared, noisy machine:

- cold start to the first frame shown: the kiosk prints when it handed its first frame to the
  display (CLOCK_MONOTONIC); the page sends Chromium's first-contentful-paint time back to this
  script (performance.timeOrigin + startTime). Both counted from the moment this script starts
  the program, with a new Chromium profile each time (a cold start).
- cold start to a finished PNG (kiosk --screenshot, chromium --headless=new --screenshot), and the
  peak PSS of the whole process tree meanwhile.
- on an X display (Xvfb): the first frame, the steady PSS after the page is shown, anonymous and
  file-backed apart, and the CPU the unchanging screen costs.

Run by tests/bench/vs_chromium.sh, which says what it needs installed.
"""
import argparse
import csv
import html
import http.server
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

LANGS = ["ar", "en", "zh"]
GUIDE = "food-help"
TICK = os.sysconf("SC_CLK_TCK")


# ---- the page -------------------------------------------------------------------------------

def inline(text, places):
    text = re.sub(r"\{place\.([a-z0-9-]+)\.([a-z_]+)\}", lambda m: places.get(m.group(1), {}).get(m.group(2), ""), text)
    text = html.escape(text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"\[(.+?)\]\([^)]*\)", r'<a href="#">\1</a>', text)


def guide_html(source, lang):
    """The guide as the kiosk lays it out: a dark header with the title, the body in 30 px text."""
    with open(os.path.join(source, "places.csv"), newline="") as f:
        places = {row["id"]: row for row in csv.DictReader(f)}
    with open(os.path.join(source, "lang", lang, "guides", GUIDE + ".md"), encoding="utf-8") as f:
        head, _, body = f.read().partition("\n---\n")
    title = next(line[6:].strip() for line in head.splitlines() if line.startswith("title:"))
    out, in_list = [], False
    for line in body.splitlines():
        if line.startswith("- "):
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append("<li>" + inline(line[2:], places) + "</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if line.startswith("# "):
            out.append("<h2>" + inline(line[2:], places) + "</h2>")
        elif line.strip():
            out.append("<p>" + inline(line, places) + "</p>")
    if in_list:
        out.append("</ul>")
    direction = "rtl" if lang == "ar" else "ltr"
    return f"""<!doctype html>
<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
html, body {{ margin: 0; width: 1920px; height: 1080px; overflow: hidden; background: #f7f5f0; color: #1a1a1a;
  font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif; font-size: 30px; line-height: 1.45; }}
header {{ background: #1f3a5f; color: #fff; height: 120px; display: flex; align-items: center; padding: 0 48px; }}
header h1 {{ font-size: 44px; margin: 0; }}
main {{ padding: 24px 48px; }} h2 {{ font-size: 36px; margin: 24px 0 8px; }} a {{ color: #0b4f9c; }}
footer {{ position: fixed; bottom: 0; left: 0; right: 0; height: 110px; background: #1f3a5f; }}
</style>
<script>
new PerformanceObserver(list => {{
  for (const e of list.getEntries())
    if (e.name === "first-contentful-paint") navigator.sendBeacon("/painted", String(performance.timeOrigin + e.startTime));
}}).observe({{type: "paint", buffered: true}});
</script></head>
<body><header><h1>{html.escape(title)}</h1></header><main>{"".join(out)}</main><footer></footer></body></html>
"""


class PageServer:
    """The pages on loopback; the first paint each page reports (epoch ms) arrives as a beacon."""

    def __init__(self, pages):
        self.painted = None
        self.event = threading.Event()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = pages.get(self.path.lstrip("/"))
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                if body:
                    self.wfile.write(body)

            def do_POST(self):
                data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                server.painted = float(data) / 1000.0
                server.event.set()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def expect_paint(self):
        self.painted = None
        self.event.clear()

    def wait_paint(self, timeout=60):
        return self.painted if self.event.wait(timeout) else None


# ---- processes ------------------------------------------------------------------------------

def tree(root):
    """The process and all its descendants."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def memory(root):
    """PSS of the tree in MB: total, anonymous, file-backed (shared memory counted with file)."""
    total = anon = file = 0
    for pid in tree(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    key, _, rest = line.partition(":")
                    kb = int(rest.split()[0]) if rest.split() else 0
                    if key == "Pss":
                        total += kb
                    elif key == "Pss_Anon":
                        anon += kb
                    elif key in ("Pss_File", "Pss_Shmem"):
                        file += kb
        except (OSError, ValueError):
            continue
    return total / 1024, anon / 1024, file / 1024


def cpu_ticks(root):
    ticks = 0
    for pid in tree(root):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return ticks


class PeakPss:
    """Samples the tree's PSS every 10 ms while the program runs."""

    def __init__(self, proc):
        self.peak = 0.0
        self.proc = proc
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while self.proc.poll() is None:
            self.peak = max(self.peak, memory(self.proc.pid)[0])
            time.sleep(0.01)

    def stop(self):
        self.thread.join()
        return self.peak


def start(cmd, env=None):
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, start_new_session=True)


def kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


# ---- the runs -------------------------------------------------------------------------------

class Bench:
    def __init__(self, args, server, work):
        self.a, self.server, self.work = args, server, work
        self.results = {}

    def add(self, key, value):
        if value is not None:
            self.results.setdefault(key, []).append(value)

    def kiosk(self, lang, extra):
        return [self.a.kiosk, "--bundle", self.a.bundle, "--lang", lang, "--open", "guide/" + GUIDE] + extra

    def chromium(self, lang, extra):
        profile = tempfile.mkdtemp(dir=self.work)  # a new profile: nothing cached from the last run
        return [self.a.chromium, "--no-sandbox", "--no-first-run", "--no-default-browser-check", "--disable-breakpad",
                "--user-data-dir=" + profile, "--window-size=1920,1080"] + extra + [f"http://127.0.0.1:{self.server.port}/{lang}.html"]

    def kiosk_first_frame(self, key, lang, extra, env=None):
        t0 = time.monotonic()
        proc = start(self.kiosk(lang, extra), env)
        out, _ = proc.communicate(timeout=120)
        m = re.search(r"first frame presented at ([0-9.]+)", out)
        self.add(key, (float(m.group(1)) - t0) * 1000 if m else None)

    def chromium_first_paint(self, key, lang, extra, env=None):
        self.server.expect_paint()
        t0 = time.time()
        proc = start(self.chromium(lang, extra), env)
        painted = self.server.wait_paint()
        kill(proc)
        self.add(key, (painted - t0) * 1000 if painted else None)

    def to_png(self, key, cmd):
        t0 = time.monotonic()
        proc = start(cmd)
        peak = PeakPss(proc)
        proc.communicate(timeout=120)
        self.add(key + " s", time.monotonic() - t0)
        self.add(key + " pss", peak.stop())

    def on_display(self, key, cmd, env, wait_shown):
        """Steady memory and idle CPU of a program showing the page on the X display."""
        proc = start(cmd, env)
        if not wait_shown(proc):
            kill(proc)
            return
        time.sleep(self.a.settle)
        total, anon, file = memory(proc.pid)
        before = cpu_ticks(proc.pid)
        time.sleep(self.a.idle)
        cpu = (cpu_ticks(proc.pid) - before) / TICK / self.a.idle * 100
        kill(proc)
        self.add(key + " pss", total)
        self.add(key + " anon", anon)
        self.add(key + " file", file)
        self.add(key + " cpu", cpu)

    def cold(self, i):
        lang = LANGS[i % len(LANGS)]
        png = os.path.join(self.work, "shot.png")
        self.kiosk_first_frame("kiosk first", lang, ["--headless", "--exit-after", "0"])
        self.chromium_first_paint("chromium first", lang, ["--headless=new"])
        self.to_png("kiosk png", self.kiosk(lang, ["--screenshot", png]))
        self.to_png("chromium png", self.chromium(lang, ["--headless=new", "--screenshot=" + png]))
        if self.a.shell:
            self.to_png("shell png", [self.a.shell, "--no-sandbox", "--window-size=1920,1080", "--screenshot=" + png,
                                      f"http://127.0.0.1:{self.server.port}/{lang}.html"])

    def display(self, i, env):
        lang = LANGS[i % len(LANGS)]
        # A kiosk on X draws once and then waits: its first frame is the page shown.
        run_ms = str(int((self.a.settle + self.a.idle + 2) * 1000))
        def drawn(proc):  # the kiosk draws its page within its first half second
            time.sleep(0.5)
            return proc.poll() is None
        for key, renderer in (("kiosk x11", None), ("kiosk x11 sw", "software")):
            kenv = dict(env)
            if renderer:
                kenv["SDL_RENDER_DRIVER"] = renderer
            self.kiosk_first_frame(key + " first", lang, ["--exit-after", "0"], kenv)
            self.on_display(key, self.kiosk(lang, ["--exit-after", run_ms]), kenv, drawn)
        self.chromium_first_paint("chromium x11 first", lang, ["--kiosk", "--noerrdialogs", "--disable-infobars"], env)

        def painted(proc):
            return self.server.wait_paint() is not None
        self.server.expect_paint()
        self.on_display("chromium x11", self.chromium(lang, ["--kiosk", "--noerrdialogs", "--disable-infobars"]), env, painted)


def median(values):
    return statistics.median(values) if values else None


def table(b, args, load_before, load_after):
    r = {k: median(v) for k, v in b.results.items()}
    n = {k: len(v) for k, v in b.results.items()}

    def cell(key, fmt):
        return "—" if r.get(key) is None else fmt.format(r[key])

    def ratio(ours, theirs):
        return "" if r.get(ours) is None or r.get(theirs) is None else f" (**{r[theirs] / r[ours]:.1f}×**)"

    rows = [
        "| figure (median) | kiosk | Chromium | ratio |",
        "|---|---|---|---|",
        f"| cold start to the first frame shown, headless (n={n.get('kiosk first', 0)}) | {cell('kiosk first', '{:.0f} ms')} | "
        f"{cell('chromium first', '{:.0f} ms')} `--headless=new`, first contentful paint |{ratio('kiosk first', 'chromium first')} |",
        f"| cold start to a finished 1920×1080 PNG | {cell('kiosk png s', '{:.2f} s')} | {cell('chromium png s', '{:.2f} s')} "
        f"`--headless=new --screenshot` |{ratio('kiosk png s', 'chromium png s')} |",
        f"| peak PSS of the process tree meanwhile | {cell('kiosk png pss', '{:.0f} MB')} | {cell('chromium png pss', '{:.0f} MB')} |"
        f"{ratio('kiosk png pss', 'chromium png pss')} |",
    ]
    if "shell png s" in r:
        rows.append(f"| the same PNG, chrome-headless-shell | {cell('kiosk png s', '{:.2f} s')} | {cell('shell png s', '{:.2f} s')} |"
                    f"{ratio('kiosk png s', 'shell png s')} |")
    if "kiosk x11 first" in r:
        rows += [
            f"| on X11 (Xvfb): cold start to the first frame shown | {cell('kiosk x11 first', '{:.0f} ms')} (GL) · "
            f"{cell('kiosk x11 sw first', '{:.0f} ms')} (software) | {cell('chromium x11 first', '{:.0f} ms')} `--kiosk` |"
            f"{ratio('kiosk x11 first', 'chromium x11 first')} |",
            f"| on X11: steady PSS, page shown (n={n.get('kiosk x11 pss', 0)}) | {cell('kiosk x11 pss', '{:.0f} MB')} (GL) · "
            f"{cell('kiosk x11 sw pss', '{:.0f} MB')} (software) | {cell('chromium x11 pss', '{:.0f} MB')} |"
            f"{ratio('kiosk x11 pss', 'chromium x11 pss')}{ratio('kiosk x11 sw pss', 'chromium x11 pss')} |",
            f"| … of which anonymous | {cell('kiosk x11 anon', '{:.1f} MB')} (GL) · {cell('kiosk x11 sw anon', '{:.1f} MB')} (software) | "
            f"{cell('chromium x11 anon', '{:.0f} MB')} |{ratio('kiosk x11 sw anon', 'chromium x11 anon')} |",
            f"| … file-backed and shared | {cell('kiosk x11 file', '{:.1f} MB')} (GL) · {cell('kiosk x11 sw file', '{:.1f} MB')} (software) | "
            f"{cell('chromium x11 file', '{:.0f} MB')} | |",
            f"| on X11: CPU over {args.idle:g} s of an unchanging screen | {cell('kiosk x11 cpu', '{:.2f} %')} (GL) · "
            f"{cell('kiosk x11 sw cpu', '{:.2f} %')} (software) | {cell('chromium x11 cpu', '{:.2f} %')} of a core | |",
        ]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    head = (f"Measured {time.strftime('%Y-%m-%d')} by `tests/bench/vs_chromium.sh` on {os.cpu_count()} cores ({cpu}), "
            f"load average {load_before:.1f} before and {load_after:.1f} after; {args.runs} interleaved cold starts "
            f"(ar, en, zh in turn), {args.display_runs} on the X display; "
            f"{subprocess.run([args.chromium, '--version'], capture_output=True, text=True).stdout.strip()}.")
    return head + "\n\n" + "\n".join(rows) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--kiosk", required=True)
    p.add_argument("--bundle", required=True)
    p.add_argument("--source", required=True)
    p.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    p.add_argument("--shell", default=shutil.which("chrome-headless-shell"))
    p.add_argument("--runs", type=int, default=12)
    p.add_argument("--display-runs", type=int, default=3)
    p.add_argument("--settle", type=float, default=3.0)
    p.add_argument("--idle", type=float, default=10.0)
    p.add_argument("--out", required=True)
    args = p.parse_args()
    pages = {lang + ".html": guide_html(args.source, lang).encode() for lang in LANGS}
    server = PageServer(pages)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as work:
        b = Bench(args, server, work)
        for lang in LANGS:  # warm-up: the programs' files in the page cache for both
            b.kiosk_first_frame("warm", lang, ["--headless", "--exit-after", "0"])
            b.chromium_first_paint("warm", lang, ["--headless=new"])
        for i in range(args.runs):
            b.cold(i)
            print(f"cold start {i + 1}/{args.runs}", file=sys.stderr)
        if shutil.which("Xvfb") and args.display_runs:
            xvfb = subprocess.Popen(["Xvfb", ":93", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1)
            env = dict(os.environ, DISPLAY=":93")
            try:
                for i in range(args.display_runs):
                    b.display(i, env)
                    print(f"on the display {i + 1}/{args.display_runs}", file=sys.stderr)
            finally:
                xvfb.kill()
        else:
            print("Xvfb is not installed: the X display rows are left out", file=sys.stderr)
        for key, values in sorted(b.results.items()):
            print(f"{key}: " + " ".join(f"{v:.3g}" for v in values), file=sys.stderr)
        text = table(b, args, load_before, os.getloadavg()[0])
    with open(args.out, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
