#!/usr/bin/env bash
# What each Sharpless generator costs in a fresh compiler process (a CI build, or the first build of the day), in
# projects that do not use it (issue #21, item 3). Builds the analyzer assembly, writes three small projects that
# reference Sharpless.dll and the analyzers directly (as the package adds them), takes each one's csc command line from
# a real `dotnet build`, then runs that command RUNS times in a new process with /reportanalyzer and prints the median
# time of each Sharpless generator per project.
#
#   bash eng/measure-generators-cold.sh [RUNS] [NAME=ANALYZERS.dll ...]
#
# Without analyzer arguments it measures src/Sharpless.Analyzers built in Release now. With several (for example the
# same assembly built at two commits: before=/tmp/old/Sharpless.Analyzers.dll after=/tmp/new/Sharpless.Analyzers.dll)
# the variants take turns within every run, so a load that comes and goes touches all of them. A variant with an
# empty path (none=) compiles without Sharpless's analyzers and generators: the floor for "all generators" and wall.
#
# Projects (all net10.0; no Amazon.Lambda.* package, which cannot be restored here):
#   plain      one class, no Sharpless attribute: a shared library that references Sharpless
#   functions  two [LambdaFunction] methods and two [HttpApi] routes with a JSON context, no [DynamoDBTable] model
#   models     the functions project plus AWSSDK.DynamoDBv2 and one [DynamoDBTable] model, so the mapper generator has work
#
# TRACE=1 also records, for the functions project, one run under dotnet-trace (speedscope JSON) and one with
# DOTNET_JitStdOutFile/DOTNET_JitDisasmSummary (every method the JIT compiled), into the work folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$(pwd)
runs=${1:-7}
shift $(($# > 0 ? 1 : 0))

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
work=$(mktemp -d "${TMPDIR:-/tmp}/sharpless-generators-cold.XXXXXX")
echo "==> Work folder: $work"

dotnet build src/Sharpless.Analyzers -c Release -tl:off -v:q -p:UseSharedCompilation=false > "$work/analyzers-build.log" 2>&1 \
  || { cat "$work/analyzers-build.log"; exit 1; }
dotnet build src/Sharpless -c Release -tl:off -v:q -p:UseSharedCompilation=false > "$work/runtime-build.log" 2>&1 \
  || { cat "$work/runtime-build.log"; exit 1; }
runtime_dll=$repo_root/src/Sharpless/bin/Release/netstandard2.0/Sharpless.dll
props=$repo_root/src/Sharpless/buildTransitive/Sharpless.props

variants=()
if [ $# -eq 0 ]; then
  variants=("current=$repo_root/src/Sharpless.Analyzers/bin/Release/netstandard2.0/Sharpless.Analyzers.dll")
else
  variants=("$@")
fi
first_dll=${variants[0]#*=}

write_project() { # write_project NAME PACKAGE SOURCES...
  local dir=$work/$1 package=$2
  shift 2
  mkdir -p "$dir"
  cat > "$dir/App.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$props" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <AWSProjectType>Lambda</AWSProjectType>
    <SharplessWriteTemplate>false</SharplessWriteTemplate>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="$runtime_dll" />
    <Analyzer Include="$first_dll" />
    $package
  </ItemGroup>
</Project>
EOF
  for source in "$@"; do
    printf '%s\n' "$source" > "$dir/$(printf '%s' "$source" | sed -n 's|^// file: \(.*\)$|\1|p' | head -n 1)"
  done
}

plain='// file: Greeting.cs
namespace Shared;
public static class Greeting { public static string For(string name) => "Hello, " + name; }'

functions='// file: Orders.cs
using System.Text.Json.Serialization;
using Sharpless;
namespace Shop;
public sealed record Order(string Id, decimal Total);
[JsonSerializable(typeof(Order))]
internal partial class AppJson : JsonSerializerContext { }
public class Orders
{
    [LambdaFunction(MemorySize = 512)] public Order Place(Order order) => order;
    [LambdaFunction] public string Ping(string text) => text;
    [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")] public Order Get(string id) => new Order(id, 1);
    [HttpApi(LambdaHttpMethod.Post, "/orders")] public Order Create([FromBody] Order order) => order;
}'

models='// file: Model.cs
using Amazon.DynamoDBv2.DataModel;
namespace Shop;
[DynamoDBTable("Customers")]
public sealed class Customer { [DynamoDBHashKey] public string Id { get; set; } = ""; public string Name { get; set; } = ""; }'

write_project plain "" "$plain"
write_project functions "" "$functions"
write_project models '<PackageReference Include="AWSSDK.DynamoDBv2" Version="4.0.109.3" />' "$functions" "$models"

projects=(plain functions models)
csc=$(dirname "$(readlink -f "$(command -v dotnet)")")/sdk/$(dotnet --version)/Roslyn/bincore/csc.dll
for project in "${projects[@]}"; do
  # The compiler's command line as MSBuild runs it, without the analyzer under test (each run adds its variant's).
  (cd "$work/$project" && dotnet build -tl:off -v:n -p:UseSharedCompilation=false > "$work/$project-build.log" 2>&1) \
    || { grep -E ': error ' "$work/$project-build.log" | head; exit 1; }
  grep -m 1 'Roslyn/bincore/csc ' "$work/$project-build.log" | sed 's|^ *[^ ]*/csc ||' \
    | sed "s| /analyzer:$first_dll||" > "$work/$project.rsp"
done

# generator_times PROJECT DLL -> "function_generator_s mapper_generator_s all_generators_s wall_s" from one cold csc
# run; an empty DLL runs the compiler without Sharpless's analyzers (the floor the other variants are compared with).
generator_times() {
  local analyzer=() start end
  [ -n "$2" ] && analyzer=("/analyzer:$2")
  start=$(date +%s.%N)
  (cd "$work/$1" && dotnet exec "$csc" "@$work/$1.rsp" "${analyzer[@]}" /reportanalyzer 2>&1) > "$work/last-run.txt" || true
  end=$(date +%s.%N)
  awk -v wall="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }')" '
    /Total generator execution time:/ { g = 1; all = $(NF - 1); next }
    g && /Sharpless.Functions.FunctionGenerator/ { f = $1 }
    g && /Sharpless.DynamoDB.ItemMapperGenerator/ { m = $1 }
    END { sub(/^</, "", f); sub(/^</, "", m); printf "%s %s %s %s\n", (f == "" ? 0 : f), (m == "" ? 0 : m), (all == "" ? 0 : all), wall }' "$work/last-run.txt"
}

results=$work/results.tsv
printf 'run\tproject\tvariant\tfunction_generator_s\tmapper_generator_s\tall_generators_s\twall_s\n' > "$results"
echo "==> $runs cold compiler runs per project and variant"
for ((run = 1; run <= runs; run++)); do
  for project in "${projects[@]}"; do
    for ((k = 0; k < ${#variants[@]}; k++)); do
      variant=${variants[$(((k + run) % ${#variants[@]}))]}
      read -r f m all wall < <(generator_times "$project" "${variant#*=}")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$project" "${variant%%=*}" "$f" "$m" "$all" "$wall" >> "$results"
    done
  done
done

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "Cold csc (dotnet exec csc.dll, a new process per run), $runs runs, $(nproc) cores, $(date -u +%Y-%m-%d); median seconds (ReportAnalyzer)"
echo
echo "| Project | Variant | FunctionGenerator | ItemMapperGenerator | All generators | csc process (wall) |"
echo "|---|---|---:|---:|---:|---:|"
column() { awk -F'\t' -v p="$1" -v v="$2" -v c="$3" 'NR > 1 && $2 == p && $3 == v { print $c }' "$results" | median; }
for project in "${projects[@]}"; do
  for variant in "${variants[@]}"; do
    name=${variant%%=*}
    printf '| %s | %s | %s s | %s s | %s s | %s s |\n' "$project" "$name" \
      "$(column "$project" "$name" 4)" "$(column "$project" "$name" 5)" "$(column "$project" "$name" 6)" "$(column "$project" "$name" 7)"
  done
done

if [ "${TRACE:-0}" = 1 ]; then
  echo
  echo "==> Traces of the functions project (first variant)"
  (cd "$work/functions" && DOTNET_JitStdOutFile="$work/jit.txt" DOTNET_JitDisasmSummary=1 dotnet exec "$csc" "@$work/functions.rsp" "/analyzer:$first_dll" > /dev/null 2>&1) || true
  echo "    JIT-compiled methods: $(wc -l < "$work/jit.txt"); declared in Sharpless: $(grep -c 'compiled Sharpless\.' "$work/jit.txt"); other generic code instantiated over Sharpless types: $(grep 'Sharpless' "$work/jit.txt" | grep -vc 'compiled Sharpless\.')"
  if command -v dotnet-trace > /dev/null; then
    (cd "$work/functions" && dotnet-trace collect --format speedscope -o "$work/functions.nettrace" -- "$(command -v dotnet)" exec "$csc" "@$work/functions.rsp" "/analyzer:$first_dll" > "$work/trace.log" 2>&1) || true
    echo "    speedscope profile: $work/functions.speedscope.json"
  fi
fi

echo
echo "Results: $results (repository: $repo_root)"
