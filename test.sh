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
package_log=$(mktemp)
trap 'rm -f "$log" "$package_log"' EXIT
status=0
dotnet test StateAnalyzers.sln -c Release 2>&1 | tee "$log" || status=$?

if [ -x scripts/verify-package.sh ]; then
  scripts/verify-package.sh 2>&1 | tee "$package_log" || status=$?
fi

# One plain closing line for CI: every test assembly's summary and the package checks, summed.
scripts/test-summary.sh "$log" "$package_log"
exit $status
