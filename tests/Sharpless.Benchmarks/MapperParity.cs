using Amazon.DynamoDBv2.Model;
using Sharpless.Benchmarks.Models;

namespace Sharpless.Benchmarks;

/// <summary>
/// The benchmarks only mean something if the three mappers do the same work. This checks, for the benchmark item, that
/// the generated mapper, the hand-written mapper and DynamoDBContext write the same attribute map, and that each reads
/// that map back into a model that writes the same map again. Throws on any disagreement.
/// </summary>
public static class MapperParity
{
    public static void Check()
    {
        var (client, context) = BenchmarkData.CreateContext();
        using (client)
        using (context)
        {
            var shipment = BenchmarkData.CreateShipment();
            var sdk = BenchmarkData.SdkToItem(context, shipment);
            var generated = ShipmentMapper.ToItem(shipment);
            var handWritten = HandWrittenShipmentMapper.ToItem(shipment);
            Require("ToItem: generated vs DynamoDBContext", sdk, generated);
            Require("ToItem: hand-written vs DynamoDBContext", sdk, handWritten);

            Require("FromItem: DynamoDBContext round trip", sdk, HandWrittenShipmentMapper.ToItem(BenchmarkData.SdkFromItem(context, sdk)));
            Require("FromItem: generated round trip", sdk, HandWrittenShipmentMapper.ToItem(ShipmentMapper.FromItem(sdk)));
            Require("FromItem: hand-written round trip", sdk, HandWrittenShipmentMapper.ToItem(HandWrittenShipmentMapper.FromItem(sdk)));
        }
    }

    private static void Require(string what, Dictionary<string, AttributeValue> expected, Dictionary<string, AttributeValue> actual)
    {
        var differences = Sharpless.DynamoDB.Tests.Oracle.AttributeValues.Differences(expected, actual);
        if (differences.Count > 0)
        {
            throw new InvalidOperationException($"Mapper parity failed ({what}):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", differences));
        }
    }
}
