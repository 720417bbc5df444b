#!/usr/bin/env bash
# Benchmark: how long a content manager waits for `kiosk-bundle validate`, `build` and `diff`,
# on the demo source and on a large one made from it: 2,000 guides in all 16 languages (the
# demo's eight guides copied under new ids, each copy's texts made distinct so the search index
# and the fonts see real variety), with every translation recorded as up to date. Wall time
# (hyperfine, median and spread of the runs) and peak memory (/usr/bin/time -v). Needs hyperfine
# (apt-get install hyperfine). Not a test: the machine's load moves the figures; compare the two
# sources as a ratio within one run.
# Usage: tests/bench/content_tools.sh [BUILD_DIR] [GUIDES]
set -euo pipefail
build=${1:-build/release}
guides=${2:-2000}
tool=$(realpath "$build/content/kiosk-bundle")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The large source: guides.csv gains rows; every language's guides/ folder gains files.
cp -r "$root/content/torino" "$work/large"
python3 - "$work/large" "$guides" <<'PY'
import csv, os, sys
src, wanted = sys.argv[1], int(sys.argv[2])
with open(os.path.join(src, "guides.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, demo = rows[0], rows[1:]
langs = [d for d in os.listdir(os.path.join(src, "lang")) if os.path.isdir(os.path.join(src, "lang", d, "guides"))]
new_rows = []
for n in range(wanted - len(demo)):
    base = demo[n % len(demo)]
    gid = f"{base[0]}-{n + 1}"
    new_rows.append([gid] + base[1:])
    for lang in langs:
        with open(os.path.join(src, "lang", lang, "guides", base[0] + ".md"), encoding="utf-8") as f:
            text = f.read()
        head, body = text.split("\n---\n", 1)
        lines = head.split("\n")
        lines[0] = lines[0] + f" {n + 1}"
        with open(os.path.join(src, "lang", lang, "guides", gid + ".md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n---\n" + body + f"\n{n + 1}\n")
with open(os.path.join(src, "guides.csv"), "w", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\n").writerows([header] + demo + new_rows)
PY
for lang in $(ls "$work/large/lang"); do
  [ -d "$work/large/lang/$lang/guides" ] || continue
  [ "$lang" = it ] && continue
  "$tool" mark-translated "$work/large" "$lang" >/dev/null
done
echo "large source: $(tail -n +2 "$work/large/guides.csv" | wc -l) guides, $(find "$work/large/lang" -name '*.md' | wc -l) guide files, $(du -sh "$work/large/lang" | cut -f1) of texts"

demo=$root/content/torino
"$tool" build "$demo" -o "$work/demo.kbundle" >/dev/null 2>&1
"$tool" build "$work/large" -o "$work/large.kbundle" >/dev/null 2>&1
# diff compares a bundle with the same source one version on and one guide body changed.
cp -r "$work/large" "$work/large2"
sed -i 's/^version = .*/version = 2/' "$work/large2/bundle.ini"
echo "Una riga in più." >>"$work/large2/lang/it/guides/food-help.md"
"$tool" build "$work/large2" -o "$work/large2.kbundle" >/dev/null 2>&1
cp -r "$demo" "$work/demo2"
echo "Una riga in più." >>"$work/demo2/lang/it/guides/food-help.md"
"$tool" build "$work/demo2" -o "$work/demo2.kbundle" >/dev/null 2>&1

hyperfine --style basic --warmup 1 --runs "${RUNS:-5}" --export-markdown "$work/times.md" \
  -n "validate demo" "$tool validate $demo" \
  -n "validate large" "$tool validate $work/large" \
  -n "build demo" "$tool build $demo -o $work/out-demo.kbundle" \
  -n "build large" "$tool build $work/large -o $work/out-large.kbundle" \
  -n "diff demo" "$tool diff $work/demo.kbundle $work/demo2.kbundle" \
  -n "diff large" "$tool diff $work/large.kbundle $work/large2.kbundle" >/dev/null
cat "$work/times.md"
echo
for run in "validate $work/large" "build $work/large -o $work/out-large.kbundle" "diff $work/large.kbundle $work/large2.kbundle"; do
  /usr/bin/time -v -o "$work/time.txt" $tool $run >/dev/null 2>&1 || true
  echo "peak memory, ${run%% *} large: $(awk -F': ' '/Maximum resident/ {print int($2 / 1024)}' "$work/time.txt") MiB"
done
echo "bundle sizes: demo $(du -k "$work/demo.kbundle" | cut -f1) KiB, large $(du -k "$work/large.kbundle" | cut -f1) KiB"
