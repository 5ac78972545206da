using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sharpless.DynamoDB.Tests.Dynalite;
using Sharpless.DynamoDB.Tests.Models;
using Sharpless.DynamoDB.Tests.Oracle;

namespace Sharpless.DynamoDB.Tests.RoundTrip;

/// <summary>
/// StoreAsEpoch/StoreAsEpochLong are applied by DynamoDBContext when it saves (not by ToDocument), so the oracle here is
/// what SaveAsync puts in the table, read back raw: the mapper must store exactly that, and each side must read the other.
/// </summary>
[Collection(DynaliteCollection.Name)]
[Trait("Category", "DynamoDB")]
public sealed class EpochRoundTripTests(DynaliteServer server)
{
    public static TheoryData<string, string, string?, string> Dates() => new()
    {
        // due (StoreAsEpoch), snoozed (StoreAsEpoch, nullable), expires (StoreAsEpochLong)
        { "plain", "2024-01-02T03:04:05.678Z", null, "2300-01-02T03:04:05.000Z" },
        { "half-second", "2024-01-02T03:04:05.500Z", "2024-01-02T03:04:06.500Z", "2024-01-02T03:04:05.499Z" },
        { "sub-millisecond", "2024-01-02T03:04:05.9999999Z", "1969-12-31T23:59:59.250Z", "0001-01-01T00:00:00.000Z" },
        { "beyond-2038", "2039-01-01T13:56:34.000Z", "2100-06-30T00:00:00.000Z", "9999-12-31T23:59:59.000Z" },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public async Task MapperStoresWhatSaveAsyncStores_AndBothReadEachOther(string id, string due, string? snoozed, string expires)
    {
        await server.EnsureTableAsync(ReminderMapper.TableName, ReminderMapper.Attributes.Id, ScalarAttributeType.S);
        var reminder = new Reminder
        {
            Id = "epoch-" + id,
            DueAt = Parse(due),
            SnoozedUntil = snoozed is null ? null : Parse(snoozed),
            ExpiresAt = Parse(expires),
            CreatedAt = Parse(due),
        };
        using var context = server.CreateContext(DynamoDBEntryConversion.V1);

        await context.SaveAsync(reminder);
        var saved = (await server.Client.GetItemAsync(new GetItemRequest { TableName = ReminderMapper.TableName, Key = ReminderMapper.KeyOf(reminder), ConsistentRead = true })).Item;

        Assert.Empty(AttributeValues.Differences(saved, ReminderMapper.ToItem(reminder)));
        Assert.NotNull(saved["DueAt"].N ?? saved["DueAt"].S);

        // The SDK reads what the mapper wrote, and the mapper reads what the SDK wrote, to the same values.
        await server.Client.PutItemAsync(new PutItemRequest { TableName = ReminderMapper.TableName, Item = ReminderMapper.ToItem(reminder) });
        var loadedBySdk = await context.LoadAsync<Reminder>(reminder.Id);
        Assert.Equal(Json(loadedBySdk), Json(ReminderMapper.FromItem(saved)));
    }

    [Fact]
    public void StoresEpochNumbers_RoundedToWholeSeconds()
    {
        var item = ReminderMapper.ToItem(new Reminder
        {
            Id = "r",
            DueAt = Parse("2024-01-02T03:04:05.678Z"),
            ExpiresAt = Parse("2300-01-02T03:04:05.000Z"),
        });

        Assert.Equal("1704164646", item["DueAt"].N);         // facts/dynamodb.md §1.2, observed from SaveAsync
        Assert.Equal("10413889445", item["ExpiresAt"].N);    // likewise
        Assert.False(item.ContainsKey("snooze"));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 6, DateTimeKind.Utc), ReminderMapper.FromItem(item).DueAt);
    }

    private static DateTime Parse(string iso) => DateTime.Parse(iso, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    private static string Json(Reminder reminder) => JsonSerializer.Serialize(new { reminder.Id, reminder.DueAt, reminder.SnoozedUntil, reminder.ExpiresAt, reminder.CreatedAt });
}
