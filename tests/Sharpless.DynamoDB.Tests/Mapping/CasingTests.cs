using Amazon.DynamoDBv2;
using Sharpless.DynamoDB.Tests.Models;
using Sharpless.DynamoDB.Tests.Oracle;

namespace Sharpless.DynamoDB.Tests.Mapping;

/// <summary>CaseMode variants other than camelCase (covered by the V2 parity run), against DynamoDBContext.</summary>
public sealed class CasingTests
{
    private static readonly CasedDetail Detail = new() { InnerValue = "x", lowerStart = "y" };

    [Fact]
    public void LegacyCamelCase_CamelCasesOnlyTheTablesOwnMembers()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var model = new LegacyCased { Id = "l", DisplayName = "n", Detail = Detail };

        var expected = oracle.ToItem(model);

        Assert.Empty(AttributeValues.Differences(expected, LegacyCasedMapper.ToItem(model)));
        Assert.Equal("x", LegacyCasedMapper.FromItem(expected).Detail!.InnerValue);
    }

    [Fact]
    public void PascalCase_KeepsNamesAsDeclared_AsTheSdkDoes()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var model = new PascalCased { id = "p", displayName = "n", detail = Detail };

        var expected = oracle.ToItem(model);

        Assert.Empty(AttributeValues.Differences(expected, PascalCasedMapper.ToItem(model)));
        Assert.Equal(["detail", "displayName", "id"], expected.Keys.Order()); // observed: PascalCase keeps names as declared
        Assert.Equal("y", PascalCasedMapper.FromItem(expected).detail!.lowerStart);
    }
}
