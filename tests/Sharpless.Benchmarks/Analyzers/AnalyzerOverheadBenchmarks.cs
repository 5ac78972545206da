using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Sharpless.Benchmarks.Analyzers;

/// <summary>
/// What the Sharpless analyzers cost a build of the synthetic Lambda project of issue #11: N functions, N routes and
/// N DynamoDB models (<see cref="SyntheticProjectOptions.ForEach"/>),
/// measured the way the roslyn-analyzers performance tests measure analyzers: against
/// <c>CompilationWithAnalyzers</c> with an analyzer that does nothing, on a fresh clone of the compilation for every
/// invocation so no run finds the semantic models and bound bodies of the one before.
/// <list type="bullet">
/// <item>(a) <see cref="Compile"/>: <c>compilation.GetDiagnostics()</c>, declaration and method-body diagnostics, no analyzer;</item>
/// <item>(b) <see cref="EmptyAnalyzerBaseline"/>: compiler + analyzer diagnostics with <see cref="EmptyAnalyzer"/> only;</item>
/// <item>(c) <see cref="SharplessAnalyzers"/>: the same with every Sharpless analyzer;</item>
/// <item>(d) <see cref="SharplessGenerators"/>: the Sharpless generators run once over the sources (reported separately).</item>
/// </list>
/// Overhead = (c) ÷ (b), and (c − b) ÷ (a) as a share of compile time. Program prints both after the run.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 8)]
[MedianColumn, MinColumn, MaxColumn]
public class AnalyzerOverheadBenchmarks
{
    /// <summary>The file count of the paired mode's mixed-shape project when none is given.</summary>
    public const int Files = 1_000;

    private SyntheticCompilation _project = null!;
    private ImmutableArray<DiagnosticAnalyzer> _empty;

    /// <summary>Issue #11's target (≤ 5% of compile time) is set at N = 1,000.</summary>
    [Params(1_000)]
    public int N { get; set; }
    private ImmutableArray<DiagnosticAnalyzer> _sharpless;

    [GlobalSetup]
    public void Setup()
    {
        _project = SyntheticCompilation.Create(SyntheticProjectOptions.ForEach(N));
        Console.WriteLine("// " + _project.Describe());
        _empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        _sharpless = _project.SharplessAnalyzers;
        if (_sharpless.IsEmpty)
        {
            throw new InvalidOperationException("No DiagnosticAnalyzer found in " + SyntheticCompilation.AnalyzerAssemblyName);
        }
    }

    [Benchmark(Baseline = true, Description = "(a) compile only: GetDiagnostics()")]
    public int Compile() => _project.CompileOnly();

    [Benchmark(Description = "(b) CompilationWithAnalyzers, empty analyzer")]
    public int EmptyAnalyzerBaseline() => _project.CompileWithAnalyzers(_empty);

    [Benchmark(Description = "(c) CompilationWithAnalyzers, all Sharpless analyzers")]
    public int SharplessAnalyzers() => _project.CompileWithAnalyzers(_sharpless);

    [Benchmark(Description = "(d) Sharpless generators over the sources")]
    public GeneratorDriver SharplessGenerators() => _project.RunGenerators();

