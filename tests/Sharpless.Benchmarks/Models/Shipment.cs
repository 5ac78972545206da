using Amazon.DynamoDBv2.DataModel;

namespace Sharpless.Benchmarks.Models;

public enum ShipmentStatus
{
    Created,
    Packed,
    InTransit,
    Delivered,
}

/// <summary>
/// The benchmark model: 15 attributes, as a real table row might have — keys, strings, numbers of several kinds, a
/// bool, a timestamp, a GUID, an enum, a string set, a nested map and a list of maps.
/// </summary>
[DynamoDBTable("Shipments")]
public class Shipment
{
    [DynamoDBHashKey("pk")]
    public string Id { get; set; } = "";

    [DynamoDBRangeKey("sk")]
    public string Sort { get; set; } = "";

    public string CustomerId { get; set; } = "";

    [DynamoDBProperty("email")]
    public string? Email { get; set; }

    public int Version { get; set; }

    public long Sequence { get; set; }

    public decimal Total { get; set; }

    public double WeightKg { get; set; }

    public bool Insured { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid TrackingId { get; set; }

    public ShipmentStatus Status { get; set; }

    public HashSet<string>? Tags { get; set; }

    public ShipmentAddress? Destination { get; set; }

    public List<ShipmentLine>? Lines { get; set; }

    [DynamoDBIgnore]
    public string? Transient { get; set; }
}

public class ShipmentAddress
{
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? Country { get; set; }
}

public class ShipmentLine
{
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public string? Description { get; set; }
}
