using System.Text.Json;
using Amazon.DynamoDBv2;
using Sharpless.DynamoDB.Tests.Models;
using Sharpless.DynamoDB.Tests.Oracle;

namespace Sharpless.DynamoDB.Tests.Mapping;

/// <summary>IPropertyConverter members, checked against DynamoDBContext.</summary>
public sealed class ConverterTests
{
    public static TheoryData<int> Samples() => [0, 1, 2];

    private static Invoice Sample(int i) => new()
    {
        Id = "i-" + i,
        Total = i == 1 ? null : new Amount(12.50m + i, "EUR"),
        DueDate = new DateOnly(2024, 3, 1).AddDays(i * 40),
        Recipients = i == 2 ? null : ["ada@example.com", "bob@example.com"],
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToItem_And_FromItem_MatchDynamoDBContext(int i)
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var invoice = Sample(i);

        var expected = oracle.ToItem(invoice);

        Assert.Empty(AttributeValues.Differences(expected, InvoiceMapper.ToItem(invoice)));
        Assert.Equal(JsonSerializer.Serialize(oracle.FromItem<Invoice>(expected)), JsonSerializer.Serialize(InvoiceMapper.FromItem(expected)));
    }

    [Fact]
    public void ConverterOutput_IsStoredAsTheConverterSays()
    {
        var item = InvoiceMapper.ToItem(Sample(0));

        Assert.Equal("12.50 EUR", item["Total"].S);
        Assert.Equal("19783", item["due"].N);
        Assert.Equal("ada@example.com,bob@example.com", item["Recipients"].S);
        Assert.Equal(new Amount(12.50m, "EUR"), InvoiceMapper.FromItem(item).Total);
    }
}
