using Amazon.DynamoDBv2.DataModel;

namespace Sharpless.DynamoDB.Tests.Models;

/// <summary>Types DynamoDBContext cannot store, which the mapper stores in their lossless round-trip text forms.</summary>
[DynamoDBTable("Sessions")]
public class Session
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }
    public TimeSpan Duration { get; set; }
    public TimeSpan? Timeout { get; set; }
    public HashSet<TimeSpan>? Breaks { get; set; }
}
