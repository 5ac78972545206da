using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;

namespace Sharpless.DynamoDB.Tests.Dynalite;

/// <summary>The dynalite fixture itself: the server answers the DynamoDB API the mapper tests rely on.</summary>
[Collection(DynaliteCollection.Name)]
[Trait("Category", "DynamoDB")]
public sealed class DynaliteServerTests(DynaliteServer server)
{
    /// <summary>DynamoDB's item size limit: 400 KB, 1 KB = 1024 bytes.</summary>
    const int MaxItemSize = 409_600;

    [Fact]
    public async Task Raw_item_round_trips_every_attribute_type()
    {
        var table = await server.CreateTableAsync("RawRoundTrip", "pk", ScalarAttributeType.S);
        // SDK v4 model collections are null until assigned.
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "item-1" },
            ["s"] = new() { S = "héllo wörld" },
            ["n"] = new() { N = "-12.5" },
            ["b"] = new() { B = new MemoryStream([0, 1, 2, 254, 255]) },
            ["bool"] = new() { BOOL = true },
            ["l"] = new() { L = new() { new() { S = "a" }, new() { N = "1" }, new() { BOOL = false } } },
            ["m"] = new()
            {
                M = new()
                {
                    ["inner"] = new() { S = "x" },
                    ["nested"] = new() { M = new() { ["n"] = new() { N = "42" } } },
                },
            },
            ["ss"] = new() { SS = new() { "red", "green", "blue" } },
        };

        await server.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });
        var got = await server.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { ["pk"] = new() { S = "item-1" } },
            ConsistentRead = true,
        });

        Assert.True(got.IsItemSet);
        Assert.Equal(Canonical(item), Canonical(got.Item));
    }

    [Fact]
    public async Task Item_of_exactly_400_KB_is_accepted_and_one_byte_more_is_rejected()
    {
        var table = await server.CreateTableAsync("ItemSize", "pk", ScalarAttributeType.S);
        // Size = name and value lengths: "pk" (2) + "k" (1) + "data" (4) + n ASCII characters.
        const int fixedBytes = 2 + 1 + 4;

        await server.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = Item(MaxItemSize - fixedBytes) });

        var tooBig = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(
            () => server.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = Item(MaxItemSize - fixedBytes + 1) }));
        Assert.Contains("Item size has exceeded the maximum allowed size", tooBig.Message, StringComparison.Ordinal);

        static Dictionary<string, AttributeValue> Item(int dataLength) => new()
        {
            ["pk"] = new() { S = "k" },
            ["data"] = new() { S = new string('x', dataLength) },
        };
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("V2")]
    public async Task DynamoDBContext_saves_and_loads_a_model(string conversionName)
    {
        await server.EnsureTableAsync(ContextProbe.TableName, "Id", ScalarAttributeType.S);
        var conversion = conversionName == "V1" ? DynamoDBEntryConversion.V1 : DynamoDBEntryConversion.V2;
        using var context = server.CreateContext(conversion);
        var probe = new ContextProbe { Id = "probe-" + conversionName, Count = 7, Flag = true, Tags = ["a", "b"] };

        await context.SaveAsync(probe);
        var loaded = await context.LoadAsync<ContextProbe>(probe.Id);

        Assert.NotNull(loaded);
        Assert.Equal(probe.Id, loaded.Id);
        Assert.Equal(7, loaded.Count);
        Assert.True(loaded.Flag);
        Assert.Equal(["a", "b"], loaded.Tags);

        // The conversion reached the wire: V1 writes bool as N and List<string> as SS, V2 as BOOL and L.
        var raw = await server.Client.GetItemAsync(new GetItemRequest
        {
            TableName = ContextProbe.TableName,
            Key = new() { ["Id"] = new() { S = probe.Id } },
            ConsistentRead = true,
        });
        if (conversionName == "V1")
        {
            Assert.Equal("1", raw.Item["Flag"].N);
            Assert.NotNull(raw.Item["Tags"].SS);
        }
        else
        {
            Assert.True(raw.Item["Flag"].BOOL);
            Assert.NotNull(raw.Item["Tags"].L);
        }
    }

    [DynamoDBTable(TableName)]
    public sealed class ContextProbe
    {
        public const string TableName = "SharplessContextProbe";

        [DynamoDBHashKey]
        public string Id { get; set; } = "";

        public int Count { get; set; }

        public bool Flag { get; set; }

        public List<string> Tags { get; set; } = [];
    }

    /// <summary>A stable text form of an attribute value: sets sorted (DynamoDB keeps no order), map keys sorted.</summary>
    static string Canonical(Dictionary<string, AttributeValue> item) =>
        "{" + string.Join(",", item.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Canonical(p.Value))) + "}";

    static string Canonical(AttributeValue value) => value switch
    {
        { S: not null } => "S(" + value.S + ")",
        { N: not null } => "N(" + value.N + ")",
        { B: not null } => "B(" + Convert.ToHexString(value.B.ToArray()) + ")",
        { BOOL: not null } => "BOOL(" + value.BOOL.Value.ToString(CultureInfo.InvariantCulture) + ")",
        { NULL: true } => "NULL",
        { SS: not null } => "SS(" + string.Join(",", value.SS.Order(StringComparer.Ordinal)) + ")",
        { NS: not null } => "NS(" + string.Join(",", value.NS.Order(StringComparer.Ordinal)) + ")",
        { BS: not null } => "BS(" + string.Join(",", value.BS.Select(b => Convert.ToHexString(b.ToArray())).Order(StringComparer.Ordinal)) + ")",
        { L: not null } => "L[" + string.Join(",", value.L.Select(Canonical)) + "]",
        { M: not null } => "M" + Canonical(value.M),
        _ => throw new ArgumentException("Empty AttributeValue.", nameof(value)),
    };
}
