#!/usr/bin/env bash
# Updates as they happen to a kiosk: a running kiosk and a real HTTP server on loopback, a USB
# inbox, crash loops after a switch, and installs killed or failed at every file operation
# (strace injects SIGKILL, ENOSPC and EIO into the real programs, as a power cut or a full or
# failing SD card would).
# Usage: update_tests.sh KIOSK KIOSK_BUNDLE DEMO_BUNDLE TESTS_DIR
set -u
kiosk=$1 tool=$2 demo=$3 tests=$4
source "$tests/lib.sh"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT

"$tool" keygen --public "$work/k.pub" --secret "$work/k.sec" --no-password >/dev/null
publish() {  # publish VERSION: the demo content signed as $work/vVERSION.kbundle
  local src=$work/src-$1
  cp -r "$tests/../content/torino" "$src"
  sed -i "s/^version = .*/version = $1/" "$src/bundle.ini"
  "$tool" build "$src" -o "$work/v$1.kbundle" >/dev/null
  "$tool" sign "$work/v$1.kbundle" --secret "$work/k.sec" >/dev/null
}
for v in 1 2 3; do publish $v; done
install() { "$tool" install "$work/v$1.kbundle" --store "$2" --public "$work/k.pub" --channel demo 2>&1; }
fresh_store() {  # fresh_store DIR VERSION...: a store with these versions installed in order
  local dir=$1; shift
  rm -rf "$dir"
  for v in "$@"; do install "$v" "$dir" >/dev/null; done
}
kiosk_on() {  # kiosk_on STORE ARGS...: the kiosk headless on a store; what it prints
  local store=$1; shift
  "$kiosk" --store "$store" --trust "$work/k.pub" --bundle "$demo" --headless "$@" 2>&1
}
# The bundle file the kiosk starts on, when that is the store's verified current one.
starts_on() { kiosk_on "$1" --exit-after 0 | sed -n 's/^kiosk: showing the current bundle .*\/\(v[0-9]*\)\.kbundle$/\1/p'; }

## A running kiosk takes a new bundle from the server (a folder kiosk-bundle publish wrote), and from a USB inbox, without a restart
mkdir -p "$work/inbox"
out=$("$tool" publish "$work/v2.kbundle" --secret "$work/k.sec" --out "$work/served" --name torino.kbundle)
check "publish: wrote the version folder first and the signature last" test "$(sed -n 's/^  wrote //p' <<<"$out")" = \
  "$(printf '%s\n' "$work/served/v2/torino.kbundle" "$work/served/v2/torino.kbundle.minisig" "$work/served/torino.kbundle" \
     "$work/served/torino.kbundle.minisig")"
coproc SERVER { exec python3 "$tests/http_server.py" "$work/served"; }
read -r port <&"${SERVER[0]}"
fresh_store "$work/live" 1
(sleep 4; cp "$work/v3.kbundle" "$work/v3.kbundle.minisig" "$work/inbox/") &
out=$(kiosk_on "$work/live" --lang en --update-url "http://127.0.0.1:$port/files" --check-every 1 --inbox "$work/inbox" \
  --exit-after 9000)
check "live: the kiosk ran to the end" contains "$out" "frames:"
check "live: a plain-http update_url is a problem said at start" contains "$out" "update_url http://127.0.0.1:$port/files is plain http"
check "live: installed from the server's version folder" contains "$out" "update: http://127.0.0.1:$port/files/v2/torino.kbundle: installed version 2"
check "live: swapped to it without a restart" contains "$out" "update: showing $work/live/bundles/v2.kbundle from the next frame"
check "live: unchanged server costs a conditional request" contains "$out" "files/: unchanged"
check "live: installed from the inbox" contains "$out" "update: $work/inbox/v3.kbundle: installed version 3"
check "live: swapped again" contains "$out" "update: showing $work/live/bundles/v3.kbundle from the next frame"
check "live: status says version 3" contains "$("$tool" status --store "$work/live")" "current_version = 3"
kill "$SERVER_PID" 2>/dev/null

## Crash loop: a kiosk killed three times soon after a switch comes back on the previous bundle
fresh_store "$work/loop" 1 2
for i in 1 2 3; do
  "$kiosk" --store "$work/loop" --trust "$work/k.pub" --bundle "$demo" --headless 2>"$work/loop-$i.log" &
  pid=$!
  for _ in $(seq 100); do grep -q "showing the current bundle" "$work/loop-$i.log" && break; sleep 0.1; done
  kill -KILL $pid; wait $pid 2>/dev/null
