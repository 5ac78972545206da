#!/usr/bin/env bash
# What the SAM template step costs a developer's build, and what making it incremental saves (issue #21, item 2):
# the synthetic project of tests/Sharpless.Benchmarks (N functions, N routes, N DynamoDB models) against the freshly
# packed Sharpless, built with a compiler server of its own (the developer loop), in three configurations and two
# scenarios, RUNS times each in rotating order; prints medians and per-run ratios.
#
#   bash eng/measure-template-step.sh [N] [RUNS]        N default 200, RUNS default 5
#
# Configurations (same sources, same restore):
#   incremental  the default: the step is skipped when the function manifest (in the reference assembly), the
#                template and the tool's arguments are unchanged
#   always       -p:SharplessTemplateIncremental=false: the step runs on every build, as every build did before
#   off          -p:SharplessWriteTemplate=false: no template step at all (the floor)
# Scenarios:
#   nochange     `dotnet build` again with nothing changed
#   bodyedit     a string literal in one handler's body changed: the compiler runs, the function manifest is the same
# Each measured build is the second of a pair of the same configuration and scenario, so switching configuration
# (which rewrites the compiler's analyzer config, and makes 'always' delete the stamp) is never inside a measurement.
# Every build is `dotnet build --no-restore -tl:off -v:n -clp:PerformanceSummary`: wall time, and the template step's
# two targets and CoreCompile from MSBuild's target summary. Everything goes under a new temporary folder (kept).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$(pwd)
n=${1:-200}
runs=${2:-5}

# shellcheck source=eng/measure-common.sh
. eng/measure-common.sh
measure_work template-step
project_dir=$work/Synthetic
project=$project_dir/Synthetic.csproj
results=$work/results.tsv
measure_compiler server
# The template is written on a developer's machine only; this shell may have CI set.
unset CI TF_BUILD ContinuousIntegrationBuild

measure_write_project "$project_dir" --each "$n"
measure_pack
measure_restore "$project"

# The handler whose body the bodyedit scenario changes: the first [LambdaFunction] file.
edited=$(grep -rl --include='*.cs' 'LambdaFunction(' "$project_dir" | sort | head -n 1)
grep -q 'Sum(l => l.Quantity);' "$edited" || { echo "no edit point in $edited" >&2; exit 1; }
edits=0
edit_body() {
  edits=$((edits + 1))
  sed -i -E "s/Sum\(l => l\.Quantity\)( \+ \(request\.Coupon == \"edit-[0-9]+\" \? 1 : 0\))?;/Sum(l => l.Quantity) + (request.Coupon == \"edit-$edits\" ? 1 : 0);/" "$edited"
}

config_args() {
  case "$1" in
    incremental) echo "" ;;
    always) echo "-p:SharplessTemplateIncremental=false" ;;
    off) echo "-p:SharplessWriteTemplate=false" ;;
  esac
}

build() { # build CONFIG LOG -> prints wall seconds
  local extra
  extra=$(config_args "$1")
  # shellcheck disable=SC2086 # $extra is one optional word
  measure_build "$2" -v:n -clp:PerformanceSummary $extra
}

# Target seconds from the summary: template step (write + prepare), CoreCompile; and whether the tool ran.
parse_log() {
  awk '
    /Target Performance Summary:/ { t = 1; next }
    /Task Performance Summary:/ { t = 0 }
    t && $2 == "ms" && $3 == "SharplessWriteSamTemplate" { step += $1 }
    t && $2 == "ms" && $3 == "_SharplessPrepareTemplateStep" { step += $1 }
    t && $2 == "ms" && $3 == "CoreCompile" { compile += $1 }
    / is up to date\.$|Sharpless: wrote / { ran = 1 }
    END { printf "%.3f\t%.3f\t%d\n", step / 1000, compile / 1000, ran }' "$1"
}

echo "==> First builds (the template is written, then the build it triggers)"
build incremental "$logs/first-1.log" > /dev/null
build incremental "$logs/first-2.log" > /dev/null

configs=(incremental always off)
scenarios=(nochange bodyedit)
printf 'run\tscenario\tconfig\twall_s\tstep_s\tcompile_s\ttool_ran\n' > "$results"
echo "==> $runs runs of each configuration and scenario, in rotating order"
for ((run = 1; run <= runs; run++)); do
  for scenario in "${scenarios[@]}"; do
    for ((k = 0; k < ${#configs[@]}; k++)); do
      config=${configs[$(((k + run) % ${#configs[@]}))]}
      for pass in 1 2; do
        [ "$scenario" = bodyedit ] && edit_body
        log="$logs/run$run-$scenario-$config-$pass.log"
        wall=$(build "$config" "$log")
      done
      parsed=$(parse_log "$log")
      printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$scenario" "$config" "$wall" "$parsed" >> "$results"
      echo "    run $run $scenario $config: wall ${wall}s, $(printf '%s' "$parsed" | awk -F'\t' '{ printf "template step %ss, CoreCompile %ss, tool ran: %s", $1, $2, ($3 ? "yes" : "no") }')"
    done
  done
done

column_median() { # column_median SCENARIO CONFIG COLUMN
  awk -F'\t' -v s="$1" -v c="$2" -v col="$3" 'NR > 1 && $2 == s && $3 == c { print $col }' "$results" | median
}

echo
echo "Synthetic project: $(head -n 1 "$work/shape.txt"), Sharpless $version, $runs runs, compiler server, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| Scenario | Configuration | Wall (median) | Template step (median) | CoreCompile (median) | Tool ran |"
echo "|---|---|---:|---:|---:|---|"
for scenario in "${scenarios[@]}"; do
  for config in "${configs[@]}"; do
    ran=$(awk -F'\t' -v s="$scenario" -v c="$config" 'NR > 1 && $2 == s && $3 == c { n++; r += $7 } END { printf "%d of %d", r, n }' "$results")
    printf '| %s | %s | %s s | %s s | %s s | %s |\n' "$scenario" "$config" \
      "$(column_median "$scenario" "$config" 4)" "$(column_median "$scenario" "$config" 5)" "$(column_median "$scenario" "$config" 6)" "$ran"
  done
done

echo
echo "Per-run ratios of wall time (median over runs):"
for scenario in "${scenarios[@]}"; do
  for pair in "incremental always" "incremental off" "always off"; do
    set -- $pair
    r=$(awk -F'\t' -v s="$scenario" -v a="$1" -v b="$2" '
      NR > 1 && $2 == s { w[$1, $3] = $4; if ($1 > runs) runs = $1 }
      END { for (r = 1; r <= runs; r++) print w[r, a] / w[r, b] }' "$results" | median)
    printf '  %-8s %-11s ÷ %-6s %.3f\n' "$scenario" "$1" "$2" "$r"
  done
done

echo
echo "Results: $results; logs: $logs (repository: $repo_root)"
