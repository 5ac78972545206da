using System.ComponentModel.DataAnnotations;
using Amazon.DynamoDBv2.DataModel;
using Sharpless.DynamoDB;

namespace AntiPatterns.DynamoDB;

[DynamoDBTable("Customers")]
public class Customer
{
    [DynamoDBHashKey, StringLength(36)]
    public string Id { get; set; } = "";

    // SLS3001: DynamoDBContext cannot store a Uri either (it throws at run time); the generated mapper leaves it out,
    // so without the error its value would silently never be saved. Store the string.
    public Uri? Website { get; set; }

    // SLS3001: map keys are attribute names (strings); DynamoDB has no map with number keys.
    [ItemBounds(MaxCount = 12)]
    public Dictionary<int, int>? OrdersPerMonth { get; set; }
}
