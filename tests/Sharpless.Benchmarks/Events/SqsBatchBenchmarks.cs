using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Sharpless.Benchmarks.Events;

/// <summary>
/// One invocation of an SQS function on a standard queue's batch of 10 orders of about 1 KB each (issue #23): the
/// handler Sharpless generates for <c>[SQSEvent] static void Handle(OrderMessage)</c> against the usual approach, the
/// whole event read with System.Text.Json into <c>SQSEvent</c> and each body deserialized (source-generated context,
/// the baseline; and reflection). Each invocation hands the event over as the runtime does (<see cref="RuntimeEvents"/>),
/// both sides do the same per-message work (<see cref="OrderQueueWork"/>) and write the batch response to a new stream.
/// </summary>
[MemoryDiagnoser]
public class SqsBatchBenchmarks
{
    private byte[] _event = null!;
    private readonly StjSqsHandler _sourceGenerated = StjSqsHandler.SourceGenerated();
    private readonly StjSqsHandler _reflection = StjSqsHandler.Reflection();
    private readonly OrderQueueConsumer_Handle_Handler _generated = new();

    [GlobalSetup]
    public void Setup()
    {
        CheckParity();
        _event = SqsBatchData.Event;
    }

    [Benchmark(Baseline = true, Description = "STJ source-generated SQSEvent + body per message")]
    public Stream SourceGenerated() => _sourceGenerated.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(_event));

    [Benchmark(Description = "STJ reflection SQSEvent + body per message")]
    public Stream Reflection() => _reflection.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(_event));

    [Benchmark(Description = "generated handler")]
    public Stream Generated() => _generated.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(_event)).GetAwaiter().GetResult();

    /// <summary>
    /// Before anything is measured: each side, given the event once, must see every order with the same values (the
    /// work's sums, checked against the orders themselves) and report no failure.
    /// </summary>
    public static void CheckParity()
    {
        OrderQueueWork.Reset();
        foreach (var order in SqsBatchData.Orders)
        {
            OrderQueueWork.Add(order);
        }

        var expected = OrderQueueWork.Snapshot();
        Check("STJ source-generated", expected, () => StjSqsHandler.SourceGenerated().Handle(RuntimeEvents.AsTheRuntimeHandsItOver(SqsBatchData.Event)));
        Check("STJ reflection", expected, () => StjSqsHandler.Reflection().Handle(RuntimeEvents.AsTheRuntimeHandsItOver(SqsBatchData.Event)));
        Check("generated handler", expected, () => new OrderQueueConsumer_Handle_Handler().Handle(RuntimeEvents.AsTheRuntimeHandsItOver(SqsBatchData.Event)).GetAwaiter().GetResult());
        OrderQueueWork.Reset();
    }

    private static void Check(string name, (int, int, decimal, decimal, long) expected, Func<Stream> invoke)
    {
        OrderQueueWork.Reset();
        var response = new StreamReader(invoke(), Encoding.UTF8).ReadToEnd();
        var seen = OrderQueueWork.Snapshot();
        using var document = JsonDocument.Parse(response);
        var failures = document.RootElement.GetProperty("batchItemFailures").GetArrayLength();
        if (seen != expected || failures != 0)
        {
            throw new InvalidOperationException($"SQS: {name} saw {seen} with {failures} failures ({response}); the orders hold {expected}.");
        }
    }
}
