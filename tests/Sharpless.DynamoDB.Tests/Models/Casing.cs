using Amazon.DynamoDBv2.DataModel;

namespace Sharpless.DynamoDB.Tests.Models;

#pragma warning disable CS0618 // the bool constructor (LowerCamelCaseProperties) is obsolete, and still found in existing models
/// <summary>The obsolete LowerCamelCaseProperties: camelCase for the table's own members only.</summary>
[DynamoDBTable("LegacyCased", true)]
public class LegacyCased
#pragma warning restore CS0618
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    public string? DisplayName { get; set; }

    public CasedDetail? Detail { get; set; }
}

/// <summary>CaseMode.PascalCase: AWSSDK.DynamoDBv2 4.0.109.3 keeps the names as declared (observed by the oracle test).</summary>
[DynamoDBTable("PascalCased", CaseMode.PascalCase)]
public class PascalCased
{
    [DynamoDBHashKey]
    public string id { get; set; } = "";

    public string? displayName { get; set; }

    public CasedDetail? detail { get; set; }
}

public class CasedDetail
{
    public string? InnerValue { get; set; }

    public string? lowerStart { get; set; }
}
