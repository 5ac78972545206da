using Amazon.DynamoDBv2.DataModel;

namespace Sharpless.DynamoDB.Tests.Models;

/// <summary>Immutable shapes: a positional record table, a nested record, a struct, a constructor chosen by attribute.</summary>
[DynamoDBTable("Shipments")]
public sealed record Shipment(
    [property: DynamoDBHashKey] string Id,
    Money Cost,
    Coordinates Destination,
    List<Parcel> Parcels);

public sealed record Money(decimal Amount, string Currency);

public struct Coordinates
{
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}

public sealed class Parcel
{
    public Parcel()
    {
    }

    [DynamoDBConstructor]
    public Parcel(string label, int weightGrams)
    {
        Label = label;
        WeightGrams = weightGrams;
    }

    public string Label { get; set; } = "";
    public int WeightGrams { get; set; }
}
