using Amazon.DynamoDBv2;
using Sharpless.DynamoDB.Tests.Models;
using Sharpless.DynamoDB.Tests.Oracle;

namespace Sharpless.DynamoDB.Tests.Mapping;

/// <summary>Private properties are stored and read like DynamoDBContext does, through [UnsafeAccessor], not reflection.</summary>
public sealed class PrivateMemberTests
{
    [Fact]
    public void PrivateProperties_MatchDynamoDBContext()
    {
        using var oracle = new SdkOracle(DynamoDBEntryConversion.V1);
        var account = new Account { Id = "a-1" };
        account.Set("sha256:abc", ["admin", "ops"], 42);

        var expected = oracle.ToItem(account);
        Assert.Equal("sha256:abc", expected["PasswordHash"].S); // the SDK does store it

        Assert.Empty(AttributeValues.Differences(expected, AccountMapper.ToItem(account)));
        var read = AccountMapper.FromItem(expected);
        Assert.Equal(oracle.FromItem<Account>(expected).Secrets.Hash, read.Secrets.Hash);
        Assert.Equal(["admin", "ops"], read.Secrets.Roles!.Order());
        Assert.Equal(42, read.Secrets.Logins);
    }
}
