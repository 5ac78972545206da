using Amazon.DynamoDBv2.Model;
using Sharpless.DynamoDB.Tests.Models;

namespace Sharpless.DynamoDB.Tests.Mapping;

/// <summary>
/// FromItem on items that do not fit the model throws one exception type that names the table, the attribute path and
/// what was expected versus found; missing attributes keep their defaults, as with DynamoDBContext.
/// </summary>
public sealed class MalformedItemTests
{
    private static Dictionary<string, AttributeValue> Valid() => new()
    {
        ["pk"] = new AttributeValue { S = "o-1" },
        ["Version"] = new AttributeValue { N = "3" },
    };

    [Fact]
    public void MissingAttributes_KeepDefaults()
    {
        var order = OrderMapper.FromItem(new Dictionary<string, AttributeValue>());

        Assert.Equal("", order.Id);           // the model's own initializer
        Assert.Equal(0, order.Version);
        Assert.Null(order.Tags);
    }

    public static TheoryData<string, AttributeValue, string, string> Cases() => new()
    {
        { "Version", new AttributeValue { S = "three" }, "Version", "a number (N)" },
        { "Version", new AttributeValue { N = "3.5" }, "Version", "an int" },
        { "Version", new AttributeValue { N = "99999999999" }, "Version", "an int" },
        { "Paid", new AttributeValue { N = "2" }, "Paid", "a boolean (BOOL, or N 1/0)" },
        { "Grade", new AttributeValue { S = "AB" }, "Grade", "a one-character string (S)" },
        { "CreatedAt", new AttributeValue { S = "yesterday" }, "CreatedAt", "an ISO-8601 date and time (S)" },
        { "Reference", new AttributeValue { S = "not-a-guid" }, "Reference", "a GUID (S)" },
        { "Signature", new AttributeValue { S = "AAAA" }, "Signature", "a binary (B)" },
        { "Shipping", new AttributeValue { S = "Main St" }, "Shipping", "a map (M)" },
        { "Shipping", new AttributeValue { M = new() { ["Zip"] = new AttributeValue { S = "12345" } } }, "Shipping.Zip", "a number (N)" },
        { "Tags", new AttributeValue { S = "a" }, "Tags", "a list (L) or a set (SS, NS, BS)" },
        { "Quantities", new AttributeValue { NS = ["1", "x"] }, "Quantities[1]", "an int" },
        { "Lines", new AttributeValue { L = [new AttributeValue { M = new() { ["Quantity"] = new AttributeValue { BOOL = true } } }] }, "Lines[0].Quantity", "a number (N)" },
        { "Counters", new AttributeValue { M = new() { ["k"] = new AttributeValue { S = "1" } } }, "Counters.k", "a number (N)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void WrongValues_ThrowItemMappingException_WithTableAndPath(string attribute, AttributeValue value, string path, string expected)
    {
        var item = Valid();
        item[attribute] = value;

        var error = Assert.Throws<ItemMappingException>(() => OrderMapper.FromItem(item));

        Assert.Equal("Orders", error.TableName);
        Assert.Equal(path, error.AttributePath);
        Assert.Equal(expected, error.Expected);
        Assert.Contains($"Cannot read item of table 'Orders': attribute '{path}' should be {expected} but is ", error.Message);
    }

    [Fact]
    public void BothConversionsForms_AreRead()
    {
        var item = Valid();
        item["Paid"] = new AttributeValue { BOOL = true };                       // V2 form in a V1 model
        item["Tags"] = new AttributeValue { L = [new AttributeValue { S = "x" }] }; // list instead of set
        item["Status"] = new AttributeValue { M = new() { ["value__"] = new AttributeValue { N = "1" } } }; // the SDK's nullable-enum map

        var order = OrderMapper.FromItem(item);

        Assert.True(order.Paid);
        Assert.Equal(["x"], order.Tags!);
        Assert.Equal(OrderStatus.Paid, order.Status);
    }
}

/// <summary>
/// Documented divergence: DynamoDBContext writes NaN, infinities and out-of-range doubles ("NaN", "1e+300",
/// "5e-324") that DynamoDB then rejects with a ValidationException; the mapper refuses them in ToItem, naming the value.
/// </summary>
public sealed class UnstorableNumberTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e300)]
    [InlineData(-1e126)]
    [InlineData(double.Epsilon)]
    public void ToItem_RejectsNumbersDynamoDBCannotStore(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OrderMapper.ToItem(new Order { Id = "o", Double = value }));
        Assert.Contains("DynamoDB numbers must be finite", error.Message);
    }

    [Theory]
    [InlineData(1e-130)]
    [InlineData(9.9e125)]
    [InlineData(0.0)]
    public void ToItem_AcceptsTheRangeBoundaries(double value)
    {
        Assert.NotNull(OrderMapper.ToItem(new Order { Id = "o", Double = value })["Double"].N);
    }
}
