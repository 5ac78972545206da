# Shared by eng/measure-*.sh (sourced, not run): a work folder with the freshly packed Sharpless as a local feed, the
# synthetic Lambda project of tests/Sharpless.Benchmarks written into it and restored against that feed, and medians.
# The caller sets repo_root (the repository root, the current folder) and calls the steps in order.

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0

# measure_work NAME: a new temporary work folder (kept); sets work, feed, logs.
measure_work() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/sharpless-$1.XXXXXX")
  feed=$work/feed
  logs=$work/logs
  mkdir -p "$feed" "$logs"
  echo "==> Work folder: $work"
}

# measure_write_project DIR ARGS...: the synthetic project (--each N, or a file count) into DIR; its shape in $work/shape.txt.
measure_write_project() {
  local dir=$1
  shift
  echo "==> Writing the synthetic project ($*)"
  dotnet build tests/Sharpless.Benchmarks -c Release -tl:off -nodeReuse:false -p:UseSharedCompilation=false -v:q > "$logs/benchmarks-build.log" 2>&1 \
    || { cat "$logs/benchmarks-build.log"; exit 1; }
  dotnet run --no-build -c Release --project tests/Sharpless.Benchmarks -- --write-project "$dir" "$@" | tee "$work/shape.txt"
}

# measure_pack: packs Sharpless into $feed; sets version.
measure_pack() {
  echo "==> Packing Sharpless (dotnet pack Analyzers.sln -c Release -o $feed)"
  dotnet pack Analyzers.sln -c Release -o "$feed" -tl:off -nodeReuse:false -p:UseSharedCompilation=false > "$logs/pack.log" 2>&1 \
    || { cat "$logs/pack.log"; exit 1; }
  local nupkg
  nupkg=$(cd "$feed" && ls Sharpless.*.nupkg | head -n 1)
  version=${nupkg#Sharpless.}
  version=${version%.nupkg}
  echo "    $nupkg"
}

# measure_restore PROJECT: a nuget.config in $work (the local feed for Sharpless, nuget.org for the rest), an isolated
# packages folder (the Sharpless just packed is the one used, whatever an earlier run cached), then restore.
measure_restore() {
  cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="sharpless-local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="sharpless-local"><package pattern="Sharpless" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
CONFIG
  export NUGET_PACKAGES=$work/packages
  echo "==> Restoring"
  dotnet restore "$1" -tl:off "-p:SharplessVersion=$version" > "$logs/restore.log" 2>&1 || { cat "$logs/restore.log"; exit 1; }
}

# measure_compiler MODE: sets compiler (the build arguments) for MODE "server" (a compiler server of the run's own, the
# developer loop; stopped by its process id on exit) or "fresh" (a new compiler process per build, as CI builds).
measure_compiler() {
  server_id="sharpless-measure-$$-$(date +%s)"
  trap measure_stop_server EXIT
  if [ "$1" = fresh ]; then
    compiler=(-p:UseSharedCompilation=false)
  else
    compiler=(-p:UseSharedCompilation=true "-p:SharedCompilationId=$server_id")
  fi
}

measure_stop_server() {
  # Only the compiler server these builds started: found by its private pipe name.
  local pid
  for pid in $(pgrep -f -- "pipename:${server_id}" || true); do
    kill "$pid" 2>/dev/null || true
  done
}

# measure_build LOG ARGS...: `dotnet build $project ARGS` with the run's compiler and Sharpless version, output to LOG;
# prints the wall seconds, or the errors and exits when the build fails.
measure_build() {
  local log=$1 start end
  shift
  start=$(date +%s.%N)
  if ! dotnet build "$project" --no-restore -tl:off -nodeReuse:false "${compiler[@]}" "-p:SharplessVersion=$version" "$@" > "$log" 2>&1; then
    grep -E ': error ' "$log" | head -20 >&2 || true
    echo "build failed: $log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}

median() { # median of numbers on stdin
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
