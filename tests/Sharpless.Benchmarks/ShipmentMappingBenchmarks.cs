using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Sharpless.Benchmarks.Models;

namespace Sharpless.Benchmarks;

/// <summary>
/// ToItem and FromItem of one 15-attribute <see cref="Shipment"/> (string set, nested map, list of three maps):
/// the Sharpless-generated <c>ShipmentMapper</c> against DynamoDBContext and against a careful hand-written mapper
/// (the baseline of each category). Steady state: the context's reflection cache is built in the global setup.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MedianColumn]
// 2 noisy cores: many short iterations, and read the median. About 35 s per benchmark, under 4 minutes in all.
[SimpleJob(launchCount: 1, warmupCount: 10, iterationCount: 40)]
public class ShipmentMappingBenchmarks
{
    private AmazonDynamoDBClient _client = null!;
    private DynamoDBContext _context = null!;
    private Shipment _shipment = null!;
    private Dictionary<string, AttributeValue> _item = null!;

    [GlobalSetup]
    public void Setup()
    {
        MapperParity.Check();
        (_client, _context) = BenchmarkData.CreateContext();
        _shipment = BenchmarkData.CreateShipment();
        _item = BenchmarkData.SdkToItem(_context, _shipment);

        // Build DynamoDBContext's per-type reflection cache before measuring: the first call is much slower.
        for (var i = 0; i < 1000; i++)
        {
            BenchmarkData.SdkToItem(_context, _shipment);
            BenchmarkData.SdkFromItem(_context, _item);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _context.Dispose();
        _client.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Hand-written")]
    [BenchmarkCategory("ToItem")]
    public Dictionary<string, AttributeValue> HandWrittenToItem() => HandWrittenShipmentMapper.ToItem(_shipment);

    [Benchmark(Description = "Generated")]
    [BenchmarkCategory("ToItem")]
    public Dictionary<string, AttributeValue> GeneratedToItem() => ShipmentMapper.ToItem(_shipment);

    [Benchmark(Description = "DynamoDBContext")]
    [BenchmarkCategory("ToItem")]
    public Dictionary<string, AttributeValue> ContextToItem() => BenchmarkData.SdkToItem(_context, _shipment);

    [Benchmark(Baseline = true, Description = "Hand-written")]
    [BenchmarkCategory("FromItem")]
    public Shipment HandWrittenFromItem() => HandWrittenShipmentMapper.FromItem(_item);

    [Benchmark(Description = "Generated")]
    [BenchmarkCategory("FromItem")]
    public Shipment GeneratedFromItem() => ShipmentMapper.FromItem(_item);

    [Benchmark(Description = "DynamoDBContext")]
    [BenchmarkCategory("FromItem")]
    public Shipment ContextFromItem() => BenchmarkData.SdkFromItem(_context, _item);
}
