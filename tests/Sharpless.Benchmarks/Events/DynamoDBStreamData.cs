using System.Globalization;
using System.Text.Json;

namespace Sharpless.Benchmarks.Events;

/// <summary>
/// The DynamoDB stream event of issue #23's benchmark: 100 records of the <see cref="StoredOrder"/> table, a stream of
/// view type NEW_AND_OLD_IMAGES — a third inserts (new image only), the rest modifications (old and new image: status,
/// total, version, payment, timestamp and sometimes a line changed), shaped as Lambda delivers them. Deterministic.
/// The images are written in the attribute-value JSON of the stream (<c>{"S": …}</c>, <c>{"N": "…"}</c>,
/// <c>{"BOOL": …}</c>, <c>{"NULL": true}</c>, <c>{"SS": […]}</c>, <c>{"L": [{"M": {…}}]}</c>).
/// </summary>
public static class DynamoDBStreamData
{
    public const int RecordCount = 100;

    private static readonly string[] Statuses = ["PLACED", "PAID", "PACKED", "SHIPPED", "DELIVERED"];
    private static readonly string[] Cities = ["Lyon", "Berlin", "Madrid", "Milano", "Amsterdam", "Dublin"];
    private static readonly string[] TagPool = ["gift", "priority", "fragile", "eu", "repeat-customer", "promo"];

    /// <summary>Each record's images, in stream order (old image null for an insert).</summary>
    public static readonly IReadOnlyList<(StoredOrder? OldImage, StoredOrder NewImage)> Changes =
        Enumerable.Range(0, RecordCount).Select(CreateChange).ToArray();

    /// <summary>The event's bytes, as the runtime receives them.</summary>
    public static readonly byte[] Event = WriteEvent();

    private static (StoredOrder?, StoredOrder) CreateChange(int index)
    {
        var random = new Random(2323 + index);
        var current = CreateOrder(index, random);
        if (index % 3 == 0)
        {
            return (null, current);
        }

        var previous = CreateOrder(index, new Random(2323 + index));
        previous.Status = Statuses[index % (Statuses.Length - 1)];
        current.Status = Statuses[(index % (Statuses.Length - 1)) + 1];
        previous.Version = current.Version - 1;
        previous.Paid = false;
        previous.Total = current.Total - 5.90m;
        previous.UpdatedAt = current.UpdatedAt.AddMinutes(-42);
        previous.Note = null;
        if (index % 4 == 1 && previous.Lines is { Count: > 1 } lines)
        {
            lines[0].Quantity += 1;
        }

        return (previous, current);
    }

    private static StoredOrder CreateOrder(int index, Random random)
    {
        var lines = new List<StoredOrderLine>();
        for (var i = 0; i < 2 + (index % 3); i++)
        {
            lines.Add(new StoredOrderLine
            {
                Sku = "SKU-" + random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture),
                Quantity = random.Next(1, 5),
                UnitPrice = random.Next(199, 9_999) / 100m,
                Description = i == 1 ? null : "Item " + i.ToString(CultureInfo.InvariantCulture) + " of order " + index.ToString(CultureInfo.InvariantCulture),
            });
        }

