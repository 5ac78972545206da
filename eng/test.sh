#!/usr/bin/env bash
# Runs every test in the repository: `bash eng/test.sh` (the README's test command; CI runs it through .ci/run).
# The last line printed is always: Tests: N passed, N failed, N skipped
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# MSBuild worker nodes, the MSBuild server or the compiler server left running after the build would hold this
# script's stdout open (and CI's pipe with it). Nothing may outlive the run.
export MSBUILDDISABLENODEREUSE=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0

results_dir=artifacts/test-results

echo "dotnet SDK $(dotnet --version)"

# ---------------------------------------------------------------------------------------------------------------
# External test dependencies. Everything the tests need must be installed here (a fresh CI machine has only the
# .NET SDK and Node.js >= 20 with npm). NuGet packages are restored by `dotnet test` below.
# ---------------------------------------------------------------------------------------------------------------

# dynalite, the DynamoDB-compatible server the DynamoDB integration tests start (tests/Sharpless.DynamoDB.Tests/
# Dynalite): Node.js >= 20 and npm, exact versions from tests/dynalite/package-lock.json. Its LevelDB dependency
# ships prebuilt native binaries, so no compiler or python is needed.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "error: node and npm (Node.js >= 20) must be on PATH for the dynalite DynamoDB test server" >&2
  exit 1
fi
echo "npm ci tests/dynalite (node $(node --version), npm $(npm --version 2>/dev/null))"
npm ci --prefix tests/dynalite --no-audit --no-fund --no-update-notifier --loglevel=error
# The CloudFormation resource specification with the AWS::Serverless types (@aws-cdk/cfnspec, data only), which
# tests/Sharpless.Deployment.Tests/Schema checks the written SAM templates against.
npm ci --prefix tests/cfnspec --no-audit --no-fund --no-update-notifier --loglevel=error

rm -rf "$results_dir"
mkdir -p "$results_dir"

# The realistic-shapes suite (tests/Sharpless.Analyzers.Tests/RealWorld, docs/accuracy.md) writes its
# precision/recall table here; it is printed just before the closing Tests: line.
export SHARPLESS_ACCURACY_REPORT="$PWD/$results_dir/accuracy.md"

test_status=0
# The AotCheck projects hold no tests, so `dotnet test` skips them (it does not even build a non-test project), but
# building them is their check: generated code compiled with the trimming and AOT analyzers and warnings as errors.
aot_status=0
for project in tests/*.AotCheck*/*.csproj; do
  echo "dotnet build $project"
  if ! dotnet build "$project" -c Debug -nodeReuse:false -p:UseSharedCompilation=false -v:q -nologo; then
    echo "error: $project did not build: generated code has a trimming or AOT warning (or does not compile)" >&2
    aot_status=1
  fi
done

dotnet test Analyzers.sln -c Debug \
  --logger trx \
  --results-directory "$results_dir" \
  --blame-hang-timeout 10m \
  -nodeReuse:false \
  -p:UseSharedCompilation=false \
  || test_status=$?

# Totals from the TRX files. VSTest's <Counters> for xUnit: a skipped test counts in total but not in executed
# (its notExecuted stays 0), so skipped = total - executed.
counter() { # counter NAME COUNTERS_ELEMENT -> the attribute's value, 0 when absent
  local value
  value=$(printf '%s\n' "$2" | sed -n "s/.* $1=\"\\([0-9][0-9]*\\)\".*/\\1/p")
  echo "${value:-0}"
}

passed=0 failed=0 skipped=0 total=0 trx_files=0
while IFS= read -r -d '' trx; do
  trx_files=$((trx_files + 1))
  counters=$(tr '\n' ' ' < "$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)
  if [ -z "$counters" ]; then
    echo "warning: no <Counters> in $trx" >&2
    failed=$((failed + 1))
    continue
  fi
  t=$(counter total "$counters")
  e=$(counter executed "$counters")
  passed=$((passed + $(counter passed "$counters")))
  failed=$((failed + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
  skipped=$((skipped + t - e))
  total=$((total + t))
done < <(find "$results_dir" -name '*.trx' -type f -print0)

status=0
if [ "$test_status" -ne 0 ]; then
  echo "dotnet test exited with $test_status" >&2
  status=1
fi
if [ "$aot_status" -ne 0 ]; then
  echo "an AotCheck project did not build (see above)" >&2
  status=1
fi
if [ "$trx_files" -eq 0 ] || [ "$total" -eq 0 ]; then
  echo "no tests ran (no TRX results in $results_dir)" >&2
  status=1
fi
if [ "$failed" -gt 0 ]; then
  status=1
fi

if [ -f "$SHARPLESS_ACCURACY_REPORT" ]; then
  echo
  cat "$SHARPLESS_ACCURACY_REPORT"
  echo
fi

echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
