#!/usr/bin/env bash
# Builds every package of the repository into one local folder feed (default: artifacts/, gitignored):
#   StateAnalyzers            the analyzers and code fixes (development dependency)
#   StateAnalyzers.AspNetCore the runtime companion
#   StateAnalyzers.Cli        the `stateanalyzers` .NET tool
# each with its .snupkg symbols. The version comes from Directory.Build.props (<Version>).
#   ./pack.sh                            -> artifacts/*.nupkg
#   ./pack.sh -o DIR --version-suffix S  -> DIR/*.<Version>-S.nupkg (what scripts/verify-package.sh uses)
set -euo pipefail
cd "$(dirname "$0")"

output=artifacts
suffix=""
while [ $# -gt 0 ]; do
  case $1 in
    -o|--output) output=$2; shift 2 ;;
    --version-suffix) suffix=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "pack.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
mkdir -p "$output"
output=$(cd "$output" && pwd)

projects=(src/StateAnalyzers.Package src/StateAnalyzers.AspNetCore)
[ -d src/StateAnalyzers.Cli ] && projects+=(src/StateAnalyzers.Cli)

for project in "${projects[@]}"; do
  echo "pack.sh: $project"
  dotnet pack "$project" -c Release -nologo -v:q -o "$output" ${suffix:+"-p:StateAnalyzersVersionSuffix=$suffix"}
done
echo "pack.sh: packages in $output:"
ls -1 "$output" | sed 's/^/  /'
