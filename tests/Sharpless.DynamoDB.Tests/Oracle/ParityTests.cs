using System.Text.Json;
using Amazon.DynamoDBv2;
using Sharpless.DynamoDB.Tests.Models;

namespace Sharpless.DynamoDB.Tests.Oracle;

/// <summary>
/// The generated mappers against the AWS SDK's DynamoDBContext, on hundreds of seeded random models per conversion:
/// ToItem must equal the SDK's attribute map attribute for attribute, and FromItem of the SDK's map must equal the
/// SDK's own FromDocument.
/// </summary>
public sealed class ParityTests
{
    private const int Seeds = 300;

    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    [Fact]
    public void V1_ToItem_MatchesDynamoDBContext()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        for (var seed = 0; seed < Seeds; seed++)
        {
            var order = RandomOrders.Create<Order>(seed);
            if (order.Matrix?.Any(inner => inner.Count == 0) == true || order.Groups?.Values.Any(group => group.Count == 0) == true)
            {
                continue; // the documented divergence above
            }

            var differences = AttributeValues.Differences(oracle.ToItem(order), OrderMapper.ToItem(order));
            Assert.True(differences.Count == 0, $"seed {seed}:\n" + string.Join("\n", differences));
        }
    }

    /// <summary>
    /// Documented divergence: under V1 DynamoDBContext drops an empty inner collection from a list (it would be an empty
    /// set), shifting the elements after it. The mapper keeps the position as an empty list, which the SDK reads back.
    /// </summary>
    [Fact]
    public void V1_EmptyInnerCollection_KeepsItsPositionAsAnEmptyList()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var order = new Order { Id = "o-1", Matrix = [[1, 2], [], [3]] };

        Assert.Equal(2, oracle.ToItem(order)["Matrix"].L.Count); // the SDK loses the empty element
        var item = OrderMapper.ToItem(order);
        Assert.Equal("L [NS [1, 2], L [], NS [3]]", AttributeValues.Describe(item["Matrix"]));

        Assert.Equal([[1, 2], [], [3]], oracle.FromItem<Order>(item).Matrix!);
        Assert.Equal([[1, 2], [], [3]], OrderMapper.FromItem(item).Matrix!);
    }

    /// <summary>The same divergence for a map value: the SDK drops the entry, the mapper keeps it as an empty list.</summary>
    [Fact]
    public void V1_EmptyCollectionMapValue_IsKeptAsAnEmptyList()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var order = new Order { Id = "o-1", Groups = new() { ["empty"] = [], ["full"] = ["x"] } };

        Assert.False(oracle.ToItem(order)["Groups"].M.ContainsKey("empty")); // the SDK loses the key
        var item = OrderMapper.ToItem(order);
        Assert.Equal("M {empty: L [], full: SS [\"x\"], }", AttributeValues.Describe(item["Groups"]));

        Assert.Empty(oracle.FromItem<Order>(item).Groups!["empty"]);
        Assert.Empty(OrderMapper.FromItem(item).Groups!["empty"]);
    }

    [Fact]
    public void V2_ToItem_MatchesDynamoDBContext()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V2);
        for (var seed = 0; seed < Seeds; seed++)
        {
            var order = RandomOrders.Create<OrderV2>(seed);
            var differences = AttributeValues.Differences(oracle.ToItem(order), OrderV2Mapper.ToItem(order));
            Assert.True(differences.Count == 0, $"seed {seed}:\n" + string.Join("\n", differences));
        }
    }

    [Fact]
    public void V1_FromItem_OfTheSdksItem_MatchesDynamoDBContext()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        for (var seed = 0; seed < Seeds; seed++)
        {
            var item = oracle.ToItem(RandomOrders.Create<Order>(seed));
            Assert.Equal(JsonSerializer.Serialize(oracle.FromItem<Order>(item), Json), JsonSerializer.Serialize(OrderMapper.FromItem(item), Json));
        }
    }

    [Fact]
    public void V2_FromItem_OfTheSdksItem_MatchesDynamoDBContext()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V2);
        for (var seed = 0; seed < Seeds; seed++)
        {
            var item = oracle.ToItem(RandomOrders.Create<OrderV2>(seed));
            Assert.Equal(JsonSerializer.Serialize(oracle.FromItem<OrderV2>(item), Json), JsonSerializer.Serialize(OrderV2Mapper.FromItem(item), Json));
        }
    }
}
