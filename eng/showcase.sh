#!/usr/bin/env bash
# Shows Sharpless at work, the way a user meets it: packs the Sharpless package into a local feed, builds the
# samples/AntiPatterns Lambda project against it, and prints the diagnostics Sharpless reported.
# `bash eng/showcase.sh` (the README's first command). Exits 0 when the sample built and Sharpless reported at
# least one SLSxxxx diagnostic.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$(pwd)

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0
no_lingering=(-nodeReuse:false -p:UseSharedCompilation=false)

feed=artifacts/feed
sample=samples/AntiPatterns/AntiPatterns.csproj
log_dir=artifacts/showcase
mkdir -p "$feed" "$log_dir"

echo "==> Packing src/Sharpless (Release) into $feed"
rm -f "$feed"/Sharpless.*.nupkg
if ! dotnet pack src/Sharpless/Sharpless.csproj -c Release -o "$feed" -tl:off "${no_lingering[@]}" > "$log_dir/pack.log" 2>&1; then
  cat "$log_dir/pack.log"
  echo "showcase: packing Sharpless failed (log: $log_dir/pack.log)" >&2
  exit 1
fi
nupkg=$(cd "$feed" && ls Sharpless.*.nupkg | head -n 1)
version=${nupkg#Sharpless.}
version=${version%.nupkg}
echo "    $feed/$nupkg"

echo "==> Building $sample against Sharpless $version from the local feed"
# The samples' own packages folder: drop any earlier Sharpless of this version so the one just packed is used.
rm -rf artifacts/sample-packages/sharpless
build_status=0
dotnet build "$sample" --no-incremental -tl:off "${no_lingering[@]}" "-p:SharplessVersion=$version" \
  > "$log_dir/build.log" 2>&1 || build_status=$?

# "path(line,col): warning SLS5002: message [project]" -> "relative/path(line,col): warning SLS5002: message"
diagnostics=$(grep -E ': (warning|error|info) SLS[0-9]{4}:' "$log_dir/build.log" \
  | sed -E -e 's/^[[:space:]]+//' -e 's/ \[[^]]*\]$//' -e "s#^${repo_root}/##" \
  | sort -u || true)

if [ "$build_status" -ne 0 ]; then
  cat "$log_dir/build.log"
  echo "showcase: building the sample failed (exit $build_status; log: $log_dir/build.log)" >&2
  exit 1
fi
if [ -z "$diagnostics" ]; then
  cat "$log_dir/build.log"
  echo "showcase: the sample built, but Sharpless reported no SLSxxxx diagnostics (log: $log_dir/build.log)" >&2
  exit 1
fi

echo
echo "Sharpless diagnostics in samples/AntiPatterns (each marks an anti-pattern the sample commits on purpose; docs/rules/SLSxxxx.md explains each rule):"
printf '%s\n' "$diagnostics"
echo
echo "showcase: $(printf '%s\n' "$diagnostics" | wc -l | tr -d ' ') diagnostic(s) from Sharpless $version; full build log: $log_dir/build.log"
