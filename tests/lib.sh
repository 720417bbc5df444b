# Shared by the shell test suites: count checks, print failures, exit non-zero at the end.
passed=0 failed=0
check() {  # check NAME CONDITION-COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}
contains() { grep -qF -- "$2" <<<"$1"; }
not_contains() { ! grep -qF -- "$2" <<<"$1"; }
finish() {  # finish SUITE-NAME
  echo "$1: $passed passed, $failed failed"
  test $failed -eq 0
}
