#!/usr/bin/env bash
# Shows Sharpless at work, the way a user meets it, in one command on a fresh machine (.NET SDK, Node.js >= 20):
#   1. packs the Sharpless package into a local feed;
#   2. builds samples/AntiPatterns (and its NativeAot/ project) against it and prints the diagnostics Sharpless
#      reports: one mistake per rule, SLS1001-SLS6006, all raised or lowered to warnings by the sample's
#      sharpless.globalconfig (SLS6005 needs AWSSDK.RDS, which this machine's feed lacks);
#   3. serves samples/OrdersApi locally: dynalite (installed with npm when missing) on a free loopback port as
#      DynamoDB, the sample's table created in it, and the generated `Api` function behind http://127.0.0.1:<port>,
#      each HTTP request translated into an API Gateway payload 2.0 event (samples/OrdersApi.Local). Ctrl+C stops.
# `bash eng/showcase.sh --demo` runs a scripted session against the local API instead of serving (it also feeds an SQS
# batch to the ImportOrder queue consumer and stream records to UpdateCustomerSummary), and exits 0 when
# every answer was the expected one. `--port N` picks the port. `--no-serve` stops after step 2.
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

if [[ " $* " == *" --no-serve "* ]]; then
  exit 0
fi

serve_args=()
for arg in "$@"; do
  [ "$arg" = "--no-serve" ] || serve_args+=("$arg")
done

echo
echo "==> Serving samples/OrdersApi locally (samples/OrdersApi.Local)"
# The samples' packages folder already holds the Sharpless just packed (step 2 cleared the old one).
exec dotnet run --project samples/OrdersApi.Local/OrdersApi.Local.csproj -c Release -tl:off "${no_lingering[@]}" \
  "-p:SharplessVersion=$version" -- "${serve_args[@]}"
