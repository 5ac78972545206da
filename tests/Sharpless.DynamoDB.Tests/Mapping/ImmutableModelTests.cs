using System.Text.Json;
using Amazon.DynamoDBv2;
using Sharpless.DynamoDB.Tests.Models;
using Sharpless.DynamoDB.Tests.Oracle;

namespace Sharpless.DynamoDB.Tests.Mapping;

/// <summary>Records and structs through their constructors, checked against DynamoDBContext.</summary>
public sealed class ImmutableModelTests
{
    private static Shipment Sample(int i) => new(
        "s-" + i,
        new Money(12.50m + i, "EUR"),
        new Coordinates { Latitude = 52.52 + i, Longitude = -13.405 },
        [new Parcel("box", 1200 + i), new Parcel("envelope", 80)]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void PositionalRecords_AndStructs_MatchDynamoDBContext(int i)
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var shipment = Sample(i);

        var expected = oracle.ToItem(shipment);
        var actual = ShipmentMapper.ToItem(shipment);

        Assert.Empty(AttributeValues.Differences(expected, actual));
        Assert.Equal(JsonSerializer.Serialize(oracle.FromItem<Shipment>(expected)), JsonSerializer.Serialize(ShipmentMapper.FromItem(expected)));
    }

    [Fact]
    public void Record_RoundTrips_ThroughItsConstructor()
    {
        var shipment = Sample(3);

        var read = ShipmentMapper.FromItem(ShipmentMapper.ToItem(shipment));

        Assert.Equal(shipment.Id, read.Id);
        Assert.Equal(shipment.Cost, read.Cost); // records compare by value
        Assert.Equal(shipment.Destination, read.Destination);
        Assert.Equal(["box", "envelope"], read.Parcels.Select(p => p.Label));
        Assert.Equal([1203, 80], read.Parcels.Select(p => p.WeightGrams));
    }
}
