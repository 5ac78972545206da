#!/usr/bin/env bash
# What Sharpless costs `dotnet build`: builds a synthetic N-file Lambda project (tests/Sharpless.Benchmarks,
# Analyzers/SyntheticLambdaProject.cs) against the freshly packed Sharpless package, in three configurations, RUNS
# times each in rotating order, and prints median build times and the compiler's own -p:ReportAnalyzer timings.
#
#   bash eng/measure-analyzer-overhead.sh [N] [RUNS]          N files (default 1000), RUNS builds per configuration (default 5)
#   bash eng/measure-analyzer-overhead.sh --each N [RUNS]     N functions, N routes and N DynamoDB models (issue #11's project)
#
# Configurations (same sources, same restore):
#   with         PackageReference Sharpless: its analyzers and generators run (plus the SDK's and AWSSDK's analyzers)
#   analyzersoff "with" and every Sharpless diagnostic set to none in a global config (-p:SharplessAnalyzersOff=true):
#                the compiler skips analyzers whose diagnostics are all suppressed, so only the Sharpless analyzers
#                stop; its generators and every other analyzer run. with vs analyzersoff = the Sharpless analyzers.
#   without      the same with Sharpless's analyzer assemblies removed from the compilation (-p:WithoutSharplessAnalyzers=true):
#                Sharpless.dll stays (the attributes), no Sharpless analyzer or generator, no generated code
#   noanalyzers  "with" and -p:RunAnalyzers=false: generators still run, no analyzer at all (SDK's and AWSSDK's included)
#
# Every build is `dotnet build --no-restore --no-incremental -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary`.
# By default the builds use a compiler server of their own (-p:UseSharedCompilation=true with a private
# SharedCompilationId), warmed up by one discarded build of each configuration: the developer loop. It is stopped
# (by its process id) on exit. MODE=fresh uses a new compiler process per build instead (CI; this machine's default,
# UseSharedCompilation=false is set in the environment).
#
# Everything is written under a new temporary folder (kept; its path is printed): the package feed, the project,
# an isolated NuGet packages folder and every build log. Needs network access to the NuGet feed for AWSSDK.DynamoDBv2.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$(pwd)

shape=(--files)
if [ "${1:-}" = --each ]; then
  shape=(--each "${2:?--each needs a count}")
  shift 2
  files=""
else
  files=${1:-1000}
  shift $(($# > 0 ? 1 : 0))
fi
runs=${1:-5}
mode=${MODE:-server}

# shellcheck source=eng/measure-common.sh
. eng/measure-common.sh
measure_work analyzer-overhead
project_dir=$work/Synthetic
project=$project_dir/Synthetic.csproj
results=$work/results.tsv

measure_compiler "$mode"

if [ "${shape[0]}" = --each ]; then project_args=(--each "${shape[1]}"); else project_args=("$files"); fi
measure_write_project "$project_dir" "${project_args[@]}"
measure_pack
measure_restore "$project"

config_args() {
  case "$1" in
    with) echo "" ;;
    analyzersoff) echo "-p:SharplessAnalyzersOff=true" ;;
    without) echo "-p:WithoutSharplessAnalyzers=true" ;;
    noanalyzers) echo "-p:RunAnalyzers=false" ;;
  esac
}

build() { # build CONFIG LOG -> prints wall seconds
  local extra
  extra=$(config_args "$1")
  # shellcheck disable=SC2086 # $extra is one optional word
  measure_build "$2" --no-incremental -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary $extra
}

# Parses one -v:d build log: Csc task seconds, total analyzer seconds, Sharpless analyzer and generator seconds,
# warnings; and, as extra lines, each Sharpless analyzer and generator (kind, name, seconds).
parse_log() {
  awk '
    function secs(t) { sub(/^</, "", t); return t + 0 }
    /^[[:space:]]*[0-9]+ ms[[:space:]]+Csc[[:space:]]/ { csc = $1 / 1000 }
    /Total analyzer execution time:/ { section = "analyzer"; total = $(NF - 1); next }
    /Total generator execution time:/ { section = "generator"; next }
    /Done executing task "Csc"/ { section = "" }
    /[0-9]+ Warning\(s\)/ { warnings = $1 }
    section != "" && $1 ~ /^<?[0-9.]+$/ && $2 ~ /^<?[0-9]+$/ {
      name = $3
      if ($0 ~ /, Version=/) {
        sub(/,$/, "", name); assembly = name
        if (assembly == "Sharpless.Analyzers") { if (section == "analyzer") sa = secs($1); else sg = secs($1) }
      } else if (assembly == "Sharpless.Analyzers") {
        n = split(name, parts, "."); detail[section "\t" parts[n]] = secs($1)
      }
    }
    END {
      printf "%.3f\t%.3f\t%.3f\t%.3f\t%d\n", csc, total, sa, sg, warnings
      for (k in detail) printf "detail\t%s\t%.3f\n", k, detail[k]
    }' "$1"
}

configs=(with analyzersoff without noanalyzers)
echo "==> Warm-up: one discarded build of each configuration (mode: $mode)"
for config in "${configs[@]}"; do
  build "$config" "$logs/warmup-$config.log" > /dev/null
