using System.Text.Json;
using Amazon.DynamoDBv2;
using Sharpless.DynamoDB.Tests.Models;
using Sharpless.DynamoDB.Tests.Oracle;

namespace Sharpless.DynamoDB.Tests.Mapping;

/// <summary>[DynamoDBFlatten] checked against DynamoDBContext, including a null flattened object and a struct.</summary>
public sealed class FlattenTests
{
    public static TheoryData<int> Samples() => [0, 1, 2, 3];

    private static Customer Sample(int i) => new()
    {
        Id = "c-" + i,
        Name = i == 2 ? null : "Ada",
        Address = i == 1 ? null : new PostalAddress { Street = "1 Main St", PostCode = "12345", Lines = i == 3 ? null : ["Flat 2"] },
        Contact = new Contact { Email = i == 0 ? null : "ada@example.com", Verified = i % 2 == 0 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToItem_MatchesDynamoDBContext(int i)
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var customer = Sample(i);

        var expected = oracle.ToItem(customer);

        Assert.Empty(AttributeValues.Differences(expected, CustomerMapper.ToItem(customer)));
        Assert.True(expected.ContainsKey("Verified")); // flattened: a top-level attribute, not a map
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void FromItem_MatchesDynamoDBContext(int i)
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var item = oracle.ToItem(Sample(i));

        Assert.Equal(JsonSerializer.Serialize(oracle.FromItem<Customer>(item)), JsonSerializer.Serialize(CustomerMapper.FromItem(item)));
    }
}
