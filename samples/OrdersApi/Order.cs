using System.ComponentModel.DataAnnotations;
using Amazon.DynamoDBv2.DataModel;

namespace OrdersApi;

/// <summary>
/// An order, as stored in the <c>Orders</c> table and as the API returns it. Sharpless generates
/// <see cref="OrderMapper"/> from the AWS SDK's own attributes (no DynamoDBContext, no reflection), and proves from the
/// bounds below that an item can never exceed DynamoDB's 400 KB limit (SLS3004/SLS3005). <see cref="OrderRules"/>
/// enforces the same bounds on every request, so the proof holds for what is actually written.
/// </summary>
[DynamoDBTable("Orders")]
public sealed class Order
{
    /// <summary>The partition key; the mapper stores a Guid as its <c>D</c>-format string (attribute type S).</summary>
    [DynamoDBHashKey]
    public Guid Id { get; set; }

    /// <summary>Partition key of the <c>ByCustomer</c> index.</summary>
    [DynamoDBGlobalSecondaryIndexHashKey(OrderIndexes.ByCustomer)]
    [MaxLength(OrderRules.MaxCustomerIdLength)]
    public string CustomerId { get; set; } = "";

    /// <summary>UTC, millisecond precision (what DynamoDB stores); the <c>ByCustomer</c> index's sort key.</summary>
    [DynamoDBGlobalSecondaryIndexRangeKey(OrderIndexes.ByCustomer)]
    public DateTime CreatedAt { get; set; }

    [MaxLength(OrderRules.MaxStatusLength)]
    public string Status { get; set; } = OrderStatus.Placed;

    [MaxLength(OrderRules.MaxLines)]
    public List<OrderLine> Lines { get; set; } = [];

    [MaxLength(OrderRules.MaxNoteLength)]
    public string? Note { get; set; }

    /// <summary>The sum of quantity × unit price over the lines, computed by the server.</summary>
    public decimal Total { get; set; }
}

/// <summary>One line of an order; stored as a map inside the order's <c>Lines</c> list.</summary>
public sealed class OrderLine
{
    [MaxLength(OrderRules.MaxSkuLength)]
    public string Sku { get; set; } = "";

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }
}

public static class OrderIndexes
{
    /// <summary>Orders of one customer, newest first: hash <c>CustomerId</c>, range <c>CreatedAt</c>.</summary>
    public const string ByCustomer = "ByCustomer";
}

public static class OrderStatus
{
    public const string Placed = "Placed";
}
