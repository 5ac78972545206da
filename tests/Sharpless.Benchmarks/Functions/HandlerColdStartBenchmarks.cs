using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Sharpless.Benchmarks.Functions;

/// <summary>
/// The first invocation in a fresh process — what a cold start pays after INIT: creating the handler and serving one
/// event. Each launch is a new process, so JIT and serializer metadata are built from scratch every time; the
/// reflection wrapper also builds System.Text.Json's reflection metadata for the payload and result types.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 15, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class HandlerColdStartBenchmarks
{
    [Benchmark(Baseline = true, Description = "reflection wrapper, first invocation")]
    public Task<Stream> Reflection() =>
        new ReflectionHandlerInvoker(typeof(OrderFunctions), nameof(OrderFunctions.Place)).Handle(HandlerBenchmarkData.NewEvent());

    [Benchmark(Description = "generated handler, first invocation")]
    public Task<Stream> Generated() => new OrderFunctions_Place_Handler().Handle(HandlerBenchmarkData.NewEvent());
}
