using System.Text.Json.Serialization;
using Amazon.DynamoDBv2.DataModel;
using Sharpless.Benchmarks.Events.LambdaEvents;

namespace Sharpless.Benchmarks.Events;

/// <summary>
/// The table behind the stream of issue #23's benchmark: 14 attributes — keys, strings, numbers of three kinds, a bool,
/// a timestamp, a nullable note, a string set and a list of maps. Sharpless generates <c>StoredOrderMapper</c> for it.
/// </summary>
[DynamoDBTable("Orders")]
public class StoredOrder
{
    [DynamoDBHashKey("pk")]
    public string Id { get; set; } = "";

    [DynamoDBRangeKey("sk")]
    public string Sort { get; set; } = "";

    public string CustomerId { get; set; } = "";

    public string Status { get; set; } = "";

    public string Currency { get; set; } = "";

    public decimal Total { get; set; }

    public int ItemCount { get; set; }

    public long Version { get; set; }

    public bool Paid { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? Note { get; set; }

    public string ShipToCity { get; set; } = "";

    public HashSet<string>? Tags { get; set; }

    public List<StoredOrderLine>? Lines { get; set; }
}

public class StoredOrderLine
{
    public string Sku { get; set; } = "";

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public string? Description { get; set; }
}

/// <summary>
/// The context a Native AOT stream function declares for the event and its response, with the settings of the Lambda
/// serializers (case-insensitive, camelCase, nulls not written, base64 streams, epoch-seconds dates).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(Base64MemoryStreamConverter), typeof(EpochSecondsDateTimeConverter)])]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
public sealed partial class StreamFunctionJson : JsonSerializerContext
{
}

/// <summary>What each record's handling adds up, so no side can skip work and both can be compared.</summary>
public static class OrdersStreamWork
{
    public static int Records;
    public static int Inserts;
    public static decimal TotalDelta;
    public static int Quantity;
    public static int Tags;
    public static int Paid;
    public static long UpdatedTicks;

    public static void Reset() => (Records, Inserts, TotalDelta, Quantity, Tags, Paid, UpdatedTicks) = (0, 0, 0m, 0, 0, 0, 0L);

    public static (int Records, int Inserts, decimal TotalDelta, int Quantity, int Tags, int Paid, long UpdatedTicks) Snapshot() =>
        (Records, Inserts, TotalDelta, Quantity, Tags, Paid, UpdatedTicks);

    public static void Add(StoredOrder? oldImage, StoredOrder? newImage)
    {
        Records++;
        if (oldImage is null)
        {
            Inserts++;
        }

        TotalDelta += (newImage?.Total ?? 0m) - (oldImage?.Total ?? 0m);
        if (newImage is not null)
        {
            foreach (var line in newImage.Lines ?? [])
            {
                Quantity += line.Quantity;
            }

            Tags += newImage.Tags?.Count ?? 0;
            Paid += newImage.Paid ? 1 : 0;
            UpdatedTicks += newImage.UpdatedAt.ToUniversalTime().Ticks;
        }
    }
}

/// <summary>The stream function: one change per record. Sharpless generates <c>OrdersProjector_OnChange_Handler</c>.</summary>
public static class OrdersProjector
{
    [DynamoDBEvent("@OrdersTable")]
    public static void OnChange(StoredOrder? oldImage, StoredOrder? newImage) => OrdersStreamWork.Add(oldImage, newImage);
}
