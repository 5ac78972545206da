using System.Diagnostics;
using System.Globalization;
using Sharpless.Benchmarks.Models;

namespace Sharpless.Benchmarks;

/// <summary>
/// A noise-resistant companion to the BenchmarkDotNet run (<c>-- --paired</c>). BenchmarkDotNet measures one benchmark
/// after another, so on a shared, loaded machine a burst of load lands on one of them and skews the ratio. Here the
/// three mappers run in short interleaved slices (rotating order each round); the ratio is taken within each round and
/// the median over rounds is reported, so load that comes and goes affects numerator and denominator alike.
/// </summary>
public static class PairedComparison
{
    private const int Rounds = 60;
    private const int OperationsPerSlice = 5_000;

    private static object? _sink;

    public static void Run()
    {
        MapperParity.Check();
        var (client, context) = BenchmarkData.CreateContext();
        using (client)
        using (context)
        {
            var shipment = BenchmarkData.CreateShipment();
            var item = BenchmarkData.SdkToItem(context, shipment);
            Compare("ToItem", new (string, Func<object>)[]
            {
                ("Hand-written", () => HandWrittenShipmentMapper.ToItem(shipment)),
                ("Generated", () => ShipmentMapper.ToItem(shipment)),
                ("DynamoDBContext", () => BenchmarkData.SdkToItem(context, shipment)),
            });
            Compare("FromItem", new (string, Func<object>)[]
            {
                ("Hand-written", () => HandWrittenShipmentMapper.FromItem(item)),
                ("Generated", () => ShipmentMapper.FromItem(item)),
                ("DynamoDBContext", () => BenchmarkData.SdkFromItem(context, item)),
            });
        }

        Functions.HandlerBenchmarkData.CheckParity();
        var handWritten = new Functions.HandWrittenOrderHandler();
        var generated = new Functions.OrderFunctions_Place_Handler();
        var reflection = new Functions.ReflectionHandlerInvoker(typeof(Functions.OrderFunctions), nameof(Functions.OrderFunctions.Place));
        // Every call gets a new stream shaped as the Lambda runtime hands events over (RuntimeEvents); issue #21's
        // before/after: the copy the previous code made of it, and a stream that exposes its buffer (read in place).
        var handlerEvent = Functions.HandlerBenchmarkData.Event;
        var exposedHandlerEvent = RuntimeEvents.Exposed(handlerEvent);
        Compare("Lambda handler invocation", new (string, Func<object>)[]
        {
            ("Hand-written wrapper", () => handWritten.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(handlerEvent))),
            ("Generated handler", () => generated.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(handlerEvent))),
            ("Generated handler, event copied as before #21", () => generated.Handle(RuntimeEvents.CopiedAsBeforeIssue21(handlerEvent))),
            ("Generated handler, buffer exposed (in place)", () => { exposedHandlerEvent.Position = 0; return generated.Handle(exposedHandlerEvent); }),
            ("Reflection wrapper", () => reflection.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(handlerEvent))),
        });

        Http.EventBenchmarks.CheckParity();
        var router = new Sharpless.Generated.ApiRouter();
        var reflectionRouter = new Http.ReflectionApiGatewayHandler();
        var apiEvent = Http.EventBenchmarks.EventBytes;
        var exposedApiEvent = RuntimeEvents.Exposed(apiEvent);
        Compare("API Gateway event, GET /orders/{id}", new (string, Func<object>)[]
        {
            ("Generated router", () => router.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(apiEvent)).GetAwaiter().GetResult()),
            ("Generated router, event copied as before #21", () => router.Handle(RuntimeEvents.CopiedAsBeforeIssue21(apiEvent)).GetAwaiter().GetResult()),
            ("Generated router, buffer exposed (in place)", () => { exposedApiEvent.Position = 0; return router.Handle(exposedApiEvent).GetAwaiter().GetResult(); }),
            ("Reflection request object + dictionary", () => reflectionRouter.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(apiEvent))),
        });
    }

    private static void Compare(string category, (string Name, Func<object> Run)[] cases)
    {
        var allocated = new long[cases.Length];
        for (var c = 0; c < cases.Length; c++)
        {
            // Warm up (DynamoDBContext builds its reflection cache on first use; the JIT tiers up), then count bytes.
            for (var i = 0; i < 20_000; i++) _sink = cases[c].Run();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++) _sink = cases[c].Run();
            allocated[c] = (GC.GetAllocatedBytesForCurrentThread() - before) / 1_000;
        }

        var perOperation = new double[cases.Length][];
        for (var c = 0; c < cases.Length; c++) perOperation[c] = new double[Rounds];

        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < cases.Length; k++)
            {
                var c = (k + round) % cases.Length;
                var run = cases[c].Run;
                var operations = c == cases.Length - 1 ? OperationsPerSlice / 10 : OperationsPerSlice; // the slow one: fewer
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < operations; i++) _sink = run();
                perOperation[c][round] = watch.Elapsed.TotalMilliseconds * 1_000_000 / operations;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{category}: {Rounds} interleaved rounds, median per operation, median of per-round ratios to the first row");
        Console.WriteLine($"| Implementation | Median | Time ÷ {cases[0].Name} | {cases[^1].Name} time ÷ this | Allocated |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var context = cases.Length - 1;
        for (var c = 0; c < cases.Length; c++)
        {
            var toHandWritten = new double[Rounds];
            var speedUp = new double[Rounds];
            for (var r = 0; r < Rounds; r++)
            {
                toHandWritten[r] = perOperation[c][r] / perOperation[0][r];
                speedUp[r] = perOperation[context][r] / perOperation[c][r];
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {cases[c].Name} | {Median(perOperation[c]) / 1000:F3} µs | {Median(toHandWritten):F2} | {Median(speedUp):F1}× | {allocated[c]} B |"));
        }

        GC.KeepAlive(_sink);
    }

    private static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
