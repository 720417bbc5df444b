#!/usr/bin/env bash
# The .deb as a Pi gets it: built by CPack from this build tree, its contents, its dependencies,
# its copyright file (machine-readable, DEP-5) accepted by lintian, its systemd units accepted by
# systemd-analyze verify, its user by systemd-sysusers, and its programs run from the extracted
# package with the configuration it ships.
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
            ./etc/systemd/journald.conf.d/torino-kiosk.conf ./usr/share/doc/torino-kiosk/configuration.md \
            ./usr/share/doc/torino-kiosk/copyright; do
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

# The copyright file: GPL-3.0-or-later, with the demo bundle's map data (CC BY 4.0) and fonts (OFL 1.1).
copyright=$root/usr/share/doc/torino-kiosk/copyright
check "the shipped copyright file is image/debian/copyright" cmp -s "$copyright" "$tests/../image/debian/copyright"
# lintian on the .deb, limited to the tags of its copyright checks: present, plain (not compressed,
# not a symlink), pointing to /usr/share/common-licenses rather than holding the GPL's text...
binary_tags=no-copyright-file,copyright-file-compressed,copyright-file-is-symlink,copyright-has-crs,\
copyright-without-copyright-notice,copyright-file-contains-full-gpl-license,copyright-file-contains-full-gfdl-license,\
copyright-file-contains-full-apache-2-license,copyright-not-using-common-license-for-gpl,\
copyright-not-using-common-license-for-lgpl,copyright-not-using-common-license-for-gfdl,\
copyright-not-using-common-license-for-apache2,copyright-does-not-refer-to-common-license-file,\
copyright-refers-to-compressed-license,copyright-refers-to-nonexistent-license-file,copyright-refers-to-symlink-license,\
copyright-refers-to-versionless-license-file,copyright-refers-to-deprecated-bsd-license-file,\
copyright-refers-to-incorrect-directory,copyright-refers-to-old-directory,old-fsf-address-in-copyright-file,\
copyright-file-lacks-pointer-to-perl-license,helper-templates-in-copyright,copyright-contains-automatically-extracted-boilerplate,\
copyright-has-url-from-dh_make-boilerplate,copyright-contains-dh_make-todo-boilerplate,copyright-with-old-dh-make-debian-copyright,\
spelling-error-in-copyright,possible-gpl-code-linked-with-openssl,extra-license-file
# ...and, since lintian reads the DEP-5 syntax only in a source package's debian/copyright, on a
# throwaway native source package made of the shipped file and the least debian/ that dpkg-source
# needs, limited to the DEP-5 tags that do not compare the Files patterns with that (empty) tree
# (the patterns are checked against the real trees below).
dep5_tags=no-debian-copyright-in-source,debian-copyright-is-symlink,no-dep5-copyright,syntax-error-in-dep5-copyright,\
unknown-copyright-format-uri,unversioned-copyright-format-uri,out-of-date-copyright-format-uri,insecure-copyright-format-uri,\
wiki-copyright-format-uri,boilerplate-copyright-format-uri,missing-field-in-dep5-copyright,obsolete-field-in-dep5-copyright,\
missing-license-paragraph-in-dep5-copyright,missing-license-text-in-dep5-copyright,unused-license-paragraph-in-dep5-copyright,\
dep5-copyright-license-name-not-unique,dep5-file-paragraph-references-header-paragraph,empty-short-license-in-dep5-copyright,\
invalid-short-name-in-dep5-copyright,space-in-std-shortname-in-dep5-copyright,bad-exception-format-in-dep5-copyright,\
pipe-symbol-used-as-license-disjunction,license-problem-undefined-license,incomplete-creative-commons-license,tab-in-license-text,\
comma-separated-files-in-dep5-copyright,invalid-escape-sequence-in-dep5-copyright,global-files-wildcard-not-first-paragraph-in-dep5-copyright,\
duplicate-globbing-patterns,redundant-globbing-patterns,globbing-patterns-out-of-order,files-excluded-without-copyright-format-1.0
lintian_opts=(--no-override --display-level '>=pedantic' --display-experimental)
out=$(lintian "${lintian_opts[@]}" --tags "$binary_tags" "$deb" 2>&1); rc=$?
out=$(grep -v '^running with root privileges' <<<"$out")
check "lintian's copyright tags on the .deb: none ($out)" test $rc -eq 0 -a -z "$out"
src=$work/src/torino-kiosk
mkdir -p "$src/debian/source"
cp "$copyright" "$src/debian/copyright" 2>/dev/null
echo '3.0 (native)' >"$src/debian/source/format"
printf 'Source: torino-kiosk\nMaintainer: %s\n\nPackage: torino-kiosk\nArchitecture: any\nDescription: %s\n kiosk\n' \
  "$(dpkg-deb -f "$deb" Maintainer)" "$(dpkg-deb -f "$deb" Description | head -1)" >"$src/debian/control"
