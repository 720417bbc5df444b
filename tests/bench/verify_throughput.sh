#!/usr/bin/env bash
# Benchmark: `kiosk-bundle verify` against the stock `minisign -V` on the same 200 MB signed
# bundle (the demo bundle plus a table of random bytes). Target: at least 0.9x minisign's
# throughput. Needs hyperfine and minisign (apt-get install hyperfine minisign).
# Usage: tests/bench/verify_throughput.sh [BUILD_DIR] [MEGABYTES]
set -euo pipefail
build=${1:-build/release}
megabytes=${2:-200}
tool=$build/content/kiosk-bundle
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bundle=$work/big.kbundle
cp "$build/torino.kbundle" "$bundle"
sqlite3 "$bundle" "CREATE TABLE padding(data BLOB); INSERT INTO padding VALUES (randomblob($megabytes * 1048576));"
minisign -G -W -p "$work/k.pub" -s "$work/k.sec" >/dev/null
minisign -S -W -s "$work/k.sec" -m "$bundle" -t "$("$tool" trusted-comment "$bundle")" >/dev/null
"$tool" verify "$bundle" --public "$work/k.pub"
echo "file: $(du -m "$bundle" | cut -f1) MB"
hyperfine --warmup 2 --runs 10 --export-markdown "$work/result.md" \
  -n "kiosk-bundle verify" "$tool verify $bundle --public $work/k.pub" \
  -n "minisign -V" "minisign -V -q -p $work/k.pub -m $bundle"
cat "$work/result.md"
