using System.Text.Json.Serialization;
using Sharpless;

namespace Sharpless.Benchmarks.Functions;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record PlaceOrder(string OrderId, string CustomerId, OrderLine[] Lines);

public sealed record OrderPlaced(string OrderId, decimal Total, int Items);

[JsonSerializable(typeof(PlaceOrder))]
[JsonSerializable(typeof(OrderPlaced))]
internal sealed partial class BenchmarkJson : JsonSerializerContext
{
}

/// <summary>A trivial function: the benchmark measures what surrounds it, not what it does.</summary>
public sealed class OrderFunctions
{
    [LambdaFunction]
    public OrderPlaced Place(PlaceOrder order)
    {
        decimal total = 0;
        var items = 0;
        foreach (var line in order.Lines)
        {
            total += line.Quantity * line.UnitPrice;
            items += line.Quantity;
        }

        return new OrderPlaced(order.OrderId, total, items);
    }
}
