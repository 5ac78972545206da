using System.ComponentModel.DataAnnotations;
using Amazon.DynamoDBv2.DataModel;

namespace AntiPatterns.DynamoDB;

[DynamoDBTable("Carts")]
public class Cart
{
    [DynamoDBHashKey, StringLength(36)]
    public string Id { get; set; } = "";

    // SLS3003: DynamoDBContext.SaveAsync checks and increments a [DynamoDBVersion] (optimistic locking); the generated
    // mapper only converts values, so code that writes with CartMapper.ToItem must add the condition itself.
    [DynamoDBVersion]
    public int? Version { get; set; }
}