    /// <summary>Prints (c) ÷ (b) and (c − b) ÷ (a) from BenchmarkDotNet's medians, when this suite ran.</summary>
    public static void PrintRatios(IEnumerable<Summary> summaries)
    {
        foreach (var summary in summaries)
        {
            var medians = summary.Reports
                .Where(r => r.BenchmarkCase.Descriptor.Type == typeof(AnalyzerOverheadBenchmarks) && r.ResultStatistics is not null)
                .ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, r => r.ResultStatistics!.Median / 1e6);
            if (medians.TryGetValue(nameof(Compile), out var a) &&
                medians.TryGetValue(nameof(EmptyAnalyzerBaseline), out var b) &&
                medians.TryGetValue(nameof(SharplessAnalyzers), out var c))
            {
                Console.WriteLine();
                Console.WriteLine("Analyzer overhead from the BenchmarkDotNet medians:");
                Console.WriteLine(Invariant($"  (a) compile {a:F0} ms, (b) empty analyzer {b:F0} ms, (c) Sharpless analyzers {c:F0} ms"));
                Console.WriteLine(Invariant($"  (c) / (b) = {c / b:F3}; (c - b) / (a) = {(c - b) / a:P1} of compile time"));
                if (medians.TryGetValue(nameof(SharplessGenerators), out var d))
                {
                    Console.WriteLine(Invariant($"  (d) Sharpless generators {d:F0} ms = {d / a:P1} of compile time"));
                }
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>-- --analyzer-overhead [rounds] [files] [--no-explicit-json-context]</c>: the noise-resistant companion of <see cref="AnalyzerOverheadBenchmarks"/>.
/// Each round runs (a), (b), (c) and (d) once, in an order that rotates from round to round, each on a fresh clone and
/// after a full garbage collection; ratios are taken within a round and their median reported, so load that comes and
/// goes on a shared machine touches numerator and denominator alike. Then a few runs with
/// <c>logAnalyzerExecutionTime</c> give each analyzer's own execution time (kept out of the timed runs: the
/// logging has a cost of its own).
/// </summary>
public static class AnalyzerOverheadPaired
{
    private const int TelemetryRuns = 3;

    public static void Run(int rounds, SyntheticProjectOptions options, IReadOnlyCollection<string>? onlyAnalyzers = null)
    {
        var files = options.Files;
        var project = SyntheticCompilation.Create(options);
        Console.WriteLine($"Explicit [LambdaJsonContext] on function and route classes: {options.ExplicitJsonContexts}; SAM template with an RDS Proxy: {options.DeploymentFiles}");
        Console.WriteLine(project.Describe());
        var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
        var sharpless = onlyAnalyzers is null
            ? project.SharplessAnalyzers
            : project.SharplessAnalyzers.Where(a => onlyAnalyzers.Contains(a.GetType().Name)).ToImmutableArray();
        if (sharpless.IsEmpty)
        {
            throw new InvalidOperationException("No Sharpless analyzer selected.");
        }

        Console.WriteLine($"(c) runs: {string.Join(", ", sharpless.Select(a => a.GetType().Name))}");

        var cases = new (string Name, Action Run)[]
        {
            ("(a) compile only: GetDiagnostics()", () => project.CompileOnly()),
            ("(b) CompilationWithAnalyzers, empty analyzer", () => project.CompileWithAnalyzers(empty)),
            ("(c) CompilationWithAnalyzers, all Sharpless analyzers", () => project.CompileWithAnalyzers(sharpless)),
            ("(d) Sharpless generators over the sources", () => project.RunGenerators()),
        };

        Console.WriteLine("Warming up (each case twice)...");
        foreach (var c in cases)
        {
            c.Run();
            c.Run();
        }

        var times = cases.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < cases.Length; k++)
            {
                var c = (k + round) % cases.Length;
                Collect();
                times[c].Add(Timing.Milliseconds(cases[c].Run));
            }

            Console.WriteLine(Invariant($"  round {round + 1}/{rounds}: a {times[0][^1]:F0} ms, b {times[1][^1]:F0} ms, c {times[2][^1]:F0} ms, d {times[3][^1]:F0} ms"));
        }

        var perRoundCOverB = Enumerable.Range(0, rounds).Select(r => times[2][r] / times[1][r]).ToArray();
        var perRoundOverhead = Enumerable.Range(0, rounds).Select(r => (times[2][r] - times[1][r]) / times[0][r]).ToArray();
        var perRoundGenerators = Enumerable.Range(0, rounds).Select(r => times[3][r] / times[0][r]).ToArray();

        Console.WriteLine();
        Console.WriteLine(Invariant($"{rounds} interleaved rounds over {files} files (median per case; ratios: median of the per-round ratios)"));
        Console.WriteLine("| Case | Median | Min | Max |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (var c = 0; c < cases.Length; c++)
        {
            Console.WriteLine(Invariant($"| {cases[c].Name} | {Timing.Median(times[c]):F0} ms | {times[c].Min():F0} ms | {times[c].Max():F0} ms |"));
        }

        Console.WriteLine();
        Console.WriteLine("| Ratio | Median of rounds | Min | Max |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(Invariant($"| (c) ÷ (b): with Sharpless analyzers ÷ empty analyzer | **{Timing.Median(perRoundCOverB):F3}** | {perRoundCOverB.Min():F3} | {perRoundCOverB.Max():F3} |"));
        Console.WriteLine(Invariant($"| (c − b) ÷ (a): Sharpless analyzers, share of compile time | **{Timing.Median(perRoundOverhead):P1}** | {perRoundOverhead.Min():P1} | {perRoundOverhead.Max():P1} |"));
        Console.WriteLine(Invariant($"| (d) ÷ (a): Sharpless generators, share of compile time | {Timing.Median(perRoundGenerators):P1} | {perRoundGenerators.Min():P1} | {perRoundGenerators.Max():P1} |"));

        PrintTelemetry(project, sharpless, empty[0], Timing.Median(times[0]));
        PrintGeneratorTimes(project);
    }

    private static void PrintTelemetry(SyntheticCompilation project, ImmutableArray<DiagnosticAnalyzer> sharpless, DiagnosticAnalyzer empty, double compileMedian)
    {
        var analyzers = sharpless.Add(empty);
        var perAnalyzer = analyzers.ToDictionary(a => a, _ => new List<double>());
        var telemetryOf = new Dictionary<DiagnosticAnalyzer, AnalyzerTelemetryInfo>();
        ImmutableArray<Diagnostic> diagnostics = default;
        for (var run = 0; run < TelemetryRuns; run++)
        {
            Collect();
            var withAnalyzers = project.WithAnalyzers(analyzers, logExecutionTime: true);
            var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
            diagnostics = result.GetAllDiagnostics();
            foreach (var analyzer in analyzers)
            {
                var telemetry = result.AnalyzerTelemetryInfo[analyzer];
                telemetryOf[analyzer] = telemetry;
                perAnalyzer[analyzer].Add(telemetry.ExecutionTime.TotalMilliseconds);
            }
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"Per-analyzer execution time (CompilationWithAnalyzers telemetry, logAnalyzerExecutionTime, median of {TelemetryRuns} runs; summed over threads)"));
        Console.WriteLine("| Analyzer | Execution time | Share of compile (a) | Symbol / operation / syntax-node / compilation-start actions |");
        Console.WriteLine("|---|---:|---:|---|");
        var total = 0.0;
        foreach (var (analyzer, values) in perAnalyzer.OrderByDescending(p => Timing.Median(p.Value)))
        {
            var median = Timing.Median(values);
            if (analyzer != empty)
            {
                total += median;
            }

            var t = telemetryOf[analyzer];
            Console.WriteLine(Invariant(
                $"| {analyzer.GetType().Name} | {median:F1} ms | {median / compileMedian:P2} | {t.SymbolActionsCount} / {t.OperationActionsCount} / {t.SyntaxNodeActionsCount} / {t.CompilationStartActionsCount} |"));
        }

        Console.WriteLine(Invariant($"| **all Sharpless analyzers** | **{total:F1} ms** | **{total / compileMedian:P2}** | |"));

        var byId = diagnostics.Where(d => d.Id.StartsWith("SLS", StringComparison.Ordinal))
            .GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}");
        var expectedHttpClient = project.Files.Count(f => f.Mistake == SyntheticMistake.HttpClient);
        Console.WriteLine();
        Console.WriteLine($"Sharpless diagnostics reported: {string.Join(", ", byId.DefaultIfEmpty("none"))} " +
                          $"(the project plants {expectedHttpClient} HttpClient, " +
                          $"{project.Files.Count(f => f.Mistake == SyntheticMistake.JsonSerializerOptions)} JsonSerializerOptions and " +
                          $"{project.Files.Count(f => f.Mistake == SyntheticMistake.Regex)} Regex creations per invocation)");
        var found = diagnostics.Count(d => d.Id == "SLS5002");
        if (found != expectedHttpClient)
        {
            Console.WriteLine($"WARNING: expected {expectedHttpClient} SLS5002, found {found}.");
        }

    }

    private static void PrintGeneratorTimes(SyntheticCompilation project)
    {
        var perGenerator = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var run = 0; run < TelemetryRuns; run++)
        {
            Collect();
            var timing = project.RunGenerators().GetTimingInfo();
            foreach (var generator in timing.GeneratorTimes)
            {
                var name = SyntheticCompilation.GeneratorName(generator.Generator);
                if (!perGenerator.TryGetValue(name, out var list))
                {
                    perGenerator[name] = list = [];
                }

                list.Add(generator.ElapsedTime.TotalMilliseconds);
            }
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"Per-generator time (GeneratorDriver timing, median of {TelemetryRuns} runs)"));
        Console.WriteLine("| Generator | Time |");
        Console.WriteLine("|---|---:|");
        foreach (var (name, values) in perGenerator.OrderByDescending(p => Timing.Median(p.Value)))
        {
            Console.WriteLine(Invariant($"| {name} | {Timing.Median(values):F1} ms |"));
        }
    }

    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