done
check "loop: ran on version 2 before" grep -q "bundles/v2.kbundle" "$work/loop-3.log"
out=$(kiosk_on "$work/loop" --exit-after 0)
check "loop: says why it rolled back" contains "$out" "version 2 did not run cleanly 3 times in 10 minutes after it was installed: withdrawn, back on version 1"
check "loop: shows version 1" contains "$out" "showing the current bundle $work/loop/bundles/v1.kbundle"
out=$(install 2 "$work/loop")
check "loop: version 2 is never reinstalled" contains "$out" "was withdrawn on this kiosk"
check "loop: status tells the technician" contains "$("$tool" status --store "$work/loop")" "last_result = refused"
fresh_store "$work/failing" 1 2
for i in 1 2 3; do kiosk_on "$work/failing" --lang zz --exit-after 0 >/dev/null; done
check "loop: failing to start counts like crashing" contains "$(kiosk_on "$work/failing" --exit-after 0)" "back on version 1"
check "loop: a clean exit is not a crash" test "$(starts_on "$work/loop"; starts_on "$work/loop"; starts_on "$work/loop"; starts_on "$work/loop")" = "$(printf 'v1\nv1\nv1\nv1')"

## Power cuts and failing disks during an install of version 2 over version 1
# Every call of each file-changing syscall is a point to kill or fail at.
fresh_store "$work/pristine" 1
# LeakSanitizer cannot work under ptrace: traced runs of the sanitizer build go without it.
traced() { ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -qq -o "$@"; }
# The points are the calls that touch the store (strace -y shows the file behind each
# descriptor); the program's other calls - loading libraries, the sanitizer's own - are not.
# aarch64 (a Raspberry Pi, or qemu-aarch64) has no rename, symlink or unlink system calls: glibc
# makes renameat, symlinkat and unlinkat there, so each operation traces all its variants.
syscalls() {  # syscalls OPERATION: the system calls that do it, for strace -e trace=
  case $1 in
    rename) echo rename,renameat,renameat2 ;;
    symlink) echo symlink,symlinkat ;;
    unlink) echo unlink,unlinkat ;;
    *) echo "$1" ;;
  esac
}
calls() {  # calls OPERATION: NAME:N for each call that touches the store, installing version 2 -
           # the N-th call of system call NAME, as strace's inject=NAME:...:when=N counts
  cp -a "$work/pristine" "$work/count"
  traced "$work/trace" -y -e trace="$(syscalls "$1")" "$tool" install "$work/v2.kbundle" --store "$work/count" --public "$work/k.pub" >/dev/null
  awk -v store="$work/count" 'match($0, /^([0-9]+ +)?[a-z0-9_]+\(/) {
    name = substr($0, RSTART, RLENGTH - 1); sub(/^[0-9]+ +/, "", name)
    if (index($0, store)) print name ":" ++n[name]; else ++n[name] }' "$work/trace"
  rm -rf "$work/count"
}
# After any interruption, the kiosk starts on version 1 or 2, verified, and a plain retry
# installs version 2 without being confused by anything the interrupted one left.
after_interruption() {  # after_interruption WHAT EXPECTED-START (v1, v2 or "either")
  local what=$1 expected=$2 start retry
  start=$(starts_on "$work/s")
  if [ "$expected" = either ]; then
    check "$what: kiosk starts on a verified current bundle (got '${start}')" test "$start" = v1 -o "$start" = v2
  else
    check "$what: kiosk starts on $expected (got '${start}')" test "$start" = "$expected"
  fi
  retry=$(install 2 "$work/s")
  check "$what: a retry installs version 2 (${retry})" test "$(starts_on "$work/s")" = v2
  check "$what: staging is left empty" test -z "$(ls -A "$work/s/staging")"
}
kills=0
for operation in openat write writev fsync rename symlink unlink; do
  for point in $(calls $operation); do
    call=${point%%:*} i=${point#*:}
    rm -rf "$work/s"; cp -a "$work/pristine" "$work/s"
    # The exit code comes from a subshell that outlives strace, so bash prints no "Killed" notice.
    rc=$(traced /dev/null -e trace=$call -e inject=$call:signal=KILL:when=$i \
      "$tool" install "$work/v2.kbundle" --store "$work/s" --public "$work/k.pub" >/dev/null 2>&1; echo $?)
    [ "$rc" -eq 137 ] && kills=$((kills + 1))
    after_interruption "SIGKILL at $call #$i" either
  done
done
echo "power cuts: killed at $kills points"
check "power cuts: killed at $kills points" test $kills -ge 20
faults=0
for fault in write:ENOSPC writev:ENOSPC fsync:EIO rename:EIO symlink:ENOSPC openat:ENOSPC; do
  operation=${fault%%:*} error=${fault#*:}
  for point in $(calls $operation); do
    call=${point%%:*} i=${point#*:}
    rm -rf "$work/s"; cp -a "$work/pristine" "$work/s"
    traced /dev/null -e trace=$call -e inject=$call:error=$error:when=$i \
      "$tool" install "$work/v2.kbundle" --store "$work/s" --public "$work/k.pub" >/dev/null 2>&1
    # The exit code tells what happened: 0, installed, and the kiosk starts on version 2.
    if [ $? -eq 0 ]; then expected=v2; else expected=v1; fi
    faults=$((faults + 1))
    after_interruption "$error at $call #$i" $expected
  done
done
echo "failing disk: injected $faults faults"
check "failing disk: injected $faults faults" test $faults -ge 20

## A running kiosk whose disk fills: the update is refused, the kiosk goes on showing version 1,
## and once there is room again the same bundle installs without a restart
# RLIMIT_FSIZE makes the kernel fail the kiosk's writes past 1 MiB (EFBIG, SIGXFSZ ignored), as a
# full disk fails them; prlimit lifts it while the kiosk runs, as freeing space would.
rm -rf "$work/s" "$work/inbox"; cp -a "$work/pristine" "$work/s"; mkdir -p "$work/inbox"
cp "$work/v2.kbundle" "$work/v2.kbundle.minisig" "$work/inbox/"
(trap '' XFSZ; exec prlimit --fsize=1048576:unlimited "$kiosk" --store "$work/s" --trust "$work/k.pub" --bundle "$demo" --headless \
  --inbox "$work/inbox" --exit-after 60000 >"$work/full.log" 2>&1) &
pid=$!
for _ in $(seq 300); do grep -q "refused: cannot" "$work/full.log" && break; sleep 0.1; done
check "full disk: the install was refused with the reason" contains "$(cat "$work/full.log")" "refused: cannot write"
check "full disk: still on version 1" test "$(readlink "$work/s/current")" = bundles/v1.kbundle
check "full disk: staging is left empty" test -z "$(ls -A "$work/s/staging")"
prlimit --pid "$pid" --fsize=unlimited:unlimited
for _ in $(seq 300); do grep -q "installed version 2" "$work/full.log" && break; sleep 0.1; done
check "full disk: with room again, the same bundle installs (no restart)" contains "$(cat "$work/full.log")" "$work/inbox/v2.kbundle: installed version 2"
kill -TERM $pid; wait $pid
check "full disk: the kiosk ran on" contains "$(cat "$work/full.log")" "showing $work/s/bundles/v2.kbundle from the next frame"

## A hostile USB stick: a FIFO, a symlink, a socket and a name with newlines beside a good bundle
rm -rf "$work/s" "$work/inbox"; cp -a "$work/pristine" "$work/s"; mkdir -p "$work/inbox"
mkfifo "$work/inbox/fifo.kbundle" "$work/inbox/fifo-sig.kbundle.minisig"
cp "$work/v2.kbundle" "$work/inbox/fifo-sig.kbundle"
ln -s /dev/zero "$work/inbox/zero.kbundle"; ln -s /dev/zero "$work/inbox/zero.kbundle.minisig"
python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$work/inbox/socket.kbundle"
forged=$'x\nlast_result = installed\ncurrent_version = 99\n.kbundle'
cp "$work/v3.kbundle" "$work/inbox/$forged"; cp "$work/v3.kbundle.minisig" "$work/inbox/$forged.minisig"
cp "$work/v2.kbundle" "$work/v2.kbundle.minisig" "$work/inbox/"
"$kiosk" --store "$work/s" --trust "$work/k.pub" --bundle "$demo" --headless --inbox "$work/inbox" --exit-after 60000 \
  >"$work/stick.log" 2>&1 &
pid=$!
for _ in $(seq 300); do grep -q "installed version 2" "$work/stick.log" && break; sleep 0.1; done
out=$(cat "$work/stick.log")
check "stick: the good bundle beside them installs" contains "$out" "$work/inbox/v2.kbundle: installed version 2"
check "stick: a FIFO is skipped, not waited on" contains "$out" "fifo.kbundle: skipped: it is a named pipe (FIFO), not a file"
check "stick: a FIFO signature is skipped" contains "$out" "fifo-sig.kbundle: skipped: its signature fifo-sig.kbundle.minisig is a named pipe (FIFO)"
check "stick: a symlink is skipped" contains "$out" "zero.kbundle: skipped: it is a symbolic link"
check "stick: a socket is skipped" contains "$out" "socket.kbundle: skipped: it is a socket, not a file"
check "stick: a name with newlines is refused, shown escaped" contains "$out" 'x\x0alast_result = installed\x0acurrent_version = 99\x0a.kbundle: skipped: its name has control characters'
check "stick: the forged name wrote no line of the status" test "$(grep -c '^current_version' "$work/s/status")" = 1
check "stick: status says version 2" contains "$(cat "$work/s/status")" "current_version = 2"
sleep 6  # the inbox is looked at again: each skipped file was told once
check "stick: each skipped file is told once" test "$(grep -c 'fifo.kbundle: skipped' "$work/stick.log")" = 1
start=$(date +%s%N)
kill -TERM $pid; wait $pid; rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "stick: SIGTERM ends the kiosk cleanly (rc $rc)" test $rc -eq 0
echo "stick: stopped ${ms} ms after SIGTERM"

## SIGTERM while a server trickles a bundle: the kiosk stops at once, cleanly, never counted as a crash
rm -rf "$work/s" "$work/trickle"; cp -a "$work/pristine" "$work/s"; mkdir -p "$work/trickle"
"$tool" publish "$work/v2.kbundle" --secret "$work/k.sec" --out "$work/trickle" --name torino.kbundle >/dev/null
coproc SLOW { exec python3 "$tests/http_server.py" "$work/trickle"; }
read -r port <&"${SLOW[0]}"
for round in 1 2 3 4; do
  "$kiosk" --store "$work/s" --trust "$work/k.pub" --bundle "$demo" --headless --check-every 60 \
    --update-url "http://127.0.0.1:$port/trickle" --exit-after 600000 >"$work/term-$round.log" 2>&1 &
  pid=$!
  # The server is first asked 1 to 3 s after start; wait until the bundle is on its way.
  for _ in $(seq 300); do [ "$(python3 -c "import urllib.request as u; print(u.urlopen('http://127.0.0.1:$port/count/v2/torino.kbundle').read().decode())")" -ge $round ] && break; sleep 0.1; done
  sleep 0.5
  start=$(date +%s%N)
  kill -TERM $pid; wait $pid; rc=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "trickle: stopped ${ms} ms after SIGTERM (round $round)"
  check "trickle $round: SIGTERM mid-download ends the kiosk cleanly (rc $rc)" test $rc -eq 0
  # systemd's stop timeout is 10 s; here the stop is asked of a kiosk under test load.
  check "trickle $round: stopped within systemd's stop timeout (${ms} ms)" test $ms -lt 10000
done
kill "$SLOW_PID" 2>/dev/null
out=$(kiosk_on "$work/s" --exit-after 0)
check "trickle: four stops in a row withdrew nothing" not_contains "$out" "withdrawn"
check "trickle: still on version 1" test "$(starts_on "$work/s")" = v1

## A kiosk given only the fleet's root key takes the keyring from a stick, then the bundle its publisher signed
"$tool" keygen --public "$work/root.pub" --secret "$work/root.sec" --no-password >/dev/null
rm -rf "$work/rooted" "$work/root-stick"; mkdir -p "$work/root-stick"
"$tool" keyring add "$work/root-stick/keyring.txt" --public "$work/k.pub" --name "Anna Rossi" >/dev/null
"$tool" keyring sign "$work/root-stick/keyring.txt" --secret "$work/root.sec" >/dev/null
cp "$work/v2.kbundle" "$work/v2.kbundle.minisig" "$work/root-stick/"
out=$("$kiosk" --store "$work/rooted" --trust-root "$work/root.pub" --bundle "$demo" --headless --channel demo --inbox "$work/root-stick" --exit-after 3000 2>&1)
check "root: the keyring is taken from the stick" contains "$out" "keyring.txt: took keyring version 1 (1 publishers, 0 revoked)"
check "root: then the bundle its publisher signed" contains "$out" "v2.kbundle: installed version 2"
out=$("$kiosk" --store "$work/rooted" --trust-root "$work/root.pub" --bundle "$demo" --headless --exit-after 0 2>&1)
check "root: at the next start the store's keyring vouches for it" contains "$out" "showing the current bundle $work/rooted/bundles/v2.kbundle"
# Revoked: at the next start the kiosk leaves the bundle that key signed, for its factory bundle.
"$tool" keyring revoke "$work/root-stick/keyring.txt" --key-id "$("$tool" keyring show "$work/root-stick/keyring.txt" | awk '/^publisher/{print $2}')" >/dev/null
"$tool" keyring sign "$work/root-stick/keyring.txt" --secret "$work/root.sec" >/dev/null
"$kiosk" --store "$work/rooted" --trust-root "$work/root.pub" --bundle "$demo" --headless --channel demo --inbox "$work/root-stick" --exit-after 3000 >/dev/null 2>&1
out=$("$kiosk" --store "$work/rooted" --trust-root "$work/root.pub" --bundle "$demo" --headless --exit-after 0 2>&1)
check "root: a revoked key's bundle is passed over at start" contains "$out" "showing the factory bundle"

finish updates
