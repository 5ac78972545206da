using Sharpless.DynamoDB.Tests.Models;

namespace Sharpless.DynamoDB.Tests.Mapping;

/// <summary>DynamoDB's size rules (shared/facts/dynamodb.md §2), the examples there checked one by one.</summary>
public sealed class ItemSizeTests
{
    [Theory]
    [InlineData("0", 1)]
    [InlineData("1", 2)]
    [InlineData("12", 2)]
    [InlineData("100", 2)]
    [InlineData("1e10", 2)]
    [InlineData("0.1", 2)]
    [InlineData("123", 3)]
    [InlineData("1234", 3)]
    [InlineData("12.3", 3)]
    [InlineData("1.5", 3)]
    [InlineData("-1", 3)]
    [InlineData("12345678901234567890123456789012345678", 20)] // 38 digits
    [InlineData("-0.000", 1)]
    public void Numbers_ArePairsOfSignificantDigitsPlusOne(string number, int bytes)
    {
        Assert.Equal(bytes, ItemSize.OfNumber(number));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("é", 2)]
    [InlineData("日本", 6)]
    [InlineData("😀", 4)]
    public void Strings_AreUtf8Bytes(string text, int bytes)
    {
        Assert.Equal(bytes, ItemSize.OfString(text));
    }

    [Fact]
    public void TheAwsDocsExample_Is23Bytes()
    {
        // "shirt-color"="R" + "shirt-size"="M" is 23 bytes (DynamoDB Developer Guide, Constraints).
        Assert.Equal(23, ItemSize.OfString("shirt-color") + ItemSize.OfString("R") + ItemSize.OfString("shirt-size") + ItemSize.OfString("M"));
    }

    [Fact]
    public void GetItemSize_CountsNamesValuesAndContainerOverheads()
    {
        var order = new Order { Id = "ab", Version = 12, Tags = ["x", "yz"], Lines = [new OrderLine { Sku = "s", Quantity = 1, Price = 0m }] };
        var item = OrderMapper.ToItem(order);

        var expected = 0;
        foreach (var (name, value) in item)
        {
            expected += ItemSize.OfString(name) + name switch
            {
                "pk" => 2,
                "Version" => 2,                                 // N 12
                "Tags" => 1 + 2,                                // a set: the sum of its elements
                "Lines" => 3 + 1 + (3 + (1 + 3 + 1) + (1 + 8 + 2) + (1 + 5 + 1)), // L[M{Sku:S s, Quantity:N 1, Price:N 0}]
                _ => Generated.ItemMapperRuntime.SizeOf(value), // every other (default-valued) member, by the same rules
            };
        }

        Assert.Equal(expected, OrderMapper.GetItemSize(order));
    }

    // The compile-time worst case of a number (shared with the item-size analyzer).
    [Theory]
    [InlineData(10, true, false, 7)]   // int.MinValue
    [InlineData(19, true, false, 12)]  // long.MinValue
    [InlineData(20, false, false, 11)] // ulong.MaxValue
    [InlineData(29, true, true, 17)]   // decimal: -7922816251426433759354395033.5
    [InlineData(17, true, true, 11)]   // double round-trip digits
    [InlineData(2, false, true, 3)]    // 1.5
    [InlineData(1, false, false, 2)]
    public void WorstCaseNumbers(int digits, bool negative, bool fractional, int bytes)
    {
        Assert.Equal(bytes, ItemSize.WorstCaseNumber(digits, negative, fractional));
    }
}
