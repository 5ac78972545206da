using BenchmarkDotNet.Running;

namespace Sharpless.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
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

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
