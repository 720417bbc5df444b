# Shared by the test scripts that use a test-time tool from the npm registry: the tools they
# need present, and the versions pinned in their package-lock.json installed into WORK (npm ci
# only when they are not there yet: it starts by deleting node_modules).
# Usage: source tests/npm_pinned.sh; npm_pinned SUITE HERE WORK PACKAGE WHAT TOOL...
npm_pinned() {
  local suite=$1 here=$2 work=$3 package=$4 what=$5 tool
  shift 5
  for tool in node npm "$@"; do
    command -v "$tool" >/dev/null || { echo "$suite: $tool is missing. Fix: run image/install-build-deps" >&2; exit 1; }
  done
  mkdir -p "$work"
  if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -f "$work/node_modules/$package/package.json" ]; then
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    (cd "$work" && npm ci --no-audit --no-fund --silent) ||
      { echo "$suite: npm could not install $what (package-lock.json). Fix: check that this machine reaches the npm registry" >&2; exit 1; }
  fi
}