printf 'torino-kiosk (%s) unstable; urgency=medium\n\n  * The copyright check.\n\n -- %s  %s\n' \
  "$(dpkg-deb -f "$deb" Version)" "$(dpkg-deb -f "$deb" Maintainer)" "$(date -R)" >"$src/debian/changelog"
printf '#!/usr/bin/make -f\n' >"$src/debian/rules" && chmod +x "$src/debian/rules"
out=$(cd "$work/src" && dpkg-source -b torino-kiosk 2>&1); rc=$?
check "dpkg-source: the copyright file's throwaway source package ($out)" test $rc -eq 0
out=$(lintian "${lintian_opts[@]}" --tags "$dep5_tags" "$work"/src/torino-kiosk_*.dsc 2>&1); rc=$?
out=$(grep -v '^running with root privileges' <<<"$out")
check "lintian's DEP-5 tags on debian/copyright: none ($out)" test $rc -eq 0 -a -z "$out"
# The same by hand, so that it does not rest on lintian alone: the file parses as DEP-5 (deb822
# paragraphs, a header with the 1.0 format), every Files paragraph has Copyright and License, every
# short name a Files paragraph uses has its License paragraph (with text) and every License
# paragraph is used, the GPL points to common-licenses, and every Files pattern but * names a
# file of the source tree or of the package.
out=$(python3 - "$copyright" "$tests/.." "$root" 2>&1 <<'EOF'
import fnmatch, os, re, sys
path, source_tree, package_tree = sys.argv[1:]
problems, paragraphs, paragraph, field = [], [], None, None
try:
    lines = open(path, encoding="utf-8").read().split("\n")
except (OSError, UnicodeDecodeError) as e:
    sys.exit(f"cannot read the copyright file: {e}")
for n, line in enumerate(lines, 1):
    if not line.strip():
        paragraph = field = None
    elif line[0] in " \t":
        if field is None:
            problems.append(f"line {n}: a continuation line outside a field")
        else:
            paragraph[field].append(line[1:])
    elif m := re.fullmatch(r"([^\s:#-][^\s:]*):(.*)", line):
        if paragraph is None:
            paragraph = {"line": n}
            paragraphs.append(paragraph)
        field = m.group(1).lower()
        if field in paragraph:
            problems.append(f"line {n}: field {m.group(1)} twice in a paragraph")
        paragraph[field] = [m.group(2).strip()]
    else:
        problems.append(f"line {n}: not a field, a continuation or a blank line: {line!r}")
if not paragraphs:
    sys.exit("no paragraphs")
header, rest = paragraphs[0], paragraphs[1:]
if header.get("format", [""])[0] != "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/":
    problems.append("the header has no Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
if header.get("upstream-name", [""])[0] != "torino-kiosk":
    problems.append("the header has no Upstream-Name: torino-kiosk")
files = [p for p in rest if "files" in p]
licenses = [p for p in rest if "files" not in p]
def names(expression):  # "GPL-3+ and CC-BY-4.0 or OFL-1.1", "GPL-2+ with Font exception"
    return [re.sub(r"\s+with\s+.*\s+exception$", "", n).strip(" ,")
            for n in re.split(r"\s+(?:and|or)\s+", expression) if n.strip()]
if not files or files[0]["files"][0] != "*":
    problems.append("the first Files paragraph is not Files: *")
needed = {}
for p in files:
    for f in ("copyright", "license"):
        if not p.get(f, [""])[0] and len(p.get(f, [])) < 2:
            problems.append(f"line {p['line']}: a Files paragraph without {f.capitalize()}")
    expression = p.get("license", [""])[0]
    if not expression:
        continue
    if not "".join(p["license"][1:]).strip():
        for name in names(expression):
            needed.setdefault(name, p["line"])
    for pattern in " ".join(p["files"]).split():
        if pattern == "*":
            continue
        found = False
        for tree in (source_tree, package_tree):
            for top, dirs, names_ in os.walk(tree):
                dirs[:] = [d for d in dirs if not (top == tree and (d.startswith("build") or d == ".git"))]
                if any(fnmatch.fnmatchcase(os.path.relpath(os.path.join(top, f), tree), pattern) for f in names_):
                    found = True
                    break
            if found:
                break
        if not found:
            problems.append(f"line {p['line']}: Files pattern {pattern} names no file of the source tree or the package")
standalone = {}
for p in licenses:
    name = p.get("license", [""])[0]
    if not name:
        problems.append(f"line {p['line']}: a paragraph with neither Files nor a License short name")
        continue
    if name in standalone:
        problems.append(f"line {p['line']}: License: {name} twice")
    standalone[name] = p
    if not "".join(p["license"][1:]).strip():
        problems.append(f"line {p['line']}: License: {name} has no text")
for name, line in sorted(needed.items()):
    if name not in standalone:
        problems.append(f"line {line}: {name} is used but has no License paragraph")
for name, p in sorted(standalone.items()):
    if name not in needed:
        problems.append(f"line {p['line']}: License: {name} is used by no Files paragraph")
gpl = standalone.get("GPL-3+")
if gpl is None or "/usr/share/common-licenses/GPL-3" not in "\n".join(gpl["license"]):
    problems.append("no License: GPL-3+ paragraph pointing to /usr/share/common-licenses/GPL-3")
for name in ("CC-BY-4.0", "OFL-1.1"):
    if name in standalone and len(standalone[name]["license"]) < 50:
        problems.append(f"License: {name}: not the full text")
print("\n".join(problems))
sys.exit(1 if problems else 0)
EOF
); rc=$?
check "the copyright file parses as DEP-5, every licence it uses has its paragraph ($out)" test $rc -eq 0
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

# The content console, where the build has it (amd64; a Pi is a kiosk): its program, pages, own
# service, not enabled, and own user.
if [ -x "$build/content/console/kiosk-console" ]; then
  for path in ./usr/bin/kiosk-console ./usr/share/torino-kiosk/console/index.html ./usr/share/torino-kiosk/console/js/app.js \
              ./lib/systemd/system/torino-kiosk-console.service ./usr/lib/sysusers.d/torino-kiosk-console.conf \
              ./usr/share/doc/torino-kiosk/console.md ./usr/share/doc/torino-kiosk/console-nginx.conf; do
    check "contains $path" contains "$contents" "$path"
  done
  out=$(systemd-analyze verify --man=no --generators=no --root="$root" torino-kiosk-console.service 2>&1); rc=$?
  check "systemd-analyze verify torino-kiosk-console.service: no complaint ($out)" test $rc -eq 0 -a -z "$out"
  check "the console runs as its own user" contains "$(cat "$root/lib/systemd/system/torino-kiosk-console.service")" "User=torino-kiosk-console"
  check "systemd-sysusers makes the console's user" contains "$(systemd-sysusers --dry-run --root="$root" 2>&1)" "Creating user 'torino-kiosk-console'"
  check "postinst does not enable the console (an office server's, not a kiosk's)" not_contains "$(cat "$work/postinst")" "enable torino-kiosk-console"
  check "the packaged console runs" \
    contains "$("$root/usr/bin/kiosk-console" --help)" "kiosk-console serve"
fi

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
