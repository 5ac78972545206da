using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sharpless.Benchmarks.Events;

/// <summary>
/// The SQS event of issue #23's benchmark: a standard queue's batch of 10 messages, each body an order of about 1 KB of
/// JSON, shaped as Lambda delivers it (the body a JSON string with its quotes escaped, the usual attributes, a
/// message attribute, an MD5 of the body and a receipt handle of a real one's length). Deterministic.
/// </summary>
public static class SqsBatchData
{
    public const int MessageCount = 10;

    private static readonly string[] Products =
    [
        "Stoneware mug, 350 ml, slate", "Pour-over coffee dripper", "Burr grinder, manual", "Paper filters, pack of 100",
        "Gooseneck kettle, 1 l", "Digital scale with timer", "Whole beans, Ethiopia Guji, 250 g", "Glass carafe, 600 ml",
        "Cleaning tablets, 30", "Travel tumbler, insulated",
    ];

    /// <summary>The orders, in message order.</summary>
    public static readonly IReadOnlyList<OrderMessage> Orders = Enumerable.Range(0, MessageCount).Select(CreateOrder).ToArray();

    /// <summary>The event's bytes, as the runtime receives them.</summary>
    public static readonly byte[] Event = WriteEvent(Orders);

    private static OrderMessage CreateOrder(int index)
    {
        var random = new Random(2300 + index);
        var lines = new List<OrderMessageLine>();
        for (var i = 0; i < 5 + (index % 4); i++)
        {
            lines.Add(new OrderMessageLine
            {
                Sku = "SKU-" + random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture),
                Name = Products[(index + i) % Products.Length],
                Quantity = random.Next(1, 6),
                UnitPrice = random.Next(199, 14_999) / 100m,
            });
        }

        var subtotal = lines.Sum(line => line.Quantity * line.UnitPrice);
        var tax = Math.Round(subtotal * 0.2m, 2);
        var placed = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero).AddSeconds(index * 37.5);
        return new OrderMessage
        {
            OrderId = "ORD-2026-" + (481_200 + index).ToString(CultureInfo.InvariantCulture),
            Customer = new OrderCustomer
            {
                Id = "CUST-" + random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
                Name = index % 2 == 0 ? "Jane Doe" : "Émile Zola",
                Email = "customer" + index.ToString(CultureInfo.InvariantCulture) + "@example.com",
                Tier = index % 3 == 0 ? "gold" : "standard",
            },
            ShippingAddress = new OrderAddress
            {
                Line1 = (10 + index).ToString(CultureInfo.InvariantCulture) + " Rue de la Paix",
                Line2 = index % 2 == 0 ? "Apartment 4B" : null,
                City = "Paris",
                Region = "Île-de-France",
                PostalCode = "75002",
                Country = "FR",
            },
            Lines = lines,
            Currency = "EUR",
            Subtotal = subtotal,
            Tax = tax,
            ShippingCost = 4.90m,
            Total = subtotal + tax + 4.90m,
            PlacedAt = placed,
            PaidAt = index % 5 == 4 ? null : placed.AddSeconds(12),
            Channel = "web",
            Attributes = new Dictionary<string, string>
            {
                ["campaign"] = "winter-sale-2026",
                ["giftWrap"] = index % 3 == 0 ? "true" : "false",
                ["locale"] = "fr-FR",
            },
        };
    }

    private static byte[] WriteEvent(IReadOnlyList<OrderMessage> orders)
    {
        var output = new MemoryStream();
        // Lambda escapes a body's quotes as \" (not \u0022) and leaves non-ASCII text as UTF-8.
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            for (var i = 0; i < orders.Count; i++)
            {
                var random = new Random(4600 + i);
                var body = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(orders[i], SqsFunctionJson.Default.OrderMessage));
                var sent = 1_796_635_800_000L + (i * 37_500L);
                writer.WriteStartObject();
                writer.WriteString("messageId", Guid(random).ToString());
                // Real receipt handles are base64 text of about 400 characters.
                writer.WriteString("receiptHandle", "AQEB" + Convert.ToBase64String(Bytes(random, 300)));
                writer.WriteString("body", body);
                writer.WriteStartObject("attributes");
                writer.WriteString("ApproximateReceiveCount", "1");
                writer.WriteString("SentTimestamp", sent.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("SenderId", "AROAIWPX5BD2BHG722MW4:checkout-service");
                writer.WriteString("ApproximateFirstReceiveTimestamp", (sent + 41).ToString(CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                writer.WriteStartObject("messageAttributes");
                writer.WriteStartObject("eventType");
                writer.WriteString("stringValue", "OrderPlaced");
                writer.WriteStartArray("stringListValues");
                writer.WriteEndArray();
                writer.WriteStartArray("binaryListValues");
                writer.WriteEndArray();
                writer.WriteString("dataType", "String");
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteString("md5OfBody", Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body))));
                writer.WriteString("md5OfMessageAttributes", Convert.ToHexStringLower(Bytes(random, 16)));
                writer.WriteString("eventSource", "aws:sqs");
                writer.WriteString("eventSourceARN", "arn:aws:sqs:eu-west-3:123456789012:orders-placed");
                writer.WriteString("awsRegion", "eu-west-3");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return output.ToArray();
    }

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static Guid Guid(Random random) => new(Bytes(random, 16));

    /// <summary>The sizes of the event and of its bodies, printed by the parity check.</summary>
    public static string Describe()
    {
        var bodies = Orders.Select(order => JsonSerializer.SerializeToUtf8Bytes(order, SqsFunctionJson.Default.OrderMessage).Length).ToArray();
        return $"SQS event: {Event.Length:N0} B, {MessageCount} messages, bodies {bodies.Min():N0}–{bodies.Max():N0} B";
    }
}
