using Amazon.DynamoDBv2.DataModel;

namespace Sharpless.DynamoDB.Tests.Models;

/// <summary>Private properties, which DynamoDBContext stores by reflection; the mapper reaches them with [UnsafeAccessor].</summary>
[DynamoDBTable("Accounts")]
public class Account
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    private string? PasswordHash { get; set; }

    private List<string>? Roles { get; set; }

    private int LoginCount { get; set; }

    public void Set(string hash, List<string> roles, int logins)
    {
        PasswordHash = hash;
        Roles = roles;
        LoginCount = logins;
    }

    public (string? Hash, List<string>? Roles, int Logins) Secrets => (PasswordHash, Roles, LoginCount);
}
