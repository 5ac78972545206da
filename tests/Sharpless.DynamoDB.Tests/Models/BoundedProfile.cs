using System.ComponentModel.DataAnnotations;
using Amazon.DynamoDBv2.DataModel;
using Sharpless.DynamoDB;

namespace Sharpless.DynamoDB.Tests.Models;

/// <summary>
/// Every member bounded: the generator states the worst case as BoundedProfileMapper.MaxItemSize. Bounds use
/// [StringLength] and [ItemBounds]: .NET's [MaxLength] constructor is RequiresUnreferencedCode (IL2026), which the
/// Native AOT check (Sharpless.DynamoDB.AotCheck compiles these models) would report.
/// </summary>
[DynamoDBTable("Profiles")]
public class BoundedProfile
{
    [DynamoDBHashKey, StringLength(36)]
    public string Id { get; set; } = "";

    [StringLength(200)]
    public string? Name { get; set; }

    [ItemBounds(MaxCount = 3, ElementMaxLength = 8)]
    public List<string>? Tags { get; set; }

    [ItemBounds(MaxCount = 2, KeyMaxLength = 5, ElementMaxLength = 10)]
    public Dictionary<string, string>? Settings { get; set; }

    [ItemBounds(MaxLength = 16)]
    public byte[]? Avatar { get; set; }

    public int Score { get; set; }
    public long Big { get; set; }
    public decimal Balance { get; set; }
    public double Ratio { get; set; }
    public bool Active { get; set; }
    public DateTime Created { get; set; }
    public Guid Reference { get; set; }
    public ProfileAddress? Address { get; set; }

    [ItemBounds(MaxCount = 2)]
    public List<ProfileAddress>? Others { get; set; }
}

public class ProfileAddress
{
    [StringLength(20)]
    public string? City { get; set; }

    public short Zip { get; set; }
}

/// <summary>A model the item-size analyzer flags (SLS3004): one body can fill the whole item limit.</summary>
#pragma warning disable SLS3004 // on purpose: the referee test stores its worst case and expects DynamoDB to refuse it
[DynamoDBTable("Notes")]
public class OversizedNote
#pragma warning restore SLS3004
{
    [DynamoDBHashKey, StringLength(10)]
    public string Id { get; set; } = "";

    [StringLength(409_600)]
    public string? Body { get; set; }
}
