using Amazon.DynamoDBv2.Model;
using Sharpless.DynamoDB.Tests.Models;

namespace Sharpless.DynamoDB.Tests.Mapping;

/// <summary>DateTimeOffset ("o") and TimeSpan ("c"): stored as S in their round-trip formats, read back exactly.</summary>
public sealed class BeyondTheSdkTests
{
    private static readonly Session Sample = new()
    {
        Id = "s-1",
        StartedAt = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567),
        Duration = new TimeSpan(1, 2, 3, 4, 567).Add(TimeSpan.FromTicks(8)),
        Timeout = null,
        Breaks = [TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)],
    };

    [Fact]
    public void AreStoredInRoundTripFormats()
    {
        var item = SessionMapper.ToItem(Sample);

        Assert.Equal("2024-01-02T03:04:05.1234567+02:00", item["StartedAt"].S);
        Assert.Equal("1.02:03:04.5670008", item["Duration"].S);
        Assert.False(item.ContainsKey("Timeout"));
        Assert.Equal(["00:15:00", "00:30:00"], item["Breaks"].SS.Order());
    }

    [Fact]
    public void RoundTripExactly_OffsetAndTicksIncluded()
    {
        var read = SessionMapper.FromItem(SessionMapper.ToItem(Sample));

        Assert.Equal(Sample.StartedAt, read.StartedAt);
        Assert.Equal(Sample.StartedAt.Offset, read.StartedAt.Offset);
        Assert.Equal(Sample.Duration, read.Duration);
        Assert.Null(read.Timeout);
        Assert.Equal(Sample.Breaks, read.Breaks);
    }

    [Fact]
    public void UnreadableText_NamesTheFormat()
    {
        var error = Assert.Throws<ItemMappingException>(() => SessionMapper.FromItem(new Dictionary<string, AttributeValue>
        {
            ["Duration"] = new AttributeValue { S = "ninety minutes" },
        }));

        Assert.Equal("Duration", error.AttributePath);
        Assert.Equal("a constant-format (\"c\") time span (S)", error.Expected);
    }
}
