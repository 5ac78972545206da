using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Sharpless.Benchmarks.Models;

namespace Sharpless.Benchmarks;

/// <summary>The benchmark item and the DynamoDBContext it is compared against (shared by the benchmarks and the parity check).</summary>
public static class BenchmarkData
{
    public static readonly DynamoDBEntryConversion Conversion = DynamoDBEntryConversion.V1;

    /// <summary>A realistic shipment: every attribute set, four tags, a nested address and three order lines.</summary>
    public static Shipment CreateShipment() => new()
    {
        Id = "SHIPMENT#7f3a9c21",
        Sort = "v0000007",
        CustomerId = "CUSTOMER#00418273",
        Email = "jane.doe@example.com",
        Version = 7,
        Sequence = 9_007_199_254_740_993L,
        Total = 1234.56m,
        WeightKg = 12.75,
        Insured = true,
        CreatedAt = new DateTime(2024, 5, 17, 13, 45, 12, 345, DateTimeKind.Utc),
        TrackingId = new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        Status = ShipmentStatus.InTransit,
        Tags = new HashSet<string>(StringComparer.Ordinal) { "fragile", "priority", "gift-wrapped", "eu" },
        Destination = new ShipmentAddress
        {
            Street = "221B Baker Street",
            City = "London",
            PostalCode = "NW1 6XE",
            Country = "GB",
        },
        Lines = new List<ShipmentLine>
        {
            new() { Sku = "SKU-1001", Quantity = 2, UnitPrice = 19.99m, Description = "Ceramic mug, blue" },
            new() { Sku = "SKU-2042", Quantity = 1, UnitPrice = 549.00m, Description = "Espresso machine" },
            new() { Sku = "SKU-3310", Quantity = 12, UnitPrice = 4.25m, Description = null },
        },
        Transient = "never stored",
    };

    /// <summary>
    /// A DynamoDBContext that converts without ever calling DynamoDB: table metadata fetching is off and the client
    /// points at a closed loopback port with dummy credentials.
    /// </summary>
    public static (AmazonDynamoDBClient Client, DynamoDBContext Context) CreateContext()
    {
        var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("benchmark", "benchmark"),
            new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1", AuthenticationRegion = "us-east-1" });
        var context = new DynamoDBContextBuilder()
            .WithDynamoDBClient(() => client)
            .ConfigureContext(c =>
            {
                c.Conversion = Conversion;
                c.DisableFetchingTableMetadata = true;
            })
            .Build();
        return (client, context);
    }

    public static Dictionary<string, AttributeValue> SdkToItem(DynamoDBContext context, Shipment value) =>
        context.ToDocument(value).ToAttributeMap(Conversion);

    public static Shipment SdkFromItem(DynamoDBContext context, Dictionary<string, AttributeValue> item) =>
        context.FromDocument<Shipment>(Document.FromAttributeMap(item));
}