        var tags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 1 + (index % 4); i++)
        {
            tags.Add(TagPool[(index + i) % TagPool.Length]);
        }

        return new StoredOrder
        {
            Id = "ORDER#" + (900_000 + index).ToString(CultureInfo.InvariantCulture),
            Sort = "v" + (index % 7).ToString("0000000", CultureInfo.InvariantCulture),
            CustomerId = "CUSTOMER#" + random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
            Status = "PLACED",
            Currency = "EUR",
            Total = lines.Sum(line => line.Quantity * line.UnitPrice) + 5.90m,
            ItemCount = lines.Sum(line => line.Quantity),
            Version = 1 + (index % 7),
            Paid = index % 3 != 0,
            UpdatedAt = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc).AddSeconds(index * 13.125),
            Note = index % 5 == 0 ? "Leave at the front desk" : null,
            ShipToCity = Cities[index % Cities.Length],
            Tags = tags,
            Lines = lines,
        };
    }

    private static byte[] WriteEvent()
    {
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            for (var i = 0; i < Changes.Count; i++)
            {
                var (oldImage, newImage) = Changes[i];
                writer.WriteStartObject();
                writer.WriteString("eventID", (0x5f3a_9c21_0000_0000UL + (ulong)i).ToString("x32", CultureInfo.InvariantCulture));
                writer.WriteString("eventName", oldImage is null ? "INSERT" : "MODIFY");
                writer.WriteString("eventVersion", "1.1");
                writer.WriteString("eventSource", "aws:dynamodb");
                writer.WriteString("awsRegion", "eu-west-3");
                writer.WriteStartObject("dynamodb");
                writer.WriteNumber("ApproximateCreationDateTime", 1_796_637_600 + i);
                writer.WriteStartObject("Keys");
                WriteString(writer, "pk", newImage.Id);
                WriteString(writer, "sk", newImage.Sort);
                writer.WriteEndObject();
                WriteImage(writer, "NewImage", newImage);
                if (oldImage is not null)
                {
                    WriteImage(writer, "OldImage", oldImage);
                }

                writer.WriteString("SequenceNumber", (4_421_584_500_000_000_000_000_000m + i).ToString(CultureInfo.InvariantCulture));
                writer.WriteNumber("SizeBytes", oldImage is null ? 412 : 797);
                writer.WriteString("StreamViewType", "NEW_AND_OLD_IMAGES");
                writer.WriteEndObject();
                writer.WriteString("eventSourceARN", "arn:aws:dynamodb:eu-west-3:123456789012:table/Orders/stream/2026-11-30T08:15:42.117");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return output.ToArray();
    }

    private static void WriteImage(Utf8JsonWriter writer, string name, StoredOrder order)
    {
        writer.WriteStartObject(name);
        WriteString(writer, "pk", order.Id);
        WriteString(writer, "sk", order.Sort);
        WriteString(writer, "CustomerId", order.CustomerId);
        WriteString(writer, "Status", order.Status);
        WriteString(writer, "Currency", order.Currency);
        WriteNumber(writer, "Total", order.Total.ToString(CultureInfo.InvariantCulture));
        WriteNumber(writer, "ItemCount", order.ItemCount.ToString(CultureInfo.InvariantCulture));
        WriteNumber(writer, "Version", order.Version.ToString(CultureInfo.InvariantCulture));
        writer.WriteStartObject("Paid");
        writer.WriteBoolean("BOOL", order.Paid);
        writer.WriteEndObject();
        // DynamoDBContext's and the generated mapper's format for a UTC DateTime.
        WriteString(writer, "UpdatedAt", order.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (order.Note is null)
        {
            writer.WriteStartObject("Note");
            writer.WriteBoolean("NULL", true);
            writer.WriteEndObject();
        }
        else
        {
            WriteString(writer, "Note", order.Note);
        }

        WriteString(writer, "ShipToCity", order.ShipToCity);
        writer.WriteStartObject("Tags");
        writer.WriteStartArray("SS");
        foreach (var tag in order.Tags!)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("Lines");
        writer.WriteStartArray("L");
        foreach (var line in order.Lines!)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("M");
            WriteString(writer, "Sku", line.Sku);
            WriteNumber(writer, "Quantity", line.Quantity.ToString(CultureInfo.InvariantCulture));
            WriteNumber(writer, "UnitPrice", line.UnitPrice.ToString(CultureInfo.InvariantCulture));
            if (line.Description is not null)
            {
                WriteString(writer, "Description", line.Description);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject(name);
        writer.WriteString("S", value);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject(name);
        writer.WriteString("N", value);
        writer.WriteEndObject();
    }

    /// <summary>The event's size, printed by the parity check.</summary>
    public static string Describe() =>
        $"DynamoDB stream event: {Event.Length:N0} B, {RecordCount} records ({Changes.Count(change => change.OldImage is null)} inserts)";
}
