using Amazon.DynamoDBv2.DataModel;

namespace Sharpless.DynamoDB.Tests.Models;

public enum OrderStatus
{
    New,
    Paid,
    Shipped,
}

[System.Flags]
public enum Flags : byte
{
    None = 0,
    Gift = 1,
    Express = 2,
}

/// <summary>A realistic table model: keys, an index, renames, scalars of every kind, collections, nested objects.</summary>
[DynamoDBTable("Orders")]
public class Order
{
    [DynamoDBHashKey("pk")]
    public string Id { get; set; } = "";

    [DynamoDBRangeKey]
    public int Version { get; set; }

    [DynamoDBGlobalSecondaryIndexHashKey("ByCustomer")]
    public string? CustomerId { get; set; }

    [DynamoDBProperty("desc")]
    public string? Description { get; set; }

    public char Grade { get; set; }
    public bool Paid { get; set; }
    public bool? Archived { get; set; }
    public sbyte Small { get; set; }
    public byte Tiny { get; set; }
    public short Short { get; set; }
    public ushort UShort { get; set; }
    public uint UInt { get; set; }
    public long Long { get; set; }
    public ulong ULong { get; set; }
    public float Float { get; set; }
    public double Double { get; set; }
    public decimal Total { get; set; }
    public int? MaybeCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ShippedAt { get; set; }
    public DateOnly DueDate { get; set; }
    public TimeOnly Cutoff { get; set; }
    public Guid Reference { get; set; }
    public OrderStatus Status { get; set; }
    public Flags Options { get; set; }
    public byte[]? Signature { get; set; }
    public List<string>? Tags { get; set; }
    public string[]? Aliases { get; set; }
    public List<int>? Quantities { get; set; }
    public HashSet<string>? Labels { get; set; }
    public HashSet<int>? Numbers { get; set; }
    public List<OrderStatus>? History { get; set; }
    public Dictionary<string, int>? Counters { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
    public Address? Shipping { get; set; }
    public List<OrderLine>? Lines { get; set; }
    public List<List<int>>? Matrix { get; set; }
    public Dictionary<string, List<string>>? Groups { get; set; }

    [DynamoDBIgnore]
    public string? Transient { get; set; }

    public int Computed => Version * 2;

    public string PublicField = "";
}

public class Address
{
    public string? Street { get; set; }
    public string? City { get; set; }
    public int Zip { get; set; }
}

public class OrderLine
{
    public string Sku { get; set; } = "";
    public int Quantity { get; set; }
    public decimal Price { get; set; }
    public List<string>? Notes { get; set; }
}
