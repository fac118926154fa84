#!/usr/bin/env bash
# Builds the sample shop (samples/ShopApp) from a clean state and shows what StateAnalyzers finds in it, grouped by
# rule. The sample references the analyzers as projects, so this works on a fresh clone (restore included).
#
#   ./run-sample.sh                                  recommended preset: the build succeeds with warnings
#   ./run-sample.sh -p:StateAnalyzersPreset=strict   every rule is an error: the build fails, the table still prints
#
# Extra arguments go to `dotnet build`. Exit status: the build's.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

project=samples/ShopApp
configuration=${CONFIGURATION:-Release}

if ! command -v jq >/dev/null 2>&1; then
  echo "run-sample.sh: installing jq (reads the compiler's SARIF log)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq jq >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sarif=$work/ShopApp.sarif

# With the same arguments in both steps, a preset or other property given on the command line reaches the analyzer
# projects' build and the sample's compile alike.
echo "== restore, and build what the sample references (the analyzers, incrementally)"
if ! dotnet build "$project" -c "$configuration" -nologo -v:q -t:ResolveProjectReferences "$@" >"$work/deps.log" 2>&1; then
  cat "$work/deps.log"
  echo "run-sample.sh: restoring or building the analyzers failed" >&2
  exit 1
fi

# --no-incremental recompiles the sample every time, so no finding hides behind an up-to-date build;
# --no-dependencies leaves the analyzer projects (built just above) alone.
# The console shows warnings and errors only; the SARIF log also has Info findings (STATE006 is Info by default).
echo "== compile $project from clean ($configuration)"
status=0
dotnet build "$project" -c "$configuration" -nologo --no-restore --no-dependencies --no-incremental \
  -clp:NoSummary "-p:ErrorLog=$sarif%2Cversion%3D2.1" "$@" >"$work/build.log" 2>&1 || status=$?

# Anything that is not ours (a compile error, an analyzer that failed to load) is shown as the build printed it.
grep -E ': (error|warning) ' "$work/build.log" | grep -vE ' (error|warning) STATE[0-9]+:' | sort -u || true
if [ $status -ne 0 ] && ! grep -qE ' error STATE[0-9]+:' "$work/build.log"; then
  tail -n 30 "$work/build.log"
fi

if [ ! -s "$sarif" ]; then
  echo "run-sample.sh: the compiler wrote no SARIF log (build exit $status)" >&2
  exit $(( status == 0 ? 1 : status ))
fi

# One row per finding: rule, severity, file:line:col relative to the repository, message. Suppressed ones are left out.
jq -r --arg root "file://$root/" '
  .runs[0].results[]
  | select(.ruleId | startswith("STATE"))
  | select((.suppressions // []) | length == 0)
  | (.locations[0].physicalLocation) as $at
  | [ .ruleId,
      (if .level == "note" then "info" else (.level // "warning") end),
      (($at.artifactLocation.uri // "?" | ltrimstr($root)) + ":" + ($at.region.startLine|tostring) + ":" + ($at.region.startColumn|tostring)),
      .message.text ]
  | @tsv' "$sarif" | sort -t $'\t' -k1,1 -k3,3V >"$work/findings.tsv"

# The rules the loaded analyzers support, with their titles.
jq -r '.runs[0].tool.driver.rules[] | select(.id | startswith("STATE")) | [.id, (.shortDescription.text // "")] | @tsv' "$sarif" \
  | sort -u >"$work/rules.tsv"

echo
echo "== StateAnalyzers findings in $project"
current=""
while IFS=$'\t' read -r rule level location message; do
  if [ "$rule" != "$current" ]; then
    title=$(awk -F'\t' -v id="$rule" '$1 == id { print $2 }' "$work/rules.tsv")
    echo
    echo "$rule  $title"
    current=$rule
  fi
  printf '  %-7s  %s\n           %s\n' "$level" "$location" "$message"
done <"$work/findings.tsv"

echo
echo "== Summary (rule, severity, count)"
printf '  %-9s %-9s %5s  %s\n' "rule" "severity" "count" "title"
total=0
while IFS=$'\t' read -r rule title; do
  count=$(awk -F'\t' -v id="$rule" '$1 == id' "$work/findings.tsv" | wc -l)
  levels=$(awk -F'\t' -v id="$rule" '$1 == id { print $2 }' "$work/findings.tsv" | sort -u | paste -sd/ -)
  printf '  %-9s %-9s %5d  %s\n' "$rule" "${levels:--}" "$count" "$title"
  total=$((total + count))
done <"$work/rules.tsv"
printf '  %-9s %-9s %5d\n' "total" "" "$total"
echo
echo "  Rules the analyzers support: $(cut -f1 "$work/rules.tsv" | paste -sd' ' -)"
# Each planted violation carries an `Expected: STATE00N[, STATE00M]` comment (samples/README.md): one finding per ID.
planted=$(grep -rhoE 'Expected: STATE[0-9]+(, STATE[0-9]+)*' "$project" --include='*.cs' | grep -oE 'STATE[0-9]+' | wc -l)
echo "  The sample plants $planted findings (its \`Expected: STATE00N\` comments); $total are reported above."
echo "  Every rule in the catalogue has an analyzer; STATE007 has no violation in the sample on purpose."

if [ "$total" -eq 0 ]; then
  echo "run-sample.sh: WARNING: no STATE finding at all; were the analyzers loaded? (see the warnings above)" >&2
fi

if [ $status -eq 0 ]; then
  echo "run-sample.sh: build succeeded"
else
  echo "run-sample.sh: build FAILED (exit $status)"
fi
exit $status
