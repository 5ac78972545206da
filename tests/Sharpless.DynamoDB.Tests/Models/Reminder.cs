using Amazon.DynamoDBv2.DataModel;

namespace Sharpless.DynamoDB.Tests.Models;

/// <summary>Epoch-second dates (time-to-live attributes): StoreAsEpoch (32-bit) and StoreAsEpochLong.</summary>
[DynamoDBTable("Reminders")]
public class Reminder
{
    [DynamoDBHashKey]
    public string Id { get; set; } = "";

#pragma warning disable CS0618 // StoreAsEpoch is obsolete in the SDK, and still in use: the mapper must read and write it.
    [DynamoDBProperty(StoreAsEpoch = true)]
    public DateTime DueAt { get; set; }

    [DynamoDBProperty("snooze", true)]
    public DateTime? SnoozedUntil { get; set; }
#pragma warning restore CS0618

    [DynamoDBProperty(StoreAsEpochLong = true)]
    public DateTime ExpiresAt { get; set; }

    public DateTime CreatedAt { get; set; }
}
