#!/usr/bin/env bash
# The .deb as a Pi gets it: built by CPack from this build tree, its contents, its dependencies,
# its systemd units accepted by systemd-analyze verify, its user by systemd-sysusers, and its
# programs run from the extracted package with the configuration it ships.
# Usage: package_test.sh BUILD_DIR TESTS_DIR
set -u
build=$1 tests=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$tests/lib.sh"

out=$(cd "$build" && cpack -G DEB -B "$work/out" 2>&1); rc=$?
check "cpack: exit 0 ($out)" test $rc -eq 0
deb=$(ls "$work"/out/torino-kiosk_*_*.deb 2>/dev/null | head -1)
check "cpack: a torino-kiosk .deb" test -s "$deb"
# The machine the build is for: this one, or the Pi when cross-built (image/test-arm64).
case $(readelf -h "$build/kiosk/kiosk" | awk -F: '/Machine/ {print $2}') in
  *AArch64*) arch=arm64
    # On the build machine the :arm64 libunibreak is not installed but unpacked beside the build
    # (image/test-arm64); the build's programs find it by RUNPATH, the packaged ones, which have
    # none, by this. On a Pi it is an ordinary package the .deb depends on.
    export LD_LIBRARY_PATH=$tests/../build/arm64-extra-root/usr/lib ;;
  *) arch=$(dpkg --print-architecture) ;;
esac
check "the package is for the machine built for ($arch)" test "$(dpkg-deb -f "$deb" Architecture)" = "$arch"

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/torino-kiosk ./usr/bin/kiosk-bundle ./usr/share/torino-kiosk/torino.kbundle ./etc/torino-kiosk/kiosk.conf \
            ./lib/systemd/system/torino-kiosk.service ./lib/systemd/system/torino-kiosk-stick@.service \
            ./lib/udev/rules.d/90-torino-kiosk-stick.rules ./usr/lib/sysusers.d/torino-kiosk.conf \
            ./etc/systemd/journald.conf.d/torino-kiosk.conf ./usr/share/doc/torino-kiosk/configuration.md; do
  check "contains $path" contains "$contents" "$path"
done
depends=$(dpkg-deb -f "$deb" Depends)
# What SDL opens at run time on the console (EGL, GLES, Mesa's drivers) is named by hand.
for lib in "systemd (>= 252)" libsdl2-2.0-0 libharfbuzz0b libsqlite3-0 libsodium23 libcurl4 libsystemd0 \
           libegl1 libgles2 libegl-mesa0 libgl1-mesa-dri; do
  check "depends on $lib" contains "$depends" "$lib"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -x -C "$work" ./conffiles ./postinst
check "the configuration is a conffile: an upgrade keeps the technician's edits" contains "$(cat "$work/conffiles")" "/etc/torino-kiosk/kiosk.conf"
check "postinst makes the user and enables the service" contains "$(cat "$work/postinst")" "systemctl enable torino-kiosk.service"

root=$work/root
dpkg-deb -x "$deb" "$root"
# systemd-analyze resolves dependencies (sysinit.target, ...) inside --root: this machine's own units.
cp -an /lib/systemd/system/. "$root/lib/systemd/system/"
mkdir -p "$root/bin" && cp /bin/mount /bin/umount /bin/mkdir "$root/bin/"
out=$(systemd-analyze verify --man=no --generators=no --root="$root" torino-kiosk.service 2>&1); rc=$?
check "systemd-analyze verify torino-kiosk.service: no complaint ($out)" test $rc -eq 0 -a -z "$out"
cp "$root/lib/systemd/system/torino-kiosk-stick@.service" "$root/lib/systemd/system/torino-kiosk-stick@sda1.service"
out=$(systemd-analyze verify --man=no --generators=no --root="$root" torino-kiosk-stick@sda1.service 2>&1); rc=$?
check "systemd-analyze verify torino-kiosk-stick@sda1.service: no complaint ($out)" test $rc -eq 0 -a -z "$out"
unit=$(cat "$root/lib/systemd/system/torino-kiosk.service")
for line in "Type=notify" "WatchdogSec=" "Restart=always" "User=torino-kiosk" "SupplementaryGroups=video render input" \
            "Environment=SDL_VIDEODRIVER=KMSDRM" "ProtectSystem=strict" "PrivateTmp=yes" "NoNewPrivileges=yes" "StateDirectory=torino-kiosk"; do
  check "the service has $line" contains "$unit" "$line"
done
check "the stick is mounted read-only and noexec" contains "$(cat "$root/lib/systemd/system/torino-kiosk-stick@.service")" "-o ro,noexec,nosuid,nodev"
out=$(systemd-sysusers --dry-run --root="$root" 2>&1); rc=$?
check "systemd-sysusers reads the user ($out)" test $rc -eq 0
check "the kiosk's user is made" contains "$out" "Creating user 'torino-kiosk'"

for program in torino-kiosk kiosk-bundle; do  # debug symbols stay in the build tree, not on the SD card
  check "$program is stripped" test -z "$(readelf -S "$root/usr/bin/$program" | grep -E '\.(symtab|debug_info)')"
done
out=$("$root/usr/bin/torino-kiosk" --version); check "the packaged kiosk runs" contains "$out" "kiosk 0."
sed "s#^bundle = /usr#bundle = $root/usr#; s#^usage_db = .*##" "$root/etc/torino-kiosk/kiosk.conf" >"$work/kiosk.conf"
out=$("$root/usr/bin/torino-kiosk" --config "$work/kiosk.conf" --screenshot "$work/home.png" --open home --lang it 2>&1); rc=$?
check "the shipped configuration is read, the factory bundle shown ($out)" test $rc -eq 0 -a -s "$work/home.png"
out=$("$root/usr/bin/kiosk-bundle" info "$root/usr/share/torino-kiosk/torino.kbundle")
check "the factory bundle is the demo" contains "$out" "languages: it en fr"

finish package
