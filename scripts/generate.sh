#!/usr/bin/env bash
# Writes every file derived from the rule catalogue (src/StateAnalyzers.Catalogue): the descriptors, the release-tracking
# file, the README rule table, the rule pages' fact and option tables, and the severity presets.
#   scripts/generate.sh           write them
#   scripts/generate.sh --check   write nothing; exit 1 when one is out of date
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project tools/StateAnalyzers.Generator -c Release -v q -- "$(pwd)" "$@"
