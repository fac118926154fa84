#!/usr/bin/env bash
# The closing line of test.sh, from the logs it kept: the sums of every test assembly's summary in the
# `dotnet test` log, plus the PASS/FAIL checks of scripts/verify-package.sh in the package log (absent or empty
# when it did not run).
#
#   scripts/test-summary.sh <dotnet-test-log> [<verify-package-log>]
set -euo pipefail
tests_log=$1
package_log=${2:-}

passed=$(grep -Eo 'Passed: +[0-9]+' "$tests_log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+' "$tests_log" | awk '{ s += $2 } END { print s + 0 }')
package_passed=0
package_failed=0
if [ -n "$package_log" ] && [ -s "$package_log" ]; then
  package_passed=$(grep -Ec '^PASS  ' "$package_log" || true)
  package_failed=$(grep -Ec '^FAIL  ' "$package_log" || true)
fi

echo "tests: $((passed + package_passed)) passed, $((failed + package_failed)) failed" \
  "($((package_passed + package_failed)) of them package checks by scripts/verify-package.sh)"
