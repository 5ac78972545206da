using System.ComponentModel.DataAnnotations;
using Amazon.DynamoDBv2.DataModel;

namespace OrdersApi;

/// <summary>
/// How many orders a customer has and what they add up to, kept current from the orders table's stream by
/// <see cref="OrderProjections"/> and read by <c>GET /customers/{customerId}/summary</c>.
/// </summary>
[DynamoDBTable("CustomerSummaries")]
public sealed class CustomerSummary
{
    [DynamoDBHashKey]
    [MaxLength(OrderRules.MaxCustomerIdLength)]
    public string CustomerId { get; set; } = "";

    public int OrderCount { get; set; }

    public decimal Total { get; set; }

    /// <summary>When the summary was last recomputed (UTC, milliseconds).</summary>
    public DateTime UpdatedAt { get; set; }
}