done

printf 'run\tconfig\twall_s\tcsc_s\tanalyzers_s\tsharpless_analyzers_s\tsharpless_generators_s\twarnings\n' > "$results"
: > "$work/details.tsv"
echo "==> $runs runs of each configuration, in rotating order"
for ((run = 1; run <= runs; run++)); do
  for ((k = 0; k < ${#configs[@]}; k++)); do
    config=${configs[$(((k + run) % ${#configs[@]}))]}
    log="$logs/run$run-$config.log"
    wall=$(build "$config" "$log")
    parsed=$(parse_log "$log")
    printf '%s\t%s\t%s\t%s\n' "$run" "$config" "$wall" "$(printf '%s\n' "$parsed" | head -n 1)" >> "$results"
    printf '%s\n' "$parsed" | tail -n +2 | sed "s/^detail/$config/" >> "$work/details.tsv"
    echo "    run $run $config: wall ${wall}s, $(printf '%s\n' "$parsed" | head -n 1 | awk -F'\t' '{ printf "Csc %ss, analyzers %ss, Sharpless analyzers %ss, Sharpless generators %ss, %s warnings", $1, $2, $3, $4, $5 }')"
  done
done

column_median() { # column_median CONFIG COLUMN
  awk -F'\t' -v c="$1" -v col="$2" 'NR > 1 && $2 == c { print $col }' "$results" | median
}

echo
echo "Synthetic project: $(head -n 1 "$work/shape.txt"), Sharpless $version, $runs runs per configuration, mode $mode, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| Configuration | Wall (median) | Csc task (median) | All analyzers (ReportAnalyzer) | Sharpless analyzers | Sharpless generators |"
echo "|---|---:|---:|---:|---:|---:|"
for config in "${configs[@]}"; do
  printf '| %s | %s s | %s s | %s s | %s s | %s s |\n' "$config" \
    "$(column_median "$config" 3)" "$(column_median "$config" 4)" "$(column_median "$config" 5)" \
    "$(column_median "$config" 6)" "$(column_median "$config" 7)"
done

echo
echo "Per-run ratios (median over runs):"
awk -F'\t' '
  NR > 1 { wall[$1, $2] = $3; csc[$1, $2] = $4; sa[$1, $2] = $6; sg[$1, $2] = $7; if ($1 > runs) runs = $1 }
  END {
    for (r = 1; r <= runs; r++) {
      print "analyzers_share", sa[r, "with"] / csc[r, "with"]
      print "generators_share", sg[r, "with"] / csc[r, "with"]
      print "with_over_off_csc", csc[r, "with"] / csc[r, "analyzersoff"]
      print "with_over_off_wall", wall[r, "with"] / wall[r, "analyzersoff"]
      print "with_minus_off_share", (csc[r, "with"] - csc[r, "analyzersoff"]) / csc[r, "analyzersoff"]
      print "with_over_without_csc", csc[r, "with"] / csc[r, "without"]
      print "with_over_without_wall", wall[r, "with"] / wall[r, "without"]
      print "with_over_noanalyzers_csc", csc[r, "with"] / csc[r, "noanalyzers"]
    }
  }' "$results" > "$work/ratios.txt"
ratio() { awk -v k="$1" '$1 == k { print $2 }' "$work/ratios.txt" | median | awk '{ printf "%.3f", $1 }'; }
printf '  Sharpless analyzers ÷ Csc time (with):                %s\n' "$(ratio analyzers_share)"
printf '  Sharpless generators ÷ Csc time (with):               %s\n' "$(ratio generators_share)"
printf '  Csc time with ÷ Sharpless analyzers off:             %s\n' "$(ratio with_over_off_csc)"
printf '  wall time with ÷ Sharpless analyzers off:            %s\n' "$(ratio with_over_off_wall)"
printf '  (with − analyzers off) ÷ analyzers off, Csc time:     %s\n' "$(ratio with_minus_off_share)"
printf '  Csc time with ÷ without Sharpless analyzer assembly:  %s\n' "$(ratio with_over_without_csc)"
printf '  wall time with ÷ without:                             %s\n' "$(ratio with_over_without_wall)"
printf '  Csc time with ÷ RunAnalyzers=false:                   %s\n' "$(ratio with_over_noanalyzers_csc)"

echo
echo "Sharpless analyzers and generators, ReportAnalyzer, configuration 'with' (median seconds, summed over threads):"
echo "| Kind | Name | Median |"
echo "|---|---|---:|"
awk -F'\t' '$1 == "with" { print $2 "\t" $3 }' "$work/details.tsv" | sort -u -k1,2 | while IFS=$'\t' read -r kind name; do
  m=$(awk -F'\t' -v k="$kind" -v n="$name" '$1 == "with" && $2 == k && $3 == n { print $4 }' "$work/details.tsv" | median)
  printf '%s\t%s\t%s\n' "$m" "$kind" "$name"
done | sort -g -r | awk -F'\t' '{ printf "| %s | %s | %s s |\n", $2, $3, $1 }'

echo
echo "Results: $results; logs: $logs (repository: $repo_root)"
