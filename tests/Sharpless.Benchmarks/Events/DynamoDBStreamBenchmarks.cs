using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using BenchmarkDotNet.Attributes;

namespace Sharpless.Benchmarks.Events;

/// <summary>
/// One invocation of a DynamoDB stream function on a batch of 100 records of a 14-attribute model, new and old images
/// (issue #23): the handler Sharpless generates for <c>[DynamoDBEvent] static void OnChange(StoredOrder?, StoredOrder?)</c>
/// against the usual approach, System.Text.Json into <c>DynamoDBEvent</c> then <c>Document</c> and
/// <c>DynamoDBContext.FromDocument</c> per image (source-generated context, the baseline; and reflection). Each invocation
/// hands the event over as the runtime does (<see cref="RuntimeEvents"/>), both sides do the same per-record work
/// (<see cref="OrdersStreamWork"/>) and write the batch response to a new stream.
/// </summary>
[MemoryDiagnoser]
public class DynamoDBStreamBenchmarks
{
    private AmazonDynamoDBClient _client = null!;
    private DynamoDBContext _context = null!;
    private byte[] _event = null!;
    private StjDynamoDBStreamHandler _sourceGenerated = null!;
    private StjDynamoDBStreamHandler _reflection = null!;
    private readonly OrdersProjector_OnChange_Handler _generated = new();

    [GlobalSetup]
    public void Setup()
    {
        (_client, _context) = BenchmarkData.CreateContext();
        CheckParity(_context);
        _event = DynamoDBStreamData.Event;
        _sourceGenerated = StjDynamoDBStreamHandler.SourceGenerated(_context);
        _reflection = StjDynamoDBStreamHandler.Reflection(_context);

        // Steady state: DynamoDBContext builds its per-type reflection cache on the first conversions.
        for (var i = 0; i < 20; i++)
        {
            _sourceGenerated.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(_event));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _context.Dispose();
        _client.Dispose();
    }

    [Benchmark(Baseline = true, Description = "STJ source-generated DynamoDBEvent + Document + DynamoDBContext")]
    public Stream SourceGenerated() => _sourceGenerated.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(_event));

    [Benchmark(Description = "STJ reflection DynamoDBEvent + Document + DynamoDBContext")]
    public Stream Reflection() => _reflection.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(_event));

    [Benchmark(Description = "generated handler")]
    public Stream Generated() => _generated.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(_event)).GetAwaiter().GetResult();

    /// <summary>The parity check with a context of its own (at start-up, before any benchmark).</summary>
    public static void CheckParity()
    {
        var (client, context) = BenchmarkData.CreateContext();
        using (client)
        using (context)
        {
            CheckParity(context);
        }
    }

    /// <summary>
    /// Each side, given the event once, must see every change with the same values (the work's sums, checked against
    /// the images the event was written from) and report no failure.
    /// </summary>
    private static void CheckParity(IDynamoDBContext context)
    {
        OrdersStreamWork.Reset();
        foreach (var (oldImage, newImage) in DynamoDBStreamData.Changes)
        {
            OrdersStreamWork.Add(oldImage, newImage);
        }

        var expected = OrdersStreamWork.Snapshot();
        Check("STJ source-generated", expected, () => StjDynamoDBStreamHandler.SourceGenerated(context).Handle(RuntimeEvents.AsTheRuntimeHandsItOver(DynamoDBStreamData.Event)));
        Check("STJ reflection", expected, () => StjDynamoDBStreamHandler.Reflection(context).Handle(RuntimeEvents.AsTheRuntimeHandsItOver(DynamoDBStreamData.Event)));
        Check("generated handler", expected, () => new OrdersProjector_OnChange_Handler().Handle(RuntimeEvents.AsTheRuntimeHandsItOver(DynamoDBStreamData.Event)).GetAwaiter().GetResult());
        OrdersStreamWork.Reset();
    }

    private static void Check(string name, (int, int, decimal, int, int, int, long) expected, Func<Stream> invoke)
    {
        OrdersStreamWork.Reset();
        var response = new StreamReader(invoke(), Encoding.UTF8).ReadToEnd();
        var seen = OrdersStreamWork.Snapshot();
        using var document = JsonDocument.Parse(response);
        var failures = document.RootElement.GetProperty("batchItemFailures").GetArrayLength();
        if (seen != expected || failures != 0)
        {
            throw new InvalidOperationException($"DynamoDB stream: {name} saw {seen} with {failures} failures ({response}); the images hold {expected}.");
        }
    }
}
