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
            // --analyzer-overhead [rounds] [files] [--no-explicit-json-context] [--with-deployment-files] [--analyzers Name1,Name2]
            var rounds = args.Length >= 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
            var files = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Analyzers.AnalyzerOverheadBenchmarks.Files;
            // --no-explicit-json-context: functions and routes without [LambdaJsonContext] (the context is searched for).
            var explicitContexts = !args.Contains("--no-explicit-json-context");
            // --analyzers Name1,Name2: only these Sharpless analyzers in (c), to see which one the overhead comes from.
            var only = Array.IndexOf(args, "--analyzers") is var at and >= 0 && at + 1 < args.Length ? args[at + 1].Split(',') : null;
            // --with-deployment-files: a SAM template with every function and an RDS Proxy in the environment.
            var deploymentFiles = args.Contains("--with-deployment-files");
            Analyzers.AnalyzerOverheadPaired.Run(rounds, new Analyzers.SyntheticProjectOptions { Files = files, ExplicitJsonContexts = explicitContexts, DeploymentFiles = deploymentFiles }, only);
            return;
        }

        if (args.Length >= 2 && args[0] == "--write-project")
        {
            // --write-project DIR [files]
            var files = args.Length >= 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : Analyzers.AnalyzerOverheadBenchmarks.Files;
            Analyzers.SyntheticProjectWriter.Write(Path.GetFullPath(args[1]), files);
            return;
        }

        // Fail fast (before any measurement) if the three mappers disagree on the benchmark item.
        MapperParity.Check();
        Functions.HandlerBenchmarkData.CheckParity();
        Http.RoutingBenchmarks.CheckParity();
        Http.EventBenchmarks.CheckParity();

        if (args.Length == 1 && args[0] == "--paired")
        {
            PairedComparison.Run();
            return;
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        Analyzers.AnalyzerOverheadBenchmarks.PrintRatios(summaries);
    }
}
