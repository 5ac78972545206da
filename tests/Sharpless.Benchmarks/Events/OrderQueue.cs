using System.Text.Json.Serialization;
using Sharpless.Benchmarks.Events.LambdaEvents;

namespace Sharpless.Benchmarks.Events;

/// <summary>The body of each SQS message: an order as a shop's checkout publishes it (about 1 KB of JSON).</summary>
public sealed class OrderMessage
{
    public string OrderId { get; set; } = "";

    public OrderCustomer Customer { get; set; } = new();

    public OrderAddress ShippingAddress { get; set; } = new();

    public List<OrderMessageLine> Lines { get; set; } = [];

    public string Currency { get; set; } = "";

    public decimal Subtotal { get; set; }

    public decimal Tax { get; set; }

    public decimal ShippingCost { get; set; }

    public decimal Total { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public string Channel { get; set; } = "";

    public Dictionary<string, string> Attributes { get; set; } = [];
}

public sealed class OrderCustomer
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Tier { get; set; } = "";
}

public sealed class OrderAddress
{
    public string Line1 { get; set; } = "";

    public string? Line2 { get; set; }

    public string City { get; set; } = "";

    public string Region { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string Country { get; set; } = "";
}

public sealed class OrderMessageLine
{
    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }
}

/// <summary>
/// The context a Native AOT SQS function declares: the event, its response and the message body, with the settings
/// of the Lambda serializers (<c>SourceGeneratorLambdaJsonSerializer</c>: case-insensitive, camelCase, nulls not written,
/// base64 streams). The baseline reads the event and the bodies with it; the generated handler reads the bodies with it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Base64MemoryStreamConverter), typeof(EpochSecondsDateTimeConverter)])]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
[JsonSerializable(typeof(OrderMessage))]
public sealed partial class SqsFunctionJson : JsonSerializerContext
{
}

/// <summary>What each message's handling adds up, so no side can skip work and both can be compared.</summary>
public static class OrderQueueWork
{
    public static int Messages;
    public static int Quantity;
    public static decimal LineValue;
    public static decimal Total;
    public static long PlacedTicks;

    public static void Reset() => (Messages, Quantity, LineValue, Total, PlacedTicks) = (0, 0, 0m, 0m, 0L);

    public static (int Messages, int Quantity, decimal LineValue, decimal Total, long PlacedTicks) Snapshot() =>
        (Messages, Quantity, LineValue, Total, PlacedTicks);

    public static void Add(OrderMessage order)
    {
        Messages++;
        foreach (var line in order.Lines)
        {
            Quantity += line.Quantity;
            LineValue += line.Quantity * line.UnitPrice;
        }

        Total += order.Total;
        PlacedTicks += order.PlacedAt.UtcTicks;
    }
}

/// <summary>The SQS function: one order per message. Sharpless generates <c>OrderQueueConsumer_Handle_Handler</c>.</summary>
[LambdaJsonContext(typeof(SqsFunctionJson))]
public static class OrderQueueConsumer
{
    [SQSEvent("@OrdersQueue")]
    public static void Handle(OrderMessage order) => OrderQueueWork.Add(order);
}
