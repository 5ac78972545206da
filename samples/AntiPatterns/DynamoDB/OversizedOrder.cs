using System.ComponentModel.DataAnnotations;
using Amazon.DynamoDBv2.DataModel;
using Sharpless.DynamoDB;

namespace AntiPatterns.DynamoDB;

/// <summary>
/// SLS3004: the worst case of this item is over DynamoDB's 400 KB limit (PutItem would fail with a ValidationException
/// once a customer writes long notes). SLS3007: the sort key's bound allows more than the 1,024 bytes a sort key may have.
/// SLS3005 (info; a warning in this sample): Comment has no bound at all.
/// </summary>
[DynamoDBTable("Orders")]
public class OversizedOrder
{
    [DynamoDBHashKey, StringLength(36)]
    public string Id { get; set; } = "";

    [DynamoDBRangeKey, StringLength(500)]
    public string CreatedAt { get; set; } = "";

    [StringLength(100_000)]
    public string? Notes { get; set; }

    [ItemBounds(MaxCount = 500)]
    public List<OrderLine>? Lines { get; set; }

    public string? Comment { get; set; }
}

public class OrderLine
{
    [StringLength(40)]
    public string? Sku { get; set; }

    [StringLength(200)]
    public string? Description { get; set; }

    public int Quantity { get; set; }
}
