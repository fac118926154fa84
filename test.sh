#!/usr/bin/env bash
# Runs every test of the repository: analyzer and code-fix tests, runtime companion tests (against a real
# Redis on loopback, which the tests start themselves), the stateanalyzers tool's tests, and the NuGet package check.
# Installs what the tests need on a fresh Debian machine (redis-server, chromium, nodejs/npm) first.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v redis-server >/dev/null 2>&1; then
  echo "test.sh: installing redis-server (the runtime integration tests run a real Redis on loopback)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
fi

# The stateanalyzers tool's report tests: headless Chromium loads the HTML report, and npm brings the SARIF
# multitool that validates the SARIF log (into ~/.cache on first use).
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
if [ -n "$missing" ]; then
  echo "test.sh: installing$missing (the stateanalyzers tool's HTML and SARIF tests)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

log=$(mktemp)
status=0
dotnet test StateAnalyzers.sln -c Release 2>&1 | tee "$log" || status=$?

if [ -x scripts/verify-package.sh ]; then
  scripts/verify-package.sh || status=$?
fi

# One plain closing line for CI: the sums of every test assembly's summary.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{ s += $2 } END { print s + 0 }')
rm -f "$log"
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status
