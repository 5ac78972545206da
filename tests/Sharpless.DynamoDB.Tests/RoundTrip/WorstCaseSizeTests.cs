using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sharpless.DynamoDB.Tests.Dynalite;
using Sharpless.DynamoDB.Tests.Models;

namespace Sharpless.DynamoDB.Tests.RoundTrip;

/// <summary>
/// The compile-time worst case (MaxItemSize, computed by the item-size analyzer's calculator) equals the run-time
/// GetItemSize of a worst-case instance, and dynalite agrees on which worst cases fit.
/// </summary>
[Collection(DynaliteCollection.Name)]
[Trait("Category", "DynamoDB")]
public sealed class WorstCaseSizeTests(DynaliteServer server)
{
    private static ProfileAddress WorstAddress(char c) => new() { City = new string(c, 20), Zip = short.MinValue };

    /// <summary>Every bound filled, every number at its longest text (ASCII strings, as this project declares).</summary>
    private static BoundedProfile WorstProfile() => new()
    {
        Id = new string('i', 36),
        Name = new string('n', 200),
        Tags = ["aaaaaaaa", "bbbbbbbb", "cccccccc"],
        Settings = new() { ["kkkkk"] = new string('v', 10), ["lllll"] = new string('w', 10) },
        Avatar = new byte[16],
        Score = int.MinValue,
        Big = long.MinValue,
        Balance = -7922816251426433759354395033.5m,
        Ratio = -1.2345678901234567,
        Active = true,
        Created = DateTime.UtcNow,
        Reference = Guid.NewGuid(),
        Address = WorstAddress('a'),
        Others = [WorstAddress('b'), WorstAddress('c')],
    };

    [Fact]
    public void WorstCaseInstance_GetItemSize_EqualsTheCompileTimeWorstCase()
    {
        Assert.Equal(BoundedProfileMapper.MaxItemSize, BoundedProfileMapper.GetItemSize(WorstProfile()));
        Assert.Equal(2 + 10 + 4 + 409_600, OversizedNoteMapper.MaxItemSize); // "Id" + 10 chars, "Body" + 409,600 chars
    }

    [Fact]
    public async Task Dynalite_AcceptsTheWorstCaseOfAModelThatFits_AndRejectsOneThatIsFlagged()
    {
        await server.EnsureTableAsync(BoundedProfileMapper.TableName, BoundedProfileMapper.Attributes.Id, ScalarAttributeType.S);
        await server.EnsureTableAsync(OversizedNoteMapper.TableName, OversizedNoteMapper.Attributes.Id, ScalarAttributeType.S);

        await server.Client.PutItemAsync(new PutItemRequest { TableName = BoundedProfileMapper.TableName, Item = BoundedProfileMapper.ToItem(WorstProfile()) });

        var worstNote = new OversizedNote { Id = new string('i', 10), Body = new string('b', 409_600) };
        Assert.True(OversizedNoteMapper.GetItemSize(worstNote) > ItemSize.MaxItemBytes);
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            server.Client.PutItemAsync(new PutItemRequest { TableName = OversizedNoteMapper.TableName, Item = OversizedNoteMapper.ToItem(worstNote) }));
        Assert.Contains("Item size has exceeded the maximum allowed size", error.Message);
    }
}
