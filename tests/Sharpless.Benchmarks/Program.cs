using System.Globalization;
using BenchmarkDotNet.Running;

namespace Sharpless.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        // Analyzer-overhead modes first: they do not need the other suites' parity checks.
        if (args.Length >= 1 && args[0] == "--analyzer-overhead")
        {
            // --analyzer-overhead [rounds] [files | --each N] [--no-explicit-json-context] [--with-deployment-files] [--analyzers Name1,Name2]
            var rounds = args.Length >= 2 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
            var options = ProjectOptions(args, filesAt: 2) with
            {
                // --no-explicit-json-context: functions and routes without [LambdaJsonContext] (the context is searched for).
                ExplicitJsonContexts = !args.Contains("--no-explicit-json-context"),
                // --with-deployment-files: a SAM template with every function and an RDS Proxy in the environment.
                DeploymentFiles = args.Contains("--with-deployment-files"),
            };
            // --analyzers Name1,Name2: only these Sharpless analyzers in (c), to see which one the overhead comes from.
            var only = Array.IndexOf(args, "--analyzers") is var at and >= 0 && at + 1 < args.Length ? args[at + 1].Split(',') : null;
            Analyzers.AnalyzerOverheadPaired.Run(rounds, options, only);
            return;
        }

        if (args.Length >= 2 && args[0] == "--generator-steps")
        {
            // --generator-steps N [runs]
            Generators.GeneratorStepProfile.Run(int.Parse(args[1], CultureInfo.InvariantCulture), args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
            return;
        }

        if (args.Length >= 2 && args[0] == "--generator-loop")
        {
            // --generator-loop N [runs]
            Generators.GeneratorStepProfile.RunUntracked(int.Parse(args[1], CultureInfo.InvariantCulture), args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
            return;
        }

        if (args.Length >= 2 && args[0] == "--write-project")
        {
            // --write-project DIR [files | --each N]
            Analyzers.SyntheticProjectWriter.Write(Path.GetFullPath(args[1]), ProjectOptions(args, filesAt: 2));
            return;
        }

        if (args.Length == 1 && args[0] == "--envelope-size")
        {
            Http.EventBenchmarks.PrintEnvelopeSizes();
            return;
        }

        // Fail fast (before any measurement) if the three mappers disagree on the benchmark item.
        MapperParity.Check();
        Functions.HandlerBenchmarkData.CheckParity();
        Http.RoutingBenchmarks.CheckParity();
        Http.EventBenchmarks.CheckParity();
        Events.SqsBatchBenchmarks.CheckParity();
        Events.DynamoDBStreamBenchmarks.CheckParity();
        Console.WriteLine(Events.SqsBatchData.Describe());
        Console.WriteLine(Events.DynamoDBStreamData.Describe());

        if (args.Length == 1 && args[0] == "--event-profile")
        {
            Events.EventHandlerProfile.Run();
            return;
        }

        if (args.Length == 1 && args[0] == "--paired")
        {
            PairedComparison.Run();
            return;
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        Analyzers.AnalyzerOverheadBenchmarks.PrintRatios(summaries);
        Generators.GeneratorRunBenchmarks.PrintTargets(summaries);
    }

    /// <summary>
    /// <c>--each N</c> anywhere: N functions, N routes and N models (<see cref="Analyzers.SyntheticProjectOptions.ForEach"/>);
    /// otherwise a file count at <paramref name="filesAt"/> (default 1,000) in the mixed shape of
    /// <see cref="Analyzers.SyntheticProjectOptions.ForFiles"/>.
    /// </summary>
    private static Analyzers.SyntheticProjectOptions ProjectOptions(string[] args, int filesAt)
    {
        if (Array.IndexOf(args, "--each") is var each and >= 0)
        {
            if (each + 1 >= args.Length || !int.TryParse(args[each + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw new ArgumentException("--each needs a positive count: --each 1000");
            }

            return Analyzers.SyntheticProjectOptions.ForEach(n);
        }

        var files = args.Length > filesAt && !args[filesAt].StartsWith("--", StringComparison.Ordinal)
            ? int.Parse(args[filesAt], CultureInfo.InvariantCulture)
            : Analyzers.AnalyzerOverheadBenchmarks.Files;
        return Analyzers.SyntheticProjectOptions.ForFiles(files);
    }
}
